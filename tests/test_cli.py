"""De command line via click's CliRunner (en één keer als echt proces)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point, Polygon, box

from omgevingsvisie import LAAGNAMEN, __version__, lagen
from omgevingsvisie.cli import main

GOED = gpd.GeoDataFrame(
    {"naam": ["Asserbos-oost", "Stadspark"], "type": ["bos", "park"]},
    geometry=[box(233000, 556000, 233300, 556300), box(233600, 556500, 233900, 556800)],
    crs="EPSG:28992",
)


def _feature_1(**wijzigingen) -> gpd.GeoDataFrame:
    gdf = GOED.copy()
    for kolom, waarde in wijzigingen.items():
        gdf.loc[1, kolom] = waarde
    return gdf


KAPOT = {
    "geen_crs.shp": (GOED.set_crs(None, allow_override=True), "geen coördinatenstelsel (CRS)"),
    "vlinderdas.gpkg": (
        _feature_1(geometry=Polygon([(233600, 556500), (233900, 556800), (233900, 556500),
                                     (233600, 556800)])),
        "feature 1 (naam 'Stadspark'): ongeldige geometrie: zelfdoorsnijding",
    ),
    "zonder_type.gpkg": (GOED.drop(columns="type"), "veld 'type': verplicht attribuut ontbreekt"),
    "weiland.geojson": (_feature_1(type="weiland"), "waarde 'weiland' is niet toegestaan"),
    "buiten.gpkg": (_feature_1(geometry=box(200000, 556000, 200300, 556300)), "ligt buiten de gemeente, op "),
    "punten.gpkg": (GOED.set_geometry([Point(233100, 556100), Point(233700, 556600)]),
                    "geometrietype Point is niet toegestaan"),
    "rd_als_wgs84.geojson": (GOED.set_crs("EPSG:4326", allow_override=True), "zijn RD-meters"),
}


def _faalt_netjes(result, melding: str) -> None:
    """Exitcode 2, de melding op stderr, geen traceback en geen onverwachte fout."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert melding in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_lagen_toont_alle_lagen(runner):
    result = runner.invoke(main, ["lagen"])
    assert result.exit_code == 0, result.output
    regels = result.stdout.splitlines()
    assert regels[0].split() == ["naam", "geometrie", "aantal", "status", "bron"]
    assert [r.split()[0] for r in regels[2:]] == list(LAAGNAMEN)


def test_lagen_als_json(runner):
    result = runner.invoke(main, ["lagen", "--json"])
    assert result.exit_code == 0, result.output
    overzicht = json.loads(result.stdout)
    assert [laag["naam"] for laag in overzicht] == list(LAAGNAMEN)
    assert all(laag["aantal"] > 0 and laag["bron"] for laag in overzicht)


