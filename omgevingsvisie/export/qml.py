"""QGIS-stijlen (QML) uit het ene kleurenschema van :mod:`omgevingsvisie.stijl`.

Een laag met een categorie krijgt een gecategoriseerde stijl (QGIS ``categorizedSymbol``):

=====================  ===========  ===============================================
laag                   veld         kleuren
=====================  ===========  ===============================================
``visiekaart_2040_*``  element      :data:`~omgevingsvisie.stijl.ELEMENT_KLEUREN`
``barrieres``          soort        :data:`~omgevingsvisie.stijl.BARRIERE_KLEUREN`
``groenstructuur``     type         :data:`~omgevingsvisie.stijl.GROEN_KLEUREN`
``bedrijventerreinen`` status       :data:`~omgevingsvisie.stijl.BEDRIJVEN_KLEUREN`
``oversteken``         soort        :data:`~omgevingsvisie.stijl.OVERSTEEK_KLEUREN`
``toets_initiatieven`` oordeel      :data:`~omgevingsvisie.stijl.OORDEEL_KLEUREN`
``toets_bevindingen_*`` status      :data:`~omgevingsvisie.stijl.STATUS_KLEUREN`
=====================  ===========  ===============================================

Heeft (eigen) data het categorieveld niet, dan krijgt de laag één symbool. Alle andere lagen
krijgen één symbool (``singleSymbol``) uit
:data:`~omgevingsvisie.stijl.LAAG_STIJLEN`. Lijndiktes gaan van pixels (kaart) naar
millimeters (QGIS) met factor 0,26, zoals :class:`~omgevingsvisie.stijl.Stijl` beschrijft.

Het XML volgt wat QGIS 3.22 zelf schrijft: symboollagen dragen hun eigenschappen zowel als
``<Option>``-map als als oude ``<prop>``-elementen, zodat ook oudere QGIS-versies ze lezen.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..stijl import (
    BARRIERE_KLEUREN,
    BEDRIJVEN_KLEUREN,
    GROEN_KLEUREN,
    LAAG_STIJLEN,
    OORDEEL_KLEUREN,
    OVERSTEEK_KLEUREN,
    STATUS_KLEUREN,
    Stijl,
    element_kleur,
)
from .tabellen import ExportTabel

PX_NAAR_MM = 0.26
"""Lijndikte: pixels in de folium-kaart × 0,26 = millimeters in QGIS."""

PUNT_GROOTTE_MM = 3.0
"""Diameter van puntsymbolen in QGIS."""

QGIS_VERSIE = "3.22.0-Białowieża"
"""De QGIS-versie waarvan dit XML-formaat is afgekeken (oudere 3.x lezen het ook)."""

_VAST = {
    "barrieres": ("soort", BARRIERE_KLEUREN),
    "groenstructuur": ("type", GROEN_KLEUREN),
    "bedrijventerreinen": ("status", BEDRIJVEN_KLEUREN),
    "oversteken": ("soort", OVERSTEEK_KLEUREN),
}
"""Lagen met een vaste categorie: veld en kleur per waarde (zonder dat veld: één symbool)."""

_TOETS_STIJL = Stijl(vulling="#000000", lijn="#000000", dekking=0.5, lijndikte=2.0)
_PLANGEBIED_STIJL = Stijl(vulling="#000000", lijn="#000000", dekking=0.15, lijndikte=3.0)

DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
"""De doctype-regel waarmee QGIS QML- en projectbestanden begint."""

_GEOMETRIETYPE = {"punt": "0", "lijn": "1", "vlak": "2"}
_SYMBOOLTYPE = {"punt": "marker", "lijn": "line", "vlak": "fill"}
_LEGE_SCHAAL = "3x:0,0,0,0,0,0"


@dataclass(frozen=True)
class Symbool:
    """Hoe één categorie (of de hele laag) wordt getekend, in QGIS-termen.

    Attributes
    ----------
    soort : str
        ``"punt"``, ``"lijn"`` of ``"vlak"``.
    vulling : str or None
        Vulkleur (hex); ``None`` = geen vulling (alleen vlakken).
    lijn : str
        Lijn- of omtrekkleur (hex).
    dekking : float
        Dekking van de vulling (vlakken, punten), 0–1.
    dikte_mm : float
        Lijndikte in millimeters.
    streep_mm : tuple of float
        Streeppatroon (lijn, tussenruimte, …) in millimeters; leeg = doorgetrokken.
    """

    soort: str
    vulling: str | None
    lijn: str
    dekking: float
    dikte_mm: float
    streep_mm: tuple[float, ...] = ()


@dataclass(frozen=True)
class Categorie:
    """Eén waarde van het categorieveld met label en symbool."""

    waarde: str
    label: str
    symbool: Symbool


def _symbool(soort: str, stijl: Stijl, kleur: str | None = None, *, omtrek_in_kleur: bool = False) -> Symbool:
    """Een :class:`Symbool` uit een :class:`Stijl`, eventueel met de kleur van een categorie.

    Voor lijnen wordt de categoriekleur de lijnkleur, voor vlakken en punten de vulkleur
    (en met ``omtrek_in_kleur`` ook de omtrek).
    """
    streep = tuple(round(float(d) * PX_NAAR_MM, 3) for d in (stijl.streep or "").split())
    dikte = round(stijl.lijndikte * PX_NAAR_MM, 3)
    if soort == "lijn":
        return Symbool(soort, None, kleur or stijl.lijn, 1.0, dikte, streep)
    vulling = kleur or stijl.vulling
    if soort == "punt" and vulling is None:
        vulling = stijl.lijn
    lijn = kleur if (kleur and omtrek_in_kleur) else stijl.lijn
    return Symbool(soort, vulling, lijn, stijl.dekking if vulling else 0.0, dikte, streep)


def _label(waarde: str) -> str:
    return waarde.replace("_", " ")


def categorieen(tabel: ExportTabel) -> tuple[str | None, list[Categorie]]:
    """Categorieveld en categorieën van een tabel; ``(None, [één categorie])`` bij één symbool."""
    gdf, soort = tabel.gegevens, tabel.soort
    if tabel.laag == "visiekaart_2040":
        stijl = LAAG_STIJLEN["visiekaart_2040"]
        principe_van: dict[str, str] = {}  # per element het principe waarbij het het eerst voorkomt
        for element, principe in zip(gdf["element"].astype(str), gdf["principe"].astype(str)):
            principe_van.setdefault(element, principe)
        return "element", [
            Categorie(e, e, _symbool(soort, stijl, element_kleur(e, p), omtrek_in_kleur=True))
            for e, p in principe_van.items()
        ]
    if tabel.laag in _VAST and _VAST[tabel.laag][0] in gdf.columns:
        veld, kleuren = _VAST[tabel.laag]
        stijl = LAAG_STIJLEN[tabel.laag]
        return veld, [Categorie(w, _label(w), _symbool(soort, stijl, k)) for w, k in kleuren.items()]
    if tabel.tabel == "toets_initiatieven":
        return "oordeel", [Categorie(w, _label(w), _symbool(soort, _PLANGEBIED_STIJL, k, omtrek_in_kleur=True))
                           for w, k in OORDEEL_KLEUREN.items()]
    if tabel.laag == "toets":
        return "status", [Categorie(w, _label(w), _symbool(soort, _TOETS_STIJL, k, omtrek_in_kleur=True))
                          for w, k in STATUS_KLEUREN.items()]
    return None, [Categorie("", tabel.titel, _symbool(soort, LAAG_STIJLEN[tabel.laag]))]


def qgis_kleur(hexkleur: str, dekking: float = 1.0) -> str:
    """``#rrggbb`` en een dekking 0–1 als QGIS-kleur ``"r,g,b,a"``."""
    h = hexkleur.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(dekking * 255)}"


