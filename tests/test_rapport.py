"""Rapporten: het JSON-schema (gouden rapport), HTML (escaping, groepen, kleuren, kaart),
Markdown, de samenvatting en het schrijven van alle bestanden.

Het gouden rapport opnieuw maken (na een bedoelde wijziging van het rapport)::

    python3 tests/test_rapport.py

en de wijziging in ``tests/data/rapport_gouden.json`` nakijken voordat die wordt gecommit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import jsonschema
import lxml.html
import numpy as np
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from omgevingsvisie import UitvoerBestaat, __version__, lagen
from omgevingsvisie._errors import InvoerFout
from omgevingsvisie.bevinding import STATUSSEN, Bevinding, ToetsResultaat
from omgevingsvisie.rapport import (
    DISCLAIMER,
    SAMENVATTING_KOLOMMEN,
    beschrijf_lagen,
    bestandsnaam,
    bestandsnamen,
    json_tekst,
    md_tekst,
    naar_json,
    rapport_html,
    rapport_json,
    rapport_markdown,
    samenvatting,
    schrijf_rapporten,
)
from omgevingsvisie.rapport.svgkaart import Venster, schaalstok_lengte
from omgevingsvisie.stijl import OORDEEL_KLEUREN, STATUS_KLEUREN

DATA = Path(__file__).parent / "data"
GOUDEN = DATA / "rapport_gouden.json"
SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "rapport.schema.json").read_text(encoding="utf-8"))

GS, DS, VS = "Groene stad van het Noorden", "Dynamische stad", "Verbonden stad"
PLAN = box(233700, 555900, 234000, 556200)  # 9 ha aan de oostrand van het Asserbos
LAGEN_INFO = {"bron": "Testlagen (synthetisch)", "versie": "2026-01-01", "indicatief": True,
              "gebruikt": ["groenstructuur", "barrieres"], "vervangen": {}}
XSS = "<script>alert(1)</script>"


def _bevindingen() -> list[Bevinding]:
    """Elke status minstens één keer, met geometrieën (vlak, lijn, punt) en numpy-waarden."""
    return [
        Bevinding("GS1", GS, "Bestaand groen blijft", "strijdig",
                  "Het plan neemt 1.234,6 m² (12,3% van het plan) van Asserbos en compenseert dat niet.",
                  "Omgevingsvisie Assen 2021, §3.1A",
                  {"overlap_m2": np.float64(1234.5678), "overlap_pct": 12.3456, "groenstructuur": ["Asserbos"],
                   "groen_nieuw_m2": None, "compensatie_factor": 1.0},
                  box(233700, 555900, 233800, 556000), ("groenstructuur",)),
        Bevinding("GS4", GS, "Klimaatadaptief", "onvoldoende_gegevens",
                  "Het plan noemt geen waterberging (waterberging_mm).", "Landelijke maatlat groene "
                  "klimaatadaptieve gebouwde omgeving", {"waterberging_mm": None, "waterberging_mm_min": 70.0}),
        Bevinding("GS7", GS, "Groen nabij (3-30-300)", "aandachtspunt",
                  "De verste woning ligt 412 m van groen van minstens 1 ha (norm 300 m).",
                  "3-30-300 (Konijnendijk 2023)",
                  {"afstand_verst_m": np.float64(412.0449), "afstand_m": 300.0, "min_groen_ha": 1.0},
                  LineString([(233850, 556050), (234200, 556400)]), ("groenstructuur",)),
        Bevinding("DS1", DS, "Ordeningsprincipe publiekstrekkende functies", "voldoet",
                  "Horeca in het publiekshart.", "Omgevingsvisie Assen 2021, §3.2B",
                  {"in_publiekshart_pct": np.float32(100.0)}, None, ("publiekshart",)),
        Bevinding("DS7", DS, "Sociale huur", "strijdig",
                  "20 van de 120 woningen (16,7%) zijn sociale huur; minimaal 30%.",
                  "Programmabegroting Assen 2024",
                  {"woningen": np.int64(120), "sociale_huur": 20, "sociale_huur_pct": 16.666666,
                   "sociale_huur_min_pct": 30.0}),
        Bevinding("VS1", VS, "Barrières", "aandachtspunt",
                  "Het plan ligt op 85 m van de spoorlijn en voegt geen oversteek toe.", "Omgevingsvisie Assen 2021, "
                  "§2.10, §3.3B", {"afstand_m": 85.04, "lv_verbinding": np.bool_(False), "barriere": "spoorlijn"},
                  Point(233900, 556150), ("barrieres",)),
        Bevinding("VS3", VS, "Groene verbinding", "niet_van_toepassing", "Het plan kruist geen groene verbinding.",
                  "Visiekaart 2040, Verbonden stad", {}, None, ("groene_verbindingen",)),
        Bevinding("MI2", "Milieu", "TT-geluid", "voldoet", "Het plan ligt buiten de geluidszone van het TT Circuit.",
                  "Omgevingsvisie Assen 2021, §2.12", {"in_zone_m2": 0.0}, None, ("tt_geluidszone",)),
    ]


def _initiatief(naam: str = "Kloosterakker-Noord") -> dict:
    # bewust niet in rapportvolgorde; met numpy, NaN, een geheel kommagetal en een onbekende eigenschap
    return {"functies": ["wonen", "horeca"], "zz_opmerking": "eerste fase", "woningen": 120.0, "naam": naam,
            "groen_pct": 18.25, "focusgebieden": ["Kloosterveen"], "oppervlakte_m2": np.float64(90000.04),
            "sociale_huur": np.int64(20), "waterberging_mm": float("nan"), "energieneutraal": True}


def _resultaat(naam: str = "Kloosterakker-Noord", bevindingen: list[Bevinding] | None = None,
               geometrie=PLAN) -> ToetsResultaat:
    return ToetsResultaat(_initiatief(naam), geometrie, _bevindingen() if bevindingen is None else bevindingen)


def _met_status(*statussen: str) -> list[Bevinding]:
    return [Bevinding(f"GS{i + 1}", GS, f"Regel {i + 1}", s, "Toelichting.", "Bron") for i, s in enumerate(statussen)]


def _gouden_rapport() -> dict:
    return rapport_json(_resultaat(), lagen_info=LAGEN_INFO)


# --- JSON ---------------------------------------------------------------------------------------

def _splits_geometrie(tekst: str) -> tuple[list[str], np.ndarray]:
    """Regels zonder geometrie (exact te vergelijken) en alle coördinaten (met tolerantie)."""
    regels = [r for r in tekst.splitlines() if '"geometrie_wgs84": {' not in r]
    coords = [float(x) for r in tekst.splitlines() if '"geometrie_wgs84": {' in r
              for x in re.findall(r"-?\d+\.\d+", r)]
    return regels, np.array(coords)


def test_json_is_gelijk_aan_het_gouden_rapport():
    gekregen = json_tekst(_gouden_rapport())
    verwacht = GOUDEN.read_text(encoding="utf-8")
    regels_g, coords_g = _splits_geometrie(gekregen)
    regels_v, coords_v = _splits_geometrie(verwacht)
    assert regels_g == regels_v
    # RD -> WGS84 hangt af van de PROJ-grids op de machine (Helmert of RDNAPTRANS-grid): ~1 m
    assert coords_g.shape == coords_v.shape == (2 * (5 + 5 + 2 + 1),)
    np.testing.assert_allclose(coords_g, coords_v, atol=1e-5)


def test_json_volgt_het_ontwerp():
    r = _gouden_rapport()
    assert list(r) == ["initiatief", "oordeel", "aantallen", "bevindingen", "lagen", "versie"]
    assert list(r["initiatief"])[:3] == ["naam", "oppervlakte_m2", "focusgebieden"]
    assert list(r["initiatief"]) == ["naam", "oppervlakte_m2", "focusgebieden", "functies", "woningen",
                                     "sociale_huur", "groen_pct", "waterberging_mm", "energieneutraal",
                                     "zz_opmerking", "geometrie_wgs84"]
    assert r["oordeel"] == "strijdig" and r["versie"] == __version__
    assert r["aantallen"] == {"voldoet": 2, "aandachtspunt": 2, "strijdig": 2, "niet_van_toepassing": 1,
                              "onvoldoende_gegevens": 1}
    assert [list(b)[:7] for b in r["bevindingen"]] == [
        ["regel", "principe", "titel", "status", "toelichting", "bron", "waarden"]] * 8
    assert r["lagen"] == LAGEN_INFO
    gs1 = r["bevindingen"][0]
    assert gs1["waarden"] == {"compensatie_factor": 1.0, "groen_nieuw_m2": None, "groenstructuur": ["Asserbos"],
                              "overlap_m2": 1234.6, "overlap_pct": 12.3}
    assert list(gs1["waarden"]) == sorted(gs1["waarden"])
    assert gs1["geometrie_wgs84"]["type"] == "Polygon"
    lon, lat = gs1["geometrie_wgs84"]["coordinates"][0][0]
    assert 6.5 < lon < 6.6 and 52.9 < lat < 53.1  # Assen, lengte vóór breedte
    assert r["bevindingen"][5]["geometrie_wgs84"]["type"] == "Point"
    assert r["bevindingen"][1]["geometrie_wgs84"] is None


def test_json_tekst_is_gewone_json_met_compacte_geometrie():
    r = _gouden_rapport()
    tekst = json_tekst(r)
    assert json.loads(tekst) == r
    geometrieregels = [regel for regel in tekst.splitlines() if '"geometrie_wgs84"' in regel]
    assert len(geometrieregels) == 1 + 8
    assert all(regel.rstrip(",").endswith(("}", "null")) for regel in geometrieregels)  # elk op één regel
    zonder = rapport_json(_resultaat(), lagen_info=LAGEN_INFO, met_geometrie=False)
    assert json_tekst(zonder) == json.dumps(zonder, ensure_ascii=False, indent=2) + "\n"
    assert "\\n" in json_tekst({"x": "twee\nregels", "geometrie_wgs84": None})


def test_json_initiatief_ringen_tegen_de_klok_in():
    tegen_de_klok = Polygon(list(PLAN.exterior.coords)[::-1])
    for plan in (PLAN, tegen_de_klok):
        ring = np.array(rapport_json(_resultaat(geometrie=plan), lagen_info=LAGEN_INFO)
                        ["initiatief"]["geometrie_wgs84"]["coordinates"][0])
        x, y = ring[:, 0], ring[:, 1]
        assert np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]) > 0  # positieve oppervlakte = tegen de klok in


def test_json_waarden_worden_python_afgerond_en_zonder_nan():
    waarden = {
        "b_m2": np.float32(1.26), "a_pct": 12.3456, "afstand_m": -0.0001, "factor": 0.333333,
        "aantal": np.int64(7), "ja": np.bool_(True), "leeg": float("nan"), "oneindig": np.inf,
        "namen": {"b", "a"}, "paar": (1, 2.5), "afstanden_m": {"Asserbos": 412.04, "Lariks": np.float64(1.26)},
        "datum": dt.date(2024, 5, 1), "reeks": np.array([1.23456, 2.0]),
    }
    assert naar_json(waarden, sorteer=True) == {
        "a_pct": 12.3, "aantal": 7, "afstand_m": 0.0, "afstanden_m": {"Asserbos": 412.0, "Lariks": 1.3},
        "b_m2": 1.3, "datum": "2024-05-01", "factor": 0.333, "ja": True, "leeg": None, "namen": ["a", "b"],
        "oneindig": None, "paar": [1, 2.5], "reeks": [1.235, 2.0],
    }
    tekst = json.dumps(naar_json(waarden))
    assert "NaN" not in tekst and "Infinity" not in tekst and "-0.0" not in tekst
    assert type(naar_json(np.int64(3))) is int and type(naar_json(np.float32(0.5))) is float


def test_json_weigert_wat_niet_in_een_rapport_hoort():
    with pytest.raises(TypeError, match="Point"):
        naar_json({"geometrie": Point(0, 0)})


def test_json_sleutelvolgorde_hangt_niet_af_van_invoervolgorde():
    omgekeerd = dict(reversed(list(_initiatief().items())))
    bev = _bevindingen()
    bev[0] = Bevinding(**{**bev[0].__dict__, "waarden": dict(reversed(list(bev[0].waarden.items())))})
    a = json_tekst(rapport_json(_resultaat(), lagen_info=LAGEN_INFO))
    b = json_tekst(rapport_json(ToetsResultaat(omgekeerd, PLAN, bev), lagen_info=dict(reversed(LAGEN_INFO.items()))))
    assert a == b


def test_json_zonder_geometrie_en_oppervlakte_uit_het_plan():
    init = {"naam": "Zonder oppervlakte", "focusgebieden": "Binnenstad, TRZ", "functies": "wonen,horeca"}
    r = rapport_json(ToetsResultaat(init, PLAN, _met_status("voldoet")), lagen_info=LAGEN_INFO, met_geometrie=False)
    assert r["initiatief"] == {"naam": "Zonder oppervlakte", "oppervlakte_m2": 90000.0,
                               "focusgebieden": ["Binnenstad", "TRZ"], "functies": ["wonen", "horeca"]}
    assert "geometrie_wgs84" not in r["bevindingen"][0]


def test_json_lagen_info_moet_volledig_zijn():
    with pytest.raises(ValueError, match="indicatief"):
        rapport_json(_resultaat(), lagen_info={"bron": "x", "versie": "1"})


def _valideer(rapport: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(rapport)


def test_schema_is_geldig_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("statussen, oordeel", [
    ((), "voldoet"),
    (("voldoet", "niet_van_toepassing", "onvoldoende_gegevens"), "voldoet"),
    (("voldoet", "aandachtspunt"), "aandachtspunten"),
    (("aandachtspunt", "strijdig", "voldoet"), "strijdig"),
])
def test_schema_aanvaardt_rapporten(statussen, oordeel):
    r = rapport_json(_resultaat(bevindingen=_met_status(*statussen)), lagen_info=LAGEN_INFO)
    assert r["oordeel"] == oordeel
    _valideer(r)
    _valideer(json.loads(json_tekst(r)))


def test_schema_aanvaardt_gouden_rapport_en_alle_geometrietypen():
    _valideer(json.loads(GOUDEN.read_text(encoding="utf-8")))
    multi = MultiPolygon([box(233700, 555900, 233750, 555950), box(233900, 556100, 233950, 556150)])
    geoms = [multi, PLAN.boundary, multi.union(Point(233000, 556000)), Point(233800, 556000).buffer(0).union(
        LineString([(233700, 555900), (233800, 556000)]))]
    bev = [Bevinding(f"GS{i}", GS, "Titel", "aandachtspunt", "T.", "B", {}, g) for i, g in enumerate(geoms, 1)]
    r = rapport_json(_resultaat(bevindingen=bev), lagen_info=LAGEN_INFO)
    assert {b["geometrie_wgs84"]["type"] for b in r["bevindingen"]} >= {"MultiPolygon", "LineString",
                                                                       "GeometryCollection"}
    _valideer(r)


def test_schema_met_de_echte_lagen_info(laagdata):
    _valideer(rapport_json(_resultaat(), laagdata=laagdata))


@pytest.mark.parametrize("bederf", [
    lambda r: r.pop("oordeel"),
    lambda r: r["bevindingen"][0].update(status="onbekend"),
    lambda r: r.update(oordeel="voldoet"),  # terwijl er strijdige bevindingen zijn
    lambda r: r["initiatief"].update(oppervlakte_m2="90000"),
    lambda r: r["initiatief"].pop("focusgebieden"),
    lambda r: r["lagen"].update(indicatief="ja"),
    lambda r: r["bevindingen"][0]["geometrie_wgs84"].update(coordinates=[[[233700.0, 555900.0]] * 4]),  # RD, geen WGS84
    lambda r: r["aantallen"].update(onbekend=1),
    lambda r: r["bevindingen"][2].pop("bron"),
])
def test_schema_weigert_kapotte_rapporten(bederf):
    r = json.loads(json_tekst(_gouden_rapport()))
    bederf(r)
    with pytest.raises(jsonschema.ValidationError):
        _valideer(r)


# --- lagen-informatie --------------------------------------------------------------------------

@pytest.fixture
def eigen_groen(tmp_path):
    pad = tmp_path / "groen.gpkg"
    gpd.GeoDataFrame({"naam": ["Eigen park"], "type": ["park"]}, geometry=[box(233600, 555950, 233750, 556100)],
                     crs="EPSG:28992").to_file(pad, layer="groenstructuur")
    lagen.vervang_laag("groenstructuur", pad)
    yield pad
    lagen.herstel_lagen()


def test_lagen_info_van_de_meegeleverde_lagen(laagdata):
    info = beschrijf_lagen(["barrieres", "groenstructuur", "geen_laag"], laagdata=laagdata)
    assert info["indicatief"] is True
    assert info["versie"] == laagdata.metadata("groenstructuur")["datum"]
    assert info["gebruikt"] == ["groenstructuur", "barrieres"] and info["vervangen"] == {}
    assert "Visiekaart 2040" in info["bron"]


def test_lagen_info_noemt_vervangen_lagen(eigen_groen):
    laagdata = lagen.huidige()  # na de vervanging
    deels = beschrijf_lagen(["groenstructuur", "barrieres"], laagdata=laagdata)
    assert deels["indicatief"] is True and str(eigen_groen) in deels["vervangen"]["groenstructuur"]
    geheel = beschrijf_lagen(["groenstructuur"], laagdata=laagdata)
    assert geheel["indicatief"] is False and geheel["versie"] is None
    assert list(geheel["vervangen"]) == ["groenstructuur"]
    html = rapport_html(_resultaat(bevindingen=_bevindingen()[:1]), laagdata=laagdata)
    voet = lxml.html.document_fromstring(html).xpath("//footer")[0].text_content()
    assert "Vervangen door eigen data: groenstructuur" in voet and DISCLAIMER not in voet
    assert "Eigen park" in html  # de kaart tekent de eigen laag


def test_lagen_info_van_gegeven_lagen(laagdata):
    eigen = gpd.GeoDataFrame({"naam": ["Park"]}, geometry=[box(233600, 555950, 233750, 556100)], crs="EPSG:28992")
    info = beschrijf_lagen(["groenstructuur"], laagdata=laagdata.met({"groenstructuur": eigen}))
    assert info["indicatief"] is False and info["versie"] is None
    assert info["vervangen"] == {"groenstructuur": "gegeven"}


def test_rapport_vraagt_laagdata_of_lagen_info():
    with pytest.raises(TypeError, match="laagdata"):
        rapport_json(_resultaat())
    with pytest.raises(TypeError, match="laagdata"):
        rapport_markdown(_resultaat())
    with pytest.raises(TypeError, match="kaart"):  # de kaart heeft lagen nodig, ook met lagen_info
        rapport_html(_resultaat(), lagen_info=LAGEN_INFO)


# --- HTML ---------------------------------------------------------------------------------------

def _boom(html: str):
    return lxml.html.document_fromstring(html)


def _xss_resultaat() -> ToetsResultaat:
    bev = [
        Bevinding("GS1", f"<i>{XSS}</i>", '<img src=x onerror="alert(2)"> | titel', "strijdig",
                  'Toelichting met "aanhalingstekens" & <b>vet</b>', f"</p>{XSS}",
                  {"<x>": "<svg onload=alert(3)>", "afstand_m": 12.0}, box(233700, 555900, 233800, 556000),
                  ("groenstructuur",)),
    ]
    return ToetsResultaat({**_initiatief(XSS), "focusgebieden": [XSS], "functies": [XSS]}, PLAN, bev)


def _xss_laagdata() -> dict[str, gpd.GeoDataFrame]:
    return {"groenstructuur": gpd.GeoDataFrame({"naam": [XSS], "type": ["park"]}, geometry=[PLAN.buffer(50)],
                                               crs="EPSG:28992")}


def test_html_escapet_alle_invoer():
    html = rapport_html(_xss_resultaat(), lagen_info=LAGEN_INFO, laagdata=_xss_laagdata())
    assert "<script" not in html.lower() and "<img" not in html and "<svg onload" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    boom = _boom(html)
    assert not boom.xpath("//script | //img | //iframe | //object")
    assert not [a for el in boom.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert boom.xpath("//h1")[0].text_content() == XSS
    assert boom.xpath("//title")[0].text_content() == f"Toets Omgevingsvisie Assen: {XSS}"
    svg_titels = [t.text_content() for t in boom.xpath("//svg//title")]
    assert f"Kaart van het plangebied {XSS}" in svg_titels
    assert f"Plangebied: {XSS}" in svg_titels
    assert f"Bestaande groenstructuur: {XSS}" in svg_titels
    artikel = boom.xpath("//article")[0]
    assert 'Toelichting met "aanhalingstekens" & <b>vet</b>' in artikel.text_content()
    assert "<svg onload=alert(3)>" in artikel.xpath(".//table")[0].text_content()


def test_html_zonder_javascript_of_externe_bronnen(laagdata):
    html = rapport_html(_resultaat(), lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert re.findall(r"https?://[^\s\"')]+", html) == ["http://www.w3.org/2000/svg"]
    for verboden in ("<script", "<link", "src=", "@import", "url("):
        assert verboden not in html.lower()
    assert "@media print" in html


def test_html_oordeel_kop_en_labels(laagdata):
    boom = _boom(rapport_html(_resultaat(), lagen_info=LAGEN_INFO, laagdata=laagdata))
    oordeel = boom.xpath("//section[contains(@class,'oordeel')]")[0]
    assert oordeel.xpath("./p[1]")[0].text_content() == "Oordeel"
    assert oordeel.xpath(".//*[@class='oordeel-waarde']")[0].text_content() == "strijdig"
    telling = "2 strijdig, 2 aandachtspunten, 2 voldoet, 1 onvoldoende gegevens, 1 niet van toepassing"
    assert telling in oordeel.text_content()
    assert [li.text_content() for li in oordeel.xpath(".//li")] == [
        "strijdig: GS1 Bestaand groen blijft", "aandachtspunt: GS7 Groen nabij (3-30-300)",
        "strijdig: DS7 Sociale huur", "aandachtspunt: VS1 Barrières"]
    assert boom.xpath("//h2/text()") == ["Initiatief", "Kaart", "Bevindingen"]
    init = dict(zip(boom.xpath("//dl/dt/text()"), boom.xpath("//dl/dd/text()")))
    assert init["Oppervlakte"] == "9 ha (90.000 m²)" and init["Focusgebieden"] == "Kloosterveen"
    assert init["Functies"] == "wonen, horeca" and init["Woningen"] == "120"
    assert init["Groen na realisatie"] == "18,2%" and init["Energieneutraal"] == "ja"
    assert "Waterberging" not in init  # onbekend (NaN): weggelaten


@pytest.mark.parametrize("statussen, oordeel", [
    (("voldoet", "niet_van_toepassing"), "voldoet"),
    (("voldoet", "aandachtspunt", "onvoldoende_gegevens"), "aandachtspunten"),
    (("aandachtspunt", "strijdig"), "strijdig"),
])
def test_html_kleuren_van_oordeel_en_status(statussen, oordeel):
    boom = _boom(rapport_html(_resultaat(bevindingen=_met_status(*statussen)), lagen_info=LAGEN_INFO, kaart=False))
    sectie = boom.xpath("//section[contains(@class,'oordeel')]")[0]
    assert f"background:{OORDEEL_KLEUREN[oordeel]}" in sectie.get("style")
    badges = boom.xpath("//article//span[contains(@class,'badge')]")
    assert [b.text_content() for b in badges] == [s.replace("_", " ") for s in statussen]
    for badge, status in zip(badges, statussen):
        assert f"background:{STATUS_KLEUREN[status]}" in badge.get("style")


def test_html_bevindingen_gegroepeerd_per_principe():
    bev = _bevindingen()
    eigen = Bevinding("XX1", "Eigen principe", "Extra regel", "voldoet", "T.", "B")
    door_elkaar = [bev[7], bev[4], eigen, bev[0], bev[5], bev[1], bev[3], bev[6], bev[2]]
    boom = _boom(rapport_html(_resultaat(bevindingen=door_elkaar), lagen_info=LAGEN_INFO, kaart=False))
    groepen = boom.xpath("//section[@class='principe']")
    assert [g.get("data-principe") for g in groepen] == [GS, DS, VS, "Milieu", "Eigen principe"]
    assert [g.xpath("./h3")[0].text_content() for g in groepen] == [GS, DS, VS, "Milieu", "Eigen principe"]
    per_groep = [[a.xpath(".//span[@class='regel']")[0].text_content() for a in g.xpath("./article")] for g in groepen]
    assert per_groep == [["GS1", "GS4", "GS7"], ["DS7", "DS1"], ["VS1", "VS3"], ["MI2"], ["XX1"]]
    assert groepen[0].xpath("./p[@class='telling']")[0].text_content() == \
        "1 strijdig, 1 aandachtspunt, 1 onvoldoende gegevens"
    assert "border-color:#2e7d32" in groepen[0].xpath("./h3")[0].get("style")


def test_html_gemeten_waarden_en_bron():
    boom = _boom(rapport_html(_resultaat(), lagen_info=LAGEN_INFO, kaart=False))
    gs1 = boom.xpath("//article")[0]
    assert gs1.xpath(".//caption")[0].text_content() == "Gemeten waarden"
    rijen = [(tr.xpath("./th")[0].text_content(), tr.xpath("./td")[0].text_content()) for tr in gs1.xpath(".//tr")]
    # in de volgorde van de regel, met Nederlandse getallen en eenheden
    assert rijen == [("Overlap", "1.234,6 m²"), ("Overlap", "12,3%"), ("Groenstructuur", "Asserbos"),
                     ("Groen nieuw", "—"), ("Compensatie factor", "1")]
    assert gs1.xpath(".//p[@class='bron']")[0].text_content() == "Bron: Omgevingsvisie Assen 2021, §3.1A"
    vs1 = boom.xpath("//article")[5]
    assert [td.text_content() for td in vs1.xpath(".//td")] == ["85 m", "nee", "spoorlijn"]
    assert not boom.xpath("//article")[6].xpath(".//table")  # geen waarden, geen tabel


def test_html_voettekst():
    voet = _boom(rapport_html(_resultaat(), lagen_info=LAGEN_INFO, kaart=False)).xpath("//footer")[0].text_content()
    assert DISCLAIMER in voet and "nadrukkelijk geen plankaart" in voet
    assert f"omgevingsvisie-assen {__version__}" in voet
    assert "Testlagen (synthetisch), versie 2026-01-01" in voet


def _synthetische_laagdata() -> dict[str, gpd.GeoDataFrame]:
    groen = gpd.GeoDataFrame({"naam": ["Testbos", "Ver park"], "type": ["bos", "park"]},
                             geometry=[box(233500, 555800, 233800, 556100), box(240000, 560000, 240500, 560500)],
                             crs="EPSG:28992")
    spoor = gpd.GeoDataFrame({"naam": ["Testspoor"], "soort": ["spoor"]},
                             geometry=[LineString([(234100, 555000), (234100, 557000)])], crs="EPSG:28992")
    leeg = gpd.GeoDataFrame({"naam": ["Ver weg"]}, geometry=[box(250000, 570000, 250100, 570100)], crs="EPSG:28992")
    verbinding = gpd.GeoDataFrame({"naam": ["Niet tekenen"]},
                                  geometry=[LineString([(233700, 556000), (234000, 556000)])], crs="EPSG:28992")
    return {"groenstructuur": groen, "barrieres": spoor, "publiekshart": leeg, "tt_geluidszone": leeg,
            "groene_verbindingen": verbinding}


def _getallen(d: str) -> np.ndarray:
    return np.array([float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", d)]).reshape(-1, 2)


def test_html_kaart_tekent_plan_lagen_en_bevindingen():
    html = rapport_html(_resultaat(), lagen_info=LAGEN_INFO, laagdata=_synthetische_laagdata())
    boom = _boom(html)
    svg = boom.xpath("//figure/svg")[0]
    assert svg.get("viewbox") == "0 0 640 480"
    plan = _getallen(boom.xpath("//path[@id='plangebied']")[0].get("d"))
    assert len(plan) == 5
    # beeld = plan + lijn van GS7 (233700..234200 × 555900..556400), 150 m marge, verbreed tot 4:3:
    # x 233416,7..234483,3, y 555750..556550, dus 0,6 px/m; het plan valt op x 170..350, y 210..390
    assert plan.min(axis=0) == pytest.approx([170, 210], abs=0.1)
    assert plan.max(axis=0) == pytest.approx([350, 390], abs=0.1)

    groen = boom.xpath("//g[@data-laag='groenstructuur']")[0]
    assert [t.text_content() for t in groen.xpath("./path/title")] == ["Bestaande groenstructuur: Testbos"]
    assert groen.get("fill") == "#66bb6a"
    assert boom.xpath("//g[@data-laag='barrieres']/path/title")[0].text_content().endswith("Testspoor")
    assert not boom.xpath("//g[@data-laag='groene_verbindingen']")  # alleen bij 'niet van toepassing'
    assert not boom.xpath("//g[@data-laag='publiekshart']")  # buiten beeld

    bevindingen = {g.get("data-regel"): g for g in boom.xpath("//g[contains(@class,'bevinding')]")}
    assert set(bevindingen) == {"GS1", "GS7", "VS1"}
    assert bevindingen["GS1"].get("fill") == STATUS_KLEUREN["strijdig"]
    assert bevindingen["GS7"].get("stroke") == STATUS_KLEUREN["aandachtspunt"]
    assert bevindingen["VS1"].xpath("./circle")
    assert boom.xpath("//g[@class='schaalstok']/text")[0].text_content() == "200 m"

    legenda = [li.text_content() for li in boom.xpath("//ul[@class='legenda']/li")]
    assert legenda == ["Plangebied", "Bevinding: strijdig", "Bevinding: aandachtspunt",  # lagen op catalogusvolgorde
                       "Publiekshart tussen Koopmansplein, de Vaart en de Brink (§3.2B) — niet in beeld",
                       "Bestaande groenstructuur", "Barrières voor fiets en voetganger (§2.10)",
                       "Indicatieve geluidszone TT Circuit — niet in beeld"]


def test_html_kaart_met_de_meegeleverde_lagen(laagdata):
    boom = _boom(rapport_html(_resultaat(), lagen_info=LAGEN_INFO, laagdata=laagdata))
    titels = [t.text_content() for t in boom.xpath("//g[@data-laag='groenstructuur']/path/title")]
    assert "Bestaande groenstructuur: Asserbos" in titels
    assert boom.xpath("//g[@data-laag='barrieres']/path")  # de spoorlijn loopt oostelijk langs het plan


def test_html_escapet_ook_de_attributen_van_de_kaart(laagdata):
    regel = '"><script>alert(4)</script>'
    bev = [Bevinding(regel, GS, "Titel", "strijdig", "T.", "B", {}, box(233700, 555900, 233800, 556000))]
    html = rapport_html(_resultaat(bevindingen=bev), lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert "<script" not in html and "&#34;&gt;&lt;script&gt;" in html
    boom = _boom(html)
    assert [g.get("data-regel") for g in boom.xpath("//svg//g[contains(@class,'bevinding')]")] == [regel]
    assert boom.xpath("//article//span[@class='regel']")[0].text_content() == regel


def test_sjablonen_worden_pas_bij_het_eerste_rapport_gelezen():
    code = ("import omgevingsvisie.rapport as r, omgevingsvisie.rapport.html as h;"
            "assert h._omgeving.cache_info().currsize == 0 and h._stijlblad.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_html_zonder_kaart(laagdata):
    assert "<svg" not in rapport_html(_resultaat(), lagen_info=LAGEN_INFO, kaart=False)
    html = rapport_html(_resultaat(geometrie=Polygon()), lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert "<svg" not in html and "Geen kaart: het plangebied heeft geen geometrie." in html


@pytest.mark.parametrize("breedte_m, lengte", [(300, 50), (1000, 100), (4000, 500), (16000, 2000)])
def test_schaalstok_is_rond_en_past(breedte_m, lengte):
    venster = Venster(0, 0, breedte_m, breedte_m * 0.75)
    assert schaalstok_lengte(venster) == lengte
    assert lengte * venster.schaal <= 120


# --- Markdown -----------------------------------------------------------------------------------

def _cellen(regel: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", regel)[1:-1]]


def test_markdown_tabel_en_paragrafen():
    md = rapport_markdown(_resultaat(), lagen_info=LAGEN_INFO)
    assert md.startswith("# Toets Omgevingsvisie Assen 2040: Kloosterakker-Noord\n")
    assert "**Oordeel: strijdig** — 2 strijdig, 2 aandachtspunten, 2 voldoet, 1 onvoldoende gegevens, " \
           "1 niet van toepassing." in md
    tabel = [r for r in md.splitlines() if r.startswith("|")]
    assert _cellen(tabel[0]) == ["Regel", "Status", "Titel", "Toelichting", "Bron"]
    assert len(tabel) == 2 + 8
    assert [_cellen(r)[:2] for r in tabel[2:4]] == [["GS1", "**strijdig**"], ["GS4", "onvoldoende gegevens"]]
    assert _cellen(tabel[2])[4] == "Omgevingsvisie Assen 2021, §3.1A"
    koppen = [r for r in md.splitlines() if r.startswith("### ")]
    assert koppen == ["### GS1 Bestaand groen blijft (strijdig)", "### GS7 Groen nabij (3-30-300) (aandachtspunt)",
                      "### DS7 Sociale huur (strijdig)", "### VS1 Barrières (aandachtspunt)"]
    assert "Gemeten waarden: overlap 1.234,6 m²; overlap 12,3%; groenstructuur Asserbos; groen nieuw —; " \
           "compensatie factor 1." in md
    assert "- Oppervlakte: 9 ha (90.000 m²)" in md and "- Woningen: 120" in md
    assert DISCLAIMER in md and f"omgevingsvisie-assen {__version__}" in md


@pytest.mark.parametrize("statussen, verwacht", [
    (("aandachtspunt",), "1 aandachtspunt."),
    (("aandachtspunt", "aandachtspunt", "strijdig"), "1 strijdig, 2 aandachtspunten."),
    ((), "geen bevindingen."),
])
def test_tellingen_in_enkelvoud_en_meervoud(statussen, verwacht):
    resultaat = _resultaat(bevindingen=_met_status(*statussen))
    md = rapport_markdown(resultaat, lagen_info=LAGEN_INFO)
    assert f"** — {verwacht}" in md and "1 aandachtspunten" not in md
    boom = _boom(rapport_html(resultaat, lagen_info=LAGEN_INFO, kaart=False))
    oordeel = boom.xpath("//section[contains(@class,'oordeel')]")[0].text_content()
    assert (verwacht[:-1] if statussen else "Geen bevindingen.") in oordeel
    assert [p.text_content() for p in boom.xpath("//p[@class='telling']")] == ([verwacht[:-1]] if statussen else [])


def test_markdown_escapet_invoer():
    md = rapport_markdown(_xss_resultaat(), lagen_info=LAGEN_INFO)
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<svg" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    rij = next(r for r in md.splitlines() if r.startswith("| GS1"))
    cellen = _cellen(rij)
    assert len(cellen) == 5  # de | in de titel breekt de tabel niet
    assert cellen[2] == '&lt;img src=x onerror="alert(2)"&gt; \\| titel'


@pytest.mark.parametrize("tekst, regelbegin, verwacht", [
    ("a|b*c_d [x](y) `z` #h ~s~ \\", False, r"a\|b\*c\_d \[x\](y) \`z\` \#h \~s\~ \\"),
    ("regel 1\nregel 2", False, "regel 1 regel 2"),
    ("<b>vet</b> & zo", False, "&lt;b&gt;vet&lt;/b&gt; &amp; zo"),
    ("1. begin", True, r"1\. begin"),
    ("1. begin", False, "1. begin"),
    ("- geen lijst", True, r"\- geen lijst"),
    ("versie 0.1.0", True, "versie 0.1.0"),
])
def test_md_tekst(tekst, regelbegin, verwacht):
    assert md_tekst(tekst, regelbegin=regelbegin) == verwacht


# --- samenvatting en bestanden -----------------------------------------------------------------

def _drie_resultaten() -> list[ToetsResultaat]:
    return [
        _resultaat("Havenkwartier"),
        ToetsResultaat({"naam": "Havenkwartier", "oppervlakte_m2": 2500.0, "focusgebieden": ["Havenkwartier"]},
                       box(234500, 557500, 234550, 557550), _met_status("voldoet", "aandachtspunt")),
        ToetsResultaat({"naam": XSS, "focusgebieden": []}, box(233000, 556000, 233100, 556100),
                       _met_status("voldoet", "niet_van_toepassing")),
    ]


def test_samenvatting_een_rij_per_initiatief():
    s = samenvatting(_drie_resultaten())
    assert list(s.columns) == [*SAMENVATTING_KOLOMMEN, "geometry"]
    assert s.crs.to_epsg() == 28992
    assert list(s.naam) == ["Havenkwartier", "Havenkwartier", XSS]
    assert list(s.oordeel) == ["strijdig", "aandachtspunten", "voldoet"]
    assert list(s.aantal_strijdig) == [2, 0, 0] and list(s.aantal_aandachtspunt) == [2, 1, 0]
    assert list(s.aantal_voldoet) == [2, 1, 1] and list(s.aantal_niet_van_toepassing) == [1, 0, 1]
    assert list(s.regels_strijdig) == ["GS1, DS7", "", ""]
    assert list(s.regels_aandachtspunt) == ["GS7, VS1", "GS2", ""]
    assert list(s.oppervlakte_m2) == [90000.0, 2500.0, 10000.0]
    assert list(s.focusgebieden) == ["Kloosterveen", "Havenkwartier", ""]
    assert s.geometry.iloc[1].equals(box(234500, 557500, 234550, 557550))


def test_samenvatting_leeg():
    s = samenvatting([])
    assert len(s) == 0 and list(s.columns) == [*SAMENVATTING_KOLOMMEN, "geometry"]


@pytest.mark.parametrize("naam, slug", [
    ("Havenkwartier", "havenkwartier"),
    ("Café 't Hoekje / Brink", "cafe-t-hoekje-brink"),
    (XSS, "script-alert-1-script"),
    ("../../etc/passwd", "etc-passwd"),
    ("", "initiatief"),
    (None, "initiatief"),
    ("???", "initiatief"),
    ("CON", "initiatief-con"),
    ("x" * 100, "x" * 60),
])
def test_bestandsnaam(naam, slug):
    assert bestandsnaam(naam) == slug


def test_bestandsnamen_zijn_uniek():
    # "A-2" houdt zijn eigen slug; de dubbele "a" slaan die over (issue 16: niet afhankelijk van de volgorde)
    assert bestandsnamen(["A", "a", "A-2", "a"]) == ["a", "a-3", "a-2", "a-4"]
    assert bestandsnamen(["a", "A-2", "a", "A"]) == ["a-3", "a-2", "a-4", "a"]


def test_schrijf_een_initiatief(tmp_path):
    uit = tmp_path / "nieuw" / "rapporten"
    paden = schrijf_rapporten([_resultaat()], uit, lagen_info=LAGEN_INFO, laagdata=_synthetische_laagdata())
    assert paden == [uit / "kloosterakker-noord.json", uit / "kloosterakker-noord.html", uit / "kloosterakker-noord.md"]
    assert sorted(p.name for p in uit.iterdir()) == sorted(p.name for p in paden)  # geen samenvatting, geen restjes
    assert paden[0].read_text(encoding="utf-8") == json_tekst(rapport_json(_resultaat(), lagen_info=LAGEN_INFO))
    _valideer(json.loads(paden[0].read_text(encoding="utf-8")))
    assert "Testbos" in paden[1].read_text(encoding="utf-8")
    assert paden[2].read_text(encoding="utf-8") == rapport_markdown(_resultaat(), lagen_info=LAGEN_INFO)


def test_schrijf_meerdere_initiatieven_met_samenvatting(tmp_path, laagdata):
    paden = schrijf_rapporten(_drie_resultaten(), tmp_path, formaten="json,md", lagen_info=LAGEN_INFO,
                              laagdata=laagdata)
    assert [p.name for p in paden] == [
        "havenkwartier.json", "havenkwartier.md", "havenkwartier-2.json", "havenkwartier-2.md",
        "script-alert-1-script.json", "script-alert-1-script.md", "samenvatting.csv", "samenvatting.gpkg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paden)
    assert json.loads((tmp_path / "havenkwartier-2.json").read_text(encoding="utf-8"))["oordeel"] == "aandachtspunten"

    csv = pd.read_csv(tmp_path / "samenvatting.csv", keep_default_na=False)
    assert list(csv.columns) == list(SAMENVATTING_KOLOMMEN)
    assert list(csv.naam) == ["Havenkwartier", "Havenkwartier", XSS]
    assert list(csv.oordeel) == ["strijdig", "aandachtspunten", "voldoet"]
    assert list(csv.aantal_strijdig) == [2, 0, 0]

    info = pyogrio.read_info(tmp_path / "samenvatting.gpkg", layer="samenvatting")
    assert info["geometry_type"] == "MultiPolygon" and info["features"] == 3
    gpkg = gpd.read_file(tmp_path / "samenvatting.gpkg", layer="samenvatting")
    assert gpkg.crs.to_epsg() == 28992
    assert list(gpkg.oordeel) == ["strijdig", "aandachtspunten", "voldoet"]
    assert gpkg.geometry.iloc[0].equals(MultiPolygon([PLAN]))


def test_schrijf_weigert_bestaande_uitvoer_en_schrijft_dan_niets(tmp_path, laagdata):
    (tmp_path / "samenvatting.csv").write_text("oud", encoding="utf-8")
    with pytest.raises(UitvoerBestaat, match="samenvatting.csv"):
        schrijf_rapporten(_drie_resultaten(), tmp_path, lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert [p.name for p in tmp_path.iterdir()] == ["samenvatting.csv"]
    assert (tmp_path / "samenvatting.csv").read_text(encoding="utf-8") == "oud"

    paden = schrijf_rapporten(_drie_resultaten(), tmp_path, lagen_info=LAGEN_INFO, laagdata=laagdata, overschrijf=True)
    assert len(paden) == 3 * 3 + 2
    assert (tmp_path / "samenvatting.csv").read_text(encoding="utf-8").startswith("naam,oordeel,")


def test_schrijf_weigert_ook_een_enkel_bestaand_rapport(tmp_path, laagdata):
    (tmp_path / "kloosterakker-noord.md").write_text("oud", encoding="utf-8")
    with pytest.raises(UitvoerBestaat, match="kloosterakker-noord.md"):
        schrijf_rapporten([_resultaat()], tmp_path, lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert [p.name for p in tmp_path.iterdir()] == ["kloosterakker-noord.md"]
    # een ander formaat mag wel
    assert schrijf_rapporten([_resultaat()], tmp_path, formaten=["json"], lagen_info=LAGEN_INFO, laagdata=laagdata) == [
        tmp_path / "kloosterakker-noord.json"]


def test_schrijf_niets_als_een_rapport_niet_te_maken_is(tmp_path, laagdata):
    kapot = ToetsResultaat({"naam": "Kapot"}, PLAN, [Bevinding("GS1", GS, "T", "voldoet", "T", "B", {"x": object()})])
    with pytest.raises(TypeError):
        schrijf_rapporten([_resultaat(), kapot], tmp_path / "uit", lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("formaten", [("pdf",), "json,docx", ()])
def test_schrijf_weigert_onbekend_formaat(tmp_path, formaten, laagdata):
    with pytest.raises(InvoerFout, match="rapportformaat"):
        schrijf_rapporten([_resultaat()], tmp_path / "uit", formaten=formaten, lagen_info=LAGEN_INFO, laagdata=laagdata)
    assert not (tmp_path / "uit").exists()


def test_schrijf_weigert_een_bestand_als_map(tmp_path, laagdata):
    bestand = tmp_path / "uit.txt"
    bestand.write_text("x", encoding="utf-8")
    with pytest.raises(InvoerFout, match="is een bestand"):
        schrijf_rapporten([_resultaat()], bestand, lagen_info=LAGEN_INFO, laagdata=laagdata)


def test_statussen_in_de_tests_zijn_compleet():
    # het gouden rapport dekt elke status; zo blijft het dat als er een status bijkomt
    assert {b.status for b in _bevindingen()} == set(STATUSSEN)


if __name__ == "__main__":  # python3 tests/test_rapport.py: maak het gouden rapport opnieuw
    DATA.mkdir(exist_ok=True)
    GOUDEN.write_text(json_tekst(_gouden_rapport()), encoding="utf-8")
    print(f"Geschreven: {GOUDEN}")
