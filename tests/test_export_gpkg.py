"""``export gpkg``: tabellen, ``layer_styles``, QML uit het kleurenschema en het QGIS-project.

Zonder QGIS: hier staat wat in de GeoPackage moet staan. Of QGIS het ook zo leest, toetst
``tests/test_export_qgis.py`` in echte QGIS.
"""

from __future__ import annotations

import io
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import geopandas as gpd
import pyogrio
import pytest
from click.testing import CliRunner
from shapely.geometry import GeometryCollection, Point, box

from omgevingsvisie import LAAGNAMEN, InvoerFout, UitvoerBestaat, laad_laag, lagen, metadata
from omgevingsvisie.bevinding import Bevinding, ToetsResultaat
from omgevingsvisie.cli import main
from omgevingsvisie.export import exporteer_gpkg
from omgevingsvisie.export.project import BASIS_LAGEN, MILIEU_LAGEN, PRINCIPE_LAGEN
from omgevingsvisie.export.tabellen import toets_tabellen
from omgevingsvisie.stijl import (
    BARRIERE_KLEUREN,
    BEDRIJVEN_KLEUREN,
    ELEMENT_KLEUREN,
    GROEN_KLEUREN,
    LAAG_STIJLEN,
    OORDEEL_KLEUREN,
    STATUS_KLEUREN,
)
from test_export_qgis import toetsresultaat

LAYER_STYLES_KOLOMMEN = ["id", "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
                         "styleName", "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui",
                         "update_time"]


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return exporteer_gpkg(tmp_path_factory.mktemp("gpkg") / "assen.gpkg", laagdata=lagen.huidige(),
                          toetsresultaten=[toetsresultaat()])


def _db(pad) -> sqlite3.Connection:
    return sqlite3.connect(pad)


def _stijlen(pad) -> dict[str, ET.Element]:
    with _db(pad) as db:
        return {t: ET.fromstring(q) for t, q in db.execute("SELECT f_table_name, styleQML FROM layer_styles")}


def qgis_kleur(hexkleur: str, dekking: float = 1.0) -> str:
    h = hexkleur.lstrip("#")
    return ",".join(str(int(h[i:i + 2], 16)) for i in (0, 2, 4)) + f",{round(dekking * 255)}"


def _props(symbool: ET.Element) -> dict[str, str]:
    return {p.get("k"): p.get("v") for p in symbool.find("layer").findall("prop")}


def _categorieen(qml: ET.Element) -> dict[str, dict[str, str]]:
    renderer = qml.find("renderer-v2")
    symbolen = {s.get("name"): s for s in renderer.find("symbols")}
    return {c.get("value"): _props(symbolen[c.get("symbol")]) for c in renderer.find("categories")}


