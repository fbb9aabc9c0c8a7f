"""Het GeoPackage-sjabloon om een initiatief in QGIS te tekenen (issue 14, punt 6).

De schema- en leestests draaien zonder QGIS; de QGIS-test opent het sjabloon in echte PyQGIS
(Debians ``/usr/bin/python3``, ``QT_QPA_PLATFORM=offscreen``), vult het formulier in met de
editor-widgets zelf, slaat de feature op en laat :func:`lees_initiatieven` het resultaat lezen.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import MultiPolygon, box

from omgevingsvisie import lagen
from omgevingsvisie.catalogus import FUNCTIES, MILIEUCATEGORIEEN
from omgevingsvisie.cli import main
from omgevingsvisie.export.sjabloon import FUNCTIETABEL, TABEL, schrijf_sjabloon
from omgevingsvisie.initiatief import lees_initiatieven
from omgevingsvisie.programma import VELDEN
from test_export_qgis import QGIS_PYTHON, _qgis_omgeving, _vereis_qgis

KANT_M = 100.0


def _plan() -> MultiPolygon:
    """Een vierkant van 100 m binnen de gemeente."""
    punt = lagen.huidige().gemeente().representative_point()
    return MultiPolygon([box(punt.x - KANT_M / 2, punt.y - KANT_M / 2, punt.x + KANT_M / 2, punt.y + KANT_M / 2)])


def _widgets(qml: str) -> dict[str, tuple[str, dict]]:
    def waarde(o):
        soort = o.get("type")
        if soort == "Map":
            return {k.get("name"): waarde(k) for k in o}
        if soort == "List":
            return [waarde(k) for k in o]
        return {"bool": lambda v: v == "true", "int": int, "double": float}.get(soort, str)(o.get("value"))

    wortel = ET.fromstring(qml)
    return {f.get("name"): (f.find("editWidget").get("type"), waarde(f.find("editWidget/config/Option")))
            for f in wortel.find("fieldConfiguration")}


@pytest.fixture
def sjabloon(tmp_path) -> Path:
    return schrijf_sjabloon(tmp_path / "initiatief.gpkg")


def test_schema_velden_en_stijl(sjabloon):
    info = pyogrio.read_info(sjabloon, layer=TABEL)
    assert info["geometry_type"] == "MultiPolygon" and info["crs"] == "EPSG:28992"
    assert info["geometry_name"] == "geom" and info["features"] == 0
    assert list(info["fields"]) == ["naam", *VELDEN]
    subtypen = dict(zip(info["fields"], info["ogr_subtypes"]))
    assert subtypen["functies"] == "OFSTJSON"
    assert all(subtypen[v.naam] == "OFSTBoolean" for v in VELDEN.values() if v.soort is bool)
    assert list(pyogrio.read_dataframe(sjabloon, layer=FUNCTIETABEL)["functie"]) == list(FUNCTIES)
    with sqlite3.connect(sjabloon) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (10200,)  # GeoPackage 1.2
        stijlen = db.execute("SELECT f_table_name, f_geometry_column, useAsDefault, styleQML FROM layer_styles").fetchall()
    assert [s[:3] for s in stijlen] == [(TABEL, "geom", 1)]
    widgets = _widgets(stijlen[0][3])
    assert set(widgets) == {"naam", *VELDEN}
    assert widgets["functies"][0] == "ValueRelation" and widgets["functies"][1]["AllowMulti"] is True
    soort, config = widgets["milieucategorie"]
    assert soort == "ValueMap"
    assert [w for keuze in config["map"] for w in keuze.values()][1:] == list(MILIEUCATEGORIEEN)
    assert widgets["groen_pct"] == ("Range", {**widgets["groen_pct"][1], "Min": 0.0, "Max": 100.0})
    for veld in VELDEN.values():
        if veld.soort is bool:
            assert widgets[veld.naam][0] == "CheckBox"
        elif veld.soort in (int, float):
            assert widgets[veld.naam][0] == "Range" and widgets[veld.naam][1]["Min"] == 0


def test_ingevulde_feature_wordt_gelezen(sjabloon):
    """Zoals QGIS de meerkeuze schrijft: een JSON-lijst in de JSON-kolom."""
    gdf = gpd.GeoDataFrame(
        {"naam": ["Plan Noord"], "functies": ['["wonen","horeca"]'], "woningen": [40], "sociale_huur": [12],
         "milieucategorie": ["3.1"], "groen_pct": [35.5], "energieneutraal": [True], "aardgasvrij": [False]},
        geometry=[_plan()], crs="EPSG:28992")
    pyogrio.write_dataframe(gdf, sjabloon, layer=TABEL, driver="GPKG", append=True)
    initiatieven, waarschuwingen = lees_initiatieven(sjabloon, laag=TABEL, gemeente=lagen.huidige().gemeente())
    rij = initiatieven.iloc[0]
    assert rij["functies"] == ("wonen", "horeca")
    assert (rij["woningen"], rij["sociale_huur"], rij["milieucategorie"], rij["groen_pct"]) == (40, 12, "3.1", 35.5)
    assert (rij["energieneutraal"], rij["aardgasvrij"], rij["bomen_kap"]) == (True, False, None)
    assert waarschuwingen == []


def test_cli_schrijft_en_overschrijft_alleen_met_vlag(runner, tmp_path):
    doel = tmp_path / "initiatief.gpkg"
    result = runner.invoke(main, ["sjabloon", "--uitvoer", str(doel)])
    assert result.exit_code == 0, result.output
    assert "Sjabloon voor QGIS geschreven" in result.stdout and doel.exists()
    opnieuw = runner.invoke(main, ["sjabloon", "--uitvoer", str(doel)])
    assert opnieuw.exit_code == 2 and "--overschrijf" in opnieuw.stderr
    assert runner.invoke(main, ["sjabloon", "--uitvoer", str(doel), "--overschrijf"]).exit_code == 0
    fout = runner.invoke(main, ["sjabloon", "--uitvoer", str(tmp_path / "initiatief.txt")])
    assert fout.exit_code == 2 and ".gpkg" in fout.stderr


QGIS_SCRIPT = r'''
import json, sys
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import Qt

gpkg, wkt, invulling = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
app = QgsApplication([], True)
app.initQgis()
QgsGui.editorWidgetRegistry().initEditors()
laag = QgsVectorLayer(f"{gpkg}|layername=initiatief", "initiatief", "ogr")
functies = QgsVectorLayer(f"{gpkg}|layername=functies", "functies", "ogr")
QgsProject.instance().addMapLayers([laag, functies])


def gewoon(v):
    return v if isinstance(v, (bool, int, float, str, list, dict)) or v is None else str(v)


uit = {"geldig": laag.isValid() and functies.isValid(), "crs": laag.crs().authid(),
       "geometrie": QgsWkbTypes.displayString(laag.wkbType()),
       "stijlen": list(laag.listStylesInDatabase()[2]), "renderer": laag.renderer().type(),
       "kleur": laag.renderer().symbol().color().name(), "velden": {}}
widgets = {}
for idx, veld in enumerate(laag.fields()):
    setup = laag.editorWidgetSetup(idx)
    uit["velden"][veld.name()] = {"type": setup.type(), "alias": laag.attributeAlias(idx),
                                  "config": {k: gewoon(v) for k, v in setup.config().items()}}
    if setup.type():
        widgets[veld.name()] = QgsGui.editorWidgetRegistry().create(setup.type(), laag, idx, setup.config(), None, None)
tabel = widgets["functies"].widget()
keuzes = [tabel.item(r, k) for r in range(tabel.rowCount()) for k in range(tabel.columnCount()) if tabel.item(r, k)]
uit["functiekeuzes"] = [i.text() for i in keuzes]
for item in keuzes:
    item.setCheckState(Qt.Checked if item.text() in invulling["functies"] else Qt.Unchecked)
feature = QgsFeature(laag.fields())
for naam, w in widgets.items():
    if naam != "functies" and naam in invulling:
        w.setValues(invulling[naam], [])
    feature[naam] = w.value()
feature.setGeometry(QgsGeometry.fromWkt(wkt))
laag.startEditing()
uit["opgeslagen"] = laag.addFeature(feature) and laag.commitChanges()
uit["fouten"] = laag.commitErrors()
print(json.dumps(uit))
'''


@pytest.mark.qgis
def test_sjabloon_in_qgis_formulier_invullen_en_toetsen(sjabloon, tmp_path):
    _vereis_qgis()
    script = tmp_path / "qgis_sjabloon.py"
    script.write_text(QGIS_SCRIPT, encoding="utf-8")
    invulling = {"naam": "Plan Zuid", "functies": ["Wonen", "Horeca"], "woningen": 40, "sociale_huur": 12,
                 "milieucategorie": "3.1", "groen_pct": 35.5, "energieneutraal": True}
    proces = subprocess.run([str(QGIS_PYTHON), str(script), str(sjabloon), _plan().wkt, json.dumps(invulling)],
                            capture_output=True, text=True, env=_qgis_omgeving(), cwd=tmp_path, timeout=300,
                            check=False)
    assert proces.returncode == 0, proces.stderr[-3000:]
    uit = json.loads(proces.stdout.strip().splitlines()[-1])
    assert uit["geldig"] and uit["crs"] == "EPSG:28992" and uit["geometrie"] == "MultiPolygon"
    assert uit["stijlen"] == ["Initiatief tekenen"]
    assert (uit["renderer"], uit["kleur"]) == ("singleSymbol", "#ff9800")
    velden = uit["velden"]
    assert {n: velden[n]["alias"] for n in VELDEN} == {n: v.label for n, v in VELDEN.items()}
    assert velden["functies"]["type"] == "ValueRelation" and velden["functies"]["config"]["AllowMulti"] is True
    assert len(uit["functiekeuzes"]) == len(FUNCTIES), "de functietabel is gevonden"
    assert velden["milieucategorie"]["type"] == "ValueMap"
    assert [w for k in velden["milieucategorie"]["config"]["map"] for w in k.values()][1:] == list(MILIEUCATEGORIEEN)
    assert velden["groen_pct"]["type"] == "Range"
    assert (velden["groen_pct"]["config"]["Min"], velden["groen_pct"]["config"]["Max"]) == (0, 100)
    assert {velden[v.naam]["type"] for v in VELDEN.values() if v.soort is bool} == {"CheckBox"}
    assert uit["opgeslagen"], uit["fouten"]

    initiatieven, _ = lees_initiatieven(sjabloon, laag=TABEL, gemeente=lagen.huidige().gemeente())
    rij = initiatieven.iloc[0]
    assert rij["naam"] == "Plan Zuid"
    assert set(rij["functies"]) == {"wonen", "horeca"}
    assert (rij["woningen"], rij["sociale_huur"], rij["milieucategorie"], rij["groen_pct"]) == (40, 12, "3.1", 35.5)
    assert (rij["energieneutraal"], rij["bvo_kantoor_m2"]) == (True, None)
