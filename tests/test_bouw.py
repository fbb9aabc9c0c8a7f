"""De GeoPackage is gebouwd uit ``lagen/bron/`` en loopt er niet op achter."""

from __future__ import annotations

import json
from pathlib import Path
import shutil

import pyogrio
import pytest

from omgevingsvisie import InvoerFout, lagen
from omgevingsvisie.lagen.bouw import bouw_geopackage, verschillen

BRON = Path(__file__).resolve().parents[1] / "lagen" / "bron"
GPKG = lagen.data_map() / lagen.GPKG_NAAM


def test_geopackage_is_bij_met_bron():
    """Faalt als iemand een bronbestand wijzigt zonder ``python scripts/bouw_lagen.py``."""
    verouderd = verschillen(BRON, GPKG)
    assert not verouderd, "Draai 'python scripts/bouw_lagen.py':\n" + "\n".join(verouderd)


def test_verschillen_ziet_een_gewijzigde_bron(tmp_path):
    bron = tmp_path / "bron"
    shutil.copytree(BRON, bron)
    pad = bron / "wijkcentra.geojson"
    inhoud = json.loads(pad.read_text(encoding="utf-8"))
    inhoud["features"][0]["geometry"]["coordinates"][0] += 10
    inhoud["metadata"]["datum"] = "2030-01-01"
    pad.write_text(json.dumps(inhoud), encoding="utf-8")
    assert verschillen(bron, GPKG) == ["wijkcentra: geometrie verschilt"]
    inhoud["features"][0]["geometry"]["coordinates"][0] -= 10
    pad.write_text(json.dumps(inhoud), encoding="utf-8")
    assert verschillen(bron, GPKG) == ["wijkcentra: metadata verschilt"]


def test_bouw_schrijft_alle_tabellen(tmp_path):
    uit = tmp_path / "lagen.gpkg"
    tabellen = bouw_geopackage(BRON, uit)
    assert {r[0] for r in pyogrio.list_layers(uit)} == set(tabellen)
    assert "visiekaart_2040_lijn" in tabellen


def test_kapotte_bron_wordt_geweigerd_en_niets_geschreven(tmp_path):
    bron = tmp_path / "bron"
    shutil.copytree(BRON, bron)
    pad = bron / "groenstructuur.geojson"
    inhoud = json.loads(pad.read_text(encoding="utf-8"))
    inhoud["features"][0]["properties"]["type"] = "weiland"
    del inhoud["features"][1]["properties"]["naam"]
    pad.write_text(json.dumps(inhoud), encoding="utf-8")
    uit = tmp_path / "lagen.gpkg"
    with pytest.raises(InvoerFout) as fout:
        bouw_geopackage(bron, uit)
    melding = str(fout.value)
    assert "weiland" in melding and "naam" in melding
    assert not uit.exists()


def test_bron_zonder_metadata_wordt_geweigerd(tmp_path):
    bron = tmp_path / "bron"
    shutil.copytree(BRON, bron)
    pad = bron / "wijken.geojson"
    inhoud = json.loads(pad.read_text(encoding="utf-8"))
    del inhoud["metadata"]["licentie"]
    pad.write_text(json.dumps(inhoud), encoding="utf-8")
    with pytest.raises(InvoerFout, match="licentie"):
        bouw_geopackage(bron, tmp_path / "lagen.gpkg")
