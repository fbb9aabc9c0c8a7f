"""Rapporten van een toets: JSON (stabiel schema), HTML (voor de raad) en Markdown (voor een advies).

Eén :class:`~omgevingsvisie.bevinding.ToetsResultaat` wordt:

- :func:`rapport_json` — een ``dict`` met het stabiele schema uit ONTWERP §5, dat andere
  programma's lezen (zie ``docs/rapport.md`` en ``docs/rapport.schema.json``);
- :func:`rapport_html` — één zelfstandige HTML-pagina (Jinja2-sjabloon met autoescape) met
  oordeel, initiatief, een kleine statische kaart (inline SVG) en de bevindingen per principe;
  geen JavaScript, geen externe bestanden, werkt offline en print goed;
- :func:`rapport_markdown` — tekst om in een advies te plakken.

Voor een bestand met meerdere initiatieven: :func:`samenvatting` (één rij per initiatief) en
:func:`schrijf_rapporten` (alle rapporten plus samenvatting, atomair, niets half).

Het rapport leest het lagenregister niet: de aanroeper geeft de lagen waarmee getoetst is
mee als ``laagdata`` (een :class:`~omgevingsvisie.lagen.Laagdata`). Alle tekst uit de invoer
(naam, toelichting, bron, attributen van lagen) wordt geëscaped.

De modules: :mod:`.json` (schema, waarden, GeoJSON), :mod:`.herkomst` (de ``lagen``-sleutel),
:mod:`.teksten` (labels en getallen voor HTML en Markdown), :mod:`.html` met
``sjablonen/``, :mod:`.svgkaart`, :mod:`.markdown` en :mod:`.schrijven`.

Voorbeeld
---------
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.rapport import rapport_json, schrijf_rapporten  # doctest: +SKIP
>>> schrijf_rapporten(resultaten, "uit", laagdata=lagen.huidige(), formaten=("json", "html"))  # doctest: +SKIP
"""

from .herkomst import beschrijf_lagen
from .html import rapport_html
from .json import geojson_wgs84, json_tekst, naar_json, rapport_json
from .markdown import md_tekst, rapport_markdown
from .schrijven import (FORMATEN, GERESERVEERD, SAMENVATTING_KOLOMMEN, bestandsnaam, bestandsnamen, rapportbestanden,
                        samenvatting, schrijf_rapporten)
from .teksten import DISCLAIMER

__all__ = [
    "DISCLAIMER",
    "FORMATEN",
    "GERESERVEERD",
    "SAMENVATTING_KOLOMMEN",
    "beschrijf_lagen",
    "bestandsnaam",
    "bestandsnamen",
    "geojson_wgs84",
    "json_tekst",
    "md_tekst",
    "naar_json",
    "rapport_html",
    "rapport_json",
    "rapport_markdown",
    "rapportbestanden",
    "samenvatting",
    "schrijf_rapporten",
]
