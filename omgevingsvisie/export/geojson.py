"""``omgevingsvisie export geojson``: lagen als GeoJSON voor webkaarten (RFC 7946).

Volgens RFC 7946: coördinaten in WGS84 (lengtegraad, breedtegraad), geen ``crs``-lid,
buitenringen tegen de klok in en binnenringen met de klok mee (§3.1.6), een ``bbox`` per
collectie. Coördinaten krijgen 6 decimalen (ca. 0,1 m in Assen: ruim genoeg voor de
schematische lagen, en compact voor het web). De metadata van de laag (titel, bron,
licentie, disclaimer) staat als extra lid ``metadata`` in de FeatureCollection (RFC 7946 §6.1).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import shapely

from .._errors import InvoerFout
from ..io.uitvoer import controleer_doelen, schrijf_tekst
from ..catalogus import LAAGNAMEN
from ..lagen import metadata
from ._orientatie import tegen_de_klok
from .selectie import kies

DECIMALEN = 6
"""Decimalen van lengte- en breedtegraad (10⁻⁶ graad ≈ 0,11 m noord-zuid, 0,07 m oost-west)."""


def feature_collection(laag: str, filters: Sequence[str] = ()) -> dict:
    """De (gefilterde) laag als GeoJSON-FeatureCollection (een dict) volgens RFC 7946."""
    gdf = kies(laag, filters).to_crs("EPSG:4326")
    geometrie = shapely.transform(gdf.geometry.values, lambda xy: np.round(xy, DECIMALEN))
    geometrie = tegen_de_klok(geometrie)  # na het afronden, zodat de richting zeker klopt
    gdf = gdf.set_geometry(geometrie)
    collectie = json.loads(gdf.to_json(drop_id=True, na="null"))
    collectie.pop("crs", None)
    meta = metadata(laag)
    collectie = {
        "type": "FeatureCollection",
        "name": laag,
        "metadata": {k: meta[k] for k in ("titel", "omschrijving", "bron", "status", "datum", "licentie",
                                          "disclaimer") if k in meta},
        "features": collectie["features"],
    }
    if len(gdf):
        collectie["bbox"] = [round(float(v), DECIMALEN) for v in gdf.total_bounds]
    if filters:
        collectie["metadata"]["filter"] = list(filters)
    return collectie


def _tekst(collectie: dict) -> str:
    return json.dumps(collectie, ensure_ascii=False, separators=(",", ":")) + "\n"


def exporteer_geojson(
    uitvoer: str | os.PathLike,
    *,
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
    """
    uitvoer = Path(uitvoer)
    if laag is None:
        if filters:
            raise InvoerFout("--filter kan alleen samen met --laag.")
        if uitvoer.suffix.lower() in (".geojson", ".json"):
            raise InvoerFout(f"Zonder --laag is --uitvoer een map (één bestand per laag), geen bestand: {uitvoer}")
        doelen = {naam: uitvoer / f"{naam}.geojson" for naam in LAAGNAMEN}
    else:
        if uitvoer.suffix.lower() not in (".geojson", ".json"):
            raise InvoerFout(f"Een GeoJSON-bestand moet eindigen op .geojson of .json: {uitvoer}")
        doelen = {laag: uitvoer}
    controleer_doelen(doelen.values(), overschrijf=overschrijf)
    teksten = {naam: _tekst(feature_collection(naam, filters)) for naam in doelen}
    return [schrijf_tekst(doelen[naam], tekst, overschrijf=overschrijf) for naam, tekst in teksten.items()]
