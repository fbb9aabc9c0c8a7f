"""Regels GS1–GS7 (Groene stad van het Noorden) en MI1–MI2 (Milieu): elke status die een regel kan geven.

Alles draait op de kleine synthetische gemeente van ``tests/synthetisch.py`` (niet op de
meegeleverde lagen), zodat elke verwachte waarde met de hand na te rekenen is. De lagen die
hier tellen (lokale meters; ``vak(x1, y1, x2, y2)`` is een rechthoek)::

    groenstructuur      Groot park  [4000-4500]²          = 25 ha
                        Plantsoen   [500-550]²            = 0,25 ha (te klein voor GS7)
    natura2000          Veen        [9000-10000 × 0-1000]
    hittestress         Havenkwartier [3000-4000 × 1000-2000]
    energie_zoekgebieden Messchenveld II [8000-9000]²
    bestaand_stedelijk_gebied       [0-5000]²
    bedrijventerreinen  Bestaand BT [2500-3500]² (bestaand, max 4.1 → 200 m)
                        Werklandschap Zuid [6000-7000]² (gepland, max 4.2 → 300 m)
    woningbouwlocaties  Kloosterveen [6000-7000 × 1000-2000]
    tt_geluidszone      [8000-9500 × 6000-7500]

Bij elke drempel staat in een commentaar aan welke kant 'precies gelijk' valt.
"""

from __future__ import annotations

import math
import re

import geopandas as gpd
import pytest
import shapely
from synthetisch import PROGRAMMA_STANDAARD, plannen, vak, wereld

from omgevingsvisie.bevinding import STATUSSEN
from omgevingsvisie.regels import ToetsContext, groene_stad, laad_parameters, milieu
from omgevingsvisie.regels.basis import m2, meters, procent

gs1, gs2, gs3, gs4, gs5, gs6, gs7 = (groene_stad.gs1, groene_stad.gs2, groene_stad.gs3, groene_stad.gs4,
                                     groene_stad.gs5, groene_stad.gs6, groene_stad.gs7)
mi1, mi2 = milieu.mi1, milieu.mi2

WONEN = {"functies": ("wonen",), "woningen": 20}
LADDER = ["1 daken en gevels", "2 onbenutte terreinen in bebouwd gebied",
          "3 onbenutte terreinen in landelijk gebied", "4 landbouw- en natuurgronden"]


# --------------------------------------------------------------------------- hulpjes


def toets(regel, *paren, parameters=None):
    """Alle bevindingen van één regel voor (geometrie, programma)-paren."""
    ctx = ToetsContext(plannen(*[(g, dict(p)) for g, p in paren]), lagen=wereld(), parameters=parameters)
    return regel(ctx)


def een(regel, geometrie, parameters=None, **programma):
    """De bevinding van één regel voor één plan."""
    [bevinding] = toets(regel, (geometrie, programma), parameters=parameters)
    return bevinding


def controleer(b, regel_id: str, status: str):
    """Status, regel-id, een Nederlandse toelichting en een bron met een document."""
    assert b.status == status, f"{b.regel}: {b.status} ({b.toelichting})"
    assert b.regel == regel_id
    assert len(b.toelichting) > 20
    assert b.bron.strip()


def eigen_parameters(tmp_path, toml: str):
    """Parameters uit de standaard plus een klein eigen TOML-bestand."""
    pad = tmp_path / "eigen.toml"
    pad.write_text(toml, encoding="utf-8")
    return laad_parameters(pad)


# --------------------------------------------------------------------------- bronnen en notatie


@pytest.mark.parametrize("regel", [r for r, _ in groene_stad.REGELS + milieu.REGELS], ids=lambda r: r.id)
def test_elke_regel_noemt_een_brondocument(regel):
    # een document (Omgevingsvisie of landelijke norm) met een jaartal, niet alleen een paragraafnummer
    assert re.search(r"Omgevingsvisie Assen|VNG|NOVI|Konijnendijk|maatlat", regel.bron, re.I), regel.bron
    assert re.search(r"\b(19|20)\d\d\b", regel.bron), regel.bron


def test_nederlandse_getalnotatie():
    # de helpers waar de toelichtingen op leunen: punt voor duizendtallen, komma voor decimalen
    assert m2(5000) == "5.000 m²"
    assert m2(20000) == "2 ha"
    assert meters(1280.62) == "1.281 m"
    assert procent(66.666) == "66,7%"


# --------------------------------------------------------------------------- GS1 Bestaand groen blijft

# Plan [4450-4550 × 4000-4100] = 10.000 m²; de helft (50 × 100 = 5.000 m²) ligt in Groot park.
HALF_IN_PARK = vak(4450, 4000, 4550, 4100)


def test_gs1_voldoet_zonder_overlap():
    b = een(gs1, vak(4600, 4000, 4700, 4100), **WONEN)
    controleer(b, "GS1", "voldoet")
    assert b.waarden["overlap_m2"] == 0.0 and b.waarden["overlap_pct"] == 0.0
    assert b.geometrie is None
    assert "niet in de bestaande groenstructuur" in b.toelichting


def test_gs1_alleen_raken_is_geen_overlap():
    # gedeelde rand x=4500: oppervlakte 0 < min_overlap_m2 (1 m²), dus voldoet
    b = een(gs1, vak(4500, 4000, 4600, 4100), **WONEN)
    controleer(b, "GS1", "voldoet")
    assert b.waarden["overlap_m2"] == 0.0
    assert b.waarden["groenstructuur"] == []  # geen park noemen waar het plan 'niet in' ligt


def test_gs1_snipper_onder_technische_ondergrens_voldoet():
    # 0,005 m × 100 m = 0,5 m² overlap: onder min_overlap_m2 = 1 m² (afrondingsrand)
    b = een(gs1, vak(4499.995, 4000, 4600, 4100), **WONEN)
    controleer(b, "GS1", "voldoet")
    assert b.waarden["overlap_m2"] == pytest.approx(0.5, abs=0.05)


