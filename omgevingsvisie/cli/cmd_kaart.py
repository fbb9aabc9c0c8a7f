"""``omgevingsvisie kaart``: interactieve kaarten als één HTML-bestand dat offline werkt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._errors import InvoerFout
from ..tekst import getal
from .basis import Groep
from .opties import argument, optie, overschrijf_optie, uitvoer_bestand_optie

if TYPE_CHECKING:
    import folium

DEKKING = 0.7
"""Begindekking van het hitte-raster in de kaart."""


def _vereenvoudiging_m() -> float:
    """De standaardtolerantie van de kaarten (pas gelezen als hij nodig is: kaarten laadt folium)."""
    from ..kaarten import VEREENVOUDIGING_M

    return VEREENVOUDIGING_M


def _focus_omgeving_m() -> float:
    """De standaardomgeving rond een focusgebied (pas gelezen als hij nodig is)."""
    from ..kaarten import FOCUS_OMGEVING_M

    return FOCUS_OMGEVING_M


uitvoer_optie = uitvoer_bestand_optie("Het HTML-bestand dat wordt geschreven (één bestand, werkt ook zonder "
                                      "internet).", metavar="PAD.html")
tolerantie_optie = optie(
    "--tolerantie", type=click.FloatRange(min=0), default=_vereenvoudiging_m, show_default=True, eenheid="m",
    metavar="METER", help="Vereenvoudig geometrie voor de weergave tot op zoveel meter (0 = niet).",
)


def _schrijf(kaart_maken, uitvoer: Path, *, overschrijf: bool, invoer: tuple[Path | None, ...] = ()) -> None:
    """Eén run: reserveer eerst het doel (snel), maak dan de kaart en zet hem neer (issue 16)."""
    from .. import kaarten
    from .transactie import uitvoer_run

    with uitvoer_run(uitvoer.parent, overschrijf=overschrijf, invoer=invoer) as run:
        run.reserveer([uitvoer])
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
    from .. import kaarten
    from ..lagen import huidige

    _schrijf(lambda: kaarten.kaart_visiekaart(laagdata=huidige(), tolerantie=tolerantie), uitvoer,
             overschrijf=overschrijf)


@kaart.command()
@argument("naam")
@uitvoer_optie
@overschrijf_optie
@optie("--omgeving", "omgeving_m", type=click.FloatRange(min=0), default=_focus_omgeving_m, show_default=True,
       eenheid="m", metavar="METER", help="Toon elementen van de visiekaart tot zoveel meter rond het gebied.")
@tolerantie_optie
def focusgebied(*, naam: str, uitvoer: Path, overschrijf: bool, omgeving_m: float, tolerantie: float) -> None:
    """Een focusgebied (§3.4) als onderdeel van de drie principes.

    NAAM is een van: Binnenstad, Havenkwartier, Lariks, Kloosterveen, Assen-Zuid, TRZ
    (hoofdletters maken niet uit).

    \b
    Voorbeeld:
      $ omgevingsvisie kaart focusgebied Lariks --uitvoer kaarten/lariks.html
    """
    from .. import kaarten
    from ..lagen import huidige

    _schrijf(lambda: kaarten.kaart_focusgebied(naam, laagdata=huidige(), omgeving_m=omgeving_m,
                                               tolerantie=tolerantie), uitvoer, overschrijf=overschrijf)


@kaart.command()
@uitvoer_optie
@overschrijf_optie
@optie("--raster", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="UHI.tif",
       help="GeoTIFF met hitte (bijv. het hitte-eilandeffect) als gekleurde laag eronder.")
@optie("--dekking", type=click.FloatRange(0, 1), default=DEKKING, show_default=True, metavar="DEKKING",
       help="Begindekking van het raster (0–1); in de kaart met een schuif aan te passen.")
@tolerantie_optie
def hitte(*, uitvoer: Path, overschrijf: bool, raster: Path | None, dekking: float, tolerantie: float) -> None:
    """Gebieden met hittestress (§2.7), optioneel met een hitte-raster.

    \b
    Voorbeelden:
      $ omgevingsvisie kaart hitte --uitvoer kaarten/hitte.html
      $ omgevingsvisie kaart hitte --raster analyse/uhi.tif --uitvoer hitte_uhi.html
    """
    from .. import kaarten
    from ..lagen import huidige

    _schrijf(lambda: kaarten.kaart_hitte(raster, laagdata=huidige(), dekking=dekking, tolerantie=tolerantie),
             uitvoer, overschrijf=overschrijf, invoer=(raster,))


@kaart.command()
@uitvoer_optie
@overschrijf_optie
@optie("--tabel", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="WIJKEN.csv",
       help="CSV per wijk (kolom 'statcode' of 'naam' plus getallen), gekleurd per wijk.")
@optie("--kolom", metavar="KOLOM",
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
    from .. import kaarten
    from ..lagen import huidige

    _schrijf(lambda: kaarten.kaart_barrieres(tabel, laagdata=huidige(), kolom=kolom, tolerantie=tolerantie),
             uitvoer, overschrijf=overschrijf, invoer=(tabel,))
