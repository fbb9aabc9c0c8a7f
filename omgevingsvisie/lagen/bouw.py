"""Bouw ``omgevingsvisie/data/assen_2040.gpkg`` uit de leesbare bronbestanden in ``lagen/bron/``.

Elke bron-GeoJSON bevat één laag in RD (EPSG:28992) met in de kop een ``metadata``-object
(titel, omschrijving, bron, status, datum, licentie, disclaimer). De GeoPackage (versie 1.2,
zodat ook QGIS 3.22 hem leest) krijgt per laag één tabel met geometriekolom ``geom``; de
metadata gaat mee als GDAL-laagmetadata (tabel ``gpkg_metadata``) en de titel en
omschrijving als ``identifier``/``description`` in ``gpkg_contents``.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyogrio

from .._errors import BestandOntbreekt, InvoerFout
from ..catalogus import CRS, LAAGNAMEN, SCHEMAS, gpkg_tabellen
from ..io.uitvoer import atomair_pad

VERPLICHTE_METADATA = ("titel", "omschrijving", "bron", "status", "datum", "licentie", "disclaimer")

_DEEL = {"vlak": ("Polygon", "MultiPolygon"), "lijn": ("LineString", "MultiLineString"),
         "punt": ("Point", "MultiPoint")}


def lees_bron(pad: Path) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """Lees één bron-GeoJSON: de features (EPSG:28992) en de metadata uit de kop."""
    kop = json.loads(Path(pad).read_text(encoding="utf-8"))
    metadata = kop.get("metadata") or {}
    ontbrekend = [k for k in VERPLICHTE_METADATA if not metadata.get(k)]
    if ontbrekend:
        raise InvoerFout(f"{pad}: metadata onvolledig, ontbreekt: {', '.join(ontbrekend)}")
    gdf = gpd.read_file(pad)
    if gdf.crs is None or not gdf.crs.equals(CRS):
        raise InvoerFout(f"{pad}: verwacht coördinaten in {CRS}, gevonden: {gdf.crs}")
    return gdf, {k: str(v) for k, v in metadata.items()}


def tabellen_uit_bron(bron_map: Path) -> dict[str, tuple[gpd.GeoDataFrame, dict[str, str]]]:
    """Alle GeoPackage-tabellen (naam -> data, metadata) zoals ze uit ``bron_map`` volgen."""
    tabellen = {}
    for naam in LAAGNAMEN:
        pad = Path(bron_map) / f"{naam}.geojson"
        if not pad.exists():
            raise BestandOntbreekt(f"Bronbestand ontbreekt voor laag '{naam}': {pad}")
        gdf, metadata = lees_bron(pad)
        if SCHEMAS[naam].geometrie == "Mixed":
            for tabel in gpkg_tabellen(naam):
                deel = gdf[gdf.geom_type.isin(_DEEL[tabel.rsplit("_", 1)[1]])].reset_index(drop=True)
                tabellen[tabel] = (deel, {**metadata, "laag": naam, "tabel": tabel})
        else:
            tabellen[naam] = (gdf, {**metadata, "laag": naam, "tabel": naam})
    return tabellen


def bouw_geopackage(bron_map: Path, uitvoer: Path) -> list[str]:
    """Schrijf alle lagen uit ``bron_map`` naar de GeoPackage ``uitvoer`` (atomair).

    Eerst wordt elke laag gevalideerd tegen de catalogus; bij problemen wordt niets
    geschreven en volgt één :class:`InvoerFout` met alle problemen.

    Returns
    -------
    list of str
        De geschreven tabelnamen.
    """
    from .validatie import problemen_van_laag

    tabellen = tabellen_uit_bron(bron_map)
    gemeente = tabellen["gemeentegrens"][0].union_all()
    problemen = []
    for naam in LAAGNAMEN:
        delen = [tabellen[t][0] for t in gpkg_tabellen(naam)]
        gdf = delen[0] if len(delen) == 1 else gpd.GeoDataFrame(
            gpd.pd.concat(delen, ignore_index=True), crs=CRS)
        problemen += [f"{naam}: {p}" for p in problemen_van_laag(gdf, naam, gemeente=gemeente)]
    if problemen:
        raise InvoerFout(f"De bronlagen in {bron_map} bevatten fouten:", problemen)

    # De GeoPackage is een bouwproduct: bouwen vervangt hem altijd, maar nooit half.
    with atomair_pad(uitvoer, overschrijf=True) as tijdelijk:
        for tabel, (gdf, metadata) in tabellen.items():
            pyogrio.write_dataframe(
                gdf, tijdelijk, layer=tabel, driver="GPKG",
                dataset_options={"VERSION": "1.2"},
                # identifier moet uniek zijn per GeoPackage; visiekaart_2040 heeft drie tabellen
                layer_options={"GEOMETRY_NAME": "geom",
                               "IDENTIFIER": metadata["titel"] if tabel == metadata["laag"]
                               else f"{metadata['titel']} ({tabel})",
                               "DESCRIPTION": f"{metadata['omschrijving']} {metadata['disclaimer']}",
                               "SPATIAL_INDEX": "YES"},
                layer_metadata=metadata,
            )
    return list(tabellen)


def _attributen(gdf: gpd.GeoDataFrame):
    return gdf.drop(columns="geometry").astype(object).where(gdf.notna(), None)


def verschillen(bron_map: Path, gpkg: Path) -> list[str]:
    """Waarin de GeoPackage afwijkt van wat ``bron_map`` oplevert; leeg als hij bij is.

    Vergelijkt tabellen, kolommen, features, geometrie (topologisch: de GeoPackage maakt
    soms een MultiPolygon van een Polygon), attributen en metadata; tijdstempels in de
    GeoPackage tellen niet mee.
    """
    if not Path(gpkg).exists():
        return [f"{gpkg} bestaat niet"]
    verwacht = tabellen_uit_bron(bron_map)
    aanwezig = {r[0] for r in pyogrio.list_layers(gpkg)}
    anders = [f"tabel {t} ontbreekt" for t in sorted(set(verwacht) - aanwezig)]
    anders += [f"tabel {t} hoort er niet in" for t in sorted(aanwezig - set(verwacht))]
    for tabel in sorted(set(verwacht) & aanwezig):
        bron, metadata = verwacht[tabel]
        gebouwd = pyogrio.read_dataframe(gpkg, layer=tabel)
        info = pyogrio.read_info(gpkg, layer=tabel)
        gebouwd_meta = {k: v for k, v in (info["layer_metadata"] or {}).items() if not k.isupper()}
        if list(gebouwd.columns) != list(bron.columns) or len(gebouwd) != len(bron):
            anders.append(f"{tabel}: kolommen of aantal features verschillen")
        elif not gebouwd.geometry.geom_equals(bron.geometry).all():
            anders.append(f"{tabel}: geometrie verschilt")
        elif not _attributen(gebouwd).equals(_attributen(bron)):
            anders.append(f"{tabel}: attributen verschillen")
        elif gebouwd_meta != metadata:
            anders.append(f"{tabel}: metadata verschilt")
    return anders