def test_gs1_voldoet_als_het_plan_alleen_groen_en_water_toevoegt():
    b = een(gs1, HALF_IN_PARK, functies=("groen", "water"))
    controleer(b, "GS1", "voldoet")
    assert b.waarden["overlap_m2"] == 5000.0
    assert b.waarden["groenstructuur"] == ["Groot park"]
    assert "Groot park" in b.toelichting and "alleen groen en water" in b.toelichting
    assert b.geometrie.area == pytest.approx(5000.0)


def test_gs1_aandachtspunt_als_het_plan_compenseert():
    # 60% van 10.000 m² = 6.000 m² nieuw groen >= 1,0 × 5.000 m² verdwenen groen
    b = een(gs1, HALF_IN_PARK, groen_pct=60.0, **WONEN)
    controleer(b, "GS1", "aandachtspunt")
    assert b.waarden["overlap_m2"] == 5000.0
    assert b.waarden["overlap_pct"] == 50.0
    assert b.waarden["groen_nieuw_m2"] == 6000.0
    assert b.waarden["compensatie_factor"] == 1.0
    assert "5.000 m²" in b.toelichting and "50%" in b.toelichting and "6.000 m²" in b.toelichting
    # de geometrie is precies het weggenomen stuk park: [4450-4500 × 4000-4100]
    assert b.geometrie.area == pytest.approx(5000.0)
    assert b.geometrie.equals(vak(4450, 4000, 4500, 4100))


def test_gs1_compensatie_precies_gelijk_telt_als_gecompenseerd():
    # drempel: nieuw groen == factor × overlap (5.000 == 5.000) -> aandachtspunt, niet strijdig
    b = een(gs1, HALF_IN_PARK, groen_pct=50.0, **WONEN)
    controleer(b, "GS1", "aandachtspunt")
    assert b.waarden["groen_nieuw_m2"] == 5000.0


def test_gs1_groene_daken_tellen_mee_als_compensatie():
    # 30% × 10.000 = 3.000 m² + 2.000 m² groen dak = 5.000 m²
    b = een(gs1, HALF_IN_PARK, groen_pct=30.0, groen_dak_m2=2000.0, **WONEN)
    controleer(b, "GS1", "aandachtspunt")
    assert b.waarden["groen_nieuw_m2"] == 5000.0


def test_gs1_strijdig_als_het_plan_te_weinig_groen_toevoegt():
    # 40% × 10.000 = 4.000 m² < 5.000 m²
    b = een(gs1, HALF_IN_PARK, groen_pct=40.0, **WONEN)
    controleer(b, "GS1", "strijdig")
    assert b.waarden["groen_nieuw_m2"] == 4000.0
    assert "5.000 m²" in b.toelichting and "maar 4.000 m²" in b.toelichting
    assert "§3.1A" in b.toelichting
    assert b.geometrie.area == pytest.approx(5000.0)


def test_gs1_strijdig_zonder_groengegevens():
    b = een(gs1, HALF_IN_PARK, **WONEN)
    controleer(b, "GS1", "strijdig")
    assert b.waarden["groen_nieuw_m2"] is None
    assert "zonder opgave van nieuw groen" in b.toelichting
    assert b.geometrie.area == pytest.approx(5000.0)


def test_gs1_grote_overlap_in_hectare():
    # [4300-4600 × 4000-4100] = 30.000 m², waarvan 200 × 100 = 20.000 m² in het park (66,7%)
    b = een(gs1, vak(4300, 4000, 4600, 4100), **WONEN)
    controleer(b, "GS1", "strijdig")
    assert b.waarden["overlap_m2"] == 20000.0
    assert b.waarden["overlap_pct"] == 66.7
    assert "2 ha" in b.toelichting and "66,7%" in b.toelichting


def test_gs1_compensatiefactor_komt_uit_het_parameterbestand(tmp_path):
    # factor 2: 6.000 m² nieuw groen is minder dan 2 × 5.000 m² -> van aandachtspunt naar strijdig
    p = eigen_parameters(tmp_path, "[GS1]\ncompensatie_factor = 2.0\n")
    assert een(gs1, HALF_IN_PARK, groen_pct=60.0, **WONEN).status == "aandachtspunt"
    b = een(gs1, HALF_IN_PARK, parameters=p, groen_pct=60.0, **WONEN)
    controleer(b, "GS1", "strijdig")
    assert b.waarden["compensatie_factor"] == 2.0


def test_gs1_min_overlap_precies_gelijk_telt_als_overlap(tmp_path):
    # drempel: overlap == min_overlap_m2 (5.000 == 5.000) telt als overlap; net erboven niet
    gelijk = eigen_parameters(tmp_path, "[GS1]\nmin_overlap_m2 = 5000.0\n")
    assert een(gs1, HALF_IN_PARK, parameters=gelijk, **WONEN).status == "strijdig"
    (tmp_path / "eigen.toml").write_text("[GS1]\nmin_overlap_m2 = 5000.5\n", encoding="utf-8")
    erboven = laad_parameters(tmp_path / "eigen.toml")
    assert een(gs1, HALF_IN_PARK, parameters=erboven, **WONEN).status == "voldoet"


# --------------------------------------------------------------------------- GS2 Natura 2000


def test_gs2_strijdig_met_stedelijke_functies_in_natura2000():
    # [8950-9050 × 900-1000]: 50 × 100 = 5.000 m² in Veen
    b = een(gs2, vak(8950, 900, 9050, 1000), **WONEN)
    controleer(b, "GS2", "strijdig")
    assert b.waarden == {"afstand_m": 0.0, "gebied": "Veen", "overlap_m2": 5000.0, "buffer_m": 500.0}
    assert "wonen" in b.toelichting and "Veen" in b.toelichting and "5.000 m²" in b.toelichting
    assert b.geometrie.area == pytest.approx(5000.0)


@pytest.mark.parametrize("programma", [{"functies": ("groen", "water")}, {"functies": ()}],
                         ids=["alleen-groen-en-water", "geen-functies"])
