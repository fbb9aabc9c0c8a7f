"""Groen bij de woning: de "300" van 3-30-300 en groen per woning (75 m² binnen 500 m).

- **3-30-300** (Konijnendijk 2023; ``bronnen/normen.md`` item 3): hooguit 300 m van elke woning
  tot een openbare groenruimte van minstens 1 ha (WHO 2016). Groenruimte = aaneengesloten
  cellen (4-buren) met ``groen = true`` in het landgebruik; de afstand is hemelsbreed tot de
  rand.
- **Groen per woning** (Rijksrichtgetal Nota Ruimte 75 m², PBL: openbaar groen binnen 500 m;
  item 4): per woning het openbaar groen (alle ``groen``-cellen) binnen 500 m, gedeeld door
  het aantal woningen binnen 500 m (dat groen delen ze).

De drempels komen uit ``analyse/parameters.toml`` (sectie ``groen``); een regel als GS7 geeft
zijn eigen drempels mee als trefwoorden.

Voorbeelden
-----------
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.analyse import groen, landgebruik as lgm, woningen
>>> lg = lgm.landgebruik(laagdata=lagen.huidige())
>>> punten, _ = woningen.woningpunten(lg)
>>> tabel = groen.groen_bij_woningen(lg, punten)  # doctest: +SKIP
>>> groen.groen_initiatief(plan, woningen=120, groen_pct=30)["groen_per_woning_m2"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from .._errors import InvoerFout
from ._rooster import Rooster, afstand_raster, afstand_tot_vlakken, som_binnen_straal
from .landgebruik import Landgebruik, landgebruik_van
from .parameters import Parameters, laad_analyse_parameters
from .woningen import woningpunten

__all__ = ["Groennormen", "groen_bij_woningen", "groen_initiatief", "groen_rasters", "groenruimten"]


@dataclass(frozen=True)
class Groennormen:
    """De drempels van de groenanalyse (standaard uit de parameters, sectie ``groen``)."""

    afstand_m: float
    min_oppervlakte_ha: float
    per_woning_m2: float
    straal_m: float

    @classmethod
    def standaard(cls, parameters: Parameters | None = None, **anders: float | None) -> Groennormen:
        """Uit de parameters; ``anders`` (niet-``None``) vervangt losse waarden."""
        p = parameters or laad_analyse_parameters()
        waarden = {naam: float(p("groen", naam)) for naam in ("afstand_m", "min_oppervlakte_ha", "per_woning_m2", "straal_m")}
        waarden.update({k: float(v) for k, v in anders.items() if v is not None})
        if min(waarden.values()) < 0 or waarden["straal_m"] <= 0:
            raise InvoerFout("De groennormen moeten positief zijn:", [f"{k} = {v}" for k, v in waarden.items()])
        return cls(**waarden)


def groenruimten(lg: Landgebruik, *, min_oppervlakte_ha: float) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Openbare groenruimten van minstens ``min_oppervlakte_ha``: vlakken en hun cellen."""
    return lg.groenvlakken(min_oppervlakte_ha * 10_000)


def _woningraster(punten: gpd.GeoDataFrame, rooster: Rooster) -> np.ndarray:
    rij, kolom, binnen = rooster.cel(punten.geometry.x.to_numpy(), punten.geometry.y.to_numpy())
    raster = np.zeros(rooster.vorm)
    np.add.at(raster, (rij[binnen], kolom[binnen]), punten["woningen"].to_numpy(dtype=float)[binnen])
    return raster


def groen_bij_woningen(lg: Landgebruik, punten: gpd.GeoDataFrame, *, normen: Groennormen | None = None,
                       parameters: Parameters | None = None) -> pd.DataFrame:
    """Per woningpunt de afstand tot groen ≥ 1 ha en het groen per woning binnen 500 m.

    Parameters
    ----------
    lg : Landgebruik
        Het landgebruik (groenklassen).
    punten : GeoDataFrame
        Woningpunten met kolom ``woningen`` (zie :func:`~omgevingsvisie.analyse.woningen.woningpunten`).
    normen : Groennormen, optional
        Standaard uit de parameters.

    Returns
    -------
    DataFrame
        Per punt, op de index van ``punten``: ``afstand_groen_m`` (hemelsbreed tot de rand, ``inf`` zonder
        groenruimte), ``groen_binnen_straal_m2``, ``woningen_binnen_straal`` en
        ``groen_per_woning_m2``.
    """
    normen = normen or Groennormen.standaard(parameters)
    vlakken, _ = groenruimten(lg, min_oppervlakte_ha=normen.min_oppervlakte_ha)
    x, y = punten.geometry.x.to_numpy(), punten.geometry.y.to_numpy()
    rooster = lg.rooster
    groen_m2 = som_binnen_straal(lg.masker("groen"), rooster, straal_m=normen.straal_m) * rooster.celoppervlak
    woningen = som_binnen_straal(_woningraster(punten, rooster), rooster, straal_m=normen.straal_m)
    rij, kolom, _ = rooster.cel(x, y)
    groen_p, woningen_p = groen_m2[rij, kolom], woningen[rij, kolom]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_woning = np.where(woningen_p > 1e-9, groen_p / woningen_p, np.nan)
    return pd.DataFrame({
        "afstand_groen_m": afstand_tot_vlakken(x, y, vlakken),
        "groen_binnen_straal_m2": groen_p,
        "woningen_binnen_straal": woningen_p,
        "groen_per_woning_m2": per_woning,
    }, index=punten.index)