def test_geopackage_1_2_met_alle_tabellen(gpkg):
    with _db(gpkg) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # 'GPKG'
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200
        contents = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
        kolommen = {t: c for t, c in db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns")}
    verwacht = {n for n in LAAGNAMEN if n != "visiekaart_2040"}
    verwacht |= {"visiekaart_2040_vlak", "visiekaart_2040_lijn", "visiekaart_2040_punt", "toets_initiatieven",
                 "toets_bevindingen_vlak", "toets_bevindingen_lijn", "toets_bevindingen_punt"}
    assert {t for t, soort in contents.items() if soort == "features"} == verwacht
    assert contents["layer_styles"] == "attributes"
    assert set(kolommen.values()) == {"geom"}
    for naam in LAAGNAMEN:
        if naam != "visiekaart_2040":
            assert len(pyogrio.read_dataframe(gpkg, layer=naam)) == len(laad_laag(naam)), naam
            assert pyogrio.read_info(gpkg, layer=naam)["crs"] == "EPSG:28992"
    visie = sum(len(pyogrio.read_dataframe(gpkg, layer=f"visiekaart_2040_{d}")) for d in ("vlak", "lijn", "punt"))
    assert visie == len(laad_laag("visiekaart_2040"))


def test_metadata_en_nederlandse_titels(gpkg):
    with _db(gpkg) as db:
        titels = dict(db.execute("SELECT table_name, identifier FROM gpkg_contents"))
    for naam in LAAGNAMEN:
        if naam != "visiekaart_2040":
            assert titels[naam] == metadata(naam)["titel"]
    assert titels["visiekaart_2040_lijn"] == "Visiekaart 2040 – lijnen"
    meta = pyogrio.read_info(gpkg, layer="groenstructuur")["layer_metadata"]
    assert meta["bron"] == metadata("groenstructuur")["bron"] and meta["status"] == "indicatief"


def test_layer_styles_zoals_qgis_hem_leest(gpkg):
    with _db(gpkg) as db:
        kolommen = [r[1] for r in db.execute("PRAGMA table_info(layer_styles)")]
        rijen = db.execute("SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                           "useAsDefault, typeof(f_table_catalog), typeof(f_table_schema), styleQML "
                           "FROM layer_styles").fetchall()
        tabellen = {t for t, in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")}
    assert kolommen == LAYER_STYLES_KOLOMMEN
    assert sorted(r[2] for r in rijen) == sorted(tabellen)  # precies één stijl per tabel
    for catalogus, schema, tabel, kolom, standaard, soort_c, soort_s, qml in rijen:
        assert (catalogus, schema, soort_c, soort_s) == ("", "", "text", "text"), tabel  # leeg, niet NULL
        assert kolom == "geom" and standaard == 1, tabel
        assert qml.startswith("<!DOCTYPE qgis") and ET.fromstring(qml).tag == "qgis"


def test_qml_gecategoriseerd_met_het_kleurenschema(gpkg):
    stijlen = _stijlen(gpkg)
    groen = _categorieen(stijlen["groenstructuur"])
    assert stijlen["groenstructuur"].find("renderer-v2").get("attr") == "type"
    assert {w: p["color"] for w, p in groen.items()} == {
        w: qgis_kleur(k, LAAG_STIJLEN["groenstructuur"].dekking) for w, k in GROEN_KLEUREN.items()}
    assert {p["outline_color"] for p in groen.values()} == {qgis_kleur(LAAG_STIJLEN["groenstructuur"].lijn)}

    barrieres = _categorieen(stijlen["barrieres"])
    assert {w: p["line_color"] for w, p in barrieres.items()} == {w: qgis_kleur(k) for w, k in BARRIERE_KLEUREN.items()}
    assert {p["line_width"] for p in barrieres.values()} == {f"{LAAG_STIJLEN['barrieres'].lijndikte * 0.26:g}"}

    bedrijven = _categorieen(stijlen["bedrijventerreinen"])
    assert stijlen["bedrijventerreinen"].find("renderer-v2").get("attr") == "status"
    assert {w: p["color"][:-4] for w, p in bedrijven.items()} == {
        w: qgis_kleur(k)[:-4] for w, k in BEDRIJVEN_KLEUREN.items()}

    for deel in ("vlak", "lijn", "punt"):
        elementen = _categorieen(stijlen[f"visiekaart_2040_{deel}"])
        tabel = pyogrio.read_dataframe(lagen.data_map() / lagen.GPKG_NAAM, layer=f"visiekaart_2040_{deel}")
        assert set(elementen) == set(tabel["element"]), deel
        for element, props in elementen.items():
            kleur = props.get("color") if deel != "lijn" else props["line_color"]
            assert kleur.rsplit(",", 1)[0] == qgis_kleur(ELEMENT_KLEUREN[element]).rsplit(",", 1)[0], element

    oordeel = _categorieen(stijlen["toets_initiatieven"])
    assert set(oordeel) == set(OORDEEL_KLEUREN)
    status = _categorieen(stijlen["toets_bevindingen_vlak"])
    assert {w: p["outline_color"] for w, p in status.items()} == {w: qgis_kleur(k) for w, k in STATUS_KLEUREN.items()}


def test_qml_enkel_symbool_uit_laag_stijlen(gpkg):
    stijlen = _stijlen(gpkg)
    for tabel, soort in [("hittestress", "fill"), ("gemeentegrens", "fill"), ("wijkcentra", "marker"),
                         ("groene_verbindingen", "line")]:
        renderer = stijlen[tabel].find("renderer-v2")
        assert renderer.get("type") == "singleSymbol", tabel
        symbool = renderer.find("symbols/symbol")
        assert symbool.get("type") == soort
        props, stijl = _props(symbool), LAAG_STIJLEN[tabel]
        if soort == "line":
            assert props["line_color"] == qgis_kleur(stijl.lijn)
            assert props["use_custom_dash"] == "1"  # streep "8 6"
            assert props["customdash"] == "2.08;1.56"
        elif stijl.vulling is None:
            assert props["style"] == "no" and props["outline_style"] == "dash"  # gemeentegrens: streep
        else:
            assert props["color"] == qgis_kleur(stijl.vulling, stijl.dekking)
            assert props["outline_color"] == qgis_kleur(stijl.lijn)
        # Option- en prop-eigenschappen zijn gelijk (nieuwe en oude QGIS lezen hetzelfde)
        opties = {o.get("name"): o.get("value") for o in symbool.find("layer/Option").findall("Option")}
        assert opties == props


def _project(gpkg) -> ET.Element:
    with _db(gpkg) as db:
        naam, metadata_json, inhoud = db.execute("SELECT name, metadata, content FROM qgis_projects").fetchone()
        assert db.execute("SELECT count(*) FROM gpkg_contents WHERE table_name = 'qgis_projects'").fetchone()[0] == 0
    assert naam == "Omgevingsvisie Assen 2040" and "last_modified_time" in metadata_json
    archief = zipfile.ZipFile(io.BytesIO(bytes.fromhex(inhoud)))
    (qgs,) = [n for n in archief.namelist() if n.endswith(".qgs")]
    return ET.fromstring(archief.read(qgs))


def test_project_in_de_geopackage(gpkg):
    project = _project(gpkg)
    assert project.findtext("projectCrs/spatialrefsys/authid") == "EPSG:28992"
    boom = project.find("layer-tree-group")
    groepen = [g.get("name") for g in boom.findall("layer-tree-group")]
    assert groepen == ["Toetsresultaat", "Groene stad van het Noorden", "Dynamische stad", "Verbonden stad",
                       "Milieu", "Basis", "Achtergrond"]
    bronnen = {l.get("source") for l in boom.iter("layer-tree-layer")}
    assert "./assen.gpkg|layername=groenstructuur" in bronnen
    assert "./assen.gpkg|layername=visiekaart_2040_vlak|subset=\"principe\" = 'Dynamische stad'" in bronnen
    pdok = [l for l in project.iter("maplayer") if l.get("type") == "raster"]
    assert len(pdok) == 1 and pdok[0].findtext("provider") == "wms"
    assert "type=xyz" in pdok[0].findtext("datasource")
    assert "service.pdok.nl/brt/achtergrondkaart" in pdok[0].findtext("datasource")
    namen = {l.findtext("layername") for l in project.iter("maplayer")}
    assert {metadata(n)["titel"] for n in LAAGNAMEN if n != "visiekaart_2040"} <= namen


def test_elke_laag_precies_in_een_groep():
    ingedeeld = [n for lagen_ in PRINCIPE_LAGEN.values() for n in lagen_] + [*MILIEU_LAGEN, *BASIS_LAGEN]
    assert sorted(ingedeeld) == sorted(n for n in LAAGNAMEN if n != "visiekaart_2040")


def test_tekenvolgorde_punten_boven_vlakken_basis_onder(gpkg):
    project = _project(gpkg)
    volgorde = [i.text for i in project.find("layer-tree-group/custom-order").findall("item")]
    soort = {l.findtext("id"): l.get("geometry", "raster") for l in project.iter("maplayer")}
    assert sorted(volgorde) == sorted(soort)
    soorten = [soort[i] for i in volgorde]
    assert soorten[-1] == "raster"
    punten = [i for i, s in enumerate(soorten) if s == "Point"]
    vlakken = [i for i, s in enumerate(soorten) if s == "Polygon"]
    assert max(punten) < min(vlakken)
    basis = {l.get("id") for g in project.find("layer-tree-group").findall("layer-tree-group")
             if g.get("name") == "Basis" for l in g.iter("layer-tree-layer")}
    assert set(volgorde[-len(basis) - 1:-1]) == basis


def test_eigen_data_gaat_mee(tmp_path):
    """Eigen data via het register (``--lagen``): de orkestratie geeft ``lagen.huidige()`` door."""
    eigen = gpd.GeoDataFrame({"naam": ["Stadspark", "Asserbos-oost"], "type": ["park", "bos"]},
                             geometry=[box(233600, 556500, 233900, 556800), box(233000, 556000, 233300, 556300)],
                             crs="EPSG:28992")
    eigen.to_file(tmp_path / "groen.gpkg")
    lagen.vervang_laag("groenstructuur", tmp_path / "groen.gpkg")
    uit = exporteer_gpkg(tmp_path / "eigen.gpkg", laagdata=lagen.huidige())
    assert list(pyogrio.read_dataframe(uit, layer="groenstructuur")["naam"]) == ["Stadspark", "Asserbos-oost"]
    assert "toets_initiatieven" not in {r[0] for r in pyogrio.list_layers(uit)}


def test_gegeven_laag_gaat_mee(tmp_path, laagdata):
    """Een laag die de aanroeper als GeoDataFrame geeft (``laagdata.met``), zonder register."""
    eigen = gpd.GeoDataFrame({"naam": ["Stadspark"], "type": ["park"]},
                             geometry=[box(233600, 556500, 233900, 556800)], crs="EPSG:28992")
    uit = exporteer_gpkg(tmp_path / "gegeven.gpkg", laagdata=laagdata.met({"groenstructuur": eigen}))
    assert list(pyogrio.read_dataframe(uit, layer="groenstructuur")["naam"]) == ["Stadspark"]
    assert lagen.vervangingen() == {}


def test_niet_overschrijven_zonder_toestemming(gpkg, tmp_path, laagdata):
    doel = tmp_path / "assen.gpkg"
    doel.write_bytes(b"oud")
    with pytest.raises(UitvoerBestaat):
        exporteer_gpkg(doel, laagdata=laagdata)
    assert doel.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["assen.gpkg"]  # geen tijdelijk bestand achtergebleven
    exporteer_gpkg(doel, laagdata=laagdata, overschrijf=True)
    assert {r[0] for r in pyogrio.list_layers(doel)} >= {"groenstructuur", "layer_styles"}


def test_verkeerde_extensie(tmp_path, laagdata):
    with pytest.raises(InvoerFout, match="moet eindigen op .gpkg"):
        exporteer_gpkg(tmp_path / "assen.sqlite", laagdata=laagdata)


def test_cli_export_gpkg(tmp_path):
    runner = CliRunner()
    doel = tmp_path / "assen.gpkg"
    result = runner.invoke(main, ["export", "gpkg", "--uitvoer", str(doel)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"GeoPackage met QGIS-stijlen en -project geschreven: {doel}\n"
    result = runner.invoke(main, ["export", "gpkg", "--uitvoer", str(doel)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: Uitvoer bestaat al; gebruik --overschrijf")
    assert "Traceback" not in result.output
    assert runner.invoke(main, ["export", "gpkg", "--uitvoer", str(doel), "--overschrijf"]).exit_code == 0
    result = runner.invoke(main, ["export", "gpkg"])
    assert result.exit_code == 2 and "Fout: Geef het uitvoerbestand op met --uitvoer" in result.stderr


def test_toetsresultaat_als_tabellen():
    plan = box(234200, 556700, 234600, 557000)
    zonder = ToetsResultaat({"naam": "Zonder geometrie"}, plan, [
        Bevinding("M1", "Milieu", "Geluid", "aandachtspunt", "Dichtbij de TT-zone.", "§2.12")])
    verzameling = ToetsResultaat({"naam": "Verzameling"}, plan.buffer(10), [
        Bevinding("GS1", "Groene stad van het Noorden", "Groen", "strijdig", "Overlap.", "§3.1A",
                  geometrie=GeometryCollection([box(234200, 556700, 234210, 556710), Point(234300, 556800)]))])
    tabellen = {t.tabel: t for t in toets_tabellen([zonder, verzameling])}
    assert list(tabellen) == ["toets_bevindingen_punt", "toets_bevindingen_vlak", "toets_initiatieven"]
    plangebieden = tabellen["toets_initiatieven"].gegevens
    assert list(plangebieden["oordeel"]) == ["aandachtspunten", "strijdig"]
    assert list(plangebieden["aandachtspunten"]) == [1, 0] and list(plangebieden["strijdig"]) == [0, 1]
    assert list(tabellen["toets_bevindingen_vlak"].gegevens["regel"]) == ["GS1"]
    assert toets_tabellen([]) == []
