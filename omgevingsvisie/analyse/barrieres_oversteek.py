"""Een nieuwe oversteek: de omrijfactor vóór en na, voor de woningen eromheen (§3.3B 'ontbrekende schakels').

Een initiatief met ``lv_verbinding`` voegt een verbinding voor fietser en voetganger toe. Waar
die de barrière passeert:

- een opgegeven **lijn** (de verbinding zelf) opent alles wat ze kruist;
- een opgegeven **punt** wordt een oversteek van de dichtstbijzijnde barrièrelijn (binnen
  ``zoekafstand_m``), of een poort in een barrièregebied waar het in of naast ligt;
- zonder locatie ligt de oversteek op de dichtstbijzijnde barrièrelijn binnen ``zoekafstand_m``
  van het plan (midden van het stuk lijn door het plan, of het punt van de lijn het dichtst bij
  het plan); ligt er geen lijn zo dichtbij maar wel een barrièregebied, dan een poort in dat
  gebied bij het plan.

**Betrokken paren**: elk woningpunt binnen ``invloed_m`` van de oversteek naar elke bestemming
van :data:`~omgevingsvisie.analyse.barrieres.BESTEMMINGEN` én naar 'de overkant' (de
dichtstbijzijnde plek aan de andere kant van de barrièrelijn, binnen ``invloed_m``). Zonder
woningen in de buurt tellen punten om de 100 m op vrij terrein. De omrijfactor vóór en na is
Σ gewicht × route / Σ gewicht × hemelsbreed over die paren, over de punten die in beide
situaties de bestemming kunnen bereiken.

**Rekenwijze**: het raster, de afstandvelden vóór naar de vier bestemmingen en de woningpunten
hangen niet van het plan af en worden bewaard (:func:`~omgevingsvisie.analyse.barrieres.afstandvelden`);
per plan rekent :class:`~omgevingsvisie.analyse.routeraster.VoorNa` alleen de situatie ná rond de
oversteek door, en 'de overkant' vóór en ná. Dat is exact gelijk aan een Dijkstra over het hele
raster met de oversteek (op afrondingsverschillen van ca. 1e-12 m na), maar ca. twintig keer zo snel.

Voorbeelden
-----------
>>> from shapely.geometry import box
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.analyse.barrieres_oversteek import omrijfactor_voor_na
>>> uit = omrijfactor_voor_na(box(233300, 558850, 233400, 559000), laagdata=lagen.huidige())  # doctest: +SKIP
>>> uit["omrijfactor_voor"], uit["omrijfactor_na"]                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .. import tekst
from .._errors import InvoerFout
from ..catalogus import CRS
from .barrieres import (Instellingen, afstandvelden, gewogen_omrijfactor, standaard_parameters,
                        woningpunten_voor_barrieres)
from .parameters import Parameters
from .routeraster import Oversteek, Routeraster, VoorNa

__all__ = ["nieuwe_oversteek", "omrijfactor_voor_na", "oversteken_van_initiatieven"]

#: Afstand tussen vervangende vertrekpunten als er geen woningen in de buurt zijn.
_PUNTAFSTAND_ZONDER_WONINGEN_M = 100.0
_LIJNEN = ("LineString", "MultiLineString", "LinearRing")


def _geldig(geometrie: BaseGeometry | None, wat: str) -> None:
    if geometrie is None or geometrie.is_empty:
        raise InvoerFout(f"{wat} heeft geen geometrie.")
    xmin, ymin, xmax, ymax = geometrie.bounds
    if max(abs(xmin), abs(xmax)) < 1000 and max(abs(ymin), abs(ymax)) < 1000:
        raise InvoerFout(f"{wat} lijkt niet in RD New (EPSG:28992) te liggen: reken eerst om.")


def nieuwe_oversteek(plan: BaseGeometry, raster: Routeraster, *, verbinding: BaseGeometry | None = None,
                     zoekafstand_m: float) -> tuple[Oversteek | None, str | None, str]:
    """Waar een nieuwe verbinding de barrière passeert.

    Returns
    -------
    oversteek : Oversteek or None
        ``None`` als er geen barrière binnen ``zoekafstand_m`` ligt.
    barriere : str or None
        De barrièrelijn die wordt overgestoken (voor 'de overkant'); ``None`` bij een poort of
        een lijn die meer of geen lijnen kruist.
    omschrijving : str
        In het Nederlands, voor de toelichting.
    """
    if verbinding is not None and verbinding.geom_type in _LIJNEN:
        gekruist = [n for n, lijn in raster.barrieres.items() if lijn.intersects(verbinding)]
        gebieden = [n for n, geb in raster.gebieden.items() if geb.intersects(verbinding)]
        if not gekruist and not gebieden:
            return None, None, f"de verbinding ({verbinding.length:.0f} m) kruist geen barrière"
        wat = ", ".join(gekruist + gebieden)
        return (Oversteek(verbinding, None, "nieuwe verbinding"), gekruist[0] if len(gekruist) == 1 else None,
                f"nieuwe verbinding van {verbinding.length:.0f} m over {wat}")
    bron = verbinding if verbinding is not None else plan
    wat = "de opgegeven oversteek" if verbinding is not None else "het plan"
    lijnen = sorted((lijn.distance(bron), naam) for naam, lijn in raster.barrieres.items())
    if lijnen and lijnen[0][0] <= zoekafstand_m:
        naam = lijnen[0][1]
        lijn = raster.barrieres[naam]
        stuk = lijn.intersection(bron) if bron.geom_type not in ("Point", "MultiPoint") else shapely.Point()
        if not stuk.is_empty and stuk.length > 0:
            punt = shapely.line_interpolate_point(shapely.line_merge(stuk) if stuk.geom_type == "MultiLineString"
                                                  else stuk, 0.5, normalized=True)
            punt = nearest_points(lijn, punt)[0]
        else:
            punt = nearest_points(lijn, bron)[0]
        return (Oversteek(punt, naam, "nieuwe oversteek"), naam,
                f"nieuwe oversteek van {naam} bij ({punt.x:.0f}, {punt.y:.0f}), {lijnen[0][0]:.0f} m van {wat}")
    gebieden = sorted((geb.distance(bron), naam) for naam, geb in raster.gebieden.items())
    if gebieden and gebieden[0][0] <= zoekafstand_m:
        naam = gebieden[0][1]
        punt = bron.representative_point() if bron.geom_type != "Point" else bron
        if not raster.gebieden[naam].intersects(punt):
            punt = nearest_points(raster.gebieden[naam], punt)[0]
        return (Oversteek(punt, naam, "nieuwe doorsteek"), None,
                f"nieuwe doorsteek door {naam} bij ({punt.x:.0f}, {punt.y:.0f})")
    dichtst = min(lijnen + gebieden, default=(float("inf"), "-"))
    return None, None, (f"geen barrière binnen {zoekafstand_m:.0f} m van {wat} "
                        f"(dichtstbij: {dichtst[1]}, {dichtst[0]:.0f} m)")


def _zijde(lijn: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """+1 of -1: aan welke kant van ``lijn`` elk punt ligt (bij het dichtstbijzijnde stuk lijn)."""
    delen = list(shapely.get_parts(shapely.line_merge(lijn)))
    punten = shapely.points(x, y)
    afstanden = np.stack([shapely.distance(d, punten) for d in delen])
    kant = np.ones(len(x))
    for i, deel in enumerate(delen):
        hier = afstanden.argmin(axis=0) == i
        if not hier.any():
            continue
        s = shapely.line_locate_point(deel, punten[hier])
        a = shapely.line_interpolate_point(deel, np.maximum(s - 1.0, 0.0))
        b = shapely.line_interpolate_point(deel, np.minimum(s + 1.0, deel.length))
        ax, ay, bx, by = shapely.get_x(a), shapely.get_y(a), shapely.get_x(b), shapely.get_y(b)
        kruis = (bx - ax) * (y[hier] - ay) - (by - ay) * (x[hier] - ax)
        kant[hier] = np.where(kruis >= 0, 1.0, -1.0)
    return kant


class _Kanten:
    """Aan welke kant van elke barrièrelijn vaste punten liggen (:func:`_zijde`), per punt onthouden.

    Voor de middens van de rastercellen en de standaardwoningpunten: dat hangt niet van het
    plan af, dus elk punt wordt per lijn maar één keer bepaald.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray):
        self.x, self.y = x, y
        self._kant: dict[str, tuple[BaseGeometry, np.ndarray]] = {}

    def van(self, naam: str, lijn: BaseGeometry, index: np.ndarray) -> np.ndarray:
        """+1 of -1 per punt ``index`` (zoals :func:`_zijde`); opnieuw als ``lijn`` een ander object is."""
        bewaard = self._kant.get(naam)
        if bewaard is None or bewaard[0] is not lijn:
            self._kant[naam] = bewaard = (lijn, np.zeros(len(self.x), dtype=np.int8))
        kant = bewaard[1]
        nieuw = np.unique(index[kant[index] == 0])
        if len(nieuw):
            kant[nieuw] = _zijde(lijn, self.x[nieuw], self.y[nieuw])
        return kant[index].astype(float)


