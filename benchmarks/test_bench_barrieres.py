"""Benchmarks voor de omrijanalyse (issue 7; geen tests, cijfers in docs/prestaties.md).

    $ .venv/bin/python -m pytest benchmarks/test_bench_barrieres.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from omgevingsvisie import laad_laag, lagen
from omgevingsvisie.analyse import barrieres
from omgevingsvisie.analyse.barrieres_oversteek import omrijfactor_voor_na


@pytest.fixture(scope="module")
def vijfduizend() -> np.ndarray:
    """5.000 vertrekpunten verspreid over het bestaand stedelijk gebied (vast zaad)."""
    rng = np.random.default_rng(7)
    stedelijk = laad_laag("bestaand_stedelijk_gebied").union_all()
    xmin, ymin, xmax, ymax = stedelijk.bounds
    punten = np.empty((0, 2))
    while len(punten) < 5000:
        kandidaten = rng.uniform((xmin, ymin), (xmax, ymax), size=(5000, 2))
        punten = np.vstack([punten, kandidaten[shapely.contains_xy(stedelijk, kandidaten[:, 0], kandidaten[:, 1])]])
    return punten[:5000]


def test_alle_paren_5000_vertrekpunten(benchmark, vijfduizend):
    """Raster opnieuw opbouwen (lagen, oversteken, graaf) en 5.000 punten naar alle vier de bestemmingen."""
    laagdata = lagen.huidige()

    def alles():
        barrieres.barriere_raster(laagdata=laagdata, opnieuw=True)
        return barrieres.omrijfactoren(vijfduizend, laagdata=laagdata)

    uitkomst = benchmark.pedantic(alles, rounds=5, iterations=1)
    assert len(uitkomst) == 5000
    benchmark.extra_info["paren"] = 5000 * len(barrieres.BESTEMMINGEN)


def test_omrijfactoren_per_wijk(benchmark):
    """De hele analyse van de CLI zonder schrijven: woningpunten, raster, bestemmingen, tabel per wijk."""
    laagdata = lagen.huidige()

    def alles():
        barrieres.barriere_raster(laagdata=laagdata, opnieuw=True)
        return barrieres.omrijfactoren_per_wijk(laagdata=laagdata)

    uitkomst = benchmark.pedantic(alles, rounds=3, iterations=1)
    assert len(uitkomst.tabel) == 10


def test_omrijfactor_voor_na_een_nieuwe_kanaalbrug(benchmark):
    """Eén aanroep zoals VS1 die doet (raster en afstandvelden van de lagen zijn al opgebouwd)."""
    laagdata = lagen.huidige()
    barrieres.afstandvelden(laagdata=laagdata)
    teller = iter(range(1000))

    def een_plan():  # steeds een iets ander plan, zodat niets uit een eerdere ronde komt
        dx = 10 * next(teller)
        return omrijfactor_voor_na(box(233150 + dx, 558950, 233250 + dx, 559050), laagdata=laagdata)

    uit = benchmark.pedantic(een_plan, rounds=5, iterations=1)
    assert uit["omrijfactor_na"] <= uit["omrijfactor_voor"]


def test_omrijfactor_voor_na_warm(benchmark):
    """Dezelfde aanroep nog eens (het voorbeeld uit issue 7, Europaweg bij Assen-West): alles wat niet van het
    plan afhangt is bewaard, alleen de situatie ná en 'de overkant' worden berekend."""
    plan = box(231600, 556500, 231800, 556700)
    laagdata = lagen.huidige()
    omrijfactor_voor_na(plan, laagdata=laagdata, zoekafstand_m=100)
    uit = benchmark.pedantic(omrijfactor_voor_na, args=(plan,), kwargs={"laagdata": laagdata, "zoekafstand_m": 100},
                             rounds=20, iterations=1, warmup_rounds=1)
    assert uit["barriere"] == "Europaweg" and uit["omrijfactor_na"] < uit["omrijfactor_voor"]


def vijftig_plannen() -> list:
    """Vijftig plannen van 120 × 120 m op de vier barrièrelijnen (vast zaad), twaalf à dertien per lijn."""
    lijnen = laad_laag("barrieres")
    rng = np.random.default_rng(3)
    plannen = []
    for i in range(50):
        lijn = lijnen.geometry.iloc[i % len(lijnen)]
        p = lijn.interpolate(rng.uniform(0.05, 0.95) * lijn.length)
        plannen.append(box(p.x - 60, p.y - 60, p.x + 60, p.y + 60))
    return plannen


def test_omrijfactor_voor_na_vijftig_plannen(benchmark):
    """50 aanroepen op verschillende plannen, zoals VS1 in een batch (raster en afstandvelden al opgebouwd;
    de eerste ronde rekent ook de velden van de bestaande oversteken uit, die daarna bewaard blijven)."""
    plannen = vijftig_plannen()
    laagdata = lagen.huidige()
    barrieres.afstandvelden(laagdata=laagdata)
    uit = benchmark.pedantic(lambda: [omrijfactor_voor_na(plan, laagdata=laagdata) for plan in plannen], rounds=3,
                             iterations=1, warmup_rounds=1)
    assert sum(u["omrijfactor_voor"] is not None for u in uit) >= 45
    benchmark.extra_info["aanroepen"] = len(plannen)
