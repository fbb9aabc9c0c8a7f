"""Koele plekken: welk deel van de woningen ligt verder dan 300 m van een koele plek van ≥ 200 m²?

Norm (Kluck et al. 2020, "De hittebestendige stad"; Klimaateffectatlas "Afstand tot koelte";
``bronnen/normen.md`` items 1–2): elke woning binnen 300 m van een koele verblijfsplek van
minstens 200 m². Een koele plek is hier een aaneengesloten gebied (4-buren) van cellen met
een groenklasse (``groen = true``: park, bos) in het landgebruik. De afstand is hemelsbreed
van het woningpunt tot de rand van de plek (0 als de woning erin ligt), geen looproute.

Voorbeelden
-----------
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.analyse import koelte, landgebruik as lgm, woningen
>>> lg = lgm.landgebruik(laagdata=lagen.huidige())
>>> plekken = koelte.koele_plekken(lg)
>>> punten, _ = woningen.woningpunten(lg)
>>> afstand = koelte.afstand_koele_plek(punten, plekken)  # doctest: +SKIP
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from ._rooster import afstand_raster, afstand_tot_vlakken
from .landgebruik import Landgebruik
from .parameters import Parameters, laad_analyse_parameters

__all__ = ["afstand_koele_plek", "afstand_koele_plek_raster", "koele_plekken"]


def koele_plekken(lg: Landgebruik, *, min_oppervlakte_m2: float | None = None,
                  parameters: Parameters | None = None) -> gpd.GeoDataFrame:
    """De koele plekken: aaneengesloten groen van minstens ``min_oppervlakte_m2`` (standaard 200 m²).

    Returns
    -------
    GeoDataFrame
        Kolommen ``oppervlakte_m2`` en ``geometry`` (EPSG:28992), grootste eerst.
    """
    p = parameters or laad_analyse_parameters()
    minimum = float(min_oppervlakte_m2 if min_oppervlakte_m2 is not None else p("koele_plek", "min_oppervlakte_m2"))
    vlakken, _ = lg.groenvlakken(minimum)
    return vlakken


def afstand_koele_plek(punten: gpd.GeoDataFrame, plekken: gpd.GeoDataFrame) -> np.ndarray:
    """Hemelsbrede afstand (m) van elk punt tot de dichtstbijzijnde koele plek (``inf`` als er geen is)."""
    return afstand_tot_vlakken(punten.geometry.x.to_numpy(), punten.geometry.y.to_numpy(), plekken)


def afstand_koele_plek_raster(lg: Landgebruik, *, min_oppervlakte_m2: float | None = None,
                              parameters: Parameters | None = None) -> np.ndarray:
    """Afstand (m) van elke cel van de gemeente tot een koele plek, NaN buiten de gemeente (voor de kaart).

    Rekent van celmidden tot celmidden op het rooster om de gemeente
    (:attr:`Landgebruik.gemeente_rooster`); de tabellen gebruiken de exacte puntafstanden.
    """
    p = parameters or laad_analyse_parameters()
    minimum = float(min_oppervlakte_m2 if min_oppervlakte_m2 is not None else p("koele_plek", "min_oppervlakte_m2"))
    _, behouden = lg.groenvlakken(minimum)
    doel = lg.gemeente_rooster
    afstand = afstand_raster(behouden, lg.rooster)[lg.rooster.uitsnede(doel)].astype(np.float32)
    afstand[~lg.gemeente_masker(doel)] = np.nan
    return afstand
