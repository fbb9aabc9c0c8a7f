"""``omgevingsvisie sjabloon``: een lege GeoPackage om een initiatief in QGIS te tekenen.

De planner opent het sjabloon in QGIS, tekent het plangebied en vult het attribuutformulier in;
:func:`omgevingsvisie.initiatief.lees_initiatieven` leest het resultaat zonder omzetten. Wat
erin staat:

- de tabel :data:`TABEL` (GeoPackage 1.2, geometriekolom ``geom``, MultiPolygon, EPSG:28992)
  met ``naam`` en de programmavelden uit :data:`omgevingsvisie.programma.VELDEN`, elk met het
  label als alias;
- de tabel :data:`FUNCTIETABEL` (zonder geometrie) met de toegestane functies uit
  :data:`omgevingsvisie.catalogus.FUNCTIES`: het formulierveld ``functies`` is een
  ``ValueRelation`` met meerkeuze (``AllowMulti``) op die tabel. Omdat ``functies`` in de
  GeoPackage een JSON-kolom is (``gpkg_data_columns``, ``application/json``), schrijft QGIS de
  keuze als JSON-lijst (``["wonen","horeca"]``); in een gewone tekstkolom zou QGIS
  ``{"wonen","horeca"}`` schrijven, wat de invoercontrole niet leest;
- ``milieucategorie`` als ``ValueMap`` uit :data:`~omgevingsvisie.catalogus.MILIEUCATEGORIEEN`,
  getallen als ``Range`` (vanaf 0; percentages tot en met 100), ja/nee-velden als ``CheckBox``,
  ``naam`` verplicht en uniek;
- de tabel ``layer_styles`` met deze formulieren en een vlakstijl als standaardstijl, zoals
  :mod:`.gpkg` dat voor de lagen doet.

Voorbeelden
-----------
>>> from omgevingsvisie.export.sjabloon import schrijf_sjabloon
>>> schrijf_sjabloon("initiatief.gpkg")  # doctest: +SKIP
PosixPath('initiatief.gpkg')
"""

from __future__ import annotations

import os
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from .._errors import InvoerFout
from ..catalogus import CRS, FUNCTIES, MILIEUCATEGORIEEN
from ..io.uitvoer import controleer_doelen, schrijf_met
from ..programma import VELDEN, Veld
from .gpkg import _LAYER_STYLES, GEOMETRIEKOLOM, _tijd
from .qml import DOCTYPE, QGIS_VERSIE, Symbool, symbool_xml

__all__ = ["FUNCTIETABEL", "TABEL", "schrijf_sjabloon"]

TABEL = "initiatief"
"""De tabel waarin de planner tekent."""

FUNCTIETABEL = "functies"
"""De tabel met de toegestane functies, waaruit het formulierveld ``functies`` kiest."""

FUNCTIESLEUTEL = "functie"
"""Kolom van :data:`FUNCTIETABEL` met de naam zoals de toets hem kent (bijv. ``"wonen"``)."""

FUNCTIELABEL = "omschrijving"
"""Kolom van :data:`FUNCTIETABEL` met de naam zoals het formulier hem toont."""

PERCENTAGE_MAX = 100
"""Bovengrens van een percentage (velden die op ``_pct`` eindigen): de hele planoppervlakte."""

SPINBOX_MAX = 2_147_483_647
"""Bovengrens van de andere getallen: de grootste waarde van een QGIS-spinbox (32 bits)."""

DECIMALEN = 1
"""Decimalen van de getallen met een komma (m², mm, %) in het formulier."""

NULL_WAARDE = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
"""De waarde waarmee een QGIS-ValueMap 'leeg' (NULL) aanbiedt (``QgsValueMapFieldFormatter.NULL_VALUE``)."""

_SYMBOOL = Symbool("vlak", vulling="#ff9800", lijn="#e65100", dekking=0.3, dikte_mm=0.8)
"""Het getekende plangebied: oranje, half doorzichtig (valt op boven de BRT-achtergrond)."""

