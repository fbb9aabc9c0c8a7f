"""Hitte: de UHI-vergelijking van Theeuwes et al. (2017), het raster, vóór/na per plan en koele plekken."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest
import rasterio
import shapely
from click.testing import CliRunner
from affine import Affine
from shapely.geometry import box

from analysedata import CODE, punten, synthetisch
from omgevingsvisie import InvoerFout, lagen
from omgevingsvisie.analyse import hitte, koelte
from omgevingsvisie.analyse import landgebruik as lgm
from omgevingsvisie.analyse.gebieden import gewogen_aandeel, gewogen_mediaan
from omgevingsvisie.analyse.landgebruik import KLASSEN, landgebruik
from omgevingsvisie.analyse.parameters import laad_analyse_parameters
from omgevingsvisie.cli import main

# S = 241,2 / (1,2 · 1005) = 0,2 K·m/s; (0,2 · 10³ / 2)^¼ = 100^¼ = √10
METEO_WORTEL10 = hitte.Meteorologie(straling_w_m2=241.2, dtr_k=10.0, wind_m_s=2.0)
# S = 19,296 / 1206 = 0,016; (0,016 · 10³ / 1)^¼ = 16^¼ = 2
METEO_TWEE = hitte.Meteorologie(straling_w_m2=19.296, dtr_k=10.0, wind_m_s=1.0)


# ------------------------------------------------------------------ de vergelijking

@pytest.mark.parametrize(("svf", "f_veg", "meteo", "verwacht"), [
    (0.6, 0.2, METEO_WORTEL10, 1.2 * math.sqrt(10)),   # 3,7947 K
    (0.5, 0.0, METEO_TWEE, 3.0),                       # (2 − 0,5 − 0) · 2
    (1.0, 1.0, METEO_TWEE, 0.0),                       # landelijk referentiestation: geen UHI
    (0.0, 0.0, METEO_TWEE, 4.0),                       # het theoretische maximum: factor 2
])
def test_uhi_formule_bekende_antwoorden(svf, f_veg, meteo, verwacht):
    assert float(hitte.uhi_formule(svf, f_veg, meteo=meteo)) == pytest.approx(verwacht, abs=1e-9)


def test_s_en_temperatuureffect_met_de_hand():
    assert METEO_WORTEL10.s == pytest.approx(0.2)
    assert METEO_WORTEL10.temperatuureffect == pytest.approx(math.sqrt(10))
    # standaard hete zomerdag: S = 290/1206 = 0,24046; (0,24046 · 14³ / 1)^¼ = 659,83^¼ = 5,0683
    standaard = hitte.Meteorologie.standaard()
    assert standaard.s == pytest.approx(0.240464, abs=1e-6)
    assert standaard.temperatuureffect == pytest.approx(5.0683, abs=1e-4)


def test_meteorologie_is_te_overschrijven_en_wordt_gecontroleerd():
    assert hitte.Meteorologie.standaard(wind_m_s=2.0).wind_m_s == 2.0
    assert hitte.Meteorologie.standaard(wind_m_s=None).wind_m_s == 1.0  # None = standaard
    with pytest.raises(InvoerFout, match="windsnelheid moet groter dan 0"):
        hitte.Meteorologie(straling_w_m2=290, dtr_k=14, wind_m_s=0)
    with pytest.raises(InvoerFout, match="SVF moet tussen 0 en 1"):
        hitte.uhi_formule(1.2, 0.5, meteo=METEO_TWEE)


def test_meer_groen_en_meer_hemel_geeft_minder_uhi():
    f_veg = np.linspace(0, 1, 11)
    uhi = hitte.uhi_formule(0.7, f_veg, meteo=METEO_TWEE)
    assert np.all(np.diff(uhi) < 0)
    assert np.all(np.diff(hitte.uhi_formule(f_veg, 0.3, meteo=METEO_TWEE)) < 0)
    # sterkere wind en minder straling: minder UHI
    assert hitte.Meteorologie.standaard(wind_m_s=3).temperatuureffect < hitte.Meteorologie.standaard().temperatuureffect
    assert hitte.Meteorologie.standaard(straling_w_m2=100).temperatuureffect < hitte.Meteorologie.standaard().temperatuureffect


# ------------------------------------------------------------------ het venster

def test_venster_is_oneven_en_centreert():
    assert hitte.venster_cellen(700, 10) == 71
    assert hitte.venster_cellen(30, 10) == 3
    with pytest.raises(InvoerFout):
        hitte.venster_cellen(0, 10)


def test_venstergemiddelde_is_het_schuivende_gemiddelde():
    rng = np.random.default_rng(3)
    waarden = rng.random((23, 17))
    snel = hitte._venstergemiddelde(waarden, 5)
    opgevuld = np.pad(waarden, 2, mode="edge")  # rand herhaalt zich (mode='nearest')
    traag = np.array([[opgevuld[r:r + 5, k:k + 5].mean() for k in range(17)] for r in range(23)])
    np.testing.assert_allclose(snel, traag, atol=1e-12)


def test_uhi_van_een_parkcel_in_een_woonwijk_met_de_hand():
    # woongebied f_veg 0,40 / svf 0,75; park f_veg 0,80 / svf 1,0 (parameters.toml)
    lg = synthetisch(9, 9, vakken=[(40, 40, 50, 50, "park")])
    uhi = hitte.uhi_raster(lg, meteo=METEO_TWEE, venster_m=30)
    assert uhi.venster_m == 30
    # midden: venster 3×3 met 8 woon- en 1 parkcel
    f_veg, svf = (8 * 0.40 + 0.80) / 9, (8 * 0.75 + 1.0) / 9
    assert uhi.waarden[4, 4] == pytest.approx((2 - svf - f_veg) * 2, abs=1e-6)
    # ver van het park: (2 − 0,75 − 0,40) · 2 = 1,7
    assert uhi.waarden[0, 0] == pytest.approx(1.7, abs=1e-6)


# ------------------------------------------------------------------ het raster van de gemeente

@pytest.fixture(scope="module")
def gemeente_uhi():
    return hitte.uhi_raster(laagdata=lagen.huidige())


def test_raster_crs_resolutie_en_uitlijning(gemeente_uhi, tmp_path):
    pad = gemeente_uhi.schrijf(tmp_path / "uhi.tif", overschrijf=False)
    grens = lagen.laad_laag("gemeentegrens").total_bounds
    with rasterio.open(pad) as r:
        assert r.crs.to_epsg() == 28992
        assert r.res == (10.0, 10.0)
        links, onder, rechts, boven = r.bounds
        assert all(w % 10 == 0 for w in (links, onder, rechts, boven))
        assert links <= grens[0] < links + 10 and rechts - 10 < grens[2] <= rechts
        assert onder <= grens[1] < onder + 10 and boven - 10 < grens[3] <= boven
        assert r.units[0] == "°C" and r.tags()["venster_m"] == "710"
        waarden = r.read(1)
    hoek = shapely.points(links + 5, boven - 5)  # midden van de cel linksboven
    assert not lagen.laad_laag("gemeentegrens").union_all().contains(hoek) and np.isnan(waarden[0, 0])
    eindig = waarden[np.isfinite(waarden)]
    assert 0 <= eindig.min() and eindig.max() <= 2 * hitte.Meteorologie.standaard().temperatuureffect


def test_hittestressgebieden_warmer_dan_groenstructuur(gemeente_uhi):
    """'Done when' van issue 6: de gebieden van §2.7 zijn warmer dan de groenstructuur."""
    groen = gemeente_uhi.gemiddelde(lagen.laad_laag("groenstructuur").union_all())
    heet = lagen.laad_laag("hittestress")
    assert gemeente_uhi.gemiddelde(heet.union_all()) > groen + 2.0
    for naam, vlak in zip(heet["naam"], heet.geometry):
        assert gemeente_uhi.gemiddelde(vlak) > groen, naam


def test_raster_werkt_met_de_hittekaart(gemeente_uhi, tmp_path, laagdata):
    from omgevingsvisie.kaarten import kaart_hitte

    pad = gemeente_uhi.schrijf(tmp_path / "uhi.tif", overschrijf=False)
    html = kaart_hitte(pad, laagdata=laagdata).get_root().render()
    hoogste = f"{np.nanmax(gemeente_uhi.waarden):.2f}".replace(".", ",")
    assert "Hitte-eilandeffect" in html and f"{hoogste} \\u00b0C" in html  # legenda: maximum in °C


# ------------------------------------------------------------------ vóór en na per initiatief

def test_voor_na_neutraal_groenaandeel_met_de_hand():
    # plan in een uniforme woonwijk met svf na = svf voor (0,75): de UHI blijft gelijk bij
    # f_veg na = f_veg voor = 0,40, dus bij 40 % groen
    lg = synthetisch(60, 60, west=1000, zuid=2000)
    plan = box(1250, 2250, 1350, 2350)
    uit = hitte.uhi_voor_na(plan, 40.0, lg=lg, meteo=METEO_TWEE, svf_plan=0.75, venster_m=110, omgeving_m=50)
    assert uit["groen_pct_neutraal"] == pytest.approx(40.0, abs=1e-6)
    assert uit["verschil_plan_c"] == pytest.approx(0.0, abs=1e-9)
    assert uit["uhi_voor_plan_c"] == pytest.approx(1.7, abs=1e-9)  # (2 − 0,75 − 0,40) · 2
    assert uit["f_veg_voor_plan"] == pytest.approx(0.40) and uit["venster_m"] == 110


def test_meer_groen_in_het_plan_geeft_minder_uhi_in_en_rond_het_plan():
    lg = synthetisch(80, 80, vakken=[(0, 0, 800, 300, "bedrijventerrein")])
    plan = box(300, 300, 500, 500)
    uitkomsten = [hitte.uhi_voor_na(plan, g, lg=lg, venster_m=210, omgeving_m=100) for g in (0, 25, 50, 75, 100)]
    plan_na = [u["uhi_na_plan_c"] for u in uitkomsten]
    omgeving_na = [u["uhi_na_omgeving_c"] for u in uitkomsten]
    assert np.all(np.diff(plan_na) < 0) and np.all(np.diff(omgeving_na) < 0)
    assert uitkomsten[-1]["verschil_plan_c"] < 0 < uitkomsten[0]["verschil_plan_c"]
    assert uitkomsten[0]["max_stijging_c"] > 0 and uitkomsten[-1]["max_daling_c"] > 0


def test_voor_na_op_de_meegeleverde_lagen(laagdata):
    havenkwartier = lagen.laad_laag("woningbouwlocaties").set_index("naam").geometry["Havenkwartier"]
    weinig, veel = (hitte.uhi_voor_na(havenkwartier, g, laagdata=laagdata) for g in (10.0, 60.0))
    assert weinig["uhi_voor_plan_c"] == pytest.approx(veel["uhi_voor_plan_c"])
    assert veel["uhi_na_plan_c"] < weinig["uhi_na_plan_c"]
    assert 0 < veel["groen_pct_neutraal"] < 60
    assert veel["meteorologie"]["wind_m_s"] == 1.0 and "Theeuwes" in veel["bron"]


def test_voor_na_meldt_onjuiste_invoer():
    with pytest.raises(TypeError, match="laagdata"):
        hitte.uhi_voor_na(box(50, 50, 100, 100), 30)
    lg = synthetisch(20, 20)
    with pytest.raises(InvoerFout, match="groen_pct moet tussen 0 en 100"):
        hitte.uhi_voor_na(box(50, 50, 100, 100), 120, lg=lg)
    with pytest.raises(InvoerFout, match="buiten het rekengebied"):
        hitte.uhi_voor_na(box(5000, 5000, 5100, 5100), 30, lg=lg)


# ------------------------------------------------------------------ koele plekken

def test_koele_plekken_en_afstanden_met_de_hand():
    # plek A: 2 cellen = precies 200 m² (telt mee); plek B: 1 cel = 100 m² (te klein)
    lg = synthetisch(50, 50, vakken=[(100, 100, 120, 110, "park"), (400, 400, 410, 410, "bos")])
    plekken = koelte.koele_plekken(lg)
    assert list(plekken["oppervlakte_m2"]) == [200.0]
    woningen = punten([(100, 50), (405, 405), (110, 105), (420, 110)])
    afstand = koelte.afstand_koele_plek(woningen, plekken)
    # onder A; in B maar B telt niet: √(285² + 295²); in A; precies 300 m rechts van A
    np.testing.assert_allclose(afstand, [50.0, math.hypot(285, 295), 0.0, 300.0])
    assert gewogen_aandeel(afstand > 300, woningen["woningen"]) == 25.0
    assert len(koelte.koele_plekken(lg, min_oppervlakte_m2=100)) == 2


def test_afstandsraster_koele_plek():
    lg = synthetisch(30, 10, vakken=[(0, 0, 20, 10, "park")])
    afstand = koelte.afstand_koele_plek_raster(lg)
    # onderste rij: cellen 0–1 zijn de plek, cel 5 ligt 4 cellen (40 m) van cel 1
    assert afstand[9, 0] == 0 and afstand[9, 5] == pytest.approx(40.0)


def test_gewogen_mediaan():
    assert gewogen_mediaan([10, 20, 30], [1, 1, 1]) == 20
    assert gewogen_mediaan([10, 20, 30], [1, 1, 5]) == 30
    assert math.isnan(gewogen_mediaan([], []))


# ------------------------------------------------------------------ landgebruik

def test_landgebruik_uit_lagen(laagdata):
    lg = landgebruik(laagdata=laagdata)
    assert lg.rooster.resolutie == 10 and lg.rooster.west % 10 == 0 and lg.rooster.noord % 10 == 0
    asserbos = lg.rooster.cel(np.array([232891.0]), np.array([556622.0]))  # Rode Heklaan, ONTWERP §3
    assert KLASSEN[int(lg.klassen[asserbos[0][0], asserbos[1][0]])] == "bos"
    assert set(np.unique(lg.klassen)) <= set(KLASSEN)
    assert {"woongebied", "bedrijventerrein", "centrum", "park", "bos", "water"} <= {KLASSEN[c] for c in np.unique(lg.klassen)}


def test_eigen_landgebruiksraster_gaat_voor(tmp_path, laagdata):
    pad = tmp_path / "bgt.tif"
    waarden = np.full((10, 10), CODE["bos"], dtype=np.uint8)
    waarden[:, :5] = 0  # geen gegevens: daar blijft het afgeleide landgebruik
    with rasterio.open(pad, "w", driver="GTiff", width=10, height=10, count=1, dtype="uint8",
                       crs="EPSG:28992", transform=Affine(20, 0, 233000, 0, -20, 557400), nodata=0) as r:
        r.write(waarden, 1)
    afgeleid, eigen = landgebruik(laagdata=laagdata), landgebruik(laagdata=laagdata, raster=pad)
    rij, kol, _ = eigen.rooster.cel(np.array([233150.0, 233050.0]), np.array([557300.0, 557300.0]))
    assert eigen.klassen[rij[0], kol[0]] == CODE["bos"]
    assert eigen.klassen[rij[1], kol[1]] == afgeleid.klassen[rij[1], kol[1]]
    assert "bgt.tif" in eigen.herkomst
    lgm.vervang_landgebruik(pad, laagdata=laagdata)  # voortaan voor alle analyses, zoals vervang_laag
    try:
        assert landgebruik(laagdata=laagdata) is eigen  # uit de cache: hetzelfde raster, ongewijzigd
    finally:
        lgm.herstel_landgebruik()
    assert landgebruik(laagdata=laagdata).herkomst == "afgeleid uit de lagen"


def test_gewijzigd_bestand_van_een_vervangen_laag_geeft_nieuw_landgebruik(tmp_path):
    """De cache sleutelt op pad, wijzigingstijd en grootte van de vervangende laag, niet alleen op het pad."""
    groen = lagen.laad_laag("groenstructuur")
    pad = tmp_path / "groen.gpkg"
    groen.to_file(pad, layer="groenstructuur")
    lagen.vervang_laag("groenstructuur", pad)
    met_bos = landgebruik(laagdata=lagen.huidige())
    assert (met_bos.klassen == CODE["bos"]).any()
    groen[~groen["type"].isin({"bos", "landgoed"})].to_file(pad, layer="groenstructuur", mode="w")
    os.utime(pad, ns=(pad.stat().st_atime_ns, pad.stat().st_mtime_ns + 10**9))
    zonder_bos = landgebruik(laagdata=lagen.huidige())
    assert zonder_bos is not met_bos
    assert not (zonder_bos.klassen == CODE["bos"]).any()
    assert landgebruik(laagdata=lagen.huidige()) is zonder_bos  # ongewijzigd: uit de cache


@pytest.mark.parametrize(("codes", "crs", "melding"), [
    (42, "EPSG:28992", "onbekende klassecodes: 42"),
    (2, None, "geen coördinatenstelsel"),
])
def test_onjuist_landgebruiksraster(tmp_path, codes, crs, melding):
    pad = tmp_path / "fout.tif"
    with rasterio.open(pad, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs=crs,
                       transform=Affine(10, 0, 233000, 0, -10, 557400)) as r:
        r.write(np.full((4, 4), codes, dtype=np.uint8), 1)
    with pytest.raises(InvoerFout, match=melding):
        landgebruik(laagdata=lagen.huidige(), raster=pad)


def test_eigen_parameters_veranderen_de_uhi(tmp_path):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text('[klasse_woongebied]\nf_veg = 0.6\n[uhi]\nwind_m_s = 3.0\n', encoding="utf-8")
    p = laad_analyse_parameters(eigen)
    assert p("klasse_woongebied", "f_veg") == 0.6 and "eigen.toml" in p.parameter("uhi", "wind_m_s").bron
    lg_standaard, lg_eigen = synthetisch(5, 5), synthetisch(5, 5, parameters=p)
    meteo = hitte.Meteorologie.standaard(p)
    assert hitte.uhi_raster(lg_eigen, meteo=meteo, venster_m=30).waarden.max() < \
        hitte.uhi_raster(lg_standaard, venster_m=30).waarden.min()
    eigen.write_text('[uhi]\nonbekend = 1\n', encoding="utf-8")
    with pytest.raises(InvoerFout, match="onbekende parameter"):
        laad_analyse_parameters(eigen)


# ------------------------------------------------------------------ de opdrachtregel

def test_cli_hitte_schrijft_rasters_en_tabellen(tmp_path):
    import pandas as pd
    import pyogrio

    uit = tmp_path / "analyse"
    resultaat = CliRunner().invoke(main, ["analyse", "hitte", "--uitvoer", str(uit), "--wind", "2"])
    assert resultaat.exit_code == 0, resultaat.output
    assert {p.name for p in uit.iterdir()} == {"landgebruik.tif", "uhi.tif", "afstand_koele_plek.tif",
                                               "hitte_wijken.csv", "hitte_focusgebieden.csv", "hitte.gpkg"}
    wijken = pd.read_csv(uit / "hitte_wijken.csv")
    assert len(wijken) == 10 and {"uhi_gemiddeld_c", "koele_plek_te_ver_pct", "statcode"} <= set(wijken.columns)
    assert wijken["koele_plek_te_ver_pct"].between(0, 100).all()
    focus = pd.read_csv(uit / "hitte_focusgebieden.csv").set_index("naam")
    assert focus.loc["Havenkwartier", "uhi_gemiddeld_c"] > focus.loc["Kloosterveen", "uhi_gemiddeld_c"]
    assert {"wijken", "focusgebieden", "koele_plekken", "woningpunten"} <= {n for n, _ in pyogrio.list_layers(uit / "hitte.gpkg")}
    with rasterio.open(uit / "uhi.tif") as r:
        assert r.tags()["wind_m_s"] == "2"

    opnieuw = CliRunner().invoke(main, ["analyse", "hitte", "--uitvoer", str(uit)])
    assert opnieuw.exit_code == 2 and "Fout: Uitvoer bestaat al" in opnieuw.output


def test_cli_hitte_met_onjuist_raster_geeft_nette_fout(tmp_path):
    kapot = tmp_path / "kapot.tif"
    kapot.write_text("geen raster", encoding="utf-8")
    resultaat = CliRunner().invoke(main, ["analyse", "hitte", "--uitvoer", str(tmp_path / "uit"),
                                          "--landgebruik", str(kapot)])
    assert resultaat.exit_code == 2
    assert "Fout:" in resultaat.output and "geen leesbaar raster" in resultaat.output
    assert "Traceback" not in resultaat.output and not (tmp_path / "uit").exists()



def test_klassentabel_in_de_documentatie_klopt_met_de_parameters():
    """docs/analyse_hitte_groen.md noemt per klasse dezelfde eigenschappen als parameters.toml."""
    from pathlib import Path

    tekst = (Path(__file__).parents[1] / "docs" / "analyse_hitte_groen.md").read_text(encoding="utf-8")
    p = laad_analyse_parameters()
    gevonden = set()
    for regel in tekst.splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if len(cellen) == 8 and cellen[0].isdigit():
            code, naam = int(cellen[0]), cellen[1]
            assert KLASSEN[code] == naam
            getallen = [float(c.replace(",", ".")) for c in cellen[3:6]]
            assert getallen == [p(f"klasse_{naam}", e) for e in ("f_veg", "svf", "verhard")], naam
            assert [c == "ja" for c in cellen[6:8]] == [p(f"klasse_{naam}", e) for e in ("groen", "wonen")], naam
            gevonden.add(code)
    assert gevonden == set(KLASSEN)
