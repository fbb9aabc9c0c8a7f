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

Voorbeelden
-----------
>>> from shapely.geometry import box
>>> from omgevingsvisie.analyse.barrieres_oversteek import omrijfactor_voor_na
>>> uit = omrijfactor_voor_na(box(233300, 558850, 233400, 559000))   # doctest: +SKIP
>>> uit["omrijfactor_voor"], uit["omrijfactor_na"]                   # doctest: +SKIP
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .._errors import InvoerFout
from ..catalogus import CRS
from .barrieres import BESTEMMINGEN, Instellingen, _raster_en_doelen, omrijfactoren, samenvatting
from .parameters import Parameters
from .routeraster import Oversteek, Routeraster

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


def _komma(waarde: float, decimalen: int = 2) -> str:
    return f"{waarde:.{decimalen}f}".replace(".", ",")


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


def _overkant(raster: Routeraster, na: Routeraster, lijn: BaseGeometry, oversteek: BaseGeometry,
              straal: float, x: np.ndarray, y: np.ndarray) -> dict[str, pd.DataFrame]:
    """Route voor en na van elk punt naar de dichtstbijzijnde vrije cel aan de overkant (binnen ``straal``)."""
    beide = raster.geblokkeerd | na.geblokkeerd
    cx, cy = _vrije_punten(raster, oversteek, straal, raster.celgrootte_m, beide)
    cel_kant = _zijde(lijn, cx, cy)
    punt_kant = _zijde(lijn, x, y)
    uit = {"voor": {}, "na": {}}
    for kant in (1.0, -1.0):
        doel = raster.cellen(cx[cel_kant == -kant], cy[cel_kant == -kant])
        hier = punt_kant == kant
        for naam, r in (("voor", raster), ("na", na)):
            route = np.full(len(x), np.nan)
            hemelsbreed = np.full(len(x), np.nan)
            if len(doel) and hier.any():
                route[hier], hemelsbreed[hier] = r.afstanden(x[hier], y[hier], doel)
            uit[naam].setdefault("route_overkant_m", np.full(len(x), np.nan))[hier] = route[hier]
            uit[naam].setdefault("hemelsbreed_overkant_m", np.full(len(x), np.nan))[hier] = hemelsbreed[hier]
    return {naam: pd.DataFrame(kolommen) for naam, kolommen in uit.items()}


