"""De teksten die het HTML- en het Markdown-rapport delen: labels, zinnen, getallen met eenheid.

Alles hier is platte tekst, niet geëscaped: dat doet het sjabloon (HTML, autoescape) of
:func:`~omgevingsvisie.rapport.markdown.md_tekst`. Getallen gaan via :mod:`omgevingsvisie.tekst`.

Voorbeelden
-----------
>>> toon_waarde(1234.5, "overlap_m2")
'1.234,5 m²'
>>> waarde_label("groen_pct_min")
'Groen minimum'
>>> telling_tekst({"aandachtspunt": 1, "voldoet": 3})
'1 aandachtspunt, 3 voldoet'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import programma, tekst
from ..bevinding import STATUSSEN
from .json import EENHEDEN, INITIATIEF_KOP, STANDAARD_DECIMALEN, eenheid

__all__ = ["DISCLAIMER", "OORDEEL_ZINNEN", "STATUS_LABELS", "oppervlakte_tekst", "programma_regels",
           "telling_tekst", "toon_waarde", "voettekst_delen", "waarde_label"]

STATUS_LABELS = {s: s.replace("_", " ") for s in STATUSSEN}
"""De status zoals die in een rapport staat (``"onvoldoende gegevens"``)."""
TEL_VOLGORDE = ("strijdig", "aandachtspunt", "voldoet", "onvoldoende_gegevens", "niet_van_toepassing")
"""Volgorde van de aantallen in zinnen: eerst wat aandacht vraagt."""
TEL_WOORDEN = {s: (STATUS_LABELS[s], STATUS_LABELS[s]) for s in STATUSSEN} | {
    "aandachtspunt": ("aandachtspunt", "aandachtspunten")}
"""Enkelvoud en meervoud per status, voor :func:`omgevingsvisie.tekst.aantal`."""
OORDEEL_ZINNEN = {
    "voldoet": "Het initiatief past binnen de Omgevingsvisie: geen strijdige punten en geen aandachtspunten.",
    "aandachtspunten": "Het initiatief is niet strijdig met de Omgevingsvisie, maar heeft aandachtspunten.",
    "strijdig": "Het initiatief is op één of meer punten strijdig met de Omgevingsvisie.",
}
DISCLAIMER = ("De lagen zijn een indicatieve vertaling van de Visiekaart 2040 van de Omgevingsvisie "
              "Assen „Assen nog mooier” (2021) — net als de visiekaart zelf nadrukkelijk geen plankaart "
              "en niet bedoeld voor uitspraken op perceelniveau.")
ALLES_EIGEN_DATA = "Alle gebruikte lagen zijn eigen data van de gemeente; zie hieronder de bronnen."
ONBEKEND = "—"
"""Wat er staat voor een ontbrekende waarde."""
OPPERVLAKTE_DECIMALEN_HA = 2

_LABEL_WOORDEN = {"min": "minimum", "max": "maximum", "bsg": "bestaand stedelijk gebied", "lv": "loop/fiets",
                  "bvo": "bvo", "pct": ""}


def toon_waarde(waarde: Any, sleutel: str = "") -> str:
    """Een (JSON-)waarde als leesbare Nederlandse tekst, met de eenheid uit de sleutel.

    ``None`` → ``"—"``, ``True`` → ``"ja"``, ``1234.5`` bij ``overlap_m2`` → ``"1.234,5 m²"``.
    Niet geëscaped.

    Examples
    --------
    >>> toon_waarde(12.3456, "overlap_pct"), toon_waarde(True), toon_waarde(None)
    ('12,3%', 'ja', '—')
    """
    e = eenheid(sleutel)
    if waarde is None:
        return ONBEKEND
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, float)):
        if e is None:
            return tekst.getal(waarde, 0 if isinstance(waarde, int) else STANDAARD_DECIMALEN)
        symbool, decimalen = e
        return tekst.procent(waarde, decimalen) if symbool == "%" else f"{tekst.getal(waarde, decimalen)} {symbool}"
    if isinstance(waarde, list):
        return ", ".join(toon_waarde(w, sleutel) for w in waarde) or ONBEKEND
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {toon_waarde(v, k if eenheid(k) else sleutel)}" for k, v in waarde.items()) or ONBEKEND
    return str(waarde)


def waarde_label(sleutel: str) -> str:
    """Leesbaar label van een waarde-sleutel zonder eenheid: ``groen_pct_min`` → ``"Groen minimum"``."""
    woorden = str(sleutel).split("_")
    if eenheid(sleutel):  # het laatste eenheidswoord valt weg; de eenheid staat bij de waarde
        laatste = max(i for i, w in enumerate(woorden) if w.lower() in EENHEDEN)
        woorden = woorden[:laatste] + woorden[laatste + 1:]
    label = " ".join(w for w in (_LABEL_WOORDEN.get(w.lower(), w) for w in woorden) if w) or str(sleutel)
    return label[:1].upper() + label[1:]


def oppervlakte_tekst(m2: float | None) -> str:
    """``"9 ha (90.000 m²)"``; ``"—"`` als de oppervlakte onbekend is."""
    if m2 is None:
        return ONBEKEND
    return f"{tekst.hectare(m2, OPPERVLAKTE_DECIMALEN_HA)} ({tekst.getal(m2, 1)} m²)"


def programma_regels(initiatief: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, tekst) voor het programma: alles behalve naam, oppervlakte, focusgebieden, geometrie.

    Onbekende waarden (``None``) en lege lijsten worden weggelaten.
    """
    regels = []
    for k, v in initiatief.items():
        if k in INITIATIEF_KOP or k == "geometrie_wgs84" or v is None or v == []:
            continue
        label = programma.VELDEN[k].label if k in programma.VELDEN else waarde_label(k)
        regels.append((label, toon_waarde(v, k)))
    return regels


def telling_tekst(telling: Mapping[str, int]) -> str:
    """``"2 strijdig, 1 aandachtspunt, 5 voldoet"``; statussen met aantal 0 vallen weg (alles 0: ``""``)."""
    return ", ".join(tekst.aantal(telling[s], *TEL_WOORDEN[s]) for s in TEL_VOLGORDE if telling.get(s))


def voettekst_delen(lagen: Mapping[str, Any]) -> list[str]:
    """Zinnen voor de voettekst over de lagen (de ``lagen``-sleutel van het JSON-rapport)."""
    delen = [DISCLAIMER if lagen.get("indicatief") else ALLES_EIGEN_DATA]
    versie = f", versie {lagen['versie']}" if lagen.get("versie") else ""
    delen.append(f"Lagen: {lagen.get('bron')}{versie}.")
    vervangen = lagen.get("vervangen") or {}
    if vervangen:
        delen.append("Vervangen door eigen data: " + "; ".join(f"{n} ({b})" for n, b in vervangen.items()) + ".")
    return delen