def test_valideer_goede_data(runner, tmp_path):
    pad = tmp_path / "groenstructuur.gpkg"
    GOED.to_file(pad)
    result = runner.invoke(main, ["lagen", "valideer", str(pad)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"OK: {pad} kan laag 'groenstructuur' vervangen (2 features)\n"


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
@pytest.mark.parametrize("bestand", KAPOT)
def test_valideer_kapotte_data(runner, tmp_path, bestand):
    gdf, melding = KAPOT[bestand]
    pad = tmp_path / bestand
    gdf.to_file(pad)
    result = runner.invoke(main, ["lagen", "valideer", str(pad), "--als", "groenstructuur"])
    _faalt_netjes(result, melding)
    kop = rf"Fout: {re.escape(str(pad))} kan laag 'groenstructuur' niet vervangen \(\d+ (probleem|problemen)\):\n  - "
    assert re.match(kop, result.stderr), result.stderr


def test_valideer_meldt_alle_problemen(runner, tmp_path):
    gdf = _feature_1(type="weiland", geometry=box(200000, 556000, 200300, 556300)).drop(columns="naam")
    pad = tmp_path / "groenstructuur.gpkg"
    gdf.to_file(pad)
    result = runner.invoke(main, ["lagen", "valideer", str(pad)])
    _faalt_netjes(result, "(3 problemen)")
    assert "veld 'naam': verplicht attribuut ontbreekt" in result.stderr
    assert "feature 1, veld 'type': waarde 'weiland' is niet toegestaan" in result.stderr
    assert "feature 1: ligt buiten de gemeente" in result.stderr


def test_valideer_bestand_bestaat_niet(runner, tmp_path):
    pad = tmp_path / "groenstructuur.gpkg"
    result = runner.invoke(main, ["lagen", "valideer", str(pad)])
    _faalt_netjes(result, f"Fout: Bestand niet gevonden: {pad}")


def test_valideer_vraagt_om_als_bij_onbekende_naam(runner, tmp_path):
    pad = tmp_path / "mijn_groen.shp"
    GOED.to_file(pad)
    result = runner.invoke(main, ["lagen", "valideer", str(pad)])
    _faalt_netjes(result, "'mijn_groen' is geen laag uit de catalogus. Geef de laag op met --als")

    result = runner.invoke(main, ["lagen", "valideer", str(pad), "--als", "groenstructuur"])
    assert result.exit_code == 0, result.output
    assert "kan laag 'groenstructuur' vervangen (2 features)" in result.stdout


def test_valideer_onbekende_laag_bij_als(runner, tmp_path):
    pad = tmp_path / "groen.gpkg"
    GOED.to_file(pad)
    result = runner.invoke(main, ["lagen", "valideer", str(pad), "--als", "bomen"])
    _faalt_netjes(result, "onbekende laag 'bomen'")


def test_valideer_kiest_tabel_met_laag(runner, tmp_path):
    pad = tmp_path / "gis.gpkg"
    GOED.to_file(pad, layer="groen_2024")
    _feature_1(type="weiland").to_file(pad, layer="groenstructuur")

    valideer = ["lagen", "valideer", str(pad)]
    result = runner.invoke(main, [*valideer, "--laag", "groen_2024", "--als", "groenstructuur"])
    assert result.exit_code == 0, result.output
    _faalt_netjes(runner.invoke(main, [*valideer, "--laag", "groenstructuur"]), "weiland")
    _faalt_netjes(runner.invoke(main, [*valideer, "--laag", "groen_2025", "--als", "groenstructuur"]),
                  "Laag 'groen_2025' staat niet in")


def test_valideer_onleesbaar_bestand(runner, tmp_path):
    pad = tmp_path / "groenstructuur.gpkg"
    pad.write_text("geen GeoPackage", encoding="utf-8")
    _faalt_netjes(runner.invoke(main, ["lagen", "valideer", str(pad)]), "geen leesbaar GIS-bestand")


def _configuratie(tmp_path: Path, gdf: gpd.GeoDataFrame) -> Path:
    gdf.to_file(tmp_path / "groen.gpkg")
    pad = tmp_path / "eigen_lagen.toml"
    pad.write_text('[lagen]\ngroenstructuur = "groen.gpkg"\n', encoding="utf-8")
    return pad


def test_configuratie_met_goede_eigen_laag(runner, tmp_path):
    config = _configuratie(tmp_path, GOED)
    result = runner.invoke(main, ["--lagen", str(config), "lagen"])
    assert result.exit_code == 0, result.output
    rij = next(r.split() for r in result.stdout.splitlines() if r.startswith("groenstructuur "))
    assert rij[:5] == ["groenstructuur", "Polygon", "2", "eigen", "data"]


def test_configuratie_met_kapotte_eigen_laag(runner, tmp_path):
    config = _configuratie(tmp_path, _feature_1(type="weiland"))
    result = runner.invoke(main, ["--lagen", str(config), "lagen"])
    _faalt_netjes(result, f"Fout: Eigen lagen uit {config} kunnen niet worden gebruikt:")
    assert "groenstructuur: feature 1 (naam 'Stadspark'), veld 'type': waarde 'weiland'" in result.stderr
    assert lagen.vervangingen() == {}


def test_configuratie_met_onbekende_laag_of_zonder_bestand(runner, tmp_path):
    config = tmp_path / "eigen_lagen.toml"
    config.write_text('[lagen]\nbomen = "bomen.gpkg"\n', encoding="utf-8")
    _faalt_netjes(runner.invoke(main, ["--lagen", str(config), "lagen"]), "onbekende laag 'bomen'")
    _faalt_netjes(runner.invoke(main, ["--lagen", str(tmp_path / "nergens.toml"), "lagen"]),
                  "Configuratiebestand niet gevonden")


def test_versie(runner):
    result = runner.invoke(main, ["--version"])
    assert result.stdout == f"omgevingsvisie {__version__}\n"


def test_python_m_als_echt_proces(tmp_path):
    pad = tmp_path / "groenstructuur.gpkg"
    proces = subprocess.run(
        [sys.executable, "-m", "omgevingsvisie", "lagen", "valideer", str(pad)],
        capture_output=True, text=True, cwd=Path(__file__).parents[1], check=False,
    )
    assert proces.returncode == 2
    assert proces.stderr == f"Fout: Bestand niet gevonden: {pad}\n"
    assert proces.stdout == ""