def test_gs2_niet_van_toepassing_zonder_stedelijke_functies(programma):
    b = een(gs2, vak(8950, 900, 9050, 1000), **programma)
    controleer(b, "GS2", "niet_van_toepassing")
    assert b.waarden["overlap_m2"] == 5000.0  # wel gemeten, maar zonder gevolg


def test_gs2_aandachtspunt_binnen_de_bufferzone():
    # [8650-8750 × 0-100]: 9000 - 8750 = 250 m van Veen, binnen 500 m
    b = een(gs2, vak(8650, 0, 8750, 100), **WONEN)
    controleer(b, "GS2", "aandachtspunt")
    assert b.waarden["afstand_m"] == 250.0 and b.waarden["overlap_m2"] == 0.0
    assert "250 m" in b.toelichting and "500 m" in b.toelichting and "Veen" in b.toelichting
    assert b.geometrie is None


def test_gs2_schuine_afstand():
    # hoek (8800, 1200) tot hoek (9000, 1000): √(200² + 200²) = 282,8 m
    b = een(gs2, vak(8700, 1200, 8800, 1300), **WONEN)
    controleer(b, "GS2", "aandachtspunt")
    assert b.waarden["afstand_m"] == pytest.approx(math.hypot(200, 200), abs=0.05)
    assert "283 m" in b.toelichting


def test_gs2_precies_op_de_buffergrens_is_aandachtspunt():
    # drempel: afstand == buffer_m (500 == 500) valt binnen de zone (<=)
    b = een(gs2, vak(8400, 0, 8500, 100), **WONEN)
    controleer(b, "GS2", "aandachtspunt")
    assert b.waarden["afstand_m"] == 500.0


def test_gs2_alleen_raken_is_binnen_de_zone_niet_erin():
    # gedeelde rand x=9000: afstand 0 maar geen oppervlakte in Natura 2000 -> aandachtspunt, geen strijdig
    b = een(gs2, vak(8900, 0, 9000, 100), **WONEN)
    controleer(b, "GS2", "aandachtspunt")
    assert b.waarden["afstand_m"] == 0.0 and b.waarden["overlap_m2"] == 0.0
    assert "0 m² overlap" not in b.toelichting


def test_gs2_voldoet_buiten_de_bufferzone():
    # [8000-8100 × 0-100]: 900 m van Veen
    b = een(gs2, vak(8000, 0, 8100, 100), **WONEN)
    controleer(b, "GS2", "voldoet")
    assert b.waarden["afstand_m"] == 900.0
    assert "900 m" in b.toelichting and "Veen" in b.toelichting


def test_gs2_buffer_komt_uit_het_parameterbestand(tmp_path):
    p = eigen_parameters(tmp_path, "[GS2]\nbuffer_m = 200.0\n")
    b = een(gs2, vak(8650, 0, 8750, 100), parameters=p, **WONEN)  # 250 m > 200 m
    controleer(b, "GS2", "voldoet")
    assert b.waarden["buffer_m"] == 200.0


# --------------------------------------------------------------------------- GS3 Hittestress

# [3000-3100 × 1000-1100] = 10.000 m², in hittestressgebied Havenkwartier; 1.000 m² dak = 10%.
IN_HITTE = vak(3000, 1000, 3100, 1100)


def test_gs3_niet_van_toepassing_buiten_hittestress():
    b = een(gs3, vak(500, 1000, 600, 1100), groen_pct=0.0, **WONEN)
    controleer(b, "GS3", "niet_van_toepassing")
    assert "hittestress" in b.toelichting


def test_gs3_alleen_raken_is_niet_in_het_hittestressgebied():
    # gedeelde rand x=3000 met Havenkwartier: geen oppervlakte erin -> niet van toepassing
    b = een(gs3, vak(2900, 1000, 3000, 1100), groen_pct=5.0, **WONEN)
    controleer(b, "GS3", "niet_van_toepassing")


def test_gs3_onvoldoende_gegevens_zonder_groen_pct_en_groen_dak():
    b = een(gs3, IN_HITTE, **WONEN)
    controleer(b, "GS3", "onvoldoende_gegevens")
    assert b.waarden["hittestress"] == ["Havenkwartier"]
    assert "groen_pct" in b.toelichting and "groen_dak_m2" in b.toelichting


def test_gs3_aandachtspunt_bij_te_weinig_vergroening():
    b = een(gs3, IN_HITTE, groen_pct=20.0, **WONEN)
    controleer(b, "GS3", "aandachtspunt")
    assert b.waarden["vergroening_pct"] == 20.0 and b.waarden["groen_pct_min"] == 30.0
    assert "20%" in b.toelichting and "30%" in b.toelichting and "Havenkwartier" in b.toelichting


def test_gs3_groen_dak_telt_mee_tot_precies_de_drempel():
    # 20% + 1.000 m² dak / 10.000 m² = 30%; drempel: precies 30% voldoet (alleen < 30% is te weinig)
    b = een(gs3, IN_HITTE, groen_pct=20.0, groen_dak_m2=1000.0, **WONEN)
    controleer(b, "GS3", "voldoet")
    assert b.waarden["vergroening_pct"] == 30.0
    assert "30%" in b.toelichting


def test_gs3_voldoet_met_alleen_groene_daken():
    # 3.500 m² dak / 10.000 m² = 35%
    b = een(gs3, IN_HITTE, groen_dak_m2=3500.0, **WONEN)
    controleer(b, "GS3", "voldoet")
    assert b.waarden["vergroening_pct"] == 35.0
    assert "35%" in b.toelichting


def test_gs3_groene_daken_tellen_niet_mee_als_de_parameter_dat_zegt(tmp_path):
    p = eigen_parameters(tmp_path, "[GS3]\ngroen_dak_telt_mee = false\n")
    b = een(gs3, IN_HITTE, parameters=p, groen_pct=20.0, groen_dak_m2=1000.0, **WONEN)
    controleer(b, "GS3", "aandachtspunt")
    assert b.waarden["vergroening_pct"] == 20.0


