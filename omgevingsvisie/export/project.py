"""Het QGIS-project bij de export: lagen gegroepeerd per principe, met Nederlandse namen.

Het project wordt als ``.qgs``-XML opgebouwd zonder QGIS (de toolkit werkt ook zonder QGIS) en
als ``.qgz`` (zip) in de tabel ``qgis_projects`` van de GeoPackage gezet, precies zoals QGIS
dat zelf doet. In QGIS: Browser → GeoPackage → het project dubbelklikken.

Indeling (van boven naar beneden in het lagenpaneel):

- *Toetsresultaat* (alleen als er een toets is meegegeven);
- *Groene stad van het Noorden*, *Dynamische stad*, *Verbonden stad*: elk met een subgroep
  *Visiekaart 2040* (de elementen van dat principe) en de lagen die bij dat principe horen;
- *Milieu*; *Basis* (focusgebieden, gemeentegrens, wijken, buurten, bestaand stedelijk gebied);
- *Achtergrond*: de PDOK BRT-Achtergrondkaart (XYZ-tegels, alleen met internet).

De tekenvolgorde is vast (eigen laagvolgorde): punten boven lijnen boven vlakken, de basislagen
daaronder en de achtergrondkaart onderaan.
"""

from __future__ import annotations

import io
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import quote

from pyproj import CRS as ProjCRS

from .._errors import InvoerFout
from ..catalogus import PRINCIPES
from .qml import DOCTYPE, stijl_elementen
from .tabellen import SOORTEN, ExportTabel

PROJECTNAAM = "Omgevingsvisie Assen 2040"
"""Naam van het project in de tabel ``qgis_projects``."""

GROEP_TOETS = "Toetsresultaat"
GROEP_VISIEKAART = "Visiekaart 2040"
GROEP_MILIEU = "Milieu"
GROEP_BASIS = "Basis"
GROEP_ACHTERGROND = "Achtergrond"

PRINCIPE_LAGEN: dict[str, tuple[str, ...]] = {
    "Groene stad van het Noorden": ("groenstructuur", "natura2000", "energie_zoekgebieden", "hittestress"),
    "Dynamische stad": ("publiekshart", "noordelijke_binnenstad", "woningbouwlocaties", "bedrijventerreinen"),
    "Verbonden stad": ("wijkcentra", "oversteken", "barrieres", "groene_verbindingen", "barrieregebieden"),
}
"""Lagen per principe (§3.1 groen, energie, klimaat; §3.2 binnenstad, wonen, werken; §3.3 wijken, bewegen)."""

MILIEU_LAGEN = ("tt_geluidszone",)
BASIS_LAGEN = ("focusgebieden", "gemeentegrens", "wijken", "buurten", "bestaand_stedelijk_gebied")
VERBORGEN_LAGEN = ("buurten",)
"""Lagen die in het project uit staan (te druk bij openen); aanvinken kan altijd."""

PDOK_NAAM = "PDOK BRT-Achtergrondkaart"
PDOK_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
PDOK_ATTRIBUTIE = "BRT-Achtergrondkaart © Kadaster (PDOK), CC-BY 4.0"

_ID_NAAMRUIMTE = uuid.UUID("0f6e2d1c-6f6d-5d76-8a73-2d7167697331")
_GEOMETRIE = {"punt": "Point", "lijn": "Line", "vlak": "Polygon"}
_SRSID = {28992: "2517", 3857: "3857"}
_QGIS_SLEUTEL = re.compile(r"\|[A-Za-z_]+[=:]")
"""Een ``|sleutel=`` of ``|sleutel:`` die QGIS in een OGR-bron als eigen onderdeel leest (``layername``,
``subset``, ``option:`` …); QGIS kent geen escape daarvoor."""


@dataclass(frozen=True)
class ProjectLaag:
    """Eén laag in het project: een tabel, eventueel gefilterd (``subset``)."""

    id: str
    naam: str
    tabel: ExportTabel | None
    subset: str | None = None
    zichtbaar: bool = True

    @property
    def soort(self) -> str:
        return self.tabel.soort if self.tabel else "achtergrond"


@dataclass
class ProjectGroep:
    """Een groep in het lagenpaneel, met lagen en subgroepen (in die volgorde)."""

    naam: str
    lagen: list[ProjectLaag] = field(default_factory=list)
    subgroepen: list[ProjectGroep] = field(default_factory=list)

    def alle_lagen(self) -> list[ProjectLaag]:
        """Alle lagen van de groep en haar subgroepen, in legendavolgorde."""
        return [*(laag for groep in self.subgroepen for laag in groep.alle_lagen()), *self.lagen]


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", tekst.lower()).strip("_")


def _op_soort(lagen: list[ProjectLaag]) -> list[ProjectLaag]:
    return sorted(lagen, key=lambda laag: SOORTEN.index(laag.soort))