_celkanten: dict[str, tuple] = {}


def _kanten_van_cellen(raster: Routeraster) -> _Kanten:
    """De :class:`_Kanten` van de celmiddens van ``raster`` (bewaard zolang het raster hetzelfde is)."""
    bewaard = _celkanten.get("raster")
    if bewaard is None or bewaard[0] is not raster:
        rij, kolom = np.divmod(np.arange(raster.rooster.aantal), raster.rooster.breedte)
        _celkanten["raster"] = (raster, _Kanten(*raster.rooster.middens(rij, kolom)))
    return _celkanten["raster"][1]


def _cellen_rond(raster: Routeraster, rond: BaseGeometry, straal: float, geblokkeerd: np.ndarray) -> np.ndarray:
    """De cellen die vrij zijn, in het rekengebied liggen en met hun midden binnen ``straal`` van ``rond``.

    Dezelfde cellen als :func:`_vrije_punten` met de celgrootte als puntafstand (de punten zijn
    dan precies de celmiddens).
    """
    rooster = raster.rooster
    xmin, ymin, xmax, ymax = rond.buffer(straal).bounds
    (r0,), (k0,), _ = rooster.cel(np.array([xmin]), np.array([ymax]))  # binnen het rooster gehouden
    (r1,), (k1,), _ = rooster.cel(np.array([xmax]), np.array([ymin]))
    rij = np.arange(int(r0), int(r1) + 1)
    kolom = np.arange(int(k0), int(k1) + 1)
    cellen = (rij[:, None] * rooster.breedte + kolom[None, :]).ravel()
    cellen = cellen[~geblokkeerd.ravel()[cellen]]
    x, y = rooster.middens(*np.divmod(cellen, rooster.breedte))
    binnen = _binnen_afstand(rond, x, y, straal)
    binnen[binnen] = shapely.contains_xy(raster.domein, x[binnen], y[binnen])
    return cellen[binnen]


