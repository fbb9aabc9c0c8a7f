"""Barrières en verbondenheid (Omgevingsvisie §2.10, §3.3B): omrijfactoren en ingesloten wijken.

De **omrijfactor** is de lengte van de kortste route voor fietser en voetganger gedeeld door
de hemelsbrede afstand. Een route mag een barrièrelijn (Europaweg, Noord-Willemskanaal, A28,
spoor) alleen bij een oversteek passeren en een barrièregebied (Stadsbedrijvenpark) alleen
langs de rand of door een doorgang; zie :mod:`.routeraster` voor de rekenwijze. De lagen komen
van de aanroeper (``laagdata``, in de praktijk :func:`omgevingsvisie.lagen.huidige`).

Bestemmingen (:data:`BESTEMMINGEN`): het publiekshart, het buitengebied (de gemeente buiten
het bestaand stedelijk gebied, vanaf ``ingang_diepte_m`` binnen de rand), de groenstructuur en
het dichtstbijzijnde wijkcentrum. Voor een bestemming met meer plekken telt de dichtstbijzijnde
over de route, gedeeld door de hemelsbrede afstand tot de dichtstbijzijnde: een afgesneden
park om de hoek telt dus als omweg.

Vertrekpunten zijn de woningpunten van :func:`omgevingsvisie.analyse.woningen.woningpunten`
(een steekproef in het woongebied of eigen adressen). De omrijfactor van een wijk is
Σ gewicht × route / Σ gewicht × hemelsbreed over haar woningpunten (de 'circuity' van
Giacomin en Levinson, gewogen met het aantal woningen). Een wijk is **ingesloten** als haar
omrijfactor naar het publiekshart of naar het buitengebied boven ``drempel_ingesloten`` ligt
(§2.10, legenda 'Wijken die door barrières liggen ingesloten').

Voorbeelden
-----------
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.analyse import barrieres
>>> uitkomst = barrieres.omrijfactoren_per_wijk(laagdata=lagen.huidige())  # doctest: +SKIP
>>> uitkomst.tabel[["naam", "omrijfactor_publiekshart", "ingesloten"]]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from .. import tekst
from ..catalogus import CRS
from ..io import stempel
from ._laagdata import cachesleutel
from .gebieden import punten_in
from .parameters import Parameters, laad_analyse_parameters
from .routeraster import Oversteek, Routeraster
from .uitvoer import Analyse

__all__ = ["BESTEMMINGEN", "LAGEN", "Instellingen", "Uitkomst", "afstandvelden", "barriere_raster", "bestemmingen",
           "gewogen_omrijfactor", "omrijfactoren", "omrijfactoren_per_wijk", "samenvatting",
           "standaard_parameters", "woningpunten_voor_barrieres"]

#: Bestemmingen en hun omschrijving in meldingen.
BESTEMMINGEN = {
    "publiekshart": "het publiekshart",
    "buitengebied": "het buitengebied",
    "groen": "de groenstructuur",
    "wijkcentrum": "het dichtstbijzijnde wijkcentrum",
}
#: Bestemmingen die bepalen of een wijk ingesloten is.
INGESLOTEN_DOOR = ("publiekshart", "buitengebied")
#: De lagen van het raster en de bestemmingen (en waarop het bewaarde raster sleutelt).
LAGEN = ("gemeentegrens", "barrieres", "barrieregebieden", "oversteken", "bestaand_stedelijk_gebied",
         "publiekshart", "groenstructuur", "wijkcentra")


@dataclass(frozen=True)
class Instellingen:
    """De parameters van de sectie ``[barrieres]`` in ``omgevingsvisie/analyse/parameters.toml``."""

    celgrootte_m: float
    oversteek_tolerantie_m: float
    ingang_diepte_m: float
    drempel_ingesloten: float
    invloed_m: float
    zoekafstand_m: float

    @classmethod
    def uit(cls, parameters: Parameters | None = None) -> Instellingen:
        """Lees de instellingen uit ``parameters`` (standaard de meegeleverde analyseparameters)."""
        p = standaard_parameters(parameters)
        return cls(**{naam: float(p("barrieres", naam)) for naam in cls.__dataclass_fields__})


_standaard: dict[tuple, Parameters] = {}


def standaard_parameters(parameters: Parameters | None = None) -> Parameters:
    """``parameters``, of de meegeleverde analyseparameters (bewaard zolang het bestand niet verandert).

    Zo leest niet elke aanroep van :func:`~.barrieres_oversteek.omrijfactor_voor_na` (VS1, per
    initiatief) het TOML-bestand opnieuw.
    """
    if parameters is not None:
        return parameters
    from .parameters import STANDAARD

    sleutel = stempel(STANDAARD)
    if sleutel not in _standaard:
        _standaard.clear()
        _standaard[sleutel] = laad_analyse_parameters()
    return _standaard[sleutel]


# ------------------------------------------------------------------ raster en bestemmingen uit de lagen

@dataclass
class _Opgebouwd:
    """Wat niet van een plan afhangt: het raster, de doelcellen en (zodra nodig) de afstandvelden."""

    raster: Routeraster
    doelen: dict[str, np.ndarray]
    #: per bestemming het afstandveld over de route en hemelsbreed (zie :func:`afstandvelden`)
    velden: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)


_cache: dict[tuple, _Opgebouwd] = {}


def _per_naam(gdf: gpd.GeoDataFrame) -> dict[str, BaseGeometry]:
    return {str(naam): shapely.union_all(groep.geometry.values) for naam, groep in gdf.groupby("naam", sort=False)}


def _oversteken(laagdata: Mapping[str, gpd.GeoDataFrame]) -> list[Oversteek]:
    laag = laagdata["oversteken"]
    barriere = laag["barriere"] if "barriere" in laag.columns else pd.Series(None, index=laag.index)
    return [Oversteek(g, None if pd.isna(b) or str(b).strip() == "" else str(b), str(n))
            for g, b, n in zip(laag.geometry, barriere, laag["naam"])]


def _bestemmingsgeometrie(instellingen: Instellingen,
                          laagdata: Mapping[str, gpd.GeoDataFrame]) -> dict[str, list[BaseGeometry]]:
    gemeente = laagdata["gemeentegrens"].union_all()
    stedelijk = laagdata["bestaand_stedelijk_gebied"].union_all()
    buiten = gemeente.difference(stedelijk)
    ingang = buiten.buffer(-instellingen.ingang_diepte_m)
    return {
        "publiekshart": list(laagdata["publiekshart"].geometry),
        "buitengebied": [ingang if not ingang.is_empty else buiten],
        "groen": list(laagdata["groenstructuur"].geometry),
        "wijkcentrum": list(laagdata["wijkcentra"].geometry),
    }


def _bouw(instellingen: Instellingen,
          laagdata: Mapping[str, gpd.GeoDataFrame]) -> tuple[Routeraster, dict[str, np.ndarray]]:
    raster = Routeraster(
        domein=laagdata["gemeentegrens"].union_all(),
        barrieres=_per_naam(laagdata["barrieres"]),
        gebieden=_per_naam(laagdata["barrieregebieden"]),
        oversteken=_oversteken(laagdata),
        celgrootte_m=instellingen.celgrootte_m,
        tolerantie_m=instellingen.oversteek_tolerantie_m,
    )
    doelen = {naam: raster.doelcellen(geometrie)
              for naam, geometrie in _bestemmingsgeometrie(instellingen, laagdata).items()}
    return raster, doelen


def _opgebouwd(laagdata: Mapping[str, gpd.GeoDataFrame], parameters: Parameters | None, *,
               opnieuw: bool = False) -> _Opgebouwd:
    """Het bewaarde raster met doelcellen, zolang de lagen (:data:`LAGEN`) en de instellingen gelijk blijven.

    De sleutel is :meth:`~omgevingsvisie.lagen.Laagdata.stempel`: een vervangen of herstelde laag
    of een gewijzigd bestand geeft een nieuw raster. Lagen zonder stempel (een gewone mapping)
    worden niet bewaard.
    """
    instellingen = Instellingen.uit(parameters)
    lagen_sleutel = cachesleutel(laagdata, LAGEN)
    if lagen_sleutel is None:
        return _Opgebouwd(*_bouw(instellingen, laagdata))
    sleutel = (lagen_sleutel, instellingen)
    if opnieuw or sleutel not in _cache:
        _cache.clear()
        _cache[sleutel] = _Opgebouwd(*_bouw(instellingen, laagdata))
    return _cache[sleutel]


def _raster_en_doelen(laagdata: Mapping[str, gpd.GeoDataFrame], parameters: Parameters | None, *,
                      opnieuw: bool = False) -> tuple[Routeraster, dict]:
    opgebouwd = _opgebouwd(laagdata, parameters, opnieuw=opnieuw)
    return opgebouwd.raster, opgebouwd.doelen


def afstandvelden(*, laagdata: Mapping[str, gpd.GeoDataFrame], parameters: Parameters | None = None
                  ) -> tuple[Routeraster, dict[str, np.ndarray], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Het raster, de doelcellen en per bestemming de afstandvelden over de route en hemelsbreed.

    Elk veld geeft voor elke cel van :func:`barriere_raster` de afstand (m) tot de bestemming
    (één Dijkstra vanuit alle doelcellen). Ze hangen niet van een plan af en worden één keer
    berekend en bewaard bij het raster; :func:`~.barrieres_oversteek.omrijfactor_voor_na` rekent
    daarmee alleen de situatie ná een nieuwe oversteek plaatselijk door.

    Returns
    -------
    raster : Routeraster
    doelen : dict of str to ndarray
        Doelcellen per bestemming (:data:`BESTEMMINGEN`).
    velden : dict of str to (ndarray, ndarray)
        Per bestemming ``(route_m, hemelsbreed_m)`` per cel.
    """
    opgebouwd = _opgebouwd(laagdata, parameters)
    if not opgebouwd.velden:
        raster = opgebouwd.raster
        opgebouwd.velden.update({naam: (raster.afstandveld(cellen), raster.afstandveld(cellen, vrij=True))
                                 for naam, cellen in opgebouwd.doelen.items()})
    return opgebouwd.raster, opgebouwd.doelen, opgebouwd.velden


