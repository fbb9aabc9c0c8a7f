"""``export gio``: STOP GIO teruglezen met lxml en elke regel uit bronnen/gio.md nalopen.

De controles hier zijn onafhankelijk van :func:`omgevingsvisie.export.controleer_gio`: ze lezen
het bestand zelf met lxml. Daarnaast: de eigen controle van de exporteur vangt elke soort
overtreding (met aangepaste GIO's), en de exporteur weigert dan te schrijven.
"""

from __future__ import annotations

import copy
import re
from datetime import date

import geopandas as gpd
import numpy as np
import pytest
from click.testing import CliRunner
from lxml import etree
from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, box

from omgevingsvisie import InvoerFout, UitvoerBestaat, laad_laag, lagen
from omgevingsvisie.cli import main
from omgevingsvisie.export import controleer_gio, exporteer_gio
from omgevingsvisie.export import gio as gio_module
from omgevingsvisie.export.gio import rond_af, voorbereid

NS = {
    "geo": "https://standaarden.overheid.nl/stop/imop/geo/",
    "gio": "https://standaarden.overheid.nl/stop/imop/gio/",
    "basisgeo": "http://www.geostandaarden.nl/basisgeometrie/1.0",
    "gml": "http://www.opengis.net/gml/3.2",
}
RD = "urn:ogc:def:crs:EPSG::28992"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MM = re.compile(r"^\d+\.\d{3}$")
VERBODEN = ("name", "boundedBy", "description", "descriptionReference", "identifier", "metaDataProperty",
            "location", "priorityLocation")
DATUM = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _herstel_lagen():
    yield
    lagen.herstel_lagen()


# ---------------------------------------------------------------- teruglezen met lxml

def _paren(tekst: str) -> list[tuple[float, float]]:
    getallen = [float(g) for g in tekst.split()]
    return list(zip(getallen[::2], getallen[1::2]))


def lees_geometrie(element) -> object:
    """Een GML-geometrie (zoals de export ze schrijft) als shapely-geometrie, met lxml."""
    soort = etree.QName(element).localname
    if soort == "MultiSurface":
        vlakken = []
        for p in element.iterfind("gml:surfaceMember/gml:Polygon", NS):
            buiten = _paren(p.findtext("gml:exterior/gml:LinearRing/gml:posList", namespaces=NS))
            binnen = [_paren(r.text) for r in p.iterfind("gml:interior/gml:LinearRing/gml:posList", NS)]
            vlakken.append(Polygon(buiten, binnen))
        return MultiPolygon(vlakken)
    if soort == "MultiCurve":
        lijnen = element.iterfind("gml:curveMember/gml:LineString/gml:posList", NS)
        return MultiLineString([_paren(lijn.text) for lijn in lijnen])
    if soort == "MultiPoint":
        return MultiPoint([_paren(p.text)[0] for p in element.iterfind("gml:pointMember/gml:Point/gml:pos", NS)])
    raise AssertionError(f"onverwachte geometrie gml:{soort}")


