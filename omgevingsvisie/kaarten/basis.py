"""De basis van elke kaart: een folium-kaart die zonder internet werkt.

folium haalt Leaflet, jQuery, Bootstrap en Font Awesome standaard van CDN's. Een kaart van
deze toolkit gebruikt alleen Leaflet, en neemt die (JavaScript, CSS en de plaatjes van de
lagenknop) letterlijk op in het HTML-bestand, uit het PyPI-pakket ``xstatic-leaflet``.
Zo opent de kaart ook vanaf een USB-stick of in een afgeschermd netwerk.

De achtergronden van PDOK (BRT-Achtergrondkaart standaard en grijs, luchtfoto) laden alleen
als er internet is; lukt dat niet, dan blijft de achtergrond leeg (doorzichtige tegels, geen
gebroken plaatjes of scriptfouten) en wordt de data gewoon getekend.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import folium
import geopandas as gpd
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, MacroElement
from jinja2 import Template
from markupsafe import Markup
from shapely.geometry import box

from ..catalogus import CRS
from ..io.sjablonen import sjabloon_omgeving

if TYPE_CHECKING:
    from jinja2.environment import TemplateModule

LEAFLET_VERSIE = xstatic_leaflet.VERSION

_LEEG_PLAATJE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
"""Een doorzichtige GIF van 1×1 pixel: wat een tegel toont als hij niet kan laden."""

MAX_ZOOM = 19

MAX_OPEN_GROEPEN = 10
"""Met meer lagengroepen dan dit is de lagenknop ingeklapt (openen met de muis)."""

FRAGMENTEN = "fragmenten.html.j2"
"""Het sjabloon (in ``kaarten/sjablonen/``) met de HTML-stukken van de kaarten als macro's."""


@dataclass(frozen=True)
class Achtergrond:
    """Een achtergrondkaart (WMTS-tegels in EPSG:3857) van PDOK."""

    naam: str
    url: str
    attributie: str


_BRT = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/{stijl}/EPSG:3857/{{z}}/{{x}}/{{y}}.png"
_BRT_ATTRIBUTIE = "BRT-Achtergrondkaart &copy; Kadaster (PDOK)"

ACHTERGRONDEN = (
    Achtergrond("PDOK achtergrondkaart grijs", _BRT.format(stijl="grijs"), _BRT_ATTRIBUTIE),
    Achtergrond("PDOK achtergrondkaart standaard", _BRT.format(stijl="standaard"), _BRT_ATTRIBUTIE),
    Achtergrond(
        "PDOK luchtfoto",
        "https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg",
        "Luchtfoto &copy; Beeldmateriaal Nederland (PDOK)",
    ),
)
"""De achtergronden in de lagenknop; de eerste staat aan."""

DATA_ATTRIBUTIE = "Data: Omgevingsvisie Assen 2021 (indicatief); wijken &copy; CBS/Kadaster, CC-BY 4.0"