def barriere_raster(*, laagdata: Mapping[str, gpd.GeoDataFrame], parameters: Parameters | None = None,
                    opnieuw: bool = False) -> Routeraster:
    """Het routeraster van de (eventueel vervangen) lagen ``barrieres``, ``barrieregebieden`` en ``oversteken``.

    Het raster wordt bewaard zolang de lagen en de instellingen gelijk blijven (een vervangen
    laag of een gewijzigd bestand geeft een nieuw raster); ``opnieuw`` bouwt het toch opnieuw
    (bijvoorbeeld voor een benchmark).

    Parameters
    ----------
    laagdata : mapping of str to GeoDataFrame
        De lagen (:data:`LAGEN`), bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`.
    parameters : Parameters, optional
        Analyseparameters (sectie ``[barrieres]``); standaard de meegeleverde.
    opnieuw : bool
        Niet de bewaarde versie gebruiken.
    """
    return _raster_en_doelen(laagdata, parameters, opnieuw=opnieuw)[0]


def bestemmingen(*, laagdata: Mapping[str, gpd.GeoDataFrame],
                 parameters: Parameters | None = None) -> dict[str, np.ndarray]:
    """De doelcellen per bestemming op :func:`barriere_raster` (sleutels: :data:`BESTEMMINGEN`)."""
    return _raster_en_doelen(laagdata, parameters)[1]


