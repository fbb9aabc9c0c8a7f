"""Benchmarks voor de export (QGIS-GeoPackage, STOP GIO, GeoJSON); cijfers in docs/prestaties.md.

    $ .venv/bin/python -m pytest benchmarks/test_bench_export.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

from omgevingsvisie import lagen
from omgevingsvisie.export import exporteer_geojson, exporteer_gio, exporteer_gpkg


def test_export_gpkg(benchmark, tmp_path):
    """Alle 20 lagen (22 tabellen) met stijlen en QGIS-project."""
    benchmark.pedantic(exporteer_gpkg, args=(tmp_path / "assen.gpkg",),
                       kwargs={"laagdata": lagen.huidige(), "overschrijf": True}, rounds=5, iterations=1)


def test_export_gio_buurten(benchmark, tmp_path):
    """109 buurten: opknippen, afronden, GML opbouwen, STOP-controle, schrijven."""
    benchmark.pedantic(exporteer_gio, args=(tmp_path / "buurten.gml",),
                       kwargs={"laag": "buurten", "laagdata": lagen.huidige(), "overschrijf": True},
                       rounds=5, iterations=1)


def test_export_gio_gemeentegrens(benchmark, tmp_path):
    """De gemeentegrens (84 km², lange lijnstukken die tot ≤ 200 m worden opgeknipt)."""
    benchmark.pedantic(exporteer_gio, args=(tmp_path / "assen.gml",),
                       kwargs={"laag": "gemeentegrens", "laagdata": lagen.huidige(), "overschrijf": True},
                       rounds=5, iterations=1)


def test_export_geojson_alle_lagen(benchmark, tmp_path):
    benchmark.pedantic(exporteer_geojson, args=(tmp_path / "web",),
                       kwargs={"laagdata": lagen.huidige(), "overschrijf": True}, rounds=5, iterations=1)
