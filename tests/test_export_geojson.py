"""``export geojson``: RFC 7946 (WGS84, lengte/breedte, ringrichting, geen crs) voor het web.

Het bestand schrijft GDAL (``RFC7946=YES``); hier staat wat erin moet staan, inclusief de
metadata en de disclaimer dat het indicatieve data is.
"""

from __future__ import annotations

import json
import re

import geopandas as gpd
import pyogrio
import pytest
from click.testing import CliRunner
from shapely.geometry import Polygon, box, shape

from omgevingsvisie import LAAGNAMEN, InvoerFout, UitvoerBestaat
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


def test_rfc7946_een_laag(tmp_path, laagdata):
    (pad,) = exporteer_geojson(tmp_path / "groen.geojson", laag="groenstructuur", laagdata=laagdata)
    collectie = _lees(pad)
    assert collectie["type"] == "FeatureCollection" and "crs" not in collectie
    assert collectie["name"] == "groenstructuur"
    meta = laagdata.metadata("groenstructuur")
    assert collectie["metadata"] == {k: meta[k] for k in ("titel", "omschrijving", "bron", "status", "datum",
                                                          "licentie", "disclaimer") if k in meta}
    assert meta["disclaimer"] and meta["status"] == "indicatief"
    # de beschrijving die GDAL en QGIS tonen, zegt dat het indicatief is
    assert collectie["description"] == f"{meta['omschrijving']} {meta['disclaimer']}"
    assert pyogrio.read_info(pad)["layer_metadata"]["DESCRIPTION"] == collectie["description"]
    bron = laagdata["groenstructuur"]
    assert len(collectie["features"]) == len(bron)
    tekst = pad.read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{7,}", tekst)  # hoogstens 6 decimalen
    for feature, (_, rij) in zip(collectie["features"], bron.iterrows()):
        assert feature["type"] == "Feature" and feature["properties"]["naam"] == rij["naam"]
        for lon, lat in _coordinaten(feature["geometry"]):
            assert 6.3 < lon < 6.8 and 52.8 < lat < 53.2  # lengte, breedte rond Assen
        geometrie = shape(feature["geometry"])
        assert len(feature["bbox"]) == 4
        for vlak in getattr(geometrie, "geoms", [geometrie]):
            assert vlak.exterior.is_ccw and all(not r.is_ccw for r in vlak.interiors)  # §3.1.6
        terug = gpd.GeoSeries([geometrie], crs="EPSG:4326").to_crs("EPSG:28992").iloc[0]
        assert abs(terug.area - rij.geometry.area) / rij.geometry.area < 0.001
    west, zuid, oost, noord = collectie["bbox"]
    assert west < oost and zuid < noord and 6.3 < west and noord < 53.2


def test_ringrichting_ook_als_de_bron_andersom_loopt(tmp_path, laagdata):
    """Buitenring met de klok mee en gat tegen de klok in in de bron: GDAL keert ze om (§3.1.6)."""
    buiten = Polygon(list(box(233000, 556000, 233900, 556700).exterior.coords)[::-1])
    gat = list(box(233200, 556200, 233300, 556300).exterior.coords)
    vlak = Polygon(buiten.exterior.coords, [gat])
    assert not vlak.exterior.is_ccw and vlak.interiors[0].is_ccw
    eigen = gpd.GeoDataFrame({"naam": ["Andersom"], "toelichting": ["test"]}, geometry=[vlak], crs="EPSG:28992")
    (pad,) = exporteer_geojson(tmp_path / "hart.geojson", laag="publiekshart",
                               laagdata=laagdata.met({"publiekshart": eigen}))
    uit = shape(_lees(pad)["features"][0]["geometry"])
    assert uit.exterior.is_ccw and not uit.interiors[0].is_ccw