def _getal(x: float) -> str:
    return f"{x:g}"


def _eigenschappen(s: Symbool) -> tuple[str, dict[str, str]]:
    """Klasse en eigenschappen van de QGIS-symboollaag voor ``s``."""
    if s.soort == "lijn":
        return "SimpleLine", {
            "capstyle": "round", "joinstyle": "round",
            "line_color": qgis_kleur(s.lijn), "line_style": "solid",
            "line_width": _getal(s.dikte_mm), "line_width_unit": "MM",
            "use_custom_dash": "1" if s.streep_mm else "0",
            "customdash": ";".join(_getal(d) for d in s.streep_mm) or "5;2",
            "customdash_unit": "MM", "customdash_map_unit_scale": _LEGE_SCHAAL,
            "offset": "0", "offset_unit": "MM", "offset_map_unit_scale": _LEGE_SCHAAL,
            "width_map_unit_scale": _LEGE_SCHAAL,
        }
    vulling = qgis_kleur(s.vulling, s.dekking) if s.vulling else "0,0,0,0"
    if s.soort == "punt":
        return "SimpleMarker", {
            "name": "circle", "angle": "0", "color": vulling,
            "outline_color": qgis_kleur(s.lijn), "outline_style": "solid",
            "outline_width": _getal(s.dikte_mm), "outline_width_unit": "MM",
            "outline_width_map_unit_scale": _LEGE_SCHAAL,
            "size": _getal(PUNT_GROOTTE_MM), "size_unit": "MM", "size_map_unit_scale": _LEGE_SCHAAL,
            "scale_method": "diameter", "horizontal_anchor_point": "1", "vertical_anchor_point": "1",
            "joinstyle": "bevel", "offset": "0,0", "offset_unit": "MM",
            "offset_map_unit_scale": _LEGE_SCHAAL,
        }
    return "SimpleFill", {
        "color": vulling, "style": "solid" if s.vulling else "no",
        "outline_color": qgis_kleur(s.lijn), "outline_style": "dash" if s.streep_mm else "solid",
        "outline_width": _getal(s.dikte_mm), "outline_width_unit": "MM",
        "border_width_map_unit_scale": _LEGE_SCHAAL, "joinstyle": "bevel",
        "offset": "0,0", "offset_unit": "MM", "offset_map_unit_scale": _LEGE_SCHAAL,
    }


