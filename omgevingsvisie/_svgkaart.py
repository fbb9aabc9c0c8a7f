"""Een kleine statische kaart (inline SVG) van een plangebied, voor het HTML-rapport.

Geen JavaScript, geen tegels, geen externe bestanden: de kaart is een ``<svg>``-element met
het plangebied, de lagen die de regels gebruikten (bijgeknipt tot een venster rond het plan)
en de geometrieën van de bevindingen in de kleur van hun status. Rekent direct in RD
(EPSG:28992, meters); de y-as wordt omgedraaid voor het scherm.

Alle tekst (namen van het plan en van features) wordt HTML-geëscaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from .bevinding import Bevinding
from .catalogus import SCHEMAS
from .stijl import LAAG_STIJLEN, STATUS_KLEUREN, Stijl

BREEDTE_PX = 640
HOOGTE_PX = 480
MARGE_MIN_M = 150.0
"""Minimale ruimte rond het plan in het kaartbeeld."""
MAX_UITLOOP_M = 2000.0
"""Bevindingen verder dan dit (of 3× de planmaat) van het plan vallen buiten beeld."""
PLAN_KLEUR = "#212121"


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
    """Een getekende kaart: de SVG-tekst en de legenda."""

    svg: str
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


def _cirkels(geom: BaseGeometry, venster: Venster, *, straal: float, titel: str) -> list[str]:
    uit = []
    for deel in enkelvoudig(geom):
        if deel.geom_type == "Point":
            x, y = venster.naar_px(np.asarray(deel.coords)[:, :2])[0]
            uit.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{straal:g}"><title>{escape(titel)}</title></circle>')
    return uit


def _soort(geom: BaseGeometry) -> str:
    """``vlak``, ``lijn`` of ``punt`` (van het eerste deel), voor de tekenvolgorde."""
    delen = enkelvoudig(geom)
    typ = delen[0].geom_type if delen else geom.geom_type
    return {"Polygon": "vlak", "LineString": "lijn", "Point": "punt"}.get(typ, "vlak")


def _element(geom: BaseGeometry, venster: Venster, titel: str, *, straal: float = 4.0) -> list[str]:
    """SVG-elementen voor één geometrie: een ``<path>`` en/of ``<circle>``-s, met ``<title>``."""
    uit = []
    d = pad_d(geom, venster)
    if d:
        uit.append(f'<path d="{d}"><title>{escape(titel)}</title></path>')
    return uit + _cirkels(geom, venster, straal=straal, titel=titel)


# --- lagen -------------------------------------------------------------------------------------

def knip_laag(laag: KaartLaag, venster: Venster) -> list[tuple[BaseGeometry, str]]:
    """De features van een laag in het venster: bijgeknipt, vereenvoudigd tot ½ pixel, met naam.

    Returns
    -------
    list of (geometry, naam)
        ``naam`` is de waarde van de kolom ``naam`` (of leeg).
    """
    rechthoek = venster.rechthoek(rand_px=5)
    idx = laag.boom.query(box(*rechthoek), predicate="intersects")
    if len(idx) == 0:
        return []
    geoms = shapely.clip_by_rect(laag.geometrie[idx], *rechthoek)
    geoms = shapely.simplify(geoms, 0.5 / venster.schaal, preserve_topology=True)
    return [(g, n) for g, n in zip(geoms, laag.namen[idx]) if g is not None and not g.is_empty]


def _stijl_attributen(stijl: Stijl, soort: str) -> str:
    attr = [f'stroke="{stijl.lijn}"', f'stroke-width="{stijl.lijndikte:g}"']
    if soort == "lijn":
        attr += ['fill="none"', 'stroke-linecap="round"', 'stroke-linejoin="round"']
    else:
        attr += [f'fill="{stijl.vulling or "none"}"', f'fill-opacity="{stijl.dekking:g}"']
    if stijl.streep:
        attr.append(f'stroke-dasharray="{stijl.streep}"')
    return " ".join(attr)


def _laag_groep(naam: str, features: list[tuple[BaseGeometry, str]], soort: str, venster: Venster) -> str:
    stijl = LAAG_STIJLEN.get(naam, Stijl("#90a4ae", "#455a64"))
    titel = laag_label(naam)
    elementen = [e for g, n in features if _soort(g) == soort
                 for e in _element(g, venster, f"{titel}: {n}" if n else titel)]
    if not elementen:
        return ""
    return (f'<g class="laag" data-laag="{escape(naam)}" {_stijl_attributen(stijl, soort)} '
            f'fill-rule="evenodd"><title>{escape(titel)}</title>{"".join(elementen)}</g>')


def laag_label(naam: str) -> str:
    """Leesbare naam van een laag: de omschrijving uit de catalogus (``"groenstructuur"`` →
    ``"Bestaande groenstructuur"``), anders de naam zonder liggende streepjes."""
    tekst = SCHEMAS[naam].omschrijving if naam in SCHEMAS else naam.replace("_", " ")
    return tekst[:1].upper() + tekst[1:]


_LAAG_SOORT = {"Point": "punt", "LineString": "lijn"}


# --- bevindingen, plan, schaalstok --------------------------------------------------------------

def _bevinding_groep(bevinding: Bevinding, venster: Venster) -> str:
    kleur = STATUS_KLEUREN[bevinding.status]
    soort = _soort(bevinding.geometrie)
    breedte = 3 if soort == "lijn" else 2
    vulling = 'fill="none"' if soort == "lijn" else f'fill="{kleur}" fill-opacity="0.55"'
    titel = f"{bevinding.regel} {bevinding.titel}: {bevinding.status.replace('_', ' ')}"
    rechthoek = venster.rechthoek(rand_px=5)
    geom = shapely.clip_by_rect(bevinding.geometrie, *rechthoek) if soort != "punt" else bevinding.geometrie
    elementen = _element(geom, venster, titel, straal=5.0)
    if not elementen:
        return ""
    return (f'<g class="bevinding status-{escape(bevinding.status)}" data-regel="{escape(bevinding.regel)}" '
            f'stroke="{kleur}" stroke-width="{breedte}" {vulling} fill-rule="evenodd">{"".join(elementen)}</g>')


def _plan_element(plan: BaseGeometry, naam: str, venster: Venster) -> str:
    d = pad_d(plan, venster)
    return (f'<path id="plangebied" d="{d}" fill="{PLAN_KLEUR}" fill-opacity="0.08" stroke="{PLAN_KLEUR}" '
            f'stroke-width="2.5" fill-rule="evenodd"><title>Plangebied: {escape(naam)}</title></path>')


def schaalstok_lengte(venster: Venster, *, doel_px: float = 120.0) -> float:
    """Een ronde lengte (1, 2 of 5 × 10ⁿ m) van hooguit ``doel_px`` pixels."""
    meters = doel_px / venster.schaal
    macht = 10 ** math.floor(math.log10(meters))
    return max(f * macht for f in (1, 2, 5) if f * macht <= meters)


def _schaalstok(venster: Venster) -> str:
    lengte = schaalstok_lengte(venster)
    px = lengte * venster.schaal
    tekst = f"{lengte / 1000:g} km".replace(".", ",") if lengte >= 1000 else f"{lengte:g} m"
    y = venster.hoogte - 14
    return (f'<g class="schaalstok"><rect x="6" y="{y - 18}" width="{px + 20:.1f}" height="28" fill="#fff" '
            f'fill-opacity="0.8"/><path d="M16 {y}h{px:.1f}" stroke="#000" stroke-width="3"/>'
            f'<text x="16" y="{y - 5}" font-size="12" font-family="sans-serif">{tekst}</text></g>')


def _noordpijl(venster: Venster) -> str:
    x = venster.breedte - 24
    return (f'<g class="noordpijl"><rect x="{x - 14}" y="4" width="28" height="46" fill="#fff" fill-opacity="0.8"/>'
            f'<path d="M{x} 10l8 20h-16z" fill="#000"/>'
            f'<text x="{x}" y="44" font-size="13" font-family="sans-serif" text-anchor="middle">N</text></g>')


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
        De SVG-tekst en de legenda-items.
    """
    met_geometrie = [b for b in bevindingen if b.geometrie is not None and not b.geometrie.is_empty]
    venster = maak_venster(plan, [b.geometrie for b in met_geometrie], breedte=breedte, hoogte=hoogte)
    geknipt = {n: knip_laag(laag if isinstance(laag, KaartLaag) else kaartlaag(laag), venster)
               for n, laag in lagen.items()}
    delen = [_laag_groep(n, f, soort, venster) for soort in ("vlak", "lijn", "punt") for n, f in geknipt.items()]
    delen += [_bevinding_groep(b, venster) for b in met_geometrie]
    delen += [_plan_element(plan, naam, venster), _schaalstok(venster), _noordpijl(venster)]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="kaart" viewBox="0 0 {breedte} {hoogte}" '
           f'width="{breedte}" height="{hoogte}" role="img" aria-labelledby="kaart-titel">'
           f'<title id="kaart-titel">Kaart van het plangebied {escape(naam)}</title>'
           f'<rect width="{breedte}" height="{hoogte}" fill="#fafafa"/>{"".join(d for d in delen if d)}</svg>')
    return Kaart(svg, _legenda(geknipt, met_geometrie))


def _legenda(geknipt: Mapping[str, list], bevindingen: Sequence[Bevinding]) -> list[LegendaItem]:
    items = [LegendaItem("Plangebied", None, PLAN_KLEUR)]
    statussen = dict.fromkeys(b.status for b in bevindingen)
    items += [LegendaItem(f"Bevinding: {s.replace('_', ' ')}", STATUS_KLEUREN[s], STATUS_KLEUREN[s])
              for s in statussen]
    for naam, features in geknipt.items():
        stijl = LAAG_STIJLEN.get(naam, Stijl("#90a4ae", "#455a64"))
        soort = _LAAG_SOORT.get(SCHEMAS[naam].geometrie, "vlak") if naam in SCHEMAS else "vlak"
        items.append(LegendaItem(laag_label(naam), stijl.vulling, stijl.lijn, bool(stijl.streep),
                                 bool(features), soort))
    return items
