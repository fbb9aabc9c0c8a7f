"""``omgevingsvisie export gpkg``: alle lagen in één GeoPackage met QGIS-stijlen en -project.

Wat erin staat (ONTWERP §7):

- één tabel per laag (``visiekaart_2040`` in drie tabellen), GeoPackage 1.2 zodat ook
  QGIS 3.22 hem leest, geometriekolom ``geom``, ruimtelijke index, metadata als bij
  ``lagen/assen_2040.gpkg``;
- de tabel ``layer_styles`` met per tabel een QML-stijl (:mod:`.qml`) die QGIS bij het openen
  zelf toepast: ``f_table_catalog`` en ``f_table_schema`` een lege tekst (niet NULL),
  ``f_geometry_column = 'geom'``, ``useAsDefault = 1``; geregistreerd in ``gpkg_contents``
  als ``attributes``, zoals QGIS het zelf doet;
- de tabel ``qgis_projects`` met het project :data:`~.project.PROJECTNAAM` (:mod:`.project`);
- optioneel de plangebieden en bevindingen van een toets (:func:`~.tabellen.toets_tabellen`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import pyogrio

from .._errors import InvoerFout
from ..io.uitvoer import controleer_doelen, schrijf_met
from ..bevinding import ToetsResultaat
from .project import PROJECTNAAM, project_xml, qgz
from .qml import qml
from .tabellen import ExportTabel, catalogus_tabellen, toets_tabellen

GEOMETRIEKOLOM = "geom"

_LAYER_STYLES = (
    'CREATE TABLE "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
    '"f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256), '
    '"f_geometry_column" TEXT(256), "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT, '
    '"useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30), '
    "\"update_time\" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
)
"""De tabel ``layer_styles`` precies zoals QGIS 3.22 hem in een GeoPackage aanmaakt."""

_QGIS_PROJECTS = "CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)"
"""De tabel ``qgis_projects`` zoals QGIS hem aanmaakt (niet in ``gpkg_contents``)."""


def _schrijf_tabel(pad: Path, tabel: ExportTabel) -> None:
    pyogrio.write_dataframe(
        tabel.gegevens, pad, layer=tabel.tabel, driver="GPKG",
        dataset_options={"VERSION": "1.2"},
        layer_options={"GEOMETRY_NAME": GEOMETRIEKOLOM, "IDENTIFIER": tabel.titel,
                       "DESCRIPTION": tabel.omschrijving, "SPATIAL_INDEX": "YES"},
        layer_metadata=tabel.metadata or None,
    )


def _tijd(tijd: datetime) -> str:
    return tijd.strftime("%Y-%m-%dT%H:%M:%S.") + f"{tijd.microsecond // 1000:03d}Z"


def _schrijf_stijlen(db: sqlite3.Connection, tabellen: Sequence[ExportTabel], tijd: datetime) -> None:
    """Maak ``layer_styles`` met één standaardstijl per tabel en registreer de tabel."""
    db.execute(_LAYER_STYLES)
    db.executemany(
        'INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, '
        'styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) '
        "VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', NULL, ?)",
        [(t.tabel, GEOMETRIEKOLOM, t.titel, qml(t),
          "Stijl van de Omgevingsvisie-toolkit (zelfde kleuren als de kaarten)", _tijd(tijd))
         for t in tabellen],
    )
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
        "VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?)", (_tijd(tijd),),
    )
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        db.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES ('layer_styles', ?)",
                   (len(tabellen),))


def _schrijf_project(db: sqlite3.Connection, xml: str, tijd: datetime) -> None:
    """Zet het project als qgz in ``qgis_projects`` (inhoud hex-gecodeerd, zoals QGIS doet)."""
    db.execute(_QGIS_PROJECTS)
    metadata = json.dumps({"last_modified_time": tijd.strftime("%Y-%m-%dT%H:%M:%S"),
                           "last_modified_user": "omgevingsvisie"})
    db.execute("INSERT INTO qgis_projects (name, metadata, content) VALUES (?, ?, ?)",
               (PROJECTNAAM, metadata, qgz(xml).hex()))


def exporteer_gpkg(
    uitvoer: str | os.PathLike,
    *,
    laagdata: Mapping[str, gpd.GeoDataFrame],
    overschrijf: bool = False,
    toetsresultaten: Sequence[ToetsResultaat] = (),
) -> Path:
    """Schrijf alle lagen met QGIS-stijlen en QGIS-project naar één GeoPackage (atomair).

    Parameters
    ----------
    uitvoer : path-like
        Het GeoPackage-bestand (``.gpkg``).
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen (in de praktijk :func:`omgevingsvisie.lagen.huidige`); metadata uit
        ``laagdata.metadata(naam)`` als die er is.
    overschrijf : bool
        Vervang een bestaand bestand; anders volgt :class:`~omgevingsvisie.UitvoerBestaat`.
    toetsresultaten : sequence of ToetsResultaat
        Optioneel: toetsresultaten waarvan plangebieden en bevindingen als extra lagen (groep
        *Toetsresultaat*) meegaan.

    Returns
    -------
    pathlib.Path
        Het geschreven bestand.

    Examples
    --------
    >>> from omgevingsvisie.export import exporteer_gpkg
    >>> from omgevingsvisie import lagen
    >>> exporteer_gpkg("uit/assen_2040.gpkg", laagdata=lagen.huidige())  # doctest: +SKIP
    PosixPath('uit/assen_2040.gpkg')
    """
    uitvoer = Path(uitvoer)
    if uitvoer.suffix.lower() != ".gpkg":
        raise InvoerFout(f"Een GeoPackage moet eindigen op .gpkg: {uitvoer}")
    controleer_doelen([uitvoer], overschrijf=overschrijf)
    tabellen = [*toets_tabellen(toetsresultaten), *catalogus_tabellen(laagdata=laagdata)]
    tijd = datetime.now(timezone.utc)
    xml = project_xml(tabellen, gpkg_naam=uitvoer.name, tijd=tijd)

    def schrijf(tijdelijk: Path) -> None:
        for tabel in tabellen:
            _schrijf_tabel(tijdelijk, tabel)
        with closing(sqlite3.connect(tijdelijk)) as db, db:
            _schrijf_stijlen(db, tabellen, tijd)
            _schrijf_project(db, xml, tijd)

    return schrijf_met(uitvoer, schrijf, overschrijf=overschrijf)
