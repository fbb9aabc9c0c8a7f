"""Jinja2-omgevingen op de sjablonen van een subpakket (de map ``sjablonen/`` in dat pakket).

Het rapport en de kaarten bouwen hun HTML uit sjablonen met autoescape; de omgeving daarvoor
komt van hier, omdat hij de sjabloonbestanden leest. Een omgeving leest pas een bestand als
er een sjabloon wordt opgevraagd; de aanroeper maakt hem lui (bijv. met
:func:`functools.lru_cache`), zodat bij import niets wordt gelezen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2

__all__ = ["SJABLOONMAP", "sjabloon_omgeving", "sjabloontekst"]

SJABLOONMAP = "sjablonen"
"""De map met sjablonen binnen een subpakket."""


def sjabloon_omgeving(pakket: str, *, filters: Mapping[str, Callable[..., Any]] | None = None,
                      globalen: Mapping[str, Any] | None = None,
                      finalize: Callable[[Any], Any] | None = None) -> jinja2.Environment:
    """Een nieuwe Jinja2-omgeving op ``<pakket>/sjablonen/``, met autoescape.

    Onbekende namen in een sjabloon zijn een fout (:class:`jinja2.StrictUndefined`); regels
    met alleen een blokopdracht (``{% if %}`` e.d.) laten geen witregel achter.

    Parameters
    ----------
    pakket : str
        Importnaam van het subpakket, bijvoorbeeld ``"omgevingsvisie.rapport"``.
    filters : mapping of str to callable, optional
        Extra filters voor de sjablonen.
    globalen : mapping of str to object, optional
        Namen die in elk sjabloon bekend zijn.
    finalize : callable, optional
        Bewerkt de uitkomst van elke ``{{ … }}`` vóór het autoescapen (zie
        :class:`jinja2.Environment`); bijvoorbeeld om ook accolades te escapen.

    Returns
    -------
    jinja2.Environment
        Nog zonder gelezen bestanden.
    """
    omgeving = jinja2.Environment(loader=jinja2.PackageLoader(pakket, SJABLOONMAP), autoescape=True,
                                  undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                  keep_trailing_newline=True, finalize=finalize)
    omgeving.filters.update(filters or {})
    omgeving.globals.update(globalen or {})
    return omgeving


def sjabloontekst(omgeving: jinja2.Environment, naam: str) -> str:
    """De letterlijke tekst van een bestand in de sjablonenmap (bijv. een stijlblad), niet gerenderd.

    Raises
    ------
    jinja2.TemplateNotFound
        Als het bestand er niet is.
    """
    tekst, _, _ = omgeving.loader.get_source(omgeving, naam)
    return tekst