_STIJLNAAM = "Initiatief tekenen"

_DATA_COLUMNS = (
    "CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, "
    "title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, "
    "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name))"
)
"""De tabel ``gpkg_data_columns`` (GeoPackage 1.2, *Schema*-extensie) zoals GDAL hem aanmaakt."""


# --------------------------------------------------------------------------- gegevens


def _leeg(veld: Veld) -> pd.Series:
    """Een lege kolom van het type dat in de GeoPackage hoort bij ``veld``."""
    dtype = {int: "int64", float: "float64", bool: "bool"}.get(veld.soort, object)
    return pd.Series([], dtype=dtype)


def _initiatieftabel() -> gpd.GeoDataFrame:
    kolommen = {"naam": pd.Series([], dtype=object), **{v.naam: _leeg(v) for v in VELDEN.values()}}
    return gpd.GeoDataFrame(kolommen, geometry=gpd.GeoSeries([], crs=CRS))


def _functie_label(functie: str) -> str:
    return functie.replace("_", " ").capitalize()


def _functietabel() -> pd.DataFrame:
    return pd.DataFrame({FUNCTIESLEUTEL: list(FUNCTIES), FUNCTIELABEL: [_functie_label(f) for f in FUNCTIES]})


# --------------------------------------------------------------------------- QML


def _optie(ouder: ET.Element, waarde: object, naam: str | None = None) -> ET.Element:
    """Een QGIS-``<Option>`` met het type van ``waarde`` (bool, int, float, str, list, dict)."""
    attributen = {"name": naam} if naam is not None else {}
    if isinstance(waarde, dict):
        element = ET.SubElement(ouder, "Option", {**attributen, "type": "Map"})
        for sleutel, w in waarde.items():
            _optie(element, w, sleutel)
        return element
    if isinstance(waarde, list):
        element = ET.SubElement(ouder, "Option", {**attributen, "type": "List"})
        for w in waarde:
            _optie(element, w)
        return element
    if isinstance(waarde, bool):
        soort, tekst = "bool", "true" if waarde else "false"
    elif isinstance(waarde, int):
        soort, tekst = "int", str(waarde)
    elif isinstance(waarde, float):
        soort, tekst = "double", repr(waarde)
    else:
        soort, tekst = "QString", str(waarde)
    return ET.SubElement(ouder, "Option", {**attributen, "type": soort, "value": tekst})


def _functies_widget(gpkg_naam: str) -> tuple[str, dict[str, object]]:
    return "ValueRelation", {
        "AllowMulti": True, "AllowNull": True, "Description": "", "FilterExpression": "",
        "Key": FUNCTIESLEUTEL, "Value": FUNCTIELABEL,
        "Layer": f"{TABEL}_{FUNCTIETABEL}", "LayerName": FUNCTIETABEL, "LayerProviderName": "ogr",
        "LayerSource": f"./{gpkg_naam}|layername={FUNCTIETABEL}",
        "NofColumns": 2, "OrderByValue": False, "UseCompleter": False,
    }


def _range_widget(veld: Veld) -> tuple[str, dict[str, object]]:
    geheel = veld.soort is int
    hoogst = PERCENTAGE_MAX if veld.naam.endswith("_pct") else SPINBOX_MAX
    return "Range", {
        "AllowNull": True, "Style": "SpinBox",
        "Min": 0 if geheel else 0.0, "Max": hoogst if geheel else float(hoogst),
        "Step": 1 if geheel else 1.0, "Precision": 0 if geheel else DECIMALEN,
    }


