"""Bouwstenen van de kaarten: lagen tekenen, popups en legenda's.

Popups en legenda's komen uit de sjablonen (:func:`~omgevingsvisie.kaarten.basis.fragmenten`,
autoescape); tooltips en namen gaan door :func:`~omgevingsvisie.kaarten.basis.tekst`. Beide
escapen ook ``{`` en ``}``. In de GeoJSON van de kaart staan alleen de kant-en-klare
(ge-escapete) popup- en tooltipteksten, nooit de ruwe attributen.

Geometrieën worden alléén voor het tekenen vereenvoudigd (``tolerantie`` in meters, in RD,
vóór het omrekenen naar EPSG:4326); de lagen zelf blijven onaangetast.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from numbers import Number

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.utilities import JsCode
from jinja2 import Template
from markupsafe import Markup

from ..catalogus import CRS
from ..stijl import Stijl
from ..tekst import getal
from .basis import fragmenten, tekst

VEREENVOUDIGING_M = 2.0
"""Standaardtolerantie (m) voor het vereenvoudigen van geometrie op de kaart; op zoomniveau
17 is één pixel ruim 1 m."""

_DECIMALEN = 6
"""Decimalen van lengte- en breedtegraad in de kaart (ca. 0,1 m)."""

WAARDE_DECIMALEN = 2
"""Decimalen van een niet-geheel getal in popups, tooltips en legenda's (nullen vallen weg)."""

_POPUP_OPTIES = {"maxWidth": 380, "maxHeight": 360}

_PER_FEATURE = JsCode(
    """function (feature, laag) {
        var p = feature.properties;
        if (p._popup) { laag.bindPopup(p._popup, %s); }
        if (p._tip) { laag.bindTooltip(p._tip, {sticky: true}); }
    }""" % str(_POPUP_OPTIES).replace("'", '"')
)


# ---------------------------------------------------------------- tekst en popups

def is_leeg(waarde: object) -> bool:
    """Of een attribuutwaarde ontbreekt (``None``, NaN, lege tekst)."""
    if waarde is None:
        return True
    if isinstance(waarde, float) and math.isnan(waarde):
        return True
    return isinstance(waarde, str) and not waarde.strip()


def waarde_tekst(waarde: object) -> str:
    """Een waarde als Nederlandse tekst (nog niet ge-escaped), voor popups en legenda's.

    Getallen gaan via :func:`omgevingsvisie.tekst.getal` (gehele getallen zonder, andere met
    hoogstens :data:`WAARDE_DECIMALEN` decimalen); ontbrekend wordt ``"–"``, waar/onwaar
    ``"ja"``/``"nee"``, lijsten en dicts worden opgesomd.

    >>> waarde_tekst(1234.5), waarde_tekst(True), waarde_tekst([1, "a"])
    ('1.234,5', 'ja', '1, a')
    """
    if is_leeg(waarde):
        return "–"
    if isinstance(waarde, (bool, np.bool_)):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, np.integer)):
        return getal(int(waarde))
    if isinstance(waarde, Number):
        return getal(float(waarde), WAARDE_DECIMALEN)
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {waarde_tekst(v)}" for k, v in waarde.items())
    if isinstance(waarde, (list, tuple, set)):
        return ", ".join(waarde_tekst(v) for v in waarde)
    return str(waarde)


_EENHEDEN = (("_m2", " (m²)"), ("_pct", " (%)"), ("_mm", " (mm)"), ("_km", " (km)"), ("_m", " (m)"),
             ("_ha", " (ha)"))


def veldnaam(sleutel: object) -> str:
    """Een attribuut- of waardenaam leesbaar: ``oppervlakte_m2`` wordt ``oppervlakte (m²)``.

    >>> veldnaam("afstand_tot_groen_m"), veldnaam("groen_pct")
    ('afstand tot groen (m)', 'groen (%)')
    """
    sleutel = str(sleutel)
    for achtervoegsel, eenheid in _EENHEDEN:
        if sleutel.endswith(achtervoegsel) and len(sleutel) > len(achtervoegsel):
            return sleutel[: -len(achtervoegsel)].replace("_", " ") + eenheid
    return sleutel.replace("_", " ")