def laag_id(basis: str) -> str:
    """Een laag-id zoals QGIS ze maakt (naam + uuid), vast per naam.

    Kale tabelnamen als id gebruikt QGIS 3.22 niet altijd: die vervangt sommige door een nieuw
    id, waarna ze uit de eigen tekenvolgorde vallen.
    """
    return f"{basis}_{uuid.uuid5(_ID_NAAMRUIMTE, basis)}".replace("-", "_")


def _laag(tabel: ExportTabel) -> ProjectLaag:
    return ProjectLaag(laag_id(tabel.tabel), tabel.titel, tabel, zichtbaar=tabel.laag not in VERBORGEN_LAGEN)


def indeling(tabellen: Sequence[ExportTabel]) -> list[ProjectGroep]:
    """De groepen van het project, van boven naar beneden, met hun lagen.

    Elke tabel komt precies één keer voor, behalve de visiekaart-tabellen: die staan per
    principe gefilterd (``"principe" = '…'``) in de groep van dat principe.
    """
    per_laag: dict[str, list[ExportTabel]] = {}
    for t in tabellen:
        per_laag.setdefault(t.laag, []).append(t)

    def lagen(namen: Sequence[str]) -> list[ProjectLaag]:
        return _op_soort([_laag(t) for n in namen for t in per_laag.get(n, [])])

    groepen = []
    if "toets" in per_laag:
        groepen.append(ProjectGroep(GROEP_TOETS, lagen(["toets"])))
    for principe in PRINCIPES:
        groep = ProjectGroep(principe, lagen(PRINCIPE_LAGEN[principe]))
        visie = [
            ProjectLaag(laag_id(f"{t.tabel}_{_slug(principe)}"), t.titel, t,
                        subset=f'"principe" = {qgis_tekst(principe)}')
            for t in per_laag.get("visiekaart_2040", [])
            if (t.gegevens["principe"] == principe).any()
        ]
        if visie:
            groep.subgroepen.append(ProjectGroep(GROEP_VISIEKAART, _op_soort(visie)))
        groepen.append(groep)
    groepen.append(ProjectGroep(GROEP_MILIEU, lagen(MILIEU_LAGEN)))
    groepen.append(ProjectGroep(GROEP_BASIS, lagen(BASIS_LAGEN)))
    pdok = ProjectLaag(laag_id("pdok_brt_achtergrondkaart"), PDOK_NAAM, None)
    groepen.append(ProjectGroep(GROEP_ACHTERGROND, [pdok]))
    return [g for g in groepen if g.alle_lagen()]


def tekenvolgorde(groepen: Sequence[ProjectGroep]) -> list[ProjectLaag]:
    """Alle lagen van boven (als laatste getekend) naar onder.

    Punten boven lijnen boven vlakken; de basislagen daaronder; de achtergrondkaart onderaan.
    Binnen dezelfde soort geldt de volgorde van het lagenpaneel.
    """
    rij = [(groep.naam, laag) for groep in groepen for laag in groep.alle_lagen()]

    def sleutel(i: int) -> tuple[int, int, int]:
        groep, laag = rij[i]
        rang = {GROEP_BASIS: 1, GROEP_ACHTERGROND: 2}.get(groep, 0)
        return rang, SOORTEN.index(laag.soort) if laag.tabel else 0, i

    return [rij[i][1] for i in sorted(range(len(rij)), key=sleutel)]


def _tekst(ouder: ET.Element, tag: str, tekst: str, **attributen: str) -> ET.Element:
    element = ET.SubElement(ouder, tag, attributen)
    element.text = tekst
    return element


@lru_cache(maxsize=None)
def _crs(epsg: int) -> tuple[str, str]:
    """WKT en naam van een EPSG-stelsel."""
    crs = ProjCRS.from_epsg(epsg)
    return crs.to_wkt(), crs.name


def _srs(ouder: ET.Element, epsg: int) -> None:
    """Een ``<spatialrefsys>``; QGIS leest het stelsel uit ``authid`` (met een geldige ``srsid``)."""
    wkt, naam = _crs(epsg)
    srs = ET.SubElement(ouder, "spatialrefsys")
    _tekst(srs, "wkt", wkt)
    _tekst(srs, "srsid", _SRSID[epsg])
    _tekst(srs, "srid", str(epsg))
    _tekst(srs, "authid", f"EPSG:{epsg}")
    _tekst(srs, "description", naam)
    _tekst(srs, "geographicflag", "false")


def qgis_tekst(waarde: str) -> str:
    """Een tekstwaarde in een QGIS-expressie of -filter: tussen ``'…'``, een ``'`` verdubbeld.

    >>> qgis_tekst("Groene stad van 't Noorden")
    "'Groene stad van ''t Noorden'"
    """
    return "'" + waarde.replace("'", "''") + "'"