def _binnen_afstand(geometrie: BaseGeometry, x: np.ndarray, y: np.ndarray, straal: float) -> np.ndarray:
    """``shapely.distance(geometrie, punten) <= straal``, met shapely alleen voor de twijfelgevallen.

    De afstand tot de omhullende rechthoek is een ondergrens, die tot het dichtstbijzijnde
    hoekpunt een bovengrens; alleen punten waarvoor die de grens niet duidelijk
    (op een millimeter) beslissen, gaan naar shapely.
    """
    xmin, ymin, xmax, ymax = geometrie.bounds
    onder = np.hypot(np.maximum(np.maximum(xmin - x, x - xmax), 0.0), np.maximum(np.maximum(ymin - y, y - ymax), 0.0))
    hoeken = shapely.get_coordinates(geometrie)
    boven = np.full(len(x), np.inf)
    for i in range(0, len(hoeken), 64):
        deel = hoeken[i:i + 64]
        boven = np.minimum(boven, np.hypot(x[:, None] - deel[None, :, 0], y[:, None] - deel[None, :, 1]).min(axis=1))
    binnen = boven <= straal - 1e-3
    twijfel = ~binnen & (onder <= straal + 1e-3)
    if twijfel.any():
        binnen[twijfel] = shapely.distance(geometrie, shapely.points(x[twijfel], y[twijfel])) <= straal
    return binnen