_KAART_CSS = """
.leaflet-control-attribution { max-width: 60vw; }
.leaflet-control-layers { max-width: 38vw; }
.leaflet-control-layers label { white-space: normal; }
.ov-titel { position: absolute; top: 10px; left: 54px; z-index: 1000; max-width: 46%;
  background: rgba(255,255,255,.92); padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 14px/1.3 system-ui, sans-serif; }
.ov-titel h1 { font-size: 16px; margin: 0; }
.ov-titel p { margin: 2px 0 0; font-size: 12px; color: #555; }
.ov-legenda { background: rgba(255,255,255,.95); padding: 6px 10px; max-width: 340px;
  max-height: 45vh; overflow-y: auto; font: 12px/1.35 system-ui, sans-serif; }
.ov-legenda summary { font-weight: 600; cursor: pointer; margin: 4px 0 2px; }
.ov-legenda ul { list-style: none; margin: 0 0 4px; padding: 0; }
.ov-legenda li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.ov-legenda .ov-uitleg { color: #555; margin: 0 0 4px; }
.ov-sw { flex: 0 0 auto; display: inline-block; width: 18px; height: 12px; box-sizing: border-box; }
.ov-sw.ov-vlak { border: 2px solid; }
.ov-sw.ov-lijn { height: 0; border-top-width: 4px; border-top-style: solid; }
.ov-sw.ov-punt { width: 12px; border-radius: 50%; border: 2px solid; margin: 0 3px; }
.ov-verloop { height: 12px; margin: 4px 0 2px; border: 1px solid #999; }
.ov-schaal { display: flex; justify-content: space-between; }
.ov-dekking { display: flex; align-items: center; gap: 6px; margin-top: 6px; }
.ov-popup { font: 13px/1.35 system-ui, sans-serif; }
.ov-popup h4 { margin: 0 0 4px; font-size: 14px; }
.ov-popup .ov-kop { font-size: 11px; text-transform: uppercase; color: #666; }
.ov-popup table { border-collapse: collapse; }
.ov-popup th { text-align: left; vertical-align: top; padding: 1px 8px 1px 0; color: #444;
  white-space: nowrap; }
.ov-popup td { vertical-align: top; padding: 1px 0; }
.ov-popup ul { margin: 2px 0; padding-left: 16px; }
.ov-status { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; }
"""


def _data_url(pad: Path, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(pad.read_bytes()).decode('ascii')}"


