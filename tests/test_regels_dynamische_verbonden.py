"""Regels Dynamische stad (DS1–DS8) en Verbonden stad (VS1–VS3) op de synthetische gemeente.

Elke regel krijgt een tabel met gevallen: een plangebied (een rechthoek in lokale meters, zie
``tests/synthetisch.py``), een programma, de verwachte status, de verwachte ``waarden`` en de
tekst die in de toelichting moet staan. Alle verwachte getallen zijn met de hand uit de
geometrie van de synthetische gemeente berekend (de berekening staat erbij), niet met de code
die getest wordt; teksten staan letterlijk in Nederlandse notatie ("3.800 m", "2 ha", "25%").

Drempels: wat er precies op de grens gebeurt (en dus vastligt in deze tests)
-----------------------------------------------------------------------------
- 'Ligt in' een gebied (publiekshart, binnenstad, schil, TRZ bij DS1, bedrijventerrein bij DS3):
  minstens de helft van de oppervlakte; precies 50% telt als 'in' (DS1, DS3: voldoet).
- DS4 en DS5 (Assen-Zuid, TRZ) gelden al bij elke overlap met het focusgebied.
- DS2 afstand_wijkcentrum_m = 500: precies 500 m is nog 'nabij' (voldoet); daarboven aandachtspunt.
- DS4 max_milieucategorie = "4.2": categorie 4.2 zelf voldoet; 5.1 (de volgende) is strijdig.
- DS6 min_woningen = 12 (12 telt mee, 11 niet), min_bvo_m2 = 500 (500 telt mee),
  min_oppervlakte_m2 = 5000 voor niet-woonfuncties (5000 telt mee, 4000 niet). Buiten < 1 m²
  (ALGEMEEN.min_oppervlak_m2, technische ondergrens) voldoet; precies de helft buiten is strijdig.
- DS7 sociale_huur_min_pct = 30: precies 30% voldoet; vanaf_woningen = 12: 12 woningen telt mee.
- VS1 afstand_barriere_m = 100: precies 100 m is 'bij de barrière' (aandachtspunt); 101 m niet.
- VS2 afstand_wijkcentrum_m = 800: verste woning op precies 800 m voldoet; 800,6 m niet.
- Raken (alleen een gedeelde rand) is niet 'in': DS8 focusgebied, VS1 barrièregebied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pytest
import shapely
from synthetisch import CRS, X0, Y0, lijn, plannen, punt, vak, wereld

from omgevingsvisie.bevinding import Bevinding
from omgevingsvisie.regels import ToetsContext, dynamische_stad, laad_parameters, verbonden_stad


@dataclass(frozen=True)
class Geval:
    """Eén plan met wat een regel erover moet zeggen."""

    naam: str
    geom: Any
    programma: dict
    status: str
    waarden: dict = field(default_factory=dict)
    tekst: tuple[str, ...] = ()
    geometrie: Any = None  # de geometrie die de regel moet teruggeven (None: geen)


def toets_een(regel, geom, programma: dict, *, lagen=None, parameters=None) -> Bevinding:
    ctx = ToetsContext(plannen((geom, dict(programma))), lagen=lagen or wereld(), parameters=parameters)
    [bevinding] = regel(ctx)
    return bevinding


def wereld_met(**vervangen: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    lagen = wereld()
    lagen.update(vervangen)
    return lagen


def laag(*rijen: dict) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(list(rijen), geometry="geometry", crs=CRS)


def controleer(b: Bevinding, geval: Geval) -> None:
    assert b.status == geval.status, b.toelichting
    for sleutel, verwacht in geval.waarden.items():
        gemeten = b.waarden[sleutel]
        if isinstance(verwacht, float):
            assert gemeten == pytest.approx(verwacht, abs=0.05), sleutel
        else:
            assert gemeten == verwacht, sleutel
    for tekst in geval.tekst:
        assert tekst in b.toelichting
    if geval.geometrie is None:
        assert b.geometrie is None
    else:
        assert b.geometrie is not None and shapely.equals(b.geometrie, geval.geometrie), b.geometrie


# --------------------------------------------------------------------------- DS1
# Publiekshart [1200-1600]², Binnenstad [1000-2000]², schil = Bestaand BT [2500-3500]² (in de stad
# [0-5000]²), TRZ [8000-9000 × 6000-7000].
DS1 = [
    Geval("niet_van_toepassing-geen-publiekstrekkende-functies", vak(1300, 1300, 1500, 1500),
          {"functies": ["wonen"], "woningen": 20}, "niet_van_toepassing",
          {"publiekstrekkende_functies": [], "in_publiekshart_pct": 100.0}, ("geen publiekstrekkende functies",)),
    Geval("voldoet-in-publiekshart", vak(1300, 1300, 1500, 1500), {"functies": ["horeca", "wonen"]}, "voldoet",
          {"publiekstrekkende_functies": ["horeca"], "in_publiekshart_pct": 100.0, "in_binnenstad_pct": 100.0,
           "in_schil_pct": 0.0}, ("(horeca) in het publiekshart",)),
    # x 1400–1800, hart tot x 1600: 200/400 = precies 50% -> nog 'in' het publiekshart
    Geval("voldoet-precies-helft-in-publiekshart", vak(1400, 1300, 1800, 1500), {"functies": ["cultuur"]}, "voldoet",
          {"in_publiekshart_pct": 50.0, "in_binnenstad_pct": 100.0}),
    Geval("niet_van_toepassing-leisure-in-trz-zie-ds5", vak(8200, 6200, 8800, 6800), {"functies": ["leisure", "horeca"]},
          "niet_van_toepassing", {"publiekstrekkende_functies": ["horeca", "leisure"], "in_publiekshart_pct": 0.0,
                                  "in_binnenstad_pct": 0.0, "in_schil_pct": 0.0}, ("TRZ", "zie regel DS5")),
    # x 1500–1900: 100/400 = 25% in het hart, geheel in de binnenstad
    Geval("aandachtspunt-binnenstad-buiten-publiekshart", vak(1500, 1300, 1900, 1500), {"functies": ["horeca"]},
          "aandachtspunt", {"in_publiekshart_pct": 25.0, "in_binnenstad_pct": 100.0, "in_schil_pct": 0.0},
          ("in de binnenstad maar buiten het publiekshart",)),
    Geval("aandachtspunt-schil-bestaand-bedrijventerrein", vak(2600, 2600, 3000, 3000),
          {"functies": ["detailhandel_niet_dagelijks"]}, "aandachtspunt",
          {"in_schil_pct": 100.0, "in_binnenstad_pct": 0.0, "in_publiekshart_pct": 0.0}, ("in de schil",)),
    # x 3300–3700, terrein tot x 3500: precies 50% in de schil
    Geval("aandachtspunt-precies-helft-in-schil", vak(3300, 2600, 3700, 3000), {"functies": ["leisure"]},
          "aandachtspunt", {"in_schil_pct": 50.0}, ("in de schil",)),
    Geval("strijdig-rand-van-de-stad", vak(5500, 3000, 5800, 3300), {"functies": ["leisure"]}, "strijdig",
          {"publiekstrekkende_functies": ["leisure"], "in_publiekshart_pct": 0.0, "in_binnenstad_pct": 0.0,
           "in_schil_pct": 0.0}, ("(leisure) aan de rand van de stad",)),
    # De uitzondering 'zie DS5' geldt alleen voor functies die in de TRZ passen.
    Geval("strijdig-winkels-in-trz-vallen-niet-onder-ds5-uitzondering", vak(8200, 6200, 8800, 6800),
          {"functies": ["detailhandel_niet_dagelijks"]}, "strijdig", {"in_schil_pct": 0.0}, ("rand van de stad",)),
]

# --------------------------------------------------------------------------- DS2
# Wijkcentrum West is het punt (3000, 3000); afstand = tot de dichtstbijzijnde rand van het plan.
DS2 = [
    Geval("niet_van_toepassing-geen-detailhandel", vak(1300, 1300, 1500, 1500), {"functies": ["horeca"]},
          "niet_van_toepassing", {}, ("geen detailhandel",)),
    Geval("voldoet-niet-dagelijks-in-publiekshart", vak(1300, 1300, 1500, 1500),
          {"functies": ["detailhandel_niet_dagelijks"]}, "voldoet", {"in_publiekshart_pct": 100.0},
          ("Niet-dagelijkse detailhandel in het publiekshart",)),
    Geval("strijdig-niet-dagelijks-buiten-publiekshart", vak(1700, 1700, 1900, 1900),
          {"functies": ["detailhandel_niet_dagelijks"], "bvo_detailhandel_m2": 1200.0}, "strijdig",
          {"in_publiekshart_pct": 0.0, "bvo_detailhandel_m2": 1200.0}, ("buiten het publiekshart", "40.000 m²")),
    # plan x 3300–3500, y 2900–3100: 3300 - 3000 = 300 m
    Geval("voldoet-dagelijks-bij-wijkcentrum", vak(3300, 2900, 3500, 3100), {"functies": ["detailhandel_dagelijks"]},
          "voldoet", {"afstand_wijkcentrum_m": 300.0, "wijkcentrum": "Wijkcentrum West", "afstand_max_m": 500.0},
          ("op 300 m van wijkcentrum Wijkcentrum West",)),
    Geval("voldoet-dagelijks-precies-500-m", vak(3500, 2900, 3700, 3100), {"functies": ["detailhandel_dagelijks"]},
          "voldoet", {"afstand_wijkcentrum_m": 500.0}, ("op 500 m van wijkcentrum",)),
    Geval("aandachtspunt-dagelijks-600-m", vak(3600, 2900, 3800, 3100), {"functies": ["detailhandel_dagelijks"]},
          "aandachtspunt", {"afstand_wijkcentrum_m": 600.0, "wijkcentrum": "Wijkcentrum West"},
          ("op 600 m van het dichtstbijzijnde wijkcentrum (Wijkcentrum West)", "binnen 500 m")),
    # dichtstbijzijnde punt (3000, 4500): 1500 m
    Geval("aandachtspunt-dagelijks-1500-m", vak(3000, 4500, 3200, 4700), {"functies": ["detailhandel_dagelijks"]},
          "aandachtspunt", {"afstand_wijkcentrum_m": 1500.0}, ("op 1.500 m",)),
    # in de binnenstad telt de afstand niet: (1200,1200)-(3000,3000) = 1800·√2 = 2545,6 m
    Geval("voldoet-dagelijks-in-binnenstad-ver-van-wijkcentrum", vak(1100, 1100, 1200, 1200),
          {"functies": ["detailhandel_dagelijks"]}, "voldoet", {"afstand_wijkcentrum_m": 2545.6},
          ("Dagelijkse detailhandel in de binnenstad",)),
    # beide soorten: de zwaarste status wint, en beide zinnen staan in de toelichting
    Geval("strijdig-beide-niet-dagelijks-strijdig-dagelijks-voldoet", vak(1700, 1700, 1900, 1900),
          {"functies": ["detailhandel_niet_dagelijks", "detailhandel_dagelijks"]}, "strijdig", {},
          ("Niet-dagelijkse detailhandel buiten het publiekshart", "Dagelijkse detailhandel in de binnenstad")),
    Geval("strijdig-beide-niet-dagelijks-strijdig-dagelijks-aandachtspunt", vak(3600, 2900, 3800, 3100),
          {"functies": ["detailhandel_niet_dagelijks", "detailhandel_dagelijks"]}, "strijdig",
          {"afstand_wijkcentrum_m": 600.0}, ("buiten het publiekshart", "op 600 m")),
    Geval("voldoet-beide-in-publiekshart", vak(1300, 1300, 1500, 1500),
          {"functies": ["detailhandel_niet_dagelijks", "detailhandel_dagelijks"]}, "voldoet", {},
          ("in het publiekshart", "in de binnenstad")),
]

# --------------------------------------------------------------------------- DS3
# Bestaand BT [2500-3500]² (bestaand), Werklandschap Zuid [6000-7000 × 6000-7000] (gepland),
# Messchenveld II [8000-9000]² (zoekgebied).
DS3 = [
    Geval("niet_van_toepassing-geen-bedrijf", vak(5500, 5500, 5900, 5900), {"functies": ["wonen"]},
          "niet_van_toepassing", {"op_bedrijventerrein_pct": 0.0}, ("geen bedrijf",)),
    Geval("voldoet-bestaand-bedrijventerrein", vak(2600, 2600, 3000, 3000), {"functies": ["bedrijf"]}, "voldoet",
          {"op_bedrijventerrein_pct": 100.0, "in_zoekgebied_pct": 0.0, "bedrijventerreinen": ["Bestaand BT"]},
          ("bestaand of gepland bedrijventerrein (Bestaand BT)",)),
    Geval("voldoet-gepland-bedrijventerrein", vak(6200, 6200, 6800, 6800), {"functies": ["bedrijf"]}, "voldoet",
          {"op_bedrijventerrein_pct": 100.0, "bedrijventerreinen": ["Werklandschap Zuid"]}, ("(Werklandschap Zuid)",)),
    # x 3300–3700, terrein tot 3500: precies 50%
    Geval("voldoet-precies-helft-op-terrein", vak(3300, 2600, 3700, 3000), {"functies": ["bedrijf"]}, "voldoet",
          {"op_bedrijventerrein_pct": 50.0}),
    Geval("aandachtspunt-zoekgebied-messchenveld", vak(8200, 8200, 8800, 8800), {"functies": ["bedrijf"]},
          "aandachtspunt", {"op_bedrijventerrein_pct": 0.0, "in_zoekgebied_pct": 100.0,
                            "bedrijventerreinen": ["Messchenveld II"]}, ("zoekgebied Messchenveld II",)),
    # x 3400–3800: 100/400 = 25% op het terrein
    Geval("strijdig-kwart-op-terrein", vak(3400, 2600, 3800, 3000), {"functies": ["bedrijf"]}, "strijdig",
          {"op_bedrijventerrein_pct": 25.0, "bedrijventerreinen": ["Bestaand BT"]}, ("geen nieuwe werklocaties",)),
    Geval("strijdig-buiten-bedrijventerreinen", vak(5500, 5500, 5900, 5900), {"functies": ["bedrijf", "kantoor"]},
          "strijdig", {"op_bedrijventerrein_pct": 0.0, "in_zoekgebied_pct": 0.0, "bedrijventerreinen": []},
          ("buiten de bestaande en geplande bedrijventerreinen",)),
]

# --------------------------------------------------------------------------- DS4
ZUID = vak(6200, 6200, 6800, 6800)  # Assen-Zuid [6000-7000 × 6000-7000]
DS4 = [
    Geval("niet_van_toepassing-bedrijf-buiten-assen-zuid", vak(2600, 2600, 3000, 3000),
          {"functies": ["bedrijf"], "milieucategorie": "5.1"}, "niet_van_toepassing", {"milieucategorie": "5.1"},
          ("Geen bedrijf in werklandschap Assen-Zuid",)),
    Geval("niet_van_toepassing-geen-bedrijf-in-assen-zuid", ZUID, {"functies": ["zonnepark"]}, "niet_van_toepassing"),
    Geval("onvoldoende_gegevens-geen-milieucategorie", ZUID, {"functies": ["bedrijf"]}, "onvoldoende_gegevens",
          {"milieucategorie": None, "max_milieucategorie": "4.2"}, ("zonder milieucategorie",)),
    Geval("voldoet-precies-4.2", ZUID, {"functies": ["bedrijf"], "milieucategorie": "4.2"}, "voldoet",
          {"milieucategorie": "4.2", "max_milieucategorie": "4.2"}, ("Milieucategorie 4.2 past", "tot en met 4.2")),
    Geval("voldoet-3.1", ZUID, {"functies": ["bedrijf"], "milieucategorie": "3.1"}, "voldoet", {"milieucategorie": "3.1"}),
    Geval("strijdig-5.1", ZUID, {"functies": ["bedrijf"], "milieucategorie": "5.1"}, "strijdig",
          {"milieucategorie": "5.1"}, ("Milieucategorie 5.1 is zwaarder", "tot en met 4.2")),
    # elke overlap met Assen-Zuid telt: x 6900–7100 ligt voor de helft erin
    Geval("strijdig-deels-in-assen-zuid", vak(6900, 6200, 7100, 6400), {"functies": ["bedrijf"], "milieucategorie": "6"},
          "strijdig", {"milieucategorie": "6"}, ("Milieucategorie 6",)),
]

# --------------------------------------------------------------------------- DS5
TRZ = vak(8200, 6200, 8800, 6800)  # TRZ [8000-9000 × 6000-7000]
DS5 = [
    Geval("niet_van_toepassing-buiten-trz", vak(5500, 5500, 5900, 5900), {"functies": ["detailhandel_niet_dagelijks"]},
          "niet_van_toepassing", {}, ("niet in de TRZ",)),
    Geval("voldoet-leisure-en-horeca", TRZ, {"functies": ["leisure", "horeca"]}, "voldoet",
          {"functies": ["horeca", "leisure"], "concurrerend": []}, ("Toeristisch-recreatieve functies in de TRZ",)),
    # elke overlap telt: x 8900–9200 ligt voor een derde in de TRZ
    Geval("voldoet-deels-in-trz", vak(8900, 6200, 9200, 6400), {"functies": ["leisure"]}, "voldoet"),
    Geval("strijdig-winkels-concurreren-met-binnenstad", TRZ, {"functies": ["leisure", "detailhandel_niet_dagelijks"]},
          "strijdig", {"concurrerend": ["detailhandel_niet_dagelijks"]},
          ("concurreren detailhandel_niet_dagelijks met de binnenstad",)),
    Geval("strijdig-kantoor", TRZ, {"functies": ["kantoor", "horeca"]}, "strijdig", {"concurrerend": ["kantoor"]},
          ("concurreren kantoor",)),
    Geval("aandachtspunt-wonen-past-niet", TRZ, {"functies": ["leisure", "wonen"], "woningen": 10}, "aandachtspunt",
          {"functies": ["leisure", "wonen"], "concurrerend": []}, ("passen wonen niet",)),
]

# --------------------------------------------------------------------------- DS6
# Toegestaan: bestaand stedelijk gebied [0-5000]², woningbouwlocatie Kloosterveen [6000-7000 × 1000-2000]
# en alle bedrijventerreinen (ook het zoekgebied). Buiten = plan minus dat alles.
DS6 = [
    Geval("niet_van_toepassing-alleen-groen", vak(5200, 5200, 5700, 5700), {"functies": ["groen"]},
          "niet_van_toepassing", {"buiten_m2": 250_000.0, "buiten_pct": 100.0}, ("Geen voldoende substantiële",)),
    Geval("niet_van_toepassing-11-woningen", vak(5200, 2000, 5400, 2200), {"functies": ["wonen"], "woningen": 11},
          "niet_van_toepassing", {"buiten_m2": 40_000.0, "buiten_pct": 100.0}),
    Geval("strijdig-precies-12-woningen", vak(5200, 2000, 5400, 2200), {"functies": ["wonen"], "woningen": 12},
          "strijdig", {"buiten_m2": 40_000.0, "buiten_pct": 100.0}, ("(100%)",), vak(5200, 2000, 5400, 2200)),
    # 100 × 40 = 4000 m² sport: te klein; 100 × 50 = 5000 m²: precies de ondergrens
    Geval("niet_van_toepassing-sport-4000-m2", vak(5200, 2000, 5300, 2040), {"functies": ["sport"]},
          "niet_van_toepassing", {"buiten_m2": 4000.0}),
    Geval("strijdig-sport-precies-5000-m2", vak(5200, 2000, 5300, 2050), {"functies": ["sport"]}, "strijdig",
          {"buiten_m2": 5000.0, "buiten_pct": 100.0}, (), vak(5200, 2000, 5300, 2050)),
    Geval("strijdig-kantoor-precies-500-m2-bvo", vak(5200, 2000, 5220, 2020),
          {"functies": ["kantoor"], "bvo_kantoor_m2": 500.0}, "strijdig", {"buiten_m2": 400.0}, (),
          vak(5200, 2000, 5220, 2020)),
    Geval("voldoet-in-bestaand-stedelijk-gebied", vak(2000, 2000, 2400, 2400), {"functies": ["wonen"], "woningen": 40},
          "voldoet", {"buiten_m2": 0.0, "buiten_pct": 0.0}, ("inbreiding",)),
    Geval("voldoet-op-woningbouwlocatie-buiten-de-stad", vak(6200, 1200, 6800, 1800),
          {"functies": ["wonen"], "woningen": 40}, "voldoet", {"buiten_m2": 0.0}),
    Geval("voldoet-bedrijf-in-zoekgebied", vak(8200, 8200, 8800, 8800), {"functies": ["bedrijf"]}, "voldoet",
          {"buiten_m2": 0.0}),
    # 0,005 m × 100 m = 0,5 m² buiten: onder de technische ondergrens van 1 m²
    Geval("voldoet-randje-onder-1-m2", vak(4000, 2000, 5000.005, 2100), {"functies": ["wonen"], "woningen": 40},
          "voldoet", {"buiten_m2": 0.5}),
    # 400 × 200 = 80.000 m²; buiten x 5000–5100: 100 × 200 = 20.000 m² = 25%
    Geval("aandachtspunt-kwart-buiten", vak(4700, 2000, 5100, 2200), {"functies": ["wonen"], "woningen": 40},
          "aandachtspunt", {"buiten_m2": 20_000.0, "buiten_pct": 25.0}, ("2 ha (25%)", "motiveer"),
          vak(5000, 2000, 5100, 2200)),
    # 110 × 100 = 11.000 m²; buiten 10 × 100 = 1.000 m² = 9,09%
    Geval("aandachtspunt-1000-m2-buiten", vak(4900, 2000, 5010, 2100), {"functies": ["wonen"], "woningen": 40},
          "aandachtspunt", {"buiten_m2": 1000.0, "buiten_pct": 9.1}, ("1.000 m² (9,1%)",), vak(5000, 2000, 5010, 2100)),
    # 400 × 200; buiten x 5000–5300: 60.000 m² = 75%
    Geval("strijdig-grotendeels-buiten", vak(4900, 2000, 5300, 2200), {"functies": ["wonen"], "woningen": 40},
          "strijdig", {"buiten_m2": 60_000.0, "buiten_pct": 75.0}, ("grotendeels (75%)", "eerst inbreiding"),
          vak(5000, 2000, 5300, 2200)),
    Geval("strijdig-precies-helft-buiten", vak(4800, 2000, 5200, 2200), {"functies": ["wonen"], "woningen": 40},
          "strijdig", {"buiten_m2": 40_000.0, "buiten_pct": 50.0}, ("(50%)",), vak(5000, 2000, 5200, 2200)),
]

# --------------------------------------------------------------------------- DS7
ERGENS = vak(2000, 2000, 2400, 2400)
DS7 = [
    Geval("niet_van_toepassing-geen-woningen", ERGENS, {"functies": ["bedrijf"]}, "niet_van_toepassing",
          {"woningen": None}, ("Minder dan 12 nieuwe woningen",)),
    Geval("niet_van_toepassing-11-woningen", ERGENS, {"functies": ["wonen"], "woningen": 11, "sociale_huur": 0},
          "niet_van_toepassing", {"woningen": 11, "vanaf_woningen": 12}),
    Geval("onvoldoende_gegevens-sociale-huur-ontbreekt", ERGENS, {"functies": ["wonen"], "woningen": 40},
          "onvoldoende_gegevens", {"woningen": 40, "sociale_huur": None}, ("40 woningen", "ontbreekt (sociale_huur)")),
    # 12 woningen telt mee; 3/12 = 25%
    Geval("strijdig-precies-12-woningen-25-procent", ERGENS, {"functies": ["wonen"], "woningen": 12, "sociale_huur": 3},
          "strijdig", {"sociale_huur_pct": 25.0}, ("3 van 12 woningen sociale huur (25%)", "minimaal 30%")),
    Geval("strijdig-100-van-400", ERGENS, {"functies": ["wonen"], "woningen": 400, "sociale_huur": 100}, "strijdig",
          {"woningen": 400, "sociale_huur": 100, "sociale_huur_pct": 25.0}, ("100 van 400 woningen sociale huur (25%)",)),
    Geval("strijdig-geen-sociale-huur", ERGENS, {"functies": ["wonen"], "woningen": 40, "sociale_huur": 0}, "strijdig",
          {"sociale_huur_pct": 0.0}, ("0 van 40 woningen sociale huur (0%)",)),
    # 96/320 = precies 30%
    Geval("voldoet-precies-30-procent", ERGENS, {"functies": ["wonen"], "woningen": 320, "sociale_huur": 96}, "voldoet",
          {"sociale_huur_pct": 30.0, "sociale_huur_min_pct": 30.0}, ("96 van 320 woningen sociale huur (30%",)),
    Geval("voldoet-1200-van-3000", ERGENS, {"functies": ["wonen"], "woningen": 3000, "sociale_huur": 1200}, "voldoet",
          {"sociale_huur_pct": 40.0}, ("1.200 van 3.000 woningen sociale huur (40%",)),
]

# --------------------------------------------------------------------------- DS8
DS8 = [
    Geval("niet_van_toepassing-buiten-focusgebieden", vak(5200, 5200, 5400, 5400), {"functies": ["wonen"]},
          "niet_van_toepassing", {}, ("niet in een focusgebied",)),
    # Binnenstad [1000-2000]²: x 2000–2500 deelt alleen de rand x = 2000
    Geval("niet_van_toepassing-plan-naast-binnenstad", vak(2000, 1000, 2500, 1500), {"functies": ["bedrijf"]},
          "niet_van_toepassing", {}, ("niet in een focusgebied",)),
    Geval("voldoet-wonen-in-havenkwartier", vak(3200, 1200, 3400, 1400), {"functies": ["wonen", "groen"]}, "voldoet",
          {"focusgebieden": ["Havenkwartier"], "niet_passend": []},
          ("Havenkwartier: Transformatie naar wonen.", "past bij die opgave")),
    Geval("voldoet-bedrijf-in-assen-zuid", ZUID, {"functies": ["bedrijf"]}, "voldoet",
          {"focusgebieden": ["Assen-Zuid"]}, ("Assen-Zuid: Werklandschap t/m 4.2.",)),
    Geval("aandachtspunt-bedrijf-en-winkels-in-havenkwartier", vak(3200, 1200, 3400, 1400),
          {"functies": ["wonen", "bedrijf", "detailhandel_niet_dagelijks"]}, "aandachtspunt",
          {"focusgebieden": ["Havenkwartier"], "niet_passend": ["bedrijf", "detailhandel_niet_dagelijks"]},
          ("Havenkwartier: Transformatie naar wonen.", "De functies bedrijf, detailhandel_niet_dagelijks passen")),
    # x 1900–3100 ligt in de binnenstad (tot 2000) en in het Havenkwartier (vanaf 3000)
    Geval("aandachtspunt-over-twee-focusgebieden", vak(1900, 1500, 3100, 1600),
          {"functies": ["detailhandel_niet_dagelijks"]}, "aandachtspunt",
          {"focusgebieden": ["Binnenstad", "Havenkwartier"], "niet_passend": ["detailhandel_niet_dagelijks"]},
          ("Binnenstad: Compacte binnenstad.", "Havenkwartier: Transformatie naar wonen.")),
]

# --------------------------------------------------------------------------- VS1
# Ringweg is de lijn x = 5000; barrièregebied Bestaand BT [2500-3500]².
VS1 = [
    Geval("niet_van_toepassing-ver-van-barriere", vak(1000, 1000, 1200, 1200), {"functies": ["wonen"]},
          "niet_van_toepassing", {"afstand_barriere_m": 3800.0, "barriere": "Ringweg", "barrieregebieden": []},
          ("dichtstbij: Ringweg, 3.800 m",)),
    Geval("niet_van_toepassing-101-m", vak(4700, 2000, 4899, 2100), {"functies": ["wonen"]}, "niet_van_toepassing",
          {"afstand_barriere_m": 101.0}, ("101 m",)),
    # Bestaand BT begint bij y = 2500: het plan deelt alleen die rand
    Geval("niet_van_toepassing-plan-naast-barrieregebied", vak(2500, 2000, 2800, 2500), {"functies": ["wonen"]},
          "niet_van_toepassing", {"afstand_barriere_m": 2200.0, "barrieregebieden": []}),
    Geval("aandachtspunt-50-m-van-barriere", vak(4850, 2000, 4950, 2100), {"functies": ["wonen"]}, "aandachtspunt",
          {"afstand_barriere_m": 50.0, "barriere": "Ringweg", "afstand_max_m": 100.0, "lv_verbinding": None},
          ("op 50 m van barrière Ringweg", "(lv_verbinding)")),
    Geval("aandachtspunt-precies-100-m", vak(4800, 2000, 4900, 2100), {"functies": ["wonen"]}, "aandachtspunt",
          {"afstand_barriere_m": 100.0}, ("op 100 m van barrière Ringweg",)),
    Geval("aandachtspunt-in-barrieregebied", vak(2600, 2600, 2800, 2800), {"functies": ["bedrijf"]}, "aandachtspunt",
          {"afstand_barriere_m": 2200.0, "barrieregebieden": ["Bestaand BT"]}, ("in barrièregebied Bestaand BT",)),
    Geval("aandachtspunt-lv_verbinding-nee", vak(4850, 2000, 4950, 2100), {"functies": ["wonen"], "lv_verbinding": False},
          "aandachtspunt", {"lv_verbinding": False}),
    Geval("voldoet-bij-barriere-met-lv_verbinding", vak(4850, 2000, 4950, 2100),
          {"functies": ["wonen"], "lv_verbinding": True}, "voldoet", {"afstand_barriere_m": 50.0, "lv_verbinding": True},
          ("op 50 m van barrière Ringweg", "voegt een verbinding")),
    Geval("voldoet-in-barrieregebied-met-lv_verbinding", vak(2600, 2600, 2800, 2800),
          {"functies": ["bedrijf"], "lv_verbinding": True}, "voldoet", {"barrieregebieden": ["Bestaand BT"]},
          ("in barrièregebied Bestaand BT",)),
]

# --------------------------------------------------------------------------- VS2
# Voorzieningen: Wijkcentrum West (3000, 3000) en het publiekshart [1200-1600]². Gemeten wordt
# de verste hoek van het plan tot de dichtstbijzijnde voorziening.
VS2 = [
    Geval("niet_van_toepassing-geen-woningen", vak(3800, 2900, 4000, 3100), {"functies": ["bedrijf"]},
          "niet_van_toepassing", {}, ("geen woningen",)),
    # verste hoek (3300, 3100): √(300² + 100²) = 316,2 m
    Geval("voldoet-zorgwonen-bij-wijkcentrum", vak(3100, 2900, 3300, 3100), {"functies": ["zorgwonen"]}, "voldoet",
          {"afstand_verst_m": 316.2, "afstand_max_m": 800.0}, ("verst: 316 m", "binnen 800 m")),
    # verste hoek (3480, 3640): √(480² + 640²) = precies 800 m
    Geval("voldoet-precies-800-m", vak(3000, 3000, 3480, 3640), {"functies": ["wonen"]}, "voldoet",
          {"afstand_verst_m": 800.0}, ("verst: 800 m",)),
    # verste hoek (1800, 1800) tot het publiekshart: 200·√2 = 282,8 m (tot het wijkcentrum 1.979,9 m)
    Geval("voldoet-publiekshart-telt-als-voorziening", vak(1600, 1600, 1800, 1800), {"functies": ["wonen"]}, "voldoet",
          {"afstand_verst_m": 282.8}, ("verst: 283 m",)),
    # √(481² + 640²) = 800,6 m
    Geval("aandachtspunt-800.6-m", vak(3000, 3000, 3481, 3640), {"functies": ["wonen"]}, "aandachtspunt",
          {"afstand_verst_m": 800.6}, ("verst: 801 m",)),
    # verste hoek (4000, 3100): √(1000² + 100²) = 1.005,0 m
    Geval("aandachtspunt-1005-m", vak(3800, 2900, 4000, 3100), {"functies": ["wonen"], "woningen": 30}, "aandachtspunt",
          {"afstand_verst_m": 1005.0}, ("verder dan 800 m", "verst: 1.005 m")),
]

# --------------------------------------------------------------------------- VS3
# Groene as: de lijn y = 4250 over de hele gemeente.
VS3 = [
    Geval("niet_van_toepassing-niet-op-verbinding", vak(1000, 1000, 1200, 1200), {"functies": ["wonen"]},
          "niet_van_toepassing", {"lengte_m": 0.0, "verbindingen": []}, ("niet op een groene verbinding",)),
    Geval("aandachtspunt-300-m-gekruist", vak(1000, 4000, 1300, 4500), {"functies": ["wonen"]}, "aandachtspunt",
          {"lengte_m": 300.0, "verbindingen": ["Groene as"]}, ("over 300 m van de groene verbinding Groene as",),
          lijn((1000, 4250), (1300, 4250))),
    Geval("aandachtspunt-1200-m-gekruist", vak(1000, 4200, 2200, 4300), {"functies": ["bedrijf"]}, "aandachtspunt",
          {"lengte_m": 1200.0}, ("over 1.200 m",), lijn((1000, 4250), (2200, 4250))),
    # ruit met halve diagonaal 300 rond (2000, 4250): de lijn snijdt van x 1700 tot 2300 = 600 m
    Geval("aandachtspunt-ruit-600-m", shapely.Polygon([(X0 + x, Y0 + y) for x, y in
                                                        [(1700, 4250), (2000, 4550), (2300, 4250), (2000, 3950)]]),
          {"functies": ["wonen"]}, "aandachtspunt", {"lengte_m": 600.0}, ("over 600 m",), lijn((1700, 4250), (2300, 4250))),
    Geval("voldoet-alleen-groen-en-water", vak(1000, 4000, 1300, 4500), {"functies": ["groen", "water"]}, "voldoet",
          {"lengte_m": 300.0, "verbindingen": ["Groene as"]}, ("op 300 m groene verbinding (Groene as)", "alleen groen"),
          lijn((1000, 4250), (1300, 4250))),
]

REGELS = {
    "DS1": (dynamische_stad.ds1, DS1), "DS2": (dynamische_stad.ds2, DS2), "DS3": (dynamische_stad.ds3, DS3),
    "DS4": (dynamische_stad.ds4, DS4), "DS5": (dynamische_stad.ds5, DS5), "DS6": (dynamische_stad.ds6, DS6),
    "DS7": (dynamische_stad.ds7, DS7), "DS8": (dynamische_stad.ds8, DS8),
    "VS1": (verbonden_stad.vs1, VS1), "VS2": (verbonden_stad.vs2, VS2), "VS3": (verbonden_stad.vs3, VS3),
}

# Alle statussen die elke regel kan geven (uit de code gelezen); de tabellen moeten ze allemaal halen.
MOGELIJK = {
    "DS1": {"niet_van_toepassing", "voldoet", "aandachtspunt", "strijdig"},
    "DS2": {"niet_van_toepassing", "voldoet", "aandachtspunt", "strijdig"},
    "DS3": {"niet_van_toepassing", "voldoet", "aandachtspunt", "strijdig"},
    "DS4": {"niet_van_toepassing", "onvoldoende_gegevens", "voldoet", "strijdig"},
    "DS5": {"niet_van_toepassing", "voldoet", "aandachtspunt", "strijdig"},
    "DS6": {"niet_van_toepassing", "voldoet", "aandachtspunt", "strijdig"},
    "DS7": {"niet_van_toepassing", "onvoldoende_gegevens", "voldoet", "strijdig"},
    "DS8": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
    "VS1": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
    "VS2": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
    "VS3": {"niet_van_toepassing", "voldoet", "aandachtspunt"},
}

# De bron die elke regel moet noemen (document + paragraaf).
BRONNEN = {
    "DS1": "Omgevingsvisie Assen 2021, §3.2B", "DS2": "Omgevingsvisie Assen 2021, §3.4",
    "DS3": "opgaven Werken 1 en 3", "DS4": "Omgevingsvisie Assen 2021, §3.4 Assen-Zuid",
    "DS5": "Omgevingsvisie Assen 2021, §3.4 TRZ", "DS6": "art. 5.129g", "DS7": "Programmabegroting Assen 2024",
    "DS8": "Omgevingsvisie Assen 2021, §3.4", "VS1": "Omgevingsvisie Assen 2021, §2.10",
    "VS2": "Omgevingsvisie Assen 2021, §3.3A", "VS3": "visiekaart Verbonden stad",
}

GEVALLEN = [pytest.param(regel, geval, id=f"{regel}-{geval.naam}") for regel, (_, tabel) in REGELS.items()
            for geval in tabel]


@pytest.mark.parametrize(("regel", "geval"), GEVALLEN)
def test_status_en_waarden(regel, geval):
    functie, _ = REGELS[regel]
    b = toets_een(functie, geval.geom, geval.programma)
    assert b.regel == regel
    controleer(b, geval)


@pytest.mark.parametrize("regel", list(REGELS))
def test_alle_gevallen_in_een_batch(regel):
    """Alle plannen van een regel tegelijk: de regel werkt gevectoriseerd, de volgorde moet kloppen."""
    functie, tabel = REGELS[regel]
    ctx = ToetsContext(plannen(*[(g.geom, dict(g.programma)) for g in tabel]), lagen=wereld())
    bevindingen = functie(ctx)
    assert [b.status for b in bevindingen] == [g.status for g in tabel]
    for b, g in zip(bevindingen, tabel):
        controleer(b, g)


@pytest.mark.parametrize("regel", list(REGELS))
def test_tabel_dekt_elke_status(regel):
    _, tabel = REGELS[regel]
    assert {g.status for g in tabel} == MOGELIJK[regel]


@pytest.mark.parametrize("regel", list(REGELS))
def test_bron_noemt_document(regel):
    functie, tabel = REGELS[regel]
    ctx = ToetsContext(plannen(*[(g.geom, dict(g.programma)) for g in tabel]), lagen=wereld())
    for b in functie(ctx):
        assert BRONNEN[regel] in b.bron
        assert b.principe == ("Dynamische stad" if regel.startswith("DS") else "Verbonden stad")


# --------------------------------------------------------------------------- gevallen met eigen lagen


def test_ds1_bestaand_bedrijventerrein_buiten_de_stad_is_geen_schil():
    """De schil is een bestaand bedrijventerrein bínnen bestaand stedelijk gebied."""
    lagen = wereld()
    lagen["bedrijventerreinen"] = lagen["bedrijventerreinen"].assign(status="bestaand")  # ook Werklandschap Zuid
    b = toets_een(dynamische_stad.ds1, vak(6200, 6200, 6800, 6800), {"functies": ["leisure"]}, lagen=lagen)
    assert (b.status, b.waarden["in_schil_pct"]) == ("strijdig", 0.0)
    # hetzelfde terrein in de stad (Bestaand BT) is wel schil
    b = toets_een(dynamische_stad.ds1, vak(2600, 2600, 3000, 3000), {"functies": ["leisure"]}, lagen=lagen)
    assert (b.status, b.waarden["in_schil_pct"]) == ("aandachtspunt", 100.0)


def test_ds2_voldoet_en_aandachtspunt_samen_geeft_aandachtspunt():
    """Zwaarste status wint ook tussen voldoet en aandachtspunt (publiekshart buiten de binnenstad)."""
    lagen = wereld_met(publiekshart=laag({"naam": "Hart", "geometry": vak(3600, 2900, 3800, 3100)}))
    b = toets_een(dynamische_stad.ds2, vak(3600, 2900, 3800, 3100),
                  {"functies": ["detailhandel_niet_dagelijks", "detailhandel_dagelijks"]}, lagen=lagen)
    assert b.status == "aandachtspunt"
    assert b.waarden["in_publiekshart_pct"] == 100.0 and b.waarden["afstand_wijkcentrum_m"] == 600.0
    assert "Niet-dagelijkse detailhandel in het publiekshart." in b.toelichting
    assert "op 600 m van het dichtstbijzijnde wijkcentrum" in b.toelichting


def test_ds7_aantallen_als_float_worden_gehele_getallen():
    """Een kolom met ontbrekende waarden wordt float: toch '100 van 320', niet '100.0 van 320.0'."""
    ctx = ToetsContext(plannen((ERGENS, {"functies": ["wonen"], "woningen": 320.0, "sociale_huur": 100.0}),
                               (ERGENS, {"functies": ["wonen"], "woningen": 40.0})), lagen=wereld())
    assert ctx.plannen["sociale_huur"].dtype == float
    voldoet, ontbreekt = dynamische_stad.ds7(ctx)
    assert voldoet.status == "voldoet"
    assert "100 van 320 woningen sociale huur (31,2%" in voldoet.toelichting
    assert ".0" not in voldoet.toelichting.split("(")[0]
    assert type(voldoet.waarden["woningen"]) is int and type(voldoet.waarden["sociale_huur"]) is int
    assert voldoet.waarden["sociale_huur_pct"] == 31.2  # 100/320 = 31,25%
    assert ontbreekt.status == "onvoldoende_gegevens" and ontbreekt.toelichting.startswith("40 woningen,")


def test_vs2_zonder_publiekshart_ligt_hetzelfde_plan_te_ver():
    """Het publiekshart telt als voorziening: weg ermee en het plan bij het hart is te ver van een wijkcentrum."""
    plan = vak(1600, 1600, 1800, 1800)
    assert toets_een(verbonden_stad.vs2, plan, {"functies": ["wonen"]}).status == "voldoet"
    lagen = wereld_met(publiekshart=laag({"naam": "Elders", "geometry": vak(9800, 9800, 9900, 9900)}))
    b = toets_een(verbonden_stad.vs2, plan, {"functies": ["wonen"]}, lagen=lagen)
    # verste hoek (1600, 1600) tot (3000, 3000): 1400·√2 = 1.979,9 m
    assert (b.status, b.waarden["afstand_verst_m"]) == ("aandachtspunt", 1979.9)
    assert "verst: 1.980 m" in b.toelichting


def test_vs2_per_woning_de_dichtstbijzijnde_voorziening():
    """Een plan tussen publiekshart en wijkcentrum: elke woning telt naar de voorziening die het dichtst bij is.

    Strook x 1600–2600, y 1350–1450; publiekshart tot x = 1600, wijkcentrum Oost op (2600, 1400).
    Het verste punt ligt halverwege, ca. 500 m van beide (exact 501,25 m op de rand; de rand wordt
    om de 25 m bemonsterd, dus 500 m). Tot één voorziening gemeten zou het 1.000 m zijn.
    """
    lagen = wereld_met(wijkcentra=laag({"naam": "Wijkcentrum Oost", "geometry": punt(2600, 1400)}))
    b = toets_een(verbonden_stad.vs2, vak(1600, 1350, 2600, 1450), {"functies": ["wonen"]}, lagen=lagen)
    assert b.status == "voldoet"
    assert 500.0 <= b.waarden["afstand_verst_m"] <= 501.3


# --------------------------------------------------------------------------- drempels uit het parameterbestand

FLIPS = [
    # (regel, TOML, plan, programma, status met standaard, status met eigen bestand, waarde die de drempel toont)
    pytest.param("DS2", "[DS2]\nafstand_wijkcentrum_m = 250.0\n", vak(3300, 2900, 3500, 3100),
                 {"functies": ["detailhandel_dagelijks"]}, "voldoet", "aandachtspunt", ("afstand_max_m", 250.0),
                 id="DS2-afstand_wijkcentrum_m-500-naar-250"),
    pytest.param("DS4", '[DS4]\nmax_milieucategorie = "5.1"\n', ZUID, {"functies": ["bedrijf"], "milieucategorie": "5.1"},
                 "strijdig", "voldoet", ("max_milieucategorie", "5.1"), id="DS4-max_milieucategorie-4.2-naar-5.1"),
    pytest.param("DS6", "[DS6]\nmin_woningen = 10\n", vak(5200, 2000, 5400, 2200), {"functies": ["wonen"], "woningen": 11},
                 "niet_van_toepassing", "strijdig", ("buiten_pct", 100.0), id="DS6-min_woningen-12-naar-10"),
    pytest.param("DS7", "[DS7]\nsociale_huur_min_pct = 25.0\n", ERGENS,
                 {"functies": ["wonen"], "woningen": 400, "sociale_huur": 100}, "strijdig", "voldoet",
                 ("sociale_huur_min_pct", 25.0), id="DS7-sociale_huur_min_pct-30-naar-25"),
    pytest.param("DS7", "[DS7]\nvanaf_woningen = 50\n", ERGENS, {"functies": ["wonen"], "woningen": 40, "sociale_huur": 0},
                 "strijdig", "niet_van_toepassing", ("vanaf_woningen", 50), id="DS7-vanaf_woningen-12-naar-50"),
    pytest.param("VS1", "[VS1]\nafstand_barriere_m = 40.0\n", vak(4850, 2000, 4950, 2100), {"functies": ["wonen"]},
                 "aandachtspunt", "niet_van_toepassing", ("afstand_max_m", 40.0), id="VS1-afstand_barriere_m-100-naar-40"),
    pytest.param("VS2", "[VS2]\nafstand_wijkcentrum_m = 1100.0\n", vak(3800, 2900, 4000, 3100), {"functies": ["wonen"]},
                 "aandachtspunt", "voldoet", ("afstand_max_m", 1100.0), id="VS2-afstand_wijkcentrum_m-800-naar-1100"),
]


@pytest.mark.parametrize(("regel", "toml", "plan", "programma", "standaard", "eigen", "toon"), FLIPS)
def test_drempel_komt_uit_parameterbestand(tmp_path, regel, toml, plan, programma, standaard, eigen, toon):
    pad = tmp_path / "eigen.toml"
    pad.write_text(toml, encoding="utf-8")
    parameters = laad_parameters(pad)
    functie, _ = REGELS[regel]
    assert toets_een(functie, plan, programma).status == standaard
    b = toets_een(functie, plan, programma, parameters=parameters)
    assert b.status == eigen
    sleutel, waarde = toon
    assert b.waarden[sleutel] == waarde


def test_eigen_drempel_staat_in_de_toelichting(tmp_path):
    pad = tmp_path / "eigen.toml"
    pad.write_text("[DS2]\nafstand_wijkcentrum_m = 250.0\n", encoding="utf-8")
    b = toets_een(dynamische_stad.ds2, vak(3300, 2900, 3500, 3100), {"functies": ["detailhandel_dagelijks"]},
                  parameters=laad_parameters(pad))
    assert "op 300 m van het dichtstbijzijnde wijkcentrum" in b.toelichting and "binnen 250 m" in b.toelichting


def test_ds1_woonwijk_is_aandachtspunt_en_buiten_de_stad_strijdig():
    """Binnen de stad maar buiten binnenstad en schil (een woonwijk) is geen 'rand van de stad'."""
    ctx = ToetsContext(plannen((vak(4000, 1000, 4100, 1100), {"functies": ["horeca"]}),
                               (vak(6000, 3000, 6100, 3100), {"functies": ["horeca"]})), lagen=wereld())
    wijk, rand = dynamische_stad.ds1(ctx)
    assert (wijk.status, wijk.waarden["in_stad_pct"]) == ("aandachtspunt", 100.0)
    assert "woonwijk" in wijk.toelichting
    assert (rand.status, rand.waarden["in_stad_pct"]) == ("strijdig", 0.0)
    assert "rand van de stad" in rand.toelichting


def test_ds6_aangewezen_focusgebied_telt_als_ontwikkellocatie():
    """De TRZ ligt buiten bestaand stedelijk gebied maar is een aangewezen ontwikkellocatie (§3.4)."""
    programma = {"functies": ["leisure"], "bvo_leisure_m2": 6000.0}
    ctx = ToetsContext(plannen((vak(8200, 6200, 8400, 6400), dict(programma)),
                               (vak(7200, 6200, 7400, 6400), dict(programma))), lagen=wereld())
    in_trz, ernaast = dynamische_stad.ds6(ctx)
    assert (in_trz.status, in_trz.waarden["buiten_m2"]) == ("voldoet", 0.0)
    assert (ernaast.status, ernaast.waarden["buiten_m2"]) == ("strijdig", 40000.0)


def test_vs1_meldt_de_omrijfactor_voor_en_na_van_een_nieuwe_verbinding():
    """Met lv_verbinding vraagt VS1 de barrière-analyse om de omrijfactor vóór en na."""
    oversteek = punt(5000, 2000)

    def omrijfactor(plan):
        return {"omrijfactor_voor": 1.4567, "omrijfactor_na": 1.1, "verbetering_pct": 24.5,
                "toelichting": "Nieuwe oversteek van Ringweg: de omrijfactor gaat van 1,46 naar 1,10.",
                "geometrie": oversteek}

    plannen_ = plannen((vak(4950, 1950, 5050, 2050), {"functies": ["wonen"], "lv_verbinding": True}),
                       (vak(4950, 2950, 5050, 3050), {"functies": ["wonen"], "lv_verbinding": False}))
    met, zonder = verbonden_stad.vs1(ToetsContext(plannen_, lagen=wereld(), analyses={"omrijfactor": omrijfactor}))
    assert met.status == "voldoet"
    assert (met.waarden["omrijfactor_voor"], met.waarden["omrijfactor_na"]) == (1.457, 1.1)
    assert "van 1,46 naar 1,10" in met.toelichting and met.geometrie.equals(oversteek)
    assert zonder.status == "aandachtspunt" and "omrijfactor_voor" not in zonder.waarden
    zonder_analyse = verbonden_stad.vs1(ToetsContext(plannen_, lagen=wereld()))[0]
    assert zonder_analyse.status == "voldoet" and "omrijfactor_voor" not in zonder_analyse.waarden