def groen_rasters(lg: Landgebruik, punten: gpd.GeoDataFrame, *, normen: Groennormen | None = None,
                  parameters: Parameters | None = None) -> dict[str, np.ndarray]:
    """Rasters op het rooster om de gemeente (NaN buiten de gemeente), voor kaart en QGIS.

    Returns
    -------
    dict
        ``afstand_groen`` (m tot groen ≥ 1 ha, van celmidden tot celmidden) en
        ``groen_per_woning`` (m² openbaar groen binnen de straal per woning binnen de straal;
        NaN waar binnen de straal geen woning is).
    """
    normen = normen or Groennormen.standaard(parameters)
    _, behouden = groenruimten(lg, min_oppervlakte_ha=normen.min_oppervlakte_ha)
    rooster = lg.rooster
    groen_m2 = som_binnen_straal(lg.masker("groen"), rooster, straal_m=normen.straal_m) * rooster.celoppervlak
    woningen = som_binnen_straal(_woningraster(punten, rooster), rooster, straal_m=normen.straal_m)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_woning = np.where(woningen >= 1.0, groen_m2 / woningen, np.nan)
    doel = lg.gemeente_rooster
    uitsnede, buiten = rooster.uitsnede(doel), ~lg.gemeente_masker(doel)
    uit = {"afstand_groen": afstand_raster(behouden, rooster)[uitsnede].astype(np.float32),
           "groen_per_woning": per_woning[uitsnede].astype(np.float32)}
    for waarden in uit.values():
        waarden[buiten] = np.nan
    return uit


