"""Het officiële STOP-orakel voor de tests: elke GIO langs de STOP 1.3.0-XSD en -Schematron.

- :func:`valideer_xsd` — ``imop-geo.xsd`` met lxml; alle imports (GML 3.2.1, basisgeometrie,
  ISO 19139) komen via de XML-catalogi uit ``STOP_MAP`` (``XML_CATALOG_FILES``, gezet in
  ``tests/conftest.py`` vóór lxml), zonder netwerk;
- :func:`valideer_schematron` — ``imop-geo.sch`` (de bedrijfsregels STOP3000–STOP3090). Die is
  XSLT 2 (``queryBinding="xslt2"``); lxml kan dat niet, SaxonC-HE (``saxonche``) wel. De
  Schematron wordt met de ISO-referentie-XSLT's in drie stappen een validatie-XSLT
  (``iso_dsdl_include.xsl`` → ``iso_abstract_expand.xsl`` → ``iso_svrl_for_xslt2.xsl``),
  één keer per testsessie; die draait op de GIO en geeft een SVRL-verslag. Een overtreding is
  een ``svrl:failed-assert`` (een ``sch:assert`` die niet geldt) of een
  ``svrl:successful-report`` (een ``sch:report`` die afgaat; STOP gebruikt die voor verboden,
  zoals STOP3090). Alle regels van ``imop-geo.sch`` hebben ``role="fout"``.

Beide geven een lijst meldingen; leeg is geldig. Ontbreekt de map met de schema's, dan faalt de
test met een duidelijke melding (hij wordt niet overgeslagen).
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from lxml import etree

from conftest import STOP_MAP

XSD = STOP_MAP / "1.3.0" / "imop-geo.xsd"
SCHEMATRON = STOP_MAP / "1.3.0" / "imop-geo.sch"
XSLT = STOP_MAP / "xslt"
SCHEMATRON_STAPPEN = ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl", "iso_svrl_for_xslt2.xsl")
"""De ISO-Schematron-referentie-XSLT's, in de volgorde waarin ze over de .sch gaan."""
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


def _controleer_map() -> None:
    if not XSD.is_file() or not SCHEMATRON.is_file():
        raise FileNotFoundError(
            f"De STOP 1.3.0-schema's ontbreken in {STOP_MAP} (verwacht shared/referentie/stop naast de "
            "repository); zonder het officiële orakel kan een GIO niet worden gecontroleerd.")
    if "stop-catalog.xml" not in os.environ.get("XML_CATALOG_FILES", ""):
        raise RuntimeError("XML_CATALOG_FILES wijst niet naar de STOP-catalogi; tests/conftest.py zet die "
                           "vóór het eerste gebruik van lxml.")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False)


@functools.cache
def _xsd() -> etree.XMLSchema:
    _controleer_map()
    return etree.XMLSchema(etree.parse(str(XSD), _parser()))


def valideer_xsd(pad: str | os.PathLike) -> list[str]:
    """De fouten van een GIO tegen ``imop-geo.xsd`` (STOP 1.3.0); leeg = geldig.

    Parameters
    ----------
    pad : path-like
        Het GML-bestand.

    Returns
    -------
    list of str
        ``"regel N: <melding van libxml2>"`` per fout.
    """
    schema = _xsd()
    if schema.validate(etree.parse(str(pad), _parser())):
        return []
    return [f"regel {fout.line}: {fout.message}" for fout in schema.error_log]


@functools.cache
def _schematron():
    """De gecompileerde validatie-XSLT van ``imop-geo.sch`` (één keer per sessie)."""
    from saxonche import PySaxonProcessor  # pakket saxonche (SaxonC-HE), test-extra

    _controleer_map()
    processor = PySaxonProcessor(license=False)
    xslt = processor.new_xslt30_processor()
    eerste, *rest = SCHEMATRON_STAPPEN
    # de eerste stap leest het bestand zelf, zodat includes relatief aan de .sch worden opgelost
    tekst = xslt.compile_stylesheet(stylesheet_file=str(XSLT / eerste)).transform_to_string(
        source_file=str(SCHEMATRON))
    for stap in rest:
        tekst = xslt.compile_stylesheet(stylesheet_file=str(XSLT / stap)).transform_to_string(
            xdm_node=processor.parse_xml(xml_text=tekst))
    # de processor moet blijven leven zolang de gecompileerde XSLT wordt gebruikt
    return processor, xslt.compile_stylesheet(stylesheet_text=tekst)


def _melding(element: etree._Element) -> str:
    """``"STOP3000: <melding>"``; de STOP-tekst is een JSON-fragment met ``code`` en ``melding``."""
    code = element.get("id") or "?"
    tekst = " ".join("".join(element.find("svrl:text", SVRL).itertext()).split())
    try:
        tekst = json.loads(tekst.rstrip(","))["melding"]
    except (ValueError, KeyError, TypeError):
        pass
    return f"{code}: {tekst}"


def valideer_schematron(pad: str | os.PathLike) -> list[str]:
    """De overtredingen van een GIO tegen ``imop-geo.sch`` (STOP 1.3.0); leeg = in orde.

    Parameters
    ----------
    pad : path-like
        Het GML-bestand.

    Returns
    -------
    list of str
        ``"<regel-id>: <melding>"`` per ``svrl:failed-assert`` en ``svrl:successful-report``.

    Raises
    ------
    AssertionError
        Als de Schematron op het bestand geen enkele regel heeft laten afgaan: dan heeft hij
        het niet echt gecontroleerd (bijv. een verkeerde namespace).
    """
    _, validatie = _schematron()
    verslag = etree.fromstring(validatie.transform_to_string(source_file=str(Path(pad).resolve())).encode("utf-8"))
    assert verslag.find("svrl:fired-rule", SVRL) is not None, f"geen enkele STOP-regel ging af op {pad}"
    return [_melding(e) for e in verslag.iterfind("svrl:failed-assert", SVRL)] + [
        _melding(e) for e in verslag.iterfind("svrl:successful-report", SVRL)]


def laad() -> None:
    """Laad de XSD en compileer de Schematron nu (gecachet); faalt meteen als iets ontbreekt."""
    _xsd()
    _schematron()


def valideer(pad: str | os.PathLike) -> list[str]:
    """XSD en Schematron samen: alle meldingen, ``"xsd: …"`` en ``"schematron: …"``."""
    return [f"xsd: {m}" for m in valideer_xsd(pad)] + [f"schematron: {m}" for m in valideer_schematron(pad)]
