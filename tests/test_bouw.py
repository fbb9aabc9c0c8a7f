"""De GeoPackage is gebouwd uit ``lagen/bron/`` en loopt er niet op achter."""

from __future__ import annotations

import json
import shutil

import pyogrio
import pytest

from omgevingsvisie import InvoerFout, lagen
from omgevingsvisie.bouw import bouw_geopackage, tabellen_uit_bron

BRON = lagen.data_map() / "bron"
GPKG = lagen.data_map() / lagen.GPKG_NAAM


def _attributen(gdf):
    return gdf.drop(columns="geometry").astype(object).where(gdf.notna(), None)


def test_geopackage_is_bij_met_bron():
    """Faalt als iemand een bronbestand wijzigt zonder ``python scripts/bouw_lagen.py``."""
    verwacht = tabellen_uit_bron(BRON)
    aanwezig = {r[0] for r in pyogrio.list_layers(GPKG)}
    assert aanwezig == set(verwacht)
    verouderd = []
    for tabel, (bron, metadata) in verwacht.items():
        gpkg = pyogrio.read_dataframe(GPKG, layer=tabel)
        info = pyogrio.read_info(GPKG, layer=tabel)
        gpkg_meta = {k: v for k, v in (info["layer_metadata"] or {}).items() if not k.isupper()}
        if list(gpkg.columns) != list(bron.columns) or len(gpkg) != len(bron):
            verouderd.append(f"{tabel}: kolommen of aantal features verschillen")
        elif not gpkg.geometry.geom_equals(bron.geometry).all():  # GPKG maakt soms Multi van Polygon
            verouderd.append(f"{tabel}: geometrie verschilt")
        elif not _attributen(gpkg).equals(_attributen(bron)):
            verouderd.append(f"{tabel}: attributen verschillen")
        elif gpkg_meta != metadata:
            verouderd.append(f"{tabel}: metadata verschilt")
    assert not verouderd, "Draai 'python scripts/bouw_lagen.py':\n" + "\n".join(verouderd)


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
