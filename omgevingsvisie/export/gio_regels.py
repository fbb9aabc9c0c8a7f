"""Controle van een GIO op de STOP-validatieregels, vóór het schrijven (bronnen/gio.md).

:func:`controleer_gio` leest het GML terug (niet de gegevens waaruit het is gemaakt) en geeft
alle overtredingen als Nederlandse meldingen met de STOP-code. Gecontroleerd worden:

=========  ===================================================================================
regel      inhoud
=========  ===================================================================================
structuur  wortel, namespaces, ``schemaversie``, GeografischeContext, FRBRWork/FRBRExpression
           (``/join/id/regdata/<bg>/<jaar>/<naam>`` en ``…/nld@<datum>;<versie>``), ≥ 1 locatie;
           alleen elementen die STOP 1.3.0 kent, in de volgorde van het schema (dus geen
           ``geo:juridischeNauwkeurigheid``, dat pas in STOP 2.0 bestaat), ``gio:nauwkeurigheid``
           een positief geheel aantal decimeters
STOP3000   groepID bij alle locaties of bij geen
STOP3001   elke groepID van een locatie staat in ``geo:groepen``
STOP3003/4 groepID's en labels in ``geo:groepen`` uniek
STOP3005   elke groep wordt door een locatie gebruikt
STOP3006/7 kwantitatieve/kwalitatieve normwaarde bij alle locaties of bij geen
STOP3008   niet beide soorten normwaarde op één locatie
STOP3009   kwantitatieve normwaarden vragen eenheidlabel en eenheidID
STOP3010   kwalitatieve normwaarde niet leeg
STOP3011   normwaarden vragen normlabel en normID
STOP3012   niet groepID én normwaarde op één locatie
STOP3013   ``basisgeo:id`` uniek binnen de GIO (en een UUID)
STOP3015   kwalitatieve normwaarden zonder eenheid
STOP3016   geen norm/eenheid zonder normwaarden
STOP3019   geen lege geometrie
STOP3020   srsName ``urn:ogc:def:crs:EPSG::28992`` of ``…::4258``, op de bovenste geometrie
STOP3021   één srsName in het hele bestand
STOP3040   geen cirkels of bogen
STOP3090   geen optionele gml-elementen (gml:name, gml:boundedBy, gml:description, …)
mm         in RD hoogstens 3 decimalen (1 mm)
200 m      geen lijnstuk langer dan 200 m
geldig     elke geometrie geldig (geen zelfdoorsnijding), GML simple features (SF-0)
=========  ===================================================================================

STOP3032, 3034, 3050, 3060, 3065 en 3080 gaan over GIO-wijzigingen, wijzigmarkeringen en
effectgebieden; die komen in een vaststelling van een nieuwe GIO-versie niet voor (gecontroleerd:
het bestand bevat een ``geo:GeoInformatieObjectVersie``, geen mutatie).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LinearRing, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

NS = {
    "geo": "https://standaarden.overheid.nl/stop/imop/geo/",
    "gio": "https://standaarden.overheid.nl/stop/imop/gio/",
    "basisgeo": "http://www.geostandaarden.nl/basisgeometrie/1.0",
    "gml": "http://www.opengis.net/gml/3.2",
}
SRS_RD = "urn:ogc:def:crs:EPSG::28992"
SRS_TOEGESTAAN = (SRS_RD, "urn:ogc:def:crs:EPSG::4258")
MAX_SEGMENT_M = 200.0
VERBODEN_GML = ("metaDataProperty", "description", "descriptionReference", "identifier", "name",
                "boundedBy", "location", "priorityLocation", "PriorityLocation")
BOGEN = ("Circle", "Arc", "CircleByCenterPoint", "ArcString", "ArcByCenterPoint")
GROEP_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
WERK = re.compile(r"/join/id/regdata/(?P<bg>[a-z]{2,4}\d{2,4})/(?P<jaar>\d{4})/(?P<naam>[A-Za-z0-9][A-Za-z0-9_-]*)")
EXPRESSIE = re.compile(r"(?P<werk>.+)/nld@(?P<datum>\d{4}-\d{2}-\d{2});(?P<versie>[A-Za-z0-9][A-Za-z0-9_-]*)")
GETAL_RD = re.compile(r"-?\d+(\.\d{1,3})?")
CONTEXT_ELEMENTEN = ("gio:achtergrondVerwijzing", "gio:achtergrondActualiteit", "gio:contextGIOs", "gio:nauwkeurigheid")
"""De kinderen van ``gio:GeografischeContext`` in STOP 1.3.0 (``imop-gio.xsd``), in schemavolgorde."""
VERSIE_ELEMENTEN = ("geo:FRBRWork", "geo:FRBRExpression", "geo:eenheidlabel", "geo:eenheidID", "geo:normlabel",
                    "geo:normID", "geo:groepen", "geo:locaties")
"""De eigen kinderen van ``geo:GeoInformatieObjectVersie`` in STOP 1.3.0 (``imop-geo.xsd``), in schemavolgorde."""


def _q(naam: str) -> str:
    prefix, lokaal = naam.split(":")
    return f"{{{NS[prefix]}}}{lokaal}"


def _tekst(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _getallen(element: ET.Element) -> list[str]:
    return _tekst(element).split()


def _paren(element: ET.Element) -> np.ndarray:
    getallen = [float(g) for g in _getallen(element)]
    if len(getallen) % 2:
        raise ValueError("oneven aantal coördinaten (verwacht x y-paren)")
    return np.array(getallen).reshape(-1, 2)


def _ring(ring_ouder: ET.Element) -> np.ndarray:
    ring = ring_ouder.find("gml:LinearRing", NS)
    if ring is None:
        raise ValueError(f"{ring_ouder.tag.split('}')[1]} zonder gml:LinearRing")
    poslist = ring.find("gml:posList", NS)
    if poslist is None:
        raise ValueError("gml:LinearRing zonder gml:posList")
    return _paren(poslist)


def _polygoon(element: ET.Element) -> Polygon:
    buiten = element.find("gml:exterior", NS)
    if buiten is None:
        raise ValueError("gml:Polygon zonder gml:exterior")
    return Polygon(_ring(buiten), [_ring(b) for b in element.findall("gml:interior", NS)])


def gml_geometrie(element: ET.Element) -> BaseGeometry:
    """Een GML-geometrie uit het SF-0-profiel van de export als shapely-geometrie.

    Ondersteund: ``gml:MultiSurface``/``gml:Polygon``, ``gml:MultiCurve``/``gml:LineString``,
    ``gml:MultiPoint``/``gml:Point``. Anders :class:`ValueError`.
    """
    soort = element.tag.split("}")[1]
    if soort == "Polygon":
        return _polygoon(element)
    if soort == "LineString":
        return LineString(_paren(element.find("gml:posList", NS)))
    if soort == "Point":
        return Point(_paren(element.find("gml:pos", NS))[0])
    leden = {"MultiSurface": "surfaceMember", "MultiCurve": "curveMember", "MultiPoint": "pointMember"}
    if soort not in leden:
        raise ValueError(f"gml:{soort} valt buiten het simple-features-profiel (SF-0) van deze export")
    delen = [gml_geometrie(kind) for lid in element.findall(f"gml:{leden[soort]}", NS) for kind in lid]
    klasse = {"MultiSurface": MultiPolygon, "MultiCurve": MultiLineString, "MultiPoint": MultiPoint}[soort]
    return klasse(delen)


def _langste_segment(geometrie: BaseGeometry) -> float:
    lengte = 0.0
    for deel in getattr(geometrie, "geoms", [geometrie]):
        ringen = [deel.exterior, *deel.interiors] if isinstance(deel, Polygon) else [deel]
        for ring in ringen:
            if isinstance(ring, (LineString, LinearRing)):
                xy = np.asarray(ring.coords)
                if len(xy) > 1:
                    lengte = max(lengte, float(np.hypot(*np.diff(xy, axis=0).T).max()))
    return lengte


def _naam(element: ET.Element) -> str:
    uri, _, lokaal = element.tag[1:].partition("}")
    prefix = next((p for p, u in NS.items() if u == uri), uri)
    return f"{prefix}:{lokaal}"


def _kinderen(ouder: ET.Element, toegestaan: Sequence[str]) -> list[str]:
    """Alleen de kinderen uit ``toegestaan``, in die volgorde (gml-eigenschappen: zie STOP3090)."""
    meldingen, vorige = [], 0
    ouder_naam = _naam(ouder)
    for kind in ouder:
        naam = _naam(kind)
        if naam.startswith("gml:"):
            continue
        if naam not in toegestaan:
            meldingen.append(f"structuur: {naam} hoort niet in {ouder_naam}; STOP 1.3.0 kent daar alleen "
                             f"{', '.join(toegestaan)}")
        elif toegestaan.index(naam) < vorige:
            meldingen.append(f"structuur: {naam} staat in {ouder_naam} op de verkeerde plaats; "
                             f"volgorde: {', '.join(toegestaan)}")
        else:
            vorige = toegestaan.index(naam)
    return meldingen


def _structuur(wortel: ET.Element) -> tuple[list[str], ET.Element | None]:
    """Controleer de opbouw; geef de meldingen en de GeoInformatieObjectVersie."""
    meldingen = []
    if wortel.tag != _q("geo:GeoInformatieObjectVaststelling"):
        return [f"structuur: de wortel moet geo:GeoInformatieObjectVaststelling zijn, niet {wortel.tag}"], None
    if not wortel.get("schemaversie"):
        meldingen.append("structuur: attribuut schemaversie ontbreekt op de wortel")
    context = wortel.find("geo:context/gio:GeografischeContext", NS)
    if context is None:
        meldingen.append("structuur: geo:context/gio:GeografischeContext ontbreekt")
    else:
        if not _tekst(context.find("gio:achtergrondVerwijzing", NS)):
            meldingen.append("structuur: gio:achtergrondVerwijzing ontbreekt of is leeg")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", _tekst(context.find("gio:achtergrondActualiteit", NS))):
            meldingen.append("structuur: gio:achtergrondActualiteit ontbreekt of is geen datum (JJJJ-MM-DD)")
        meldingen.extend(_kinderen(context, CONTEXT_ELEMENTEN))
        nauwkeurigheid = context.find("gio:nauwkeurigheid", NS)
        if nauwkeurigheid is not None and not re.fullmatch(r"[1-9]\d*", _tekst(nauwkeurigheid)):
            meldingen.append(f"structuur: gio:nauwkeurigheid '{_tekst(nauwkeurigheid)}' is geen positief "
                             "geheel aantal decimeters")
    if wortel.find("geo:vastgesteldeVersie/geo:GeoInformatieObjectMutatie", NS) is not None:
        meldingen.append("structuur: een GIO-mutatie wordt door deze export niet gemaakt of gecontroleerd")
    versie = wortel.find("geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie", NS)
    if versie is None:
        return [*meldingen, "structuur: geo:vastgesteldeVersie/geo:GeoInformatieObjectVersie ontbreekt"], None
    meldingen.extend(_kinderen(versie, VERSIE_ELEMENTEN))
    werk = _tekst(versie.find("geo:FRBRWork", NS))
    expressie = _tekst(versie.find("geo:FRBRExpression", NS))
    if not WERK.fullmatch(werk):
        meldingen.append(f"structuur: FRBRWork '{werk}' heeft niet de vorm "
                         "/join/id/regdata/<bevoegd gezag>/<jaar>/<naam>")
    treffer = EXPRESSIE.fullmatch(expressie)
    if not treffer or treffer["werk"] != werk:
        meldingen.append(f"structuur: FRBRExpression '{expressie}' heeft niet de vorm <FRBRWork>/nld@<datum>;<versie>")
    if not versie.findall("geo:locaties/geo:Locatie", NS):
        meldingen.append("structuur: geo:locaties bevat geen enkele geo:Locatie")
    return meldingen, versie


def _groepen_en_normen(versie: ET.Element) -> list[str]:
    meldingen = []
    locaties = versie.findall("geo:locaties/geo:Locatie", NS)
    n = len(locaties)
    met_groep = [loc for loc in locaties if loc.find("geo:groepID", NS) is not None]
    kwantitatief = [loc for loc in locaties if loc.find("geo:kwantitatieveNormwaarde", NS) is not None]
    kwalitatief = [loc for loc in locaties if loc.find("geo:kwalitatieveNormwaarde", NS) is not None]
    if met_groep and len(met_groep) != n:
        meldingen.append(f"STOP3000: {len(met_groep)} van de {n} locaties hebben een groepID; "
                         "dat moeten ze allemaal hebben of geen")
    if kwantitatief and len(kwantitatief) != n:
        meldingen.append(f"STOP3006: {len(kwantitatief)} van de {n} locaties hebben een "
                         "kwantitatieveNormwaarde; alle of geen")
    if kwalitatief and len(kwalitatief) != n:
        meldingen.append(f"STOP3007: {len(kwalitatief)} van de {n} locaties hebben een "
                         "kwalitatieveNormwaarde; alle of geen")

    groepen = versie.findall("geo:groepen/geo:Groep", NS)
    ids = [_tekst(g.find("geo:groepID", NS)) for g in groepen]
    labels = [_tekst(g.find("geo:label", NS)) for g in groepen]
    for gid, aantal in Counter(ids).items():
        if aantal > 1:
            meldingen.append(f"STOP3003: groepID '{gid}' komt {aantal} keer voor in geo:groepen")
    for label, aantal in Counter(labels).items():
        if aantal > 1:
            meldingen.append(f"STOP3004: label '{label}' komt {aantal} keer voor in geo:groepen")
    for gid, label in zip(ids, labels):
        if not GROEP_ID.fullmatch(gid):
            meldingen.append(f"groepID '{gid}' voldoet niet aan het patroon [A-Za-z0-9][A-Za-z0-9_-]*")
        if not label:
            meldingen.append(f"groep '{gid}' heeft geen label")
    gebruikt = {_tekst(loc.find("geo:groepID", NS)) for loc in met_groep}
    for gid in sorted(gebruikt - set(ids)):
        meldingen.append(f"STOP3001: groepID '{gid}' van een locatie staat niet in geo:groepen")
    for gid in ids:
        if gid not in gebruikt:
            meldingen.append(f"STOP3005: groep '{gid}' wordt door geen enkele locatie gebruikt")

    for i, loc in enumerate(locaties, 1):
        normen = sum(len(loc.findall(f"geo:{soort}Normwaarde", NS)) for soort in ("kwantitatieve", "kwalitatieve"))
        if normen > 1:
            meldingen.append(f"STOP3008: locatie {i} heeft meer dan één normwaarde")
        if loc.find("geo:groepID", NS) is not None and normen:
            meldingen.append(f"STOP3012: locatie {i} heeft zowel een groepID als een normwaarde")
        for kwal in loc.findall("geo:kwalitatieveNormwaarde", NS):
            if not _tekst(kwal):
                meldingen.append(f"STOP3010: de kwalitatieveNormwaarde van locatie {i} is leeg")

    heeft = {naam: versie.find(f"geo:{naam}", NS) is not None
             for naam in ("eenheidlabel", "eenheidID", "normlabel", "normID")}
    if kwantitatief and not (heeft["eenheidlabel"] and heeft["eenheidID"]):
        meldingen.append("STOP3009: kwantitatieve normwaarden zonder eenheidlabel en eenheidID")
    if kwalitatief and (heeft["eenheidlabel"] or heeft["eenheidID"]):
        meldingen.append("STOP3015: kwalitatieve normwaarden mogen geen eenheidlabel of eenheidID hebben")
    if (kwantitatief or kwalitatief) and not (heeft["normlabel"] and heeft["normID"]):
        meldingen.append("STOP3011: normwaarden zonder normlabel en normID")
    if not (kwantitatief or kwalitatief) and any(heeft.values()):
        meldingen.append("STOP3016: norm of eenheid aanwezig terwijl geen locatie een normwaarde heeft")
    return meldingen


def _geometrie(wortel: ET.Element, versie: ET.Element) -> list[str]:
    meldingen = []
    for element in wortel.iter():
        if element.tag.startswith(f"{{{NS['gml']}}}"):
            lokaal = element.tag.split("}")[1]
            if lokaal in VERBODEN_GML:
                meldingen.append(f"STOP3090: het optionele gml-element gml:{lokaal} mag niet in een GIO")
            if lokaal in BOGEN:
                meldingen.append(f"STOP3040: gml:{lokaal} (cirkel of boog) is niet toegestaan")
    srs_namen = {e.get("srsName") for e in wortel.iter() if e.get("srsName") is not None}
    for srs in sorted(srs_namen - set(SRS_TOEGESTAAN)):
        meldingen.append(f"STOP3020: srsName '{srs}' is niet toegestaan; alleen {' of '.join(SRS_TOEGESTAAN)}")
    if len(srs_namen) > 1:
        meldingen.append(f"STOP3021: niet alle geometrieën hebben dezelfde srsName ({', '.join(sorted(srs_namen))})")

    ids = []
    for i, loc in enumerate(versie.findall("geo:locaties/geo:Locatie", NS), 1):
        naam = _tekst(loc.find("geo:naam", NS))
        wie = f"locatie {i}" + (f" ('{naam}')" if naam else "")
        geo = loc.find("geo:geometrie/basisgeo:Geometrie", NS)
        if geo is None:
            meldingen.append(f"STOP3019: {wie} heeft geen basisgeo:Geometrie")
            continue
        gid = _tekst(geo.find("basisgeo:id", NS))
        ids.append(gid)
        if not UUID.fullmatch(gid):
            meldingen.append(f"STOP3013: {wie}: basisgeo:id '{gid}' is geen UUID")
        houder = geo.find("basisgeo:geometrie", NS)
        coordinaten = [] if houder is None else [
            g for e in houder.iter() if e.tag in (_q("gml:posList"), _q("gml:pos")) for g in _getallen(e)]
        if houder is None or len(houder) != 1 or not coordinaten:
            meldingen.append(f"STOP3019: {wie} heeft een lege of ontbrekende geometrie")
            continue
        bovenste = houder[0]
        if bovenste.get("srsName") is None:
            meldingen.append(f"STOP3020: {wie}: de bovenste geometrie heeft geen srsName")
        if bovenste.get("srsName") == SRS_RD:
            te_precies = [g for g in coordinaten if not GETAL_RD.fullmatch(g)]
            if te_precies:
                meldingen.append(f"mm: {wie} heeft {len(te_precies)} coördinaten met meer dan 3 decimalen "
                                 f"(bijv. {te_precies[0]}); RD-coördinaten op 1 mm")
        try:
            geometrie = gml_geometrie(bovenste)
        except (ValueError, TypeError, AttributeError, IndexError) as fout:
            meldingen.append(f"geldig: {wie}: geometrie niet te lezen: {fout}")
            continue
        if geometrie.is_empty:
            meldingen.append(f"STOP3019: {wie} heeft een lege geometrie")
        elif not geometrie.is_valid:
            meldingen.append(f"geldig: {wie} heeft een ongeldige geometrie: {shapely.is_valid_reason(geometrie)}")
        langste = _langste_segment(geometrie)
        if langste > MAX_SEGMENT_M:
            meldingen.append(f"200 m: {wie} heeft een lijnstuk van {langste:.1f} m; maximaal {MAX_SEGMENT_M:.0f} m")
    for gid, aantal in Counter(ids).items():
        if aantal > 1:
            meldingen.append(f"STOP3013: basisgeo:id '{gid}' komt {aantal} keer voor; moet uniek zijn")
    return meldingen


def controleer_gio(xml: bytes | str) -> list[str]:
    """Alle overtredingen van de STOP-regels in een GIO (lege lijst = in orde).

    Parameters
    ----------
    xml : bytes or str
        Het GML-document.

    Returns
    -------
    list of str
        Nederlandse meldingen, elk beginnend met de STOP-code of de regel (``structuur``,
        ``mm``, ``200 m``, ``geldig``).
    """
    try:
        wortel = ET.fromstring(xml)
    except ET.ParseError as fout:
        return [f"structuur: geen geldig XML: {fout}"]
    meldingen, versie = _structuur(wortel)
    if versie is None:
        return meldingen
    return [*meldingen, *_groepen_en_normen(versie), *_geometrie(wortel, versie)]
