"""Benchmarks voor de toets (geen tests; cijfers in docs/prestaties.md).

    $ .venv/bin/python -m pytest benchmarks/test_bench_toets.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

import subprocess
import sys

import geopandas as gpd
import numpy as np
import pytest
from shapely import affinity
from shapely.geometry import box

from omgevingsvisie import laad_laag, lagen
from omgevingsvisie.catalogus import LAAGNAMEN
from omgevingsvisie.initiatief import maak_initiatieven
from omgevingsvisie.toets import toets

GEMEENTE = lagen.huidige().gemeente()

FUNCTIES = [["wonen"], ["wonen", "horeca"], ["bedrijf"], ["detailhandel_dagelijks"], ["detailhandel_niet_dagelijks"],
            ["leisure", "horeca"], ["zonnepark"], ["groen", "water"], ["wonen", "zorgwonen", "groen"]]


def willekeurige_plannen(aantal: int, *, zaad: int = 7) -> gpd.GeoDataFrame:
    """``aantal`` plannen van 50–300 m verspreid over de stad, met een gevarieerd programma."""
    rng = np.random.default_rng(zaad)
    bsg = laad_laag("bestaand_stedelijk_gebied").union_all()
    gemeente = laad_laag("gemeentegrens").union_all().buffer(-400)
    xmin, ymin, xmax, ymax = gemeente.bounds
    geoms, records = [], []
    while len(geoms) < aantal:
        x, y = rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)
        b, h = rng.uniform(50, 300, 2)
        g = affinity.rotate(box(x, y, x + b, y + h), rng.uniform(0, 90))
        if not gemeente.contains(g) or (rng.random() < 0.7 and not bsg.contains(g)):
            continue
        functies = FUNCTIES[len(geoms) % len(FUNCTIES)]
        woningen = int(rng.integers(12, 300)) if "wonen" in functies else None
        records.append({"naam": f"plan {len(geoms)}", "functies": functies, "woningen": woningen,
                        "sociale_huur": None if woningen is None else int(woningen * rng.uniform(0.1, 0.5)),
                        "milieucategorie": "3.2" if "bedrijf" in functies else None,
                        "groen_pct": float(rng.uniform(5, 50)), "waterberging_mm": float(rng.uniform(30, 90)),
                        "energieneutraal": bool(rng.random() < 0.8), "lv_verbinding": bool(rng.random() < 0.3)})
        geoms.append(g)
    return maak_initiatieven(records, geoms, gemeente=GEMEENTE)


@pytest.fixture(scope="module")
def duizend():
    return willekeurige_plannen(1000)


@pytest.fixture(scope="module")
def alle_lagen():
    return {n: laad_laag(n) for n in LAAGNAMEN}


def test_toets_1000_initiatieven(benchmark, duizend):
    """De hele toets zoals de CLI hem draait: meegeleverde lagen, met de analyses voor GS3 en VS1."""
    toets(duizend[:1])  # lagen, rasters en routeraster één keer opbouwen (zit in de koude-startmeting)
    resultaten = benchmark.pedantic(toets, args=(duizend,), rounds=5, iterations=1)
    assert len(resultaten) == 1000
    per_seconde = 1000 / benchmark.stats.stats.median
    benchmark.extra_info["initiatieven_per_s"] = round(per_seconde)


def test_kale_sjoin_van_alle_plannen_tegen_elke_laag(benchmark, duizend, alle_lagen):
    """De ondergrens: alleen een sjoin van alle plannen tegen elke laag, zonder regels."""
    def sjoins():
        return sum(len(gpd.sjoin(duizend[["geometry"]], laag[["geometry"]], predicate="intersects"))
                   for laag in alle_lagen.values())
    benchmark.pedantic(sjoins, rounds=5, iterations=1)


def test_cli_een_initiatief_koude_start(benchmark, tmp_path):
    """Eén initiatief door de hele CLI in een nieuw proces (import, lagen laden, toets, 3 rapporten)."""
    plan = willekeurige_plannen(1).to_crs("EPSG:4326")
    invoer = tmp_path / "plan.geojson"
    invoer.write_text(plan.to_json(), encoding="utf-8")
    teller = iter(range(100))

    def draai():
        uit = tmp_path / f"uit{next(teller)}"
        subprocess.run([sys.executable, "-m", "omgevingsvisie", "toets", str(invoer), "--uitvoer", str(uit)],
                       check=True, capture_output=True)
    benchmark.pedantic(draai, rounds=5, iterations=1)


@pytest.mark.parametrize("formaten", [("json",), ("json", "html", "md")], ids=["json", "json-html-md"])
def test_toets_en_rapporten_1000_initiatieven(benchmark, duizend, tmp_path, formaten):
    """Toets plus het schrijven van een rapport per initiatief (en de samenvatting)."""
    from omgevingsvisie.rapport import schrijf_rapporten
    teller = iter(range(100))

    def alles():
        return schrijf_rapporten(toets(duizend), tmp_path / f"r{next(teller)}", laagdata=lagen.huidige(),
                                 formaten=formaten)
    benchmark.pedantic(alles, rounds=3, iterations=1)
