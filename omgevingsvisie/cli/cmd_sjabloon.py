"""``omgevingsvisie sjabloon``: een lege GeoPackage om een initiatief in QGIS te tekenen."""

from __future__ import annotations

from pathlib import Path

import click

from .basis import Commando
from .opties import overschrijf_optie, uitvoer_bestand_optie


@click.command(cls=Commando)
@uitvoer_bestand_optie("Het GeoPackage-sjabloon dat wordt geschreven.", metavar="PAD.gpkg")
@overschrijf_optie
def sjabloon(*, uitvoer: Path, overschrijf: bool) -> None:
    """Een lege GeoPackage om een initiatief in QGIS te tekenen en in te vullen.

    De tabel 'initiatief' (MultiPolygon, RD New) heeft de naam en alle programmavelden,
    met een QGIS-formulier: functies aanvinken (meerkeuze), milieucategorie uit een lijst,
    getallen vanaf 0 (percentages tot 100) en vinkjes voor ja/nee. Open het bestand in QGIS,
    voeg beide tabellen toe (initiatief en functies), teken het plangebied en vul het
    formulier in; toets het bestand daarna met 'omgevingsvisie toets'.

    \b
    Voorbeelden:
      $ omgevingsvisie sjabloon --uitvoer initiatief.gpkg
      $ omgevingsvisie toets initiatief.gpkg --uitvoer advies
    """
    from ..export.sjabloon import schrijf_sjabloon
    from .transactie import uitvoer_run

    with uitvoer_run(uitvoer.parent, overschrijf=overschrijf):
        pad = schrijf_sjabloon(uitvoer, overschrijf=overschrijf)
    click.echo(f"Sjabloon voor QGIS geschreven: {pad}")
