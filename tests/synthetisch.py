"""Een kleine synthetische gemeente voor regeltests, met antwoorden die je met de hand narekent.

Alle coördinaten in meters (EPSG:28992), in een eigen kader ver van Assen zodat duidelijk is
dat de regels alleen de meegegeven lagen gebruiken. Overzicht (x naar rechts, y omhoog)::

    y 10000 +---------------------------------------------+
            |                      | Ringweg (x=5000)     |
            |                      |   Zoekgebied II  [8000-9000]²   (bedrijf-zoekgebied + energie)
            |                      |   TRZ [8000-9000 × 6000-7000], TT-zone [8000-9500 × 6000-7500]
            |  groene verbinding y=4250 ------------------|   Assen-Zuid [6000-7000]²
            |  Groot park [4000-4500]² (25 ha)            |
            |  Lariks [1000-2000 × 3000-4000], wijkcentrum (3000, 3000)
            |  Bestaand BT / barrièregebied [2500-3500]²  |
            |  Binnenstad [1000-2000]², publiekshart [1200-1600]²; Havenkwartier [3000-4000 × 1000-2000]
            |  bestaand stedelijk gebied [0-5000]²        | Kloosterveen [6000-7000 × 1000-2000]
    y 0     +---------------------------------------------+ Natura 2000 [9000-10000 × 0-1000]
           x 0                                          x 10000
"""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import LineString, Point, box

X0, Y0 = 100_000.0, 400_000.0
CRS = "EPSG:28992"
PROGRAMMA_STANDAARD = {
    "functies": (), "woningen": None, "sociale_huur": None, "bvo_detailhandel_m2": None, "bvo_kantoor_m2": None,
    "bvo_leisure_m2": None, "milieucategorie": None, "groen_pct": None, "groen_dak_m2": None, "waterberging_mm": None,
    "bomen_kap": None, "bomen_plant": None, "energieneutraal": None, "aardgasvrij": None, "lv_verbinding": None,
}


def vak(x1: float, y1: float, x2: float, y2: float):
    """Rechthoek in het lokale kader (meters vanaf de linkeronderhoek van de gemeente)."""
    return box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def punt(x: float, y: float) -> Point:
    return Point(X0 + x, Y0 + y)


def lijn(*punten: tuple[float, float]) -> LineString:
    return LineString([(X0 + x, Y0 + y) for x, y in punten])


def _laag(rijen: list[dict]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=CRS)


def wereld() -> dict[str, gpd.GeoDataFrame]:
    """Alle lagen die de regels gebruiken, klein en met ronde getallen."""
    return {
        "gemeentegrens": _laag([{"naam": "Testgemeente", "geometry": vak(0, 0, 10000, 10000)}]),
        "bestaand_stedelijk_gebied": _laag([{"naam": "Stad", "geometry": vak(0, 0, 5000, 5000)}]),
        "wijken": _laag([{"statcode": "WK999900", "naam": "Stad", "geometry": vak(0, 0, 5000, 10000)},
                         {"statcode": "WK999999", "naam": "Buitengebied", "geometry": vak(5000, 0, 10000, 10000)}]),
        "focusgebieden": _laag([
            {"naam": "Binnenstad", "opgave": "Compacte binnenstad.", "paragraaf": "§3.4", "geometry": vak(1000, 1000, 2000, 2000)},
            {"naam": "Havenkwartier", "opgave": "Transformatie naar wonen.", "paragraaf": "§3.4", "geometry": vak(3000, 1000, 4000, 2000)},
            {"naam": "Lariks", "opgave": "Wijkvernieuwing.", "paragraaf": "§3.4", "geometry": vak(1000, 3000, 2000, 4000)},
            {"naam": "Kloosterveen", "opgave": "Uitbreiding wonen.", "paragraaf": "§3.4", "geometry": vak(6000, 1000, 7000, 2000)},
            {"naam": "Assen-Zuid", "opgave": "Werklandschap t/m 4.2.", "paragraaf": "§3.4", "geometry": vak(6000, 6000, 7000, 7000)},
            {"naam": "TRZ", "opgave": "Toerisme en recreatie.", "paragraaf": "§3.4", "geometry": vak(8000, 6000, 9000, 7000)},
        ]),
        "publiekshart": _laag([{"naam": "Publiekshart", "geometry": vak(1200, 1200, 1600, 1600)}]),
        "wijkcentra": _laag([{"naam": "Wijkcentrum West", "geometry": punt(3000, 3000)}]),
        "bedrijventerreinen": _laag([
            {"naam": "Bestaand BT", "status": "bestaand", "max_milieucategorie": "4.1", "profiel": "gemengd",
             "geometry": vak(2500, 2500, 3500, 3500)},
            {"naam": "Werklandschap Zuid", "status": "gepland", "max_milieucategorie": "4.2", "profiel": "groot",
             "geometry": vak(6000, 6000, 7000, 7000)},
            {"naam": "Messchenveld II", "status": "zoekgebied", "max_milieucategorie": "4.2", "profiel": "ruimtevragend",
             "geometry": vak(8000, 8000, 9000, 9000)},
        ]),
        "groenstructuur": _laag([
            {"naam": "Groot park", "type": "park", "geometry": vak(4000, 4000, 4500, 4500)},
            {"naam": "Plantsoen", "type": "park", "geometry": vak(500, 500, 550, 550)},
        ]),
        "groene_verbindingen": _laag([{"naam": "Groene as", "geometry": lijn((0, 4250), (10000, 4250))}]),
        "natura2000": _laag([{"naam": "Veen", "soort": "natura2000", "geometry": vak(9000, 0, 10000, 1000)}]),
        "hittestress": _laag([{"naam": "Havenkwartier", "reden": "steen", "geometry": vak(3000, 1000, 4000, 2000)}]),
        "barrieres": _laag([{"naam": "Ringweg", "soort": "weg", "geometry": lijn((5000, 0), (5000, 10000))}]),
        "barrieregebieden": _laag([{"naam": "Bestaand BT", "geometry": vak(2500, 2500, 3500, 3500)}]),
        "oversteken": _laag([{"naam": "Brug", "barriere": "Ringweg", "geometry": punt(5000, 5000)}]),
        "tt_geluidszone": _laag([{"naam": "Geluidszone", "geometry": vak(8000, 6000, 9500, 7500)}]),
        "woningbouwlocaties": _laag([{"naam": "Kloosterveen", "woningen_gepland": 500, "periode": "2025–2030",
                                      "geometry": vak(6000, 1000, 7000, 2000)}]),
        "energie_zoekgebieden": _laag([{"naam": "Messchenveld II", "geometry": vak(8000, 8000, 9000, 9000)}]),
    }


def plannen(*plannen: tuple) -> gpd.GeoDataFrame:
    """Genormaliseerde initiatieven uit (geometrie, programma-dict)-paren; ontbrekend = ``None``."""
    rijen = []
    for i, (geometrie, programma) in enumerate(plannen):
        rij = {"naam": programma.pop("naam", f"plan {i}"), **PROGRAMMA_STANDAARD, **programma, "geometry": geometrie}
        rij["functies"] = tuple(rij["functies"])
        rijen.append(rij)
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=CRS)