def omrijfactor_voor_na(plan_geometrie: BaseGeometry, *, verbinding: BaseGeometry | None = None,
                        zoekafstand_m: float | None = None, parameters: Parameters | None = None,
                        woningpunten=None) -> dict:
    """De omrijfactor vóór en na een nieuwe verbinding voor fietser en voetganger.

    Voor de toetsregel VS1 (``lv_verbinding``): de waarden ``omrijfactor_voor`` en
    ``omrijfactor_na`` gaan in de ``waarden`` van de bevinding.

    Parameters
    ----------
    plan_geometrie : Polygon or MultiPolygon
        Het plangebied in EPSG:28992.
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
    raster, doelen = _raster_en_doelen(parameters)
    oversteek, barriere, omschrijving = nieuwe_oversteek(plan_geometrie, raster, verbinding=verbinding,
                                                         zoekafstand_m=zoekafstand)
    leeg = {"omrijfactor_voor": None, "omrijfactor_na": None, "verbetering_pct": None, "barriere": barriere,
            "oversteek": omschrijving, "invloed_m": instellingen.invloed_m, "woningpunten": 0,
            "per_bestemming": {}, "nieuw_bereikbaar": 0, "geometrie": None}
    if oversteek is None:
        return {**leeg, "toelichting": f"Geen nieuwe oversteek: {omschrijving}."}
    na = raster.met_oversteken([oversteek])
    x, y, gewicht, soort = _betrokken(raster, na, oversteek.geometrie, instellingen, parameters, woningpunten)
    if not len(x):
        return {**leeg, "geometrie": oversteek.geometrie,
                "toelichting": f"Geen woningen of vrij terrein binnen {instellingen.invloed_m:.0f} m van de oversteek."}
    punten = np.column_stack([x, y])
    voor_df = omrijfactoren(punten, raster=raster, doelen=doelen)
    na_df = omrijfactoren(punten, raster=na, doelen=doelen)
    namen = list(BESTEMMINGEN)
    if barriere is not None:
        overkant = _overkant(raster, na, raster.barrieres[barriere], oversteek.geometrie, instellingen.invloed_m, x, y)
        voor_df, na_df = pd.concat([voor_df, overkant["voor"]], axis=1), pd.concat([na_df, overkant["na"]], axis=1)
        namen.append("overkant")
    per_bestemming, route_voor, route_na, hemel = {}, 0.0, 0.0, 0.0
    nieuw = np.zeros(len(x), dtype=bool)
    for naam in namen:
        rv, rn = voor_df[f"route_{naam}_m"].to_numpy(), na_df[f"route_{naam}_m"].to_numpy()
        hemelsbreed = voor_df[f"hemelsbreed_{naam}_m"].to_numpy()
        nieuw |= ~np.isfinite(rv) & np.isfinite(rn)
        beide = np.isfinite(rv) & np.isfinite(rn) & np.isfinite(hemelsbreed)
        if not beide.any():
            continue
        w = gewicht[beide]
        f_voor, _ = samenvatting(voor_df[beide], w, naam)
        f_na, _ = samenvatting(na_df[beide], w, naam)
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
                   f"{instellingen.invloed_m:.0f} m gaat de omrijfactor van {_komma(voor)} naar {_komma(na_factor)} "
                   f"({_komma(verbetering, 0)}% minder omrijden).")
    if nieuw.any():
        toelichting += f" {int(nieuw.sum())} punten bereiken een bestemming pas met de oversteek."
    return {"omrijfactor_voor": round(voor, 3), "omrijfactor_na": round(na_factor, 3),
            "verbetering_pct": round(verbetering, 1), "barriere": barriere, "oversteek": omschrijving,
            "invloed_m": instellingen.invloed_m, "woningpunten": int(len(x)), "per_bestemming": per_bestemming,
            "nieuw_bereikbaar": int(nieuw.sum()), "toelichting": toelichting, "geometrie": oversteek.geometrie}


def _betrokken(raster: Routeraster, na: Routeraster, oversteek: BaseGeometry, instellingen: Instellingen,
               parameters: Parameters | None, woningpunten) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    """Vertrekpunten binnen ``invloed_m`` van de oversteek: woningpunten, of anders vrij terrein."""
    if woningpunten is None:
        from .barrieres import woningpunten_voor_barrieres

        woningpunten, _ = woningpunten_voor_barrieres(parameters=parameters)
    geometrie = woningpunten.geometry
    if geometrie.crs is not None and not geometrie.crs.equals(CRS):
        geometrie = geometrie.to_crs(CRS)
    x, y = shapely.get_x(geometrie.values), shapely.get_y(geometrie.values)
    gewicht = (woningpunten["woningen"].to_numpy(dtype=float) if "woningen" in woningpunten.columns
               else np.ones(len(x)))
    dichtbij = shapely.distance(oversteek, shapely.points(x, y)) <= instellingen.invloed_m
    dichtbij &= shapely.contains_xy(raster.domein, x, y)
    if dichtbij.any():
        return x[dichtbij], y[dichtbij], gewicht[dichtbij], "woningpunten"
    x, y = _vrije_punten(raster, oversteek, instellingen.invloed_m, _PUNTAFSTAND_ZONDER_WONINGEN_M,
                         raster.geblokkeerd | na.geblokkeerd)
    return x, y, np.ones(len(x)), "punten (geen woningen in de buurt)"


def oversteken_van_initiatieven(plannen: gpd.GeoDataFrame, *, parameters: Parameters | None = None,
                                zoekafstand_m: float | None = None) -> gpd.GeoDataFrame:
    """:func:`omrijfactor_voor_na` voor elk initiatief met ``lv_verbinding``.

    Parameters
    ----------
    plannen : GeoDataFrame
        Initiatieven zoals :func:`omgevingsvisie.initiatief.lees_initiatieven` ze geeft
        (kolommen ``naam`` en ``lv_verbinding``, EPSG:28992).

    Returns
    -------
    GeoDataFrame
        Per initiatief: ``naam``, ``lv_verbinding``, ``omrijfactor_voor``, ``omrijfactor_na``,
        ``verbetering_pct``, ``barriere``, ``woningpunten``, ``toelichting`` en het plangebied.
    """
    if plannen.crs is not None and not plannen.crs.equals(CRS):
        plannen = plannen.to_crs(CRS)
    verbinding = (plannen["lv_verbinding"] if "lv_verbinding" in plannen.columns
                  else pd.Series(None, index=plannen.index))
    rijen = []
    for naam, lv, plan in zip(plannen["naam"], verbinding, plannen.geometry):
        aan = lv is not None and not pd.isna(lv) and bool(lv)
        uit = (omrijfactor_voor_na(plan, parameters=parameters, zoekafstand_m=zoekafstand_m) if aan
               else {"toelichting": "Geen nieuwe verbinding (lv_verbinding staat niet aan)."})
        rijen.append({"naam": naam, "lv_verbinding": "ja" if aan else "nee",
                      **{k: uit.get(k) for k in ("omrijfactor_voor", "omrijfactor_na", "verbetering_pct",
                                                 "barriere", "woningpunten")},
                      "toelichting": uit["toelichting"]})
    tabel = pd.DataFrame(rijen)
    for kolom in ("omrijfactor_voor", "omrijfactor_na", "verbetering_pct"):
        tabel[kolom] = pd.to_numeric(tabel[kolom], errors="coerce").astype(float)
    tabel["woningpunten"] = pd.to_numeric(tabel["woningpunten"], errors="coerce").astype("Int64")
    return gpd.GeoDataFrame(tabel, geometry=list(plannen.geometry), crs=CRS)