def bron_pad(gpkg_naam: str) -> str:
    """Het pad van de GeoPackage in een QGIS-bron: ``./naam``, relatief naast het project.

    QGIS leest de bron ``pad|layername=…|subset=…`` zonder aanhalingstekens: spaties, ``'``, ``"``,
    niet-ASCII en een losse ``|`` in de naam gaan ongewijzigd goed (gecontroleerd met QGIS'
    ``decodeUri``). Alleen een ``|`` direct gevolgd door ``woord=`` of ``woord:`` leest QGIS als
    eigen onderdeel van de bron, en daarvoor bestaat geen escape: zo'n naam wordt geweigerd.

    Raises
    ------
    InvoerFout
        Als de naam zo'n ``|sleutel=`` bevat, of een ``/`` (het moet een bestandsnaam zijn).
    """
    if _QGIS_SLEUTEL.search(gpkg_naam) or "/" in gpkg_naam:
        raise InvoerFout(f"De GeoPackage-naam '{gpkg_naam}' kan niet in het QGIS-project: QGIS leest "
                         "'|woord=' of '|woord:' in een bron als eigen onderdeel. Kies een naam zonder "
                         "'|' gevolgd door een woord met '=' of ':'.")
    return f"./{gpkg_naam}"


def bron_uri(gpkg_naam: str, laag: ProjectLaag) -> str:
    """De QGIS-bron van een laag: relatief pad naar de GeoPackage (:func:`bron_pad`), tabel en filter."""
    if laag.tabel is None:
        return ("crs=EPSG:3857&format&type=xyz&url=" + quote(PDOK_URL, safe=":/")
                + "&zmax=19&zmin=0")
    uri = f"{bron_pad(gpkg_naam)}|layername={laag.tabel.tabel}"
    return uri + (f"|subset={laag.subset}" if laag.subset else "")


def _maplayer(ouder: ET.Element, laag: ProjectLaag, gpkg_naam: str) -> None:
    if laag.tabel is None:
        ml = ET.SubElement(ouder, "maplayer", {"type": "raster", "styleCategories": "AllStyleCategories",
                                               "hasScaleBasedVisibilityFlag": "0", "minScale": "1e+08",
                                               "maxScale": "0"})
    else:
        ml = ET.SubElement(ouder, "maplayer", {
            "type": "vector", "geometry": _GEOMETRIE[laag.tabel.soort],
            "styleCategories": "AllStyleCategories", "hasScaleBasedVisibilityFlag": "0",
            "minScale": "100000000", "maxScale": "0", "labelsEnabled": "0", "readOnly": "0",
        })
    _tekst(ml, "id", laag.id)
    _tekst(ml, "datasource", bron_uri(gpkg_naam, laag))
    _tekst(ml, "layername", laag.naam)
    if laag.tabel is None:
        _tekst(ml, "abstract", "Achtergrondkaart van PDOK (BRT); alleen zichtbaar met internet.")
        _tekst(ml, "attribution", PDOK_ATTRIBUTIE, href="https://www.pdok.nl/")
        _srs(ET.SubElement(ml, "srs"), 3857)
        _tekst(ml, "provider", "wms")
        pijp = ET.SubElement(ml, "pipe")
        ET.SubElement(pijp, "rasterrenderer", {"type": "singlebandcolordata", "opacity": "1",
                                               "alphaBand": "-1", "band": "1"})
        ET.SubElement(pijp, "brightnesscontrast", {"brightness": "0", "contrast": "0", "gamma": "1"})
        _tekst(ml, "blendMode", "0")
        return
    meta = laag.tabel.metadata
    _tekst(ml, "abstract", laag.tabel.omschrijving)
    if meta.get("bron"):
        _tekst(ml, "attribution", meta["bron"], href="")
    _srs(ET.SubElement(ml, "srs"), 28992)
    _tekst(ml, "provider", "ogr", encoding="UTF-8")
    ml.extend(stijl_elementen(laag.tabel))
    _tekst(ml, "blendMode", "0")
    _tekst(ml, "featureBlendMode", "0")
    _tekst(ml, "layerOpacity", "1")


def _boom(ouder: ET.Element, groep: ProjectGroep, gpkg_naam: str) -> None:
    element = ET.SubElement(ouder, "layer-tree-group", {"name": groep.naam, "checked": "Qt::Checked",
                                                         "expanded": "1"})
    for sub in groep.subgroepen:
        _boom(element, sub, gpkg_naam)
    for laag in groep.lagen:
        ET.SubElement(element, "layer-tree-layer", {
            "id": laag.id, "name": laag.naam, "source": bron_uri(gpkg_naam, laag),
            "providerKey": "wms" if laag.tabel is None else "ogr",
            "checked": "Qt::Checked" if laag.zichtbaar else "Qt::Unchecked", "expanded": "1",
        })


