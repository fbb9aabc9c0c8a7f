"""Woningpunten voor koele plek en groen: een adressenlaag van de gebruiker of een steekproef.

Zonder adressen worden punten op een regelmatig raster (``woningen.puntafstand_m``, standaard
50 m) gelegd in de cellen met een woonklasse (woongebied, centrum) binnen de gemeente; de
woningvoorraad (``woningen.totaal``) wordt gelijk over die punten verdeeld. Met een
adressenlaag (bijvoorbeeld BAG-verblijfsobjecten met woonfunctie) is elk punt één woning, of
het aantal in de kolom ``woningen`` als die er is.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd

from .._errors import InvoerFout
from ..catalogus import CRS
from ..io.vector import lees_bestand
from ..lagen.validatie import naar_rd
from .landgebruik import Landgebruik
from .parameters import Parameters, laad_analyse_parameters

__all__ = ["steekproef_woningen", "lees_adressen", "woningpunten"]


def steekproef_woningen(lg: Landgebruik, *, puntafstand_m: float, totaal: float) -> gpd.GeoDataFrame:
    """Punten om de ``puntafstand_m`` in de woonklassen binnen de gemeente.

    De punten liggen op celmiddens die in absolute RD-coördinaten op een vast raster vallen,
    dus dezelfde invoer geeft altijd dezelfde punten.

    Returns
    -------
    GeoDataFrame
        Kolom ``woningen`` (``totaal`` gelijk verdeeld) en puntgeometrie in EPSG:28992.
    """
    rooster = lg.rooster
    stap = max(1, int(round(puntafstand_m / rooster.resolutie)))
    rijen, kolommen = np.nonzero(lg.masker("wonen") & rooster.masker(lg.gemeente))
    x, y = rooster.middens(rijen, kolommen)
    kol_abs = np.round((x - rooster.resolutie / 2) / rooster.resolutie).astype(np.int64)
    rij_abs = np.round((y - rooster.resolutie / 2) / rooster.resolutie).astype(np.int64)
    kies = (kol_abs % stap == stap // 2) & (rij_abs % stap == stap // 2)
    x, y = x[kies], y[kies]
    per_punt = totaal / len(x) if len(x) else 0.0
    return gpd.GeoDataFrame({"woningen": np.full(len(x), per_punt)}, geometry=gpd.points_from_xy(x, y), crs=CRS)


def lees_adressen(adressen: str | os.PathLike | gpd.GeoDataFrame, *, laag: str | None = None) -> gpd.GeoDataFrame:
    """Lees en controleer een adressenlaag (punten) en reken om naar EPSG:28992.

    Raises
    ------
    InvoerFout
        Geen of een onjuist coördinatenstelsel, geen punten, of een onjuiste kolom ``woningen``.
    """
    naam = "de adressen" if isinstance(adressen, gpd.GeoDataFrame) else f"{adressen}"
    ruw = adressen if isinstance(adressen, gpd.GeoDataFrame) else lees_bestand(adressen, laag)
    rd, problemen = naar_rd(ruw.geometry)
    if problemen or rd is None:
        raise InvoerFout(f"Adressenlaag {naam} kan niet worden gebruikt:", problemen or ["geen geometrie"])
    punten = gpd.GeoDataFrame(ruw.drop(columns=ruw.geometry.name), geometry=rd.values, crs=CRS)
    punten = punten[punten.geometry.notna() & ~punten.geometry.is_empty].explode(index_parts=False)
    soorten = set(punten.geom_type)
    if not len(punten) or soorten != {"Point"}:
        raise InvoerFout(f"Adressenlaag {naam} moet punten bevatten (gevonden: "
                         f"{', '.join(sorted(soorten)) or 'geen geometrie'}).")
    if "woningen" in punten.columns:
        aantal = pd.to_numeric(punten["woningen"], errors="coerce")
        fout = aantal.isna() | (aantal < 0)
        if fout.any():
            raise InvoerFout(f"Adressenlaag {naam}: kolom 'woningen' moet een getal ≥ 0 zijn",
                             [f"rij {i}: {punten['woningen'].iloc[i]!r}" for i in np.flatnonzero(fout)[:10]])
    else:
        aantal = pd.Series(1.0, index=punten.index)
    return gpd.GeoDataFrame({"woningen": aantal.to_numpy(dtype=float)},
                            geometry=punten.geometry.to_numpy(), crs=CRS)


def woningpunten(lg: Landgebruik, *, adressen: str | os.PathLike | gpd.GeoDataFrame | None = None,
                 laag: str | None = None,
                 parameters: Parameters | None = None) -> tuple[gpd.GeoDataFrame, list[str]]:
    """De woningen als punten met een gewicht (kolom ``woningen``), alleen binnen de gemeente.

    Parameters
    ----------
    lg : Landgebruik
        Voor de woonklassen en de gemeentegrens.
    adressen : path-like or GeoDataFrame, optional
        Eigen adrespunten; zonder: een steekproef in de woonklassen.
    laag : str, optional
        Laag in het adressenbestand (GeoPackage met meerdere lagen).
    parameters : Parameters, optional
        Voor ``woningen.puntafstand_m`` en ``woningen.totaal``.

    Returns
    -------
    punten : GeoDataFrame
        Kolom ``woningen`` en puntgeometrie (EPSG:28992).
    waarschuwingen : list of str
        Bijvoorbeeld adressen buiten de gemeente die zijn weggelaten.
    """
    p = parameters or laad_analyse_parameters()
    if adressen is None:
        return steekproef_woningen(lg, puntafstand_m=float(p("woningen", "puntafstand_m")),
                                   totaal=float(p("woningen", "totaal"))), []
    punten = lees_adressen(adressen, laag=laag)
    binnen = punten.within(lg.gemeente)
    waarschuwingen = []
    if not binnen.all():
        waarschuwingen.append(f"{int((~binnen).sum())} van de {len(punten)} adressen liggen buiten de "
                              "gemeente en zijn weggelaten.")
    punten = punten[binnen.to_numpy()].reset_index(drop=True)
    if punten.empty:
        raise InvoerFout("Geen enkel adres uit de adressenlaag ligt in de gemeente.")
    return punten, waarschuwingen
