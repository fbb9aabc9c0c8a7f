"""``export gio``: elke GIO langs het officiële STOP-orakel, en teruglezen met lxml.

Drie lagen van controle, onafhankelijk van elkaar:

1. het **officiële orakel** (:mod:`stop_orakel`): elke GIO die deze tests schrijven is geldig
   tegen de STOP 1.3.0-XSD ``imop-geo.xsd`` en laat geen regel van de Schematron ``imop-geo.sch``
   afgaan — elke laag, filters, ``--groep``, ``--nauwkeurigheid`` en de CLI-route;
2. :func:`lees_gio` leest het bestand zelf met lxml en loopt de regels uit bronnen/gio.md na,
   ook die het orakel niet kent (1 mm, lijnstukken ≤ 200 m, geldige geometrie, heen en terug);
3. de eigen controle van de exporteur (:func:`omgevingsvisie.export.controleer_gio`) vangt elke
   soort overtreding (met aangepaste GIO's) en de exporteur weigert dan te schrijven; per
   aangepaste GIO staat vast wat het officiële orakel ervan zegt.

Het orakel zelf is getest: op kapotte GIO's (element weg, ongeldige waarde, STOP-regel
overtreden, ``geo:juridischeNauwkeurigheid``) faalt het.
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

import stop_orakel
from omgevingsvisie import LAAGNAMEN, InvoerFout, UitvoerBestaat, lagen
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


@pytest.fixture(scope="session")
def orakel():
    """Het officiële STOP-orakel: ``orakel(pad)`` → alle meldingen van XSD en Schematron.

    De Schematron wordt hier één keer per sessie gecompileerd (en daarna gecachet).
    """
    stop_orakel.laad()
    return stop_orakel.valideer


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
    """Laat een GIO door het officiële orakel gaan, controleer hem dan met lxml; geef de delen terug."""
    assert stop_orakel.valideer(pad) == []
    doc = etree.parse(str(pad))
    wortel = doc.getroot()
    assert doc.docinfo.encoding.upper() == "UTF-8"
    assert etree.QName(wortel) == etree.QName(NS["geo"], "GeoInformatieObjectVaststelling")
    assert {wortel.nsmap[p] for p in ("geo", "gio", "basisgeo", "gml")} == set(NS.values())
    assert wortel.get("schemaversie") == "1.3.0"
    kinderen = [etree.QName(k).localname for k in wortel]
    assert kinderen == ["context", "vastgesteldeVersie"]
    context = wortel.find("geo:context/gio:GeografischeContext", NS)
    assert [etree.QName(k).localname for k in context] in (
        ["achtergrondVerwijzing", "achtergrondActualiteit"],
        ["achtergrondVerwijzing", "achtergrondActualiteit", "nauwkeurigheid"])
    assert context.findtext("gio:achtergrondVerwijzing", namespaces=NS)
    date.fromisoformat(context.findtext("gio:achtergrondActualiteit", namespaces=NS))

    versie = wortel.find("geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie", NS)
    volgorde = [etree.QName(k).localname for k in versie]
    toegestaan = ["FRBRWork", "FRBRExpression", "groepen", "locaties"]
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
            "nauwkeurigheid": context.findtext("gio:nauwkeurigheid", namespaces=NS)}


def _oppervlakteverschil(a, b) -> float:
    return abs(a.area - b.area) / b.area


# ---------------------------------------------------------------- export van echte lagen

def test_havenkwartier_als_gio(tmp_path, laagdata):
    pad = exporteer_gio(tmp_path / "havenkwartier.gml", laag="focusgebieden", filters=["naam=Havenkwartier"],
                        laagdata=laagdata, datum=DATUM)
    gio = lees_gio(pad)
    assert gio["werk"] == "/join/id/regdata/gm0106/2026/focusgebieden-havenkwartier"
    assert gio["expressie"] == gio["werk"] + "/nld@2026-06-01;1"
    (locatie,) = gio["locaties"]
    assert locatie["naam"] == "Havenkwartier" and locatie["groep"] is None
    bron = laagdata["focusgebieden"].set_index("naam").geometry["Havenkwartier"]
    assert _oppervlakteverschil(locatie["geometrie"], bron) <= 0.0001  # ≤ 0,01 %
    assert locatie["geometrie"].symmetric_difference(bron).area < 1.0  # m²
    # elk bronpunt is er nog, op hoogstens 1 mm
    punten = MultiPoint(np.asarray(locatie["geometrie"].geoms[0].exterior.coords))
    assert max(Point(p).distance(punten) for p in bron.exterior.coords) <= 0.001


@pytest.mark.parametrize("laag", LAAGNAMEN)
def test_elke_laag_als_officieel_geldige_gio(tmp_path, laagdata, laag):
    """Elke laag van de catalogus kan een GIO worden; elke GIO gaat langs XSD en Schematron."""
    gio = lees_gio(exporteer_gio(tmp_path / f"{laag}.gml", laag=laag, laagdata=laagdata, datum=DATUM))
    bron = laagdata[laag]
    assert len(gio["locaties"]) == len(bron)
    if "naam" in bron.columns:
        assert [l["naam"] for l in gio["locaties"]] == list(bron["naam"])


def test_gemeentegrens_wordt_opgeknipt_tot_200_m(tmp_path, laagdata):
    bron = laagdata["gemeentegrens"].geometry.iloc[0]
    xy = np.asarray(bron.exterior.coords)
    assert np.hypot(*np.diff(xy, axis=0).T).max() > 1000  # de bron heeft lange lijnstukken
    gio = lees_gio(exporteer_gio(tmp_path / "assen.gml", laag="gemeentegrens", laagdata=laagdata, datum=DATUM))
    assert _oppervlakteverschil(gio["locaties"][0]["geometrie"], bron) <= 0.0001


def test_nauwkeurigheid_in_de_geografische_context(tmp_path, laagdata):
    """STOP 1.3.0 kent ``gio:nauwkeurigheid`` (decimeters) in de GeografischeContext, geen
    ``geo:juridischeNauwkeurigheid`` (dat is STOP 2.0)."""
    pad = exporteer_gio(tmp_path / "assen.gml", laag="gemeentegrens", laagdata=laagdata, datum=DATUM,
                        nauwkeurigheid_dm=10)
    gio = lees_gio(pad)  # officieel geldig
    assert gio["nauwkeurigheid"] == "10"
    wortel = etree.parse(str(pad)).getroot()
    assert wortel.find(".//geo:juridischeNauwkeurigheid", NS) is None
    (context,) = wortel.findall("geo:context/gio:GeografischeContext", NS)
    assert etree.QName(context[-1]).localname == "nauwkeurigheid"  # na achtergrondActualiteit


def test_nauwkeurigheid_moet_positief_zijn(tmp_path, laagdata):
    with pytest.raises(InvoerFout, match="minstens 1 dm"):
        exporteer_gio(tmp_path / "a.gml", laag="gemeentegrens", laagdata=laagdata, nauwkeurigheid_dm=0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("laag", ["focusgebieden", "buurten", "groenstructuur", "natura2000",
                                  "bestaand_stedelijk_gebied", "energie_zoekgebieden", "tt_geluidszone"])
def test_vlakkenlagen_heen_en_terug(tmp_path, laagdata, laag):
    gio = lees_gio(exporteer_gio(tmp_path / f"{laag}.gml", laag=laag, laagdata=laagdata, datum=DATUM))
    for locatie, geometrie in zip(gio["locaties"], laagdata[laag].geometry):
        assert _oppervlakteverschil(locatie["geometrie"], geometrie) <= 0.0001, locatie["naam"]


def test_lijnen_en_punten(tmp_path, laagdata):
    lijnen = lees_gio(exporteer_gio(tmp_path / "barrieres.gml", laag="barrieres", laagdata=laagdata, datum=DATUM))
    for locatie, bron in zip(lijnen["locaties"], laagdata["barrieres"].geometry):
        assert abs(locatie["geometrie"].length - bron.length) < 0.01
    punten = lees_gio(exporteer_gio(tmp_path / "wijkcentra.gml", laag="wijkcentra", laagdata=laagdata, datum=DATUM))
    for locatie, bron in zip(punten["locaties"], laagdata["wijkcentra"].geometry):
        assert locatie["geometrie"].geoms[0].distance(bron) <= 0.001


@pytest.mark.parametrize("laag, filters, namen", [
    ("focusgebieden", ["naam=Havenkwartier", "naam=Binnenstad"], {"Havenkwartier", "Binnenstad"}),  # of
    ("bedrijventerreinen", ["status=bestaand", "max_milieucategorie=4.2"], {"Messchenveld"}),  # en
    ("bedrijventerreinen", ["status=bestaand", "status=gepland", "max_milieucategorie=4.2"],
     {"Messchenveld", "Werklandschap Assen-Zuid"}),  # (of) en
])
def test_filters_officieel_geldig(tmp_path, laagdata, laag, filters, namen):
    gio = lees_gio(exporteer_gio(tmp_path / "f.gml", laag=laag, filters=filters, laagdata=laagdata, datum=DATUM))
    assert {l["naam"] for l in gio["locaties"]} == namen


def test_groepen_uit_een_veld(tmp_path, laagdata):
    gio = lees_gio(exporteer_gio(tmp_path / "bedrijven.gml", laag="bedrijventerreinen", groep="status",
                                 laagdata=laagdata, datum=DATUM))
    assert gio["groepen"] == {"bestaand": "bestaand", "gepland": "gepland", "zoekgebied": "zoekgebied"}
    bron = laagdata["bedrijventerreinen"]
    assert {l["naam"]: l["groep"] for l in gio["locaties"]} == dict(zip(bron["naam"], bron["status"]))


def test_groepen_met_filter_en_nauwkeurigheid(tmp_path, laagdata):
    """Alles tegelijk: filter, groep met waarden die een slug worden, nauwkeurigheid."""
    gio = lees_gio(exporteer_gio(tmp_path / "groen.gml", laag="groenstructuur", groep="naam",
                                 filters=["type=landgoed"],
                                 laagdata=laagdata, datum=DATUM, nauwkeurigheid_dm=5))
    assert gio["nauwkeurigheid"] == "5"
    assert set(gio["groepen"].values()) == {l["naam"] for l in gio["locaties"]} == {
        "Landgoed Lariks", "Landgoed Valkenstijn", "Landgoed Overcingel"}
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", g) for g in gio["groepen"])


def test_uuid_reproduceerbaar_en_uniek(tmp_path, laagdata):
    a = lees_gio(exporteer_gio(tmp_path / "a.gml", laag="buurten", laagdata=laagdata, datum=DATUM))
    b = lees_gio(exporteer_gio(tmp_path / "b.gml", laag="buurten", laagdata=laagdata, datum=date(2027, 1, 1),
                               versie=2))
    assert len({l["id"] for l in a["locaties"]}) == 109
    assert [l["id"] for l in a["locaties"]] != [l["id"] for l in b["locaties"]]  # ander werk (jaar)
    c = lees_gio(exporteer_gio(tmp_path / "c.gml", laag="buurten", laagdata=laagdata, datum=DATUM, versie=2))
    assert [l["id"] for l in a["locaties"]] == [l["id"] for l in c["locaties"]]  # zelfde werk en geometrie


def test_eigen_data_als_gio(tmp_path, laagdata):
    """Een laag die de aanroeper geeft (``laagdata.met``), met een gat: ook officieel geldig."""
    buiten = box(233000, 556000, 233900, 556700)
    eigen = gpd.GeoDataFrame({"naam": ["Met gat"], "toelichting": ["eigen"]},
                             geometry=[buiten.difference(box(233200, 556200, 233300, 556300))], crs="EPSG:28992")
    gio = lees_gio(exporteer_gio(tmp_path / "eigen.gml", laag="publiekshart",
                                 laagdata=laagdata.met({"publiekshart": eigen}), datum=DATUM))
    (locatie,) = gio["locaties"]
    assert len(locatie["geometrie"].geoms[0].interiors) == 1
    assert locatie["geometrie"].geoms[0].exterior.is_ccw  # buitenring tegen de klok in


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
        exporteer_gio(doel, laag="publiekshart", laagdata=lagen.huidige(), datum=DATUM)
    assert "feature 0 (naam 'Kruimel'): geometrie wordt ongeldig bij afronden op 1 mm" in str(fout.value)
    assert "er is niets geschreven" in str(fout.value)
    assert not doel.exists() and [p.name for p in tmp_path.iterdir()] == ["hart.gpkg"]


def test_exporteur_weigert_als_eigen_controle_faalt(tmp_path, monkeypatch, laagdata):
    """De STOP-controle zit tussen opbouwen en schrijven: een overtreding houdt het bestand tegen."""
    echt = gio_module.gio_xml

    def met_gml_naam(*args, **kwargs):
        return echt(*args, **kwargs).replace(b"<basisgeo:geometrie>",
                                             b"<basisgeo:geometrie><gml:name>x</gml:name>", 1)

    monkeypatch.setattr(gio_module, "gio_xml", met_gml_naam)
    doel = tmp_path / "fout.gml"
    with pytest.raises(InvoerFout, match="STOP3090"):
        exporteer_gio(doel, laag="focusgebieden", laagdata=laagdata, datum=DATUM)
    assert not doel.exists()


# ---------------------------------------------------------------- de eigen STOP-controle

@pytest.fixture(scope="module")
def goede_gio(tmp_path_factory) -> bytes:
    pad = tmp_path_factory.mktemp("gio") / "fg.gml"
    return exporteer_gio(pad, laag="focusgebieden", groep="naam", laagdata=lagen.huidige(), datum=DATUM,
                         nauwkeurigheid_dm=10).read_bytes()


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


def _juridische_nauwkeurigheid(w):
    """Zoals de export het vroeger schreef (STOP 2.0): in de versie, na FRBRExpression."""
    context = _eerste(w, "gio:GeografischeContext")
    context.remove(context.find("gio:nauwkeurigheid", NS))
    _eerste(w, "geo:FRBRExpression").addnext(_geo("juridischeNauwkeurigheid", "10"))


def _nauwkeurigheid(tekst: str):
    return lambda w: setattr(_eerste(w, "gio:nauwkeurigheid"), "text", tekst)


def _groepen_achteraan(w):
    versie = _eerste(w, "geo:GeoInformatieObjectVersie")
    versie.append(versie.find("geo:groepen", NS))


XSD, SCH = "xsd:", "schematron: "
OVERTREDINGEN = {
    # geval: (wijziging, melding van de eigen controle, wat het officiële orakel meldt; () = niets)
    "STOP3090 gml:name": (lambda w: _eerste(w, "gml:MultiSurface").insert(0, _gml("name", "x")), "STOP3090", ()),
    "STOP3090 gml:boundedBy": (lambda w: _eerste(w, "geo:Locatie").insert(0, _gml("boundedBy")), "STOP3090",
                               (SCH + "STOP3090",)),
    "STOP3013 dubbel id": (_dubbel_id, "STOP3013", (SCH + "STOP3013",)),
    "STOP3013 geen UUID": (_geen_uuid, "STOP3013", ()),
    "STOP3000 groepID bij één": (_groep_bij_een, "STOP3000", (SCH + "STOP3000",)),
    "STOP3001 groep niet gedefinieerd": (_zonder_groepen, "STOP3001", (SCH + "STOP3001",)),
    "STOP3004 dubbel label": (_dubbele_label, "STOP3004", (SCH + "STOP3004",)),
    "STOP3005 ongebruikte groep": (_ongebruikte_groep, "STOP3005", (SCH + "STOP3005",)),
    "STOP3006 normwaarde bij één": (_norm_en_groep, "STOP3006", (SCH + "STOP3006",)),
    "STOP3012 groepID en normwaarde": (_norm_en_groep, "STOP3012", (SCH + "STOP3012",)),
    "STOP3016 norm zonder normwaarden": (_norm_zonder_normwaarde, "STOP3016", (SCH + "STOP3016",)),
    "STOP3019 lege geometrie": (_leeg, "STOP3019", (SCH + "STOP3019",)),
    "STOP3020 srsName": (_andere_srs, "STOP3020", (SCH + "STOP3020",)),
    "STOP3021 verschillende srsName": (_andere_srs, "STOP3021", (SCH + "STOP3021",)),
    "STOP3040 boog": (_boog, "STOP3040", (XSD,)),
    "mm vier decimalen": (_zet_coordinaten("233730.0001 556608.000 233800.000 556608.000 233800.000 556700.000 "
                                           "233730.0001 556608.000"), "mm:", ()),
    "200 m lijnstuk": (_zet_coordinaten("233000.000 556000.000 233500.000 556000.000 233500.000 556100.000 "
                                        "233000.000 556000.000"), "200 m:", ()),
    "geldig vlinderdas": (_zet_coordinaten("233000.000 556000.000 233100.000 556100.000 233100.000 556000.000 "
                                           "233000.000 556100.000 233000.000 556000.000"), "geldig:", ()),
    "structuur FRBRWork": (_werk, "structuur: FRBRWork", ()),
    "structuur juridischeNauwkeurigheid": (_juridische_nauwkeurigheid,
                                           "structuur: geo:juridischeNauwkeurigheid hoort niet in", (XSD,)),
    "structuur nauwkeurigheid geen geheel getal": (_nauwkeurigheid("1,5"), "structuur: gio:nauwkeurigheid", (XSD,)),
    "structuur volgorde": (_groepen_achteraan, "structuur: geo:groepen staat", (XSD,)),
}


def test_goede_gio_heeft_geen_overtredingen(goede_gio, orakel, tmp_path):
    assert controleer_gio(goede_gio) == []
    (tmp_path / "goed.gml").write_bytes(goede_gio)
    assert orakel(tmp_path / "goed.gml") == []


@pytest.mark.parametrize("geval", OVERTREDINGEN)
def test_eigen_controle_vangt(goede_gio, geval):
    wijziging, code, _ = OVERTREDINGEN[geval]
    meldingen = controleer_gio(_pas_aan(goede_gio, wijziging))
    assert any(m.startswith(code) for m in meldingen), meldingen


@pytest.mark.parametrize("geval", OVERTREDINGEN)
def test_wat_het_officiele_orakel_ervan_zegt(goede_gio, orakel, tmp_path, geval):
    """Waar de eigen controle en het orakel elkaar overlappen, zijn ze het eens; wat alleen de
    eigen controle ziet (1 mm, 200 m, geldigheid, FRBR-vorm, UUID, gml-elementen in een
    geometrie) staat hier ook vast."""
    wijziging, _, officieel = OVERTREDINGEN[geval]
    pad = tmp_path / "aangepast.gml"
    pad.write_bytes(_pas_aan(goede_gio, wijziging))
    meldingen = orakel(pad)
    if not officieel:
        assert meldingen == [], "het orakel ziet dit nu ook: werk de tabel bij"
    for begin in officieel:
        assert any(m.startswith(begin) for m in meldingen), meldingen


# ---------------------------------------------------------------- het orakel zelf

def _verwijder(pad: str):
    def wijziging(w):
        element = _eerste(w, pad)
        element.getparent().remove(element)
    return wijziging


def _zet(pad: str, tekst: str):
    return lambda w: setattr(_eerste(w, pad), "text", tekst)


@pytest.mark.parametrize("wijziging, verwacht", [
    (_verwijder("geo:FRBRExpression"), "FRBRExpression"),  # verplicht element weg
    (_verwijder("gio:achtergrondVerwijzing"), "achtergrondVerwijzing"),
    (_zet("gio:achtergrondActualiteit", "1 juni 2026"), "achtergrondActualiteit"),  # geen xs:date
    (_zet("geo:Groep/geo:groepID", "-geen geldige id"), "groepID"),  # patroon [A-Za-z0-9][A-Za-z0-9_-]*
    (_zet("gio:nauwkeurigheid", "tien"), "nauwkeurigheid"),  # geen xs:integer
    (_juridische_nauwkeurigheid, "juridischeNauwkeurigheid"),  # STOP 2.0, niet 1.3.0
    (lambda w: w.attrib.pop("schemaversie"), "schemaversie"),
])
def test_orakel_xsd_faalt_op_kapotte_gio(goede_gio, tmp_path, wijziging, verwacht):
    pad = tmp_path / "kapot.gml"
    pad.write_bytes(_pas_aan(goede_gio, wijziging))
    meldingen = stop_orakel.valideer_xsd(pad)
    assert any(verwacht in m for m in meldingen), meldingen


def test_orakel_schematron_faalt_los_van_de_xsd(goede_gio, tmp_path):
    """Een GIO die schemageldig is maar STOP3000 en STOP3090 overtreedt: alleen de Schematron ziet het."""
    pad = tmp_path / "kapot.gml"

    def wijziging(w):
        _groep_bij_een(w)
        _eerste(w, "geo:Locatie").insert(0, _gml("name", "x"))  # gml:name in geo:Locatie

    pad.write_bytes(_pas_aan(goede_gio, wijziging))
    assert stop_orakel.valideer_xsd(pad) == []
    meldingen = stop_orakel.valideer_schematron(pad)
    assert {m.split(":")[0] for m in meldingen} == {"STOP3000", "STOP3005", "STOP3090"}
    assert any("Geef alle locaties een groepID" in m for m in meldingen)  # de melding van STOP zelf


def test_orakel_weigert_een_bestand_dat_geen_gio_is(tmp_path):
    pad = tmp_path / "geen.gml"
    pad.write_text('<?xml version="1.0"?><kaart/>', encoding="utf-8")
    assert stop_orakel.valideer_xsd(pad)  # geen element uit imop-geo.xsd
    with pytest.raises(AssertionError, match="geen enkele STOP-regel"):
        stop_orakel.valideer_schematron(pad)


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


def test_cli_gio_met_groep_en_nauwkeurigheid(tmp_path):
    doel = tmp_path / "bedrijven.gml"
    result = CliRunner().invoke(main, ["export", "gio", "--laag", "bedrijventerreinen", "--groep", "status",
                                       "--filter", "status=bestaand", "--filter", "status=gepland",
                                       "--nauwkeurigheid", "10", "--uitvoer", str(doel)])
    assert result.exit_code == 0, result.output
    gio = lees_gio(doel)
    assert gio["nauwkeurigheid"] == "10" and set(gio["groepen"]) == {"bestaand", "gepland"}


def test_cli_gio_met_eigen_lagen(tmp_path):
    """``--lagen``: de orkestratie geeft de eigen data door; ook die GIO is officieel geldig."""
    eigen = gpd.GeoDataFrame({"naam": ["Eigen hart"], "toelichting": ["eigen data"]},
                             geometry=[box(233800, 556700, 234100, 556950)], crs="EPSG:28992")
    eigen.to_file(tmp_path / "hart.gpkg")
    (tmp_path / "lagen.toml").write_text('[lagen]\npubliekshart = "hart.gpkg"\n', encoding="utf-8")
    doel = tmp_path / "hart.gml"
    result = CliRunner().invoke(main, ["--lagen", str(tmp_path / "lagen.toml"), "export", "gio",
                                       "--laag", "publiekshart", "--uitvoer", str(doel)])
    assert result.exit_code == 0, result.output
    assert [l["naam"] for l in lees_gio(doel)["locaties"]] == ["Eigen hart"]


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


def test_niet_overschrijven(tmp_path, laagdata):
    doel = tmp_path / "a.gml"
    doel.write_text("oud", encoding="utf-8")
    with pytest.raises(UitvoerBestaat):
        exporteer_gio(doel, laag="focusgebieden", laagdata=laagdata)
    assert doel.read_text(encoding="utf-8") == "oud"


def test_leeg_groepveld_wordt_geweigerd(tmp_path, laagdata):
    melding = r"veld 'afgesneden_door' is leeg; elke locatie moet een groep hebben \(STOP3000\)"
    with pytest.raises(InvoerFout, match=melding):
        exporteer_gio(tmp_path / "g.gml", laag="groenstructuur", groep="afgesneden_door", laagdata=laagdata)
    assert not (tmp_path / "g.gml").exists()
