"""De kaarten in echte headless Chromium, met het netwerk dicht (``file://``, geen tegels).

Per kaart: het Leaflet-kaartobject bestaat en meldt zich klaar, het aantal getekende
SVG-paden per laag klopt met de data, de legenda staat er, er zijn geen consolefouten (de
geblokkeerde PDOK-tegels geven er geen), en er is een screenshot met inhoud. Daarnaast: de
kaart zoomt in op de data, lagengroepen gaan echt aan en uit, popups tonen de tekst, en
namen als ``<script>…`` of ``<img onerror=…>`` verschijnen als tekst zonder iets uit te voeren.

Deze tests worden nooit overgeslagen: zonder Chromium falen ze (zie ``browser.py``). Ze dragen
de marker ``browser``; ``pytest -m "not browser"`` laat ze bewust weg.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pyproj import Transformer

from browser import Browserresultaat, open_kaart
from kaartdata import XSS, maak_uhi_raster, voorbeeld_resultaten
from omgevingsvisie import kaarten, lagen
from omgevingsvisie.catalogus import PRINCIPES
from omgevingsvisie.stijl import AFGESNEDEN_STIJL, GEEN_GEGEVENS_KLEUR, KLASSE_KLEUREN, STATUS_KLEUREN

pytestmark = pytest.mark.browser

NAAR_GRADEN = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)

# Testscripts (draaien na het laden, in een kopie van de kaart) ----------------------------

BINNEN_BEELD = """
var k = window.omgevingsvisieKaart, punten = %s;
document.body.dataset.binnenBeeld = JSON.stringify(punten.map(function (p) {
    return k.getBounds().contains(L.latLng(p[1], p[0]));
}));
"""

LAGENKNOP = """
function zet(naam) {
    document.querySelectorAll('.leaflet-control-layers-overlays label').forEach(function (label) {
        if (label.textContent.trim() === naam) { label.querySelector('input').click(); }
    });
}
function tel(klasse) { return document.querySelectorAll('.leaflet-overlay-pane path.ov-' + klasse).length; }
"""

TEKSTEN = """
var k = window.omgevingsvisieKaart, popups = [], tooltips = [];
k.eachLayer(function (laag) {
    if (laag.feature && laag.getPopup()) {
        laag.openPopup();
        popups.push(laag.getPopup().getElement().textContent);
    }
    if (laag.feature && laag.getTooltip()) {
        laag.openTooltip();
        tooltips.push(laag.getTooltip().getElement().textContent);
    }
});
var plekken = '.leaflet-popup-content, .leaflet-tooltip, .ov-legenda, .leaflet-control-layers, .ov-titel';
var elementen = 0;
document.querySelectorAll(plekken).forEach(function (plek) {
    elementen += plek.querySelectorAll('script, img, iframe, [onerror]').length;
});
document.body.dataset.teksten = JSON.stringify({
    popups: popups, tooltips: tooltips, elementen: elementen,
    legenda: document.querySelector('.ov-legenda').textContent,
    lagenknop: document.querySelector('.leaflet-control-layers').textContent,
    titel: document.querySelector('.ov-titel').textContent
});
"""


def _bewaar_en_open(kaart, werkmap: Path, naam: str, testscript: str | None = None) -> Browserresultaat:
    pad = kaarten.bewaar_kaart(kaart, werkmap / f"{naam}.html")
    return open_kaart(pad, werkmap, testscript=testscript)


def _controleer_basis(resultaat: Browserresultaat, *, legendas: int = 1) -> dict:
    """Wat voor elke kaart geldt: klaar, legenda, geen consolefouten, screenshot met inhoud."""
    assert resultaat.console == [], f"consoleberichten van de kaart: {resultaat.console}"
    klaar = resultaat.klaar
    assert klaar["legendas"] == legendas
    assert resultaat.screenshot.exists(), "Chromium maakte geen screenshot"
    with Image.open(resultaat.screenshot) as beeld:
        assert beeld.size == (1200, 900)
        kleuren = beeld.convert("RGB").getcolors(maxcolors=1 << 20)
    assert kleuren is not None and len(kleuren) > 50, "screenshot is (bijna) leeg"
    return klaar


def _rd_naar_graden(x: float, y: float) -> list[float]:
    return list(NAAR_GRADEN.transform(x, y))


# Per kaart -----------------------------------------------------------------------------------

def test_visiekaart_in_browser(tmp_path, laagdata):
    elementen, gebieden = laagdata["visiekaart_2040"], laagdata["focusgebieden"]
    groen = (elementen["principe"] == PRINCIPES[0]).sum()
    punten = [_rd_naar_graden(233969, 556906), _rd_naar_graden(230169, 557987)]  # Brink, Kloosterveen
    testscript = BINNEN_BEELD % json.dumps(punten) + LAGENKNOP + f"""
        zet({json.dumps(PRINCIPES[0])});
        var sectie = document.querySelector('.ov-legenda [data-sectie="1"]');
        document.body.dataset.naUitzetten = JSON.stringify({{
            paden: tel('visiekaart_2040'), legenda: sectie.style.display,
            titel: sectie.querySelector('summary').textContent}});
        zet({json.dumps(PRINCIPES[0])});
        document.body.dataset.naAanzetten = tel('visiekaart_2040');
    """
    resultaat = _bewaar_en_open(kaarten.kaart_visiekaart(laagdata=laagdata), tmp_path, "visiekaart", testscript)
    klaar = _controleer_basis(resultaat)
    assert klaar["lagen"] == {"gemeentegrens": 1, "visiekaart_2040": len(elementen),
                              "focusgebieden": len(gebieden)}
    assert json.loads(resultaat.data("binnen-beeld")) == [True, True]
    uit = json.loads(resultaat.data("na-uitzetten"))
    assert uit == {"paden": len(elementen) - groen, "legenda": "none", "titel": PRINCIPES[0]}
    assert int(resultaat.data("na-aanzetten")) == len(elementen)
    for element in elementen["element"].unique():
        assert element in resultaat.dom, f"legendatekst ontbreekt: {element}"
    for principe in PRINCIPES:
        assert f"<span> {principe}</span>" in resultaat.dom, f"lagengroep ontbreekt: {principe}"


@pytest.mark.parametrize("naam", ["Binnenstad", "Havenkwartier", "Lariks", "Kloosterveen", "Assen-Zuid", "TRZ"])
def test_focusgebied_in_browser(tmp_path, naam, laagdata):
    gebied = laagdata["focusgebieden"].set_index("naam").geometry[naam]
    elementen = laagdata["visiekaart_2040"]
    in_de_buurt = elementen.intersects(gebied.buffer(kaarten.FOCUS_OMGEVING_M)).sum()
    midden = gebied.representative_point()
    resultaat = _bewaar_en_open(kaarten.kaart_focusgebied(naam, laagdata=laagdata), tmp_path, "focusgebied",
                                BINNEN_BEELD % json.dumps([_rd_naar_graden(midden.x, midden.y)]) + TEKSTEN)
    klaar = _controleer_basis(resultaat)
    assert in_de_buurt > 0
    assert klaar["lagen"] == {"gemeentegrens": 1, "visiekaart_2040": in_de_buurt, "focusgebieden": 1}
    assert json.loads(resultaat.data("binnen-beeld")) == [True]
    teksten = json.loads(resultaat.data("teksten"))
    for principe in ("Groene stad van het Noorden", "Dynamische hoofdstad", "Verbonden stad"):
        assert f"{naam} als onderdeel van {principe}" in teksten["lagenknop"]
    opgave = laagdata["focusgebieden"].set_index("naam")["opgave"][naam]
    assert any(opgave in popup for popup in teksten["popups"]), "opgave van het focusgebied niet in popup"


def test_hitte_met_raster_in_browser(tmp_path, laagdata):
    raster = maak_uhi_raster(tmp_path / "uhi.tif")
    testscript = """
        var schuif = document.querySelector('.ov-rasterlegenda input[type=range]');
        var beeld = document.querySelector('img.leaflet-image-layer');
        var voor = beeld.style.opacity;
        schuif.value = 25; schuif.dispatchEvent(new Event('input'));
        document.body.dataset.dekking = JSON.stringify([voor, beeld.style.opacity]);
        document.body.dataset.rasterlegenda = document.querySelector('.ov-rasterlegenda').textContent;
    """
    kaart = kaarten.kaart_hitte(raster, laagdata=laagdata, dekking=0.6)
    resultaat = _bewaar_en_open(kaart, tmp_path, "hitte", testscript)
    klaar = _controleer_basis(resultaat, legendas=2)
    assert klaar["afbeeldingen"] == 1
    assert klaar["lagen"] == {"gemeentegrens": 1, "wijken": 10, "hittestress": len(laagdata["hittestress"])}
    assert json.loads(resultaat.data("dekking")) == ["0.6", "0.25"]
    legenda = resultaat.data("rasterlegenda")
    assert "Hitte-eilandeffect (UHI)" in legenda and "20 °C" in legenda and "30 °C" in legenda


def test_hitte_zonder_raster_in_browser(tmp_path, laagdata):
    resultaat = _bewaar_en_open(kaarten.kaart_hitte(laagdata=laagdata), tmp_path, "hitte")
    klaar = _controleer_basis(resultaat)
    assert klaar["afbeeldingen"] == 0 and klaar["lagen"]["hittestress"] == len(laagdata["hittestress"])


def test_barrieres_met_tabel_in_browser(tmp_path, laagdata):
    tabel = pd.DataFrame({"statcode": ["WK010601", "WK010604", "WK010607"], "omrijfactor": [1.2, 1.8, 2.5]})
    testscript = """
        function kleuren(klasse, attribuut) {
            return Array.from(document.querySelectorAll('path.ov-' + klasse)).map(function (p) {
                return p.getAttribute(attribuut); });
        }
        document.body.dataset.kleuren = JSON.stringify({
            wijken: kleuren('wijken', 'fill'), groen: kleuren('groenstructuur', 'stroke')});
        document.body.dataset.legenda = document.querySelector('.ov-legenda').textContent;
    """
    resultaat = _bewaar_en_open(kaarten.kaart_barrieres(tabel, laagdata=laagdata), tmp_path, "barrieres", testscript)
    klaar = _controleer_basis(resultaat)
    groen = laagdata["groenstructuur"]
    assert klaar["lagen"] == {
        "gemeentegrens": 1, "wijken": 10, "groenstructuur": len(groen),
        "barrieregebieden": len(laagdata["barrieregebieden"]), "barrieres": len(laagdata["barrieres"]),
        "oversteken": len(laagdata["oversteken"])}
    kleuren = json.loads(resultaat.data("kleuren"))
    assert sorted(kleuren["wijken"]) == sorted(
        [GEEN_GEGEVENS_KLEUR] * 7 + [KLASSE_KLEUREN[0], KLASSE_KLEUREN[2], KLASSE_KLEUREN[-1]])
    assert kleuren["groen"].count(AFGESNEDEN_STIJL.lijn) == groen["afgesneden_door"].notna().sum() > 0
    legenda = resultaat.data("legenda")
    for tekst in ("Per wijk: omrijfactor", "geen gegevens", "Groen, afgesneden door een barrière",
                  "Infrastructuur of gebieden die een barrière vormen voor de stad", "Oversteken"):
        assert tekst in legenda


def test_toets_in_browser(tmp_path, laagdata):
    resultaten = voorbeeld_resultaten()
    met_geometrie = [b for r in resultaten for b in r.bevindingen if b.geometrie is not None]
    testscript = TEKSTEN + LAGENKNOP + """
        var voor = tel('groenstructuur');
        zet('Laag: Groenstructuur');
        document.body.dataset.groen = JSON.stringify([voor, tel('groenstructuur')]);
        var bevindingen = Array.from(document.querySelectorAll('path.ov-bevinding'));
        document.body.dataset.statuskleuren = JSON.stringify(bevindingen.map(function (p) {
            return p.getAttribute('stroke'); }));
    """
    resultaat = _bewaar_en_open(kaarten.kaart_toets(resultaten, laagdata=laagdata), tmp_path, "toets", testscript)
    klaar = _controleer_basis(resultaat)
    assert klaar["lagen"] == {"gemeentegrens": 1, "initiatief": 2, "bevinding": len(met_geometrie)}
    assert json.loads(resultaat.data("groen")) == [0, len(laagdata["groenstructuur"])]
    assert sorted(json.loads(resultaat.data("statuskleuren"))) == sorted(
        STATUS_KLEUREN[b.status] for b in met_geometrie)
    teksten = json.loads(resultaat.data("teksten"))
    gs1 = next(p for p in teksten["popups"] if "GS1 · Bestaand groen blijft" in p and "Toelichting" in p)
    for verwacht in ("Strijdig", "Het plan neemt 10.000 m² groen in", "Omgevingsvisie Assen 2021, §3.1A",
                     "overlap (m²)", "1.234,5", "Groene stad van het Noorden"):
        assert verwacht in gs1
    plan = next(p for p in teksten["popups"] if p.startswith("Initiatief") and "Stadsvilla" in p)
    assert "DS1 · Binnen de focusgebieden" in plan and "Oordeel" in plan and "Strijdig" in plan


# Veiligheid ---------------------------------------------------------------------------------

@pytest.fixture
def visiekaart_met_kwade_namen(tmp_path):
    """Een eigen visiekaartlaag (als bestand) waarin een legendatekst en een gebiedsnaam code
    bevatten; geeft de lagen met die vervanging."""
    eigen = lagen.huidige()["visiekaart_2040"]
    eigen.loc[0, "element"] = XSS
    eigen.loc[0, "gebied"] = XSS
    eigen.loc[1, "toelichting"] = XSS
    pad = tmp_path / "visiekaart_2040.geojson"
    eigen.to_file(pad, driver="GeoJSON")
    lagen.vervang_laag("visiekaart_2040", pad)
    yield lagen.huidige()
    lagen.herstel_lagen()


def _controleer_als_tekst(resultaat: Browserresultaat) -> dict:
    assert resultaat.console == [], resultaat.console
    assert resultaat.data("xss") is None, f"er draaide ingevoegde code: {resultaat.data('xss')}"
    teksten = json.loads(resultaat.data("teksten"))
    assert teksten["elementen"] == 0, "een naam werd HTML (script/img) in popup, tooltip of legenda"
    return teksten


def test_kwade_namen_in_visiekaart_blijven_tekst(tmp_path, visiekaart_met_kwade_namen):
    kaart = kaarten.kaart_visiekaart(laagdata=visiekaart_met_kwade_namen)
    resultaat = _bewaar_en_open(kaart, tmp_path, "visiekaart", TEKSTEN)
    teksten = _controleer_als_tekst(resultaat)
    assert XSS in teksten["legenda"]
    assert any(XSS in tip for tip in teksten["tooltips"])
    assert sum(XSS in popup for popup in teksten["popups"]) == 2  # gebied als titel, en als toelichting


def test_kwade_namen_in_toetskaart_blijven_tekst(tmp_path, laagdata):
    kaart = kaarten.kaart_toets(voorbeeld_resultaten(tekst=XSS)[:1], laagdata=laagdata)
    resultaat = _bewaar_en_open(kaart, tmp_path, "toets", TEKSTEN)
    teksten = _controleer_als_tekst(resultaat)
    assert XSS in teksten["titel"] and XSS in teksten["lagenknop"]
    assert any(XSS in tip for tip in teksten["tooltips"])
    gs1 = next(p for p in teksten["popups"] if "GS1 · Bestaand groen blijft" + XSS in p and "Toelichting" in p)
    assert "Het plan neemt 10.000 m² groen in" + XSS in gs1 and "groen" + XSS in gs1
    assert "<title>Toets: Stadsvilla's Vaart&lt;script&gt;document.body" in resultaat.dom


def test_chromium_ziet_scriptfouten(tmp_path, laagdata):
    """De test zelf moet kunnen falen: een kapotte kaart geeft een consolefout en geen klaarmelding."""
    pad = kaarten.bewaar_kaart(kaarten.kaart_focusgebied("TRZ", laagdata=laagdata), tmp_path / "kapot.html")
    pad.write_text(pad.read_text(encoding="utf-8").replace("L.geoJson(", "L.bestaatNiet(", 1), encoding="utf-8")
    resultaat = open_kaart(pad, tmp_path)
    assert any("Uncaught" in bericht for bericht in resultaat.console)
    with pytest.raises(AssertionError, match="meldde zich niet klaar"):
        resultaat.klaar
