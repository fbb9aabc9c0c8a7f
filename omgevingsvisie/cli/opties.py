"""Opties die meerdere commando's delen (zoals ``rasterio.rio.options``), één keer gedeclareerd.

Elk commando gebruikt :func:`optie` en :func:`argument` in plaats van ``click.option`` en
``click.argument``: die geven :class:`~.nederlands.Optie` en :class:`~.nederlands.Argument`
(Nederlandse standaardwaarden en metavars). De gedeelde opties zelf:

- :data:`lagen_optie` (``--lagen``), :data:`overschrijf_optie` (``--overschrijf``);
- :func:`uitvoer_map_optie`, :func:`uitvoer_bestand_optie` (``--uitvoer``);
- :func:`tabel_optie` (``--laag`` binnen een invoerbestand), :func:`laag_optie` (``--laag`` uit
  de catalogus);
- :func:`parameters_optie` (``--parameters``);
- de invoer van de analyses: :func:`adressen_optie`, :data:`adressen_laag_optie`,
  :func:`landgebruik_optie`, :func:`initiatieven_optie`, en bij de initiatieven :data:`crs_optie`
  (``--crs``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import click

from .nederlands import Argument, Optie

optie = functools.partial(click.option, cls=Optie)
"""``click.option`` met :class:`~.nederlands.Optie`."""

argument = functools.partial(click.argument, cls=Argument)
"""``click.argument`` met :class:`~.nederlands.Argument`."""

Decorator = Callable[[Callable], Callable]


def _invoerbestand() -> click.Path:
    """Een bestaand bestand (geen map): click meldt het in het Nederlands vóór er iets gebeurt."""
    return click.Path(exists=True, dir_okay=False, path_type=Path)


lagen_optie = optie(
    "--lagen",
    "configuratie",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="CONFIG.toml",
    help="Configuratiebestand (TOML) met eigen lagen die de meegeleverde lagen vervangen.",
)
"""``--lagen CONFIG.toml``: eigen data, zie :func:`omgevingsvisie.lagen.gebruik_configuratie`."""

overschrijf_optie = optie(
    "--overschrijf",
    is_flag=True,
    help="Overschrijf bestaande uitvoer (standaard wordt niets overschreven).",
)
"""``--overschrijf``: voor commando's die met ``--uitvoer`` schrijven."""


def uitvoer_map_optie(uitleg: str) -> Decorator:
    """``--uitvoer MAP`` (verplicht): de map waarin een commando schrijft.

    Parameters
    ----------
    uitleg : str
        De hulptekst: wat er in de map komt.
    """
    return optie("--uitvoer", required=True, type=click.Path(file_okay=False, path_type=Path),
                 metavar="MAP", help=uitleg)


def uitvoer_bestand_optie(uitleg: str, *, metavar: str = "PAD", verplicht: bool = True,
                          map_mag: bool = False) -> Decorator:
    """``--uitvoer PAD``: het bestand dat een commando schrijft.

    Parameters
    ----------
    uitleg : str
        De hulptekst.
    metavar : str
        Bijvoorbeeld ``"PAD.html"``.
    verplicht : bool
        ``False`` als het commando zelf meldt wat er ontbreekt (met een voorbeeld).
    map_mag : bool
        Mag ook een map zijn (``export geojson`` zonder ``--laag``).
    """
    return optie("--uitvoer", required=verplicht, type=click.Path(dir_okay=map_mag, path_type=Path),
                 metavar=metavar, help=uitleg)


def tabel_optie(uitleg: str = "Tabel of laag in het invoerbestand, als het er meer heeft.") -> Decorator:
    """``--laag TABEL``: de tabel of laag binnen een invoerbestand (GeoPackage); naam ``tabel``."""
    return optie("--laag", "tabel", metavar="TABEL", help=uitleg)


def laag_optie(uitleg: str) -> Decorator:
    """``--laag NAAM``: een laag uit de catalogus (zie ``omgevingsvisie lagen``); naam ``laag``."""
    return optie("--laag", "laag", metavar="NAAM", help=uitleg)


def parameters_optie(uitleg: str) -> Decorator:
    """``--parameters EIGEN.toml``: een eigen parameterbestand; naam ``parameters_pad``."""
    return optie("--parameters", "parameters_pad", type=_invoerbestand(), metavar="EIGEN.toml", help=uitleg)


def adressen_optie(uitleg: str) -> Decorator:
    """``--adressen PAD``: eigen adrespunten voor de analyses."""
    return optie("--adressen", type=_invoerbestand(), metavar="PAD", help=uitleg)


adressen_laag_optie = optie(
    "--adressen-laag", metavar="TABEL",
    help="Tabel of laag in het adressenbestand (bij een GeoPackage met meerdere lagen).",
)
"""``--adressen-laag TABEL``: hoort bij :func:`adressen_optie`."""


def landgebruik_optie(uitleg: str) -> Decorator:
    """``--landgebruik PAD.tif``: een eigen landgebruiksraster; naam ``landgebruik_pad``."""
    return optie("--landgebruik", "landgebruik_pad", type=_invoerbestand(), metavar="PAD.tif", help=uitleg)


def initiatieven_optie(uitleg: str) -> Decorator:
    """``--initiatieven PAD``: initiatieven (GeoJSON, GeoPackage, Shapefile) voor de analyses."""
    return optie("--initiatieven", type=_invoerbestand(), metavar="PAD", help=uitleg)


crs_optie = optie(
    "--crs", metavar="EPSG:CODE",
    help="Coördinatenstelsel van het initiatievenbestand als het er zelf geen noemt, bijv. --crs EPSG:28992 "
         "voor een GeoJSON met RD-coördinaten zonder crs-lid (zoals QGIS die schrijft).",
)
"""``--crs EPSG:CODE``: het ``crs=`` van :func:`omgevingsvisie.initiatief.lees_initiatieven`."""