def test_gewone_mapping_zonder_metadata(tmp_path, laagdata):
    """Een gewone dict als laagdata: de laagnaam is dan de titel."""
    (pad,) = exporteer_geojson(tmp_path / "w.geojson", laag="wijken", laagdata={"wijken": laagdata["wijken"]})
    collectie = _lees(pad)
    assert collectie["metadata"] == {"titel": "wijken"} and "description" not in collectie
    with pytest.raises(InvoerFout, match="Onbekende laag 'buurten'"):
        exporteer_geojson(tmp_path / "b.geojson", laag="buurten", laagdata={"wijken": laagdata["wijken"]})


def test_schrijven_is_atomair(tmp_path, laagdata, monkeypatch):
    """Faalt GDAL halverwege, dan blijft er niets achter (ook geen tijdelijk bestand)."""
    echt = pyogrio.write_dataframe

    def half(gdf, pad, **kwargs):
        echt(gdf.iloc[:1], pad, **kwargs)
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(pyogrio, "write_dataframe", half)
    with pytest.raises(RuntimeError, match="schijf vol"):
        exporteer_geojson(tmp_path / "groen.geojson", laag="groenstructuur", laagdata=laagdata)
    assert list(tmp_path.iterdir()) == []


def test_filter_en_gdal_leest_het(tmp_path, laagdata):
    (pad,) = exporteer_geojson(tmp_path / "binnenstad.json", laag="focusgebieden", filters=["naam=Binnenstad"],
                               laagdata=laagdata)
    assert _lees(pad)["metadata"]["filter"] == ["naam=Binnenstad"]
    gdf = gpd.read_file(pad)
    assert list(gdf["naam"]) == ["Binnenstad"] and gdf.crs.to_epsg() == 4326


def test_alle_lagen_in_een_map(tmp_path, laagdata):
    paden = exporteer_geojson(tmp_path / "web", laagdata=laagdata)
    assert sorted(p.name for p in paden) == sorted(f"{n}.geojson" for n in LAAGNAMEN)
    visie = _lees(tmp_path / "web" / "visiekaart_2040.geojson")
    assert {f["geometry"]["type"] for f in visie["features"]} >= {"LineString", "Point"}
    for pad in paden:
        collectie = _lees(pad)
        assert len(collectie["features"]) == len(laagdata[pad.stem]), pad.name
        assert collectie["metadata"]["disclaimer"] and "crs" not in collectie, pad.name
    with pytest.raises(UitvoerBestaat):
        exporteer_geojson(tmp_path / "web", laagdata=laagdata)
    assert len(exporteer_geojson(tmp_path / "web", laagdata=laagdata, overschrijf=True)) == len(LAAGNAMEN)


@pytest.mark.parametrize("kwargs, melding", [
    ({"laag": "groenstructuur", "uitvoer": "groen.gpkg"}, "moet eindigen op .geojson"),
    ({"uitvoer": "alles.geojson"}, "Zonder --laag is --uitvoer een map"),
    ({"uitvoer": "web", "filters": ["naam=x"]}, "--filter kan alleen samen met --laag"),
])
def test_onjuiste_invoer(tmp_path, laagdata, kwargs, melding):
    kwargs["uitvoer"] = tmp_path / kwargs["uitvoer"]
    with pytest.raises(InvoerFout, match=melding):
        exporteer_geojson(**kwargs, laagdata=laagdata)
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


def test_te_oude_gdal_wordt_gemeld(tmp_path, laagdata, monkeypatch):
    """Zonder FOREIGN_MEMBERS_COLLECTION (GDAL < 3.9) zou de disclaimer stil wegvallen: weigeren."""
    monkeypatch.setattr(pyogrio, "__gdal_version__", (3, 8, 4))
    with pytest.raises(InvoerFout, match="vraagt GDAL 3.9.0 of nieuwer"):
        exporteer_geojson(tmp_path / "groen.geojson", laag="groenstructuur", laagdata=laagdata)
    assert list(tmp_path.iterdir()) == []