def lees_gio(pad) -> dict:
    """Controleer structuur en STOP-regels van een GIO met lxml; geef de delen terug."""
    doc = etree.parse(str(pad))
    wortel = doc.getroot()
    assert doc.docinfo.encoding.upper() == "UTF-8"
    assert etree.QName(wortel) == etree.QName(NS["geo"], "GeoInformatieObjectVaststelling")
    assert {wortel.nsmap[p] for p in ("geo", "gio", "basisgeo", "gml")} == set(NS.values())
    assert wortel.get("schemaversie") == "1.3.0"
    kinderen = [etree.QName(k).localname for k in wortel]
    assert kinderen == ["context", "vastgesteldeVersie"]
    context = wortel.find("geo:context/gio:GeografischeContext", NS)
    assert [etree.QName(k).localname for k in context] == ["achtergrondVerwijzing", "achtergrondActualiteit"]
    assert context.findtext("gio:achtergrondVerwijzing", namespaces=NS)
    date.fromisoformat(context.findtext("gio:achtergrondActualiteit", namespaces=NS))

    versie = wortel.find("geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie", NS)
    volgorde = [etree.QName(k).localname for k in versie]
    toegestaan = ["FRBRWork", "FRBRExpression", "juridischeNauwkeurigheid", "groepen", "locaties"]
    assert volgorde == [k for k in toegestaan if k in volgorde] and volgorde[:2] == toegestaan[:2]
    werk = versie.findtext("geo:FRBRWork", namespaces=NS)
    expressie = versie.findtext("geo:FRBRExpression", namespaces=NS)
    assert re.fullmatch(r"/join/id/regdata/gm0106/\d{4}/[A-Za-z0-9][A-Za-z0-9_-]*", werk), werk
    assert re.fullmatch(re.escape(werk) + r"/nld@\d{4}-\d{2}-\d{2};\d+", expressie), expressie

    # STOP3090: geen optionele gml-eigenschappen; STOP3040: geen bogen
    for element in wortel.iter():
        if isinstance(element.tag, str) and etree.QName(element).namespace == NS["gml"]:
            assert etree.QName(element).localname not in VERBODEN + ("Arc", "Circle", "CircleByCenterPoint")

    groepen = {g.findtext("geo:groepID", namespaces=NS): g.findtext("geo:label", namespaces=NS)
               for g in versie.iterfind("geo:groepen/geo:Groep", NS)}
    assert len(groepen) == len(versie.findall("geo:groepen/geo:Groep", NS))  # STOP3003
    assert len(set(groepen.values())) == len(groepen)  # STOP3004
    locaties, ids, srs = [], [], set()
    for loc in versie.iterfind("geo:locaties/geo:Locatie", NS):
        assert not loc.findall("geo:kwantitatieveNormwaarde", NS) and not loc.findall("geo:kwalitatieveNormwaarde", NS)
        geo = loc.find("geo:geometrie/basisgeo:Geometrie", NS)
        assert geo.get(f"{{{NS['gml']}}}id")
        gid = geo.findtext("basisgeo:id", namespaces=NS)
        assert UUID.fullmatch(gid), gid
        ids.append(gid)
        (bovenste,) = geo.find("basisgeo:geometrie", NS)
        srs.add(bovenste.get("srsName"))  # srsName op de bovenste geometrie
        getallen = [g for e in bovenste.iter(f"{{{NS['gml']}}}posList", f"{{{NS['gml']}}}pos") for g in e.text.split()]
        assert getallen, "STOP3019: lege geometrie"
        assert all(MM.fullmatch(g) for g in getallen), [g for g in getallen if not MM.fullmatch(g)][:3]
        geometrie = lees_geometrie(bovenste)
        assert geometrie.is_valid and not geometrie.is_empty
        for deel in getattr(geometrie, "geoms", [geometrie]):
            ringen = [deel.exterior, *deel.interiors] if isinstance(deel, Polygon) else [deel]
            for ring in ringen:
                xy = np.asarray(ring.coords)
                if len(xy) > 1:
                    assert np.hypot(*np.diff(xy, axis=0).T).max() <= 200.0
        locaties.append({"naam": loc.findtext("geo:naam", namespaces=NS), "id": gid,
                         "groep": loc.findtext("geo:groepID", namespaces=NS), "geometrie": geometrie})
    assert locaties
    assert len(set(ids)) == len(ids)  # STOP3013
    assert srs == {RD}  # STOP3020/3021
    met_groep = [l for l in locaties if l["groep"] is not None]
    assert not met_groep or len(met_groep) == len(locaties)  # STOP3000
    assert {l["groep"] for l in met_groep} == set(groepen)  # STOP3001 en STOP3005
    return {"werk": werk, "expressie": expressie, "groepen": groepen, "locaties": locaties,
            "nauwkeurigheid": versie.findtext("geo:juridischeNauwkeurigheid", namespaces=NS)}


def _oppervlakteverschil(a, b) -> float:
    return abs(a.area - b.area) / b.area


# ---------------------------------------------------------------- export van echte lagen

