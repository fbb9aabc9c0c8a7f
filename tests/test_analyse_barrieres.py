"""Barrières en omrijfactoren (issue 7): synthetische gevallen met handberekende antwoorden en de meegeleverde lagen.

De handberekeningen gaan uit van rechte lijnen via het midden van de oversteek. Het raster
(zestien richtingen, doorgangen van drie cellen) wijkt daar hooguit enkele procenten van af
(docs/analyse_barrieres.md); de toleranties zijn daarop gekozen en veel kleiner dan het
verschil tussen de alternatieven die elk geval onderscheidt.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from click.testing import CliRunner
from shapely.geometry import LineString, Point, box

from omgevingsvisie import laad_laag
from omgevingsvisie.analyse import barrieres
from omgevingsvisie.analyse.barrieres_oversteek import omrijfactor_voor_na
from omgevingsvisie.analyse.routeraster import Oversteek, Routeraster
from omgevingsvisie.cli import main

DOMEIN = box(0, 0, 2000, 1000)
RIVIER = LineString([(0, 500), (2000, 500)])
CEL = 10.0
TOLERANTIE = 0.03  # relatief: rasterfout ≤ 2,7 % (zestien richtingen) plus de breedte van een doorgang


def factor(raster: Routeraster, van: tuple[float, float], naar) -> float:
    route, hemelsbreed = raster.afstanden([van[0]], [van[1]], raster.doelcellen(naar))
    return float(raster.omrijfactor(route, hemelsbreed)[0])


def rivier(*oversteken: Oversteek, **kwargs) -> Routeraster:
    return Routeraster(domein=DOMEIN, barrieres={"rivier": RIVIER}, oversteken=list(oversteken), celgrootte_m=CEL,
                       **kwargs)


# ------------------------------------------------------------------ synthetisch, met de hand uitgerekend

def test_rivier_met_een_brug():
    # (500, 400) -> brug (1500, 500) -> (500, 600): 2 × √(1000² + 100²) = 2010 m; hemelsbreed 200 m
    raster = rivier(Oversteek(Point(1500, 500), "rivier", "brug"))
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200, rel=TOLERANTIE)


def test_rivier_met_twee_bruggen_neemt_de_dichtstbijzijnde():
    # via de brug op x = 800: 2 × √(300² + 100²) = 632 m -> 3,16; via x = 1500 zou het 10,05 zijn
    raster = rivier(Oversteek(Point(1500, 500), "rivier"), Oversteek(Point(800, 500), "rivier"))
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(300, 100) / 200, rel=TOLERANTIE)


def test_punt_al_aan_de_goede_kant_heeft_omrijfactor_1():
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    assert factor(raster, (500, 600), Point(900, 800)) == pytest.approx(1.0, abs=1e-9)
    assert factor(raster, (500, 600), box(800, 750, 1000, 950)) == pytest.approx(1.0, abs=1e-9)


def test_rivier_zonder_brug_is_onbereikbaar_ook_schuin():
    for hoek in (0, 7, 23, 45, 62):
        helling = math.tan(math.radians(hoek))
        schuin = LineString([(-10, 500 - 1010 * helling), (2010, 500 + 1010 * helling)])
        raster = Routeraster(domein=DOMEIN, barrieres={"rivier": schuin}, celgrootte_m=CEL)
        route, _ = raster.afstanden([1000], [900], raster.doelcellen(Point(1000, 100)))
        assert np.isinf(route[0]), f"route door een rivier onder {hoek}° zonder brug"


def test_barrieregebied_met_een_poort():
    # Gebied over de hele breedte (y 400–600); poort in het midden op x = 1500: de kortste koorde
    # is verticaal (200 m). (500, 200) -> (1500, 400) -> (1500, 600) -> (500, 800).
    gebied = box(-10, 400, 2010, 600)
    zonder = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL)
    route, _ = zonder.afstanden([500], [200], zonder.doelcellen(Point(500, 800)))
    assert np.isinf(route[0])
    met = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL,
                      oversteken=[Oversteek(Point(1500, 500), "werkgebied", "poort")])
    verwacht = (2 * math.hypot(1000, 200) + 200) / 600
    assert factor(met, (500, 200), Point(500, 800)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_langs_de_rand_van_een_barrieregebied_mag():
    # Een blok midden in het veld: de route gaat er langs (over de rand), niet doorheen.
    gebied = box(900, 300, 1100, 700)
    raster = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL)
    # (500, 500) -> hoek (900, 700) -> hoek (1100, 700) -> (1500, 500)
    verwacht = (math.hypot(400, 200) + 200 + math.hypot(400, 200)) / 1000
    assert factor(raster, (500, 500), Point(1500, 500)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_brug_in_een_barrieregebied_loopt_door_naar_de_rand():
    # Rivier door een werkgebied (x 1000–2000, y 300–700); de brug op x = 1500 ligt erin. De doorgang
    # loopt langs de kortste weg naar de rand: recht naar boven en beneden (200 m).
    gebied = box(1000, 300, 2010, 700)
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": RIVIER}, gebieden={"werkgebied": gebied},
                         oversteken=[Oversteek(Point(1500, 500), "rivier", "brug")], celgrootte_m=CEL)
    verwacht = (2 * math.hypot(1000, 200) + 400) / 200
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_oversteek_opent_alleen_haar_eigen_barriere():
    # Twee barrières kruisen elkaar; een oversteek van de weg óp het kruispunt opent het spoor niet.
    weg = LineString([(0, 500), (2000, 500)])
    spoor = LineString([(1000, -10), (1000, 1010)])
    raster = Routeraster(domein=DOMEIN, barrieres={"weg": weg, "spoor": spoor}, celgrootte_m=CEL,
                         oversteken=[Oversteek(Point(1000, 500), "weg", "kruispunt")])
    noordwest = raster.doelcellen(Point(500, 800))
    route, _ = raster.afstanden([500, 1500], [200, 200], noordwest)
    assert np.isfinite(route[0])  # zuidwest -> noordwest: over de weg bij het kruispunt
    assert np.isinf(route[1])  # zuidoost -> noordwest: het spoor blijft dicht


def test_lijn_die_in_het_gebied_eindigt_kan_worden_omgelopen_en_aan_de_rand_niet():
    kort = LineString([(0, 500), (1500, 500)])  # eindigt midden in het gebied
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": kort}, celgrootte_m=CEL)
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200,
                                                                       rel=TOLERANTIE)
    bijna = LineString([(3, 500), (1997, 500)])  # stopt 3 m voor de rand: wordt doorgetrokken
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": bijna}, celgrootte_m=CEL)
    route, _ = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
    assert np.isinf(route[0])


def test_oversteek_ver_van_haar_barriere_telt_niet_en_wordt_gemeld():
    raster = rivier(Oversteek(Point(1500, 800), "rivier", "Verre brug"), tolerantie_m=25)
    route, _ = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
    assert np.isinf(route[0])
    assert any("Verre brug" in w and "300 m" in w for w in raster.waarschuwingen)


def test_nieuwe_verbinding_als_lijn():
    raster = rivier()
    na = raster.met_oversteken([Oversteek(LineString([(1500, 300), (1500, 700)]))])
    assert np.isinf(raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))[0][0])
    assert factor(na, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200, rel=TOLERANTIE)
    assert factor(na, (1500, 100), Point(1500, 900)) == pytest.approx(1.0, abs=1e-9)


def test_omrijfactoren_per_punt_met_eigen_raster():
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    doelen = {"noord": raster.doelcellen(Point(500, 600))}
    uit = barrieres.omrijfactoren(np.array([[500, 400], [500, 900]]), raster=raster, doelen=doelen)
    assert list(uit.columns) == ["omrijfactor_noord", "route_noord_m", "hemelsbreed_noord_m"]
    assert uit["omrijfactor_noord"].iloc[0] == pytest.approx(10.05, rel=TOLERANTIE)
    assert uit["omrijfactor_noord"].iloc[1] == pytest.approx(1.0)


# ------------------------------------------------------------------ de meegeleverde lagen

BUITEN_DE_RING = ["Kloosterveen", "Marsdijk", "Peelo", "Pittelo"]
BINNEN_DE_RING = ["Centrum", "Lariks", "Noorderpark", "Assen-West", "Assen-Oost"]


@pytest.fixture(scope="module")
def uitkomst() -> barrieres.Uitkomst:
    return barrieres.omrijfactoren_per_wijk()


def test_tabel_per_wijk(uitkomst):
    tabel = uitkomst.tabel
    assert sorted(tabel["naam"]) == sorted(laad_laag("wijken")["naam"])
    factoren = tabel.filter(like="omrijfactor_")
    assert list(factoren.columns) == [f"omrijfactor_{b}" for b in barrieres.BESTEMMINGEN]
    assert (factoren >= 1).all().all() and np.isfinite(factoren.to_numpy()).all()
    assert set(tabel["ingesloten"]) <= {"ja", "nee"}
    assert (tabel["woningpunten"] > 0).all()
    assert not uitkomst.waarschuwingen  # alle meegeleverde oversteken liggen op hun barrière


def test_woningen_buiten_de_europaweg_rijden_meer_om_naar_het_publiekshart(uitkomst):
    """§2.10: 'wijken buiten de Europaweg, het buitengebied en de binnenstad liggen ... geïsoleerd'."""
    punten = uitkomst.punten[uitkomst.punten["wijk"] != "Buitengebied"].reset_index(drop=True)
    europaweg = laad_laag("barrieres").set_index("naam").geometry["Europaweg"]
    ring = shapely.Polygon(list(europaweg.coords))  # de ring, aan de oostkant gesloten
    binnen = shapely.contains_xy(ring, punten.geometry.x, punten.geometry.y)
    per_punt = barrieres.omrijfactoren(punten)
    gewicht = punten["woningen"].to_numpy()

    def som(masker):
        return barrieres.samenvatting(per_punt[masker], gewicht[masker], "publiekshart")[0]

    assert som(~binnen) > som(binnen) + 0.05
    tabel = uitkomst.tabel.set_index("naam")
    gewogen = {groep: np.average(tabel.loc[wijken, "omrijfactor_publiekshart"], weights=tabel.loc[wijken, "woningen"])
               for groep, wijken in (("buiten", BUITEN_DE_RING), ("binnen", BINNEN_DE_RING))}
    assert gewogen["buiten"] > gewogen["binnen"]
    assert tabel["omrijfactor_publiekshart"].idxmax() in BUITEN_DE_RING


def test_elke_wijk_buiten_de_ring_rijdt_meer_om_dan_gemiddeld_erbinnen(uitkomst):
    """Per wijk: elke wijk buiten de Europaweg rijdt meer om dan de wijken binnen de ring gemiddeld.

    Strenger (elke wijk buiten boven élke wijk binnen) geldt niet: Assen-Oost ligt 'over het spoor'
    (omweg door de spoorlijn, die in de laag barrieres staat) en rijdt daardoor meer om dan Peelo en
    Kloosterveen, waar de oversteken op de rechte lijn naar het centrum liggen. Zie
    docs/analyse_barrieres.md.
    """
    tabel = uitkomst.tabel.set_index("naam")
    binnen = np.average(tabel.loc[BINNEN_DE_RING, "omrijfactor_publiekshart"],
                        weights=tabel.loc[BINNEN_DE_RING, "woningen"])
    for wijk in BUITEN_DE_RING:
        assert tabel.loc[wijk, "omrijfactor_publiekshart"] > binnen, wijk
    # Assen-West ligt sinds de correctie van de Europaweg-West helemaal binnen de ring
    assert tabel.loc["Assen-West", "omrijfactor_publiekshart"] < min(tabel.loc[BUITEN_DE_RING, "omrijfactor_publiekshart"])


def test_ingesloten_wijken(uitkomst):
    tabel = uitkomst.tabel.set_index("naam")
    assert (tabel["ingesloten"] == "ja").sum() >= 1
    # Pittelo ligt tussen Noord-Willemskanaal, Europaweg en A28; het centrum ligt om het publiekshart
    assert tabel.loc["Pittelo", "ingesloten"] == "ja"
    assert tabel.loc["Centrum", "ingesloten"] == "nee"
    assert "buitengebied" in tabel.loc["Pittelo", "reden"]
    assert list(uitkomst.ingesloten["naam"]) == list(tabel.index[tabel["ingesloten"] == "ja"])


def test_drempel_komt_uit_het_parameterbestand(tmp_path):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text("[barrieres]\ndrempel_ingesloten = 5.0\n", encoding="utf-8")
    from omgevingsvisie.analyse.parameters import laad_analyse_parameters

    uit = barrieres.omrijfactoren_per_wijk(parameters=laad_analyse_parameters(eigen))
    assert uit.drempel == 5.0
    assert (uit.tabel["ingesloten"] == "nee").all()


def test_tabel_werkt_met_de_barrierekaart(uitkomst):
    from omgevingsvisie.kaarten import kaart_barrieres

    for tabel in (uitkomst.tabel, uitkomst.wijken):
        html = kaart_barrieres(tabel).get_root().render()
        assert "Per wijk: omrijfactor_publiekshart" in html


# ------------------------------------------------------------------ nieuwe oversteek (voor VS1)

def test_nieuwe_kanaalbrug_bij_pittelo_verlaagt_de_omrijfactor():
    # Een plan aan het Noord-Willemskanaal tussen Sluis Peelo en Kanaalbrug Peelo – Noorderpark
    plan = box(233150, 558950, 233250, 559050)
    uit = omrijfactor_voor_na(plan)
    assert uit["barriere"] == "Noord-Willemskanaal"
    assert uit["woningpunten"] > 0
    assert uit["omrijfactor_na"] < uit["omrijfactor_voor"]
    assert uit["per_bestemming"]["overkant"]["na"] < uit["per_bestemming"]["overkant"]["voor"]
    assert "Noord-Willemskanaal" in uit["toelichting"]


def test_nieuwe_oversteek_op_een_bestaande_verandert_niets():
    brug = laad_laag("oversteken").set_index("naam").geometry["Kanaalbrug Pittelo"]
    uit = omrijfactor_voor_na(brug.buffer(40), verbinding=brug)
    assert uit["omrijfactor_na"] == pytest.approx(uit["omrijfactor_voor"], abs=0.005)


def test_plan_ver_van_een_barriere_krijgt_geen_oversteek():
    uit = omrijfactor_voor_na(box(228000, 552000, 228200, 552200))
    assert uit["omrijfactor_voor"] is None and uit["omrijfactor_na"] is None
    assert "geen barrière binnen 100 m" in uit["toelichting"]


def test_plan_in_wgs84_is_een_invoerfout():
    from omgevingsvisie import InvoerFout

    with pytest.raises(InvoerFout, match="RD New"):
        omrijfactor_voor_na(box(6.55, 52.99, 6.56, 53.0))


# ------------------------------------------------------------------ opdrachtregel

def test_cli_schrijft_tabel_en_geopackage(tmp_path):
    uitvoer = tmp_path / "analyse"
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(uitvoer)])
    assert resultaat.exit_code == 0, resultaat.output
    tabel = pd.read_csv(uitvoer / "barrieres_wijken.csv")
    assert {"naam", "omrijfactor_publiekshart", "omrijfactor_buitengebied", "ingesloten"} <= set(tabel.columns)
    assert len(tabel) == 10
    lagen = gpd.list_layers(uitvoer / "barrieres.gpkg")["name"].tolist()
    assert {"wijken", "ingesloten_wijken", "woningpunten"} <= set(lagen)
    wijken = gpd.read_file(uitvoer / "barrieres.gpkg", layer="wijken")
    assert wijken.crs.to_epsg() == 28992 and len(wijken) == 10
    assert "Pittelo" in resultaat.output


def test_cli_overschrijft_niet_en_met_overschrijf_wel(tmp_path):
    (tmp_path / "barrieres_wijken.csv").write_text("oud", encoding="utf-8")
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path)])
    assert resultaat.exit_code == 2
    assert "--overschrijf" in resultaat.output and "Traceback" not in resultaat.output
    assert (tmp_path / "barrieres_wijken.csv").read_text(encoding="utf-8") == "oud"
    assert not (tmp_path / "barrieres.gpkg").exists()
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path), "--overschrijf"])
    assert resultaat.exit_code == 0, resultaat.output
    assert (tmp_path / "barrieres_wijken.csv").read_text(encoding="utf-8").startswith("statcode,naam,")


def test_niets_half_geschreven_bij_een_fout(uitkomst, tmp_path, monkeypatch):
    def stuk(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", stuk)
    with pytest.raises(OSError):
        barrieres.schrijf_barrieres(uitkomst, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cli_met_initiatieven(tmp_path):
    plannen = gpd.GeoDataFrame({"naam": ["Fietsbrug Pittelo", "Woningen"], "functies": ["groen", "wonen"],
                                "lv_verbinding": [True, False]},
                               geometry=[box(233150, 558950, 233250, 559050), box(233700, 556600, 233800, 556700)],
                               crs=28992).to_crs(4326)
    pad = tmp_path / "plannen.geojson"
    plannen.to_file(pad)
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path / "uit"),
                                          "--initiatieven", str(pad)])
    assert resultaat.exit_code == 0, resultaat.output
    tabel = pd.read_csv(tmp_path / "uit" / "barrieres_initiatieven.csv")
    brug = tabel.set_index("naam").loc["Fietsbrug Pittelo"]
    assert brug["omrijfactor_na"] < brug["omrijfactor_voor"]
    assert pd.isna(tabel.set_index("naam").loc["Woningen", "omrijfactor_voor"])
    assert "initiatieven" in gpd.list_layers(tmp_path / "uit" / "barrieres.gpkg")["name"].tolist()


def test_cli_hulp_is_nederlands_met_voorbeeld():
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--help"])
    assert resultaat.exit_code == 0
    assert "$ omgevingsvisie analyse barrieres --uitvoer" in resultaat.output
    assert "Toon deze hulp en stop." in resultaat.output
