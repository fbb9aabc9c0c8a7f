"""Leg vast hoe de bronlagen in ``lagen/bron/`` tot stand kwamen, en maak ze opnieuw.

De bronlagen zijn een indicatieve vertaling van de Visiekaart 2040 (Omgevingsvisie Assen
2021). Waar een laag samenvalt met echte CBS-buurten of -wijken (2023, CC-BY 4.0) wordt
die echte geometrie gebruikt; de rest is met de hand getekend naar de referentiepunten en
tekstuele omschrijvingen in ``bronnen/`` (wegen, kanalen, spoor, geluidszone, symbolen).

De GeoJSON-bestanden in ``lagen/bron/`` zijn daarna de bron van waarheid: wie een grens
beter weet, past het GeoJSON-bestand aan en draait ``scripts/bouw_lagen.py``. Dit script
overschrijft die bestanden alleen met ``--overschrijf``.

    $ python scripts/digitaliseer_bron.py --overschrijf
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import geopandas as gpd
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import nearest_points, unary_union

TOP = Path(__file__).resolve().parents[1]
BRONNEN = TOP / "bronnen"
DOEL = TOP / "lagen" / "bron"
DATUM = "2026-11-25"
OV = "Omgevingsvisie Assen 2021 \"Assen nog mooier\""
CBS = "CBS Wijk- en buurtkaart 2023 (gegeneraliseerd), © CBS/Kadaster, CC-BY 4.0"
DISCLAIMER = (
    "Schematische, indicatieve vertaling van de Visiekaart 2040 van de Omgevingsvisie Assen "
    "(2021); nadrukkelijk geen plankaart en niet bedoeld voor uitspraken op perceelniveau."
)
LICENTIE_AFGELEID = (
    "CC-BY 4.0; geometrie die uit CBS-buurten/wijken is afgeleid: © CBS/Kadaster (CC-BY 4.0)"
)

# ---------------------------------------------------------------------------------------
# Echte geometrie
# ---------------------------------------------------------------------------------------
WIJKEN = gpd.read_file(BRONNEN / "assen_wijken_cbs2023_rd.geojson")
BUURTEN = gpd.read_file(BRONNEN / "assen_buurten_cbs2023_rd.geojson")
GEMEENTE = unary_union(WIJKEN.geometry)


def wijk(naam: str):
    return WIJKEN.loc[WIJKEN.statnaam == naam].geometry.iloc[0]


def buurten(*namen: str):
    gevonden = BUURTEN[BUURTEN.statnaam.isin(namen)]
    ontbrekend = set(namen) - set(gevonden.statnaam)
    if ontbrekend:
        raise SystemExit(f"Onbekende buurten: {ontbrekend}")
    return unary_union(gevonden.geometry)


def vlak(*punten) -> Polygon:
    return Polygon(punten)


def cirkel(x: float, y: float, straal: float):
    return Point(x, y).buffer(straal, quad_segs=32)


def binnen_gemeente(geom):
    """Knip af op de gemeentegrens en houd alleen het geometrietype van de invoer over."""
    geknipt = geom.intersection(GEMEENTE)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        delen = [g for g in getattr(geknipt, "geoms", [geknipt]) if g.geom_type == "Polygon" and g.area > 1]
        return delen[0] if len(delen) == 1 else MultiPolygon(delen)
    if geom.geom_type in ("LineString", "MultiLineString"):
        return shapely.line_merge(geknipt)
    return geknipt


def schaal_naar(geom, ha: float):
    """Schaal een getekend vlak rond zijn zwaartepunt naar een gepubliceerde oppervlakte."""
    f = math.sqrt(ha * 1e4 / geom.area)
    return affinity.scale(geom, f, f, origin="centroid")


# ---------------------------------------------------------------------------------------
# Getekende lijnen (RD, in meters) — zie bronnen/assen_extents_tekst.md
# ---------------------------------------------------------------------------------------
# A28: langs de westrand van de stad (Kloosterveen ligt W ervan, afrit 33 Balkenweg),
# W van het werklandschap Assen-Zuid en O van TT/TRZ, aansluiting Assen-Noord bij Rhee,
# daarna NO door de noordpunt van NP Drentsche Aa. Volgt de wijkgrens Kloosterveen/Assen-West
# en Pittelo/Peelo-buitengebied.
A28 = LineString([
    (232250, 549900), (232350, 551500), (232420, 552700), (232380, 553600), (232300, 554300), (232173, 554921),
    (231478, 556423), (231800, 557465), (232051, 558321), (232999, 559683), (234446, 560825),
    (235600, 561900), (236700, 563300), (237300, 564800),
])
# Noord-Willemskanaal: in 1967 om de stad heen gelegd; takt W van de stad af van de
# Drentsche Hoofdvaart, loopt langs Pittelo (sluis Peelo) en tussen Noorderpark en Peelo
# door het Stadsbedrijvenpark naar het O (Havenkanaal) en dan N tussen Marsdijk en Loon.
NWK = LineString([
    (231700, 557300), (231950, 557550), (232200, 558300), (232750, 559050), (233300, 558930),
    (234334, 558935), (235000, 558850), (235700, 558500), (236300, 558900), (236380, 560000),
    (236550, 561500), (236900, 563000), (237150, 564700),
])
# Spoorlijn Zwolle–Assen–Groningen: door station Assen (Overcingellaan), scheidt Centrum van
# Assen-Oost ('over het spoor') en Marsdijk van Loon.
SPOOR = LineString([
    (233600, 549900), (233900, 552500), (234100, 554300), (234300, 555700), (234492, 556822),
    (234700, 557350), (235450, 557950), (236000, 558400), (236550, 559000), (236650, 561000),
    (236950, 563000), (237250, 564800),
])
# Europaweg: ring binnen de A28: Europaweg-Zuid (WZA, kruispunt Haarweg), Europaweg-West
# (ontsluiting Kloosterveen, ca. 120 m O van de A28, zodat heel Assen-West binnen de ring
# ligt), Europaweg-Noord (door het Stadsbedrijvenpark). §2.10: de wijken buiten de Europaweg
# (Kloosterveen, Pittelo, Peelo, Marsdijk) liggen geïsoleerd van binnenstad en buitengebied.
EUROPAWEG = LineString([
    (235350, 555100), (234600, 554550), (233963, 554350), (233400, 554800), (232990, 555130),
    (232600, 555030), (232330, 555000), (231600, 556430), (231900, 557350), (232500, 557950),
    (233053, 558600), (233500, 558780), (234334, 558800), (235000, 558700), (235500, 558350),
    (235900, 558050),
])
N33 = LineString([(232420, 552750), (233500, 552500), (234800, 552700), (236200, 553300)])
DOORFIETSROUTE = LineString([
    (234492, 556822), (234850, 557450), (235650, 558200), (236250, 559400), (236450, 561000),
    (236800, 563300), (237050, 564700),
])


NIET_KNIPPEN = ("natura2000", "wijken", "buurten")
"""Lagen die niet op de gemeentegrens worden afgeknipt: Natura 2000 reikt erbuiten en de
CBS-wijken en -buurten blijven zoals het CBS ze levert."""


def op_lijn(lijn: LineString, x: float, y: float) -> Point:
    """Het punt op ``lijn`` dat het dichtst bij (x, y) ligt: oversteken liggen óp de barrière."""
    return nearest_points(lijn, Point(x, y))[0]


# ---------------------------------------------------------------------------------------
# Lagen
# ---------------------------------------------------------------------------------------
def meta(titel, omschrijving, bron, gebaseerd_op, *, licentie=LICENTIE_AFGELEID):
    return {
        "titel": titel,
        "omschrijving": omschrijving,
        "bron": bron,
        "gebaseerd_op": gebaseerd_op,
        "status": "indicatief",
        "datum": DATUM,
        "licentie": licentie,
        "disclaimer": DISCLAIMER,
    }


def maak_lagen() -> dict[str, tuple[dict, list[tuple[dict, object]]]]:
    lagen: dict[str, tuple[dict, list]] = {}

    # -- gemeente, wijken, buurten --------------------------------------------------------
    lagen["gemeentegrens"] = (
        meta("Gemeentegrens Assen", "Grens van de gemeente Assen (GM0106) als vereniging van de CBS-wijken 2023.",
             CBS, "Vereniging van de tien CBS-wijken 2023, zodat alle lagen erin passen "
             "(84,1 km²; officieel 83,45 km²)."),
        [({"naam": "Assen", "gemeentecode": "GM0106"}, GEMEENTE)],
    )
    wijknamen = dict(zip(WIJKEN.statcode, WIJKEN.statnaam))
    lagen["wijken"] = (
        meta("Wijken (CBS 2023)", "De tien CBS-wijken van Assen, ongewijzigd overgenomen.", CBS,
             "CBS Wijk- en buurtkaart 2023, gegeneraliseerd (grenzen ca. 100–300 m nauwkeurig).",
             licentie="CC-BY 4.0, bronvermelding: CBS/Kadaster"),
        [({"statcode": r.statcode, "naam": r.statnaam, "bronvermelding": "CBS/Kadaster"}, r.geometry)
         for r in WIJKEN.itertuples()],
    )
    lagen["buurten"] = (
        meta("Buurten (CBS 2023)", "De 109 CBS-buurten van Assen met hun wijk, voor tabellen per buurt.", CBS,
             "CBS Wijk- en buurtkaart 2023, gegeneraliseerd; wijk afgeleid uit de statcode.",
             licentie="CC-BY 4.0, bronvermelding: CBS/Kadaster"),
        [({"statcode": r.statcode, "naam": r.statnaam, "wijkcode": "WK" + r.statcode[2:8],
           "wijk": wijknamen["WK" + r.statcode[2:8]], "bronvermelding": "CBS/Kadaster"}, r.geometry)
         for r in BUURTEN.itertuples()],
    )

    # -- binnenstad ------------------------------------------------------------------------
    binnenstad = buurten("Brinkkwartier", "Erfgoedkwartier", "Koopmanskwartier", "Cultureelkwartier",
                         "Galgenveld", "Overcingel")
    # Driehoek Drents Museum – Kop van de Vaart – Koopmansplein (§3.4 Binnenstad), met de Brink.
    publiekshart = vlak((233680, 556870), (233930, 556840), (234090, 556870), (234080, 556980),
                        (233960, 557200), (233850, 557260), (233730, 557200), (233640, 557020)
                        ).intersection(binnenstad)
    noordelijk = buurten("Koopmanskwartier", "Galgenveld").difference(publiekshart)
    havenkwartier = buurten("Havenkanaal Noordzijde", "Havenkanaal Zuidzijde")
    stadsbedrijvenpark = buurten("Bedrijventerrein West", "Bedrijventerrein Oost",
                                 "Bedrijventerrein Marsdijk West", "Bedrijventerrein Marsdijk Oost",
                                 "Havenkanaal Noordzijde", "Havenkanaal Zuidzijde")
    sbp_zonder_haven = stadsbedrijvenpark.difference(havenkwartier)
    lagen["publiekshart"] = (
        meta("Publiekshart binnenstad", "Compact kerngebied voor publiekstrekkende functies: de driehoek "
             "Drents Museum – Kop van de Vaart – Koopmansplein, met de Brink.",
             f"{OV}, §3.2B (ordeningsprincipe) en §3.4 Binnenstad",
             "Met de hand getekend rond Brink (233969, 556906) en Drents Museum (234040, 556904), "
             "afgeknipt op de binnenstadsbuurten."),
        [({"naam": "Publiekshart", "toelichting": "Clusteren publiekstrekkende functies tussen het "
           "Koopmansplein, de Vaart en de Brink."}, publiekshart)],
    )
    lagen["noordelijke_binnenstad"] = (
        meta("Noordelijke binnenstad", "Transformatiegebied: leegstaand winkelvastgoed naar wonen, vergroenen.",
             f"{OV}, §3.4 Binnenstad; §2.7 (hittestress)",
             "CBS-buurten Koopmanskwartier en Galgenveld, zonder het publiekshart."),
        [({"naam": "Noordelijke binnenstad", "opgave": "transformatie naar wonen en vergroenen"}, noordelijk)],
    )

    # -- Kloosterveen, Lariks, Assen-Zuid, TRZ ----------------------------------------------
    kloosterveen = unary_union([wijk("Kloosterveen"),
                                unary_union(BUURTEN[BUURTEN.statcode.str[6:8] == "08"].geometry)])
    uitbreiding = buurten("Uitbreidingsgebied Kloosterveen")
    kloosterakker = buurten("Kloosterakker")
    # Werklandschap Assen-Zuid: O van de A28, N van de Burgemeester Masmanweg, W van de weg
    # Graswijk; ca. 55 ha (§3.4 Assen-Zuid).
    assen_zuid = schaal_naar(vlak((232520, 552800), (233000, 552800), (233000, 553950), (232460, 553950)), 55)
    zonnepark_zuid = vlak((233080, 552850), (233380, 552850), (233380, 553650), (233080, 553650))
    # TT Circuit: baan rond het referentiepunt (231339, 553340); TRZ ligt er direct naast,
    # naar de Baggelhuizerplas toe, W van de A28.
    tt_circuit = affinity.rotate(affinity.scale(cirkel(231250, 553250, 1000), 0.85, 0.45), 35)
    trz = vlak((230950, 553700), (231800, 553700), (232150, 553850), (232050, 554700),
               (231750, 555250), (231250, 555500), (231050, 555000)).difference(buurten("Witten"))
    focus_opgaven = [
        ("Binnenstad", binnenstad, "Compacte binnenstad: publiekstrekkende functies binnen de driehoek "
         "Drents Museum – Kop van de Vaart – Koopmansplein; noordelijk deel transformeren naar wonen en "
         "vergroenen; groei in kwaliteit, cultuurhistorie als drager.",
         "CBS-buurten Brinkkwartier, Erfgoedkwartier, Koopmanskwartier, Cultureelkwartier, Galgenveld en Overcingel"),
        ("Havenkwartier", havenkwartier, "Verouderd deel van het Stadsbedrijvenpark transformeren naar een "
         "levendig, ontspannen stedelijk woonmilieu (ca. 650 woningen); verbinding binnenstad–Marsdijk "
         "verbeteren; stenige plek vergroenen.", "CBS-buurten Havenkanaal Noordzijde en Zuidzijde"),
        ("Lariks", wijk("Lariks"), "Wijkvernieuwing: verdichten en verdunnen voor meer variatie, aandacht "
         "voor senioren en zorg, proeftuin aardgasvrij, klimaatadaptieve openbare ruimte.", "CBS-wijk Lariks"),
        ("Kloosterveen", kloosterveen, "Kloosterakker (ca. 500 woningen, ca. 1/4 sociale huur) en verdere "
         "uitbreiding tot de Norgervaart: in totaal nog 2.250–2.500 woningen in lage dichtheid; derde "
         "hoofdontsluiting is randvoorwaarde.", "CBS-wijk Kloosterveen met al zijn buurten (incl. "
         "Uitbreidingsgebied Kloosterveen)"),
        ("Assen-Zuid", assen_zuid, "Werklandschap met gemengd karakter voor grote en kleine bedrijven tot en "
         "met milieucategorie 4.2, kavels van ca. 1 ha en groter; landschappelijk raamwerk; zonnepark.",
         "Met de hand getekend tussen A28 (W), Burgemeester Masmanweg (Z) en Graswijk (O), ca. 55 ha"),
        ("TRZ", trz, "Toeristisch Recreatieve Zone: ruimte voor grootschalige toeristisch-recreatieve "
         "initiatieven, mits niet conflicterend met de binnenstad; geluidhinder TT beperken.",
         "Met de hand getekend direct naast het TT Circuit, richting Baggelhuizerplas, W van de A28"),
    ]
    lagen["focusgebieden"] = (
        meta("Focusgebieden", "De zes focusgebieden van de Omgevingsvisie met hun opgave.", f"{OV}, §3.4",
             "; ".join(f"{n}: {g}" for n, _, _, g in focus_opgaven)),
        [({"naam": n, "opgave": o, "paragraaf": "§3.4"}, binnen_gemeente(geom)) for n, geom, o, _ in focus_opgaven],
    )

    # -- wijkcentra --------------------------------------------------------------------------
    kloosterveste = BUURTEN.loc[BUURTEN.statnaam == "Kloosterveste"].geometry.iloc[0].centroid
    wijkcentra = [
        ("Kloosterveste", kloosterveste.x, kloosterveste.y, "Kloosterveen",
         "Cirkelvormig stadshart met straal 200 m (Cobouw 1997); middelpunt = zwaartepunt CBS-buurt Kloosterveste"),
        ("Marsdijk (Winkelrijk Marsdijk)", 235350, 559650, "Marsdijk", "indicatief, midden woongebied Marsdijk"),
        ("Nobellaan (Lariks)", 232850, 557700, "Lariks", "'Centraal in de wijk ligt winkelcentrum Nobellaan' (§3.4 Lariks)"),
        ("Peelo", 233650, 559550, "Peelo", "indicatief, midden van de wijk Peelo"),
    ]
    lagen["wijkcentra"] = (
        meta("Wijkcentra", "Wijkcentra en wijkwinkelcentra ('Sterke wijkcentra' op de visiekaart).",
             f"{OV}, §3.3 en §3.4 (Binnenstad en winkels 6); visiekaart Verbonden stad",
             "Kloosterveste: zwaartepunt van de CBS-buurt; overige punten indicatief in het midden van de wijk "
             "(bronnen/assen_extents_tekst.md, 'Wijkwinkelcentra')."),
        [({"naam": n, "wijk": w, "toelichting": t}, Point(round(x, 1), round(y, 1))) for n, x, y, w, t in wijkcentra],
    )

    # -- bedrijventerreinen --------------------------------------------------------------------
    messchenveld_ii = vlak((235050, 561000), (235800, 560980), (236200, 561350), (235800, 561700), (235300, 561450)
                           ).difference(buurten("Messchenveld"))
    bedrijven = [
        ("Stadsbedrijvenpark", stadsbedrijvenpark, "bestaand", "4.1", "gemengd; Havenkwartier transformeert naar wonen",
         "CBS-buurten Bedrijventerrein West/Oost, Marsdijk West/Oost, Havenkanaal Noord-/Zuidzijde (247 ha bruto gepubliceerd)"),
        ("Peelerpark", buurten("Peelerpark"), "bestaand", "4.1", "gemengd; entree noordkant Assen",
         "CBS-buurt Peelerpark (38 ha bruto gepubliceerd)"),
        ("Messchenveld", buurten("Messchenveld"), "bestaand", "4.2", "grootschalig; directe A28-aansluiting",
         "CBS-buurt Messchenveld (50–80 ha gepubliceerd)"),
        ("Werklandschap Assen-Zuid", assen_zuid, "gepland", "4.2", "grote en kleine bedrijven t/m 4.2, kavels ca. 1 ha en groter",
         "Getekend, ca. 55 ha, zie focusgebied Assen-Zuid"),
        ("Messchenveld II", messchenveld_ii, "zoekgebied", "4.2", "onderzoek (extra) ruimtevragende bedrijven, evt. met energieopwekking",
         "Getekend aansluitend op Messchenveld, tussen A28 en Noord-Willemskanaal"),
    ]
    lagen["bedrijventerreinen"] = (
        meta("Bedrijventerreinen", "Bestaande, geplande en zoekgebieden voor bedrijventerreinen met "
             "milieucategorie en profiel.", f"{OV}, §2.4, §3.2, §3.4 Werklocaties 1–3 en Assen-Zuid",
             "; ".join(f"{n}: {b}" for n, *_, b in bedrijven) +
             ". Maximale milieucategorie van de bestaande terreinen indicatief."),
        [({"naam": n, "status": s, "max_milieucategorie": c, "profiel": p}, binnen_gemeente(g))
         for n, g, s, c, p, _ in bedrijven],
    )

    # -- groen -------------------------------------------------------------------------------
    groen_buurten = [
        ("Asserbos", "Asserbos", "bos", None, "114 ha parkbos tussen centrum en Baggelhuizen"),
        ("Landgoed Lariks", "Landgoed Lariks", "landgoed", None, "voormalig landgoed midden in het zuiden van de Lariks"),
        ("Recreatiepark Pittelo", "Recreatiepark Pittelo", "recreatie", "Noord-Willemskanaal, Europaweg", "Pittelose Park"),
        ("Bos en Golf", "Bos en Golf", "recreatie", "A28", "groen- en recreatiegebied, W van de A28"),
        ("Amelterbos (Natuurgebied Amelte)", "Natuurgebied Amelte", "bos", "spoorlijn", "rand Assen-Oost, richting Drentsche Aa"),
        ("Park Diepstroeten", "Park Diepstroeten", "park", None, "park op het voormalige terrein Hendrik van Boeijenoord"),
    ]
    groen = [({"naam": n, "type": t, "afgesneden_door": a, "toelichting": toel}, buurten(b))
             for n, b, t, a, toel in groen_buurten]
    bezet = unary_union([g for _, g in groen])
    getekend_groen = [
        ({"naam": "Landgoed Valkenstijn", "type": "landgoed", "afgesneden_door": None,
          "toelichting": "bijna 10 ha in het centrum van Assen-Oost, rand Amelterbos"}, cirkel(235150, 557000, 178)),
        ({"naam": "Landgoed Overcingel", "type": "landgoed", "afgesneden_door": None,
          "toelichting": "Engelse tuin van 5 ha in de binnenstad, bij het station"}, cirkel(234150, 556640, 126)),
        ({"naam": "Baggelhuizerplas", "type": "recreatie", "afgesneden_door": "A28",
          "toelichting": "recreatieplas met strandpaviljoen, N van Witten"}, cirkel(231200, 555950, 230)),
        ({"naam": "Beekdal Looner Diep (Drentsche Aa)", "type": "beekdal", "afgesneden_door": "spoorlijn, Noord-Willemskanaal",
          "toelichting": "beekdal aan de oostrand van de gemeente, onderdeel NP Drentsche Aa"},
         vlak((237700, 558800), (238386, 559461), (238464, 560629), (238000, 561000), (237500, 560000))),
    ]
    for props, geom in getekend_groen:
        groen.append((props, binnen_gemeente(geom.difference(bezet))))
        bezet = bezet.union(geom)
    lagen["groenstructuur"] = (
        meta("Groenstructuur", "Bestaande grote groengebieden: bossen, parken, landgoederen, recreatiegebieden "
             "en beekdal. 'afgesneden_door' = recreatiegebied dat door infrastructuur van de stad is "
             "afgesneden (§2.10, legenda-item 1).", f"{OV}, §2.8 Groen en natuur; §3.1A; §2.10",
             "CBS-buurten Asserbos, Landgoed Lariks, Recreatiepark Pittelo, Bos en Golf, Natuurgebied Amelte, "
             "Park Diepstroeten; met de hand getekend: Valkenstijn (10 ha), Overcingel (5 ha), Baggelhuizerplas, "
             "beekdal Looner Diep. Kleinere parken en wijkgroen ontbreken."),
        groen,
    )
    verbindingen = [
        ("Binnenstad – Asserbos – Baggelhuizerplas", [(233900, 556800), (233300, 556100), (232700, 555500), (231900, 555700), (231300, 555950)]),
        ("Binnenstad – Valkenstijn – Amelterbos – Drentsche Aa", [(234100, 556700), (234800, 556900), (235300, 557050), (236200, 557300), (237200, 557600), (238000, 558300)]),
        ("Lariks – Pittelo – Bos en Golf", [(232700, 557300), (232600, 558300), (232900, 559100), (232300, 559500), (231500, 559300)]),
        ("Kloosterveen – Norgervaart", [(230650, 557617), (229900, 557700), (229150, 557900)]),
        ("Havenkwartier – Marsdijk – Messchen – Drentsche Aa", [(235000, 557900), (235500, 558800), (236100, 560000), (236300, 560600), (237500, 561200)]),
        ("Asserbos – TT-gebied – Witterveld", [(233000, 555600), (232300, 554300), (231000, 552900), (229900, 552200)]),
        ("Asserbos – Park Diepstroeten – Anreep", [(233700, 555600), (234306, 554729), (235000, 554200), (235600, 553800)]),
    ]
    lagen["groene_verbindingen"] = (
        meta("Groene verbindingen", "Groen netwerk als verbinding tussen binnenstad, wijken en buitengebied.",
             f"{OV}, visiekaart (Groene stad: 'Netwerk dat bestaande stedelijke groenstructuren verbindt met "
             "(natuur in) buitengebied'; Verbonden stad); §3.1A; opgaven Groen 4",
             "Schematische lijnen tussen de groengebieden; geen tracés."),
        [({"naam": n}, binnen_gemeente(LineString(c))) for n, c in verbindingen],
    )
    # Witterveld: 481 ha hoogveen ZW van Assen, deels in Midden-Drenthe.
    witterveld = schaal_naar(affinity.rotate(vlak((228300, 551000), (230500, 551000), (230500, 552700), (228300, 552700)), 35), 481)
    drentsche_aa_n2000 = vlak((236800, 555500), (237600, 556500), (238300, 558300), (238700, 560500), (239500, 562500),
                              (241500, 563000), (242500, 560000), (241500, 556500), (239000, 554500), (237300, 554500))
    np_drentsche_aa = vlak((235800, 552800), (240500, 569500), (248500, 557000))
    lagen["natura2000"] = (
        meta("Natura 2000 en Nationaal Park", "Natura 2000-gebieden Witterveld en Drentsche Aa-gebied, en "
             "Nationaal Park Drentsche Aa (soort 'nationaal_park'). Reiken buiten de gemeente.",
             f"{OV}, §2.8 Buitengebied; natura2000.nl (Witterveld nr. 24, 481 ha)",
             "Met de hand getekend: Witterveld ZW van Assen, 481 ha, over de gemeentegrens; Drentsche Aa-gebied "
             "langs de oostrand; NP Drentsche Aa als driehoek tussen de oostrand van Assen, de N33 (Z) en de N34 (O), "
             "ca. 10.000 ha. Niet de officiële begrenzing."),
        [({"naam": "Witterveld", "soort": "natura2000", "gebiedsnummer": "24"}, witterveld),
         ({"naam": "Drentsche Aa-gebied", "soort": "natura2000", "gebiedsnummer": "27"}, drentsche_aa_n2000),
         ({"naam": "Nationaal Park Drentsche Aa", "soort": "nationaal_park", "gebiedsnummer": None}, np_drentsche_aa)],
    )

    # -- hitte ---------------------------------------------------------------------------------
    centra = {n: Point(x, y) for n, x, y, *_ in wijkcentra}
    hitte = [
        ("Havenkwartier", havenkwartier, "veel steen en platte daken, weinig groen (Havenkwartier)"),
        ("Noordelijke binnenstad", noordelijk, "veel steen en platte daken, weinig groen (noordelijk deel binnenstad)"),
        ("Stadsbedrijvenpark (zonder Havenkwartier)", sbp_zonder_haven, "bedrijventerrein"),
        ("Peelerpark", buurten("Peelerpark"), "bedrijventerrein"),
        ("Messchenveld", buurten("Messchenveld"), "bedrijventerrein"),
        ("Wijkwinkelcentrum Kloosterveste", cirkel(kloosterveste.x, kloosterveste.y, 200), "wijkwinkelcentrum"),
    ] + [(f"Wijkwinkelcentrum {n}", centra[n].buffer(150, quad_segs=32), "wijkwinkelcentrum")
         for n in ("Marsdijk (Winkelrijk Marsdijk)", "Nobellaan (Lariks)", "Peelo")]
    lagen["hittestress"] = (
        meta("Hittestress", "Plekken waar de hittestresstest extra temperatuurstijging laat zien: "
             "Havenkwartier, noordelijk deel binnenstad, bedrijventerreinen en wijkwinkelcentra.",
             f"{OV}, §2.7 Klimaat (hittestress) en §3.1C",
             "Havenkwartier, noordelijke binnenstad en bedrijventerreinen uit CBS-buurten; wijkwinkelcentra als "
             "cirkel: Kloosterveste straal 200 m (werkelijke vorm), overige 150 m (indicatief)."),
        [({"naam": n, "reden": r}, binnen_gemeente(g)) for n, g, r in hitte],
    )

    # -- barrières -----------------------------------------------------------------------------
    barrieres = [("Europaweg", EUROPAWEG, "weg"), ("Noord-Willemskanaal", NWK, "water"),
                 ("A28", A28, "weg"), ("Spoorlijn Zwolle–Assen–Groningen", SPOOR, "spoor")]
    lagen["barrieres"] = (
        meta("Barrières", "Infrastructuur die een barrière vormt voor fietser en wandelaar (§2.10 legenda-item 3).",
             f"{OV}, §2.10 Mobiliteit ('De Europaweg, het Noord-Willemskanaal, de A28 en het Stadsbedrijvenpark "
             "kennen geen aantrekkelijke routes voor fietsers en wandelaars') en §3.3B",
             "Met de hand getekend naar bronnen/assen_extents_tekst.md (Infrastructuur) en de CBS-wijkgrenzen "
             "die deze lijnen volgen; schematisch, geen wegas."),
        [({"naam": n, "soort": s, "legenda": "Infrastructuur of gebieden die een barrière vormen voor de stad"},
          binnen_gemeente(g)) for n, g, s in barrieres],
    )
    lagen["barrieregebieden"] = (
        meta("Barrièregebieden", "Werkgebieden die een barrière vormen (§2.10 legenda-item 4).",
             f"{OV}, §2.10 Mobiliteit", "Stadsbedrijvenpark uit CBS-buurten (zie bedrijventerreinen)."),
        [({"naam": "Stadsbedrijvenpark", "legenda": "Werkgebieden die een barrière vormen"}, stadsbedrijvenpark)],
    )
    oversteken = [
        ("Viaduct Balkenweg (afrit 33 Assen-West)", "A28", "viaduct", 231650, 556950),
        ("Aansluiting De Haar / Haarweg", "A28", "viaduct", 232250, 554600),
        ("Aansluiting Assen-Zuid (Burgemeester Masmanweg)", "A28", "viaduct", 232420, 552700),
        ("Onderdoorgang Pittelo – Bos en Golf", "A28", "tunnel", 232500, 559000),
        ("Aansluiting Assen-Noord (Rhee)", "A28", "viaduct", 234600, 560950),
        ("Kanaalbrug Pittelo", "Noord-Willemskanaal", "brug", 232100, 558000),
        ("Sluis Peelo", "Noord-Willemskanaal", "brug", 232750, 559050),
        ("Kanaalbrug Peelo – Noorderpark", "Noord-Willemskanaal", "brug", 233700, 558930),
        ("Kanaalbrug Marsdijk", "Noord-Willemskanaal", "brug", 235300, 558700),
        ("Kanaalbrug Loon", "Noord-Willemskanaal", "brug", 236400, 560000),
        ("Stationstunnel (station Assen)", "Spoorlijn Zwolle–Assen–Groningen", "tunnel", 234492, 556822),
        ("Spoorkruising Rolderstraat", "Spoorlijn Zwolle–Assen–Groningen", "gelijkvloers", 234250, 555600),
        ("Spoorkruising Vredeveld – Havenkwartier", "Spoorlijn Zwolle–Assen–Groningen", "tunnel", 235100, 557700),
        ("Spoorkruising Marsdijk – Loon", "Spoorlijn Zwolle–Assen–Groningen", "gelijkvloers", 236600, 559800),
        ("Kruispunt Haarweg (VRI)", "Europaweg", "gelijkvloers", 232990, 555130),
        ("Kruising Europaweg-Zuid – Rolderstraat", "Europaweg", "gelijkvloers", 234100, 554350),
        ("Kruising Europaweg-West – Balkenweg", "Europaweg", "gelijkvloers", 231950, 556900),
        ("Kruising Europaweg-Noord – Pittelo", "Europaweg", "gelijkvloers", 232500, 557950),
        ("Kruising Europaweg-Noord – Asserstraat", "Europaweg", "gelijkvloers", 233700, 558790),
    ]
    lijnen = {n: g for n, g, _ in barrieres}
    lagen["oversteken"] = (
        meta("Oversteken", "Bestaande oversteken van de barrières (bruggen, tunnels, viaducten, kruisingen).",
             f"{OV}, §2.10 en §3.3B; referentiepunten (kruispunt Haarweg, station)",
             "Indicatief: een punt óp de barrièrelijn bij elke bekende of aannemelijke oversteek; kruispunt Haarweg "
             "en station uit bronnen/assen_referentiepunten.csv. Namen met 'Kanaalbrug'/'Spoorkruising' zijn "
             "beschrijvend, geen officiële namen."),
        [({"naam": n, "barriere": b, "soort": s}, op_lijn(lijnen[b], x, y)) for n, b, s, x, y in oversteken],
    )
    lagen["tt_geluidszone"] = (
        meta("Geluidszone TT Circuit (indicatief)", "Indicatieve zone van 1 km rond het TT Circuit voor "
             "geluidhinder; geen wettelijke geluidszone.", f"{OV}, §2.12 Milieu en §3.4 TRZ (TT-convenant)",
             "Baan als ellips rond het referentiepunt TT Circuit (231339, 553340), gebufferd met 1.000 m en "
             "afgeknipt op de gemeente."),
        [({"naam": "Geluidszone TT Circuit", "toelichting": "indicatief, 1 km rond de baan"},
          binnen_gemeente(tt_circuit.buffer(1000, quad_segs=16)))],
    )
    lagen["woningbouwlocaties"] = (
        meta("Woningbouwlocaties", "Locaties voor nieuwe woningen uit de Omgevingsvisie en de Programmabegroting.",
             f"{OV}, §3.2A en §3.4 (Kloosterveen, Havenkwartier); Programmabegroting 2024",
             "CBS-buurten Kloosterakker en Uitbreidingsgebied Kloosterveen; Havenkwartier = Havenkanaal Noord- en "
             "Zuidzijde."),
        [({"naam": "Kloosterakker", "woningen_gepland": 500, "periode": "2020–2030", "status": "in uitvoering",
           "toelichting": "ca. 500 woningen, ongeveer een kwart sociale huur"}, kloosterakker),
         ({"naam": "Uitbreiding Kloosterveen (tot de Norgervaart)", "woningen_gepland": 1750, "periode": "2030–2040",
           "status": "zoekgebied", "toelichting": "2.250–2.500 woningen incl. Kloosterakker; derde hoofdontsluiting is randvoorwaarde"},
          uitbreiding),
         ({"naam": "Havenkwartier", "woningen_gepland": 650, "periode": "2022–2035", "status": "transformatie",
           "toelichting": "ca. 650 woningen: Havenkade ca. 325, spoordriehoek ca. 300"}, havenkwartier)],
    )
    energie = [
        ("Zonnepark Assen-Zuid", zonnepark_zuid, "zonnepark", "oostelijk deel Groene Zoom, werklandschap Assen-Zuid"),
        ("Zonnepark Ubbena", vlak((234700, 562300), (235200, 562300), (235200, 562800), (234700, 562800)), "zonnepark", "bij Ubbena"),
        ("Zonnepark Balkendwarsweg", vlak((229450, 555300), (230000, 555300), (230000, 555900), (229600, 555900)), "zonnepark", "W van Assen (ligging indicatief)"),
        ("Zonnepark OER A28", vlak((234450, 561000), (235000, 561450), (234800, 561800), (234300, 561350)), "zonnepark", "O van Rhee, tussen A28 en dr. Johan Picardtweg"),
        ("Messchenveld II", messchenveld_ii, "zoekgebied", "onderzoek ruimtevragende bedrijven evt. met grootschalige energieopwekking"),
    ]
    lagen["energie_zoekgebieden"] = (
        meta("Zoekgebieden energie", "Zonneparken en zoekgebieden voor grootschalige duurzame energie.",
             f"{OV}, §3.1B en opgaven Energie 2, Werklocaties 3; Programmabegroting 2024 (zonneparken)",
             "Met de hand getekend naar de omschrijvingen in bronnen/assen_extents_tekst.md; grootte indicatief."),
        [({"naam": n, "soort": s, "toelichting": t}, binnen_gemeente(g)) for n, g, s, t in energie],
    )

    # -- visiekaart ------------------------------------------------------------------------------
    gs, ds, vs = "Groene stad van het Noorden", "Dynamische stad", "Verbonden stad"
    wonen_wijken = ["Noorderpark", "Assen-Oost", "Pittelo", "Assen-West", "Peelo", "Marsdijk"]
    focus = {n: binnen_gemeente(g) for n, g, _, _ in focus_opgaven}
    vk = []

    def element(principe, naam, geom, toelichting, **extra):
        vk.append(({"principe": principe, "element": naam, "toelichting": toelichting, **extra}, geom))

    for n, c in verbindingen:
        element(gs, "Netwerk dat bestaande stedelijke groenstructuren verbind met (natuur in) buitengebied",
                binnen_gemeente(LineString(c)), "Groen netwerk dat stad en buitengebied verbindt (§3.1A).", gebied=n)
    for props, geom in groen:
        element(gs, "Bestaande groenstructuren versterken", geom,
                "Bestaand groen blijft; transformatie gaat niet ten koste van bestaand groen (§3.1A).", gebied=props["naam"])
    for b in ("Zeijerveld", "Buitengebied Ter Aard"):
        element(gs, "Bossenstrategie en landschapselementen", binnen_gemeente(buurten(b).difference(bezet)),
                "Bossenstrategie en landschapselementen; dubbelgebruik mogelijk met energie (na 2030).", gebied=b)
    element(gs, "Ecologisch energielandschap en/of parkachtig werklandschap met energieopwekking",
            binnen_gemeente(assen_zuid.union(zonnepark_zuid)), "Werklandschap Assen-Zuid met zonnepark (§3.4 Assen-Zuid).",
            gebied="Assen-Zuid")
    element(gs, "Ecologisch energielandschap en/of parkachtig werklandschap met energieopwekking",
            binnen_gemeente(messchenveld_ii), "Messchenveld II: evt. in combinatie met grootschalige energieopwekking.",
            gebied="Messchenveld II")
    for b in ("Buitengebied Ubbena West", "Buitengebied Ubbena Oost", "Het Grote Veld"):
        element(gs, "Stimulering kringlooplandbouw", buurten(b), "Transitie naar natuurinclusieve kringlooplandbouw "
                "(opgaven Groen 6).", gebied=b)

    element(ds, "Versterking binnenstad: groei in kwaliteit", focus["Binnenstad"],
            "Compacte binnenstad; groei in kwaliteit door wonen, werken en cultuurhistorie (§3.4 Binnenstad).", gebied="Binnenstad")
    element(ds, "Transformatie Havenkwartier", focus["Havenkwartier"], "Transformatie naar stedelijk woonmilieu (§3.4).",
            gebied="Havenkwartier")
    element(ds, "Transformatie noordelijke binnenstad", noordelijk, "Leegstaand winkelvastgoed naar wonen; vergroenen.",
            gebied="Noordelijke binnenstad")
    element(ds, "Wijkvernieuwing, startend met Lariks", focus["Lariks"], "Wijkvernieuwing (§3.4 Lariks).", gebied="Lariks")
    element(ds, "Kloosterakker", kloosterakker, "Ca. 500 woningen, ca. een kwart sociale huur (§3.4 Kloosterveen).",
            gebied="Kloosterakker")
    element(ds, "Uitbreiding Kloosterveen", uitbreiding, "Uitbreiding tot de Norgervaart (§3.4 Kloosterveen).",
            gebied="Uitbreidingsgebied Kloosterveen")
    element(ds, "Zoekgebied uitbreiding Kloosterveen", uitbreiding,
            "Legendatekst van de kaart 'Visie De verbonden stad' (§1.3) voor hetzelfde gebied.", gebied="Uitbreidingsgebied Kloosterveen")
    element(ds, "Kloosterveen", wijk("Kloosterveen"), "Bestaande wijk Kloosterveen.", gebied="Kloosterveen")
    element(ds, "Vrijkomende plekken benutten voor meer diversiteit in de wijken",
            buurten("GGZ-terrein").representative_point(),
            "Vrijkomende (zorg)locaties benutten (§2.11, opgaven Gezondheid 1); de visiekaart wijst meer plekken "
            "aan dan uit de tekst te herleiden zijn.", gebied="GGZ-terrein")
    for w in wonen_wijken:
        element(ds, "Sterke wijken: aandacht voor verduurzaming bestaande en nieuwe woningvoorraad", wijk(w),
                "Verduurzaming woningvoorraad (opgaven Wonen 6).", gebied=w)
    element(ds, "Gemixte werklocaties: versterking ruimtelijke kwaliteit en verduurzaming", sbp_zonder_haven,
            "Stadsbedrijvenpark: verduurzamen en vergroenen (opgaven Werken 4).", gebied="Stadsbedrijvenpark")
    for n, g in (("Peelerpark", buurten("Peelerpark")), ("Messchenveld", buurten("Messchenveld")),
                 ("Werklandschap Assen-Zuid", binnen_gemeente(assen_zuid))):
        element(ds, "Nieuwe en/of courante bedrijventerreinen: blijvende focus op aanscherping profiel", g,
                "Eigen profiel per bedrijventerrein (opgaven Werken 2).", gebied=n)
    for n, x, y in (("Wilhelmina Ziekenhuis Assen (Europaweg-Zuid 1)", 234550, 554700),
                    ("GGZ Drenthe", *buurten("GGZ-terrein").centroid.coords[0])):
        element(ds, "Regionale (zorg)voorzieningen", Point(round(x, 1), round(y, 1)), "Regionale zorgfunctie (§1.2, §2.11).", gebied=n)
    element(ds, "Toeristisch Recreatieve Zone", focus["TRZ"], "TRZ naast het TT Circuit (§3.4 TRZ).", gebied="TRZ")
    element(ds, "Snelle infrastructuur auto", binnen_gemeente(A28), "A28: snelle regionale bereikbaarheid.", gebied="A28")
    element(ds, "Snelle infrastructuur auto", binnen_gemeente(N33), "N33 richting Veendam.", gebied="N33")
    element(ds, "Auto te gast in de stad", focus["Binnenstad"], "Auto te gast; ruimte voor fiets, voetganger en groen (opgaven Mobiliteit 4).",
            gebied="Binnenstad")
    element(ds, "Doorfietsroute Assen-Groningen", binnen_gemeente(DOORFIETSROUTE), "Doorfietsroute vanaf het station naar Groningen.",
            gebied="Assen–Groningen")
    element(ds, "Intercityverbinding Groningen-Assen-Zwolle", binnen_gemeente(SPOOR), "Spoor Groningen–Assen–Zwolle (bijlage visiekaart).",
            gebied="spoor")
    element(ds, "Goede landelijke- en regionale spoorverbinding", binnen_gemeente(SPOOR),
            "Legendatekst van de kaart 'Visie Dynamische hoofdstad' (§1.2) voor hetzelfde spoor.", gebied="spoor")

    for n, c in verbindingen:
        element(vs, "Aantrekkelijk groen netwerk als verbinding tussen binnenstad, wijken en buitengebied",
                binnen_gemeente(LineString(c)), "Comfortabele, groene wandel- en fietsroutes (§1.3, §3.3).", gebied=n)
    element(vs, "Binnenstad als pleisterplaats voor de gehele stad", publiekshart,
            "Binnenstad bereikbaar en aantrekkelijk voor de hele stad (§3.3).", gebied="Publiekshart")
    for n, x, y, *_ in wijkcentra:
        element(vs, "Sterke wijkcentra", Point(round(x, 1), round(y, 1)), "Dagelijkse voorzieningen in sterke wijkcentra (§3.3).", gebied=n)
    for n, p in (("Sportpark Stadsbroek", buurten("Sportpark Stadsbroek").representative_point()),
                 ("Sporthal Peelo ('t Markehuus)", Point(233750, 559500))):
        element(vs, "Dekkend aanbod sportvoorzieningen", p, "Goed verspreid aanbod sportvoorzieningen (§2.11).", gebied=n)

    lagen["visiekaart_2040"] = (
        meta("Visiekaart 2040", "Alle legenda-elementen van de drie principes van de Visiekaart 2040 "
             "(Groene stad van het Noorden, Dynamische stad, Verbonden stad) met hun legendatekst.",
             f"{OV}, §1 (visiekaarten per principe) en bijlage 'Visiekaart 2040 met straatnamen'",
             "Elementen hergebruiken de geometrie van de andere lagen (CBS-buurten/wijken en getekende lijnen); "
             "legendateksten letterlijk uit de Omgevingsvisie (incl. de spelling 'verbind')."),
        vk,
    )
    lagen["bestaand_stedelijk_gebied"] = (
        meta("Bestaand stedelijk gebied", "Bestaand stedelijk gebied voor inbreiding en de Ladder voor duurzame "
             "verstedelijking: de stad en de dorpskernen.", f"{OV}, §3.2A; Bkl art. 5.129g",
             "Alle CBS-buurten van de stadswijken behalve Kloosterakker en Uitbreidingsgebied Kloosterveen, plus "
             "de dorpskernen Loon, Ubbena, Ter Aard en Witten."),
        [({"naam": "Bestaand stedelijk gebied Assen"},
          binnen_gemeente(unary_union(
              BUURTEN[(BUURTEN.statcode.str[6:8] != "99")
                      & ~BUURTEN.statnaam.isin(["Kloosterakker", "Uitbreidingsgebied Kloosterveen"])].geometry.tolist()
              + [buurten("Loon", "Ubbena", "Ter Aard", "Witten")])))],
    )
    return lagen


def schrijf_geojson(pad: Path, naam: str, metadata: dict, features: list[tuple[dict, object]]) -> None:
    """Schrijf een leesbare GeoJSON: kop met metadata, daarna één feature per regel, cm-precisie."""
    regels = []
    for props, geom in features:
        geom = shapely.set_precision(shapely.make_valid(geom), 0.01)
        if geom.is_empty:
            raise SystemExit(f"{naam}: lege geometrie voor {props}")
        feature = {"type": "Feature", "properties": props, "geometry": shapely.geometry.mapping(geom)}
        regels.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    kop = {
        "type": "FeatureCollection",
        "name": naam,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "metadata": metadata,
    }
    tekst = json.dumps(kop, ensure_ascii=False, indent=1)[:-2] + ',\n"features": [\n' + ",\n".join(regels) + "\n]}\n"
    pad.write_text(tekst, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overschrijf", action="store_true", help="bestaande bronbestanden overschrijven")
    args = parser.parse_args(argv)
    DOEL.mkdir(parents=True, exist_ok=True)
    lagen = maak_lagen()
    bestaand = [n for n in lagen if (DOEL / f"{n}.geojson").exists()]
    if bestaand and not args.overschrijf:
        print(f"{len(bestaand)} bronbestanden bestaan al in {DOEL}; gebruik --overschrijf.", file=sys.stderr)
        return 2
    for naam, (metadata, features) in lagen.items():
        if naam not in NIET_KNIPPEN:
            features = [(props, binnen_gemeente(geom)) for props, geom in features]
        schrijf_geojson(DOEL / f"{naam}.geojson", naam, metadata, features)
        print(f"{naam}: {len(features)} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