def test_gs3_minimum_komt_uit_het_parameterbestand(tmp_path):
    p = eigen_parameters(tmp_path, "[GS3]\ngroen_pct_min = 20.0\n")
    b = een(gs3, IN_HITTE, parameters=p, groen_pct=20.0, **WONEN)
    controleer(b, "GS3", "voldoet")
    assert "20%" in b.toelichting


# --------------------------------------------------------------------------- GS4 Waterberging

ERGENS = vak(1000, 1000, 1100, 1100)


@pytest.mark.parametrize("programma", [{"functies": ("groen", "water")}, {"functies": ("zonnepark",)}],
                         ids=["groen-en-water", "zonnepark"])
def test_gs4_niet_van_toepassing_als_het_plan_niet_bouwt(programma):
    b = een(gs4, ERGENS, waterberging_mm=10.0, **programma)
    controleer(b, "GS4", "niet_van_toepassing")


def test_gs4_woningen_zonder_functie_wonen_bouwen_wel():
    b = een(gs4, ERGENS, woningen=10, waterberging_mm=80.0)
    controleer(b, "GS4", "voldoet")


def test_gs4_onvoldoende_gegevens_zonder_waterberging():
    b = een(gs4, ERGENS, **WONEN)
    controleer(b, "GS4", "onvoldoende_gegevens")
    assert b.waarden == {"waterberging_mm": None, "waterberging_mm_min": 70.0}
    assert "waterberging_mm ontbreekt" in b.toelichting and "70 mm" in b.toelichting


def test_gs4_aandachtspunt_onder_de_maatlat():
    b = een(gs4, ERGENS, waterberging_mm=50.0, **WONEN)
    controleer(b, "GS4", "aandachtspunt")
    assert b.waarden == {"waterberging_mm": 50.0, "waterberging_mm_min": 70.0}
    assert "50 mm" in b.toelichting and "70 mm" in b.toelichting


def test_gs4_net_onder_de_drempel_leest_niet_als_de_drempel():
    # 69,5 mm is te weinig; de tekst mag dan niet 'bergt 70 mm' zeggen
    b = een(gs4, ERGENS, waterberging_mm=69.5, **WONEN)
    controleer(b, "GS4", "aandachtspunt")
    assert "bergt 69,5 mm" in b.toelichting


def test_gs4_precies_de_drempel_voldoet():
    # drempel: 70 mm == waterberging_mm_min voldoet (alleen < 70 is een aandachtspunt)
    b = een(gs4, ERGENS, waterberging_mm=70.0, **WONEN)
    controleer(b, "GS4", "voldoet")
    assert "70 mm" in b.toelichting


def test_gs4_voldoet_boven_de_maatlat():
    b = een(gs4, ERGENS, waterberging_mm=85.0, **WONEN)
    controleer(b, "GS4", "voldoet")
    assert "85 mm" in b.toelichting


def test_gs4_drempel_komt_uit_het_parameterbestand(tmp_path):
    p = eigen_parameters(tmp_path, "[GS4]\nwaterberging_mm_min = 60.0\n")
    assert p.parameter("GS4", "waterberging_mm_min").bron == "Eigen parameterbestand eigen.toml"
    # 65 mm: aandachtspunt bij 70, voldoet bij 60
    assert een(gs4, ERGENS, waterberging_mm=65.0, **WONEN).status == "aandachtspunt"
    b = een(gs4, ERGENS, parameters=p, waterberging_mm=65.0, **WONEN)
    controleer(b, "GS4", "voldoet")
    assert b.waarden["waterberging_mm_min"] == 60.0
    # 55 mm blijft te weinig; de tekst noemt de nieuwe drempel en niet meer de oude 70 mm
    b = een(gs4, ERGENS, parameters=p, waterberging_mm=55.0, **WONEN)
    controleer(b, "GS4", "aandachtspunt")
    assert "60 mm" in b.toelichting and "70 mm" not in b.toelichting


# --------------------------------------------------------------------------- GS5 Energieneutraal


@pytest.mark.parametrize("programma", [{"functies": ("groen",)}, {"functies": ("zonnepark",)}],
                         ids=["groen", "zonnepark"])
def test_gs5_niet_van_toepassing_zonder_nieuwbouw(programma):
    b = een(gs5, ERGENS, energieneutraal=False, **programma)
    controleer(b, "GS5", "niet_van_toepassing")


def test_gs5_onvoldoende_gegevens_als_energieneutraal_ontbreekt():
    b = een(gs5, ERGENS, aardgasvrij=True, **WONEN)
    controleer(b, "GS5", "onvoldoende_gegevens")
    assert b.waarden == {"energieneutraal": None, "aardgasvrij": True}
    assert "energieneutraal ontbreekt" in b.toelichting


def test_gs5_voldoet_als_de_nieuwbouw_energieneutraal_is():
    b = een(gs5, ERGENS, energieneutraal=True, **WONEN)
    controleer(b, "GS5", "voldoet")
    assert b.waarden["energieneutraal"] == True  # noqa: E712 (kan een numpy-bool zijn)


@pytest.mark.parametrize("programma", [WONEN, {"functies": ("bedrijf",), "milieucategorie": "2"}],
                         ids=["woningen", "bedrijf"])
def test_gs5_strijdig_als_de_nieuwbouw_niet_energieneutraal_is(programma):
    b = een(gs5, ERGENS, energieneutraal=False, **programma)
    controleer(b, "GS5", "strijdig")
    assert b.waarden["energieneutraal"] == False  # noqa: E712
    assert "Wonen 6" in b.toelichting


# --------------------------------------------------------------------------- GS6 Zonneladder

ZON = {"functies": ("zonnepark",)}


def test_gs6_niet_van_toepassing_zonder_zonnepark():
    b = een(gs6, vak(8000, 8000, 8500, 8500), **WONEN)
    controleer(b, "GS6", "niet_van_toepassing")


def test_gs6_voldoet_in_een_zoekgebied_voor_energie():
    b = een(gs6, vak(8000, 8000, 8500, 8500), **ZON)
    controleer(b, "GS6", "voldoet")
    assert b.waarden["in_zoekgebied_pct"] == 100.0 and b.waarden["in_bsg_pct"] == 0.0
    assert b.waarden["zoekgebieden"] == ["Messchenveld II"]
    assert "Messchenveld II" in b.toelichting


