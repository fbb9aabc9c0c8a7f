"""``omgevingsvisie export``: GeoPackage voor QGIS, STOP GIO en GeoJSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .._errors import InvoerFout
from .basis import Groep
from .opties import laag_optie, optie, overschrijf_optie, uitvoer_bestand_optie


def _uitvoer(pad: Path | None, voorbeeld: str) -> Path:
    if pad is None:
        raise InvoerFout(f"Geef het uitvoerbestand op met --uitvoer, bijvoorbeeld --uitvoer {voorbeeld}.")
    return pad


def _datum(tekst: str | None) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(f"Datum '{tekst}' is onjuist; verwacht JJJJ-MM-DD, bijvoorbeeld 2026-06-01.") from None


def _geheel(tekst: str | None, optie: str) -> int | None:
    if tekst is None:
        return None
    try:
        return int(tekst)
    except ValueError:
        raise InvoerFout(f"{optie} verwacht een geheel getal, niet '{tekst}'.") from None


# niet verplicht voor click: _uitvoer meldt het ontbreken met een voorbeeld per commando
uitvoer_optie = uitvoer_bestand_optie("Het uitvoerbestand (of de map).", verplicht=False, map_mag=True)
filter_optie = optie(
    "--filter", "filters", multiple=True, metavar="VELD=WAARDE",
    help="Alleen features met deze waarde; herhaal voor meer waarden (zelfde veld: of, ander veld: en).",
)


@click.group(cls=Groep)
def export() -> None:
    """Exporteer de lagen voor QGIS, het omgevingsplan (STOP GIO) of het web (GeoJSON).

    \b
    Voorbeelden:
      $ omgevingsvisie export gpkg --uitvoer assen_2040.gpkg
      $ omgevingsvisie export gio --laag focusgebieden --filter naam=Havenkwartier --uitvoer havenkwartier.gml
      $ omgevingsvisie export geojson --laag groenstructuur --uitvoer groen.geojson

    Bestaande uitvoer wordt alleen met --overschrijf vervangen.
    """


@export.command()
@uitvoer_optie
@overschrijf_optie
def gpkg(*, uitvoer: Path | None, overschrijf: bool) -> None:
    """Alle lagen in één GeoPackage, met QGIS-stijlen en een QGIS-project.

    QGIS past de stijlen vanzelf toe als u een tabel opent (tabel layer_styles). Het project
    'Omgevingsvisie Assen 2040' staat ín de GeoPackage: open in QGIS het Browserpaneel, klap
    de GeoPackage open en dubbelklik het project. Lagen zijn gegroepeerd per principe, met
    Nederlandse namen en de PDOK BRT-Achtergrondkaart. Hernoem het bestand niet: het project
    verwijst naar de GeoPackage op naam.

    \b
    Voorbeelden:
      $ omgevingsvisie export gpkg --uitvoer assen_2040.gpkg
      $ omgevingsvisie --lagen eigen_lagen.toml export gpkg --uitvoer assen_2040.gpkg --overschrijf
    """
    from .. import lagen
    from ..export import exporteer_gpkg
    from .transactie import uitvoer_run

    doel = _uitvoer(uitvoer, "assen_2040.gpkg")
    with uitvoer_run(doel.parent, overschrijf=overschrijf):
        pad = exporteer_gpkg(doel, laagdata=lagen.huidige(), overschrijf=overschrijf)
    click.echo(f"GeoPackage met QGIS-stijlen en -project geschreven: {pad}")


@export.command()
@laag_optie("Laag met het werkingsgebied, bijv. focusgebieden.")
@filter_optie
@uitvoer_optie
@optie("--naam", metavar="NAAM", help="Laatste deel van FRBRWork; standaard laag en filterwaarden.")
@optie("--datum", metavar="JJJJ-MM-DD", help="Datum van de versie (FRBRExpression); standaard vandaag.")
@optie("--versie", default="1", metavar="N", help="Versienummer in FRBRExpression (standaard 1).")
@optie("--groep", metavar="VELD", help="Veld waarvan de waarden de GIO-delen (groepID) worden.")
@optie("--nauwkeurigheid", metavar="DM",
       help="Nauwkeurigheid van de geometrie in decimeters (gio:nauwkeurigheid, STOP 1.3.0).")
@overschrijf_optie
def gio(*, laag: str | None, filters: tuple[str, ...], uitvoer: Path | None, naam: str | None,
        datum: str | None, versie: str, groep: str | None, nauwkeurigheid: str | None,
        overschrijf: bool) -> None:
    """Een werkingsgebied als STOP GIO (GML) voor het omgevingsplan van Assen (gm0106).

    Coördinaten in RD op 1 mm (half naar boven afgerond), lijnstukken van hoogstens 200 m,
    een UUID per locatie. Vóór het schrijven wordt de GIO getoetst aan de STOP-regels
    (STOP3000–3090, geldigheid na afronden); voldoet hij niet, dan wordt niets geschreven.

    \b
    Voorbeelden:
      $ omgevingsvisie export gio --laag focusgebieden --filter naam=Havenkwartier --uitvoer havenkwartier.gml
      $ omgevingsvisie export gio --laag bedrijventerreinen --groep status --uitvoer bedrijven.gml
      $ omgevingsvisie export gio --laag gemeentegrens --naam gemeente-assen --datum 2026-06-01 --uitvoer assen.gml
    """
    if laag is None:
        raise InvoerFout("Geef de laag op met --laag, bijvoorbeeld --laag focusgebieden "
                         "(alle namen: 'omgevingsvisie lagen').")
    from .. import lagen
    from ..export import exporteer_gio
    from .transactie import uitvoer_run

    doel = _uitvoer(uitvoer, "werkingsgebied.gml")
    with uitvoer_run(doel.parent, overschrijf=overschrijf):
        pad = exporteer_gio(
            doel, laag=laag, filters=filters, laagdata=lagen.huidige(), naam=naam,
            datum=_datum(datum), versie=_geheel(versie, "--versie"), groep=groep,
            nauwkeurigheid_dm=_geheel(nauwkeurigheid, "--nauwkeurigheid"), overschrijf=overschrijf,
        )
    click.echo(f"GIO geschreven en getoetst aan de STOP-regels: {pad}")


@export.command()
@laag_optie("Eén laag naar één bestand; zonder --laag alle lagen naar een map.")
@filter_optie
@uitvoer_optie
@overschrijf_optie
def geojson(*, laag: str | None, filters: tuple[str, ...], uitvoer: Path | None, overschrijf: bool) -> None:
    """Lagen als GeoJSON voor webkaarten (RFC 7946: WGS84, lengte- en breedtegraad).

    Met --laag wordt --uitvoer één bestand (.geojson); zonder --laag een map met per laag
    een bestand.

    \b
    Voorbeelden:
      $ omgevingsvisie export geojson --laag groenstructuur --uitvoer groen.geojson
      $ omgevingsvisie export geojson --laag focusgebieden --filter naam=Binnenstad --uitvoer binnenstad.geojson
      $ omgevingsvisie export geojson --uitvoer web/lagen
    """
    from .. import lagen
    from ..export import exporteer_geojson
    from .transactie import uitvoer_run

    doel = _uitvoer(uitvoer, "groen.geojson" if laag else "web/lagen")
    with uitvoer_run(doel.parent if laag else doel, overschrijf=overschrijf):
        paden = exporteer_geojson(doel, laag=laag, filters=filters, laagdata=lagen.huidige(), overschrijf=overschrijf)
    if len(paden) == 1:
        click.echo(f"GeoJSON geschreven: {paden[0]}")
    else:
        click.echo(f"{len(paden)} GeoJSON-bestanden geschreven in {paden[0].parent}")