def test_havenkwartier_als_gio(tmp_path):
    pad = exporteer_gio(tmp_path / "havenkwartier.gml", laag="focusgebieden", filters=["naam=Havenkwartier"],
                        datum=DATUM)
    gio = lees_gio(pad)
    assert gio["werk"] == "/join/id/regdata/gm0106/2026/focusgebieden-havenkwartier"
    assert gio["expressie"] == gio["werk"] + "/nld@2026-06-01;1"
    (locatie,) = gio["locaties"]
    assert locatie["naam"] == "Havenkwartier" and locatie["groep"] is None
    bron = laad_laag("focusgebieden").set_index("naam").geometry["Havenkwartier"]
    assert _oppervlakteverschil(locatie["geometrie"], bron) <= 0.0001  # ≤ 0,01 %
    assert locatie["geometrie"].symmetric_difference(bron).area < 1.0  # m²
    # elk bronpunt is er nog, op hoogstens 1 mm
    punten = MultiPoint(np.asarray(locatie["geometrie"].geoms[0].exterior.coords))
    assert max(Point(p).distance(punten) for p in bron.exterior.coords) <= 0.001


def test_gemeentegrens_wordt_opgeknipt_tot_200_m(tmp_path):
    bron = laad_laag("gemeentegrens").geometry.iloc[0]
    xy = np.asarray(bron.exterior.coords)
    assert np.hypot(*np.diff(xy, axis=0).T).max() > 1000  # de bron heeft lange lijnstukken
    gio = lees_gio(exporteer_gio(tmp_path / "assen.gml", laag="gemeentegrens", datum=DATUM, nauwkeurigheid_dm=10))
    assert gio["nauwkeurigheid"] == "10"
    assert _oppervlakteverschil(gio["locaties"][0]["geometrie"], bron) <= 0.0001


@pytest.mark.parametrize("laag", ["focusgebieden", "buurten", "groenstructuur", "natura2000",
                                  "bestaand_stedelijk_gebied", "energie_zoekgebieden", "tt_geluidszone"])
def test_vlakkenlagen_heen_en_terug(tmp_path, laag):
    gio = lees_gio(exporteer_gio(tmp_path / f"{laag}.gml", laag=laag, datum=DATUM))
    bron = laad_laag(laag)
    assert [l["naam"] for l in gio["locaties"]] == list(bron["naam"])
    for locatie, geometrie in zip(gio["locaties"], bron.geometry):
        assert _oppervlakteverschil(locatie["geometrie"], geometrie) <= 0.0001, locatie["naam"]


def test_lijnen_en_punten(tmp_path):
    lijnen = lees_gio(exporteer_gio(tmp_path / "barrieres.gml", laag="barrieres", datum=DATUM))
    for locatie, bron in zip(lijnen["locaties"], laad_laag("barrieres").geometry):
        assert abs(locatie["geometrie"].length - bron.length) < 0.01
    punten = lees_gio(exporteer_gio(tmp_path / "wijkcentra.gml", laag="wijkcentra", datum=DATUM))
    for locatie, bron in zip(punten["locaties"], laad_laag("wijkcentra").geometry):
        assert locatie["geometrie"].geoms[0].distance(bron) <= 0.001


def test_groepen_uit_een_veld(tmp_path):
    gio = lees_gio(exporteer_gio(tmp_path / "bedrijven.gml", laag="bedrijventerreinen", groep="status", datum=DATUM))
    assert gio["groepen"] == {"bestaand": "bestaand", "gepland": "gepland", "zoekgebied": "zoekgebied"}
    status = dict(zip(laad_laag("bedrijventerreinen")["naam"], laad_laag("bedrijventerreinen")["status"]))
    assert {l["naam"]: l["groep"] for l in gio["locaties"]} == status


def test_uuid_reproduceerbaar_en_uniek(tmp_path):
    a = lees_gio(exporteer_gio(tmp_path / "a.gml", laag="buurten", datum=DATUM))
    b = lees_gio(exporteer_gio(tmp_path / "b.gml", laag="buurten", datum=date(2027, 1, 1), versie=2))
    assert len({l["id"] for l in a["locaties"]}) == 109
    assert [l["id"] for l in a["locaties"]] != [l["id"] for l in b["locaties"]]  # ander werk (jaar)
    c = lees_gio(exporteer_gio(tmp_path / "c.gml", laag="buurten", datum=DATUM, versie=2))
    assert [l["id"] for l in a["locaties"]] == [l["id"] for l in c["locaties"]]  # zelfde werk en geometrie


