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
    """Omgevingsvisie Assen 2040: toetsen, kaarten, QGIS/GIO-export en analyses.

    Toets initiatieven aan de principes van de Omgevingsvisie "Assen nog mooier" (2021),
    maak offline kaarten, exporteer naar QGIS en STOP GIO, en analyseer hitte, groen en
    barrières. Alles rekent in RD New (EPSG:28992).

    \b
    Voorbeelden:
      $ omgevingsvisie toets voorbeelden/initiatieven.geojson --uitvoer rapporten --kaart
      $ omgevingsvisie kaart visiekaart --uitvoer visiekaart.html
      $ omgevingsvisie export gpkg --uitvoer assen.gpkg
      $ omgevingsvisie analyse barrieres --uitvoer analyse/
      $ omgevingsvisie lagen
      $ omgevingsvisie --lagen eigen_lagen.toml toets plan.geojson --uitvoer advies

    \b
    Met --lagen vervangt u meegeleverde lagen door eigen data. Zo'n bestand:
      [lagen]
      groenstructuur = "gis/groen.gpkg"
      wijken = { pad = "gis/wijken.gpkg", laag = "wijken_2024" }

    Exitcodes: 0 klaar, 2 onjuiste invoer, 3 alleen bij 'toets --streng' als een
    initiatief strijdig is.
    """
    if configuratie is not None:
        lagen.gebruik_configuratie(configuratie)


main.add_command(lagen_commando)
main.add_command(export_commando)
main.add_command(kaart_commando)
main.add_command(toets_commando)
main.add_command(analyse_commando)