def widget(veld: str, gpkg_naam: str) -> tuple[str, dict[str, object]]:
    """Het QGIS-editorwidget (type en configuratie) van een veld van :data:`TABEL`.

    Parameters
    ----------
    veld : str
        ``"naam"`` of een naam uit :data:`~omgevingsvisie.programma.VELDEN`.
    gpkg_naam : str
        Bestandsnaam van het sjabloon; daar verwijst ``functies`` naar :data:`FUNCTIETABEL`.

    Returns
    -------
    tuple of (str, dict)
        Bijvoorbeeld ``("CheckBox", {...})``.
    """
    if veld == "naam":
        return "TextEdit", {"IsMultiline": False, "UseHtml": False}
    if veld == "functies":
        return _functies_widget(gpkg_naam)
    if veld == "milieucategorie":
        keuzes = [{"(geen)": NULL_WAARDE}, *({f"Categorie {c}": c} for c in MILIEUCATEGORIEEN)]
        return "ValueMap", {"map": keuzes}
    programmaveld = VELDEN[veld]
    if programmaveld.soort is bool:
        return "CheckBox", {"CheckedState": "", "UncheckedState": "", "TextDisplayMethod": 0}
    if programmaveld.soort in (int, float):
        return _range_widget(programmaveld)
    raise ValueError(f"Geen formulierwidget bekend voor veld '{veld}' ({programmaveld.soort.__name__}).")


def _velden() -> list[tuple[str, str]]:
    """(naam, label) van de velden van :data:`TABEL`, in formuliervolgorde."""
    return [("naam", "Naam"), *((v.naam, v.label) for v in VELDEN.values())]


def _renderer() -> ET.Element:
    renderer = ET.Element("renderer-v2", {"type": "singleSymbol", "symbollevels": "0", "forceraster": "0",
                                          "enableorderby": "0", "referencescale": "-1"})
    ET.SubElement(renderer, "symbols").append(symbool_xml(_SYMBOOL, "0"))
    ET.SubElement(renderer, "rotation")
    ET.SubElement(renderer, "sizescale")
    return renderer


def _beperkingen(wortel: ET.Element) -> None:
    """``naam`` verplicht en uniek (hard); niet meer sociale huur dan woningen (zacht)."""
    beperkingen = ET.SubElement(wortel, "constraints")
    expressies = ET.SubElement(wortel, "constraintExpressions")
    for veld, _ in _velden():
        vlaggen = "3" if veld == "naam" else ("4" if veld == "sociale_huur" else "0")
        ET.SubElement(beperkingen, "constraint", {
            "field": veld, "constraints": vlaggen,
            "notnull_strength": "1" if veld == "naam" else "0",
            "unique_strength": "1" if veld == "naam" else "0",
            "exp_strength": "2" if veld == "sociale_huur" else "0",
        })
        if veld == "sociale_huur":
            ET.SubElement(expressies, "constraint", {
                "field": veld, "exp": '"sociale_huur" IS NULL OR "woningen" IS NULL OR "sociale_huur" <= "woningen"',
                "desc": "Niet meer sociale huurwoningen dan woningen",
            })


def sjabloon_qml(gpkg_naam: str) -> str:
    """Het QML-document met stijl, aliassen, beperkingen en formulier van :data:`TABEL`.

    Parameters
    ----------
    gpkg_naam : str
        Bestandsnaam van het sjabloon (voor de verwijzing naar :data:`FUNCTIETABEL`).

    Returns
    -------
    str
        QML zoals QGIS 3.22 hem schrijft (``styleCategories="AllStyleCategories"``).
    """
    wortel = ET.Element("qgis", {"version": QGIS_VERSIE, "styleCategories": "AllStyleCategories"})
    wortel.append(_renderer())
    configuratie = ET.SubElement(wortel, "fieldConfiguration")
    aliassen = ET.SubElement(wortel, "aliases")
    for i, (veld, label) in enumerate(_velden()):
        soort, config = widget(veld, gpkg_naam)
        element = ET.SubElement(configuratie, "field", {"name": veld, "configurationFlags": "None"})
        _optie(ET.SubElement(ET.SubElement(element, "editWidget", {"type": soort}), "config"), config)
        ET.SubElement(aliassen, "alias", {"field": veld, "index": str(i + 1), "name": label})
    _beperkingen(wortel)
    ET.SubElement(wortel, "editform", {"tolerant": "1"})
    ET.SubElement(wortel, "editorlayout").text = "generatedlayout"
    ET.SubElement(wortel, "featformsuppress").text = "0"
    ET.SubElement(wortel, "previewExpression").text = '"naam"'
    ET.SubElement(wortel, "layerGeometryType").text = "2"
    ET.indent(wortel)
    return DOCTYPE + ET.tostring(wortel, encoding="unicode") + "\n"


