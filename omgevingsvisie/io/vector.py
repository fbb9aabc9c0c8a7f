"""Vectordata lezen uit GeoPackage, Shapefile of GeoJSON, met Nederlandse fouten."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pyogrio

from .._errors import BestandOntbreekt, InvoerFout

__all__ = ["lees_bestand"]


def lees_bestand(pad: str | os.PathLike, laag: str | None = None, *, naam: str | None = None) -> gpd.GeoDataFrame:
    """Lees een laag uit een GeoPackage, Shapefile of GeoJSON; elke leesfout wordt een nette fout.

    Parameters
    ----------
    pad : path-like
        Het bestand.
    laag : str, optional
        Tabel of laag binnen het bestand.
    naam : str, optional
        Laagnaam uit de catalogus: gekozen als ``laag`` ontbreekt en het bestand een laag met
        die naam heeft. Anders de enige laag in het bestand.

    Raises
    ------
    BestandOntbreekt
        Het bestand of de gevraagde laag bestaat niet.
    InvoerFout
        Het bestand is niet te lezen, of het is onduidelijk welke laag bedoeld is.
    """
    pad = Path(pad)
    if not pad.exists():
        raise BestandOntbreekt(f"Bestand niet gevonden: {pad}")
    try:
        beschikbaar = [r[0] for r in pyogrio.list_layers(pad)]
    except Exception as fout:  # pyogrio geeft DataSourceError e.d.
        raise InvoerFout(f"{pad} is geen leesbaar GIS-bestand (GeoPackage, Shapefile, GeoJSON): {fout}") from None
    if laag is None:
        if naam in beschikbaar:
            laag = naam
        elif len(beschikbaar) == 1:
            laag = beschikbaar[0]
        else:
            raise InvoerFout(
                f"{pad} bevat meerdere lagen ({', '.join(beschikbaar)}); geef aan welke met --laag."
            )
    elif laag not in beschikbaar:
        raise BestandOntbreekt(f"Laag '{laag}' staat niet in {pad}; wel: {', '.join(beschikbaar)}.")
    try:
        return gpd.read_file(pad, layer=laag)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as fout:
        raise InvoerFout(f"{pad} kan niet worden gelezen: {fout}") from None