def groen_initiatief(plan_geometrie: BaseGeometry, *, woningen: int | None = None, groen_pct: float | None = None,
                     laagdata: Mapping[str, gpd.GeoDataFrame] | None = None, lg: Landgebruik | None = None,
                     punten: gpd.GeoDataFrame | None = None, normen: Groennormen | None = None,
                     parameters: Parameters | None = None) -> dict:
    """De "300" van 3-30-300 en het groen per woning voor één initiatief.

    - Afstand: van het plan tot de dichtstbijzijnde groenruimte ≥ 1 ha (``afstand_groen_m``,
      0 als ze raken), de verste plek in het plan (``afstand_groen_max_m``, over de celmiddens
      en de rand van het plan) en het deel van het plan binnen 300 m (``binnen_afstand_pct``,
      exact uit de vlakken).
    - Groen per woning: openbaar groen binnen de straal (500 m) rond het plan, buiten het plan,
      plus het eigen groen (``groen_pct`` van het plan), gedeeld door de bestaande woningen
      binnen de straal buiten het plan plus ``woningen``.

    Groen dat nu in het plangebied ligt, telt niet als bestaande groenruimte: het plan
    vervangt het. Blijft er van een groenruimte minder dan de minimumoppervlakte over, dan
    telt de rest niet meer als groenruimte (wel als openbaar groen in de omgeving).

    Parameters
    ----------
    plan_geometrie : shapely geometry
        Het plangebied (EPSG:28992).
    woningen : int, optional
        Nieuwe woningen in het plan.
    groen_pct : float, optional
        Groen in het plan na realisatie (% van het plangebied).
    laagdata : mapping of str to GeoDataFrame, optional
        De lagen (bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`); nodig als ``lg`` ontbreekt.
    lg : Landgebruik, optional
        Standaard :func:`~omgevingsvisie.analyse.landgebruik.landgebruik` van ``laagdata``.
    punten : GeoDataFrame, optional
        Bestaande woningpunten; standaard :func:`~omgevingsvisie.analyse.woningen.woningpunten`.
    normen : Groennormen, optional
        Drempels; standaard uit de parameters.

    Returns
    -------
    dict
        ``afstand_groen_m``, ``afstand_groen_max_m``, ``binnen_afstand_pct``, ``groen_omgeving_m2``,
        ``eigen_groen_m2``, ``woningen_omgeving``, ``woningen_plan``, ``groen_per_woning_m2``
        (``None`` zonder woningen), de normen (``norm_afstand_m``, ``norm_min_groen_ha``,
        ``norm_per_woning_m2``, ``norm_straal_m``) en ``bron``.
    """
    if plan_geometrie is None or plan_geometrie.is_empty:
        raise InvoerFout("Het plangebied is leeg; de groenanalyse kan niet worden gedaan.")
    if groen_pct is not None and not 0 <= float(groen_pct) <= 100:
        raise InvoerFout(f"groen_pct moet tussen 0 en 100 liggen, niet {groen_pct}.")
    if woningen is not None and woningen < 0:
        raise InvoerFout(f"woningen moet 0 of meer zijn, niet {woningen}.")
    normen = normen or Groennormen.standaard(parameters)
    lg = landgebruik_van(lg, laagdata, parameters)
    if punten is None:
        punten, _ = woningpunten(lg, parameters=parameters)
    # het plan vervangt wat er nu ligt: groen in het plan telt niet als bestaande groenruimte
    groen_alle, _ = lg.groenvlakken(0.0)
    kandidaten = groen_alle[groen_alle.intersects(plan_geometrie.buffer(normen.straal_m + normen.afstand_m))]
    rest = gpd.GeoSeries(kandidaten.geometry.difference(plan_geometrie), crs=kandidaten.crs).explode(index_parts=False)
    groot = rest[rest.area >= normen.min_oppervlakte_ha * 10_000 - 1e-6]
    vlakken, _ = groenruimten(lg, min_oppervlakte_ha=normen.min_oppervlakte_ha)
    vlakken = pd.concat([vlakken.geometry[~vlakken.intersects(plan_geometrie)], groot], ignore_index=True)

    if len(vlakken):
        afstand = float(vlakken.distance(plan_geometrie).min())
        binnen_pct = 100.0 * plan_geometrie.intersection(
            vlakken[vlakken.distance(plan_geometrie) <= normen.afstand_m].buffer(normen.afstand_m).union_all()
        ).area / plan_geometrie.area
    else:
        afstand, binnen_pct = float("inf"), 0.0
    # de verste plek: celmiddens in het plan en de rand (om de celmaat verdicht)
    rooster = lg.rooster
    px, py = rooster.middens(*np.nonzero(rooster.masker(plan_geometrie)))
    rand = shapely.get_coordinates(shapely.segmentize(plan_geometrie.boundary, rooster.resolutie))
    px, py = np.concatenate([px, rand[:, 0]]), np.concatenate([py, rand[:, 1]])
    verst = float(afstand_tot_vlakken(px, py, vlakken).max())

    omgeving = plan_geometrie.buffer(normen.straal_m).difference(plan_geometrie)
    groen_omgeving = float(rest.intersection(omgeving).area.sum()) if len(rest) else 0.0
    eigen_groen = plan_geometrie.area * float(groen_pct) / 100.0 if groen_pct is not None else 0.0
    kandidaat_punten = punten.iloc[punten.sindex.query(omgeving, predicate="intersects")]
    woningen_omgeving = float(kandidaat_punten["woningen"].sum())
    totaal_woningen = woningen_omgeving + float(woningen or 0)
    per_woning = (groen_omgeving + eigen_groen) / totaal_woningen if totaal_woningen > 0 else None
    return {
        "afstand_groen_m": afstand,
        "afstand_groen_max_m": verst,
        "binnen_afstand_pct": binnen_pct,
        "groen_omgeving_m2": groen_omgeving,
        "eigen_groen_m2": eigen_groen,
        "woningen_omgeving": woningen_omgeving,
        "woningen_plan": int(woningen or 0),
        "groen_per_woning_m2": per_woning,
        "norm_afstand_m": normen.afstand_m,
        "norm_min_groen_ha": normen.min_oppervlakte_ha,
        "norm_per_woning_m2": normen.per_woning_m2,
        "norm_straal_m": normen.straal_m,
        "bron": "3-30-300 (Konijnendijk 2023, J. For. Res. 34:821–830); groenruimte ≥ 1 ha (WHO 2016); "
                "75 m² groen per woning (Nota Ruimte), openbaar groen binnen 500 m (PBL)",
    }
