"""Analyse-uitkomsten samenvatten per gebied (wijk, focusgebied): gewogen over de woningen.

Een woningpunt hoort bij een gebied als het erin ligt; een rastercel als haar midden erin
ligt. Aandelen en medianen zijn gewogen met het aantal woningen per punt (kolom ``woningen``).
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from ..catalogus import CRS
from ._rooster import Rooster

__all__ = ["gewogen_aandeel", "gewogen_mediaan", "per_gebied", "punten_in", "raster_in"]


def gewogen_mediaan(waarden: np.ndarray, gewichten: np.ndarray) -> float:
    """De gewogen mediaan: de kleinste waarde waarbij minstens de helft van het gewicht is bereikt.

    NaN zonder waarden of zonder gewicht.
    """
    waarden, gewichten = np.asarray(waarden, dtype=float), np.asarray(gewichten, dtype=float)
    geldig = ~np.isnan(waarden) & (gewichten > 0)
    if not geldig.any():
        return float("nan")
    volgorde = np.argsort(waarden[geldig], kind="stable")
    w, g = waarden[geldig][volgorde], np.cumsum(gewichten[geldig][volgorde])
    return float(w[np.searchsorted(g, 0.5 * g[-1] - 1e-12)])


def gewogen_aandeel(voorwaarde: np.ndarray, gewichten: np.ndarray) -> float:
    """Percentage van het gewicht waarvoor ``voorwaarde`` geldt (NaN zonder gewicht)."""
    gewichten = np.asarray(gewichten, dtype=float)
    totaal = gewichten.sum()
    return float(100.0 * gewichten[np.asarray(voorwaarde, dtype=bool)].sum() / totaal) if totaal > 0 else float("nan")


def punten_in(punten: gpd.GeoDataFrame, geometrie: BaseGeometry) -> np.ndarray:
    """Posities (0 … n-1) van de punten die in ``geometrie`` liggen."""
    return np.sort(punten.sindex.query(geometrie, predicate="intersects"))


def raster_in(waarden: np.ndarray, rooster: Rooster, geometrie: BaseGeometry) -> np.ndarray:
    """De eindige waarden van de cellen waarvan het midden in ``geometrie`` ligt."""
    deel = Rooster.om(geometrie.bounds, resolutie=rooster.resolutie)
    west = max(deel.west, rooster.west)
    noord = min(deel.noord, rooster.noord)
    oost = min(deel.grenzen[2], rooster.grenzen[2])
    zuid = max(deel.grenzen[1], rooster.grenzen[1])
    if oost <= west or noord <= zuid:
        return np.empty(0)
    deel = Rooster(west, noord, round((oost - west) / rooster.resolutie), round((noord - zuid) / rooster.resolutie),
                   rooster.resolutie)
    gekozen = waarden[rooster.uitsnede(deel)][deel.masker(geometrie)]
    return gekozen[np.isfinite(gekozen)]


def per_gebied(gebieden: gpd.GeoDataFrame, kolommen: Callable[[BaseGeometry], dict]) -> gpd.GeoDataFrame:
    """Eén rij per gebied: ``naam`` (en ``statcode`` als die er is), de kolommen en de geometrie.

    Parameters
    ----------
    gebieden : GeoDataFrame
        Bijvoorbeeld de laag ``wijken`` of ``focusgebieden`` (kolom ``naam``).
    kolommen : callable
        Krijgt de geometrie van een gebied en geeft een dict met de waarden.
    """
    sleutels = [k for k in ("statcode", "naam") if k in gebieden.columns]
    rijen = [{**{k: getattr(rij, k) for k in sleutels}, "oppervlakte_ha": rij.geometry.area / 10_000,
              **kolommen(rij.geometry)} for rij in gebieden.itertuples()]
    tabel = pd.DataFrame(rijen)
    return gpd.GeoDataFrame(tabel, geometry=list(gebieden.geometry), crs=CRS)
