"""``omgevingsvisie analyse``: ruimtelijke analyses op de lagen (hitte, groen, ...).

Elke analyse is een subcommando in een eigen module; deze groep bundelt ze.
"""

from __future__ import annotations

import click

from .basis import Groep


@click.group(cls=Groep)
def analyse() -> None:
    """Ruimtelijke analyses op de lagen van de Omgevingsvisie.

    Elk subcommando schrijft rasters (GeoTIFF) en tabellen per wijk en
    focusgebied (CSV en GeoPackage) in de map van --uitvoer.

    \b
    Voorbeelden:
      $ omgevingsvisie analyse hitte --uitvoer analyse/
      $ omgevingsvisie analyse groen --uitvoer analyse/ --overschrijf
    """
