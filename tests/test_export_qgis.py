"""De geëxporteerde GeoPackage in echte QGIS: lagen, CRS, stijlen en project (ONTWERP §7).

QGIS draait als Debians ``python3-qgis`` onder ``/usr/bin/python3`` in een subproces met
``QT_QPA_PLATFORM=offscreen`` (``tests/qgis_controle.py``). Ontbreekt QGIS, dan *faalt* deze
test met een duidelijke melding; hij wordt nooit overgeslagen (ONTWERP §9, ``.ci/run``
installeert QGIS).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, box

from omgevingsvisie import LAAGNAMEN, laad_laag, metadata
from omgevingsvisie.lagen import huidige
from omgevingsvisie.bevinding import Bevinding, ToetsResultaat
from omgevingsvisie.export import exporteer_gpkg

pytestmark = pytest.mark.qgis

QGIS_PYTHON = Path("/usr/bin/python3")
CONTROLE = Path(__file__).with_name("qgis_controle.py")
INSTALLATIE = "apt-get install -y --no-install-recommends python3-qgis qgis-providers"
PRINCIPES = ["Groene stad van het Noorden", "Dynamische stad", "Verbonden stad"]
SOORTEN = {"punt": ("Point", "MultiPoint"), "lijn": ("LineString", "MultiLineString"),
           "vlak": ("Polygon", "MultiPolygon")}
MEERVOUD = {"punt": "punten", "lijn": "lijnen", "vlak": "vlakken"}


def _qgis_omgeving() -> dict[str, str]:
    """Omgeving voor Debians Python: zonder de instellingen van de eigen (virtuele) Python."""
    omgeving = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return {**omgeving, "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": os.environ.get("XDG_RUNTIME_DIR", "/tmp")}


def _vereis_qgis() -> None:
    """Faal (niet overslaan) als PyQGIS niet beschikbaar is."""
    if not QGIS_PYTHON.exists():
        pytest.fail(f"QGIS-test kan niet draaien: {QGIS_PYTHON} ontbreekt. Installeer QGIS: {INSTALLATIE}")
    proces = subprocess.run([str(QGIS_PYTHON), "-c", "import qgis.core"], capture_output=True, text=True,
                            env=_qgis_omgeving(), check=False)
    if proces.returncode != 0:
        pytest.fail(f"QGIS-test kan niet draaien: PyQGIS ontbreekt onder {QGIS_PYTHON} "
                    f"({proces.stderr.strip().splitlines()[-1:]}). Installeer QGIS: {INSTALLATIE}")


def toetsresultaat() -> ToetsResultaat:
    """Een met de hand gemaakt toetsresultaat met vlak-, lijn- en puntbevindingen."""
    plan = box(234200, 556700, 234600, 557000)
    return ToetsResultaat(
        initiatief={"naam": "Havenkwartier-oost"},
        geometrie=plan,
        bevindingen=[
            Bevinding("GS1", "Groene stad van het Noorden", "Groen behouden", "strijdig",
                      "Het plan overlapt 1.200 m² groenstructuur.", "§3.1A", {"overlap_m2": 1200},
                      geometrie=box(234200, 556700, 234240, 556730)),
            Bevinding("VS2", "Verbonden stad", "Oversteek", "aandachtspunt", "Geen oversteek binnen 400 m.",
                      "§3.3B", {"afstand_m": 520}, geometrie=LineString([(234400, 556850), (234900, 556850)])),
            Bevinding("DS1", "Dynamische stad", "Wijkcentrum", "voldoet", "Wijkcentrum op 300 m.", "§3.3C",
                      geometrie=Point(234300, 556900)),
            Bevinding("M1", "Milieu", "Geluid", "niet_van_toepassing", "Buiten de TT-zone.", "§2.12"),
        ],
    )


def verwachting() -> dict:
    """Wat QGIS moet zien, opgebouwd uit de lagen en hun metadata (niet uit de exportcode)."""
    tabellen, subsets = {}, {}
    for naam in LAAGNAMEN:
        gdf, titel = laad_laag(naam), metadata(naam)["titel"]
        if naam != "visiekaart_2040":
            tabellen[naam] = {"titel": titel, "aantal": len(gdf)}
            continue
        for soort, typen in SOORTEN.items():
            deel = gdf[gdf.geom_type.isin(typen)]
            tabellen[f"{naam}_{soort}"] = {"titel": f"{titel} – {MEERVOUD[soort]}", "aantal": len(deel)}
            for principe in PRINCIPES:
                aantal = int((deel["principe"] == principe).sum())
                if aantal:
                    subsets[f"{principe}/Visiekaart 2040/{titel} – {MEERVOUD[soort]}"] = aantal
    tabellen["toets_initiatieven"] = {"titel": "Plangebieden (oordeel)", "aantal": 1}
    for soort in SOORTEN:
        tabellen[f"toets_bevindingen_{soort}"] = {"titel": f"Bevindingen – {MEERVOUD[soort]}", "aantal": 1}

    def titels(*namen: str) -> list[str]:
        return [metadata(n)["titel"] for n in namen]

    visie = laad_laag("visiekaart_2040")
    lagen = {
        "Toetsresultaat": ["Bevindingen – punten", "Bevindingen – lijnen", "Bevindingen – vlakken",
                           "Plangebieden (oordeel)"],
        "Groene stad van het Noorden": titels("groenstructuur", "natura2000", "energie_zoekgebieden", "hittestress"),
        "Dynamische stad": titels("publiekshart", "noordelijke_binnenstad", "woningbouwlocaties",
                                  "bedrijventerreinen"),
        "Verbonden stad": titels("wijkcentra", "oversteken", "barrieres", "groene_verbindingen",
                                 "barrieregebieden"),
        "Milieu": titels("tt_geluidszone"),
        "Basis": titels("focusgebieden", "gemeentegrens", "wijken", "buurten", "bestaand_stedelijk_gebied"),
        "Achtergrond": ["PDOK BRT-Achtergrondkaart"],
    }
    for principe in PRINCIPES:
        lagen[f"{principe}/Visiekaart 2040"] = [
            f"Visiekaart 2040 – {MEERVOUD[s]}" for s, typen in SOORTEN.items()
            if (visie.geom_type.isin(typen) & (visie["principe"] == principe)).any()
        ]
    return {"tabellen": tabellen, "subsets": subsets, "project": "Omgevingsvisie Assen 2040",
            "groepen": ["Toetsresultaat", *PRINCIPES, "Milieu", "Basis", "Achtergrond"],
            "lagen": lagen, "achtergrond": "PDOK BRT-Achtergrondkaart"}


def controleer_in_qgis(gpkg: Path, verwacht: dict, tmp_path: Path) -> dict:
    _vereis_qgis()
    pad = tmp_path / "verwacht.json"
    pad.write_text(json.dumps(verwacht, ensure_ascii=False), encoding="utf-8")
    proces = subprocess.run([str(QGIS_PYTHON), str(CONTROLE), str(gpkg), str(pad)], capture_output=True,
                            text=True, env=_qgis_omgeving(), cwd=tmp_path, timeout=300, check=False)
    assert proces.returncode == 0, f"qgis_controle.py faalde:\n{proces.stderr[-3000:]}"
    return json.loads(proces.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def geexporteerd(tmp_path_factory) -> Path:
    return exporteer_gpkg(tmp_path_factory.mktemp("qgis") / "assen_2040.gpkg", laagdata=huidige(),
                          toetsresultaten=[toetsresultaat()])


def test_qgis_opent_geopackage_en_project(geexporteerd, tmp_path):
    verwacht = verwachting()
    uitkomst = controleer_in_qgis(geexporteerd, verwacht, tmp_path)
    assert uitkomst["problemen"] == [], "\n".join(uitkomst["problemen"])
    # elke tabel los geopend en elke projectlaag (ook de visiekaart per principe en PDOK) geldig
    assert uitkomst["gecontroleerd"]["tabellen"] == len(verwacht["tabellen"])
    projectlagen = sum(len(v) for v in verwacht["lagen"].values())
    assert uitkomst["gecontroleerd"]["projectlagen"] == projectlagen


def test_qgis_ziet_een_ontbrekende_stijl(geexporteerd, tmp_path):
    """Tegenproef: zonder standaardstijl past QGIS zijn eigen stijl toe, en dat valt op."""
    kopie = tmp_path / geexporteerd.name
    kopie.write_bytes(geexporteerd.read_bytes())
    with sqlite3.connect(kopie) as db:
        db.execute("UPDATE layer_styles SET f_table_schema = NULL WHERE f_table_name = 'groenstructuur'")
        db.execute("UPDATE layer_styles SET f_geometry_column = 'geometry' WHERE f_table_name = 'wijkcentra'")
    uitkomst = controleer_in_qgis(kopie, verwachting(), tmp_path)
    problemen = "\n".join(uitkomst["problemen"])
    assert "tabel groenstructuur: renderer singleSymbol, verwacht categorizedSymbol" in problemen
    assert "tabel wijkcentra: symbool wijkt af van de QML" in problemen
