"""De kaarten zonder browser: offline HTML, escaping, vereenvoudiging, opslaan, fouten, CLI.

Wat de browser ervan maakt, testen ``test_kaarten_browser.py`` (echte headless Chromium).
"""

from __future__ import annotations

import inspect
import re

import folium
import geopandas as gpd
import lxml.html
import pandas as pd
import pytest
import shapely
from click.testing import CliRunner
from pyproj import Transformer
from markupsafe import Markup
from shapely.geometry import Point, Polygon

from kaartdata import XSS, maak_uhi_raster, voorbeeld_resultaten
from omgevingsvisie import BestandOntbreekt, InvoerFout, UitvoerBestaat, kaarten
from omgevingsvisie.kaarten.basis import leaflet_bestanden, nieuwe_kaart, render_kaart, tekst
from omgevingsvisie.kaarten.elementen import (
    Legenda,
    LegendaItem,
    LegendaSectie,
    popup_html,
    teken_laag,
    veldnaam,
    waarde_tekst,
)
from omgevingsvisie.kaarten.raster import lees_raster
from omgevingsvisie.cli import main
from omgevingsvisie.stijl import HITTE_KLEUREN, LAAG_STIJLEN

def _leesbaar(html: str) -> str:
    """HTML met de ``\\uXXXX``-tekens uit folium's JSON weer als gewone tekens."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)


KAARTEN = {
    "visiekaart": lambda data: kaarten.kaart_visiekaart(laagdata=data),
    "focusgebied": lambda data: kaarten.kaart_focusgebied("Havenkwartier", laagdata=data),
    "hitte": lambda data: kaarten.kaart_hitte(laagdata=data),
    "barrieres": lambda data: kaarten.kaart_barrieres(laagdata=data),
    "toets": lambda data: kaarten.kaart_toets(voorbeeld_resultaten(), laagdata=data),
}


@pytest.mark.parametrize("naam", KAARTEN)
def test_html_is_zelfstandig_zonder_cdn(naam, laagdata):
    html = kaarten.render_kaart(KAARTEN[naam](laagdata))
    document = lxml.html.fromstring(html)
    assert document.xpath("//script[@src]") == [], "scripts moeten inline staan"
    assert document.xpath("//link[@href]") == [], "stylesheets moeten inline staan"
    assert not re.search(r"cdn\.jsdelivr|cdnjs|code\.jquery|bootstrapcdn|unpkg|awesome-markers", html)
    js, css = leaflet_bestanden()
    assert js in html and css in html
    assert "url(images/" not in html and "sourceMappingURL" not in html
    # buiten Leaflet zelf zijn de enige adressen de PDOK-achtergronden (alleen met internet)
    zonder_leaflet = html.replace(js, "").replace(css, "")
    assert {m.split("/")[2] for m in re.findall(r"https?://[^\s\"'<>)]+", zonder_leaflet)} == {"service.pdok.nl"}
    assert document.get("lang") == "nl"


def test_achtergronden_pdok_met_attributie(laagdata):
    html = kaarten.render_kaart(kaarten.kaart_visiekaart(laagdata=laagdata))
    assert "service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png" in html
    assert "service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png" in html
    assert "service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg" in html
    assert "Kadaster (PDOK)" in html and "Beeldmateriaal Nederland" in html
    assert html.count('"errorTileUrl": "data:image/gif;base64,') == 3


def test_visiekaart_hoogstens_3_mb_ook_zonder_vereenvoudiging(laagdata):
    html = kaarten.render_kaart(kaarten.kaart_visiekaart(laagdata=laagdata, tolerantie=0))
    assert len(html.encode()) <= 3 * 1024 * 1024


def test_vereenvoudiging_in_rd_meters_alleen_voor_weergave(laagdata):
    # een vierkant van 100 m met een uitstulping van 3 m halverwege de bovenzijde
    vlak = Polygon([(233000, 556000), (233100, 556000), (233100, 556100), (233050, 556103), (233000, 556100)])
    gdf = gpd.GeoDataFrame({"naam": ["proef"]}, geometry=[vlak], crs="EPSG:28992")
    kopie = gdf.copy()

    def aantal_punten(tolerantie: float) -> int:
        laag = teken_laag(folium.Map(), gdf, laag="proef", stijl=LAAG_STIJLEN["groenstructuur"],
                          tolerantie=tolerantie)
        return len(laag.data["features"][0]["geometry"]["coordinates"][0])

    assert aantal_punten(1) == 6  # uitstulping (3 m) blijft bij 1 m tolerantie
    assert aantal_punten(5) == 5  # en verdwijnt bij 5 m: meters in RD, niet graden
    assert gdf.geometry.geom_equals_exact(kopie.geometry, tolerance=0).all(), "invoer mag niet veranderen"
    groot = len(kaarten.render_kaart(kaarten.kaart_barrieres(laagdata=laagdata, tolerantie=0)))
    klein = len(kaarten.render_kaart(kaarten.kaart_barrieres(laagdata=laagdata, tolerantie=100)))
    assert klein < groot
    with pytest.raises(ValueError):
        teken_laag(folium.Map(), gdf, laag="proef", stijl=LAAG_STIJLEN["groenstructuur"], tolerantie=-1)


def test_weergave_in_graden_uit_rd():
    brink = gpd.GeoDataFrame({"naam": ["Brink"]}, geometry=[Point(233969, 556906)], crs="EPSG:28992")
    laag = teken_laag(folium.Map(), brink, laag="punt", stijl=LAAG_STIJLEN["wijkcentra"])
    lon, lat = laag.data["features"][0]["geometry"]["coordinates"]
    verwacht = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True).transform(233969, 556906)
    assert (lon, lat) == pytest.approx(verwacht, abs=1e-6)
    assert 6.5 < lon < 6.6 and 52.9 < lat < 53.1


def test_geojson_van_de_kaart_bevat_alleen_geescapete_tekst():
    laag = teken_laag(folium.Map(), gpd.GeoDataFrame({"naam": [XSS]}, geometry=[Point(233969, 556906)],
                                                     crs="EPSG:28992"),
                      laag="punt", stijl=LAAG_STIJLEN["wijkcentra"], tooltip=lambda r: r["naam"],
                      popup=lambda r: popup_html(r["naam"], [("Naam", r["naam"])]))
    eigenschappen = laag.data["features"][0]["properties"]
    assert set(eigenschappen) == {"_opp", "_popup", "_tip"}
    for waarde in (eigenschappen["_popup"], eigenschappen["_tip"]):
        assert "<script" not in waarde and "<img" not in waarde and "{{" not in waarde and "{%" not in waarde
    assert eigenschappen["_tip"] == tekst(XSS)


def test_tekst_escapet_ook_sjabloontekens(laagdata):
    assert tekst('<a href="x">{{ 7*7 }}</a>') == (
        "&lt;a href=&quot;x&quot;&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/a&gt;")
    assert tekst(None) == ""
    html = _leesbaar(kaarten.render_kaart(kaarten.kaart_toets(voorbeeld_resultaten(tekst=XSS), laagdata=laagdata)))
    assert "Bestaand groen blijft&lt;script&gt;" in html
    assert "&#123;&#123; 7*7 &#125;&#125; &#123;% raw %&#125;" in html  # niet uitgerekend door Jinja


def test_sjablonen_escapen_als_tekst_ook_accolades():
    popup = popup_html(XSS, [(XSS, XSS), ("leeg", None)], kop=XSS, extra=XSS)
    assert isinstance(popup, Markup)
    assert popup.count(tekst(XSS)) == 5  # kop, titel, label, waarde en extra (gewone tekst)
    assert "<script" not in popup and "<img" not in popup and "{{" not in popup and "{%" not in popup
    assert "leeg" not in popup
    binnen = popup_html("a", [("b", 1)])
    assert binnen == '<div class="ov-popup"><h4>a</h4><table><tr><th>b</th><td>1</td></tr></table></div>'
    assert str(popup_html("c", [], extra=binnen)).endswith(str(binnen) + "</div>")  # een fragment niet dubbel
    sectie = LegendaSectie(XSS, [LegendaItem(XSS, LAAG_STIJLEN["groenstructuur"])], uitleg=XSS, open=False)
    legenda = Legenda([sectie], titel=XSS)
    assert legenda.inhoud.count(tekst(XSS)) == 4 and "{{" not in legenda.inhoud
    assert legenda.inhoud.startswith(f"<strong>{tekst(XSS)}</strong><details data-sectie=\"0\"><summary>")
    html = _leesbaar(render_kaart(nieuwe_kaart(titel=XSS, ondertitel=XSS)))
    assert f'<div class="ov-titel"><h1>{tekst(XSS)}</h1><p>{tekst(XSS)}</p></div>' in html
    assert "49" not in html.replace(leaflet_bestanden()[0], "")


def test_waarden_als_nederlandse_tekst():
    assert waarde_tekst(1234.5) == "1.234,5"
    assert waarde_tekst(75000) == "75.000"
    assert waarde_tekst(0.126) == "0,13"
    assert waarde_tekst(True) == "ja"
    assert waarde_tekst(float("nan")) == "–"
    assert waarde_tekst(["Binnenstad", "Lariks"]) == "Binnenstad, Lariks"
    assert veldnaam("oppervlakte_m2") == "oppervlakte (m²)"
    assert veldnaam("afstand_m") == "afstand (m)"
    assert veldnaam("groen_pct") == "groen (%)"


def test_bewaar_kaart_atomair_en_zonder_overschrijven(tmp_path, laagdata):
    pad = tmp_path / "kaart.html"
    kaart = kaarten.kaart_focusgebied("TRZ", laagdata=laagdata)
    assert kaarten.bewaar_kaart(kaart, pad) == pad
    eerst = pad.read_text(encoding="utf-8")
    assert eerst.startswith("<!DOCTYPE html>")
    with pytest.raises(UitvoerBestaat):
        kaarten.bewaar_kaart(kaarten.kaart_focusgebied("Lariks", laagdata=laagdata), pad)
    assert pad.read_text(encoding="utf-8") == eerst
    kaarten.bewaar_kaart(kaarten.kaart_focusgebied("Lariks", laagdata=laagdata), pad, overschrijf=True)
    assert "Focusgebied Lariks" in pad.read_text(encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"\.html"):
        kaarten.bewaar_kaart(kaart, tmp_path / "kaart.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaart.html"]


def test_focusgebied_naam_zonder_hoofdlettergevoeligheid(laagdata):
    kaart = kaarten.kaart_focusgebied(" assen-zuid ", laagdata=laagdata)
    assert "Focusgebied Assen-Zuid" in kaarten.render_kaart(kaart)
    with pytest.raises(InvoerFout, match="Onbekend focusgebied 'Centrum'. Kies uit: Binnenstad, Havenkwartier"):
        kaarten.kaart_focusgebied("Centrum", laagdata=laagdata)


def test_hitte_raster_fouten(tmp_path, laagdata):
    with pytest.raises(BestandOntbreekt):
        kaarten.kaart_hitte(tmp_path / "bestaat_niet.tif", laagdata=laagdata)
    with pytest.raises(InvoerFout, match="geen coördinatenstelsel"):
        kaarten.kaart_hitte(maak_uhi_raster(tmp_path / "zonder_crs.tif", crs=None), laagdata=laagdata)
    (tmp_path / "kapot.tif").write_text("geen raster")
    with pytest.raises(InvoerFout, match="geen leesbaar raster"):
        kaarten.kaart_hitte(tmp_path / "kapot.tif", laagdata=laagdata)
    with pytest.raises(InvoerFout, match="Dekking"):
        kaarten.kaart_hitte(laagdata=laagdata, dekking=2)


def test_hitte_raster_als_afbeelding_in_de_kaart(tmp_path, laagdata):
    kaart = kaarten.kaart_hitte(maak_uhi_raster(tmp_path / "uhi.tif"), laagdata=laagdata)
    html = _leesbaar(kaarten.render_kaart(kaart))
    assert html.count("L.imageOverlay(") == 1
    assert '"data:image/png;base64,' in html
    assert "20 °C" in html and "30 °C" in html


def test_raster_naar_web_mercator_met_doorzichtige_nodata(tmp_path):
    beeld = lees_raster(maak_uhi_raster(tmp_path / "uhi.tif"), kleuren=HITTE_KLEUREN, max_pixels=16)
    assert max(beeld.rgba.shape[:2]) == 16 and beeld.rgba.dtype == "uint8"
    assert (beeld.rgba[..., 3] == 0).any() and (beeld.rgba[..., 3] == 255).mean() > 0.8
    assert (beeld.minimum, beeld.maximum, beeld.eenheid) == (20.0, 30.0, "°C")
    (zuid, west), (noord, oost) = beeld.grenzen
    naar_graden = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    for x, y in [(230000, 555000), (236000, 560000), (233000, 557500)]:  # hoeken en midden (RD)
        lon, lat = naar_graden.transform(x, y)
        assert west - 1e-3 < lon < oost + 1e-3 and zuid - 1e-3 < lat < noord + 1e-3
    # koel (geel) linksboven, heet (donkerrood) rechtsonder
    assert tuple(beeld.rgba[-2, -2, :3]) != tuple(beeld.rgba[1, 1, :3])
    assert beeld.rgba[-2, -2, 1] < beeld.rgba[1, 1, 1]


def test_barrieres_tabel_per_wijk(tmp_path, laagdata):
    csv = tmp_path / "omrijden.csv"
    pd.DataFrame({"naam": ["Lariks", "Pittelo"], "omrijfactor": [1.4, 2.1], "opmerking": ["a", "b"]}).to_csv(
        csv, index=False)
    html = _leesbaar(kaarten.render_kaart(kaarten.kaart_barrieres(csv, laagdata=laagdata, kolom="omrijfactor")))
    assert "Per wijk: omrijfactor" in html and "1,4 – 1,54" in html
    with pytest.raises(InvoerFout, match="Onbekende wijken in de tabel \\(kolom 'statcode'\\): WK999999"):
        kaarten.kaart_barrieres(pd.DataFrame({"statcode": ["WK010601", "WK999999"], "x": [1, 2]}), laagdata=laagdata)
    with pytest.raises(InvoerFout, match="'statcode'.*'naam'"):
        kaarten.kaart_barrieres(pd.DataFrame({"wijk": ["Lariks"], "x": [1]}), laagdata=laagdata)
    with pytest.raises(InvoerFout, match="geen kolom met getallen"):
        kaarten.kaart_barrieres(pd.DataFrame({"naam": ["Lariks"], "x": ["veel"]}), laagdata=laagdata)
    with pytest.raises(InvoerFout, match="Kolom 'y' staat niet in de tabel"):
        kaarten.kaart_barrieres(pd.DataFrame({"naam": ["Lariks"], "x": [1]}), laagdata=laagdata, kolom="y")
    with pytest.raises(BestandOntbreekt):
        kaarten.kaart_barrieres(tmp_path / "weg.csv", laagdata=laagdata)


def test_toets_zonder_resultaten(laagdata):
    with pytest.raises(InvoerFout, match="Geen toetsresultaten"):
        kaarten.kaart_toets([], laagdata=laagdata)


def test_toets_gebruikte_lagen_en_bevindingen_in_de_kaart(laagdata):
    html = _leesbaar(kaarten.render_kaart(kaarten.kaart_toets(voorbeeld_resultaten(), laagdata=laagdata)))
    for laag in ("Groenstructuur", "Focusgebieden", "Wijkcentra", "Geluidszone"):
        assert re.search(rf'"Laag: [^"]*{laag}', html, re.IGNORECASE), laag
    assert "Gebruikt door: GS1, GS2" in html
    assert "Toets van 2 initiatieven" in html


def test_analyse_lagen_blijven_onvereenvoudigd(laagdata):
    voor = laagdata["groenstructuur"]
    kaarten.kaart_barrieres(laagdata=laagdata, tolerantie=500)
    na = laagdata["groenstructuur"]
    assert shapely.get_num_coordinates(na.geometry.values).sum() == \
        shapely.get_num_coordinates(voor.geometry.values).sum()


# ---------------------------------------------------------------- lagen van de aanroeper

def test_kaart_tekent_de_meegegeven_lagen_niet_het_register(laagdata):
    eigen = gpd.GeoDataFrame({"naam": ["Proefgebied"], "opgave": ["Alleen in deze test."], "paragraaf": ["§0"]},
                             geometry=[Polygon([(233800, 556700), (234100, 556700), (234100, 556950)])],
                             crs="EPSG:28992")
    kaart = kaarten.kaart_focusgebied("proefgebied", laagdata=laagdata.met({"focusgebieden": eigen}))
    html = _leesbaar(kaarten.render_kaart(kaart))
    assert "Focusgebied Proefgebied" in html and "Alleen in deze test." in html
    with pytest.raises(InvoerFout, match="Onbekend focusgebied 'Proefgebied'"):
        kaarten.kaart_focusgebied("Proefgebied", laagdata=laagdata)


def test_toetskaart_met_een_gewone_dict_als_laagdata(laagdata, maak_resultaat):
    resultaat = maak_resultaat()  # één bevinding die de laag focusgebieden gebruikte
    gewoon = {naam: laagdata[naam] for naam in ("gemeentegrens", "focusgebieden")}
    html = _leesbaar(kaarten.render_kaart(kaarten.kaart_toets([resultaat], laagdata=gewoon)))
    assert '"Laag: Focusgebieden van de Omgevingsvisie (§3.4)"' in html  # titel uit de catalogus
    met_metadata = _leesbaar(kaarten.render_kaart(kaarten.kaart_toets([resultaat], laagdata=laagdata)))
    assert f'"Laag: {laagdata.metadata("focusgebieden")["titel"]}"' in met_metadata
    with pytest.raises(InvoerFout, match="laag 'focusgebieden' nodig.*wel: gemeentegrens"):
        kaarten.kaart_toets([resultaat], laagdata={"gemeentegrens": laagdata["gemeentegrens"]})


def test_kaarten_vragen_laagdata_verplicht_en_als_keyword():
    """Het register lezen de kaarten niet (tests/test_architectuur.py); de lagen komen altijd mee."""
    for naam in (n for n in kaarten.__all__ if n.startswith("kaart_")):
        parameter = inspect.signature(getattr(kaarten, naam)).parameters["laagdata"]
        assert parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty, naam
    with pytest.raises(TypeError, match="laagdata"):
        kaarten.kaart_visiekaart()


# ---------------------------------------------------------------- command line

@pytest.mark.parametrize("commando", [["visiekaart"], ["focusgebied", "lariks"], ["hitte"], ["barrieres"]])
def test_cli_kaart_schrijft_en_weigert_overschrijven(tmp_path, commando):
    runner, pad = CliRunner(), tmp_path / "uit" / "kaart.html"
    resultaat = runner.invoke(main, ["kaart", *commando, "--uitvoer", str(pad)])
    assert resultaat.exit_code == 0, resultaat.output
    assert f"Kaart geschreven: {pad}" in resultaat.output
    assert pad.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    opnieuw = runner.invoke(main, ["kaart", *commando, "--uitvoer", str(pad)])
    assert opnieuw.exit_code == 2
    assert "Fout: Uitvoer bestaat al; gebruik --overschrijf" in opnieuw.output
    assert runner.invoke(main, ["kaart", *commando, "--uitvoer", str(pad), "--overschrijf"]).exit_code == 0


def test_cli_kaart_hulp_en_fouten(tmp_path):
    runner = CliRunner()
    for commando in ([], ["visiekaart"], ["focusgebied"], ["hitte"], ["barrieres"]):
        hulp = runner.invoke(main, ["kaart", *commando, "--help"])
        assert hulp.exit_code == 0 and "$ omgevingsvisie kaart" in hulp.output
    onbekend = runner.invoke(main, ["kaart", "focusgebied", "Nergens", "--uitvoer", str(tmp_path / "n.html")])
    assert onbekend.exit_code == 2 and "Fout: Onbekend focusgebied 'Nergens'" in onbekend.output
    assert not (tmp_path / "n.html").exists()
    raster = maak_uhi_raster(tmp_path / "uhi.tif")
    met_raster = runner.invoke(main, ["kaart", "hitte", "--raster", str(raster), "--dekking", "0.5",
                                      "--uitvoer", str(tmp_path / "h.html")])
    assert met_raster.exit_code == 0, met_raster.output
    assert "L.imageOverlay(" in (tmp_path / "h.html").read_text(encoding="utf-8")
    los = runner.invoke(main, ["kaart", "barrieres", "--kolom", "x", "--uitvoer", str(tmp_path / "b.html")])
    assert los.exit_code == 2 and "Fout: --kolom hoort bij --tabel" in los.output
