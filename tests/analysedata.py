"""Kleine synthetische landgebruiksrasters voor de tests van hitte en groen (met de hand na te rekenen)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely.geometry import box

from omgevingsvisie.analyse._rooster import Rooster
from omgevingsvisie.analyse.landgebruik import KLASSEN, Landgebruik, klasse_tabellen
from omgevingsvisie.analyse.parameters import laad_analyse_parameters

CODE = {naam: code for code, naam in KLASSEN.items()}


def synthetisch(breedte: int, hoogte: int, *, basis: str = "woongebied",
                vakken: list[tuple[float, float, float, float, str]] = (), west: float = 0.0,
                zuid: float = 0.0, parameters=None) -> Landgebruik:
    """Een rooster van 10 m met overal ``basis`` en rechthoeken (minx, miny, maxx, maxy, klasse).

    De gemeente is het hele rooster. Rechthoeken moeten op veelvouden van 10 m liggen.
    """
    rooster = Rooster(west, zuid + hoogte * 10.0, breedte, hoogte, 10.0)
    klassen = np.full(rooster.vorm, CODE[basis], dtype=np.uint8)
    for minx, miny, maxx, maxy, klasse in vakken:
        klassen[rooster.masker(box(minx, miny, maxx, maxy))] = CODE[klasse]
    gemeente = box(*rooster.grenzen)
    return Landgebruik(klassen, rooster, gemeente, klasse_tabellen(parameters or laad_analyse_parameters()))


def punten(coordinaten: list[tuple[float, float]], woningen: list[float] | None = None) -> gpd.GeoDataFrame:
    """Woningpunten met gewicht (standaard 1 per punt)."""
    x, y = zip(*coordinaten)
    return gpd.GeoDataFrame({"woningen": woningen or [1.0] * len(x)},
                            geometry=gpd.points_from_xy(x, y), crs="EPSG:28992")
