"""Welke tabellen een export bevat: de lagen van de catalogus en eventueel een toetsresultaat.

Elke :class:`ExportTabel` is één tabel met één geometriesoort (vlak, lijn of punt), zoals een
GeoPackage-tabel die moet hebben. ``visiekaart_2040`` wordt daarom net als in
``lagen/assen_2040.gpkg`` in drie tabellen gesplitst (:func:`~omgevingsvisie.catalogus.gpkg_tabellen`).
De lagen komen van de aanroeper (``laagdata``, in de praktijk
:func:`omgevingsvisie.lagen.huidige`), dus eigen data die een laag vervangt (``--lagen``) gaat
vanzelf mee.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from .._errors import InvoerFout
from ..bevinding import ToetsResultaat
from ..catalogus import CRS, LAAGNAMEN, gpkg_tabellen
from .selectie import laag_metadata

SOORTEN = ("punt", "lijn", "vlak")
"""Geometriesoorten, in de volgorde waarin ze bovenop elkaar worden getekend."""

_TYPEN = {
    "punt": ("Point", "MultiPoint"),
    "lijn": ("LineString", "MultiLineString"),
    "vlak": ("Polygon", "MultiPolygon"),
}
_MEERVOUD = {"punt": "punten", "lijn": "lijnen", "vlak": "vlakken"}


@dataclass(frozen=True)
class ExportTabel:
    """Eén tabel van een export.

    Attributes
    ----------
    tabel : str
        Tabelnaam in de GeoPackage (zonder spaties, zoals ``visiekaart_2040_vlak``).
    laag : str
        Naam van de laag in de catalogus, of ``"toets"`` voor een toetsresultaat.
    titel : str
        Nederlandse naam voor QGIS (uit de metadata van de laag).
    soort : str
        ``"punt"``, ``"lijn"`` of ``"vlak"``.
    gegevens : geopandas.GeoDataFrame
        De features in EPSG:28992 (niet leeg).
    metadata : dict
        Titel, omschrijving, bron, status, licentie, disclaimer … (tekst).
    """

    tabel: str
    laag: str
    titel: str
    soort: str
    gegevens: gpd.GeoDataFrame = field(repr=False)
    metadata: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def omschrijving(self) -> str:
        """Omschrijving met disclaimer, voor ``gpkg_contents`` en de laageigenschappen in QGIS."""
        delen = [self.metadata.get("omschrijving", ""), self.metadata.get("disclaimer", "")]
        return " ".join(d for d in delen if d)


def soort_van(gdf: gpd.GeoDataFrame, naam: str) -> str:
    """De ene geometriesoort van ``gdf``; :class:`InvoerFout` bij een mengsel."""
    soorten = {s for s, typen in _TYPEN.items() if gdf.geom_type.isin(typen).any()}
    if len(soorten) != 1:
        raise InvoerFout(f"Laag '{naam}' moet één geometriesoort hebben om te exporteren; "
                         f"gevonden: {', '.join(sorted(soorten)) or 'geen geometrie'}.")
    return soorten.pop()


def _splits(gdf: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """Per geometriesoort de features (alleen soorten die voorkomen)."""
    delen = {}
    for soort in SOORTEN:
        deel = gdf[gdf.geom_type.isin(_TYPEN[soort])].reset_index(drop=True)
        if len(deel):
            delen[soort] = deel
    return delen


def catalogus_tabellen(*, laagdata: Mapping[str, gpd.GeoDataFrame]) -> list[ExportTabel]:
    """De lagen van de catalogus als exporttabellen, in catalogusvolgorde.

    Lagen met meer geometriesoorten (``visiekaart_2040``) worden gesplitst in de tabellen
    van :func:`~omgevingsvisie.catalogus.gpkg_tabellen`; lege delen en lege (eigen) lagen
    vallen weg.

    Parameters
    ----------
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen; cataloguslagen die er niet in staan gaan niet mee.
    """
    tabellen = []
    for naam in LAAGNAMEN:
        if naam not in laagdata:
            continue
        gdf = laagdata[naam]
        if gdf.empty:
            continue
        meta = laag_metadata(laagdata, naam)
        titel = meta.get("titel") or naam
        namen = gpkg_tabellen(naam)
        if len(namen) == 1:
            tabellen.append(ExportTabel(namen[0], naam, titel, soort_van(gdf, naam), gdf, meta))
            continue
        delen = _splits(gdf)
        for soort in SOORTEN:
            if soort in delen:
                tabel = next(t for t in namen if t.endswith("_" + soort))
                tabellen.append(ExportTabel(tabel, naam, f"{titel} – {_MEERVOUD[soort]}", soort,
                                            delen[soort], meta))
    return tabellen


def _enkelvoudig(geometrie: BaseGeometry | None) -> list[BaseGeometry]:
    """Een geometrie zonder GeometryCollection: de delen ervan, of niets als hij leeg is."""
    if geometrie is None or geometrie.is_empty:
        return []
    if geometrie.geom_type == "GeometryCollection":
        return [d for g in geometrie.geoms for d in _enkelvoudig(g)]
    return [geometrie]


TOETS_METADATA = {
    "omschrijving": "Resultaat van een toets van een initiatief aan de Omgevingsvisie Assen 2040.",
    "bron": "omgevingsvisie toets (regelboek van de toolkit)",
    "status": "toetsresultaat",
    "disclaimer": "Getoetst aan indicatieve lagen; geen juridisch oordeel.",
}


def toets_tabellen(resultaten: Sequence[ToetsResultaat]) -> list[ExportTabel]:
    """De plangebieden en de bevindingen met geometrie van een toets als exporttabellen.

    - ``toets_initiatieven``: één vlak per initiatief met naam, oordeel en het aantal
      bevindingen per status;
    - ``toets_bevindingen_vlak`` / ``_lijn`` / ``_punt``: elke bevinding die een geometrie
      heeft (bijv. de overlap met groen), met regel, principe, titel, status, toelichting en bron.

    Bevindingen zonder geometrie staan alleen als aantal bij het initiatief; het volledige
    verslag staat in het rapport van de toets.
    """
    if not resultaten:
        return []
    initiatieven, bevindingen = [], []
    for resultaat in resultaten:
        naam = str(resultaat.initiatief.get("naam", ""))
        statussen = [b.status for b in resultaat.bevindingen]
        initiatieven.append({
            "naam": naam,
            "oordeel": resultaat.oordeel,
            "strijdig": statussen.count("strijdig"),
            "aandachtspunten": statussen.count("aandachtspunt"),
            "voldoet": statussen.count("voldoet"),
            "geometry": resultaat.geometrie,
        })
        for b in resultaat.bevindingen:
            for deel in _enkelvoudig(b.geometrie):
                bevindingen.append({
                    "initiatief": naam, "regel": b.regel, "principe": b.principe, "titel": b.titel,
                    "status": b.status, "toelichting": b.toelichting, "bron": b.bron,
                    "geometry": deel,
                })
    tabellen = []
    if bevindingen:
        alle = gpd.GeoDataFrame(pd.DataFrame(bevindingen), geometry="geometry", crs=CRS)
        for soort, deel in _splits(alle).items():
            titel = f"Bevindingen – {_MEERVOUD[soort]}"
            tabellen.append(ExportTabel(f"toets_bevindingen_{soort}", "toets", titel, soort, deel,
                                        {**TOETS_METADATA, "titel": titel}))
    # na de bevindingen: in QGIS ligt het plangebied onder de bevindingen (zelfde soort, vlak)
    plangebieden = gpd.GeoDataFrame(pd.DataFrame(initiatieven), geometry="geometry", crs=CRS)
    titel = "Plangebieden (oordeel)"
    tabellen.append(ExportTabel("toets_initiatieven", "toets", titel, soort_van(plangebieden, titel),
                                plangebieden, {**TOETS_METADATA, "titel": titel}))
    return tabellen
