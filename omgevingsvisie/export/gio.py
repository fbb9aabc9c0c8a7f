"""``omgevingsvisie export gio``: een werkingsgebied als STOP GIO (GML 3.2, IMOP geo).

Van laag naar GIO (bronnen/gio.md):

1. de features van de laag (eventueel gefilterd, :mod:`.selectie`) moeten een geldige,
   niet-lege geometrie hebben;
2. lijnstukken worden opgeknipt tot hoogstens 200 m (richtlijn lange lijnen van het DSO);
3. coördinaten worden afgerond op 1 mm (3 decimalen in RD), *half naar boven*
   (0,0005 → 0,001), decimaal exact;
4. wordt een geometrie door het afronden ongeldig, dan wordt hij op het millimeterraster
   gerepareerd (GEOS ``set_precision``); lukt dat niet, dan volgt een weigering;
5. elke locatie krijgt een UUID (``basisgeo:id``), afgeleid van FRBRWork en geometrie
   (uuid5: dezelfde export geeft dezelfde id's);
6. het GML wordt teruggelezen en getoetst aan de STOP-regels (:func:`.gio_regels.controleer_gio`).
   Is er één overtreding, dan wordt niets geschreven en volgt een :class:`InvoerFout` met alle
   meldingen.
"""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .._errors import InvoerFout
from ..io.uitvoer import controleer_doelen, schrijf_met
from .gio_regels import MAX_SEGMENT_M, NS, SRS_RD, controleer_gio
from .selectie import kies

BEVOEGD_GEZAG = "gm0106"
"""Code van de gemeente Assen in STOP (waardelijst gemeente)."""

SCHEMAVERSIE = "1.3.0"
"""IMOP-versie van het schema (zoals in de STOP-validatieregels)."""

AFRONDING = Decimal("0.001")
"""1 mm in RD."""

_SEGMENT_DOEL_M = MAX_SEGMENT_M - 0.01
"""Opknippen tot iets onder 200 m, zodat afronden (≤ 0,7 mm per punt) er niet overheen duwt."""

_UUID_NAAMRUIMTE = uuid.UUID("5b0c7e7e-4a1f-5d2b-9a52-6f6d67766973")
"""Vaste naamruimte voor de uuid5 van de locaties van deze toolkit."""

# ElementTree schrijft dan de gebruikelijke voorvoegsels (geo:, gio:, basisgeo:, gml:) in plaats van ns0: …
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class Locatie:
    """Eén locatie van de GIO: naam, geometrie op het mm-raster, UUID en eventueel groep."""

    naam: str | None
    geometrie: BaseGeometry
    id: str
    groep: str | None = None


def rond_af(geometrie: BaseGeometry) -> BaseGeometry:
    """Rond alle coördinaten af op 1 mm, half naar boven, decimaal exact.

    ``233969.0005`` wordt ``233969.001`` (en niet ``233969.0`` door een binaire
    benadering van 0,0005): elke coördinaat gaat via zijn kortste decimale schrijfwijze.
    """
    def afronden(xy: np.ndarray) -> np.ndarray:
        return np.array([float(Decimal(repr(float(v))).quantize(AFRONDING, rounding=ROUND_HALF_UP))
                         for v in xy.ravel()]).reshape(xy.shape)

    return shapely.transform(geometrie, afronden)