def test_gs6_voldoet_in_bestaand_stedelijk_gebied_trede_2():
    b = een(gs6, vak(100, 100, 300, 300), **ZON)
    controleer(b, "GS6", "voldoet")
    assert b.waarden["in_bsg_pct"] == 100.0 and b.waarden["in_zoekgebied_pct"] == 0.0
    assert f"'{LADDER[1]}'" in b.toelichting


def test_gs6_aandachtspunt_in_het_buitengebied_noemt_de_treden():
    b = een(gs6, vak(6000, 3000, 6200, 3200), **ZON)
    controleer(b, "GS6", "aandachtspunt")
    assert b.waarden["in_zoekgebied_pct"] == 0.0 and b.waarden["in_bsg_pct"] == 0.0
    assert b.waarden["ladder"] == LADDER
    for trede in LADDER:
        assert f"'{trede}'" in b.toelichting


def test_gs6_precies_de_helft_in_het_zoekgebied_voldoet():
    # drempel: de helft van het plan (100 × 100 van 200 × 100) in het zoekgebied telt als 'erin' (>=)
    b = een(gs6, vak(7900, 8000, 8100, 8100), **ZON)
    controleer(b, "GS6", "voldoet")
    assert b.waarden["in_zoekgebied_pct"] == 50.0


def test_gs6_net_minder_dan_de_helft_in_het_zoekgebied_is_aandachtspunt():
    # 99 × 100 van 200 × 100 = 49,5%
    b = een(gs6, vak(7899, 8000, 8099, 8100), **ZON)
    controleer(b, "GS6", "aandachtspunt")
    assert b.waarden["in_zoekgebied_pct"] == 49.5


def test_gs6_alleen_raken_noemt_het_zoekgebied_niet():
    # gedeelde rand x=8000: 'buiten de zoekgebieden', dus ook geen zoekgebied in de waarden
    b = een(gs6, vak(7900, 8000, 8000, 8100), **ZON)
    controleer(b, "GS6", "aandachtspunt")
    assert b.waarden["in_zoekgebied_pct"] == 0.0 and b.waarden["zoekgebieden"] == []


def test_gs6_precies_de_helft_in_bestaand_stedelijk_gebied_voldoet():
    # [4900-5100 × 100-200]: 100 × 100 van 200 × 100 binnen x <= 5000
    b = een(gs6, vak(4900, 100, 5100, 200), **ZON)
    controleer(b, "GS6", "voldoet")
    assert b.waarden["in_bsg_pct"] == 50.0


def test_gs6_treden_komen_uit_het_parameterbestand(tmp_path):
    eigen = ["1 dak", "2 stad", "3 land", "4 natuur"]
    p = eigen_parameters(tmp_path, f"[GS6]\nladder = {eigen!r}\n".replace("'", '"'))
    b = een(gs6, vak(6000, 3000, 6200, 3200), parameters=p, **ZON)
    controleer(b, "GS6", "aandachtspunt")
    assert all(f"'{t}'" in b.toelichting for t in eigen)


# --------------------------------------------------------------------------- GS7 Groen nabij (3-30-300)

# Rechthoeken rechts van Groot park (x <= 4500); het verste punt is de rechterrand.
TOT_200 = vak(4600, 4000, 4700, 4100)   # verst 4700 - 4500 = 200 m
TOT_300 = vak(4600, 4000, 4800, 4100)   # verst 300 m
TOT_350 = vak(4600, 4000, 4850, 4100)   # verst 350 m; oppervlakte 250 × 100 = 25.000 m²


def test_gs7_niet_van_toepassing_zonder_woningen():
    b = een(gs7, TOT_350, functies=("horeca",))
    controleer(b, "GS7", "niet_van_toepassing")


def test_gs7_voldoet_binnen_300_m():
    b = een(gs7, TOT_200, **WONEN)
    controleer(b, "GS7", "voldoet")
    assert b.waarden["afstand_verst_m"] == 200.0
    assert "200 m" in b.toelichting and "300 m" in b.toelichting and "1 ha" in b.toelichting


def test_gs7_precies_300_m_voldoet():
    # drempel: verste woning op precies afstand_m (300 == 300) voldoet (<=)
    b = een(gs7, TOT_300, **WONEN)
    controleer(b, "GS7", "voldoet")
    assert b.waarden["afstand_verst_m"] == 300.0


def test_gs7_aandachtspunt_met_de_afstand():
    b = een(gs7, TOT_350, **WONEN)
    controleer(b, "GS7", "aandachtspunt")
    assert b.waarden["afstand_verst_m"] == 350.0 and b.waarden["afstand_m"] == 300.0
    assert "verst: 350 m" in b.toelichting and "300 m" in b.toelichting


def test_gs7_klein_groen_telt_niet():
    # naast Plantsoen (0,25 ha < 1 ha); het dichtstbijzijnde grote groen is Groot park:
    # van hoek (550, 500) tot hoek (4000, 4000) is √(3450² + 3500²) = 4.914,5 m
    b = een(gs7, vak(550, 500, 650, 600), **WONEN)
    controleer(b, "GS7", "aandachtspunt")
    assert b.waarden["afstand_verst_m"] == pytest.approx(math.hypot(3450, 3500), abs=0.05)
    assert "4.915 m" in b.toelichting


def test_gs7_voldoet_met_eigen_groen_van_precies_1_ha():
    # drempel: 40% × 25.000 m² = 10.000 m² eigen groen == 1 ha voldoet (>=)
    b = een(gs7, TOT_350, groen_pct=40.0, **WONEN)
    controleer(b, "GS7", "voldoet")
    assert b.waarden["eigen_groen_m2"] == 10000.0 and b.waarden["afstand_verst_m"] == 350.0
    assert "1 ha" in b.toelichting and "350 m" in b.toelichting


