"""``export geojson``: RFC 7946 (WGS84, lengte/breedte, ringrichting, geen crs) voor het web."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import pytest
from click.testing import CliRunner
from shapely.geometry import shape

from omgevingsvisie import LAAGNAMEN, InvoerFout, UitvoerBestaat, laad_laag, metadata
from omgevingsvisie.cli import main
from omgevingsvisie.export import exporteer_geojson


def _lees(pad) -> dict:
    return json.loads(pad.read_text(encoding="utf-8"))


def _coordinaten(geometrie: dict):
    def plat(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for d in c:
                yield from plat(d)
    return list(plat(geometrie["coordinates"]))


def test_rfc7946_een_laag(tmp_path):
    (pad,) = exporteer_geojson(tmp_path / "groen.geojson", laag="groenstructuur")
    collectie = _lees(pad)
    assert collectie["type"] == "FeatureCollection" and "crs" not in collectie
    assert collectie["metadata"]["titel"] == metadata("groenstructuur")["titel"]
    assert collectie["metadata"]["disclaimer"]
    bron = laad_laag("groenstructuur")
    assert len(collectie["features"]) == len(bron)
    tekst = pad.read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{7,}", tekst)  # hoogstens 6 decimalen
    for feature, (_, rij) in zip(collectie["features"], bron.iterrows()):
        assert feature["type"] == "Feature" and feature["properties"]["naam"] == rij["naam"]
        for lon, lat in _coordinaten(feature["geometry"]):
            assert 6.3 < lon < 6.8 and 52.8 < lat < 53.2  # lengte, breedte rond Assen
        geometrie = shape(feature["geometry"])
        for vlak in getattr(geometrie, "geoms", [geometrie]):
            assert vlak.exterior.is_ccw and all(not r.is_ccw for r in vlak.interiors)  # §3.1.6
        terug = gpd.GeoSeries([geometrie], crs="EPSG:4326").to_crs("EPSG:28992").iloc[0]
        assert abs(terug.area - rij.geometry.area) / rij.geometry.area < 0.001
    west, zuid, oost, noord = collectie["bbox"]
    assert west < oost and zuid < noord and 6.3 < west and noord < 53.2


def test_filter_en_gdal_leest_het(tmp_path):
    (pad,) = exporteer_geojson(tmp_path / "binnenstad.json", laag="focusgebieden", filters=["naam=Binnenstad"])
    assert _lees(pad)["metadata"]["filter"] == ["naam=Binnenstad"]
    gdf = gpd.read_file(pad)
    assert list(gdf["naam"]) == ["Binnenstad"] and gdf.crs.to_epsg() == 4326


def test_alle_lagen_in_een_map(tmp_path):
    paden = exporteer_geojson(tmp_path / "web")
    assert sorted(p.name for p in paden) == sorted(f"{n}.geojson" for n in LAAGNAMEN)
    visie = _lees(tmp_path / "web" / "visiekaart_2040.geojson")
    assert {f["geometry"]["type"] for f in visie["features"]} >= {"LineString", "Point"}
    with pytest.raises(UitvoerBestaat):
        exporteer_geojson(tmp_path / "web")
    assert len(exporteer_geojson(tmp_path / "web", overschrijf=True)) == len(LAAGNAMEN)


@pytest.mark.parametrize("kwargs, melding", [
    ({"laag": "groenstructuur", "uitvoer": "groen.gpkg"}, "moet eindigen op .geojson"),
    ({"uitvoer": "alles.geojson"}, "Zonder --laag is --uitvoer een map"),
    ({"uitvoer": "web", "filters": ["naam=x"]}, "--filter kan alleen samen met --laag"),
])
def test_onjuiste_invoer(tmp_path, kwargs, melding):
    kwargs["uitvoer"] = tmp_path / kwargs["uitvoer"]
    with pytest.raises(InvoerFout, match=melding):
        exporteer_geojson(**kwargs)
    assert list(tmp_path.iterdir()) == []


def test_cli_geojson(tmp_path):
    runner = CliRunner()
    doel = tmp_path / "groen.geojson"
    result = runner.invoke(main, ["export", "geojson", "--laag", "groenstructuur", "--uitvoer", str(doel)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"GeoJSON geschreven: {doel}\n"
    result = runner.invoke(main, ["export", "geojson", "--laag", "groenstructuur", "--uitvoer", str(doel)])
    assert result.exit_code == 2 and "Fout: Uitvoer bestaat al" in result.stderr and "Traceback" not in result.output
    result = runner.invoke(main, ["export", "geojson", "--uitvoer", str(tmp_path / "web")])
    assert result.exit_code == 0 and result.stdout.startswith(f"{len(LAAGNAMEN)} GeoJSON-bestanden geschreven")