def symbool_xml(s: Symbool, naam: str) -> ET.Element:
    """Het ``<symbol>``-element voor ``s`` (met ``<Option>``- én ``<prop>``-eigenschappen)."""
    klasse, eigenschappen = _eigenschappen(s)
    symbool = ET.Element("symbol", {"type": _SYMBOOLTYPE[s.soort], "name": naam, "alpha": "1",
                                    "clip_to_extent": "1", "force_rhr": "0"})
    laag = ET.SubElement(symbool, "layer", {"class": klasse, "enabled": "1", "locked": "0", "pass": "0"})
    opties = ET.SubElement(laag, "Option", {"type": "Map"})
    for sleutel, waarde in eigenschappen.items():
        ET.SubElement(opties, "Option", {"name": sleutel, "type": "QString", "value": waarde})
    for sleutel, waarde in eigenschappen.items():
        ET.SubElement(laag, "prop", {"k": sleutel, "v": waarde})
    return symbool


def renderer_xml(tabel: ExportTabel) -> ET.Element:
    """Het ``<renderer-v2>``-element van een tabel (voor QML en QGIS-project)."""
    veld, lijst = categorieen(tabel)
    basis = {"symbollevels": "0", "forceraster": "0", "enableorderby": "0", "referencescale": "-1"}
    if veld is None:
        renderer = ET.Element("renderer-v2", {"type": "singleSymbol", **basis})
        ET.SubElement(renderer, "symbols").append(symbool_xml(lijst[0].symbool, "0"))
    else:
        renderer = ET.Element("renderer-v2", {"type": "categorizedSymbol", "attr": veld, **basis})
        lijstje = ET.SubElement(renderer, "categories")
        symbolen = ET.SubElement(renderer, "symbols")
        for i, c in enumerate(lijst):
            ET.SubElement(lijstje, "category", {"value": c.waarde, "label": c.label,
                                                 "symbol": str(i), "render": "true"})
            symbolen.append(symbool_xml(c.symbool, str(i)))
        bron = _symbool(tabel.soort, LAAG_STIJLEN.get(tabel.laag, _TOETS_STIJL))
        ET.SubElement(renderer, "source-symbol").append(symbool_xml(bron, "0"))
    ET.SubElement(renderer, "rotation")
    ET.SubElement(renderer, "sizescale")
    return renderer


def weergave_expressie(tabel: ExportTabel) -> str:
    """Expressie waarmee QGIS een feature aanduidt (identificeren, attributentabel)."""
    for veld in ("naam", "element", "titel"):
        if veld in tabel.gegevens.columns:
            return f'"{veld}"'
    return "$id"


def stijl_elementen(tabel: ExportTabel) -> list[ET.Element]:
    """De stijlelementen die zowel in de QML als in de ``<maplayer>`` van het project staan."""
    weergave = ET.Element("previewExpression")
    weergave.text = weergave_expressie(tabel)
    geometrie = ET.Element("layerGeometryType")
    geometrie.text = _GEOMETRIETYPE[tabel.soort]
    return [renderer_xml(tabel), weergave, geometrie]


def qml(tabel: ExportTabel) -> str:
    """Het complete QML-document (tekst) met de stijl van een tabel."""
    wortel = ET.Element("qgis", {"version": QGIS_VERSIE, "styleCategories": "Symbology"})
    wortel.extend(stijl_elementen(tabel))
    ET.indent(wortel)
    return DOCTYPE + ET.tostring(wortel, encoding="unicode") + "\n"