def test_gs7_eigen_groen_net_onder_1_ha_is_aandachtspunt():
    # 39% × 25.000 m² = 9.750 m²
    b = een(gs7, TOT_350, groen_pct=39.0, **WONEN)
    controleer(b, "GS7", "aandachtspunt")
    assert b.waarden["eigen_groen_m2"] == 9750.0


def test_gs7_afstand_komt_uit_het_parameterbestand(tmp_path):
    p = eigen_parameters(tmp_path, "[GS7]\nafstand_m = 400.0\n")
    b = een(gs7, TOT_350, parameters=p, **WONEN)
    controleer(b, "GS7", "voldoet")
    assert b.waarden["afstand_m"] == 400.0 and "400 m" in b.toelichting


def test_gs7_minimale_groenmaat_komt_uit_het_parameterbestand(tmp_path):
    # met 0,25 ha telt Plantsoen (precies 2.500 m², >=) wel: van (650, 600) tot (550, 550) = √(100² + 50²)
    p = eigen_parameters(tmp_path, "[GS7]\nmin_groen_ha = 0.25\n")
    b = een(gs7, vak(550, 500, 650, 600), parameters=p, **WONEN)
    controleer(b, "GS7", "voldoet")
    assert b.waarden["afstand_verst_m"] == pytest.approx(math.hypot(100, 50), abs=0.05)
    assert "2.500 m²" in b.toelichting and "0 ha" not in b.toelichting


# --------------------------------------------------------------------------- MI1 Milieuzonering

# Woongebied = bestaand stedelijk gebied [0-5000]² zonder de bestaande/geplande bedrijventerreinen,
# plus woningbouwlocatie Kloosterveen.
OOST_VAN_STAD = vak(5300, 4000, 5400, 4100)    # 300 m van het stedelijk gebied (x = 5000)
IN_BESTAAND_BT = vak(2900, 2900, 3100, 3100)   # 400 m van de rand van Bestaand BT (woongebied)
NAAST_BESTAAND_BT = vak(3600, 3000, 3700, 3100)  # 100 m van Bestaand BT (4.1 -> 200 m)
BEDRIJF = {"functies": ("bedrijf",)}


def test_mi1_niet_van_toepassing_zonder_bedrijf_en_woningen():
    b = een(mi1, NAAST_BESTAAND_BT, functies=("horeca",))
    controleer(b, "MI1", "niet_van_toepassing")


def test_mi1_strijdig_bedrijf_binnen_richtafstand_van_woningen():
    # 5.1 -> 500 m, maar het stedelijk gebied ligt op 300 m
    b = een(mi1, OOST_VAN_STAD, milieucategorie="5.1", **BEDRIJF)
    controleer(b, "MI1", "strijdig")
    assert b.waarden == {"milieucategorie": "5.1", "richtafstand_m": 500.0, "afstand_wonen_m": 300.0}
    assert "categorie 5.1" in b.toelichting and "500 m" in b.toelichting and "300 m" in b.toelichting


def test_mi1_bedrijf_precies_op_de_richtafstand_voldoet():
    # drempel: afstand == richtafstand (4.2: 300 == 300) voldoet (alleen < is strijdig)
    b = een(mi1, OOST_VAN_STAD, milieucategorie="4.2", **BEDRIJF)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["afstand_wonen_m"] == 300.0 and b.waarden["richtafstand_m"] == 300.0


def test_mi1_bedrijventerrein_zelf_is_geen_woongebied():
    # midden op Bestaand BT: 400 m tot de rest van het stedelijk gebied; 4.1 (200 m) voldoet
    b = een(mi1, IN_BESTAAND_BT, milieucategorie="4.1", **BEDRIJF)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["afstand_wonen_m"] == 400.0
    assert "400 m" in b.toelichting and "200 m" in b.toelichting


@pytest.mark.parametrize("categorie, status", [("3.2", "voldoet"), ("4.1", "strijdig")],
                         ids=["3.2-precies-100m", "4.1-200m"])
def test_mi1_woningbouwlocatie_telt_als_woongebied(categorie, status):
    # [7100-7200 × 1000-1100] ligt 100 m naast Kloosterveen (x = 7000) en 2.100 m van de stad
    b = een(mi1, vak(7100, 1000, 7200, 1100), milieucategorie=categorie, **BEDRIJF)
    controleer(b, "MI1", status)
    assert b.waarden["afstand_wonen_m"] == 100.0


def test_mi1_onvoldoende_gegevens_bedrijf_zonder_milieucategorie():
    b = een(mi1, OOST_VAN_STAD, **BEDRIJF)
    controleer(b, "MI1", "onvoldoende_gegevens")
    assert "milieucategorie" in b.toelichting


def test_mi1_aandachtspunt_woningen_binnen_richtafstand_van_bedrijventerrein():
    b = een(mi1, NAAST_BESTAAND_BT, **WONEN)
    controleer(b, "MI1", "aandachtspunt")
    assert b.waarden["bedrijventerreinen_binnen_richtafstand"] == [
        {"naam": "Bestaand BT", "max_milieucategorie": "4.1", "afstand_m": 100.0, "richtafstand_m": 200.0}]
    assert "Bestaand BT" in b.toelichting and "100 m" in b.toelichting and "200 m" in b.toelichting


def test_mi1_woningen_precies_op_de_richtafstand_voldoen():
    # drempel: [3700-3800 × 3000-3100] ligt precies 200 m van Bestaand BT (4.1 -> 200 m): voldoet
    b = een(mi1, vak(3700, 3000, 3800, 3100), **WONEN)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["bedrijventerreinen_binnen_richtafstand"] == []


def test_mi1_woningen_ver_van_bedrijventerreinen_voldoen():
    b = een(mi1, ERGENS, **WONEN)
    controleer(b, "MI1", "voldoet")
    assert "buiten de richtafstanden" in b.toelichting