# ---------------------------------------------------------------- afronden en geldigheid

@pytest.mark.parametrize("waarde, verwacht", [
    (233969.0005, 233969.001), (556906.1235, 556906.124), (0.0005, 0.001), (1.0015, 1.002),
    (2.675, 2.675), (1.23449, 1.234), (233969.9995, 233970.0), (556906.12349999, 556906.123),
])
def test_afronden_half_naar_boven(waarde, verwacht):
    punt = rond_af(Point(waarde, 1.0))
    assert punt.x == verwacht


def test_afronden_maakt_ongeldig_en_wordt_gerepareerd():
    # een inham van 0,3 mm breed: na afronden vallen de twee zijden samen
    inham = Polygon([(233000, 556000), (233010, 556000), (233010, 556010), (233005.0003, 556010),
                     (233005.0003, 556001), (233005.0, 556001), (233005.0, 556010), (233000, 556010)])
    assert inham.is_valid and not rond_af(inham).is_valid
    resultaat = voorbereid(inham)
    assert resultaat.is_valid and abs(resultaat.area - inham.area) < 0.01
    assert all(MM.fullmatch(f"{v:.3f}") and abs(v * 1000 - round(v * 1000)) < 1e-6
               for xy in np.asarray(resultaat.exterior.coords) for v in xy)


def test_te_kleine_geometrie_wordt_geweigerd():
    with pytest.raises(ValueError, match="ongeldig bij afronden op 1 mm"):
        voorbereid(box(233000.0001, 556000.0001, 233000.0004, 556000.0004))
    with pytest.raises(ValueError, match="ongeldige geometrie"):
        voorbereid(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))


def test_exporteur_weigert_en_schrijft_niets_bij_onbruikbare_geometrie(tmp_path):
    eigen = gpd.GeoDataFrame({"naam": ["Kruimel"], "toelichting": ["te klein"]},
                             geometry=[box(233969.0001, 556906.0001, 233969.0004, 556906.0004)], crs="EPSG:28992")
    eigen.to_file(tmp_path / "hart.gpkg")
    lagen.vervang_laag("publiekshart", tmp_path / "hart.gpkg")
    doel = tmp_path / "hart.gml"
    with pytest.raises(InvoerFout) as fout:
        exporteer_gio(doel, laag="publiekshart", datum=DATUM)
    assert "feature 0 (naam 'Kruimel'): geometrie wordt ongeldig bij afronden op 1 mm" in str(fout.value)
    assert "er is niets geschreven" in str(fout.value)
    assert not doel.exists() and [p.name for p in tmp_path.iterdir()] == ["hart.gpkg"]


def test_exporteur_weigert_als_eigen_controle_faalt(tmp_path, monkeypatch):
    """De STOP-controle zit tussen opbouwen en schrijven: een overtreding houdt het bestand tegen."""
    echt = gio_module.gio_xml

    def met_gml_naam(*args, **kwargs):
        return echt(*args, **kwargs).replace(b"<basisgeo:geometrie>",
                                             b"<basisgeo:geometrie><gml:name>x</gml:name>", 1)

    monkeypatch.setattr(gio_module, "gio_xml", met_gml_naam)
    doel = tmp_path / "fout.gml"
    with pytest.raises(InvoerFout, match="STOP3090"):
        exporteer_gio(doel, laag="focusgebieden", datum=DATUM)
    assert not doel.exists()


# ---------------------------------------------------------------- de eigen STOP-controle

@pytest.fixture(scope="module")
def goede_gio(tmp_path_factory) -> bytes:
    pad = tmp_path_factory.mktemp("gio") / "fg.gml"
    return exporteer_gio(pad, laag="focusgebieden", groep="naam", datum=DATUM).read_bytes()


def _pas_aan(xml: bytes, wijziging) -> bytes:
    wortel = etree.fromstring(xml)
    wijziging(wortel)
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8")


def _eerste(wortel, pad: str):
    return wortel.find(f".//{pad}", NS)


def _gml(naam: str, tekst: str = ""):
    element = etree.Element(f"{{{NS['gml']}}}{naam}")
    element.text = tekst
    return element


def _geo(naam: str, tekst: str = ""):
    element = etree.Element(f"{{{NS['geo']}}}{naam}")
    element.text = tekst
    return element


