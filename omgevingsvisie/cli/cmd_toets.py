"""``omgevingsvisie toets``: initiatieven toetsen aan de Omgevingsvisie en rapporteren."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..tekst import aantal
from .basis import Commando
from .opties import argument, crs_optie, optie, overschrijf_optie, parameters_optie, tabel_optie, uitvoer_map_optie

FORMATEN = ("json", "html", "md")
EXIT_STRIJDIG = 3
KAARTNAAM = "toetskaart.html"
"""De toetskaart; ``toetskaart`` is daarom geen rapportnaam (``omgevingsvisie.rapport.GERESERVEERD``)."""


def _formaten(ctx: click.Context, param: click.Parameter, waarde: str) -> tuple[str, ...]:
    gekozen = tuple(dict.fromkeys(f.strip().lower() for f in waarde.split(",") if f.strip()))
    onbekend = [f for f in gekozen if f not in FORMATEN]
    if onbekend or not gekozen:
        raise click.BadParameter(f"onbekend formaat {', '.join(onbekend) or '(leeg)'}; kies uit {', '.join(FORMATEN)}")
    return gekozen


@click.command(cls=Commando)
@argument("initiatief", type=click.Path(path_type=Path))
@uitvoer_map_optie("Map voor de rapporten (wordt aangemaakt).")
@optie("--formaat", default=",".join(FORMATEN), show_default=True, callback=_formaten, metavar="FORMATEN",
       help=f"Rapportformaten, komma-gescheiden: {', '.join(FORMATEN)}.")
@optie("--kaart", is_flag=True, help=f"Maak ook een interactieve toetskaart ({KAARTNAAM}).")
@optie("--streng", is_flag=True, help="Exitcode 3 als een initiatief strijdig is.")
@tabel_optie()
@crs_optie
@parameters_optie("Eigen parameterbestand met afwijkende drempels (de rest komt uit de standaard).")
@overschrijf_optie
def toets(*, initiatief: Path, uitvoer: Path, formaat: tuple[str, ...], kaart: bool, streng: bool,
          tabel: str | None, crs: str | None, parameters_pad: Path | None, overschrijf: bool) -> None:
    """Toets initiatieven aan de principes van de Omgevingsvisie en de Visiekaart 2040.

    INITIATIEF is een GeoJSON, GeoPackage of Shapefile met één of meer plangebieden en hun
    programma (naam, functies, woningen, sociale_huur, ...). Per initiatief komt er een
    rapport in MAP; bij meerdere initiatieven ook een samenvatting (CSV en GeoPackage).
    Eerst wordt alle invoer gecontroleerd: bij fouten volgt een lijst met alle problemen
    en wordt niets geschreven.

    \b
    Voorbeelden:
      $ omgevingsvisie toets voorbeelden/initiatieven.geojson --uitvoer rapporten --kaart
      $ omgevingsvisie toets plan.gpkg --uitvoer advies --formaat html,md --streng
      $ omgevingsvisie toets plan.geojson --uitvoer advies --parameters assen_2026.toml --overschrijf

    Exitcodes: 0 klaar (ongeacht het oordeel), 2 onjuiste invoer, 3 alleen met --streng
    als een initiatief strijdig is.
    """
    from ..initiatief import lees_initiatieven
    from ..io.veilig import zichtbaar
    from ..lagen import huidige
    from ..rapport import rapportbestanden, schrijf_rapporten
    from ..regels import laad_parameters
    from ..toets import toets as voer_toets_uit
    from .transactie import uitvoer_run

    # één run: alle doelen gereserveerd vóór de toets, alles pas in MAP als alles klaar is (issue 16)
    with uitvoer_run(uitvoer, overschrijf=overschrijf, invoer=[initiatief, parameters_pad]) as run:
        parameters = laad_parameters(parameters_pad)
        laagdata = huidige()
        plannen, waarschuwingen = lees_initiatieven(initiatief, laag=tabel, gemeente=laagdata.gemeente(), crs=crs)
        for waarschuwing in waarschuwingen:
            click.echo("Waarschuwing: " + zichtbaar(waarschuwing, behoud="\n"), err=True)
        run.reserveer([*rapportbestanden([str(n) for n in plannen["naam"]], plannen.geometry.values, uitvoer,
                                         formaten=formaat),
                       *([uitvoer / KAARTNAAM] if kaart else [])])
        resultaten = voer_toets_uit(plannen, parameters=parameters)
        paden = schrijf_rapporten(resultaten, uitvoer, laagdata=laagdata, formaten=formaat, overschrijf=overschrijf)
        if kaart:
            from ..kaarten import bewaar_kaart, kaart_toets

            paden.append(bewaar_kaart(kaart_toets(resultaten, laagdata=laagdata), uitvoer / KAARTNAAM,
                                      overschrijf=overschrijf))

    for r in resultaten:
        telling = Counter(b.status for b in r.bevindingen)
        punten = aantal(telling["aandachtspunt"], "aandachtspunt", "aandachtspunten")
        click.echo(f"{zichtbaar(r.initiatief['naam'])}: {r.oordeel} ({telling['strijdig']} strijdig, "
                   f"{punten}, {telling['onvoldoende_gegevens']} onvoldoende gegevens)")
    click.echo(f"{aantal(len(paden), 'bestand', 'bestanden')} geschreven in {zichtbaar(uitvoer)}")
    if streng and any(r.oordeel == "strijdig" for r in resultaten):
        raise click.exceptions.Exit(EXIT_STRIJDIG)

