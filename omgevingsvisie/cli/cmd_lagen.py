"""``omgevingsvisie lagen``: de lagen opsommen en eigen data valideren."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .._errors import InvoerFout
from ..catalogus import SCHEMAS
from ..tekst import aantal
from .basis import Groep
from .opties import argument, optie, tabel_optie

_KOLOMMEN = ("naam", "geometrie", "aantal", "status", "bron")
_MAX_BRON = 60


@click.group(cls=Groep, invoke_without_command=True)
@optie("--json", "als_json", is_flag=True, help="Geef het overzicht als JSON (met volledige bron en titel).")
@click.pass_context
def lagen(ctx: click.Context, *, als_json: bool) -> None:
    """Toon alle lagen: naam, geometrie, aantal features, status en bron.

    Een laag die met --lagen of 'vervang_laag' door eigen data is vervangen, heeft de
    status 'eigen data'.

    \b
    Voorbeelden:
      $ omgevingsvisie lagen
      $ omgevingsvisie lagen --json
      $ omgevingsvisie --lagen eigen_lagen.toml lagen
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..lagen import lijst_lagen

    overzicht = lijst_lagen()
    if als_json:
        click.echo(json.dumps(overzicht.to_dict(orient="records"), ensure_ascii=False, indent=2))
    else:
        click.echo(_tabel(overzicht.to_dict(orient="records")))


def _tabel(rijen: list[dict]) -> str:
    cellen = [[str(r[k]) for k in _KOLOMMEN] for r in rijen]
    for rij in cellen:
        if len(rij[-1]) > _MAX_BRON:
            rij[-1] = rij[-1][: _MAX_BRON - 1] + "…"
    breedte = [max(len(k), *(len(rij[i]) for rij in cellen)) for i, k in enumerate(_KOLOMMEN)]
    regels = [_KOLOMMEN, tuple("-" * b for b in breedte), *cellen]
    return "\n".join("  ".join(c.ljust(b) for c, b in zip(regel, breedte)).rstrip() for regel in regels)


@lagen.command()
@argument("pad", type=click.Path(path_type=Path))
@tabel_optie("Tabel of laag binnen het bestand, als het er meer heeft.")
@optie("--als", "laagnaam", metavar="LAAGNAAM",
       help="Laag uit de catalogus die de data moet vervangen; standaard de tabel- of bestandsnaam.")
def valideer(*, pad: Path, tabel: str | None, laagnaam: str | None) -> None:
    """Controleer of eigen data een meegeleverde laag kan vervangen.

    Meldt alle problemen tegelijk: coördinatenstelsel, geometrie, verplichte attributen
    en hun waarden, en ligging binnen de gemeente. Exitcode 0 als de data bruikbaar is,
    anders 2.

    \b
    Voorbeelden:
      $ omgevingsvisie lagen valideer groenstructuur.gpkg
      $ omgevingsvisie lagen valideer gis/groen.shp --als groenstructuur
      $ omgevingsvisie lagen valideer gis/data.gpkg --laag groen_2024 --als groenstructuur
    """
    from ..io.vector import lees_bestand
    from ..io.veilig import controleer_invoerbestand, zichtbaar
    from ..lagen import valideer_laag

    controleer_invoerbestand(pad, map_mag=True)  # een FIFO zou _catalogusnaam laten wachten
    laagnaam = laagnaam or _catalogusnaam(pad, tabel)
    gegevens = lees_bestand(pad, tabel, naam=laagnaam)
    problemen = valideer_laag(gegevens, laagnaam)
    if problemen:
        raise InvoerFout(f"{pad} kan laag '{laagnaam}' niet vervangen "
                         f"({aantal(len(problemen), 'probleem', 'problemen')}):", problemen)
    click.echo(f"OK: {zichtbaar(pad)} kan laag '{laagnaam}' vervangen ({aantal(len(gegevens), 'feature', 'features')})")


def _catalogusnaam(pad: Path, tabel: str | None) -> str:
    """De laag uit de catalogus die het bestand vervangt, afgeleid uit tabel- of bestandsnaam."""
    kandidaten = [tabel] if tabel else _enige_tabel(pad)
    for kandidaat in [*kandidaten, pad.stem]:
        if kandidaat in SCHEMAS:
            return kandidaat
    genoemd = " of ".join(f"'{k}'" for k in dict.fromkeys([*kandidaten, pad.stem]))
    raise InvoerFout(
        f"Onbekend welke laag {pad.name} moet vervangen: {genoemd} is geen laag uit de "
        "catalogus. Geef de laag op met --als, bijvoorbeeld --als groenstructuur "
        "(alle namen: 'omgevingsvisie lagen')."
    )


def _enige_tabel(pad: Path) -> list[str]:
    import pyogrio

    try:
        tabellen = [t[0] for t in pyogrio.list_layers(pad)]
    except pyogrio.errors.DataSourceError:
        return []  # lees_bestand meldt straks dat het bestand onleesbaar is
    return tabellen if len(tabellen) == 1 else []