def _zet_coordinaten(tekst: str):
    return lambda w: setattr(_eerste(w, "gml:posList"), "text", tekst)


def _dubbel_id(w):
    a, b = w.findall(".//basisgeo:id", NS)[:2]
    b.text = a.text


def _groep_bij_een(w):
    for loc in w.findall(".//geo:Locatie", NS)[1:]:
        loc.remove(loc.find("geo:groepID", NS))


def _norm_en_groep(w):
    _eerste(w, "geo:Locatie").append(_geo("kwantitatieveNormwaarde", "5"))


def _zonder_groepen(w):
    versie = _eerste(w, "geo:GeoInformatieObjectVersie")
    versie.remove(versie.find("geo:groepen", NS))


def _ongebruikte_groep(w):
    groep = copy.deepcopy(_eerste(w, "geo:Groep"))
    groep.find("geo:groepID", NS).text = "ongebruikt"
    groep.find("geo:label", NS).text = "ongebruikt"
    _eerste(w, "geo:groepen").append(groep)


def _dubbele_label(w):
    a, b = w.findall(".//geo:Groep/geo:label", NS)[:2]
    b.text = a.text


def _norm_zonder_normwaarde(w):
    versie = _eerste(w, "geo:GeoInformatieObjectVersie")
    versie.insert(2, _geo("normlabel", "hoogte"))


def _andere_srs(w):
    _eerste(w, "gml:MultiSurface").set("srsName", "urn:ogc:def:crs:EPSG::4326")


def _boog(w):
    _eerste(w, "gml:LinearRing").append(_gml("Arc"))


def _leeg(w):
    houder = _eerste(w, "basisgeo:geometrie")
    for kind in list(houder):
        houder.remove(kind)


def _geen_uuid(w):
    _eerste(w, "basisgeo:id").text = "locatie-1"


def _werk(w):
    _eerste(w, "geo:FRBRWork").text = "/join/id/regdata/gm0106/focusgebieden"


OVERTREDINGEN = {
    "STOP3090 gml:name": (lambda w: _eerste(w, "gml:MultiSurface").insert(0, _gml("name", "x")), "STOP3090"),
    "STOP3090 gml:boundedBy": (lambda w: _eerste(w, "geo:Locatie").insert(0, _gml("boundedBy")), "STOP3090"),
    "STOP3013 dubbel id": (_dubbel_id, "STOP3013"),
    "STOP3013 geen UUID": (_geen_uuid, "STOP3013"),
    "STOP3000 groepID bij één": (_groep_bij_een, "STOP3000"),
    "STOP3001 groep niet gedefinieerd": (_zonder_groepen, "STOP3001"),
    "STOP3004 dubbel label": (_dubbele_label, "STOP3004"),
    "STOP3005 ongebruikte groep": (_ongebruikte_groep, "STOP3005"),
    "STOP3006 normwaarde bij één": (_norm_en_groep, "STOP3006"),
    "STOP3012 groepID en normwaarde": (_norm_en_groep, "STOP3012"),
    "STOP3016 norm zonder normwaarden": (_norm_zonder_normwaarde, "STOP3016"),
    "STOP3019 lege geometrie": (_leeg, "STOP3019"),
    "STOP3020 srsName": (_andere_srs, "STOP3020"),
    "STOP3021 verschillende srsName": (_andere_srs, "STOP3021"),
    "STOP3040 boog": (_boog, "STOP3040"),
    "mm vier decimalen": (_zet_coordinaten("233730.0001 556608.000 233800.000 556608.000 233800.000 556700.000 "
                                           "233730.0001 556608.000"), "mm:"),
    "200 m lijnstuk": (_zet_coordinaten("233000.000 556000.000 233500.000 556000.000 233500.000 556100.000 "
                                        "233000.000 556000.000"), "200 m:"),
    "geldig vlinderdas": (_zet_coordinaten("233000.000 556000.000 233100.000 556100.000 233100.000 556000.000 "
                                           "233000.000 556100.000 233000.000 556000.000"), "geldig:"),
    "structuur FRBRWork": (_werk, "structuur: FRBRWork"),
}