# ------------------------------------------------------------------ omrijfactoren

def _xy(punten: gpd.GeoDataFrame | gpd.GeoSeries | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(punten, (gpd.GeoDataFrame, gpd.GeoSeries)):
        geometrie = punten.geometry if isinstance(punten, gpd.GeoDataFrame) else punten
        if geometrie.crs is not None and not geometrie.crs.equals(CRS):
            geometrie = geometrie.to_crs(CRS)
        return shapely.get_x(geometrie.values), shapely.get_y(geometrie.values)
    xy = np.asarray(punten, dtype=float).reshape(-1, 2)
    return xy[:, 0], xy[:, 1]


def omrijfactoren(punten: gpd.GeoDataFrame | gpd.GeoSeries | np.ndarray, *,
                  laagdata: Mapping[str, gpd.GeoDataFrame] | None = None, parameters: Parameters | None = None,
                  raster: Routeraster | None = None, doelen: dict[str, np.ndarray] | None = None) -> pd.DataFrame:
    """Omrijfactor, routeafstand en hemelsbrede afstand van elk punt naar elke bestemming.

    Parameters
    ----------
    punten : GeoDataFrame, GeoSeries or ndarray
        Vertrekpunten (punten, of een array met x en y in EPSG:28992).
    laagdata : mapping of str to GeoDataFrame, optional
        De lagen (:data:`LAGEN`); nodig als ``raster`` en ``doelen`` ontbreken.
    parameters : Parameters, optional
        Analyseparameters; standaard de meegeleverde.
    raster, doelen : optional
        Een eigen :class:`Routeraster` met doelcellen per bestemming (bijvoorbeeld met een
        nieuwe oversteek); standaard die van :func:`barriere_raster`.

    Returns
    -------
    DataFrame
        Per bestemming ``b``: ``omrijfactor_b`` (NaN als onbereikbaar), ``route_b_m`` (``inf`` als
        onbereikbaar) en ``hemelsbreed_b_m``; één rij per punt, op de index van de invoer (een
        GeoDataFrame of GeoSeries; voor een array 0 … n-1).

    Raises
    ------
    TypeError
        Als ``laagdata`` ontbreekt en ``raster`` en ``doelen`` ook.
    """
    if raster is None or doelen is None:
        if laagdata is None:
            raise TypeError("Geef de lagen (laagdata=...) of een eigen raster met doelen mee.")
        raster, doelen = _raster_en_doelen(laagdata, parameters)
    x, y = _xy(punten)
    kolommen = {}
    for naam, cellen in doelen.items():
        route, hemelsbreed = raster.afstanden(x, y, cellen)
        factor = raster.omrijfactor(route, hemelsbreed)
        kolommen[f"omrijfactor_{naam}"] = np.where(np.isfinite(route), factor, np.nan)
        kolommen[f"route_{naam}_m"] = route
        kolommen[f"hemelsbreed_{naam}_m"] = hemelsbreed
    index = punten.index if isinstance(punten, (gpd.GeoDataFrame, gpd.GeoSeries)) else None
    return pd.DataFrame(kolommen, index=index)


def samenvatting(uitkomst: pd.DataFrame, gewicht: np.ndarray, naam: str) -> tuple[float, float]:
    """Gewogen omrijfactor Σ w·route / Σ w·hemelsbreed over de bereikbare punten, en het onbereikbare gewicht.

    Returns
    -------
    (float, float)
        De omrijfactor (minstens 1; NaN als niets bereikbaar is) en het gewicht van de punten
        die de bestemming niet kunnen bereiken.
    """
    return gewogen_omrijfactor(uitkomst[f"route_{naam}_m"].to_numpy(), uitkomst[f"hemelsbreed_{naam}_m"].to_numpy(),
                               gewicht)


def gewogen_omrijfactor(route: np.ndarray, hemelsbreed: np.ndarray, gewicht: np.ndarray) -> tuple[float, float]:
    """:func:`samenvatting` op losse arrays: route en hemelsbreed (m) en gewicht per punt.

    Returns
    -------
    (float, float)
        De omrijfactor en het onbereikbare gewicht, zoals :func:`samenvatting`.
    """
    route, hemelsbreed = np.asarray(route, dtype=float), np.asarray(hemelsbreed, dtype=float)
    gewicht = np.asarray(gewicht, dtype=float)
    bereikbaar = np.isfinite(route)
    onbereikbaar = float(gewicht[~bereikbaar].sum())
    noemer = float((gewicht * hemelsbreed)[bereikbaar].sum())
    if not bereikbaar.any():
        return float("nan"), onbereikbaar
    if noemer <= 0:
        return 1.0, onbereikbaar
    return max(1.0, float((gewicht * route)[bereikbaar].sum()) / noemer), onbereikbaar


@dataclass
class Uitkomst:
    """Omrijfactoren per wijk en per woningpunt.

    Attributes
    ----------
    tabel : DataFrame
        Per wijk: ``statcode``, ``naam``, ``omrijfactor_publiekshart``, ``omrijfactor_buitengebied``,
        ``omrijfactor_groen``, ``omrijfactor_wijkcentrum``, ``ingesloten`` ("ja"/"nee"),
        ``reden``, ``woningen`` (gewicht), ``woningpunten`` en ``onbereikbaar_woningen``.
        Geschikt voor :func:`omgevingsvisie.kaarten.kaart_barrieres`.
    wijken : GeoDataFrame
        De tabel met de wijkgrenzen.
    punten : GeoDataFrame
        De woningpunten met ``wijk`` en hun omrijfactoren.
    drempel : float
        De gebruikte ``drempel_ingesloten``.
    waarschuwingen : list of str
    initiatieven : GeoDataFrame, optional
        Per initiatief de omrijfactor vóór en na een nieuwe oversteek
        (:func:`~omgevingsvisie.analyse.barrieres_oversteek.oversteken_van_initiatieven`).
    """

    tabel: pd.DataFrame
    wijken: gpd.GeoDataFrame
    punten: gpd.GeoDataFrame
    drempel: float
    waarschuwingen: list[str] = field(default_factory=list)
    initiatieven: gpd.GeoDataFrame | None = None

    @property
    def ingesloten(self) -> gpd.GeoDataFrame:
        """De wijken die ingesloten zijn (de laag ``ingesloten_wijken``)."""
        return self.wijken[self.wijken["ingesloten"] == "ja"].reset_index(drop=True)

    def als_analyse(self) -> Analyse:
        """Als :class:`~omgevingsvisie.analyse.uitvoer.Analyse` (soort ``"barrieres"``) voor de ene schrijver.

        :func:`~omgevingsvisie.analyse.uitvoer.schrijf_analyse` schrijft dan
        ``barrieres_wijken.csv`` (en ``barrieres_initiatieven.csv``) en ``barrieres.gpkg`` met de
        lagen ``wijken``, (``initiatieven``), ``ingesloten_wijken`` en ``woningpunten``.
        """
        tabellen = {"wijken": self.wijken}
        if self.initiatieven is not None:
            tabellen["initiatieven"] = self.initiatieven
        return Analyse("barrieres", {}, tabellen, {"ingesloten_wijken": self.ingesloten, "woningpunten": self.punten},
                       list(self.waarschuwingen))


def _ingesloten(rij: dict, drempel: float) -> tuple[str, str]:
    te_hoog = [(naam, rij[f"omrijfactor_{naam}"]) for naam in INGESLOTEN_DOOR
               if not rij[f"omrijfactor_{naam}"] <= drempel]  # NaN (onbereikbaar) telt als te hoog
    if not te_hoog:
        return "nee", f"omrijfactor naar publiekshart en buitengebied hooguit {tekst.factor(drempel)}"
    delen = [f"naar {BESTEMMINGEN[naam]} {tekst.factor(waarde)}" for naam, waarde in te_hoog]
    return "ja", f"omrijfactor {' en '.join(delen)} (drempel {tekst.factor(drempel)})"


def woningpunten_voor_barrieres(*, laagdata: Mapping[str, gpd.GeoDataFrame],
                                adressen: str | os.PathLike | gpd.GeoDataFrame | None = None,
                                adressen_laag: str | None = None, landgebruik_raster: str | os.PathLike | None = None,
                                parameters: Parameters | None = None) -> tuple[gpd.GeoDataFrame, list[str]]:
    """De vertrekpunten: eigen adressen of de steekproef van woningpunten uit het landgebruik van ``laagdata``."""
    from .landgebruik import landgebruik
    from .woningen import woningpunten

    lg = landgebruik(laagdata=laagdata, raster=landgebruik_raster, parameters=parameters)
    return woningpunten(lg, adressen=adressen, laag=adressen_laag, parameters=parameters)


def omrijfactoren_per_wijk(*, laagdata: Mapping[str, gpd.GeoDataFrame], punten: gpd.GeoDataFrame | None = None,
                           parameters: Parameters | None = None,
                           adressen: str | os.PathLike | gpd.GeoDataFrame | None = None,
                           adressen_laag: str | None = None,
                           landgebruik_raster: str | os.PathLike | None = None) -> Uitkomst:
    """Omrijfactoren per wijk naar alle bestemmingen, en welke wijken ingesloten zijn.

    Parameters
    ----------
    laagdata : mapping of str to GeoDataFrame
        De lagen (:data:`LAGEN` en ``wijken``), bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`.
    punten : GeoDataFrame, optional
        Eigen vertrekpunten met een kolom ``woningen`` (gewicht); standaard de woningpunten
        (zie :func:`woningpunten_voor_barrieres`).
    parameters : Parameters, optional
        Analyseparameters (secties ``[barrieres]`` en ``[woningen]``).
    adressen, adressen_laag : optional
        Eigen adrespunten (bijvoorbeeld BAG-woningen) in plaats van de steekproef.
    landgebruik_raster : path-like, optional
        Eigen landgebruiksraster voor de woonklassen van de steekproef.

    Returns
    -------
    Uitkomst
    """
    waarschuwingen: list[str] = []
    if punten is None:
        punten, waarschuwingen = woningpunten_voor_barrieres(
            laagdata=laagdata, adressen=adressen, adressen_laag=adressen_laag, landgebruik_raster=landgebruik_raster,
            parameters=parameters)
    punten = punten.reset_index(drop=True)
    if "woningen" not in punten.columns:
        punten = punten.assign(woningen=1.0)
    raster, doelen = _raster_en_doelen(laagdata, parameters)
    waarschuwingen += raster.waarschuwingen
    drempel = Instellingen.uit(parameters).drempel_ingesloten
    wijken = laagdata["wijken"]
    per_punt = omrijfactoren(punten, raster=raster, doelen=doelen)
    wijk_van_punt = np.full(len(punten), None, dtype=object)
    rijen = []
    for wijk in wijken.itertuples():
        binnen = punten_in(punten, wijk.geometry)
        wijk_van_punt[binnen] = wijk.naam
        if len(binnen):
            uitkomst, gewicht, herkomst = per_punt.iloc[binnen], punten["woningen"].to_numpy()[binnen], "woningpunten"
        else:  # een wijk zonder woningen: vanuit een punt in de wijk
            uitkomst = omrijfactoren(gpd.GeoSeries([wijk.geometry.representative_point()], crs=CRS),
                                     raster=raster, doelen=doelen)
            gewicht, herkomst = np.array([1.0]), "punt in de wijk (geen woningpunten)"
        rij = {"statcode": getattr(wijk, "statcode", None), "naam": wijk.naam}
        onbereikbaar = 0.0
        for naam in BESTEMMINGEN:
            rij[f"omrijfactor_{naam}"], weg = samenvatting(uitkomst, gewicht, naam)
            onbereikbaar = max(onbereikbaar, weg)
        rij["ingesloten"], rij["reden"] = _ingesloten(rij, drempel)
        rij.update({"woningen": float(gewicht.sum()) if len(binnen) else 0.0, "woningpunten": int(len(binnen)),
                    "onbereikbaar_woningen": onbereikbaar, "vertrekpunten": herkomst})
        rijen.append(rij)
    tabel = pd.DataFrame(rijen)
    if tabel["statcode"].isna().all():
        tabel = tabel.drop(columns="statcode")
    kaart = gpd.GeoDataFrame(tabel.copy(), geometry=list(wijken.geometry), crs=CRS)
    punten_uit = gpd.GeoDataFrame(
        pd.concat([pd.DataFrame({"wijk": wijk_van_punt, "woningen": punten["woningen"].to_numpy()}),
                   per_punt.filter(like="omrijfactor_")], axis=1),
        geometry=punten.geometry.to_numpy(), crs=CRS)
    return Uitkomst(tabel, kaart, punten_uit, drempel, waarschuwingen)
