"""De command line ``omgevingsvisie``, opgebouwd als rasterio's ``rio`` en fiona's ``fio``.

Eén module per commando (``cmd_*.py``); gedeelde opties staan in :mod:`.opties`.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__, lagen
from .basis import Groep
from .cmd_analyse import analyse as analyse_commando
from .cmd_export import export as export_commando
from .cmd_kaart import kaart as kaart_commando
from .cmd_lagen import lagen as lagen_commando
from .cmd_toets import toets as toets_commando
from .opties import lagen_optie

__all__ = ["main"]


@click.group(cls=Groep, name="omgevingsvisie")
@click.version_option(
    __version__, "--version", prog_name="omgevingsvisie", message="%(prog)s %(version)s",
    help="Toon de versie en stop.",
)
@lagen_optie
def main(*, configuratie: Path | None) -> None:
    """Omgevingsvisie Assen 2040: de lagen van de Visiekaart 2040 gebruiken en controleren.

    \b
    Voorbeelden:
      $ omgevingsvisie lagen
      $ omgevingsvisie lagen valideer mijn_groen.gpkg --als groenstructuur
      $ omgevingsvisie --lagen eigen_lagen.toml lagen

    \b
    Met --lagen vervangt u meegeleverde lagen door eigen data. Zo'n bestand:
      [lagen]
      groenstructuur = "gis/groen.gpkg"
      wijken = { pad = "gis/wijken.gpkg", laag = "wijken_2024" }

    Exitcodes: 0 klaar, 2 onjuiste invoer.
    """
    if configuratie is not None:
        lagen.gebruik_configuratie(configuratie)


main.add_command(lagen_commando)
main.add_command(export_commando)
main.add_command(kaart_commando)
main.add_command(toets_commando)
main.add_command(analyse_commando)
