"""De command line ``omgevingsvisie``, opgebouwd als rasterio's ``rio`` en fiona's ``fio``.

Eén module per commando (``cmd_*.py``); gedeelde opties staan in :mod:`.opties`, click's eigen
teksten vertaalt :mod:`.nederlands`. De commando-modules importeren alleen click en deze
kamer: geopandas, folium, rasterio en de rekenmodules laden pas in het commando dat ze
gebruikt, zodat ``omgevingsvisie --help`` direct antwoordt.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import nederlands

nederlands.installeer()  # vóór het aanmaken van de commando's (click.Path vraagt zijn naam op)

from .. import __version__  # noqa: E402
from .basis import Groep  # noqa: E402
from .cmd_analyse import analyse as analyse_commando  # noqa: E402
from .cmd_export import export as export_commando  # noqa: E402
from .cmd_kaart import kaart as kaart_commando  # noqa: E402
from .cmd_lagen import lagen as lagen_commando  # noqa: E402
from .cmd_sjabloon import sjabloon as sjabloon_commando  # noqa: E402
from .cmd_toets import toets as toets_commando  # noqa: E402
from .nederlands import Optie  # noqa: E402
from .opties import lagen_optie  # noqa: E402

__all__ = ["main"]


@click.group(cls=Groep, name="omgevingsvisie")
@click.version_option(__version__, "--versie", "--version", prog_name="omgevingsvisie", message="%(prog)s %(version)s",
                      cls=Optie)
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

    Exitcodes: 0 klaar, 1 interne fout (één regel; meld hem), 2 onjuiste invoer,
    3 alleen bij 'toets --streng' als een initiatief strijdig is, 130/143
    afgebroken (Ctrl-C/SIGTERM; de vorige uitvoer blijft staan).
    """
    if configuratie is not None:
        from ..lagen import gebruik_configuratie

        gebruik_configuratie(configuratie)


main.add_command(lagen_commando)
main.add_command(export_commando)
main.add_command(kaart_commando)
main.add_command(toets_commando)
main.add_command(analyse_commando)
main.add_command(sjabloon_commando)
