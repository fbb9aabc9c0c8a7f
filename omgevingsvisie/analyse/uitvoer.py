"""De analyses als geheel: hitte en groen rekenen en samenvatten per gebied, en de ene schrijver.

:func:`analyse_hitte` en :func:`analyse_groen` doen alle stappen en geven een :class:`Analyse`
terug; de barrièreanalyse geeft er een met
:meth:`omgevingsvisie.analyse.barrieres.Uitkomst.als_analyse`. :func:`schrijf_analyse` zet elke
:class:`Analyse` in een map (GeoTIFF, CSV, GeoPackage): eerst alle doelen gecontroleerd, dan
alles naast zijn doel geschreven en pas op zijn plaats gezet als alles gelukt is, dus nooit
half en nooit over bestaande bestanden heen zonder ``overschrijf``. :func:`bestanden` noemt
vooraf welke bestanden er komen, zodat de CLI kan weigeren vóór het rekenwerk.

Bestanden van ``hitte``: ``landgebruik.tif``, ``uhi.tif``, ``afstand_koele_plek.tif``,
``hitte_wijken.csv``, ``hitte_focusgebieden.csv`` (en ``hitte_initiatieven.csv``) en
``hitte.gpkg`` met de lagen ``wijken``, ``focusgebieden``, (``initiatieven``),
``koele_plekken`` en ``woningpunten``.

Bestanden van ``groen``: ``afstand_groen.tif``, ``groen_per_woning.tif``, ``groen_wijken.csv``,
``groen_focusgebieden.csv`` (en ``groen_initiatieven.csv``) en ``groen.gpkg`` met de lagen
``wijken``, ``focusgebieden``, (``initiatieven``), ``groenruimten`` en ``woningpunten``.

Bestanden van ``barrieres``: ``barrieres_wijken.csv`` (en ``barrieres_initiatieven.csv``) en
``barrieres.gpkg`` met de lagen ``wijken``, (``initiatieven``), ``ingesloten_wijken`` en
``woningpunten``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from ..catalogus import CRS
from ..io.run import run
from ..io.veilig import csv_tabel
from . import groen as groenmodule
from . import hitte as hittemodule
from . import koelte
from ._rooster import geotiff
from .gebieden import gewogen_aandeel, gewogen_mediaan, per_gebied, punten_in, raster_in
from .landgebruik import Landgebruik, landgebruik_van
from .parameters import Parameters, laad_analyse_parameters
from .woningen import woningpunten

__all__ = ["Analyse", "analyse_groen", "analyse_hitte", "bestanden", "schrijf_analyse"]

Voortgang = Callable[[str, int, int], None]
"""``voortgang(omschrijving, gedaan, totaal)``: na elke stap aangeroepen."""

RASTERS = {"hitte": ("landgebruik", "uhi", "afstand_koele_plek"), "groen": ("afstand_groen", "groen_per_woning"),
           "barrieres": ()}
"""Per soort analyse de rasters (``<naam>.tif``)."""
TABELLEN = {"hitte": ("wijken", "focusgebieden"), "groen": ("wijken", "focusgebieden"), "barrieres": ("wijken",)}
"""Per soort analyse de tabellen (``<soort>_<naam>.csv`` en een laag in ``<soort>.gpkg``); plus ``initiatieven``."""
GEBIEDSLAGEN = ("wijken", "focusgebieden")


@dataclass
class Analyse:
    """Het resultaat van een analyse, klaar om te schrijven.

    Attributes
    ----------
    soort : str
        ``"hitte"``, ``"groen"`` of ``"barrieres"`` (zie :data:`RASTERS` en :data:`TABELLEN`).
    rasters : dict
        Naam → schrijver ``schrijver(pad)`` die het raster als GeoTIFF naar ``pad`` schrijft
        (bijvoorbeeld :func:`~omgevingsvisie.analyse._rooster.geotiff`).
    tabellen : dict
        De tabellen van :data:`TABELLEN` en eventueel ``initiatieven`` (GeoDataFrames; CSV én GeoPackage).
    lagen : dict
        Extra lagen voor de GeoPackage (koele plekken of groenruimten, woningpunten).
    waarschuwingen : list of str
        Meldingen voor de gebruiker (bijvoorbeeld adressen buiten de gemeente).
    """

    soort: str
    rasters: dict[str, Callable[[Path], None]]
    tabellen: dict[str, gpd.GeoDataFrame]
    lagen: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    waarschuwingen: list[str] = field(default_factory=list)


def bestanden(soort: str, map_: str | os.PathLike, *, initiatieven: bool = False) -> list[Path]:
    """De bestanden die :func:`schrijf_analyse` voor ``soort`` in ``map_`` schrijft."""
    map_ = Path(map_)
    tabellen = [*TABELLEN[soort], *(("initiatieven",) if initiatieven else ())]
    return ([map_ / f"{naam}.tif" for naam in RASTERS[soort]]
            + [map_ / f"{soort}_{naam}.csv" for naam in tabellen] + [map_ / f"{soort}.gpkg"])


def _stappen(voortgang: Voortgang | None, totaal: int) -> Callable[[str], None]:
    gedaan = 0

    def stap(omschrijving: str) -> None:
        nonlocal gedaan
        gedaan += 1
        if voortgang is not None:
            voortgang(omschrijving, gedaan, totaal)

    return stap


def _gebieden(laagdata: Mapping[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    return {naam: laagdata[naam] for naam in GEBIEDSLAGEN}


def _voorbereiden(lg: Landgebruik | None, laagdata: Mapping[str, gpd.GeoDataFrame], adressen,
                  parameters: Parameters | None):
    p = parameters or laad_analyse_parameters()
    lg = landgebruik_van(lg, laagdata, parameters)
    punten, waarschuwingen = woningpunten(lg, adressen=adressen, parameters=p)
    return p, lg, punten, waarschuwingen


def analyse_hitte(*, laagdata: Mapping[str, gpd.GeoDataFrame], lg: Landgebruik | None = None, meteo: hittemodule.Meteorologie | None = None,
                  venster_m: float | None = None, adressen=None,
                  initiatieven: gpd.GeoDataFrame | None = None, parameters: Parameters | None = None,
                  voortgang: Voortgang | None = None) -> Analyse:
    """UHI-raster, koele plekken en de tabellen per wijk, focusgebied (en initiatief).

    Parameters
    ----------
    laagdata : mapping of str to GeoDataFrame
        De lagen (bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`): het landgebruik, de wijken
        en de focusgebieden.
    lg : Landgebruik, optional
        Standaard :func:`~omgevingsvisie.analyse.landgebruik.landgebruik` van ``laagdata``.
    meteo, venster_m
        Zie :func:`~omgevingsvisie.analyse.hitte.uhi_raster`.
    adressen : path-like or GeoDataFrame, optional
        Eigen adrespunten; standaard een steekproef in het bestaand stedelijk gebied.
    initiatieven : GeoDataFrame, optional
        Uit :func:`~omgevingsvisie.initiatief.lees_initiatieven`; per initiatief de UHI vóór en
        na (:func:`~omgevingsvisie.analyse.hitte.uhi_voor_na`) met zijn ``groen_pct``.
    parameters : Parameters, optional
        Analyseparameters.
    voortgang : callable, optional
        ``voortgang(omschrijving, gedaan, totaal)``.
    """
    n_plannen = 0 if initiatieven is None else len(initiatieven)
    stap = _stappen(voortgang, 5 + n_plannen)
    p, lg, punten, waarschuwingen = _voorbereiden(lg, laagdata, adressen, parameters)
    stap("landgebruik en woningen")
    meteo = meteo or hittemodule.Meteorologie.standaard(p)
    uhi = hittemodule.uhi_raster(lg, meteo=meteo, venster_m=venster_m, parameters=p)
    stap("hitte-eilandeffect (UHI)")
    norm = float(p("koele_plek", "afstand_m"))
    plekken = koelte.koele_plekken(lg, parameters=p)
    afstand = koelte.afstand_koele_plek(punten, plekken)
    afstand_raster = koelte.afstand_koele_plek_raster(lg, parameters=p)
    stap("koele plekken")

    gewicht = punten["woningen"].to_numpy(dtype=float)
    f_veg, verhard = lg.eigenschap("f_veg"), lg.eigenschap("verhard")

    def kolommen(geometrie) -> dict:
        waarden = raster_in(uhi.waarden, uhi.rooster, geometrie)
        veg, hard = raster_in(f_veg, lg.rooster, geometrie), raster_in(verhard, lg.rooster, geometrie)
        i = punten_in(punten, geometrie)
        return {
            "uhi_gemiddeld_c": float(waarden.mean()) if waarden.size else np.nan,
            "uhi_max_c": float(waarden.max()) if waarden.size else np.nan,
            "f_veg_gemiddeld": float(veg.mean()) if veg.size else np.nan,
            "verhard_pct": 100.0 * float(hard.mean()) if hard.size else np.nan,
            "woningen": float(gewicht[i].sum()),
            "koele_plek_afstand_mediaan_m": gewogen_mediaan(afstand[i], gewicht[i]),
            "koele_plek_te_ver_pct": gewogen_aandeel(afstand[i] > norm, gewicht[i]),
        }

    tabellen = {naam: per_gebied(gebieden, kolommen) for naam, gebieden in _gebieden(laagdata).items()}
    stap("tabellen per wijk en focusgebied")
    if initiatieven is not None:
        onbebouwd = set(p("uhi", "onbebouwde_functies"))
        rijen = []
        for plan in initiatieven.itertuples():
            rij = {"naam": plan.naam, "groen_pct": plan.groen_pct}
            if plan.groen_pct is None or pd.isna(plan.groen_pct):
                rij["opmerking"] = "groen_pct ontbreekt: UHI na realisatie niet te berekenen"
            else:
                functies = set(getattr(plan, "functies", None) or ())
                svf_plan = float(p("uhi", "svf_onbebouwd")) if functies and functies <= onbebouwd else None
                uitkomst = hittemodule.uhi_voor_na(plan.geometry, float(plan.groen_pct), lg=lg, meteo=meteo,
                                                   venster_m=venster_m, svf_plan=svf_plan, parameters=p)
                rij.update({k: v for k, v in uitkomst.items() if k not in ("meteorologie", "bron")})
            rijen.append(rij)
            stap(f"initiatief {plan.naam}")
        tabellen["initiatieven"] = gpd.GeoDataFrame(pd.DataFrame(rijen), geometry=list(initiatieven.geometry), crs=CRS)

    rd = uhi.rooster
    rasters = {
        "landgebruik": lg.geotiff(),
        "uhi": uhi.geotiff(),
        "afstand_koele_plek": geotiff(
            afstand_raster, rd, nodata=float("nan"), eenheid="m",
            beschrijving=f"Afstand tot een koele plek ≥ {p('koele_plek', 'min_oppervlakte_m2'):g} m² (hemelsbreed)",
            tags={"bron": p.parameter("koele_plek", "afstand_m").bron}),
    }
    punten = punten.assign(afstand_koele_plek_m=afstand)
    stap("klaar")
    return Analyse("hitte", rasters, tabellen, {"koele_plekken": plekken, "woningpunten": punten},
                   waarschuwingen)


def analyse_groen(*, laagdata: Mapping[str, gpd.GeoDataFrame], lg: Landgebruik | None = None, normen: groenmodule.Groennormen | None = None,
                  adressen=None, initiatieven: gpd.GeoDataFrame | None = None,
                  parameters: Parameters | None = None, voortgang: Voortgang | None = None) -> Analyse:
    """De "300" van 3-30-300 en groen per woning: rasters en tabellen per wijk, focusgebied (en initiatief).

    Parameters zoals bij :func:`analyse_hitte`; ``normen`` standaard uit de parameters
    (:class:`~omgevingsvisie.analyse.groen.Groennormen`). Per initiatief:
    :func:`~omgevingsvisie.analyse.groen.groen_initiatief` met zijn ``woningen`` en ``groen_pct``.
    """
    n_plannen = 0 if initiatieven is None else len(initiatieven)
    stap = _stappen(voortgang, 5 + n_plannen)
    p, lg, punten, waarschuwingen = _voorbereiden(lg, laagdata, adressen, parameters)
    normen = normen or groenmodule.Groennormen.standaard(p)
    stap("landgebruik en woningen")
    per_punt = groenmodule.groen_bij_woningen(lg, punten, normen=normen)
    stap("afstand tot groen en groen per woning")
    rasters_groen = groenmodule.groen_rasters(lg, punten, normen=normen)
    stap("rasters")

    gewicht = punten["woningen"].to_numpy(dtype=float)
    afstand = per_punt["afstand_groen_m"].to_numpy()
    per_woning = per_punt["groen_per_woning_m2"].to_numpy()
    groencellen = lg.eigenschap("groen")

    def kolommen(geometrie) -> dict:
        i = punten_in(punten, geometrie)
        return {
            "groen_ha": float(raster_in(groencellen, lg.rooster, geometrie).sum()) * lg.rooster.celoppervlak / 10_000,
            "woningen": float(gewicht[i].sum()),
            "groen_afstand_mediaan_m": gewogen_mediaan(afstand[i], gewicht[i]),
            "groen_te_ver_pct": gewogen_aandeel(afstand[i] > normen.afstand_m, gewicht[i]),
            "groen_per_woning_mediaan_m2": gewogen_mediaan(per_woning[i], gewicht[i]),
            "groen_per_woning_onder_norm_pct": gewogen_aandeel(per_woning[i] < normen.per_woning_m2, gewicht[i]),
        }

    tabellen = {naam: per_gebied(gebieden, kolommen) for naam, gebieden in _gebieden(laagdata).items()}
    stap("tabellen per wijk en focusgebied")
    if initiatieven is not None:
        rijen = []
        for plan in initiatieven.itertuples():
            woningen = None if plan.woningen is None or pd.isna(plan.woningen) else int(plan.woningen)
            groen_pct = None if plan.groen_pct is None or pd.isna(plan.groen_pct) else float(plan.groen_pct)
            uitkomst = groenmodule.groen_initiatief(plan.geometry, woningen=woningen, groen_pct=groen_pct,
                                                    lg=lg, punten=punten, normen=normen)
            rijen.append({"naam": plan.naam, **{k: v for k, v in uitkomst.items() if k != "bron"}})
            stap(f"initiatief {plan.naam}")
        tabellen["initiatieven"] = gpd.GeoDataFrame(pd.DataFrame(rijen), geometry=list(initiatieven.geometry), crs=CRS)

    rd = lg.gemeente_rooster
    rasters = {
        "afstand_groen": geotiff(
            rasters_groen["afstand_groen"], rd, nodata=float("nan"), eenheid="m",
            beschrijving=f"Afstand tot openbaar groen ≥ {normen.min_oppervlakte_ha:g} ha (hemelsbreed)",
            tags={"bron": p.parameter("groen", "afstand_m").bron}),
        "groen_per_woning": geotiff(
            rasters_groen["groen_per_woning"], rd, nodata=float("nan"), eenheid="m² per woning",
            beschrijving=f"Openbaar groen binnen {normen.straal_m:g} m per woning binnen {normen.straal_m:g} m",
            tags={"bron": p.parameter("groen", "per_woning_m2").bron}),
    }
    groot, _ = groenmodule.groenruimten(lg, min_oppervlakte_ha=normen.min_oppervlakte_ha)
    punten = punten.assign(**per_punt)
    stap("klaar")
    return Analyse("groen", rasters, tabellen, {"groenruimten": groot, "woningpunten": punten}, waarschuwingen)


def _voor_bestand(tabel: pd.DataFrame) -> pd.DataFrame:
    """Oneindige afstanden (geen groen, koele plek of route) worden leeg; getallen afgerond."""
    getallen = tabel.select_dtypes("float").columns
    return tabel.assign(**{k: tabel[k].replace([np.inf, -np.inf], np.nan).round(3) for k in getallen})


def schrijf_analyse(analyse: Analyse, map_: str | os.PathLike, *, overschrijf: bool = False,
                    voortgang: Voortgang | None = None) -> list[Path]:
    """Schrijf rasters, CSV-tabellen en de GeoPackage van ``analyse`` in ``map_``; alles of niets.

    Eén run van :func:`omgevingsvisie.io.run.run` (of een deel van de run die al voor ``map_``
    loopt): eerst alle doelen gecontroleerd (:class:`~omgevingsvisie.UitvoerBestaat` als er al
    één bestaat en ``overschrijf`` niet is gezet; dan wordt er niets geschreven), dan alles in de
    tijdelijke map van de run geschreven en pas op zijn plaats gezet als alle bestanden gelukt
    zijn: bij een fout blijft er niets half staan.

    Returns
    -------
    list of Path
        De geschreven bestanden, in de volgorde van :func:`bestanden`.
    """
    map_ = Path(map_)
    doelen = bestanden(analyse.soort, map_, initiatieven="initiatieven" in analyse.tabellen)
    stap = _stappen(voortgang, len(doelen))
    with run(map_, overschrijf=overschrijf) as transactie:
        transactie.reserveer(doelen, overschrijf=overschrijf)
        tijdelijk = {doel: transactie.pad(doel, overschrijf=overschrijf) for doel in doelen}
        for naam, schrijver in analyse.rasters.items():
            schrijver(tijdelijk[map_ / f"{naam}.tif"])
            stap(f"{naam}.tif")
        for naam, tabel in analyse.tabellen.items():
            csv = csv_tabel(_voor_bestand(pd.DataFrame(tabel.drop(columns="geometry")))).to_csv(index=False)
            tijdelijk[map_ / f"{analyse.soort}_{naam}.csv"].write_text(csv, encoding="utf-8")
            stap(f"{analyse.soort}_{naam}.csv")
        gpkg = tijdelijk[map_ / f"{analyse.soort}.gpkg"]
        for naam, laag in {**analyse.tabellen, **analyse.lagen}.items():
            _voor_bestand(laag).to_file(gpkg, layer=naam, driver="GPKG")
        stap(f"{analyse.soort}.gpkg")
    return doelen
