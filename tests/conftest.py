"""Gedeelde fixtures en markers van de testsuite.

- ``herstel_lagen`` (automatisch): na elke test gelden weer de meegeleverde lagen, ook als
  een test er een vervangt;
- ``runner``: een click ``CliRunner`` voor de opdrachtregel;
- ``laagdata``: de meegeleverde lagen als :class:`~omgevingsvisie.lagen.Laagdata`;
- ``maak_resultaat``: een fabriek voor een klein :class:`~omgevingsvisie.bevinding.ToetsResultaat`.

Markers (zie ``pyproject.toml``): ``browser`` (echte headless Chromium), ``qgis`` (echte
PyQGIS), ``traag`` (langer dan een paar seconden). Een snelle binnenste lus:
``pytest -m "not browser and not qgis and not traag"``; CI draait alles.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from shapely.geometry import box

STOP_MAP = Path(__file__).resolve().parents[2] / "shared" / "referentie" / "stop"
# libxml2 leest de catalogi bij de eerste URI die hij oplost: zet ze voordat iets lxml gebruikt.
os.environ.setdefault(
    "XML_CATALOG_FILES",
    f"{STOP_MAP / 'extern' / 'extern-catalog.xml'} {STOP_MAP / '1.3.0' / 'stop-catalog.xml'}",
)

from omgevingsvisie import lagen  # noqa: E402

# Draait onder Debians /usr/bin/python3 met PyQGIS (zie test_export_qgis.py), niet in deze venv.
collect_ignore = ["qgis_controle.py"]
from omgevingsvisie.bevinding import Bevinding, ToetsResultaat  # noqa: E402


@pytest.fixture(autouse=True)
def herstel_lagen():
    """Na elke test weer de meegeleverde lagen."""
    yield
    lagen.herstel_lagen()


@pytest.fixture
def runner() -> CliRunner:
    """Een ``CliRunner`` die stdout en stderr apart houdt."""
    return CliRunner()


@pytest.fixture
def laagdata() -> lagen.Laagdata:
    """De lagen zoals ze nu gelden (de meegeleverde, tenzij de test er een vervangt)."""
    return lagen.huidige()


@pytest.fixture
def maak_resultaat():
    """Fabriek: ``maak_resultaat(naam=..., status=..., geometrie=...)`` → een ``ToetsResultaat``
    met één bevinding, bij de Asser binnenstad (RD)."""

    def maak(naam: str = "Plan", *, status: str = "voldoet", regel: str = "DS1",
             geometrie=None, waarden: dict | None = None) -> ToetsResultaat:
        plan = geometrie if geometrie is not None else box(233800, 556700, 234100, 556950)
        bevinding = Bevinding(regel, "Dynamische stad", "Binnen de focusgebieden", status,
                              "Het plan ligt in focusgebied Binnenstad.", "Omgevingsvisie Assen 2021, §3.4",
                              dict(waarden or {}), None, ("focusgebieden",))
        return ToetsResultaat({"naam": naam, "oppervlakte_m2": plan.area, "focusgebieden": ["Binnenstad"]},
                              plan, [bevinding])

    return maak