def _begrenzing(tabellen: Sequence[ExportTabel]) -> dict[str, str]:
    """Beginbeeld van het project: de gemeentegrens (of alle tabellen) met 5% marge."""
    grens = [t for t in tabellen if t.laag == "gemeentegrens"] or list(tabellen)
    xmin = min(t.gegevens.total_bounds[0] for t in grens)
    ymin = min(t.gegevens.total_bounds[1] for t in grens)
    xmax = max(t.gegevens.total_bounds[2] for t in grens)
    ymax = max(t.gegevens.total_bounds[3] for t in grens)
    marge = 0.05 * max(xmax - xmin, ymax - ymin)
    waarden = {"xmin": xmin - marge, "ymin": ymin - marge, "xmax": xmax + marge, "ymax": ymax + marge}
    return {k: f"{v:.1f}" for k, v in waarden.items()}


def project_xml(tabellen: Sequence[ExportTabel], *, gpkg_naam: str, tijd: datetime | None = None) -> str:
    """Het QGIS-project (``.qgs``-XML) voor de tabellen in de GeoPackage ``gpkg_naam``.

    Parameters
    ----------
    tabellen : sequence of ExportTabel
        De tabellen zoals ze in de GeoPackage staan.
    gpkg_naam : str
        Bestandsnaam (zonder map) van de GeoPackage; lagen verwijzen er relatief naar
        (``./naam.gpkg|layername=…``), zoals QGIS doet voor een project in een GeoPackage.
    tijd : datetime, optional
        Tijdstip van opslaan (standaard nu, UTC).
    """
    tijd = tijd or datetime.now(timezone.utc)
    groepen = indeling(tabellen)
    wortel = ET.Element("qgis", {"projectname": PROJECTNAAM, "version": "3.22.0-Białowieża",
                                 "saveDateTime": tijd.strftime("%Y-%m-%dT%H:%M:%S"),
                                 "saveUser": "omgevingsvisie", "saveUserFull": "omgevingsvisie"})
    ET.SubElement(wortel, "homePath", {"path": ""})
    _tekst(wortel, "title", PROJECTNAAM)
    _srs(ET.SubElement(wortel, "projectCrs"), 28992)

    boom = ET.SubElement(wortel, "layer-tree-group")
    for groep in groepen:
        _boom(boom, groep, gpkg_naam)
    volgorde = ET.SubElement(boom, "custom-order", {"enabled": "1"})
    for laag in tekenvolgorde(groepen):
        _tekst(volgorde, "item", laag.id)

    canvas = ET.SubElement(wortel, "mapcanvas", {"name": "theMapCanvas", "annotationsVisible": "1"})
    _tekst(canvas, "units", "meters")
    begrenzing = _begrenzing(tabellen)
    extent = ET.SubElement(canvas, "extent")
    for sleutel, waarde in begrenzing.items():
        _tekst(extent, sleutel, waarde)
    _tekst(canvas, "rotation", "0")
    _srs(ET.SubElement(canvas, "destinationsrs"), 28992)
    weergave = ET.SubElement(wortel, "ProjectViewSettings", {"UseProjectScales": "0", "rotation": "0"})
    _srs(ET.SubElement(weergave, "DefaultViewExtent", begrenzing), 28992)

    projectlagen = ET.SubElement(wortel, "projectlayers")
    for groep in groepen:
        for laag in groep.alle_lagen():
            _maplayer(projectlagen, laag, gpkg_naam)

    eigenschappen = ET.SubElement(wortel, "properties")
    paden = ET.SubElement(eigenschappen, "Paths")
    _tekst(paden, "Absolute", "false", type="bool")
    srs = ET.SubElement(eigenschappen, "SpatialRefSys")
    _tekst(srs, "ProjectionsEnabled", "1", type="int")

    meta = ET.SubElement(wortel, "projectMetadata")
    _tekst(meta, "identifier", "omgevingsvisie-assen-2040")
    _tekst(meta, "language", "nld")
    _tekst(meta, "type", "project")
    _tekst(meta, "title", PROJECTNAAM)
    _tekst(meta, "abstract", "Lagen van de Visiekaart 2040 van de Omgevingsvisie Assen (2021), "
                             "gegroepeerd per principe. Schematisch en indicatief: nadrukkelijk geen plankaart.")
    _tekst(meta, "author", "omgevingsvisie-toolkit")
    _tekst(meta, "creation", tijd.strftime("%Y-%m-%dT%H:%M:%S"))

    ET.indent(wortel)
    return DOCTYPE + ET.tostring(wortel, encoding="unicode") + "\n"


def qgz(xml: str, *, naam: str = "omgevingsvisie_assen_2040") -> bytes:
    """Het project als ``.qgz``: een zip met één ``.qgs``-bestand."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        info = zipfile.ZipInfo(f"{naam}.qgs", date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archief.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()
