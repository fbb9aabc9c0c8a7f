"""``omgevingsvisie export geojson``: lagen als GeoJSON voor webkaarten (RFC 7946).

Het bestand schrijft GDAL (driver ``GeoJSON`` met ``RFC7946=YES``, via pyogrio), niet deze
module: coördinaten in WGS84 (lengtegraad, breedtegraad), geen ``crs``-lid, buitenringen tegen
de klok in en binnenringen met de klok mee (§3.1.6), een ``bbox`` voor de collectie en per
feature. Coördinaten krijgen :data:`DECIMALEN` decimalen (``COORDINATE_PRECISION``; ca. 0,1 m
in Assen: ruim genoeg voor de schematische lagen, en compact voor het web).

Dat het indicatieve data is, reist mee in het bestand:

- ``description`` van de FeatureCollection: omschrijving en disclaimer van de laag (GDAL en
  QGIS tonen die als beschrijving van de laag);
- het extra lid ``metadata`` (RFC 7946 §6.1, *foreign member*; GDAL-optie
  ``FOREIGN_MEMBERS_COLLECTION``): titel, omschrijving, bron, status, datum, licentie,
  disclaimer en het gebruikte filter.

Elk bestand wordt atomair neergezet (:func:`omgevingsvisie.io.uitvoer.schrijf_met`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import geopandas as gpd
import pyogrio

from .._errors import InvoerFout
from ..catalogus import LAAGNAMEN
from ..io.uitvoer import controleer_doelen, schrijf_met
from .selectie import kies, laag_metadata

DECIMALEN = 6
"""Decimalen van lengte- en breedtegraad (10⁻⁶ graad ≈ 0,11 m noord-zuid, 0,07 m oost-west)."""

WGS84 = "EPSG:4326"
"""Het enige CRS van RFC 7946 (OGC:CRS84: lengtegraad, breedtegraad)."""

GDAL_MINIMAAL = (3, 9, 0)
"""Vanaf GDAL 3.9 kent de GeoJSON-schrijver ``FOREIGN_MEMBERS_COLLECTION`` (het lid ``metadata``)."""

METADATAVELDEN = ("titel", "omschrijving", "bron", "status", "datum", "licentie", "disclaimer")
"""De metadata van een laag die in het lid ``metadata`` meegaat."""


def laagopties(meta: Mapping[str, str], filters: Sequence[str] = ()) -> dict[str, str | int]:
    """De laagopties van GDAL's GeoJSON-schrijver voor één laag: RFC 7946, precisie, metadata.

    Parameters
    ----------
    meta : mapping of str to str
        De metadata van de laag (:func:`~.selectie.laag_metadata`).
    filters : sequence of str
        Het gebruikte filter; komt in ``metadata.filter``.
    """
    metadata = {k: meta[k] for k in METADATAVELDEN if k in meta}
    if filters:
        metadata["filter"] = list(filters)
    beschrijving = " ".join(meta[k] for k in ("omschrijving", "disclaimer") if meta.get(k))
    opties: dict[str, str | int] = {
        "RFC7946": "YES",
        "COORDINATE_PRECISION": DECIMALEN,
        "WRITE_BBOX": "YES",
        "WRITE_NAME": "YES",
        "FOREIGN_MEMBERS_COLLECTION": json.dumps({"metadata": metadata}, ensure_ascii=False),
    }
    if beschrijving:
        opties["DESCRIPTION"] = beschrijving
    return opties


def exporteer_geojson(
    uitvoer: str | os.PathLike,
    *,
    laagdata: Mapping[str, gpd.GeoDataFrame],
    laag: str | None = None,
    filters: Sequence[str] = (),
    overschrijf: bool = False,
) -> list[Path]:
    """Schrijf één laag naar een GeoJSON-bestand, of alle lagen naar een map.

    Parameters
    ----------
    uitvoer : path-like
        Met ``laag``: het bestand (``.geojson`` of ``.json``). Zonder ``laag``: een map waarin
        per laag ``<laag>.geojson`` komt.
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen (in de praktijk :func:`omgevingsvisie.lagen.huidige`); metadata uit
        ``laagdata.metadata(naam)`` als die er is.
    laag : str, optional
        Naam van de laag uit de catalogus.
    filters : sequence of str
        ``VELD=WAARDE``-filters (alleen met ``laag``), zie :mod:`.selectie`.
    overschrijf : bool
        Vervang bestaande bestanden; anders wordt vooraf geweigerd en niets geschreven.

    Returns
    -------
    list of pathlib.Path
        De geschreven bestanden.

    Raises
    ------
    InvoerFout
        Bij een onjuiste combinatie van opties, een onbekende laag of een filter zonder
        treffers; er wordt dan niets geschreven.
    """
    uitvoer = Path(uitvoer)
    if laag is None:
        if filters:
            raise InvoerFout("--filter kan alleen samen met --laag.")
        if uitvoer.suffix.lower() in (".geojson", ".json"):
            raise InvoerFout(f"Zonder --laag is --uitvoer een map (één bestand per laag), geen bestand: {uitvoer}")
        doelen = {naam: uitvoer / f"{naam}.geojson" for naam in LAAGNAMEN if naam in laagdata}
    else:
        if uitvoer.suffix.lower() not in (".geojson", ".json"):
            raise InvoerFout(f"Een GeoJSON-bestand moet eindigen op .geojson of .json: {uitvoer}")
        doelen = {laag: uitvoer}
    controleer_doelen(doelen.values(), overschrijf=overschrijf)
    if pyogrio.__gdal_version__ < GDAL_MINIMAAL:
        raise InvoerFout(f"GeoJSON-export vraagt GDAL {'.'.join(map(str, GDAL_MINIMAAL))} of nieuwer (voor de "
                         f"metadata en disclaimer in het bestand); pyogrio gebruikt GDAL "
                         f"{pyogrio.__gdal_version_string__}. Werk pyogrio bij.")
    # eerst alles kiezen en omrekenen: een fout in één laag laat dan geen half gevulde map achter
    klaar = {naam: (kies(naam, filters, laagdata=laagdata).to_crs(WGS84),
                    laagopties(laag_metadata(laagdata, naam), filters)) for naam in doelen}
    geschreven = []
    for naam, (gdf, opties) in klaar.items():
        def schrijf(pad: Path, gdf=gdf, naam=naam, opties=opties) -> None:
            pyogrio.write_dataframe(gdf, pad, layer=naam, driver="GeoJSON", layer_options=dict(opties))

        geschreven.append(schrijf_met(doelen[naam], schrijf, overschrijf=overschrijf))
    return geschreven
