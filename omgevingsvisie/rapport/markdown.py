"""Het Markdown-rapport: tekst om in een advies of omgevingsplan-concept te plakken.

Alle tekst uit de invoer gaat door :func:`md_tekst`: één regel, controletekens zichtbaar
(``\\x1b``), HTML-tekens als entiteit en de Markdown-tekens met een backslash, zodat een naam of
toelichting de opmaak niet breekt en geen terminal bestuurt.

Voorbeeld
---------
>>> md_tekst("a|b <i>")
'a\\\\|b &lt;i&gt;'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from ..bevinding import ToetsResultaat
from ..io.veilig import zichtbaar
from .json import naar_json, rapport_json
from .teksten import (
    OORDEEL_ZINNEN,
    STATUS_LABELS,
    oppervlakte_tekst,
    programma_regels,
    telling_tekst,
    toon_waarde,
    voettekst_delen,
    waarde_label,
)

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["maak_markdown", "md_tekst", "rapport_markdown"]

_MD_SPECIAAL = re.compile(r"([\\`*_\[\]|#~])")
_MD_REGELBEGIN = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_tekst(tekst: Any, *, regelbegin: bool = False) -> str:
    """Tekst veilig voor Markdown.

    Eén regel (witruimte samengevoegd), controletekens zichtbaar (ESC als ``\\x1b``, zie
    :func:`~omgevingsvisie.io.veilig.zichtbaar`), ``<``, ``>`` en ``&`` als HTML-entiteit, de tekens
    ``\\ ` * _ [ ] | # ~`` met een backslash; met ``regelbegin`` (de tekst begint een regel) ook
    een begin dat een lijst of kop zou maken (``1.``, ``-``, ``+``, ``=``).
    """
    t = zichtbaar(" ".join(str(tekst).split()))
    t = escape(t, quote=False)
    t = _MD_SPECIAAL.sub(r"\\\1", t)
    if regelbegin:
        t = _MD_REGELBEGIN.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", t)
    return t


def _md_initiatief(initiatief: Mapping[str, Any]) -> list[str]:
    regels = [f"- Oppervlakte: {md_tekst(oppervlakte_tekst(initiatief['oppervlakte_m2']))}",
              f"- Focusgebieden: {md_tekst(', '.join(initiatief['focusgebieden']) or 'geen')}"]
    return regels + [f"- {md_tekst(k)}: {md_tekst(v)}" for k, v in programma_regels(initiatief)]


def _md_tabel(bevindingen: Sequence[Mapping[str, Any]]) -> list[str]:
    regels = ["| Regel | Status | Titel | Toelichting | Bron |", "|---|---|---|---|---|"]
    for b in bevindingen:
        status = STATUS_LABELS[b["status"]]
        if b["status"] == "strijdig":
            status = f"**{status}**"
        regels.append(f"| {md_tekst(b['regel'])} | {status} | {md_tekst(b['titel'])} | "
                      f"{md_tekst(b['toelichting'])} | {md_tekst(b['bron'])} |")
    return regels


def _md_paragraaf(bevinding: Mapping[str, Any], waarden: Mapping[str, Any]) -> list[str]:
    regels = [f"### {md_tekst(bevinding['regel'])} {md_tekst(bevinding['titel'])} "
              f"({STATUS_LABELS[bevinding['status']]})", "", md_tekst(bevinding["toelichting"], regelbegin=True), ""]
    if waarden:
        gemeten = "; ".join(f"{waarde_label(k).lower()} {toon_waarde(v, k)}" for k, v in waarden.items())
        regels += [f"Gemeten waarden: {md_tekst(gemeten)}.", ""]
    return regels + [f"Bron: {md_tekst(bevinding['bron'])}", ""]


def rapport_markdown(resultaat: ToetsResultaat, *, laagdata: Mapping[str, gpd.GeoDataFrame] | None = None,
                     lagen_info: Mapping[str, Any] | None = None) -> str:
    """Het rapport als Markdown, om in een advies te plakken.

    Oordeel, het initiatief, een tabel van alle bevindingen (regel, status, titel,
    toelichting, bron) en per strijdige bevinding en aandachtspunt een korte paragraaf met de
    gemeten waarden. Tekst uit de invoer wordt geëscaped (zie :func:`md_tekst`).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    laagdata, lagen_info
        Zie :func:`~omgevingsvisie.rapport.json.rapport_json` (één van beide); bepaalt de voettekst.

    Returns
    -------
    str
        Markdown (CommonMark met GFM-tabel).
    """
    return maak_markdown(rapport_json(resultaat, laagdata=laagdata, lagen_info=lagen_info, met_geometrie=False),
                         resultaat)


def maak_markdown(rapport: Mapping[str, Any], resultaat: ToetsResultaat) -> str:
    """De Markdown-tekst uit een (al gemaakt) JSON-rapport van ``resultaat``."""
    bevindingen = rapport["bevindingen"]
    telling = md_tekst(telling_tekst(rapport["aantallen"]) or "geen bevindingen")
    regels = [f"# Toets Omgevingsvisie Assen 2040: {md_tekst(rapport['initiatief']['naam'])}", "",
              f"**Oordeel: {rapport['oordeel']}** — {telling}.",
              "", md_tekst(OORDEEL_ZINNEN[rapport["oordeel"]]), "", "## Initiatief", "",
              *_md_initiatief(rapport["initiatief"]), "", "## Bevindingen", ""]
    regels += (_md_tabel(bevindingen) + [""]) if bevindingen else ["Geen bevindingen.", ""]
    punten = [(j, b) for j, b in zip(bevindingen, resultaat.bevindingen)
              if j["status"] in ("strijdig", "aandachtspunt")]
    if punten:
        regels += ["## Strijdige punten en aandachtspunten", ""]
        for j, b in punten:
            regels += _md_paragraaf(j, naar_json(dict(b.waarden)))
    regels += ["---", "", *(f"*{md_tekst(z)}*" + "  " for z in voettekst_delen(rapport["lagen"])),
               f"*Gemaakt met omgevingsvisie-assen {md_tekst(rapport['versie'])}.*", ""]
    return "\n".join(regels)

