"""Benchmarks voor de lagen (geen tests: draai ze apart en zet de cijfers in docs/prestaties.md).

    $ .venv/bin/python -m pytest benchmarks --benchmark-only --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

from pathlib import Path
import geopandas as gpd
import numpy as np
import pytest
from shapely import box

from omgevingsvisie import lagen
from omgevingsvisie.lagen.bouw import bouw_geopackage
from omgevingsvisie.lagen import valideer_laag


@pytest.fixture(scope="module")
def groot_groen():
    """10.000 kleine groenvlakken in de stad, zoals een BGT-uitsnede begroeiing."""
    rng = np.random.default_rng(1)
    x = rng.uniform(231000, 236000, 10_000)
    y = rng.uniform(554500, 560000, 10_000)
    return gpd.GeoDataFrame(
        {"naam": [f"groen {i}" for i in range(10_000)], "type": "park"},
        geometry=[box(a, b, a + 20, b + 15) for a, b in zip(x, y)], crs="EPSG:28992")


def test_laad_buurten(benchmark):
    benchmark(lagen.laad_laag, "buurten")


def test_lijst_alle_lagen(benchmark):
    benchmark(lagen.lijst_lagen)


def test_valideer_10000_groenvlakken(benchmark, groot_groen):
    gemeente = lagen.laad_laag("gemeentegrens").union_all()
    problemen = benchmark(valideer_laag, groot_groen, "groenstructuur", gemeente=gemeente)
    assert problemen == []


def test_bouw_geopackage(benchmark, tmp_path):
    benchmark.pedantic(bouw_geopackage, args=(Path(__file__).resolve().parents[1] / "lagen" / "bron", tmp_path / "l.gpkg"),
                       rounds=5, iterations=1)
