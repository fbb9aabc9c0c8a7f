"""``omgevingsvisie kaart``: interactieve kaarten als één HTML-bestand dat offline werkt."""

from __future__ import annotations

from pathlib import Path

import click
import folium

from .. import kaarten
from .._errors import InvoerFout
from ..io.uitvoer import controleer_doelen
from ..lagen import huidige
from ..tekst import getal
from .basis import Groep
from .opties import overschrijf_optie

uitvoer_optie = click.option(
    "--uitvoer", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="PAD.html",
    help="Het HTML-bestand dat wordt geschreven (één bestand, werkt ook zonder internet).",
)
tolerantie_optie = click.option(
    "--tolerantie", type=click.FloatRange(min=0), default=kaarten.VEREENVOUDIGING_M, show_default=True,
    metavar="METER", help="Vereenvoudig geometrie voor de weergave tot op zoveel meter (0 = niet).",
)


def _schrijf(kaart_maken, uitvoer: Path, *, overschrijf: bool) -> None:
    """Controleer eerst het doel (snel), maak dan de kaart en schrijf hem atomair."""
    controleer_doelen([uitvoer], overschrijf=overschrijf)
    gemaakt: folium.Map = kaart_maken()
    pad = kaarten.bewaar_kaart(gemaakt, uitvoer, overschrijf=overschrijf)
    click.echo(f"Kaart geschreven: {pad} ({getal(pad.stat().st_size / 1024)} kB)")


@click.group(cls=Groep)
def kaart() -> None:
    """Maak een interactieve kaart (HTML) van de Omgevingsvisie.

    Elke kaart is één zelfstandig HTML-bestand: openen in een browser, ook zonder
    internet. Met internet verschijnen de PDOK-achtergronden (grijs, standaard,
    luchtfoto); de lagen zijn aan en uit te zetten, met legenda en popups.

    \b
    Voorbeelden:
      $ omgevingsvisie kaart visiekaart --uitvoer visiekaart.html
      $ omgevingsvisie kaart focusgebied Havenkwartier --uitvoer havenkwartier.html
      $ omgevingsvisie kaart hitte --uitvoer hitte.html --raster uhi.tif
      $ omgevingsvisie kaart barrieres --uitvoer barrieres.html --overschrijf
    """


@kaart.command()
@uitvoer_optie
@overschrijf_optie
@tolerantie_optie
def visiekaart(*, uitvoer: Path, overschrijf: bool, tolerantie: float) -> None:
    """De Visiekaart 2040: de drie principes als lagen, met legenda en focusgebieden.

    \b
    Voorbeeld:
      $ omgevingsvisie kaart visiekaart --uitvoer kaarten/visiekaart.html
    """
    _schrijf(lambda: kaarten.kaart_visiekaart(laagdata=huidige(), tolerantie=tolerantie), uitvoer,
             overschrijf=overschrijf)


@kaart.command()
@click.argument("naam")
@uitvoer_optie
@overschrijf_optie
@click.option("--omgeving", "omgeving_m", type=click.FloatRange(min=0), default=kaarten.FOCUS_OMGEVING_M,
              show_default=True, metavar="METER",
              help="Toon elementen van de visiekaart tot zoveel meter rond het gebied.")
@tolerantie_optie
def focusgebied(*, naam: str, uitvoer: Path, overschrijf: bool, omgeving_m: float, tolerantie: float) -> None:
    """Een focusgebied (§3.4) als onderdeel van de drie principes.

    NAAM is een van: Binnenstad, Havenkwartier, Lariks, Kloosterveen, Assen-Zuid, TRZ
    (hoofdletters maken niet uit).

    \b
    Voorbeeld:
      $ omgevingsvisie kaart focusgebied Lariks --uitvoer kaarten/lariks.html
    """
    _schrijf(lambda: kaarten.kaart_focusgebied(naam, laagdata=huidige(), omgeving_m=omgeving_m,
                                               tolerantie=tolerantie), uitvoer, overschrijf=overschrijf)


@kaart.command()
@uitvoer_optie
@overschrijf_optie
@click.option("--raster", type=click.Path(dir_okay=False, path_type=Path), metavar="UHI.tif",
              help="GeoTIFF met hitte (bijv. het hitte-eilandeffect) als gekleurde laag eronder.")
@click.option("--dekking", type=click.FloatRange(0, 1), default=0.7, show_default=True,
              help="Begindekking van het raster (0–1); in de kaart met een schuif aan te passen.")
@tolerantie_optie
def hitte(*, uitvoer: Path, overschrijf: bool, raster: Path | None, dekking: float, tolerantie: float) -> None:
    """Gebieden met hittestress (§2.7), optioneel met een hitte-raster.

    \b
    Voorbeelden:
      $ omgevingsvisie kaart hitte --uitvoer kaarten/hitte.html
      $ omgevingsvisie kaart hitte --raster analyse/uhi.tif --uitvoer hitte_uhi.html
    """
    _schrijf(lambda: kaarten.kaart_hitte(raster, laagdata=huidige(), dekking=dekking, tolerantie=tolerantie),
             uitvoer, overschrijf=overschrijf)


@kaart.command()
@uitvoer_optie
@overschrijf_optie
@click.option("--tabel", type=click.Path(dir_okay=False, path_type=Path), metavar="WIJKEN.csv",
              help="CSV per wijk (kolom 'statcode' of 'naam' plus getallen), gekleurd per wijk.")
@click.option("--kolom", metavar="KOLOM",
              help="Kolom uit --tabel om te kleuren (standaard de eerste met getallen).")
@tolerantie_optie
def barrieres(*, uitvoer: Path, overschrijf: bool, tabel: Path | None, kolom: str | None,
              tolerantie: float) -> None:
    """Barrières (§2.10), werkgebieden die een barrière vormen, oversteken en afgesneden groen.

    \b
    Voorbeelden:
      $ omgevingsvisie kaart barrieres --uitvoer kaarten/barrieres.html
      $ omgevingsvisie kaart barrieres --tabel omrijden.csv --kolom omrijfactor --uitvoer omrijden.html
    """
    if kolom is not None and tabel is None:
        raise InvoerFout("--kolom hoort bij --tabel: geef ook de tabel per wijk op.")
    _schrijf(lambda: kaarten.kaart_barrieres(tabel, laagdata=huidige(), kolom=kolom, tolerantie=tolerantie),
             uitvoer, overschrijf=overschrijf)
