"""``omgevingsvisie analyse``: ruimtelijke analyses op de lagen (hitte, groen, ...).

Elke analyse is een subcommando; het rekenwerk staat in :mod:`omgevingsvisie.analyse`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..tekst import getal
from .basis import Groep
from .opties import (adressen_laag_optie, adressen_optie, crs_optie, initiatieven_optie, landgebruik_optie,
                     optie, overschrijf_optie, parameters_optie, uitvoer_map_optie)

if TYPE_CHECKING:
    from ..regels.parameters import Parameters


@functools.cache
def _standaardparameters() -> Parameters:
    """De meegeleverde analyseparameters, pas gelezen als een commando of zijn hulp ze nodig heeft."""
    from ..analyse.parameters import laad_analyse_parameters

    return laad_analyse_parameters()


def _standaard(sectie: str, naam: str) -> str:
    """De standaardwaarde met eenheid voor de hulptekst, bijvoorbeeld '290 W/m²'."""
    p = _standaardparameters().parameter(sectie, naam)
    return f"{getal(p.waarde, 6)} {p.eenheid}"


@click.group(cls=Groep)
def analyse() -> None:
    """Ruimtelijke analyses op de lagen van de Omgevingsvisie.

    Elk subcommando schrijft rasters (GeoTIFF, EPSG:28992) en tabellen per wijk en
    focusgebied (CSV en GeoPackage) in de map van --uitvoer.

    \b
    Voorbeelden:
      $ omgevingsvisie analyse hitte --uitvoer analyse/
      $ omgevingsvisie analyse groen --uitvoer analyse/ --overschrijf
    """


# ------------------------------------------------------------------ gedeelde opties en hulp

_GEDEELDE_OPTIES = (
    uitvoer_map_optie("Map waarin rasters en tabellen komen (wordt aangemaakt)."),
    overschrijf_optie,
    landgebruik_optie("Eigen landgebruiksraster met de klassecodes 1–9 (docs/analyse_hitte_groen.md); gaat vóór "
                      "het uit de lagen afgeleide landgebruik."),
    adressen_optie("Eigen adrespunten (bijv. BAG-woningen; kolom 'woningen' optioneel) in plaats van de "
                   "steekproef in het bestaand stedelijk gebied."),
    adressen_laag_optie,
    initiatieven_optie("Initiatieven (GeoJSON, GeoPackage, Shapefile): ook een tabel per initiatief."),
    crs_optie,
    parameters_optie("Eigen analyseparameters; vult omgevingsvisie/analyse/parameters.toml aan."),
)


def _gedeelde_opties(functie: Callable) -> Callable:
    """De opties van hitte en groen, in deze volgorde in de hulp."""
    for decorator in reversed(_GEDEELDE_OPTIES):
        functie = decorator(functie)
    return functie


def _weer_optie(naam: str, metavar: str, parameter: str, uitleg: str, *, groter_dan_nul: bool = False):
    """Een weer- of rekenoptie van 'hitte'; de standaard uit parameters.toml staat pas in de hulp als die
    wordt getoond (geen bestand lezen bij import)."""
    return optie(naam, type=click.FloatRange(min=0, min_open=groter_dan_nul), metavar=metavar,
                 uitleg=lambda: uitleg.format(standaard=_standaard("uhi", parameter)))


@contextmanager
def _voortgangsbalk(label: str):
    """Een voortgangsbalk op stderr; geeft ``voortgang(omschrijving, gedaan, totaal)``."""
    with click.progressbar(length=1, label=label, file=sys.stderr,
                           item_show_func=lambda stap: stap) as balk:
        def voortgang(omschrijving: str, gedaan: int, totaal: int) -> None:
            balk.length = totaal
            balk.update(gedaan - balk.pos, current_item=omschrijving)
        yield voortgang


def _voorbereiding(run, *, uitvoer: Path, soort: str, landgebruik_pad: Path | None,
                   adressen: Path | None, adressen_laag: str | None, initiatieven: Path | None,
                   crs: str | None, parameters_pad: Path | None) -> dict:
    """Reserveer de doelen in ``run`` en lees de invoer; geeft de trefwoorden voor de analyse."""
    from ..analyse.landgebruik import landgebruik
    from ..analyse.uitvoer import bestanden
    from ..analyse.parameters import laad_analyse_parameters
    from ..analyse.woningen import lees_adressen
    from ..initiatief import lees_initiatieven
    from ..io.veilig import zichtbaar
    from ..lagen import huidige

    run.reserveer(bestanden(soort, uitvoer, initiatieven=initiatieven is not None))
    parameters = laad_analyse_parameters(parameters_pad, laagdata=huidige()) if parameters_pad else None
    plannen = None
    if initiatieven is not None:
        plannen, waarschuwingen = lees_initiatieven(initiatieven, gemeente=huidige().gemeente(), crs=crs)
        for melding in waarschuwingen:
            click.echo("Waarschuwing: " + zichtbaar(melding, behoud="\n"), err=True)
    laagdata = huidige()
    return {
        "laagdata": laagdata, "lg": landgebruik(laagdata=laagdata, raster=landgebruik_pad, parameters=parameters),
        "adressen": lees_adressen(adressen, laag=adressen_laag) if adressen is not None else None,
        "initiatieven": plannen, "parameters": parameters,
    }


def _invoer(*, landgebruik_pad: Path | None, adressen: Path | None, initiatieven: Path | None,
            parameters_pad: Path | None) -> tuple[Path | None, ...]:
    """De invoerbestanden van een analyse (nooit een doel, ook niet met --overschrijf)."""
    return landgebruik_pad, adressen, initiatieven, parameters_pad


def _schrijf(resultaat, uitvoer: Path, *, overschrijf: bool) -> list[Path]:
    """Schrijf de analyse (binnen de run van het commando: pas neergezet als alles klaar is)."""
    from ..analyse.uitvoer import schrijf_analyse
    from ..io.veilig import zichtbaar

    for melding in resultaat.waarschuwingen:
        click.echo("Waarschuwing: " + zichtbaar(melding, behoud="\n"), err=True)
    with _voortgangsbalk("Schrijven") as voortgang:
        return schrijf_analyse(resultaat, uitvoer, overschrijf=overschrijf, voortgang=voortgang)


def _meld(geschreven: list[Path], uitvoer: Path) -> None:
    """Noem de bestanden die nu in ``uitvoer`` staan."""
    from ..io.veilig import zichtbaar

    click.echo(f"Geschreven in {zichtbaar(uitvoer)}:")
    for pad in geschreven:
        click.echo(f"  {pad.name}")


# ------------------------------------------------------------------ hitte

@analyse.command()
@_gedeelde_opties
@_weer_optie("--straling", "W/M2", "straling_w_m2",
             "Daggemiddelde globale straling (standaard {standaard}, hete zomerdag).")
@_weer_optie("--dtr", "K", "dtr_k", "Temperatuurslingering Tmax − Tmin buiten de stad (standaard {standaard}).")
@_weer_optie("--wind", "M/S", "wind_m_s", "Windsnelheid op 10 m buiten de stad (standaard {standaard}).",
             groter_dan_nul=True)
@_weer_optie("--venster", "METER", "venster_m",
             "Zijde van het middelingsvenster van f_veg en SVF (standaard {standaard}).", groter_dan_nul=True)
def hitte(*, uitvoer: Path, overschrijf: bool, landgebruik_pad: Path | None, adressen: Path | None,
          adressen_laag: str | None, initiatieven: Path | None, crs: str | None, parameters_pad: Path | None,
          straling: float | None, dtr: float | None, wind: float | None, venster: float | None) -> None:
    """Hitte-eilandeffect (UHI, Theeuwes et al. 2017) en afstand tot een koele plek.

    Schrijft landgebruik.tif, uhi.tif (°C; bruikbaar met 'omgevingsvisie kaart hitte
    --raster'), afstand_koele_plek.tif, hitte_wijken.csv, hitte_focusgebieden.csv en
    hitte.gpkg; met --initiatieven ook hitte_initiatieven.csv (UHI vóór en na per plan).
    Het weer is een hete, windstille zomerdag; elke waarde is aan te passen.

    \b
    Voorbeelden:
      $ omgevingsvisie analyse hitte --uitvoer analyse/
      $ omgevingsvisie analyse hitte --uitvoer analyse/ --wind 2 --initiatieven plannen.geojson
      $ omgevingsvisie kaart hitte --raster analyse/uhi.tif --uitvoer hitte.html
    """
    from ..analyse.hitte import Meteorologie
    from ..analyse.uitvoer import analyse_hitte
    from .transactie import uitvoer_run

    opgegeven = dict(landgebruik_pad=landgebruik_pad, adressen=adressen, initiatieven=initiatieven,
                     parameters_pad=parameters_pad)
    with uitvoer_run(uitvoer, overschrijf=overschrijf, invoer=_invoer(**opgegeven)) as run:
        invoer = _voorbereiding(run, uitvoer=uitvoer, soort="hitte", adressen_laag=adressen_laag, crs=crs,
                                **opgegeven)
        meteo = Meteorologie.standaard(invoer["parameters"] or _standaardparameters(),
                                       straling_w_m2=straling, dtr_k=dtr, wind_m_s=wind)
        with _voortgangsbalk("Hitte berekenen") as voortgang:
            resultaat = analyse_hitte(meteo=meteo, venster_m=venster, voortgang=voortgang, **invoer)
        geschreven = _schrijf(resultaat, uitvoer, overschrijf=overschrijf)
    _meld(geschreven, uitvoer)


# ------------------------------------------------------------------ groen

@analyse.command()
@_gedeelde_opties
def groen(*, uitvoer: Path, overschrijf: bool, landgebruik_pad: Path | None, adressen: Path | None,
          adressen_laag: str | None, initiatieven: Path | None, crs: str | None,
          parameters_pad: Path | None) -> None:
    """Groen bij de woning: de "300" van 3-30-300 en 75 m² groen per woning binnen 500 m.

    Schrijft afstand_groen.tif, groen_per_woning.tif, groen_wijken.csv,
    groen_focusgebieden.csv en groen.gpkg; met --initiatieven ook groen_initiatieven.csv.
    De normen (300 m, 1 ha, 75 m², 500 m) staan met hun bron in
    omgevingsvisie/analyse/parameters.toml en zijn met --parameters aan te passen.

    \b
    Voorbeelden:
      $ omgevingsvisie analyse groen --uitvoer analyse/
      $ omgevingsvisie analyse groen --uitvoer analyse/ --adressen bag_woningen.gpkg --overschrijf
    """
    from ..analyse.uitvoer import analyse_groen
    from .transactie import uitvoer_run

    opgegeven = dict(landgebruik_pad=landgebruik_pad, adressen=adressen, initiatieven=initiatieven,
                     parameters_pad=parameters_pad)
    with uitvoer_run(uitvoer, overschrijf=overschrijf, invoer=_invoer(**opgegeven)) as run:
        invoer = _voorbereiding(run, uitvoer=uitvoer, soort="groen", adressen_laag=adressen_laag, crs=crs,
                                **opgegeven)
        with _voortgangsbalk("Groen berekenen") as voortgang:
            resultaat = analyse_groen(voortgang=voortgang, **invoer)
        geschreven = _schrijf(resultaat, uitvoer, overschrijf=overschrijf)
    _meld(geschreven, uitvoer)


from .cmd_analyse_barrieres import barrieres as _barrieres  # noqa: E402  (issue 7)
analyse.add_command(_barrieres)
