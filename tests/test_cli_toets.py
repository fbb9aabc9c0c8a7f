"""``omgevingsvisie toets`` door click's CliRunner: uitvoer, exitcodes en foutmeldingen."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from omgevingsvisie.cli import main

VOORBEELDEN = Path(__file__).resolve().parents[1] / "voorbeelden" / "initiatieven.geojson"


def _een_plan(tmp_path: Path, **eigenschappen) -> Path:
    alles = json.loads(VOORBEELDEN.read_text(encoding="utf-8"))
    feature = alles["features"][0]
    feature["properties"].update(eigenschappen)
    pad = tmp_path / "plan.geojson"
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    return pad


def test_voorbeelden_geven_rapporten_en_samenvatting(tmp_path):
    uit = tmp_path / "rapporten"
    resultaat = CliRunner().invoke(main, ["toets", str(VOORBEELDEN), "--uitvoer", str(uit)])
    assert resultaat.exit_code == 0, resultaat.output
    aantal = len(json.loads(VOORBEELDEN.read_text(encoding="utf-8"))["features"])
    assert len(list(uit.glob("*.json"))) == aantal
    assert len(list(uit.glob("*.html"))) == aantal and len(list(uit.glob("*.md"))) == aantal
    assert (uit / "samenvatting.csv").exists() and (uit / "samenvatting.gpkg").exists()
    assert "Havenkade: 320 stadswoningen aan de haven: " in resultaat.output
    # meervoud volgt het aantal: "1 aandachtspunt", "2 aandachtspunten"
    aantallen = re.findall(r"(\d+) (aandachtspunten|aandachtspunt)\b", resultaat.output)
    assert {n for n, woord in aantallen if woord == "aandachtspunt"} == {"1"}
    assert "1" not in {n for n, woord in aantallen if woord == "aandachtspunten"}
    assert resultaat.output.splitlines()[-1] == f"{3 * aantal + 2} bestanden geschreven in {uit}"
    rapport = json.loads((uit / "zonnepark-messchenveld-ii.json").read_text(encoding="utf-8"))
    assert rapport["oordeel"] == "voldoet"
    assert [b["regel"] for b in rapport["bevindingen"]][:3] == ["GS1", "GS2", "GS3"]


def test_streng_geeft_exitcode_3_bij_strijdig(tmp_path):
    strijdig = _een_plan(tmp_path, energieneutraal=False)
    assert CliRunner().invoke(main, ["toets", str(strijdig), "--uitvoer", str(tmp_path / "a")]).exit_code == 0
    resultaat = CliRunner().invoke(main, ["toets", str(strijdig), "--uitvoer", str(tmp_path / "b"), "--streng"])
    assert resultaat.exit_code == 3
    assert "strijdig" in resultaat.output


def test_alleen_gekozen_formaten(tmp_path):
    resultaat = CliRunner().invoke(main, ["toets", str(_een_plan(tmp_path)), "--uitvoer", str(tmp_path / "u"),
                                          "--formaat", "md"])
    assert resultaat.exit_code == 0, resultaat.output
    assert sorted(p.suffix for p in (tmp_path / "u").iterdir()) == [".md"]


def test_bestaande_uitvoer_wordt_niet_overschreven(tmp_path):
    plan, uit = _een_plan(tmp_path), tmp_path / "u"
    assert CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit)]).exit_code == 0
    voor = {p.name: p.stat().st_mtime_ns for p in uit.iterdir()}
    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit)])
    assert resultaat.exit_code == 2
    assert "--overschrijf" in resultaat.output and "Traceback" not in resultaat.output
    assert {p.name: p.stat().st_mtime_ns for p in uit.iterdir()} == voor
    assert CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit), "--overschrijf"]).exit_code == 0


def test_slechte_invoer_exit_2_alle_problemen_niets_geschreven(tmp_path):
    plan = _een_plan(tmp_path, woningen=-5, sociale_huur="veel", functies=["wonen", "kasteel"])
    uit = tmp_path / "u"
    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit)])
    assert resultaat.exit_code == 2
    for woord in ("woningen", "sociale_huur", "kasteel"):
        assert woord in resultaat.output
    assert "Traceback" not in resultaat.output
    assert not uit.exists()


def test_onbekend_bestand_en_onbekend_formaat(tmp_path):
    resultaat = CliRunner().invoke(main, ["toets", str(tmp_path / "bestaat_niet.geojson"), "--uitvoer", str(tmp_path)])
    assert resultaat.exit_code == 2 and "bestaat_niet.geojson" in resultaat.output
    resultaat = CliRunner().invoke(main, ["toets", str(VOORBEELDEN), "--uitvoer", str(tmp_path / "x"), "--formaat", "pdf"])
    assert resultaat.exit_code == 2 and "pdf" in resultaat.output


def test_eigen_parameters_veranderen_het_oordeel(tmp_path):
    plan = _een_plan(tmp_path, sociale_huur=100, woningen=320)  # 31,25% sociale huur
    eigen = tmp_path / "eigen.toml"
    eigen.write_text('[DS7]\nsociale_huur_min_pct = { waarde = 40.0, bron = "Woonvisie 2030" }\n', encoding="utf-8")
    uit = tmp_path / "u"
    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit), "--formaat", "json",
                                          "--parameters", str(eigen)])
    assert resultaat.exit_code == 0, resultaat.output
    rapport = json.loads(next(uit.glob("*.json")).read_text(encoding="utf-8"))
    ds7 = next(b for b in rapport["bevindingen"] if b["regel"] == "DS7")
    assert ds7["status"] == "strijdig" and ds7["waarden"]["sociale_huur_min_pct"] == 40.0


def test_help_heeft_voorbeeld():
    resultaat = CliRunner().invoke(main, ["toets", "--help"])
    assert resultaat.exit_code == 0 and "$ omgevingsvisie toets" in resultaat.output


def test_kaart_wordt_gemaakt_en_niet_overschreven(tmp_path):
    plan, uit = _een_plan(tmp_path, naam="<script>alert(1)</script> plan"), tmp_path / "u"
    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit), "--kaart", "--formaat", "json"])
    assert resultaat.exit_code == 0, resultaat.output
    html = (uit / "toetskaart.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "https://unpkg" not in html and "cdn.jsdelivr" not in html
    # alleen de kaart bestaat al: dan wordt ook geen rapport geschreven
    (uit / "plan.json").unlink(missing_ok=True)
    for p in uit.glob("*.json"):
        p.unlink()
    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(uit), "--kaart", "--formaat", "json"])
    assert resultaat.exit_code == 2 and "toetskaart.html" in resultaat.output
    assert not list(uit.glob("*.json"))


def _rd_zonder_crs_lid(tmp_path: Path) -> Path:
    """Het eerste voorbeeld als RD-GeoJSON zonder crs-lid, zoals QGIS in Assen het standaard schrijft."""
    import pyproj
    import shapely
    from shapely.geometry import mapping, shape

    feature = json.loads(VOORBEELDEN.read_text(encoding="utf-8"))["features"][0]
    naar_rd = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    rd = shapely.transform(shape(feature["geometry"]), lambda xy: np.column_stack(naar_rd.transform(*xy.T)))
    feature["geometry"] = mapping(rd)
    pad = tmp_path / "plan_rd.geojson"
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    assert "crs" not in json.loads(pad.read_text(encoding="utf-8"))
    return pad


def test_rd_geojson_zonder_crs_lid_noemt_en_gebruikt_crs(tmp_path):
    plan = _rd_zonder_crs_lid(tmp_path)
    geweigerd = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(tmp_path / "a")])
    assert geweigerd.exit_code == 2
    assert "zijn RD-meters" in geweigerd.output and "gebruik --crs EPSG:28992" in geweigerd.output
    assert not (tmp_path / "a").exists()

    resultaat = CliRunner().invoke(main, ["toets", str(plan), "--uitvoer", str(tmp_path / "b"),
                                          "--crs", "EPSG:28992", "--formaat", "json"])
    assert resultaat.exit_code == 0, resultaat.output
    # hetzelfde oordeel als het origineel in WGS84
    origineel = CliRunner().invoke(main, ["toets", str(_een_plan(tmp_path)), "--uitvoer", str(tmp_path / "c"),
                                          "--formaat", "json"])
    assert origineel.exit_code == 0, origineel.output
    [rd], [wgs] = (list((tmp_path / m).glob("*.json")) for m in ("b", "c"))
    assert rd.name == wgs.name
    oordeel = [json.loads(pad.read_text(encoding="utf-8"))["oordeel"] for pad in (rd, wgs)]
    assert oordeel[0] == oordeel[1]


def test_crs_die_botst_wordt_geweigerd(tmp_path):
    resultaat = CliRunner().invoke(main, ["toets", str(_een_plan(tmp_path)), "--uitvoer", str(tmp_path / "u"),
                                          "--crs", "EPSG:28992"])
    assert resultaat.exit_code == 2
    assert "het bestand zegt EPSG:4326, maar --crs EPSG:28992 is opgegeven" in resultaat.output
    assert not (tmp_path / "u").exists()


def test_crs_staat_in_de_hulp_van_toets_en_analyse():
    for opdracht in (["toets"], ["analyse", "hitte"], ["analyse", "groen"], ["analyse", "barrieres"]):
        hulp = CliRunner().invoke(main, [*opdracht, "--help"])
        assert hulp.exit_code == 0, hulp.output
        assert "--crs EPSG:CODE" in hulp.output, opdracht
