"""Een kleine statische kaart (inline SVG) van een plangebied, voor het HTML-rapport.

Geen JavaScript, geen tegels, geen externe bestanden: de kaart is een ``<svg>``-element met
het plangebied, de lagen die de regels gebruikten (bijgeknipt tot een venster rond het plan)
en de geometrieën van de bevindingen in de kleur van hun status. Rekent direct in RD
(EPSG:28992, meters); de y-as wordt omgedraaid voor het scherm.

Elk element wordt gemaakt met :func:`_tag`, dat alle attribuutwaarden en alle tekst
(namen van het plan en van features) escapet; de kaart is daarom :class:`~markupsafe.Markup`
die een sjabloon zonder verdere escaping kan invoegen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from markupsafe import Markup, escape
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from .. import tekst
from ..bevinding import Bevinding, ToetsResultaat
from ..catalogus import CRS, LAAGNAMEN, SCHEMAS
from ..stijl import LAAG_STIJLEN, STATUS_KLEUREN, Stijl

__all__ = ["Kaart", "KaartLaag", "LegendaItem", "Venster", "bereid_kaartlagen", "kaartlaag", "kaartlagen",
           "schaalstok_lengte", "teken_kaart"]

BREEDTE_PX = 640
HOOGTE_PX = 480
MARGE_MIN_M = 150.0
"""Minimale ruimte rond het plan in het kaartbeeld."""
MAX_UITLOOP_M = 2000.0
"""Bevindingen verder dan dit (of 3× de planmaat) van het plan vallen buiten beeld."""
PLAN_KLEUR = "#212121"
ACHTERGROND = "#fafafa"
STANDAARD_STIJL = Stijl("#90a4ae", "#455a64")
"""Stijl van een laag die niet in :data:`~omgevingsvisie.stijl.LAAG_STIJLEN` staat."""
BEVINDING_DEKKING = 0.55
PUNT_STRAAL_LAAG = 4.0
PUNT_STRAAL_BEVINDING = 5.0
LIJNDIKTE_BEVINDING = {"lijn": 3, "vlak": 2, "punt": 2}
KNIP_RAND_PX = 5
"""Zoveel pixels buiten beeld wordt nog getekend (geen afgeknipte randen zichtbaar)."""
SCHAALSTOK_PX = 120.0


def _tag(naam: str, attributen: Mapping[str, object] | None = None, *inhoud: str) -> Markup:
    """Eén SVG-element; attribuutwaarden en tekst worden geëscaped, :class:`Markup` niet.

    Attributen met waarde ``None`` vallen weg; zonder inhoud wordt het element zelfsluitend.

    Examples
    --------
    >>> _tag("title", None, "<b>")
    Markup('<title>&lt;b&gt;</title>')
    >>> _tag("rect", {"width": 3, "fill": None})
    Markup('<rect width="3"/>')
    """
    attr = "".join(f' {k}="{escape(v)}"' for k, v in (attributen or {}).items() if v is not None)
    if not inhoud:
        return Markup(f"<{naam}{attr}/>")
    return Markup(f"<{naam}{attr}>{''.join(escape(d) for d in inhoud)}</{naam}>")


@dataclass(frozen=True)
class Venster:
    """Het kaartbeeld: een rechthoek in RD en de maat in pixels.

    Attributes
    ----------
    minx, miny, maxx, maxy : float
        Grenzen in meters (EPSG:28992).
    breedte, hoogte : int
        Maat van de SVG in pixels.
    """

    minx: float
    miny: float
    maxx: float
    maxy: float
    breedte: int = BREEDTE_PX
    hoogte: int = HOOGTE_PX

    @property
    def schaal(self) -> float:
        """Pixels per meter."""
        return self.breedte / (self.maxx - self.minx)

    def naar_px(self, coords: np.ndarray) -> np.ndarray:
        """RD-coördinaten (n × 2) naar pixels (n × 2), y naar beneden."""
        return np.column_stack([(coords[:, 0] - self.minx) * self.schaal,
                                (self.maxy - coords[:, 1]) * self.schaal])

    def rechthoek(self, *, rand_px: float = 0.0) -> tuple[float, float, float, float]:
        """Het venster in meters, eventueel met ``rand_px`` pixels extra aan elke kant."""
        r = rand_px / self.schaal
        return (self.minx - r, self.miny - r, self.maxx + r, self.maxy + r)


@dataclass(frozen=True)
class LegendaItem:
    """Eén regel van de legenda onder de kaart.

    Attributes
    ----------
    label : str
        Tekst (niet geëscaped).
    vulling : str or None
        Vulkleur van het voorbeeldvlakje.
    lijn : str
        Randkleur.
    streep : bool
        Stippellijn als rand.
    in_beeld : bool
        ``False`` als de laag wel is gebruikt, maar geen features in het kaartbeeld heeft.
    soort : str
        ``"vlak"``, ``"lijn"`` of ``"punt"``: de vorm van het voorbeeld.
    """

    label: str
    vulling: str | None
    lijn: str
    streep: bool = False
    in_beeld: bool = True
    soort: str = "vlak"


@dataclass(frozen=True)
class KaartLaag:
    """Een laag klaar om vaak te tekenen: geometrieën, namen en een ruimtelijke index.

    Maak hem met :func:`kaartlaag`, één keer per laag voor veel kaarten.
    """

    geometrie: np.ndarray
    namen: np.ndarray
    boom: shapely.STRtree


def kaartlaag(gdf: gpd.GeoDataFrame) -> KaartLaag:
    """Bereid een laag (EPSG:28992) voor op :func:`teken_kaart`; de kolom ``naam`` geeft de titels."""
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    namen = (gdf["naam"].astype(object).where(gdf["naam"].notna(), "").astype(str).to_numpy()
             if "naam" in gdf.columns else np.full(len(gdf), "", dtype=object))
    return KaartLaag(geoms, namen, shapely.STRtree(geoms))


@dataclass(frozen=True)
class Kaart:
    """Een getekende kaart: de SVG (geëscaped, klaar om in te voegen) en de legenda."""

    svg: Markup
    legenda: list[LegendaItem]


def maak_venster(plan: BaseGeometry, extra: Sequence[BaseGeometry] = (), *,
                 breedte: int = BREEDTE_PX, hoogte: int = HOOGTE_PX) -> Venster:
    """Kies het kaartbeeld: het plan met marge, plus de bevindingen die er niet ver vanaf liggen.

    Parameters
    ----------
    plan : shapely geometry
        Het plangebied (EPSG:28992).
    extra : sequence of shapely geometry
        Geometrieën die ook in beeld moeten (bevindingen); wat verder dan
        ``max(MAX_UITLOOP_M, 3 × planmaat)`` van het plan ligt, valt buiten beeld.
    breedte, hoogte : int
        Maat van de kaart in pixels; het venster krijgt dezelfde verhouding.
    """
    x0, y0, x1, y1 = plan.bounds
    maat = max(x1 - x0, y1 - y0, 1.0)
    uitloop = max(MAX_UITLOOP_M, 3 * maat)
    for g in extra:
        if g is None or g.is_empty:
            continue
        gx0, gy0, gx1, gy1 = g.bounds
        x0, y0 = max(min(x0, gx0), plan.bounds[0] - uitloop), max(min(y0, gy0), plan.bounds[1] - uitloop)
        x1, y1 = min(max(x1, gx1), plan.bounds[2] + uitloop), min(max(y1, gy1), plan.bounds[3] + uitloop)
    marge = max(MARGE_MIN_M, 0.25 * max(x1 - x0, y1 - y0))
    x0, y0, x1, y1 = x0 - marge, y0 - marge, x1 + marge, y1 + marge
    return _op_verhouding(x0, y0, x1, y1, breedte, hoogte)


def _op_verhouding(x0: float, y0: float, x1: float, y1: float, breedte: int, hoogte: int) -> Venster:
    """Vergroot de kortste zijde zodat het venster de verhouding van de kaart krijgt."""
    w, h = x1 - x0, y1 - y0
    doel = breedte / hoogte
    if w / h < doel:
        extra = (h * doel - w) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (w / doel - h) / 2
        y0, y1 = y0 - extra, y1 + extra
    return Venster(x0, y0, x1, y1, breedte, hoogte)


# --- geometrie naar SVG ------------------------------------------------------------------------

def _punten(coords: np.ndarray, venster: Venster) -> str:
    px = np.round(venster.naar_px(coords), 1)
    if len(px) > 1:  # opeenvolgende punten die op dezelfde pixel vallen weglaten
        houd = np.concatenate([[True], np.any(np.diff(px, axis=0) != 0, axis=1)])
        px = px[houd]
    return "L".join(f"{x:g} {y:g}" for x, y in px)


def enkelvoudig(geom: BaseGeometry) -> list[BaseGeometry]:
    """Alle enkelvoudige delen (Polygon, LineString, Point), ook uit geneste collecties."""
    if geom.geom_type in ("Polygon", "LineString", "Point"):
        return [geom]
    uit = []
    for deel in shapely.get_parts(geom):
        if deel.geom_type in ("Polygon", "LineString", "Point"):
            uit.append(deel)
        elif deel.geom_type == "LinearRing":
            uit.append(shapely.LineString(deel.coords))
        else:
            uit += enkelvoudig(deel)
    return uit


def pad_d(geom: BaseGeometry, venster: Venster) -> str:
    """De ``d``-waarde van een SVG-``<path>`` voor vlakken en lijnen (punten worden overgeslagen)."""
    delen = []
    for deel in enkelvoudig(geom):
        if deel.geom_type == "Polygon":
            for ring in (deel.exterior, *deel.interiors):
                delen.append(f"M{_punten(np.asarray(ring.coords)[:, :2], venster)}Z")
        elif deel.geom_type == "LineString":
            delen.append(f"M{_punten(np.asarray(deel.coords)[:, :2], venster)}")
    return "".join(delen)


def _cirkels(geom: BaseGeometry, venster: Venster, *, straal: float, titel: str) -> list[Markup]:
    uit = []
    for deel in enkelvoudig(geom):
        if deel.geom_type == "Point":
            x, y = venster.naar_px(np.asarray(deel.coords)[:, :2])[0]
            uit.append(_tag("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{straal:g}"},
                            _tag("title", None, titel)))
    return uit


def _soort(geom: BaseGeometry) -> str:
    """``vlak``, ``lijn`` of ``punt`` (van het eerste deel), voor de tekenvolgorde."""
    delen = enkelvoudig(geom)
    typ = delen[0].geom_type if delen else geom.geom_type
    return {"Polygon": "vlak", "LineString": "lijn", "Point": "punt"}.get(typ, "vlak")


def _element(geom: BaseGeometry, venster: Venster, titel: str, *, straal: float = PUNT_STRAAL_LAAG
             ) -> list[Markup]:
    """SVG-elementen voor één geometrie: een ``<path>`` en/of ``<circle>``-s, met ``<title>``."""
    uit = []
    d = pad_d(geom, venster)
    if d:
        uit.append(_tag("path", {"d": d}, _tag("title", None, titel)))
    return uit + _cirkels(geom, venster, straal=straal, titel=titel)


# --- lagen -------------------------------------------------------------------------------------

def knip_laag(laag: KaartLaag, venster: Venster) -> list[tuple[BaseGeometry, str]]:
    """De features van een laag in het venster: bijgeknipt, vereenvoudigd tot ½ pixel, met naam.

    Returns
    -------
    list of (geometry, naam)
        ``naam`` is de waarde van de kolom ``naam`` (of leeg).
    """
    rechthoek = venster.rechthoek(rand_px=KNIP_RAND_PX)
    idx = laag.boom.query(box(*rechthoek), predicate="intersects")
    if len(idx) == 0:
        return []
    geoms = shapely.clip_by_rect(laag.geometrie[idx], *rechthoek)
    geoms = shapely.simplify(geoms, 0.5 / venster.schaal, preserve_topology=True)
    return [(g, n) for g, n in zip(geoms, laag.namen[idx]) if g is not None and not g.is_empty]


def _stijl_attributen(stijl: Stijl, soort: str) -> dict[str, str]:
    attr = {"stroke": stijl.lijn, "stroke-width": f"{stijl.lijndikte:g}"}
    if soort == "lijn":
        attr |= {"fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"}
    else:
        attr |= {"fill": stijl.vulling or "none", "fill-opacity": f"{stijl.dekking:g}"}
    if stijl.streep:
        attr["stroke-dasharray"] = stijl.streep
    return attr


def _laag_groep(naam: str, features: list[tuple[BaseGeometry, str]], soort: str, venster: Venster) -> Markup:
    stijl = LAAG_STIJLEN.get(naam, STANDAARD_STIJL)
    titel = laag_label(naam)
    elementen = [e for g, n in features if _soort(g) == soort
                 for e in _element(g, venster, f"{titel}: {n}" if n else titel)]
    if not elementen:
        return Markup()
    return _tag("g", {"class": "laag", "data-laag": naam, **_stijl_attributen(stijl, soort), "fill-rule": "evenodd"},
                _tag("title", None, titel), *elementen)


def laag_label(naam: str) -> str:
    """Leesbare naam van een laag: de omschrijving uit de catalogus (``"groenstructuur"`` →
    ``"Bestaande groenstructuur"``), anders de naam zonder liggende streepjes."""
    tekst = SCHEMAS[naam].omschrijving if naam in SCHEMAS else naam.replace("_", " ")
    return tekst[:1].upper() + tekst[1:]


_LAAG_SOORT = {"Point": "punt", "LineString": "lijn"}


# --- bevindingen, plan, schaalstok --------------------------------------------------------------

def _bevinding_groep(bevinding: Bevinding, venster: Venster) -> Markup:
    kleur = STATUS_KLEUREN[bevinding.status]
    soort = _soort(bevinding.geometrie)
    vulling = {"fill": "none"} if soort == "lijn" else {"fill": kleur, "fill-opacity": f"{BEVINDING_DEKKING:g}"}
    titel = f"{bevinding.regel} {bevinding.titel}: {bevinding.status.replace('_', ' ')}"
    rechthoek = venster.rechthoek(rand_px=KNIP_RAND_PX)
    geom = shapely.clip_by_rect(bevinding.geometrie, *rechthoek) if soort != "punt" else bevinding.geometrie
    elementen = _element(geom, venster, titel, straal=PUNT_STRAAL_BEVINDING)
    if not elementen:
        return Markup()
    return _tag("g", {"class": f"bevinding status-{bevinding.status}", "data-regel": bevinding.regel,
                      "stroke": kleur, "stroke-width": LIJNDIKTE_BEVINDING[soort], **vulling, "fill-rule": "evenodd"},
                *elementen)


def _plan_element(plan: BaseGeometry, naam: str, venster: Venster) -> Markup:
    return _tag("path", {"id": "plangebied", "d": pad_d(plan, venster), "fill": PLAN_KLEUR, "fill-opacity": "0.08",
                         "stroke": PLAN_KLEUR, "stroke-width": "2.5", "fill-rule": "evenodd"},
                _tag("title", None, f"Plangebied: {naam}"))


def schaalstok_lengte(venster: Venster, *, doel_px: float = SCHAALSTOK_PX) -> float:
    """Een ronde lengte (1, 2 of 5 × 10ⁿ m) van hooguit ``doel_px`` pixels."""
    meters = doel_px / venster.schaal
    macht = 10 ** math.floor(math.log10(meters))
    return max(f * macht for f in (1, 2, 5) if f * macht <= meters)


def _schaalstok(venster: Venster) -> Markup:
    lengte = schaalstok_lengte(venster)
    px = lengte * venster.schaal
    label = f"{tekst.getal(lengte / 1000, 1)} km" if lengte >= 1000 else f"{tekst.getal(lengte, 1)} m"
    y = venster.hoogte - 14
    return _tag("g", {"class": "schaalstok"},
                _tag("rect", {"x": 6, "y": y - 18, "width": f"{px + 20:.1f}", "height": 28, "fill": "#fff",
                              "fill-opacity": "0.8"}),
                _tag("path", {"d": f"M16 {y}h{px:.1f}", "stroke": "#000", "stroke-width": 3}),
                _tag("text", {"x": 16, "y": y - 5, "font-size": 12, "font-family": "sans-serif"}, label))


def _noordpijl(venster: Venster) -> Markup:
    x = venster.breedte - 24
    return _tag("g", {"class": "noordpijl"},
                _tag("rect", {"x": x - 14, "y": 4, "width": 28, "height": 46, "fill": "#fff", "fill-opacity": "0.8"}),
                _tag("path", {"d": f"M{x} 10l8 20h-16z", "fill": "#000"}),
                _tag("text", {"x": x, "y": 44, "font-size": 13, "font-family": "sans-serif",
                              "text-anchor": "middle"}, "N"))


# --- de kaart ----------------------------------------------------------------------------------

def teken_kaart(plan: BaseGeometry, *, naam: str, bevindingen: Sequence[Bevinding],
                lagen: Mapping[str, KaartLaag | gpd.GeoDataFrame], breedte: int = BREEDTE_PX,
                hoogte: int = HOOGTE_PX) -> Kaart:
    """Teken plan, lagen en bevindingen als inline SVG.

    Parameters
    ----------
    plan : shapely geometry
        Het plangebied in EPSG:28992 (niet leeg).
    naam : str
        Naam van het initiatief (voor de titels; wordt geëscaped).
    bevindingen : sequence of Bevinding
        Bevindingen met een geometrie worden in de kleur van hun status getekend.
    lagen : mapping of str to KaartLaag or GeoDataFrame
        De te tekenen lagen op naam, in EPSG:28992 (voor veel kaarten: één keer
        :func:`kaartlaag`); de volgorde van de mapping is de tekenvolgorde binnen vlakken,
        lijnen en punten.
    breedte, hoogte : int
        Maat in pixels (de SVG schaalt mee met de pagina).

    Returns
    -------
    Kaart
        De SVG (:class:`~markupsafe.Markup`, alle tekst geëscaped) en de legenda-items.
    """
    met_geometrie = [b for b in bevindingen if b.geometrie is not None and not b.geometrie.is_empty]
    venster = maak_venster(plan, [b.geometrie for b in met_geometrie], breedte=breedte, hoogte=hoogte)
    geknipt = {n: knip_laag(laag if isinstance(laag, KaartLaag) else kaartlaag(laag), venster)
               for n, laag in lagen.items()}
    delen = [_laag_groep(n, f, soort, venster) for soort in ("vlak", "lijn", "punt") for n, f in geknipt.items()]
    delen += [_bevinding_groep(b, venster) for b in met_geometrie]
    delen += [_plan_element(plan, naam, venster), _schaalstok(venster), _noordpijl(venster)]
    svg = _tag("svg", {"xmlns": "http://www.w3.org/2000/svg", "class": "kaart", "viewBox": f"0 0 {breedte} {hoogte}",
                       "width": breedte, "height": hoogte, "role": "img", "aria-labelledby": "kaart-titel"},
               _tag("title", {"id": "kaart-titel"}, f"Kaart van het plangebied {naam}"),
               _tag("rect", {"width": breedte, "height": hoogte, "fill": ACHTERGROND}), *(d for d in delen if d))
    return Kaart(svg, _legenda(geknipt, met_geometrie))


def _legenda(geknipt: Mapping[str, list], bevindingen: Sequence[Bevinding]) -> list[LegendaItem]:
    items = [LegendaItem("Plangebied", None, PLAN_KLEUR)]
    statussen = dict.fromkeys(b.status for b in bevindingen)
    items += [LegendaItem(f"Bevinding: {s.replace('_', ' ')}", STATUS_KLEUREN[s], STATUS_KLEUREN[s])
              for s in statussen]
    for naam, features in geknipt.items():
        stijl = LAAG_STIJLEN.get(naam, STANDAARD_STIJL)
        soort = _LAAG_SOORT.get(SCHEMAS[naam].geometrie, "vlak") if naam in SCHEMAS else "vlak"
        items.append(LegendaItem(laag_label(naam), stijl.vulling, stijl.lijn, bool(stijl.streep),
                                 bool(features), soort))
    return items


# --- welke lagen ---------------------------------------------------------------------------------

def kaartlagen(resultaat: ToetsResultaat) -> list[str]:
    """De lagen voor de kaart: die de bevindingen noemen (behalve 'niet van toepassing')."""
    namen = {n for b in resultaat.bevindingen if b.status != "niet_van_toepassing" for n in b.lagen}
    return [n for n in LAAGNAMEN if n in namen]


def bereid_kaartlagen(namen: Iterable[str], laagdata: Mapping[str, gpd.GeoDataFrame]) -> dict[str, KaartLaag]:
    """De lagen ``namen`` uit ``laagdata``, in EPSG:28992 en klaar om (vaak) te tekenen.

    Raises
    ------
    KeyError
        Als ``laagdata`` een van de lagen niet heeft.
    """
    uit = {}
    for naam in namen:
        gdf = laagdata[naam]
        uit[naam] = kaartlaag(gdf if gdf.crs is not None and gdf.crs.equals(CRS) else gdf.to_crs(CRS))
    return uit