def tabel_rijen(velden: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
    """Label en waarde als tekst (:func:`waarde_tekst`, nog niet ge-escaped); lege waarden vallen weg."""
    return [(label, waarde_tekst(waarde)) for label, waarde in velden if not is_leeg(waarde)]


def popup_html(titel: object, velden: Iterable[tuple[str, object]], *, kop: str = "",
               extra: Markup = Markup()) -> Markup:
    """HTML voor een popup: kop, titel en een tabel met velden (alles ge-escaped).

    Parameters
    ----------
    titel : object
        Vetgedrukte titel (meestal de naam van het object).
    velden : iterable of (str, object)
        Label en waarde; lege waarden worden overgeslagen.
    kop : str, optional
        Kleine regel boven de titel, bijvoorbeeld de laag of het principe.
    extra : markupsafe.Markup, optional
        HTML die onder de tabel komt: een ander fragment uit
        :func:`~omgevingsvisie.kaarten.basis.fragmenten` (gewone tekst wordt ge-escaped).

    Returns
    -------
    markupsafe.Markup
        De popup; ook ``{`` en ``}`` zijn ge-escaped (folium's sjablonen).
    """
    return fragmenten().popup(titel, tabel_rijen(velden), kop=kop, extra=extra)


# ---------------------------------------------------------------- lagen tekenen

def leaflet_stijl(stijl: Stijl, geometrie: str, *, klasse: str) -> dict:
    """Leaflet-padopties voor een :class:`~omgevingsvisie.stijl.Stijl` en geometrietype.

    Parameters
    ----------
    stijl : Stijl
        Kleuren en lijnen uit :mod:`omgevingsvisie.stijl`.
    geometrie : str
        GeoJSON-geometrietype van het feature.
    klasse : str
        CSS-klasse van het SVG-pad (``ov-<laag>``), waarmee tests en stijlen de paden vinden.
    """
    opties = {"color": stijl.lijn, "weight": stijl.lijndikte, "opacity": 0.95, "className": klasse,
              "dashArray": stijl.streep}
    if geometrie.endswith("Point"):
        opties.update(radius=7, weight=1.5, fill=True, fillColor=stijl.vulling or stijl.lijn,
                      fillOpacity=max(stijl.dekking, 0.8))
    elif geometrie.endswith("Polygon"):
        opties.update(fill=stijl.vulling is not None, fillColor=stijl.vulling or stijl.lijn,
                      fillOpacity=stijl.dekking)
    return opties


def _voor_weergave(gdf: gpd.GeoDataFrame, tolerantie: float) -> gpd.GeoSeries:
    """Vereenvoudigd in RD, dan naar EPSG:4326 met afgeronde coördinaten."""
    geometrie = gdf.geometry if gdf.crs is not None and gdf.crs.to_epsg() == 28992 else gdf.geometry.to_crs(CRS)
    if tolerantie > 0:
        geometrie = geometrie.simplify(tolerantie, preserve_topology=True)
    wgs84 = geometrie.to_crs("EPSG:4326")
    afgerond = shapely.transform(wgs84.values, lambda xy: np.round(xy, _DECIMALEN))
    return gpd.GeoSeries(afgerond, index=gdf.index, crs="EPSG:4326")


def _onderdelen(geometrie) -> list:
    """GeometryCollection en MultiPoint in losse delen (één pad/marker per feature);
    een LinearRing (geen GeoJSON-type) als LineString."""
    if geometrie.geom_type in ("GeometryCollection", "MultiPoint"):
        return [los for deel in geometrie.geoms if not deel.is_empty for los in _onderdelen(deel)]
    if geometrie.geom_type == "LinearRing":
        return [shapely.geometry.LineString(geometrie.coords)]
    return [geometrie]


def teken_laag(
    doel: folium.map.Layer | folium.Map,
    gdf: gpd.GeoDataFrame,
    *,
    laag: str,
    stijl: Stijl | Callable[[pd.Series], Stijl],
    popup: Callable[[pd.Series], str] | None = None,
    tooltip: Callable[[pd.Series], object] | None = None,
    tolerantie: float = VEREENVOUDIGING_M,
) -> folium.GeoJson | None:
    """Teken een laag (RD) als één GeoJSON-laag in ``doel`` (een lagengroep of de kaart).

    Parameters
    ----------
    doel : folium.FeatureGroup or folium.Map
        Waar de laag in komt.
    gdf : geopandas.GeoDataFrame
        De features, in EPSG:28992 (of een ander stelsel; dan eerst naar RD).
    laag : str
        Naam voor de CSS-klasse van de paden (``ov-<laag>``).
    stijl : Stijl or callable
        Eén stijl voor alles, of een functie van de rij naar een stijl.
    popup : callable, optional
        Functie van de rij naar kant-en-klare popup-HTML (zie :func:`popup_html`).
    tooltip : callable, optional
        Functie van de rij naar de tooltiptekst (wordt hier ge-escaped).
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave; 0 = niet vereenvoudigen.

    Returns
    -------
    folium.GeoJson or None
        ``None`` als er niets te tekenen is.
    """
    if tolerantie < 0:
        raise ValueError("tolerantie moet 0 of groter zijn (meters)")
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if gdf.empty:
        return None
    weergave = _voor_weergave(gdf, tolerantie)
    oppervlakte = gdf.geometry.to_crs(CRS).area if gdf.crs.to_epsg() != 28992 else gdf.geometry.area
    features, stijlen = [], []
    for index, rij in gdf.iterrows():
        rij_stijl = stijl(rij) if callable(stijl) else stijl
        eigenschappen = {"_opp": round(float(oppervlakte[index]))}
        if popup is not None:
            eigenschappen["_popup"] = str(popup(rij))
        if tooltip is not None:
            eigenschappen["_tip"] = tekst(tooltip(rij))
        for deel in _onderdelen(weergave[index]):
            stijlen.append(leaflet_stijl(rij_stijl, deel.geom_type, klasse=f"ov-{laag}"))
            features.append({"type": "Feature", "id": len(features), "properties": eigenschappen,
                             "geometry": shapely.geometry.mapping(deel)})
    geojson = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda feature: stijlen[feature["id"]],
        marker=folium.CircleMarker(radius=7),
        on_each_feature=_PER_FEATURE,
        control=False,
    )
    geojson.add_to(doel)
    return geojson


