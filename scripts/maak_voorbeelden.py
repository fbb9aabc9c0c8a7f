"""Maak voorbeelden/initiatieven.geojson: realistische initiatieven verspreid over de focusgebieden.

Goede en slechte voorbeelden, zodat elke regel iets te zeggen heeft. De plangebieden worden
op echte CBS-buurten of lagen gelegd (hun 'representative point'), zodat ze meebewegen als
de lagen verbeteren. Uitvoer in WGS84 (RFC 7946), zoals een planner hem aanlevert.

    $ python scripts/maak_voorbeelden.py --overschrijf
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
from shapely import affinity
from shapely.geometry import box

from omgevingsvisie import laad_laag

DOEL = Path(__file__).resolve().parents[1] / "voorbeelden" / "initiatieven.geojson"


def plan(laag: str, naam: str, breed: float, hoog: float, *, dx: float = 0, dy: float = 0, draai: float = 0):
    """Een rechthoekig plangebied rond een punt in een feature van een laag (RD, meters)."""
    gdf = laad_laag(laag)
    p = gdf.loc[gdf.naam == naam].geometry.iloc[0].representative_point()
    x, y = p.x + dx, p.y + dy
    return affinity.rotate(box(x - breed / 2, y - hoog / 2, x + breed / 2, y + hoog / 2), draai)


VOORBEELDEN = [
    (plan("buurten", "Havenkanaal Zuidzijde", 220, 160, draai=15),
     {"naam": "Havenkade: 320 stadswoningen aan de haven", "functies": ["wonen", "horeca"], "woningen": 320,
      "sociale_huur": 100, "groen_pct": 35, "groen_dak_m2": 2500, "waterberging_mm": 75, "energieneutraal": True,
      "aardgasvrij": True, "lv_verbinding": True, "bomen_kap": 4, "bomen_plant": 60}),
    (plan("buurten", "Koopmanskwartier", 90, 80, dy=60),
     {"naam": "Noordelijke binnenstad: winkelpanden worden 48 woningen", "functies": ["wonen"], "woningen": 48,
      "sociale_huur": 15, "groen_pct": 30, "groen_dak_m2": 600, "waterberging_mm": 70, "energieneutraal": True,
      "aardgasvrij": True}),
    (plan("buurten", "Kloosterakker", 260, 200),
     {"naam": "Kloosterakker fase 3: 180 grondgebonden woningen", "functies": ["wonen", "groen", "water"],
      "woningen": 180, "sociale_huur": 40, "groen_pct": 25, "waterberging_mm": 60, "energieneutraal": True,
      "aardgasvrij": True}),
    (plan("buurten", "De Lariks West", 150, 120),
     {"naam": "Lariks: herstructurering portiekflats, 64 nultredenwoningen", "functies": ["wonen", "zorgwonen", "groen"],
      "woningen": 64, "sociale_huur": 32, "groen_pct": 40, "waterberging_mm": 70, "energieneutraal": True,
      "lv_verbinding": True}),
    (plan("buurten", "Kloosterveste", 60, 50, dx=-40),
     {"naam": "Supermarkt bij Kloosterveste", "functies": ["detailhandel_dagelijks"], "bvo_detailhandel_m2": 1400,
      "groen_pct": 15, "groen_dak_m2": 900, "waterberging_mm": 70, "energieneutraal": True}),
    (plan("bedrijventerreinen", "Werklandschap Assen-Zuid", 180, 160),
     {"naam": "Assen-Zuid: productiehal categorie 4.2", "functies": ["bedrijf"], "milieucategorie": "4.2",
      "groen_pct": 20, "waterberging_mm": 80, "energieneutraal": True}),
    (plan("bedrijventerreinen", "Werklandschap Assen-Zuid", 150, 120, dy=-230),
     {"naam": "Assen-Zuid: opslag gevaarlijke stoffen categorie 5.1", "functies": ["bedrijf"], "milieucategorie": "5.1",
      "groen_pct": 10, "waterberging_mm": 40, "energieneutraal": False}),
    (plan("focusgebieden", "TRZ", 250, 180),
     {"naam": "TRZ: TT-beleving met hotel", "functies": ["leisure", "horeca"], "bvo_leisure_m2": 6000,
      "groen_pct": 30, "waterberging_mm": 70, "energieneutraal": True}),
    (plan("focusgebieden", "TRZ", 220, 160, dx=-60, dy=300),
     {"naam": "TRZ: factory-outletcentrum", "functies": ["detailhandel_niet_dagelijks", "horeca"],
      "bvo_detailhandel_m2": 12000, "groen_pct": 10, "waterberging_mm": 50, "energieneutraal": False}),
    (plan("energie_zoekgebieden", "Messchenveld II", 300, 250),
     {"naam": "Zonnepark Messchenveld II", "functies": ["zonnepark", "groen"], "groen_pct": 15}),
    (plan("buurten", "Buitengebied Witten", 350, 280, dx=-900, dy=-300),
     {"naam": "Zonnepark op landbouwgrond bij Witten", "functies": ["zonnepark"], "groen_pct": 5}),
    (plan("buurten", "Asserbos", 160, 140),
     {"naam": "Villapark aan de rand van het Asserbos", "functies": ["wonen"], "woningen": 24, "sociale_huur": 0,
      "groen_pct": 45, "waterberging_mm": 80, "energieneutraal": True}),
    (plan("tt_geluidszone", "Geluidszone TT Circuit", 200, 150, dx=-500),
     {"naam": "Woonerf Witterhaar bij het TT Circuit", "functies": ["wonen"], "woningen": 30, "sociale_huur": 9,
      "groen_pct": 35, "waterberging_mm": 70, "energieneutraal": True}),
    (plan("buurten", "Buitengebied Anreep", 200, 200, dx=400, dy=200),
     {"naam": "Meubelboulevard aan de N33", "functies": ["detailhandel_niet_dagelijks", "bedrijf"],
      "bvo_detailhandel_m2": 9000, "milieucategorie": "2", "groen_pct": 10, "energieneutraal": None}),
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overschrijf", action="store_true")
    args = parser.parse_args(argv)
    if DOEL.exists() and not args.overschrijf:
        print(f"{DOEL} bestaat al; gebruik --overschrijf.", file=sys.stderr)
        return 2
    gdf = gpd.GeoDataFrame([p for _, p in VOORBEELDEN], geometry=[g for g, _ in VOORBEELDEN], crs="EPSG:28992")
    wgs = gdf.to_crs("EPSG:4326")
    features = []
    for (_, props), geom in zip(VOORBEELDEN, wgs.geometry):
        ring = [[round(x, 6), round(y, 6)] for x, y in geom.exterior.coords]
        feature = {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        features.append(json.dumps(feature, ensure_ascii=False))
    DOEL.parent.mkdir(exist_ok=True)
    DOEL.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n", encoding="utf-8")
    print(f"{DOEL}: {len(features)} initiatieven")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