def _tegen_de_klok(vlak: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Buitenringen tegen de klok in, binnenringen met de klok mee (ISO 19107, zoals GML 3.2 ze leest)."""
    if isinstance(vlak, Polygon):
        return orient(vlak, sign=1.0)
    return MultiPolygon([orient(deel, sign=1.0) for deel in vlak.geoms])


def voorbereid(geometrie: BaseGeometry) -> BaseGeometry:
    """Maak een geometrie GIO-klaar: opknippen (≤ 200 m), afronden (1 mm), zo nodig repareren.

    Raises
    ------
    ValueError
        Met een Nederlandse reden als de geometrie leeg of ongeldig is, of ongeldig wordt door
        het afronden en niet op het mm-raster te repareren is.
    """
    if geometrie is None or geometrie.is_empty:
        raise ValueError("lege geometrie")
    if not geometrie.is_valid:
        raise ValueError(f"ongeldige geometrie ({shapely.is_valid_reason(geometrie)})")
    dimensie = shapely.get_dimensions(geometrie)
    resultaat = rond_af(shapely.segmentize(geometrie, _SEGMENT_DOEL_M))
    if not resultaat.is_valid:
        resultaat = shapely.set_precision(resultaat, float(AFRONDING))
    if resultaat.is_empty or not resultaat.is_valid or shapely.get_dimensions(resultaat) != dimensie:
        raise ValueError("geometrie wordt ongeldig bij afronden op 1 mm en is niet te repareren "
                         "(te smalle delen of punten dichter dan 1 mm bij elkaar)")
    if dimensie == 2:
        resultaat = _tegen_de_klok(resultaat)
    return resultaat


def _slug(tekst: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", tekst.lower()).strip("-_")
    return slug[:100].rstrip("-_")


def werknaam(laag: str, filters: Sequence[str] = ()) -> str:
    """Standaardnaam in FRBRWork: laag plus de filterwaarden, bijv. ``focusgebieden-havenkwartier``."""
    waarden = [f.partition("=")[2] for f in filters]
    return _slug("-".join([laag, *waarden]))


def _posities(xy: Sequence[Sequence[float]]) -> str:
    return " ".join(f"{x:.3f} {y:.3f}" for x, y in xy)


def _gml(ouder: ET.Element, geometrie: BaseGeometry, gid: str) -> None:
    """Voeg de geometrie toe als ``gml:MultiSurface``, ``gml:MultiCurve`` of ``gml:MultiPoint``."""
    delen = list(getattr(geometrie, "geoms", [geometrie]))
    soort = {Polygon: ("MultiSurface", "surfaceMember"), LineString: ("MultiCurve", "curveMember"),
             Point: ("MultiPoint", "pointMember")}[type(delen[0])]
    multi = ET.SubElement(ouder, f"{{{NS['gml']}}}{soort[0]}",
                          {"srsName": SRS_RD, f"{{{NS['gml']}}}id": f"id-{gid}-0"})
    for i, deel in enumerate(delen, 1):
        lid = ET.SubElement(multi, f"{{{NS['gml']}}}{soort[1]}")
        element = ET.SubElement(lid, f"{{{NS['gml']}}}{type(deel).__name__}", {f"{{{NS['gml']}}}id": f"id-{gid}-{i}"})
        if isinstance(deel, Polygon):
            for naam, ring in [("exterior", deel.exterior), *(("interior", r) for r in deel.interiors)]:
                ring_el = ET.SubElement(ET.SubElement(element, f"{{{NS['gml']}}}{naam}"), f"{{{NS['gml']}}}LinearRing")
                ET.SubElement(ring_el, f"{{{NS['gml']}}}posList").text = _posities(ring.coords)
        elif isinstance(deel, LineString):
            ET.SubElement(element, f"{{{NS['gml']}}}posList").text = _posities(deel.coords)
        else:
            ET.SubElement(element, f"{{{NS['gml']}}}pos").text = _posities(deel.coords)


def _el(ouder: ET.Element, naam: str, tekst: str | None = None) -> ET.Element:
    prefix, lokaal = naam.split(":")
    element = ET.SubElement(ouder, f"{{{NS[prefix]}}}{lokaal}")
    if tekst is not None:
        element.text = tekst
    return element


def gio_xml(
    locaties: Sequence[Locatie],
    *,
    werk: str,
    expressie: str,
    achtergrond: str = "top10nl",
    achtergrond_datum: date,
    nauwkeurigheid_dm: int | None = None,
    groepen: dict[str, str] | None = None,
) -> bytes:
    """Het GIO-document (UTF-8) voor de gegeven locaties.

    Parameters
    ----------
    locaties : sequence of Locatie
        Met geometrie al op het mm-raster (:func:`voorbereid`).
    werk, expressie : str
        FRBRWork en FRBRExpression.
    achtergrond : str
        ``gio:achtergrondVerwijzing``: de kaart waarop getekend is.
    achtergrond_datum : date
        ``gio:achtergrondActualiteit``.
    nauwkeurigheid_dm : int, optional
        ``gio:nauwkeurigheid`` in de ``gio:GeografischeContext``, in decimeters (STOP 1.3.0;
        ``geo:juridischeNauwkeurigheid`` bestaat pas in STOP 2.0).
    groepen : dict, optional
        groepID → label, voor ``geo:groepen``.
    """
    wortel = ET.Element(f"{{{NS['geo']}}}GeoInformatieObjectVaststelling", {"schemaversie": SCHEMAVERSIE})
    context = _el(_el(wortel, "geo:context"), "gio:GeografischeContext")
    _el(context, "gio:achtergrondVerwijzing", achtergrond)
    _el(context, "gio:achtergrondActualiteit", achtergrond_datum.isoformat())
    if nauwkeurigheid_dm is not None:
        _el(context, "gio:nauwkeurigheid", str(nauwkeurigheid_dm))
    versie = _el(_el(wortel, "geo:vastgesteldeVersie"), "geo:GeoInformatieObjectVersie")
    _el(versie, "geo:FRBRWork", werk)
    _el(versie, "geo:FRBRExpression", expressie)
    if groepen:
        lijst = _el(versie, "geo:groepen")
        for gid, label in groepen.items():
            groep = _el(lijst, "geo:Groep")
            _el(groep, "geo:groepID", gid)
            _el(groep, "geo:label", label)
    lijst = _el(versie, "geo:locaties")
    for locatie in locaties:
        element = _el(lijst, "geo:Locatie")
        if locatie.naam:
            _el(element, "geo:naam", locatie.naam)
        basis = ET.SubElement(_el(element, "geo:geometrie"), f"{{{NS['basisgeo']}}}Geometrie",
                              {f"{{{NS['gml']}}}id": f"id-{locatie.id}"})
        _el(basis, "basisgeo:id", locatie.id)
        _gml(_el(basis, "basisgeo:geometrie"), locatie.geometrie, locatie.id)
        if locatie.groep is not None:
            _el(element, "geo:groepID", locatie.groep)
    ET.indent(wortel)
    tekst = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(wortel, encoding="unicode") + "\n"
    return tekst.encode("utf-8")


def _groep_ids(waarden: Sequence[str]) -> dict[str, str]:
    """Waarde → groepID (``[A-Za-z0-9][A-Za-z0-9_-]*``), uniek, in volgorde van voorkomen."""
    ids: dict[str, str] = {}
    for waarde in dict.fromkeys(waarden):
        basis = _slug(waarde) or "groep"
        gid, n = basis, 2
        while gid in ids.values():
            gid, n = f"{basis}-{n}", n + 1
        ids[waarde] = gid
    return ids


def _feature_naam(rij, i: int) -> str:
    naam = rij.get("naam")
    return f"feature {i}" + (f" (naam '{naam}')" if isinstance(naam, str) and naam else "")


def _groepwaarden(gdf: gpd.GeoDataFrame, groep: str | None) -> list[str | None]:
    """Per feature de waarde van het groepveld (zonder witruimte); ``None`` als die leeg is."""
    if groep is None:
        return [None] * len(gdf)
    return [None if w is None or w != w or not str(w).strip() else str(w).strip() for w in gdf[groep]]


def _locaties(gdf: gpd.GeoDataFrame, *, werk: str, groep: str | None, laag: str) -> tuple[list[Locatie], dict[str, str]]:
    """De locaties (geometrie voorbereid, UUID, groep) en waarde → groepID.

    Raises
    ------
    InvoerFout
        Met alle features die niet mee kunnen (lege of onherstelbare geometrie, lege groep).
    """
    waarden = _groepwaarden(gdf, groep)
    groep_ids = _groep_ids([w for w in waarden if w])
    problemen, locaties, gebruikt = [], [], set()
    for i, (rij, waarde) in enumerate(zip(gdf.to_dict("records"), waarden)):
        wie = _feature_naam(rij, i)
        if groep is not None and waarde is None:
            problemen.append(f"{wie}: veld '{groep}' is leeg; elke locatie moet een groep hebben (STOP3000)")
        try:
            geometrie = voorbereid(rij[gdf.geometry.name])
        except ValueError as fout:
            problemen.append(f"{wie}: {fout}")
            continue
        lid = uuid.uuid5(_UUID_NAAMRUIMTE, f"{werk}|{geometrie.wkb_hex}")
        while str(lid) in gebruikt:  # twee features met dezelfde geometrie
            lid = uuid.uuid5(_UUID_NAAMRUIMTE, f"{lid}|{i}")
        gebruikt.add(str(lid))
        naam = rij.get("naam") if isinstance(rij.get("naam"), str) else None
        locaties.append(Locatie(naam, geometrie, str(lid), groep_ids.get(waarde)))
    if problemen:
        raise InvoerFout(f"Laag '{laag}' kan niet als GIO worden geëxporteerd; er is niets geschreven:", problemen)
    return locaties, groep_ids


def exporteer_gio(
    uitvoer: str | os.PathLike,
    *,
    laag: str,
    filters: Sequence[str] = (),
    laagdata: Mapping[str, gpd.GeoDataFrame],
    naam: str | None = None,
    datum: date | None = None,
    versie: int = 1,
    groep: str | None = None,
    nauwkeurigheid_dm: int | None = None,
    overschrijf: bool = False,
) -> Path:
    """Schrijf (een deel van) een laag als STOP GIO, na controle op de STOP-regels.

    Parameters
    ----------
    uitvoer : path-like
        Het GML-bestand (``.gml``).
    laag : str
        Laag uit de catalogus, bijvoorbeeld ``"focusgebieden"``.
    filters : sequence of str
        ``VELD=WAARDE``-filters (:mod:`.selectie`).
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen (in de praktijk :func:`omgevingsvisie.lagen.huidige`).
    naam : str, optional
        Laatste deel van FRBRWork (``[A-Za-z0-9][A-Za-z0-9_-]*``); standaard laag en filterwaarden.
    datum : date, optional
        Datum van de expressie en de achtergrondactualiteit; standaard vandaag. Het jaar van
        FRBRWork is het jaar van deze datum.
    versie : int
        Versienummer na de ``;`` in FRBRExpression.
    groep : str, optional
        Veld waarvan de waarden de GIO-delen worden (``geo:groepen`` en ``geo:groepID``).
    nauwkeurigheid_dm : int, optional
        Nauwkeurigheid van de geometrie in decimeters: ``gio:nauwkeurigheid`` in de
        geografische context (STOP 1.3.0, bedoeld voor een berekende GIO).
    overschrijf : bool
        Vervang een bestaand bestand.

    Returns
    -------
    pathlib.Path
        Het geschreven bestand.

    Raises
    ------
    InvoerFout
        Bij een onbruikbare laag, filter of geometrie, of als de GIO een STOP-regel zou
        overtreden; er wordt dan niets geschreven.
    """
    uitvoer = Path(uitvoer)
    if uitvoer.suffix.lower() != ".gml":
        raise InvoerFout(f"Een GIO moet eindigen op .gml: {uitvoer}")
    if versie < 1:
        raise InvoerFout(f"De versie moet 1 of hoger zijn, niet {versie}.")
    if nauwkeurigheid_dm is not None and nauwkeurigheid_dm < 1:
        raise InvoerFout(f"De nauwkeurigheid moet minstens 1 dm zijn, niet {nauwkeurigheid_dm}.")
    naam = naam or werknaam(laag, filters)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}", naam):
        raise InvoerFout(f"Naam '{naam}' is ongeschikt voor FRBRWork: gebruik letters, cijfers, '-' en '_' "
                         "(begin met een letter of cijfer, hoogstens 128 tekens).")
    controleer_doelen([uitvoer], overschrijf=overschrijf)
    datum = datum or date.today()
    gdf = kies(laag, filters, laagdata=laagdata)
    if groep is not None and groep not in gdf.columns:
        raise InvoerFout(f"Laag '{laag}' heeft geen veld '{groep}' voor --groep.")

    werk = f"/join/id/regdata/{BEVOEGD_GEZAG}/{datum.year}/{naam}"
    locaties, groep_ids = _locaties(gdf, werk=werk, groep=groep, laag=laag)
    xml = gio_xml(locaties, werk=werk, expressie=f"{werk}/nld@{datum.isoformat()};{versie}",
                  achtergrond_datum=datum, nauwkeurigheid_dm=nauwkeurigheid_dm,
                  groepen={gid: waarde for waarde, gid in groep_ids.items()} or None)
    overtredingen = controleer_gio(xml)
    if overtredingen:
        raise InvoerFout("De GIO voldoet niet aan de STOP-regels; er is niets geschreven:", overtredingen)
    return schrijf_met(uitvoer, lambda pad: pad.write_bytes(xml), overschrijf=overschrijf)