@pytest.mark.parametrize("categorie, status", [
    ("3.1", "aandachtspunt"),         # bedrijf voldoet (400 >= 50), woningen op Bestaand BT: aandachtspunt
    ("5.1", "strijdig"),              # bedrijf strijdig (400 < 500) gaat voor het aandachtspunt
    (None, "aandachtspunt"),          # onbekende categorie + aandachtspunt: aandachtspunt weegt zwaarder
], ids=["bedrijf-voldoet+woningen-aandachtspunt", "bedrijf-strijdig+woningen-aandachtspunt",
        "bedrijf-onbekend+woningen-aandachtspunt"])
def test_mi1_bedrijf_met_woningen_in_bestaand_bt(categorie, status):
    b = een(mi1, IN_BESTAAND_BT, functies=("bedrijf", "wonen"), woningen=20, milieucategorie=categorie)
    controleer(b, "MI1", status)
    [terrein] = b.waarden["bedrijventerreinen_binnen_richtafstand"]
    assert terrein["naam"] == "Bestaand BT" and terrein["afstand_m"] == 0.0
    assert "Bedrijf" in b.toelichting and "Woningen binnen de richtafstand" in b.toelichting
    if categorie is not None:
        assert b.waarden["afstand_wonen_m"] == 400.0


def test_mi1_bedrijf_zonder_categorie_met_woningen_die_voldoen():
    # onvoldoende_gegevens (bedrijf) + voldoet (woningen) -> onvoldoende_gegevens
    b = een(mi1, ERGENS, functies=("bedrijf", "wonen"), woningen=20)
    controleer(b, "MI1", "onvoldoende_gegevens")
    assert b.waarden["bedrijventerreinen_binnen_richtafstand"] == []
    assert "buiten de richtafstanden" in b.toelichting


def test_mi1_richtafstand_komt_uit_het_parameterbestand(tmp_path):
    # alleen 4.1 en 5.1 anders; de rest van de tabel blijft de standaard
    p = eigen_parameters(tmp_path, '[MI1]\nrichtafstanden_m = { "4.1" = 100.0, "5.1" = 300.0 }\n')
    assert p("MI1", "richtafstanden_m")["3.1"] == 50.0
    # woningen 100 m van Bestaand BT: aandachtspunt bij 200 m, voldoet bij precies 100 m
    b = een(mi1, NAAST_BESTAAND_BT, parameters=p, **WONEN)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["bedrijventerreinen_binnen_richtafstand"] == []
    # bedrijf 5.1 op 300 m: strijdig bij 500 m, voldoet bij 300 m
    b = een(mi1, OOST_VAN_STAD, parameters=p, milieucategorie="5.1", **BEDRIJF)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["richtafstand_m"] == 300.0
    # een categorie die niet in het eigen bestand staat, gebruikt de standaard (50 m), geen KeyError
    b = een(mi1, OOST_VAN_STAD, parameters=p, milieucategorie="3.1", **BEDRIJF)
    controleer(b, "MI1", "voldoet")
    assert b.waarden["richtafstand_m"] == 50.0


# --------------------------------------------------------------------------- MI2 Geluid TT Circuit


def test_mi2_strijdig_woningen_in_de_geluidszone():
    # [9400-9600 × 7450-7550]: 100 × 50 = 5.000 m² in de zone [8000-9500 × 6000-7500]
    b = een(mi2, vak(9400, 7450, 9600, 7550), **WONEN)
    controleer(b, "MI2", "strijdig")
    assert b.waarden == {"overlap_m2": 5000.0}
    assert "5.000 m²" in b.toelichting and "TT Circuit" in b.toelichting
    assert b.geometrie.equals(vak(9400, 7450, 9500, 7500))


def test_mi2_alleen_raken_voldoet():
    # gedeelde rand x=9500: geen oppervlakte in de zone -> voldoet
    b = een(mi2, vak(9500, 7000, 9600, 7100), **WONEN)
    controleer(b, "MI2", "voldoet")
    assert b.waarden == {"overlap_m2": 0.0}
    assert b.geometrie is None


def test_mi2_voldoet_buiten_de_geluidszone():
    b = een(mi2, ERGENS, **WONEN)
    controleer(b, "MI2", "voldoet")


def test_mi2_niet_van_toepassing_zonder_woningen():
    b = een(mi2, vak(8000, 6000, 8100, 6100), functies=("leisure",))
    controleer(b, "MI2", "niet_van_toepassing")
    assert b.waarden == {"overlap_m2": 10000.0}


# --------------------------------------------------------------------------- batch: volgorde en dekking

