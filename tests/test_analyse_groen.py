"""Groen: de "300" van 3-30-300, groen per woning (75 m² binnen 500 m) en de woningpunten."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from click.testing import CliRunner
from shapely.geometry import Point, box

from analysedata import punten, synthetisch
from omgevingsvisie import InvoerFout, lagen
from omgevingsvisie.analyse import groen, woningen
from omgevingsvisie.analyse._rooster import Rooster, som_binnen_straal
from omgevingsvisie.analyse.landgebruik import landgebruik
from omgevingsvisie.analyse.parameters import laad_analyse_parameters
from omgevingsvisie.cli import main

NORMEN_100 = groen.Groennormen(afstand_m=300, min_oppervlakte_ha=1, per_woning_m2=75, straal_m=100)
NORMEN_200 = groen.Groennormen(afstand_m=300, min_oppervlakte_ha=1, per_woning_m2=75, straal_m=200)


@pytest.fixture
def wijk():
    """600 × 400 m woonwijk met een bos van precies 1 ha linksonder en een park van 0,5 ha."""
    return synthetisch(60, 40, vakken=[(0, 0, 100, 100, "bos"), (400, 300, 500, 350, "park")])


# ------------------------------------------------------------------ 3-30-300: de "300"

def test_afstand_tot_groen_van_minstens_1_ha_met_de_hand(wijk):
    ruimten, cellen = groen.groenruimten(wijk, min_oppervlakte_ha=1.0)
    assert list(ruimten["oppervlakte_m2"]) == [10_000.0] and cellen.sum() == 100  # het park (0,5 ha) telt niet
    huizen = punten([(150, 50), (450, 325), (50, 395)])
    per_punt = groen.groen_bij_woningen(wijk, huizen, normen=NORMEN_100)
    # 50 m rechts van het bos; in het te kleine park: √(350² + 225²); 295 m boven het bos
    np.testing.assert_allclose(per_punt["afstand_groen_m"], [50.0, math.hypot(350, 225), 295.0])


def test_groen_bij_woningen_op_de_index_van_de_invoer(wijk):
    huizen = punten([(150, 50), (450, 325), (50, 395)]).set_index(pd.Index(["c", "a", "b"], name="adres"))
    per_punt = groen.groen_bij_woningen(wijk, huizen, normen=NORMEN_100)
    assert per_punt.index.equals(huizen.index)
    assert per_punt.loc["b", "afstand_groen_m"] == pytest.approx(295.0)


def test_groen_per_woning_met_de_hand(wijk):
    # woning in het midden van cel (155, 55) met straal 100 m: de bos-cellen met het midden
    # binnen 100 m zijn per kolom (x = 95, 85, 75, 65, 55): 10 + 10 + 10 + 9 + 1 = 40 → 4.000 m²
    huizen = punten([(155, 55), (165, 55)], woningen=[1.0, 3.0])
    per_punt = groen.groen_bij_woningen(wijk, huizen, normen=NORMEN_100)
    assert per_punt.loc[0, "groen_binnen_straal_m2"] == pytest.approx(4000.0)
    assert per_punt.loc[0, "woningen_binnen_straal"] == pytest.approx(4.0)  # de buren (3) delen mee
    assert per_punt.loc[0, "groen_per_woning_m2"] == pytest.approx(1000.0)


def test_som_binnen_straal_is_een_schijf():
    rooster = Rooster(0, 100, 10, 10, 10.0)
    een = np.zeros(rooster.vorm)
    een[5, 5] = 1.0
    som = som_binnen_straal(een, rooster, straal_m=20)
    # 13 cellen liggen met hun midden binnen 20 m (1 + 4 op 10 m + 4 op 14,1 m + 4 op 20 m)
    assert som.sum() == pytest.approx(13.0) and som[5, 7] == pytest.approx(1.0) and som[7, 7] == 0.0


def test_groenrasters(wijk):
    huizen = punten([(155, 55)])
    rasters = groen.groen_rasters(wijk, huizen, normen=NORMEN_100)
    assert rasters["afstand_groen"][39, 15] == pytest.approx(60.0)  # cel (155, 5): 6 cellen van het bos
    assert rasters["groen_per_woning"][34, 15] == pytest.approx(4000.0)
    assert np.isnan(rasters["groen_per_woning"][0, 0])  # geen woning binnen 100 m


# ------------------------------------------------------------------ per initiatief

def test_groen_initiatief_met_de_hand(wijk):
    plan = box(200, 0, 300, 100)
    huizen = punten([(450, 50), (550, 350)], woningen=[10.0, 5.0])
    uit = groen.groen_initiatief(plan, woningen=30, groen_pct=20, lg=wijk, punten=huizen, normen=NORMEN_200)
    assert uit["afstand_groen_m"] == pytest.approx(100.0)
    assert uit["afstand_groen_max_m"] == pytest.approx(200.0)   # de oostrand van het plan
    assert uit["binnen_afstand_pct"] == pytest.approx(100.0)
    # bos (1 ha, geheel binnen 200 m) + 20 % van 1 ha eigen groen, gedeeld door 10 bestaande
    # woningen binnen 200 m (die op (550, 350) ligt verder) plus 30 nieuwe: 12.000 / 40
    assert uit["groen_omgeving_m2"] == pytest.approx(10_000.0)
    assert uit["eigen_groen_m2"] == pytest.approx(2_000.0)
    assert uit["woningen_omgeving"] == 10.0 and uit["woningen_plan"] == 30
    assert uit["groen_per_woning_m2"] == pytest.approx(300.0)
    assert uit["norm_per_woning_m2"] == 75 and "3-30-300" in uit["bron"]


def test_groen_in_het_plan_telt_niet_als_bestaande_groenruimte(wijk):
    # het plan bebouwt de helft van het bos: de rest (0,5 ha) is geen groenruimte van 1 ha meer
    uit = groen.groen_initiatief(box(0, 0, 50, 100), woningen=10, groen_pct=0, lg=wijk,
                                 punten=punten([(590, 390)]), normen=NORMEN_200)
    assert math.isinf(uit["afstand_groen_m"]) and uit["binnen_afstand_pct"] == 0.0
    assert uit["groen_omgeving_m2"] == pytest.approx(5_000.0)  # de andere helft van het bos


def test_groen_initiatief_zonder_woningen_en_met_fouten(wijk):
    uit = groen.groen_initiatief(box(200, 0, 300, 100), lg=wijk, punten=punten([(590, 390)]), normen=NORMEN_200)
    assert uit["groen_per_woning_m2"] is None
    with pytest.raises(InvoerFout, match="groen_pct moet tussen 0 en 100"):
        groen.groen_initiatief(box(200, 0, 300, 100), groen_pct=-5, lg=wijk, punten=punten([(1, 1)]))


def test_groennormen_uit_de_parameters():
    normen = groen.Groennormen.standaard()
    assert (normen.afstand_m, normen.min_oppervlakte_ha, normen.per_woning_m2, normen.straal_m) == (300, 1, 75, 500)
    assert groen.Groennormen.standaard(straal_m=400).straal_m == 400
    assert "Nota Ruimte" in laad_analyse_parameters().parameter("groen", "per_woning_m2").bron


# ------------------------------------------------------------------ woningpunten

def test_steekproef_woningen():
    lg = synthetisch(20, 10, vakken=[(0, 0, 100, 100, "bedrijventerrein")])
    punten_ = woningen.steekproef_woningen(lg, puntafstand_m=50, totaal=1000)
    # woongebied x 100–200, y 0–100: om de 50 m → 2 × 2 punten op celmiddens (125/175, 25/75)
    assert sorted(zip(punten_.geometry.x, punten_.geometry.y)) == [(125, 25), (125, 75), (175, 25), (175, 75)]
    assert punten_["woningen"].sum() == pytest.approx(1000)


def test_steekproef_op_de_meegeleverde_lagen(laagdata):
    lg = landgebruik(laagdata=laagdata)
    punten_, meldingen = woningen.woningpunten(lg)
    stedelijk = lagen.laad_laag("bestaand_stedelijk_gebied").union_all()
    assert meldingen == [] and len(punten_) > 5000
    assert punten_.within(stedelijk.buffer(10)).all()
    assert punten_["woningen"].sum() == pytest.approx(laad_analyse_parameters()("woningen", "totaal"))


def test_adressen_worden_omgerekend_en_gecontroleerd(laagdata):
    lg = landgebruik(laagdata=laagdata)
    wgs84 = gpd.GeoDataFrame({"woningen": [2, 1]}, geometry=[Point(6.5625, 52.9925), Point(4.9, 52.37)],
                             crs="EPSG:4326")  # Assen centrum en Amsterdam
    punten_, meldingen = woningen.woningpunten(lg, adressen=wgs84)
    assert len(punten_) == 1 and punten_.crs.to_epsg() == 28992 and punten_["woningen"].tolist() == [2.0]
    assert meldingen == ["1 van de 2 adressen liggen buiten de gemeente en zijn weggelaten."]
    with pytest.raises(InvoerFout, match="moet punten bevatten"):
        woningen.lees_adressen(gpd.GeoDataFrame(geometry=[box(233000, 557000, 233100, 557100)], crs="EPSG:28992"))
    with pytest.raises(InvoerFout, match="kolom 'woningen'"):
        woningen.lees_adressen(gpd.GeoDataFrame({"woningen": ["veel"]}, geometry=[Point(233000, 557000)],
                                                crs="EPSG:28992"))


# ------------------------------------------------------------------ meegeleverde lagen en CLI

def test_woning_in_het_asserbos_ligt_aan_het_groen(laagdata):
    lg = landgebruik(laagdata=laagdata)
    huizen = punten([(232891, 556622), (235300, 559600)])  # Rode Heklaan (Asserbos) en Marsdijk
    per_punt = groen.groen_bij_woningen(lg, huizen)
    assert per_punt.loc[0, "afstand_groen_m"] == 0.0
    assert per_punt.loc[1, "afstand_groen_m"] > 300.0
    assert per_punt.loc[0, "groen_per_woning_m2"] > per_punt.loc[1, "groen_per_woning_m2"]


def test_cli_groen_met_adressen_en_initiatieven(tmp_path):
    adressen = tmp_path / "adressen.gpkg"
    rng = np.random.default_rng(7)
    x, y = rng.uniform(231000, 236000, 300), rng.uniform(555000, 560000, 300)
    gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y), crs="EPSG:28992").to_file(adressen, layer="bag")
    uit = tmp_path / "groen"
    resultaat = CliRunner().invoke(main, ["analyse", "groen", "--uitvoer", str(uit), "--adressen", str(adressen),
                                          "--initiatieven", "voorbeelden/initiatieven.geojson"])
    assert resultaat.exit_code == 0, resultaat.output
    assert {p.name for p in uit.iterdir()} == {"afstand_groen.tif", "groen_per_woning.tif", "groen_wijken.csv",
                                               "groen_focusgebieden.csv", "groen_initiatieven.csv", "groen.gpkg"}
    wijken = pd.read_csv(uit / "groen_wijken.csv")
    binnen = gpd.GeoSeries(gpd.points_from_xy(x, y), crs="EPSG:28992").within(
        lagen.laad_laag("gemeentegrens").union_all()).sum()
    assert wijken["woningen"].sum() == pytest.approx(binnen)  # elk adres één woning, in precies één wijk
    assert wijken["groen_te_ver_pct"].dropna().between(0, 100).all()
    plannen = pd.read_csv(uit / "groen_initiatieven.csv")
    assert len(plannen) == 14 and {"afstand_groen_m", "groen_per_woning_m2"} <= set(plannen.columns)
    lagen_gpkg = {n for n, _ in pyogrio.list_layers(uit / "groen.gpkg")}
    assert lagen_gpkg == {"wijken", "focusgebieden", "initiatieven", "groenruimten", "woningpunten"}