@lru_cache(maxsize=1)
def leaflet_bestanden() -> tuple[str, str]:
    """Leaflet-JavaScript en -CSS uit ``xstatic-leaflet``, klaar om in te voegen.

    De plaatjes waarnaar de CSS verwijst (lagenknop, standaardmarker) staan er als
    ``data:``-URL in; de verwijzing naar de source map is weggelaten.

    Returns
    -------
    tuple of str
        ``(javascript, css)``.
    """
    map_ = Path(xstatic_leaflet.BASE_DIR)
    js = (map_ / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
    css = (map_ / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(
        r"url\((images/[\w.-]+\.png)\)",
        lambda m: f"url({_data_url(map_ / m.group(1), 'image/png')})",
        css,
    )
    if "</script" in js.lower() or "</style" in css.lower():  # pragma: no cover - andere Leaflet
        raise RuntimeError("Leaflet bevat een sluittag en kan niet veilig worden ingevoegd")
    return js, css


def tekst(waarde: object) -> str:
    """Attribuuttekst veilig voor HTML: ge-escaped, ook voor folium's sjablonen.

    Naast ``<``, ``>``, ``&`` en aanhalingstekens worden ook ``{`` en ``}`` als entiteit
    geschreven: folium/branca leest de uitvoer van elk element nog eens als Jinja-sjabloon,
    zodat een naam als ``{{ 7*7 }}`` anders zou worden uitgerekend. In de browser staat er
    gewoon de oorspronkelijke tekst.

    Parameters
    ----------
    waarde : object
        Tekst of iets anders; ``None`` wordt een lege tekst.
    """
    if waarde is None:
        return ""
    return html.escape(str(waarde), quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _veilig(waarde: object) -> Markup:
    """Finalize van de sjablonen: :class:`~markupsafe.Markup` blijft, de rest gaat door :func:`tekst`."""
    if isinstance(waarde, Markup):
        return waarde
    return Markup(tekst(waarde))


@lru_cache(maxsize=1)
def fragmenten() -> TemplateModule:
    """De macro's van ``sjablonen/fragmenten.html.j2``, bij het eerste gebruik gelezen.

    Elke macro (``popup``, ``tabel``, ``legenda``, ``titel``, …) geeft
    :class:`~markupsafe.Markup`. Alles wat geen Markup is, escapet het sjabloon zoals
    :func:`tekst` (dus ook ``{`` en ``}``); een fragment dat in een ander fragment komt, blijft
    zoals het is.

    Returns
    -------
    jinja2.environment.TemplateModule
        De macro's als attributen, bijvoorbeeld ``fragmenten().popup(titel, rijen, kop=...)``.
    """
    return sjabloon_omgeving("omgevingsvisie.kaarten", finalize=_veilig).get_template(FRAGMENTEN).module


class Ruw(Element):
    """Een stuk HTML dat letterlijk in het document komt (niet opnieuw als sjabloon gelezen)."""

    _template = Template("{{ this.inhoud }}")

    def __init__(self, inhoud: str):
        super().__init__()
        self.inhoud = inhoud


def nieuwe_kaart(*, titel: str, ondertitel: str = "") -> folium.Map:
    """Een lege kaart met ingebouwde Leaflet, de PDOK-achtergronden en een titel.

    Schaalbalk, lagenknop en het inzoomen op de data komen er in :func:`voltooi_kaart` bij.

    Parameters
    ----------
    titel : str
        Titel van de kaart (ook de titel van het HTML-document).
    ondertitel : str, optional
        Regel onder de titel, bijvoorbeeld de bron of "indicatief".

    Returns
    -------
    folium.Map
        Zonder CDN-verwijzingen: ``default_js``/``default_css`` van déze kaart zijn leeg, Leaflet
        staat inline in de kop van het document.
    """
    kaart = folium.Map(tiles=None, control_scale=False, max_zoom=MAX_ZOOM, zoom_start=12,
                       location=[52.99, 6.56], font_size="13px")
    kaart.default_js = []
    kaart.default_css = []
    js, css = leaflet_bestanden()
    figuur = kaart.get_root()
    figuur.title = tekst(titel)
    html_ = fragmenten()
    figuur.header.add_child(Ruw(html_.stijl(css)), name="leaflet_css")
    figuur.header.add_child(Ruw(html_.script(js)), name="leaflet")
    figuur.header.add_child(Ruw(html_.stijl(_KAART_CSS)), name="omgevingsvisie_css")
    for i, achtergrond in enumerate(ACHTERGRONDEN):
        folium.TileLayer(
            tiles=achtergrond.url, attr=achtergrond.attributie, name=tekst(achtergrond.naam),
            max_zoom=MAX_ZOOM, max_native_zoom=MAX_ZOOM, show=(i == 0),
            error_tile_url=_LEEG_PLAATJE,
        ).add_to(kaart)
    figuur.html.add_child(Ruw(html_.titel(titel, ondertitel)), name="ov_titel")
    return kaart


class _Afronding(MacroElement):
    """Laatste script van de kaart: schaalbalk, data-attributie, tekenvolgorde, klaarmelding.

    - vlakken liggen achter lijnen en punten, grote vlakken achter kleine (zodat alles
      aanklikbaar blijft), ook nadat een lagengroep opnieuw is aangezet;
    - ``document.body.dataset.kaartKlaar`` krijgt na het laden een JSON-object met het
      aantal getekende SVG-paden per laag (``lagen``), het totaal (``paden``), het aantal
      rasterafbeeldingen en legenda's. De browsertests lezen dit; voor gebruikers onzichtbaar.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var kaart = {{ this._parent.get_name() }};
            window.omgevingsvisieKaart = kaart;
            kaart.attributionControl.addAttribution({{ this.attributie|tojson }});
            L.control.scale({metric: true, imperial: false, maxWidth: 150}).addTo(kaart);
            function ordenen() {
                var vlakken = [], lijnen = [], punten = [];
                kaart.eachLayer(function (laag) {
                    if (!laag.feature) { return; }
                    if (laag instanceof L.CircleMarker) { punten.push(laag); }
                    else if (laag instanceof L.Polygon) { vlakken.push(laag); }
                    else if (laag instanceof L.Polyline) { lijnen.push(laag); }
                });
                vlakken.sort(function (a, b) {
                    return (b.feature.properties._opp || 0) - (a.feature.properties._opp || 0);
                });
                vlakken.concat(lijnen, punten).forEach(function (laag) { laag.bringToFront(); });
            }
            function meld() {
                var lagen = {}, paden = document.querySelectorAll('.leaflet-overlay-pane path');
                paden.forEach(function (pad) {
                    pad.classList.forEach(function (klasse) {
                        if (klasse.indexOf('ov-') === 0) {
                            lagen[klasse.slice(3)] = (lagen[klasse.slice(3)] || 0) + 1;
                        }
                    });
                });
                document.body.dataset.kaartKlaar = JSON.stringify({
                    paden: paden.length,
                    lagen: lagen,
                    afbeeldingen: document.querySelectorAll('.leaflet-image-layer').length,
                    legendas: document.querySelectorAll('.ov-legenda').length
                });
            }
            ordenen();
            kaart.on('overlayadd', ordenen);
            if (document.readyState === 'complete') { meld(); }
            else { window.addEventListener('load', meld); }
        })();
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "Afronding"
        self.attributie = DATA_ATTRIBUTIE


def grenzen_wgs84(geometrieen: gpd.GeoSeries) -> list[list[float]]:
    """Omhullende van RD-geometrieën als ``[[zuid, west], [noord, oost]]`` in graden."""
    if geometrieen.crs is None or geometrieen.crs.to_epsg() != 28992:
        geometrieen = geometrieen.to_crs(CRS)
    xmin, ymin, xmax, ymax = geometrieen.total_bounds
    rand = gpd.GeoSeries([box(xmin, ymin, xmax, ymax)], crs=CRS).to_crs("EPSG:4326")
    west, zuid, oost, noord = rand.total_bounds
    return [[float(zuid), float(west)], [float(noord), float(oost)]]


def voltooi_kaart(kaart: folium.Map, *, focus: gpd.GeoSeries) -> folium.Map:
    """Lagenknop, inzoomen op ``focus`` en het afrondingsscript toevoegen (als laatste stap).

    De lagenknop staat open, behalve bij meer dan :data:`MAX_OPEN_GROEPEN` lagengroepen
    (bijvoorbeeld een toets van veel initiatieven).

    Parameters
    ----------
    kaart : folium.Map
        Kaart van :func:`nieuwe_kaart` met alle lagen erop.
    focus : geopandas.GeoSeries
        Geometrieën (RD) waarop de kaart bij openen inzoomt.
    """
    groepen = sum(isinstance(kind, folium.FeatureGroup) for kind in kaart._children.values())
    folium.LayerControl(collapsed=groepen > MAX_OPEN_GROEPEN, position="topright").add_to(kaart)
    kaart.fit_bounds(grenzen_wgs84(focus), padding=(20, 20))
    kaart.add_child(_Afronding())
    return kaart


def _element_ids(element: Element) -> set[str]:
    ids = {element._id}
    for kind in element._children.values():
        ids |= _element_ids(kind)
    return ids


def render_kaart(kaart: folium.Map) -> str:
    """De volledige, zelfstandige HTML van een kaart (Nederlandstalig document).

    folium geeft elk element een willekeurige id (``map_3f9c…``); die worden hier op volgorde
    van voorkomen genummerd, zodat dezelfde kaart steeds hetzelfde bestand oplevert (en een
    opnieuw gemaakte voorbeeldkaart in git alleen verschilt waar de inhoud verschilt).
    """
    figuur = kaart.get_root()
    html_ = figuur.render()
    ids = _element_ids(figuur)
    nummers: dict[str, str] = {}

    def vast(gevonden: re.Match) -> str:
        oud = gevonden.group(1)
        if oud not in ids:
            return gevonden.group(0)
        return "_" + nummers.setdefault(oud, f"{len(nummers) + 1:032x}")

    html_ = re.sub(r"_([0-9a-f]{32})(?![0-9a-f])", vast, html_)
    return html_.replace("<html>", '<html lang="nl">', 1)
