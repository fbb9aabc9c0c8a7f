"""Benchmarks voor de kaarten (folium-HTML maken en schrijven); cijfers in docs/prestaties.md.

    $ .venv/bin/python -m pytest benchmarks/test_bench_kaarten.py --benchmark-only \
          --benchmark-columns=min,median,max,rounds
"""

from __future__ import annotations

from omgevingsvisie import kaarten, lagen


def _maak_en_bewaar(maak, pad):
    return kaarten.bewaar_kaart(maak(laagdata=lagen.huidige()), pad, overschrijf=True)


def test_kaart_visiekaart(benchmark, tmp_path):
    """66 elementen, 6 focusgebieden en de gemeentegrens, met Leaflet inline."""
    benchmark.pedantic(_maak_en_bewaar, args=(kaarten.kaart_visiekaart, tmp_path / "v.html"),
                       rounds=5, iterations=1)


def test_kaart_focusgebied(benchmark, tmp_path):
    def maak(*, laagdata):
        return kaarten.kaart_focusgebied("Kloosterveen", laagdata=laagdata)

    benchmark.pedantic(_maak_en_bewaar, args=(maak, tmp_path / "k.html"), rounds=5, iterations=1)


def test_kaart_barrieres(benchmark, tmp_path):
    benchmark.pedantic(_maak_en_bewaar, args=(kaarten.kaart_barrieres, tmp_path / "b.html"),
                       rounds=5, iterations=1)
