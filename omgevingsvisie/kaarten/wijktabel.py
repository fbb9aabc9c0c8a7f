"""Een tabel met een waarde per wijk als gekleurde wijken (choropleth) op de kaart.

Bedoeld voor uitkomsten van analyses per wijk, zoals de omrijanalyse bij de barrières: een
CSV of DataFrame met een kolom ``statcode`` (CBS-wijkcode) of ``naam`` (wijknaam) en
minstens één kolom met getallen. De waarden worden in vijf gelijke klassen ingedeeld
(:data:`~omgevingsvisie.stijl.KLASSE_KLEUREN`); wijken zonder waarde zijn grijs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd

from .._errors import BestandOntbreekt, InvoerFout
from .elementen import (
    LegendaItem,
    LegendaSectie,
    is_leeg,
    lagengroep,
    popup_html,
    teken_laag,
    veldnaam,
    waarde_tekst,
)
from .lagen import nodige_laag
from ..stijl import GEEN_GEGEVENS_KLEUR, KLASSE_KLEUREN, Stijl

_SLEUTELS = ("statcode", "naam")
GEEN_GEGEVENS = Stijl(GEEN_GEGEVENS_KLEUR, "#616161", 0.5, 1.0, "3 3")


def lees_tabel(tabel: pd.DataFrame | str | os.PathLike) -> pd.DataFrame:
    """Een DataFrame (kopie) of een CSV-bestand (scheidingsteken wordt herkend)."""
    if isinstance(tabel, gpd.GeoDataFrame):  # de geometrie komt uit de laag wijken
        return pd.DataFrame(tabel.drop(columns=tabel.geometry.name))
    if isinstance(tabel, pd.DataFrame):
        return tabel.copy()
    pad = Path(tabel)
    if not pad.exists():
        raise BestandOntbreekt(f"Tabel niet gevonden: {pad}")
    try:
        return pd.read_csv(pad, sep=None, engine="python")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as fout:
        raise InvoerFout(f"Tabel {pad} is geen leesbare CSV: {fout}") from None


def koppel_aan_wijken(tabel: pd.DataFrame, kolom: str | None, *,
                      laagdata: Mapping[str, gpd.GeoDataFrame]) -> tuple[gpd.GeoDataFrame, str]:
    """Koppel een tabel per wijk aan de laag ``wijken``.

    Parameters
    ----------
    tabel : pandas.DataFrame
        Met een kolom ``statcode`` of ``naam`` en kolommen met waarden.
    kolom : str, optional
        De kolom om te kleuren; standaard de eerste kolom met getallen.
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen; de laag ``wijken`` levert de geometrie.

    Returns
    -------
    (geopandas.GeoDataFrame, str)
        Alle wijken met de kolommen uit de tabel (leeg waar de tabel niets over zegt), en
        de gekozen kolom.
    """
    wijken = nodige_laag(laagdata, "wijken")
    sleutel = next((k for k in _SLEUTELS if k in tabel.columns), None)
    if sleutel is None:
        raise InvoerFout("De tabel per wijk mist een kolom 'statcode' (bijv. WK010601) of 'naam' (wijknaam).")
    tabel = tabel.assign(**{sleutel: tabel[sleutel].astype(str)})
    onbekend = sorted(set(tabel[sleutel]) - set(wijken[sleutel].astype(str)))
    if onbekend:
        raise InvoerFout(f"Onbekende wijken in de tabel (kolom '{sleutel}'): {', '.join(onbekend)}.")
    if kolom is None:
        getallen = [k for k in tabel.columns
                    if k not in _SLEUTELS and pd.api.types.is_numeric_dtype(tabel[k])]
        if not getallen:
            raise InvoerFout("De tabel per wijk heeft geen kolom met getallen om te kleuren.")
        kolom = getallen[0]
    if kolom not in tabel.columns:
        raise InvoerFout(f"Kolom '{kolom}' staat niet in de tabel (wel: {', '.join(map(str, tabel.columns))}).")
    tabel[kolom] = pd.to_numeric(tabel[kolom], errors="coerce")
    tabel = tabel.drop(columns=[k for k in _SLEUTELS if k != sleutel and k in tabel.columns])
    wijken = wijken.assign(**{sleutel: wijken[sleutel].astype(str)})
    return wijken.merge(tabel, on=sleutel, how="left"), kolom


def klassen(waarden: pd.Series) -> list[tuple[float, float]]:
    """Gelijke klassen (ondergrens, bovengrens) tussen minimum en maximum."""
    laag, hoog = float(waarden.min()), float(waarden.max())
    if laag == hoog:
        return [(laag, hoog)]
    stap = (hoog - laag) / len(KLASSE_KLEUREN)
    return [(laag + i * stap, laag + (i + 1) * stap) for i in range(len(KLASSE_KLEUREN))]


def _klasse_stijl(index: int) -> Stijl:
    return Stijl(KLASSE_KLEUREN[index], "#424242", 0.7, 1.0)


def teken_wijkwaarden(kaart: folium.Map, wijken: gpd.GeoDataFrame, kolom: str, *,
                      tolerantie: float) -> LegendaSectie:
    """Wijken gekleurd naar ``kolom``; de popup toont alle kolommen uit de tabel."""
    indeling = klassen(wijken[kolom].dropna()) if wijken[kolom].notna().any() else []

    def stijl(rij: pd.Series) -> Stijl:
        if is_leeg(rij[kolom]):
            return GEEN_GEGEVENS
        laatste = len(indeling) - 1
        return _klasse_stijl(next(i for i, (_, hoog) in enumerate(indeling) if rij[kolom] <= hoog or i == laatste))

    velden = [k for k in wijken.columns if k not in ("geometry", "bronvermelding", "naam")]
    naam = f"Per wijk: {kolom}"
    groep = lagengroep(kaart, naam)
    teken_laag(groep, wijken, laag="wijken", stijl=stijl, tolerantie=tolerantie,
               popup=lambda r: popup_html(r["naam"], [(veldnaam(k), r[k]) for k in velden], kop="Wijk (CBS 2023)"),
               tooltip=lambda r: f"{r['naam']}: {waarde_tekst(r[kolom])}")
    items = [LegendaItem(waarde_tekst(laag) if laag == hoog else f"{waarde_tekst(laag)} – {waarde_tekst(hoog)}",
                         _klasse_stijl(i)) for i, (laag, hoog) in enumerate(indeling)]
    items.append(LegendaItem("geen gegevens", GEEN_GEGEVENS))
    return LegendaSectie(naam, items, groep, uitleg="Waarde per wijk (5 gelijke klassen).")
