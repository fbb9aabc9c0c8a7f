"""Benchmarks voor de koude start van de opdrachtregel (geen tests; cijfers in docs/prestaties.md).

Elke ronde is een nieuw proces, zoals een gebruiker het commando start. De kale ondergrens is
een Python-proces dat niets doet.

    $ .venv/bin/python -m pytest benchmarks/test_bench_cli.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[1]
VOORBEELDEN = TOP / "voorbeelden" / "initiatieven.geojson"


def _draai(*argumenten: str, cwd: Path = TOP) -> None:
    subprocess.run([sys.executable, *argumenten], check=True, cwd=cwd, capture_output=True)


@pytest.mark.benchmark(group="cli-koud")
def test_kaal_python(benchmark):
    benchmark.pedantic(_draai, args=("-c", "pass"), rounds=9, iterations=1)


@pytest.mark.benchmark(group="cli-koud")
def test_hulp(benchmark):
    benchmark.pedantic(_draai, args=("-m", "omgevingsvisie", "--help"), rounds=9, iterations=1)


@pytest.mark.benchmark(group="cli-koud")
def test_toets_van_de_voorbeelden_met_kaart(benchmark, tmp_path):
    teller = iter(range(1000))

    def toets():
        _draai("-m", "omgevingsvisie", "toets", str(VOORBEELDEN), "--uitvoer", str(tmp_path / f"u{next(teller)}"),
               "--kaart")

    benchmark.pedantic(toets, rounds=5, iterations=1)
