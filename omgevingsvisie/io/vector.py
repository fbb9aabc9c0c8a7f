"""Vectordata lezen uit GeoPackage, Shapefile of GeoJSON, met Nederlandse fouten."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely
from shapely.errors import GEOSException

from .._errors import BestandOntbreekt, InvoerFout
from .veilig import controleer_invoerbestand, zichtbaar

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
        Het bestand is niet te lezen (ook: een FIFO of ander speciaal bestand, tekst die geen
        UTF-8 is, een geometrie die GEOS weigert; dan met feature en veld), of het is
        onduidelijk welke laag bedoeld is.
    """
    pad = controleer_invoerbestand(pad, map_mag=True)
    try:
        with warnings.catch_warnings(record=True) as gdal_waarschuwingen:  # alleen tonen als het lukt
            warnings.simplefilter("always")
            beschikbaar = [r[0] for r in pyogrio.list_layers(pad)]
        for w in gdal_waarschuwingen:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    except Exception as fout:  # pyogrio geeft DataSourceError e.d.
        raise InvoerFout(f"{pad} is geen leesbaar GIS-bestand (GeoPackage, Shapefile, GeoJSON) "
                         f"(GDAL: {_gdal(fout)})") from None
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
        with warnings.catch_warnings():  # GDAL's Engelse waarschuwing; de GEOS-fout hieronder zegt het
            warnings.filterwarnings("ignore", message="Non closed ring detected")
            return gpd.read_file(pad, layer=laag)
    except UnicodeDecodeError:
        raise InvoerFout(f"{pad} kan niet worden gelezen: tekst die geen geldige UTF-8 is; "
                         "sla het bestand op als UTF-8:", _tekstproblemen(pad, laag)) from None
    except GEOSException as fout:
        raise InvoerFout(f"{pad} kan niet worden gelezen: ongeldige geometrie:",
                         _geometrieproblemen(pad, laag) or [f"GEOS: {zichtbaar(fout)}"]) from None
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as fout:
        raise InvoerFout(f"{pad} kan niet worden gelezen (GDAL: {_gdal(fout)})") from None


def _gdal(fout: Exception) -> str:
    """De (Engelse) tekst van GDAL op één regel, zonder controletekens."""
    return zichtbaar(" ".join(str(fout).split()))


def _tekstproblemen(pad: Path, laag: str) -> list[str]:
    """Per feature en veld de tekst die geen UTF-8 is (de bytes gelezen als latin-1)."""
    gegevens = pyogrio.read_dataframe(pad, layer=laag, read_geometry=False, encoding="latin-1")
    problemen = []
    for veld in gegevens.columns:
        for i, waarde in enumerate(gegevens[veld]):
            if not isinstance(waarde, str):
                continue
            try:
                waarde.encode("latin-1").decode("utf-8")
            except UnicodeDecodeError as fout:
                problemen.append(f"feature {i}, veld '{zichtbaar(veld)}': byte 0x{fout.object[fout.start]:02x} "
                                 f"op positie {fout.start} is geen UTF-8")
            except UnicodeEncodeError:  # pragma: no cover - GDAL gaf al tekens buiten latin-1
                continue
    return problemen


def _geometrieproblemen(pad: Path, laag: str) -> list[str]:
    """Per feature de geometrie die GEOS niet kan maken (bijvoorbeeld een niet-gesloten ring)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Non closed ring detected")
        _, _, wkb, _ = pyogrio.raw.read(pad, layer=laag, columns=[])
    problemen = []
    for i, ruw in enumerate(wkb):
        if ruw is None:
            continue
        try:
            shapely.from_wkb(ruw)
        except GEOSException as fout:
            tekst = str(fout).removeprefix("IllegalArgumentException: ")
            if "closed linestring" in tekst:
                tekst = "een ring is niet gesloten (het eerste en laatste punt verschillen)"
            problemen.append(f"feature {i}, veld 'geometry': {zichtbaar(tekst)} (GEOS)")
    return problemen
