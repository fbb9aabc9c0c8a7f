"""Opties die meerdere commando's delen (zoals ``rasterio.rio.options``)."""

from __future__ import annotations

from pathlib import Path

import click

lagen_optie = click.option(
    "--lagen",
    "configuratie",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="CONFIG.toml",
    help="Configuratiebestand (TOML) met eigen lagen die de meegeleverde lagen vervangen.",
)
"""``--lagen CONFIG.toml``: eigen data, zie :func:`omgevingsvisie.lagen.gebruik_configuratie`."""

overschrijf_optie = click.option(
    "--overschrijf",
    is_flag=True,
    help="Overschrijf bestaande uitvoer (standaard wordt niets overschreven).",
)
"""``--overschrijf``: voor commando's die met ``--uitvoer`` schrijven."""