def test_goede_gio_heeft_geen_overtredingen(goede_gio):
    assert controleer_gio(goede_gio) == []


@pytest.mark.parametrize("geval", OVERTREDINGEN)
def test_eigen_controle_vangt(goede_gio, geval):
    wijziging, code = OVERTREDINGEN[geval]
    meldingen = controleer_gio(_pas_aan(goede_gio, wijziging))
    assert any(m.startswith(code) for m in meldingen), meldingen


def test_geen_xml():
    assert controleer_gio(b"<kapot")[0].startswith("structuur: geen geldig XML")


# ---------------------------------------------------------------- opdrachtregel

def _faalt_netjes(result, melding: str) -> None:
    assert result.exit_code == 2, result.output
    assert melding in result.stderr, result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_cli_gio(tmp_path):
    runner = CliRunner()
    doel = tmp_path / "havenkwartier.gml"
    args = ["export", "gio", "--laag", "focusgebieden", "--filter", "naam=Havenkwartier", "--uitvoer", str(doel),
            "--datum", "2026-06-01", "--naam", "werkingsgebied-havenkwartier", "--versie", "3"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"GIO geschreven en getoetst aan de STOP-regels: {doel}\n"
    gio = lees_gio(doel)
    assert gio["expressie"] == "/join/id/regdata/gm0106/2026/werkingsgebied-havenkwartier/nld@2026-06-01;3"
    _faalt_netjes(runner.invoke(main, args), "Fout: Uitvoer bestaat al; gebruik --overschrijf")
    assert runner.invoke(main, [*args, "--overschrijf"]).exit_code == 0


@pytest.mark.parametrize("args, melding", [
    (["--uitvoer", "x.gml"], "Fout: Geef de laag op met --laag"),
    (["--laag", "bomen", "--uitvoer", "x.gml"], "Fout: Onbekende laag 'bomen'"),
    (["--laag", "focusgebieden", "--filter", "naam", "--uitvoer", "x.gml"], "verwacht VELD=WAARDE"),
    (["--laag", "focusgebieden", "--filter", "naam=Nergens", "--uitvoer", "x.gml"],
     "Geen feature in laag 'focusgebieden' met naam = Nergens. Waarden die wel voorkomen: Assen-Zuid"),
    (["--laag", "focusgebieden", "--filter", "kleur=rood", "--uitvoer", "x.gml"], "heeft geen veld 'kleur'"),
    (["--laag", "focusgebieden", "--uitvoer", "x.xml"], "Een GIO moet eindigen op .gml"),
    (["--laag", "focusgebieden", "--uitvoer", "x.gml", "--datum", "1-6-2026"], "verwacht JJJJ-MM-DD"),
    (["--laag", "focusgebieden", "--uitvoer", "x.gml", "--versie", "twee"], "--versie verwacht een geheel getal"),
    (["--laag", "focusgebieden", "--uitvoer", "x.gml", "--naam", "Assen centrum"], "ongeschikt voor FRBRWork"),
    (["--laag", "focusgebieden", "--uitvoer", "x.gml", "--groep", "kleur"], "geen veld 'kleur' voor --groep"),
    (["--laag", "focusgebieden"], "Fout: Geef het uitvoerbestand op met --uitvoer"),
])
def test_cli_gio_fouten(tmp_path, monkeypatch, args, melding):
    monkeypatch.chdir(tmp_path)
    _faalt_netjes(CliRunner().invoke(main, ["export", "gio", *args]), melding)
    assert list(tmp_path.iterdir()) == []


def test_niet_overschrijven(tmp_path):
    doel = tmp_path / "a.gml"
    doel.write_text("oud", encoding="utf-8")
    with pytest.raises(UitvoerBestaat):
        exporteer_gio(doel, laag="focusgebieden")
    assert doel.read_text(encoding="utf-8") == "oud"


def test_leeg_groepveld_wordt_geweigerd(tmp_path):
    melding = r"veld 'afgesneden_door' is leeg; elke locatie moet een groep hebben \(STOP3000\)"
    with pytest.raises(InvoerFout, match=melding):
        exporteer_gio(tmp_path / "g.gml", laag="groenstructuur", groep="afgesneden_door")
    assert not (tmp_path / "g.gml").exists()