# --------------------------------------------------------------------------- schrijven


def _schrijf_tabellen(pad: Path) -> None:
    pyogrio.write_dataframe(
        _initiatieftabel(), pad, layer=TABEL, driver="GPKG", geometry_type="MultiPolygon",
        dataset_options={"VERSION": "1.2"},
        layer_options={"GEOMETRY_NAME": GEOMETRIEKOLOM, "IDENTIFIER": "Initiatief",
                       "DESCRIPTION": "Teken hier het plangebied en vul het programma in "
                                      "(omgevingsvisie toets leest deze tabel).",
                       "SPATIAL_INDEX": "YES"},
    )
    pyogrio.write_dataframe(
        _functietabel(), pad, layer=FUNCTIETABEL, driver="GPKG",
        layer_options={"IDENTIFIER": "Functies", "DESCRIPTION": "De functies waaruit het formulier kiest."},
    )


def _markeer_json(db: sqlite3.Connection) -> None:
    """Maak ``functies`` een JSON-kolom, zodat QGIS de meerkeuze als JSON-lijst schrijft."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_data_columns'").fetchone():
        db.execute(_DATA_COLUMNS)
        db.execute("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                   "VALUES ('gpkg_data_columns', NULL, 'gpkg_schema', "
                   "'http://www.geopackage.org/spec/#extension_schema', 'read-write')")
    db.execute("INSERT INTO gpkg_data_columns (table_name, column_name, name, title, mime_type) "
               "VALUES (?, 'functies', 'functies', ?, 'application/json')", (TABEL, VELDEN["functies"].label))


def _schrijf_stijl(db: sqlite3.Connection, qml: str, tijd: datetime) -> None:
    db.execute(_LAYER_STYLES)
    db.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
        "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
        "VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', NULL, ?)",
        (TABEL, GEOMETRIEKOLOM, _STIJLNAAM, qml,
         "Formulier en stijl van de Omgevingsvisie-toolkit voor het tekenen van een initiatief", _tijd(tijd)),
    )
    db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
               "VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?)", (_tijd(tijd),))
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        db.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES ('layer_styles', 1)")


def schrijf_sjabloon(uitvoer: str | os.PathLike, *, overschrijf: bool = False) -> Path:
    """Schrijf een lege GeoPackage met formulieren om een initiatief in QGIS te tekenen (atomair).

    Parameters
    ----------
    uitvoer : path-like
        Het GeoPackage-bestand (``.gpkg``).
    overschrijf : bool
        Vervang een bestaand bestand; anders volgt :class:`~omgevingsvisie.UitvoerBestaat`.

    Returns
    -------
    pathlib.Path
        Het geschreven bestand.

    Raises
    ------
    InvoerFout
        Als ``uitvoer`` niet op ``.gpkg`` eindigt.
    """
    uitvoer = Path(uitvoer)
    if uitvoer.suffix.lower() != ".gpkg":
        raise InvoerFout(f"Een GeoPackage moet eindigen op .gpkg: {uitvoer}")
    controleer_doelen([uitvoer], overschrijf=overschrijf)
    qml = sjabloon_qml(uitvoer.name)
    tijd = datetime.now(timezone.utc)

    def schrijf(tijdelijk: Path) -> None:
        _schrijf_tabellen(tijdelijk)
        with closing(sqlite3.connect(tijdelijk)) as db, db:
            _markeer_json(db)
            _schrijf_stijl(db, qml, tijd)

    return schrijf_met(uitvoer, schrijf, overschrijf=overschrijf)
