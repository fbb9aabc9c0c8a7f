"""Benchmarks voor de analyses hitte en groen (geen tests); cijfers in docs/prestaties.md.

    $ python -m pytest benchmarks/test_bench_analyse.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds

Doelen uit issue 6: UHI-raster van de hele gemeente op 10 m ≤ 5 s; afstanden tot koele plek
en groen voor 30.000 woningpunten ≤ 5 s.
"""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import numpy as np
import pytest
import shapely

from omgevingsvisie import lagen
from omgevingsvisie.analyse import groen, hitte, koelte
from omgevingsvisie.analyse.landgebruik import landgebruik, landgebruik_uit_lagen
from omgevingsvisie.analyse.uitvoer import analyse_groen, analyse_hitte


@pytest.fixture(scope="module")
def woningen_30000():
    """30.000 willekeurige woningpunten in het bestaand stedelijk gebied (vast zaad)."""
    stedelijk = lagen.laad_laag("bestaand_stedelijk_gebied").union_all()
    rng = np.random.default_rng(6)
    minx, miny, maxx, maxy = stedelijk.bounds
    gekozen: list[np.ndarray] = []
    while sum(len(g) for g in gekozen) < 30_000:
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(60_000, 2))
        gekozen.append(xy[shapely.contains_xy(stedelijk, xy[:, 0], xy[:, 1])])
    xy = np.concatenate(gekozen)[:30_000]
    return gpd.GeoDataFrame({"woningen": np.ones(len(xy))}, geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
                            crs="EPSG:28992")


def test_uhi_raster_gemeente_uit_de_lagen(benchmark):
    """Landgebruik afleiden uit de lagen (10 m) + UHI-raster met venster 710 m (doel ≤ 5 s)."""
    laagdata = lagen.huidige()
    uhi = benchmark.pedantic(lambda: hitte.uhi_raster(landgebruik_uit_lagen(laagdata=laagdata)), rounds=5,
                             iterations=1)
    assert uhi.waarden.shape == (1446, 970)


def test_afstanden_30000_woningen(benchmark, woningen_30000):
    """Koele plekken (≥ 200 m²) en groen (≥ 1 ha, 75 m² binnen 500 m) voor 30.000 punten (doel ≤ 5 s).

    Elke ronde begint met een vers landgebruik zonder bewaarde vlakken, dus het
    vectoriseren van groen en plekken telt mee.
    """
    basis = landgebruik(laagdata=lagen.huidige())

    def afstanden(lg):
        plekken = koelte.koele_plekken(lg)
        return koelte.afstand_koele_plek(woningen_30000, plekken), groen.groen_bij_woningen(lg, woningen_30000)

    koel, per_punt = benchmark.pedantic(afstanden, setup=lambda: ((dataclasses.replace(basis),), {}),
                                        rounds=5, iterations=1)
    assert len(koel) == len(per_punt) == 30_000


def test_analyse_hitte_volledig(benchmark):
    """Alles van 'omgevingsvisie analyse hitte' behalve schrijven (steekproef ca. 7.400 punten)."""
    benchmark.pedantic(analyse_hitte, kwargs={"laagdata": lagen.huidige()}, rounds=3, iterations=1)


def test_analyse_groen_volledig(benchmark):
    """Alles van 'omgevingsvisie analyse groen' behalve schrijven."""
    benchmark.pedantic(analyse_groen, kwargs={"laagdata": lagen.huidige()}, rounds=3, iterations=1)