# Per regel een handvol plannen met elk een andere status, in één context getoetst: de
# gevectoriseerde regels moeten elke bevinding bij het juiste plan zetten.
BATCH = {
    "GS1": (gs1, [(vak(4600, 4000, 4700, 4100), WONEN, "voldoet"),
                  (HALF_IN_PARK, {**WONEN, "groen_pct": 60.0}, "aandachtspunt"),
                  (HALF_IN_PARK, WONEN, "strijdig"),
                  (HALF_IN_PARK, {"functies": ("groen",)}, "voldoet")]),
    "GS2": (gs2, [(vak(8000, 0, 8100, 100), WONEN, "voldoet"),
                  (vak(8950, 900, 9050, 1000), WONEN, "strijdig"),
                  (vak(8950, 900, 9050, 1000), {"functies": ("groen",)}, "niet_van_toepassing"),
                  (vak(8650, 0, 8750, 100), WONEN, "aandachtspunt")]),
    "GS3": (gs3, [(IN_HITTE, {**WONEN, "groen_pct": 35.0}, "voldoet"),
                  (ERGENS, WONEN, "niet_van_toepassing"),
                  (IN_HITTE, WONEN, "onvoldoende_gegevens"),
                  (IN_HITTE, {**WONEN, "groen_pct": 10.0}, "aandachtspunt")]),
    "GS4": (gs4, [(ERGENS, {**WONEN, "waterberging_mm": 10.0}, "aandachtspunt"),
                  (ERGENS, {"functies": ("groen",)}, "niet_van_toepassing"),
                  (ERGENS, {**WONEN, "waterberging_mm": 90.0}, "voldoet"),
                  (ERGENS, WONEN, "onvoldoende_gegevens")]),
    "GS5": (gs5, [(ERGENS, {**WONEN, "energieneutraal": False}, "strijdig"),
                  (ERGENS, WONEN, "onvoldoende_gegevens"),
                  (ERGENS, {"functies": ("water",)}, "niet_van_toepassing"),
                  (ERGENS, {**WONEN, "energieneutraal": True}, "voldoet")]),
    "GS6": (gs6, [(vak(6000, 3000, 6200, 3200), ZON, "aandachtspunt"),
                  (vak(8000, 8000, 8500, 8500), ZON, "voldoet"),
                  (vak(6000, 3000, 6200, 3200), WONEN, "niet_van_toepassing"),
                  (vak(100, 100, 300, 300), ZON, "voldoet")]),
    "GS7": (gs7, [(TOT_350, WONEN, "aandachtspunt"),
                  (TOT_200, WONEN, "voldoet"),
                  (TOT_350, {"functies": ("kantoor",)}, "niet_van_toepassing"),
                  (TOT_350, {**WONEN, "groen_pct": 50.0}, "voldoet")]),
    "MI1": (mi1, [(ERGENS, {"functies": ("horeca",)}, "niet_van_toepassing"),
                  (NAAST_BESTAAND_BT, WONEN, "aandachtspunt"),
                  (OOST_VAN_STAD, {**BEDRIJF, "milieucategorie": "5.1"}, "strijdig"),
                  (OOST_VAN_STAD, BEDRIJF, "onvoldoende_gegevens"),
                  (OOST_VAN_STAD, {**BEDRIJF, "milieucategorie": "4.1"}, "voldoet")]),
    "MI2": (mi2, [(ERGENS, WONEN, "voldoet"),
                  (vak(9400, 7450, 9600, 7550), WONEN, "strijdig"),
                  (vak(9400, 7450, 9600, 7550), {"functies": ("horeca",)}, "niet_van_toepassing")]),
}
# Welke statussen een regel kan geven (uit de code gelezen); de batch moet ze allemaal raken.
KAN_GEVEN = {
    "GS1": {"voldoet", "aandachtspunt", "strijdig"},
    "GS2": {"niet_van_toepassing", "strijdig", "aandachtspunt", "voldoet"},
    "GS3": {"niet_van_toepassing", "onvoldoende_gegevens", "aandachtspunt", "voldoet"},
    "GS4": {"niet_van_toepassing", "onvoldoende_gegevens", "aandachtspunt", "voldoet"},
    "GS5": {"niet_van_toepassing", "onvoldoende_gegevens", "strijdig", "voldoet"},
    "GS6": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
    "GS7": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
    "MI1": set(STATUSSEN),
    "MI2": {"niet_van_toepassing", "strijdig", "voldoet"},
}


@pytest.mark.parametrize("regel_id", list(BATCH))
def test_batch_geeft_elk_plan_zijn_eigen_bevinding(regel_id):
    regel, gevallen = BATCH[regel_id]
    bevindingen = toets(regel, *[(g, p) for g, p, _ in gevallen])
    assert [b.status for b in bevindingen] == [s for _, _, s in gevallen]
    assert {b.regel for b in bevindingen} == {regel_id}
    assert {s for _, _, s in gevallen} == KAN_GEVEN[regel_id]
    # dezelfde uitkomst als één voor één
    for b, (g, p, _) in zip(bevindingen, gevallen):
        los = een(regel, g, **p)
        assert (b.status, b.toelichting, b.waarden) == (los.status, los.toelichting, los.waarden)


def test_gs3_neemt_het_hitte_eilandmodel_mee_als_dat_er_is():
    """De regel krijgt de hitte-analyse van de context; zonder analyse blijven die waarden weg."""
    plan = (vak(3100, 1100, 3200, 1200), {"functies": ["wonen"], "woningen": 20, "groen_pct": 10.0})
    aanroepen = []

    def hitte(geometrie, groen_pct):
        aanroepen.append((round(geometrie.area), groen_pct))
        return {"uhi_voor_plan_c": 5.0, "uhi_na_plan_c": 5.25, "verschil_plan_c": 0.25, "groen_pct_neutraal": 40.0}

    met = groene_stad.gs3(ToetsContext(plannen(plan), lagen=wereld(), analyses={"hitte": hitte}))[0]
    assert aanroepen == [(10000, 10.0)]
    assert (met.status, met.waarden["uhi_verschil_c"], met.waarden["groen_pct_uhi_neutraal"]) == ("aandachtspunt", 0.25, 40.0)
    assert "stijgt het hitte-eiland in het plan met 0,25 °C" in met.toelichting and "40%" in met.toelichting
    zonder = groene_stad.gs3(ToetsContext(plannen(plan), lagen=wereld()))[0]
    assert "uhi_verschil_c" not in zonder.waarden and "hitte-eilandmodel" not in zonder.toelichting


def test_toets_op_de_meegeleverde_lagen_rekent_het_hitte_eiland_voor_en_na():
    from omgevingsvisie import laad_laag
    from omgevingsvisie.toets import toets

    havenkwartier = laad_laag("focusgebieden").set_index("naam").geometry["Havenkwartier"]
    p = havenkwartier.representative_point()
    vlak = shapely.box(p.x - 80, p.y - 80, p.x + 80, p.y + 80)
    gdf = gpd.GeoDataFrame([{**PROGRAMMA_STANDAARD, "naam": "veel groen", "functies": ("wonen",), "woningen": 50,
                             "groen_pct": 60.0},
                            {**PROGRAMMA_STANDAARD, "naam": "weinig groen", "functies": ("wonen",), "woningen": 50,
                             "groen_pct": 5.0}], geometry=[vlak, vlak], crs="EPSG:28992")
    gs3 = [next(b for b in r.bevindingen if b.regel == "GS3") for r in toets(gdf)]
    assert gs3[0].waarden["uhi_na_c"] < gs3[1].waarden["uhi_na_c"]  # meer groen, koeler
    assert gs3[0].waarden["uhi_voor_c"] == gs3[1].waarden["uhi_voor_c"]
