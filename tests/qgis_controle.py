"""Controleer een geëxporteerde GeoPackage in echte QGIS (PyQGIS).

Draait met Debians ``/usr/bin/python3`` (daar staat ``python3-qgis``), niet met de Python van
de toolkit; ``tests/test_export_qgis.py`` start dit script in een subproces met
``QT_QPA_PLATFORM=offscreen``. Alleen de standaardbibliotheek en ``qgis`` worden gebruikt.

Gebruik::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_controle.py UIT.gpkg VERWACHT.json

``VERWACHT.json`` bevat ``tabellen`` (tabel → {titel, aantal}), ``project`` (naam),
``groepen`` (groepnamen van boven naar beneden), ``lagen`` (groep → laagnamen, subgroepen als
``"Groep/Subgroep"``), ``subsets`` (``"Groep/Subgroep/Laagnaam"`` → aantal features na filter)
en ``achtergrond``
(naam van de achtergrondlaag). Het script schrijft JSON naar stdout:
``{"qgis": versie, "problemen": [...], "gecontroleerd": {...}}``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import xml.etree.ElementTree as ET

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsProject,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

GEOMETRIE = {"0": "marker", "1": "line", "2": "fill"}


def kleur(qcolor) -> str:
    """Een QColor als ``"r,g,b,a"`` (zoals in QML)."""
    return f"{qcolor.red()},{qcolor.green()},{qcolor.blue()},{qcolor.alpha()}"


def qml_verwachting(qml: str) -> dict:
    """Renderer, veld en categorieën (waarde, label, kleuren) zoals de QML ze voorschrijft."""
    wortel = ET.fromstring(qml)
    renderer = wortel.find("renderer-v2")
    symbolen = {s.get("name"): s for s in renderer.find("symbols")}

    def symbool(s) -> dict:
        laag = s.find("layer")
        props = {p.get("k"): p.get("v") for p in laag.findall("prop")}
        opties = {o.get("name"): o.get("value") for o in laag.find("Option").findall("Option")}
        if props != opties:
            raise ValueError("Option- en prop-eigenschappen verschillen in de QML")
        hoofd = props.get("color") or props.get("line_color")
        return {"type": s.get("type"), "klasse": laag.get("class"), "kleur": hoofd,
                "omtrek": props.get("outline_color")}

    verwacht = {"type": renderer.get("type"), "veld": renderer.get("attr"),
                "geometrie": GEOMETRIE[wortel.findtext("layerGeometryType")]}
    if verwacht["type"] == "categorizedSymbol":
        verwacht["categorieen"] = [
            {"waarde": c.get("value"), "label": c.get("label"), **symbool(symbolen[c.get("symbol")])}
            for c in renderer.find("categories")
        ]
    else:
        verwacht["symbool"] = symbool(symbolen["0"])
    return verwacht


def symbool_feiten(symbool) -> dict:
    laag = symbool.symbolLayer(0)
    props = laag.properties()
    hoofd = props.get("color") or props.get("line_color")
    return {"type": {0: "marker", 1: "line", 2: "fill"}[int(symbool.type())], "klasse": laag.layerType(),
            "kleur": hoofd, "omtrek": props.get("outline_color")}


def vergelijk_renderer(laag: QgsVectorLayer, verwacht: dict, wie: str) -> list[str]:
    """Verschillen tussen de renderer van een QGIS-laag en de QML."""
    renderer = laag.renderer()
    if renderer is None:
        return [f"{wie}: geen renderer"]
    if renderer.type() != verwacht["type"]:
        return [f"{wie}: renderer {renderer.type()}, verwacht {verwacht['type']} (stijl niet toegepast?)"]
    problemen = []
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        if renderer.classAttribute() != verwacht["veld"]:
            problemen.append(f"{wie}: categorieveld {renderer.classAttribute()}, verwacht {verwacht['veld']}")
        gevonden = [{"waarde": str(c.value()), "label": c.label(), **symbool_feiten(c.symbol())}
                    for c in renderer.categories()]
        if gevonden != verwacht["categorieen"]:
            problemen.append(f"{wie}: categorieën wijken af van de QML: {gevonden} != {verwacht['categorieen']}")
    elif isinstance(renderer, QgsSingleSymbolRenderer):
        gevonden = symbool_feiten(renderer.symbol())
        if gevonden != verwacht["symbool"]:
            problemen.append(f"{wie}: symbool wijkt af van de QML: {gevonden} != {verwacht['symbool']}")
    return problemen


def controleer_tabellen(gpkg: str, verwacht: dict, stijlen: dict) -> tuple[list[str], int]:
    """Open elke tabel los (zoals slepen naar QGIS): geldig, RD, aantal, standaardstijl."""
    problemen, aantal = [], 0
    for tabel, info in verwacht["tabellen"].items():
        laag = QgsVectorLayer(f"{gpkg}|layername={tabel}", info["titel"], "ogr")
        wie = f"tabel {tabel}"
        if not laag.isValid():
            problemen.append(f"{wie}: laag ongeldig in QGIS")
            continue
        aantal += 1
        if laag.crs().authid() != "EPSG:28992":
            problemen.append(f"{wie}: CRS {laag.crs().authid()}, verwacht EPSG:28992")
        if laag.featureCount() != info["aantal"]:
            problemen.append(f"{wie}: {laag.featureCount()} features, verwacht {info['aantal']}")
        if tabel not in stijlen:
            problemen.append(f"{wie}: geen stijl in layer_styles")
            continue
        problemen += vergelijk_renderer(laag, qml_verwachting(stijlen[tabel]), wie)
    return problemen, aantal


def boom(groep: QgsLayerTreeGroup, pad: str = "") -> dict[str, list[str]]:
    """Groep (pad) → laagnamen, voor alle groepen onder ``groep``."""
    uitkomst = {}
    for kind in groep.children():
        if isinstance(kind, QgsLayerTreeGroup):
            naam = f"{pad}/{kind.name()}" if pad else kind.name()
            uitkomst[naam] = [k.name() for k in kind.children() if isinstance(k, QgsLayerTreeLayer)]
            uitkomst.update(boom(kind, naam))
    return uitkomst


def pad(knoop) -> str:
    """Groepspad van een knoop in de lagenboom, bijv. ``Dynamische stad/Visiekaart 2040``."""
    namen = []
    ouder = knoop.parent()
    while ouder is not None and ouder.parent() is not None:
        namen.insert(0, ouder.name())
        ouder = ouder.parent()
    return "/".join(namen)


def controleer_project(gpkg: str, verwacht: dict, stijlen: dict) -> tuple[list[str], int]:
    """Open het project uit de GeoPackage: groepen, namen, geldigheid, CRS, stijl, volgorde."""
    project = QgsProject.instance()
    if not project.read(f"geopackage:{gpkg}?projectName={verwacht['project']}"):
        return [f"project '{verwacht['project']}' niet te openen: {project.error()}"], 0
    problemen = []
    if project.crs().authid() != "EPSG:28992":
        problemen.append(f"project-CRS {project.crs().authid()}, verwacht EPSG:28992")
    wortel = project.layerTreeRoot()
    groepen = [k.name() for k in wortel.children() if isinstance(k, QgsLayerTreeGroup)]
    if groepen != verwacht["groepen"]:
        problemen.append(f"groepen {groepen}, verwacht {verwacht['groepen']}")
    gevonden = boom(wortel)
    for groep, namen in verwacht["lagen"].items():
        if gevonden.get(groep) != namen:
            problemen.append(f"groep {groep}: lagen {gevonden.get(groep)}, verwacht {namen}")

    aantal = 0
    for laag in project.mapLayers().values():
        wie = f"projectlaag '{laag.name()}'"
        if not laag.isValid():
            problemen.append(f"{wie}: ongeldig ({laag.source()})")
            continue
        aantal += 1
        if isinstance(laag, QgsRasterLayer):
            if laag.name() != verwacht["achtergrond"] or laag.providerType() != "wms" \
                    or "service.pdok.nl/brt/achtergrondkaart" not in laag.source():
                problemen.append(f"{wie}: verwacht de PDOK BRT-Achtergrondkaart (wms/xyz), bron {laag.source()}")
            continue
        if laag.crs().authid() != "EPSG:28992":
            problemen.append(f"{wie}: CRS {laag.crs().authid()}, verwacht EPSG:28992")
        tabel = laag.source().split("layername=")[1].split("|")[0]
        if laag.subsetString():
            plek = f"{pad(wortel.findLayer(laag.id()))}/{laag.name()}"
            if laag.featureCount() != verwacht["subsets"].get(plek):
                problemen.append(f"{wie}: {laag.featureCount()} features na filter '{laag.subsetString()}', "
                                 f"verwacht {verwacht['subsets'].get(plek)} ({plek})")
        elif laag.featureCount() != verwacht["tabellen"][tabel]["aantal"]:
            problemen.append(f"{wie}: {laag.featureCount()} features, verwacht {verwacht['tabellen'][tabel]['aantal']}")
        problemen += vergelijk_renderer(laag, qml_verwachting(stijlen[tabel]), wie)

    volgorde = wortel.customLayerOrder() if wortel.hasCustomLayerOrder() else []
    if not volgorde:
        problemen.append("geen eigen tekenvolgorde in het project")
    else:
        buiten = sorted(l.name() for l in project.mapLayers().values() if l not in volgorde)
        if buiten:
            problemen.append(f"lagen ontbreken in de tekenvolgorde: {buiten}")
        soorten = [l.geometryType() if isinstance(l, QgsVectorLayer) else 9 for l in volgorde]
        if isinstance(volgorde[-1], QgsVectorLayer):
            problemen.append("de achtergrondkaart wordt niet als onderste getekend")
        punten = [i for i, s in enumerate(soorten) if s == 0]
        vlakken = [i for i, s in enumerate(soorten) if s == 2]
        if punten and vlakken and max(punten) > min(vlakken):
            problemen.append("niet alle punten worden boven alle vlakken getekend")
    return problemen, aantal


def main(gpkg: str, verwacht_pad: str) -> dict:
    with open(verwacht_pad, encoding="utf-8") as f:
        verwacht = json.load(f)
    db = sqlite3.connect(gpkg)
    stijlen = dict(db.execute("SELECT f_table_name, styleQML FROM layer_styles ORDER BY useAsDefault"))
    db.close()
    app = QgsApplication([], False)
    app.initQgis()
    problemen, tabellen = controleer_tabellen(gpkg, verwacht, stijlen)
    project_problemen, projectlagen = controleer_project(gpkg, verwacht, stijlen)
    uitkomst = {"qgis": Qgis.QGIS_VERSION, "problemen": problemen + project_problemen,
                "gecontroleerd": {"tabellen": tabellen, "projectlagen": projectlagen}}
    QgsProject.instance().clear()
    app.exitQgis()
    return uitkomst


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False))