def _vrije_punten(raster: Routeraster, rond: BaseGeometry, straal: float, afstand: float,
                  geblokkeerd: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Punten om de ``afstand`` m binnen ``straal`` van ``rond`` op cellen die vrij zijn (en in het rekengebied)."""
    xmin, ymin, xmax, ymax = rond.buffer(straal).bounds
    xs = np.arange(np.floor(xmin / afstand) * afstand + afstand / 2, xmax, afstand)
    ys = np.arange(np.floor(ymin / afstand) * afstand + afstand / 2, ymax, afstand)
    x, y = (a.ravel() for a in np.meshgrid(xs, ys))
    binnen = (shapely.distance(rond, shapely.points(x, y)) <= straal) & shapely.contains_xy(raster.domein, x, y)
    x, y = x[binnen], y[binnen]
    vrij = ~geblokkeerd.ravel()[raster.cellen(x, y)]
    return x[vrij], y[vrij]


def _overkant(raster: Routeraster, effect: VoorNa, barriere: str, oversteek: BaseGeometry, straal: float,
              vertrek: _Vertrekpunten) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per kant van de barrière: de vrije cellen aan de overkant (binnen ``straal`` van de oversteek)
    en welke vertrekpunten aan deze kant liggen; alleen kanten met allebei."""
    lijn = raster.barrieres[barriere]
    overkant = _cellen_rond(raster, oversteek, straal, raster.geblokkeerd | effect.geblokkeerd)
    cel_kant = _kanten_van_cellen(raster).van(barriere, lijn, overkant)
    punt_kant = (vertrek.kanten.van(barriere, lijn, vertrek.index) if vertrek.kanten is not None
                 else _zijde(lijn, vertrek.x, vertrek.y))
    kanten = [(overkant[cel_kant == -kant], punt_kant == kant) for kant in (1.0, -1.0)]
    return [(doel, hier) for doel, hier in kanten if len(doel) and hier.any()]


@dataclass
class _Vertrekpunten:
    """De betrokken vertrekpunten, met (voor de standaardwoningpunten) waar de kanten worden onthouden."""

    x: np.ndarray
    y: np.ndarray
    gewicht: np.ndarray
    soort: str
    kanten: _Kanten | None = None
    index: np.ndarray | None = None


def _paren(raster: Routeraster, doelen: dict[str, np.ndarray], velden: dict[str, tuple[np.ndarray, np.ndarray]],
           oversteek: Oversteek, barriere: str | None, invloed_m: float, vertrek: _Vertrekpunten,
           effect: VoorNa) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per bestemming de route vóór en ná de oversteek en de hemelsbrede afstand van elk vertrekpunt.

    Vóór komt uit de bewaarde afstandvelden (:func:`~.barrieres.afstandvelden`), ná wordt
    plaatselijk rond de oversteek berekend (:class:`~.routeraster.VoorNa`); 'de overkant' heeft
    geen bewaard veld en wordt vóór en ná berekend.

    Returns
    -------
    dict of str to (ndarray, ndarray, ndarray)
        Per bestemming (en ``"overkant"`` als ``barriere`` een naam is) ``(route_voor_m,
        route_na_m, hemelsbreed_m)`` per punt; ``inf`` als onbereikbaar, NaN voor een punt zonder
        overkant.
    """
    _, start_voor, extra_voor = raster.startcellen(vertrek.x, vertrek.y)
    cellen, start_na, extra_na = effect.startcellen(vertrek.x, vertrek.y)
    kanten = _overkant(raster, effect, barriere, oversteek.geometrie, invloed_m, vertrek) if barriere else []
    effect.omvat(np.concatenate([start_voor, start_na, *(doel for doel, _ in kanten)]))  # één venster voor alles
    na = effect.na_meer([(velden[naam][0], doel) for naam, doel in doelen.items()], start_na)
    paren = {naam: (velden[naam][0][start_voor] + extra_voor, route_na + extra_na, velden[naam][1][cellen])
             for naam, route_na in zip(doelen, na)}
    if barriere is not None:
        voor, na, hemelsbreed = (np.full(len(vertrek.x), np.nan) for _ in range(3))
        routes = effect.beide_meer([(doel, start_voor[hier], start_na[hier]) for doel, hier in kanten])
        for (doel, hier), (v, w) in zip(kanten, routes):
            voor[hier], na[hier] = v + extra_voor[hier], w + extra_na[hier]
            hemelsbreed[hier] = effect.hemelsbreed(doel, cellen[hier])
        paren["overkant"] = (voor, na, hemelsbreed)
    return paren


def omrijfactor_voor_na(plan_geometrie: BaseGeometry, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                        verbinding: BaseGeometry | None = None,
                        zoekafstand_m: float | None = None, parameters: Parameters | None = None,
                        woningpunten=None) -> dict:
    """De omrijfactor vóór en na een nieuwe verbinding voor fietser en voetganger.

    Voor de toetsregel VS1 (``lv_verbinding``): de waarden ``omrijfactor_voor`` en
    ``omrijfactor_na`` gaan in de ``waarden`` van de bevinding.

    Alles wat niet van het plan afhangt (het raster, de afstandvelden vóór naar de vier
    bestemmingen, de woningpunten) wordt één keer berekend en bewaard zolang lagen en
    parameters gelijk blijven; per aanroep wordt alleen de situatie ná plaatselijk rond de
    oversteek doorgerekend, plus de paren naar 'de overkant' (zie :func:`paren_voor_na`).

    Parameters
    ----------
    plan_geometrie : Polygon or MultiPolygon
        Het plangebied in EPSG:28992.
    laagdata : mapping of str to GeoDataFrame
        De lagen (:data:`~omgevingsvisie.analyse.barrieres.LAGEN`), bijvoorbeeld
        :func:`omgevingsvisie.lagen.huidige`; raster en afstandvelden worden erop bewaard.
    verbinding : Point or LineString, optional
        Waar de nieuwe oversteek komt (punt) of de verbinding zelf (lijn), in EPSG:28992.
        Zonder: de dichtstbijzijnde barrière bij het plan (zie de moduletekst).
    zoekafstand_m : float, optional
        Hoe ver de barrière van plan of punt mag liggen; standaard ``[barrieres] zoekafstand_m``
        (VS1 geeft hier ``VS1.afstand_barriere_m`` door).
    parameters : Parameters, optional
        Analyseparameters; standaard de meegeleverde.
    woningpunten : GeoDataFrame, optional
        Eigen vertrekpunten met kolom ``woningen``; standaard de steekproef van de analyses.

    Returns
    -------
    dict
        ``omrijfactor_voor``, ``omrijfactor_na`` (float, 3 decimalen; ``None`` als er geen
        barrière in de buurt is of geen paar beide keren bereikbaar is), ``verbetering_pct``,
        ``barriere`` (naam of ``None``), ``oversteek`` (omschrijving), ``invloed_m``,
        ``woningpunten`` (aantal betrokken punten), ``per_bestemming`` (per bestemming
        ``{"voor": f, "na": f}``), ``nieuw_bereikbaar`` (punten die alleen ná de oversteek
        een bestemming bereiken), ``toelichting`` (Nederlands) en ``geometrie`` (de oversteek
        als shapely-geometrie, of ``None``; niet JSON).

    Raises
    ------
    InvoerFout
        Een plan of verbinding zonder geometrie of niet in RD New.
    """
    _geldig(plan_geometrie, "Het plan")
    if verbinding is not None:
        _geldig(verbinding, "De verbinding")
    instellingen = Instellingen.uit(parameters)
    zoekafstand = instellingen.zoekafstand_m if zoekafstand_m is None else float(zoekafstand_m)
    raster, doelen, velden = afstandvelden(laagdata=laagdata, parameters=parameters)
    oversteek, barriere, omschrijving = nieuwe_oversteek(plan_geometrie, raster, verbinding=verbinding,
                                                         zoekafstand_m=zoekafstand)
    leeg = {"omrijfactor_voor": None, "omrijfactor_na": None, "verbetering_pct": None, "barriere": barriere,
            "oversteek": omschrijving, "invloed_m": instellingen.invloed_m, "woningpunten": 0,
            "per_bestemming": {}, "nieuw_bereikbaar": 0, "geometrie": None}
    if oversteek is None:
        return {**leeg, "toelichting": f"Geen nieuwe oversteek: {omschrijving}."}
    effect = VoorNa(raster, [oversteek])
    vertrek = _betrokken(raster, effect.geblokkeerd, oversteek.geometrie, instellingen, parameters, woningpunten,
                         laagdata)
    x, gewicht, soort = vertrek.x, vertrek.gewicht, vertrek.soort
    if not len(x):
        return {**leeg, "geometrie": oversteek.geometrie,
                "toelichting": f"Geen woningen of vrij terrein binnen {instellingen.invloed_m:.0f} m van de oversteek."}
    paren = _paren(raster, doelen, velden, oversteek, barriere, instellingen.invloed_m, vertrek, effect)
    per_bestemming, route_voor, route_na, hemel = {}, 0.0, 0.0, 0.0
    nieuw = np.zeros(len(x), dtype=bool)
    for naam, (rv, rn, hemelsbreed) in paren.items():
        nieuw |= ~np.isfinite(rv) & np.isfinite(rn)
        beide = np.isfinite(rv) & np.isfinite(rn) & np.isfinite(hemelsbreed)
        if not beide.any():
            continue
        w = gewicht[beide]
        f_voor, _ = gewogen_omrijfactor(rv[beide], hemelsbreed[beide], w)
        f_na, _ = gewogen_omrijfactor(rn[beide], hemelsbreed[beide], w)
        per_bestemming[naam] = {"voor": round(f_voor, 3), "na": round(f_na, 3)}
        route_voor += float((w * rv[beide]).sum())
        route_na += float((w * rn[beide]).sum())
        hemel += float((w * hemelsbreed[beide]).sum())
    if hemel <= 0:
        return {**leeg, "geometrie": oversteek.geometrie, "woningpunten": int(len(x)),
                "toelichting": "Geen enkele bestemming is vóór en na de oversteek bereikbaar."}
    voor, na_factor = max(1.0, route_voor / hemel), max(1.0, route_na / hemel)
    verbetering = 100.0 * (voor - na_factor) / voor
    toelichting = (f"{omschrijving[0].upper()}{omschrijving[1:]}: voor {int(len(x))} {soort} binnen "
                   f"{instellingen.invloed_m:.0f} m gaat de omrijfactor van {tekst.factor(voor)} naar {tekst.factor(na_factor)} "
                   f"({tekst.procent(verbetering, 0)} minder omrijden).")
    if nieuw.any():
        toelichting += f" {int(nieuw.sum())} punten bereiken een bestemming pas met de oversteek."
    return {"omrijfactor_voor": round(voor, 3), "omrijfactor_na": round(na_factor, 3),
            "verbetering_pct": round(verbetering, 1), "barriere": barriere, "oversteek": omschrijving,
            "invloed_m": instellingen.invloed_m, "woningpunten": int(len(x)), "per_bestemming": per_bestemming,
            "nieuw_bereikbaar": int(nieuw.sum()), "toelichting": toelichting, "geometrie": oversteek.geometrie}


_woningen: dict[str, tuple] = {}


def _woningpunten_xy(parameters: Parameters | None, woningpunten,
                     laagdata: Mapping[str, gpd.GeoDataFrame]) -> tuple[np.ndarray, np.ndarray, np.ndarray, _Kanten | None]:
    """x, y, gewicht en (voor de standaardsteekproef) de onthouden kanten van de vertrekpunten.

    De standaardsteekproef wordt bewaard. Ze hangt af van het landgebruik (zelf bewaard zolang
    lagen en raster gelijk blijven, :func:`~.landgebruik.landgebruik`) en van de
    standaardparameters; een ander landgebruik- of parameterobject geeft een nieuwe steekproef.
    """
    if woningpunten is None and parameters is None:
        from .landgebruik import landgebruik
        from .woningen import woningpunten as steekproef

        lg, p = landgebruik(laagdata=laagdata), standaard_parameters()
        bewaard = _woningen.get("standaard")
        if bewaard is None or bewaard[0] is not lg or bewaard[1] is not p:
            punten, _ = steekproef(lg, parameters=p)
            x, y, gewicht, _ = _woningpunten_xy(p, punten, laagdata)
            _woningen["standaard"] = (lg, p, (x, y, gewicht, _Kanten(x, y)))
        return _woningen["standaard"][2]
    if woningpunten is None:
        woningpunten, _ = woningpunten_voor_barrieres(laagdata=laagdata, parameters=parameters)
    geometrie = woningpunten.geometry
    if geometrie.crs is not None and not geometrie.crs.equals(CRS):
        geometrie = geometrie.to_crs(CRS)
    x, y = shapely.get_x(geometrie.values), shapely.get_y(geometrie.values)
    gewicht = (woningpunten["woningen"].to_numpy(dtype=float) if "woningen" in woningpunten.columns
               else np.ones(len(x)))
    return x, y, gewicht, None


def _betrokken(raster: Routeraster, geblokkeerd_na: np.ndarray, oversteek: BaseGeometry, instellingen: Instellingen,
               parameters: Parameters | None, woningpunten,
               laagdata: Mapping[str, gpd.GeoDataFrame]) -> _Vertrekpunten:
    """Vertrekpunten binnen ``invloed_m`` van de oversteek: woningpunten, of anders vrij terrein."""
    x, y, gewicht, kanten = _woningpunten_xy(parameters, woningpunten, laagdata)
    straal = instellingen.invloed_m
    xmin, ymin, xmax, ymax = oversteek.bounds
    dichtbij = (x >= xmin - straal) & (x <= xmax + straal) & (y >= ymin - straal) & (y <= ymax + straal)
    kandidaat = np.flatnonzero(dichtbij)
    dichtbij[kandidaat] = _binnen_afstand(oversteek, x[kandidaat], y[kandidaat], straal)
    kandidaat = np.flatnonzero(dichtbij)
    dichtbij[kandidaat] = shapely.contains_xy(raster.domein, x[kandidaat], y[kandidaat])
    if dichtbij.any():
        index = np.flatnonzero(dichtbij)
        return _Vertrekpunten(x[index], y[index], gewicht[index], "woningpunten", kanten, index)
    x, y = _vrije_punten(raster, oversteek, straal, _PUNTAFSTAND_ZONDER_WONINGEN_M,
                         raster.geblokkeerd | geblokkeerd_na)
    return _Vertrekpunten(x, y, np.ones(len(x)), "punten (geen woningen in de buurt)")


def oversteken_van_initiatieven(plannen: gpd.GeoDataFrame, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                                parameters: Parameters | None = None,
                                zoekafstand_m: float | None = None) -> gpd.GeoDataFrame:
    """:func:`omrijfactor_voor_na` voor elk initiatief met ``lv_verbinding``.

    Parameters
    ----------
    plannen : GeoDataFrame
        Initiatieven zoals :func:`omgevingsvisie.initiatief.lees_initiatieven` ze geeft
        (kolommen ``naam`` en ``lv_verbinding``, EPSG:28992).
    laagdata : mapping of str to GeoDataFrame
        De lagen, zoals bij :func:`omrijfactor_voor_na`.

    Returns
    -------
    GeoDataFrame
        Per initiatief, op de index van ``plannen``: ``naam``, ``lv_verbinding``,
        ``omrijfactor_voor``, ``omrijfactor_na``, ``verbetering_pct``, ``barriere``,
        ``woningpunten``, ``toelichting`` en het plangebied.
    """
    if plannen.crs is not None and not plannen.crs.equals(CRS):
        plannen = plannen.to_crs(CRS)
    verbinding = (plannen["lv_verbinding"] if "lv_verbinding" in plannen.columns
                  else pd.Series(None, index=plannen.index))
    rijen, punten = [], None
    for naam, lv, plan in zip(plannen["naam"], verbinding, plannen.geometry):
        aan = lv is not None and not pd.isna(lv) and bool(lv)
        if aan and parameters is not None and punten is None:  # eigen parameters: de steekproef één keer
            punten, _ = woningpunten_voor_barrieres(laagdata=laagdata, parameters=parameters)
        uit = (omrijfactor_voor_na(plan, laagdata=laagdata, parameters=parameters, zoekafstand_m=zoekafstand_m,
                                   woningpunten=punten)
               if aan else {"toelichting": "Geen nieuwe verbinding (lv_verbinding staat niet aan)."})
        rijen.append({"naam": naam, "lv_verbinding": "ja" if aan else "nee",
                      **{k: uit.get(k) for k in ("omrijfactor_voor", "omrijfactor_na", "verbetering_pct",
                                                 "barriere", "woningpunten")},
                      "toelichting": uit["toelichting"]})
    tabel = pd.DataFrame(rijen, index=plannen.index)
    for kolom in ("omrijfactor_voor", "omrijfactor_na", "verbetering_pct"):
        tabel[kolom] = pd.to_numeric(tabel[kolom], errors="coerce").astype(float)
    tabel["woningpunten"] = pd.to_numeric(tabel["woningpunten"], errors="coerce").astype("Int64")
    return gpd.GeoDataFrame(tabel, geometry=plannen.geometry.to_numpy(), crs=CRS)
