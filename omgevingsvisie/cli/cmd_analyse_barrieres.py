"""``omgevingsvisie analyse barrieres``: omrijfactoren per wijk en ingesloten wijken (§2.10)."""

from __future__ import annotations

from pathlib import Path

import click

from ..tekst import factor
from .basis import Commando
from .opties import (adressen_laag_optie, adressen_optie, crs_optie, initiatieven_optie, landgebruik_optie,
                     overschrijf_optie, parameters_optie, uitvoer_map_optie)


@click.command(cls=Commando, name="barrieres")
@uitvoer_map_optie("Map voor barrieres_wijken.csv en barrieres.gpkg (wordt aangemaakt).")
@overschrijf_optie
@adressen_optie("Eigen adrespunten (bijv. BAG-woningen; kolom 'woningen' optioneel) in plaats van de "
                "steekproef van woningpunten in het woongebied.")
@adressen_laag_optie
@landgebruik_optie("Eigen landgebruiksraster voor de woonklassen van de steekproef.")
@initiatieven_optie("Initiatieven: voor elk plan met lv_verbinding de omrijfactor vóór en na de nieuwe "
                    "oversteek (barrieres_initiatieven.csv en een laag in de GeoPackage).")
@crs_optie
@parameters_optie("Eigen analyseparameters (sectie [barrieres]: celgrootte_m, drempel_ingesloten, ...); vult "
                  "omgevingsvisie/analyse/parameters.toml aan.")
def barrieres(*, uitvoer: Path, overschrijf: bool, adressen: Path | None, adressen_laag: str | None,
              landgebruik_pad: Path | None, initiatieven: Path | None, crs: str | None,
              parameters_pad: Path | None) -> None:
    """Omrijfactoren voor fietser en voetganger en ingesloten wijken (§2.10, §3.3B).

    Per wijk de omrijfactor (kortste route / hemelsbreed) van de woningen naar het
    publiekshart, het buitengebied, de groenstructuur en het dichtstbijzijnde wijkcentrum;
    een route kruist een barrière (Europaweg, Noord-Willemskanaal, A28, spoor) alleen bij
    een oversteek en gaat niet door het Stadsbedrijvenpark. Een wijk is ingesloten als de
    omrijfactor naar het publiekshart of het buitengebied boven de drempel ligt.

    Schrijft barrieres_wijken.csv en barrieres.gpkg (lagen wijken, ingesloten_wijken,
    woningpunten); met --initiatieven ook barrieres_initiatieven.csv. Er wordt niets
    overschreven zonder --overschrijf en niets half geschreven.

    \b
    Voorbeelden:
      $ omgevingsvisie analyse barrieres --uitvoer analyse/
      $ omgevingsvisie analyse barrieres --uitvoer analyse/ --initiatieven plannen.geojson --overschrijf
      $ omgevingsvisie kaart barrieres --tabel analyse/barrieres_wijken.csv --uitvoer omrijden.html
    """
    from ..io.veilig import zichtbaar
    from ..analyse import barrieres as analyse
    from ..analyse.barrieres_oversteek import oversteken_van_initiatieven
    from ..analyse.uitvoer import bestanden, schrijf_analyse
    from ..analyse.parameters import laad_analyse_parameters
    from ..initiatief import lees_initiatieven
    from ..lagen import huidige
    from .transactie import uitvoer_run

    # één run: doelen gereserveerd vóór het rekenwerk, alles pas neergezet als alles klaar is (issue 16)
    with uitvoer_run(uitvoer, overschrijf=overschrijf,
                     invoer=(adressen, landgebruik_pad, initiatieven, parameters_pad)) as run:
        run.reserveer(bestanden("barrieres", uitvoer, initiatieven=initiatieven is not None))
        parameters = laad_analyse_parameters(parameters_pad, laagdata=huidige()) if parameters_pad else None
        plannen = None
        if initiatieven is not None:
            plannen, meldingen = lees_initiatieven(initiatieven, gemeente=huidige().gemeente(), crs=crs)
            for melding in meldingen:
                click.echo("Waarschuwing: " + zichtbaar(melding, behoud="\n"), err=True)
        laagdata = huidige()
        uitkomst = analyse.omrijfactoren_per_wijk(laagdata=laagdata, parameters=parameters, adressen=adressen,
                                                  adressen_laag=adressen_laag,
                                                  landgebruik_raster=landgebruik_pad)
        if plannen is not None:
            uitkomst.initiatieven = oversteken_van_initiatieven(plannen, laagdata=laagdata, parameters=parameters)
        for melding in uitkomst.waarschuwingen:
            click.echo("Waarschuwing: " + zichtbaar(melding, behoud="\n"), err=True)
        geschreven = schrijf_analyse(uitkomst.als_analyse(), uitvoer, overschrijf=overschrijf)

    click.echo(f"Omrijfactor per wijk (drempel ingesloten: {factor(uitkomst.drempel)}):")
    for rij in uitkomst.tabel.itertuples():
        click.echo(f"  {zichtbaar(rij.naam):<14} publiekshart {factor(rij.omrijfactor_publiekshart):>5}  "
                   f"buitengebied {factor(rij.omrijfactor_buitengebied):>5}  ingesloten: {rij.ingesloten}")
    click.echo(f"Geschreven in {zichtbaar(uitvoer)}: {', '.join(p.name for p in geschreven)}")