def lagengroep(kaart: folium.Map, naam: str, *, zichtbaar: bool = True) -> folium.FeatureGroup:
    """Een aan/uit te zetten groep in de lagenknop (naam wordt ge-escaped)."""
    return folium.FeatureGroup(name=tekst(naam), show=zichtbaar).add_to(kaart)


# ---------------------------------------------------------------- legenda

@dataclass(frozen=True)
class LegendaItem:
    """Eén regel van de legenda: een symbool en een tekst."""

    label: str
    stijl: Stijl
    vorm: str = "vlak"
    """``"vlak"``, ``"lijn"`` of ``"punt"``."""

    def html(self) -> Markup:
        """Het item als ``<li>`` (ge-escaped)."""
        s = self.stijl
        if self.vorm == "lijn":
            patroon = "dashed" if s.streep else "solid"
            css = f"border-top: 4px {patroon} {s.lijn}"
        elif self.vorm == "punt":
            css = f"background: {s.vulling or s.lijn}; border-color: {s.lijn}"
        else:
            vulling = _rgba(s.vulling, s.dekking) if s.vulling else "transparent"
            patroon = "dashed" if s.streep else "solid"
            css = f"background: {vulling}; border-color: {s.lijn}; border-style: {patroon}"
        return fragmenten().legenda_item(self.vorm, css, self.label)


def _rgba(kleur: str, dekking: float) -> str:
    r, g, b = (int(kleur[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{max(dekking, 0.25):.2f})"


@dataclass
class LegendaSectie:
    """Een inklapbaar deel van de legenda, optioneel gekoppeld aan een lagengroep.

    Staat de groep uit (in de lagenknop), dan verdwijnt ook dit deel van de legenda.
    """

    titel: str
    items: Sequence[LegendaItem] = ()
    groep: folium.FeatureGroup | None = None
    uitleg: str = ""
    open: bool = True

    def html(self, nummer: int) -> Markup:
        """Het deel als ``<details data-sectie="nummer">`` (ge-escaped)."""
        return fragmenten().legenda_sectie(nummer, self.titel, self.uitleg, [item.html() for item in self.items],
                                           self.open)


class Legenda(MacroElement):
    """Legenda rechtsonder, met één inklapbaar deel per principe of laag.

    Parameters
    ----------
    secties : list of LegendaSectie
        De delen, van boven naar beneden.
    titel : str
        Kop boven de legenda.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var kaart = {{ this._parent.get_name() }};
            var legenda = L.control({position: 'bottomright'});
            legenda.onAdd = function () {
                var div = L.DomUtil.create('div', 'ov-legenda leaflet-bar');
                div.innerHTML = {{ this.inhoud|tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legenda.addTo(kaart);
            var koppelingen = [
                {% for nummer, groep in this.koppelingen %}[{{ nummer }}, {{ groep }}],{% endfor %}
            ];
            function bij(nummer, zichtbaar) {
                var sectie = legenda.getContainer().querySelector('[data-sectie="' + nummer + '"]');
                if (sectie) { sectie.style.display = zichtbaar ? '' : 'none'; }
            }
            koppelingen.forEach(function (k) { bij(k[0], kaart.hasLayer(k[1])); });
            kaart.on('overlayadd overlayremove', function (e) {
                koppelingen.forEach(function (k) {
                    if (k[1] === e.layer) { bij(k[0], e.type === 'overlayadd'); }
                });
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, secties: Sequence[LegendaSectie], *, titel: str = "Legenda"):
        super().__init__()
        self._name = "Legenda"
        self.secties = list(secties)
        self.inhoud = str(fragmenten().legenda(titel, [sectie.html(i) for i, sectie in enumerate(self.secties)]))

    def render(self, **kwargs):
        # Pas bij het renderen zijn de namen van de lagengroepen definitief.
        self.koppelingen = [(i, s.groep.get_name()) for i, s in enumerate(self.secties)
                            if s.groep is not None]
        super().render(**kwargs)
