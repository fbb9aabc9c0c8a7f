"""De adviesalinea: bovenaan elk rapport, in gewone taal, uit het oordeel en de bevindingen.

Eén tekst, één keer gemaakt in :func:`~omgevingsvisie.rapport.json.rapport_json` (het veld
``advies``); HTML, Markdown en PDF tonen dat veld. Platte tekst, niet geëscaped. Deze module
kent alleen de JSON-vorm van de bevindingen (``regel``, ``titel``, ``status``), zodat
:mod:`.json` haar kan gebruiken zonder kring met :mod:`.teksten`.

Voorbeeld
---------
>>> advies_tekst("aandachtspunten", [{"regel": "VS1", "titel": "Barrières", "status": "aandachtspunt"}],
...              indicatief=True)  # doctest: +NORMALIZE_WHITESPACE
'Het plan is niet strijdig met de Omgevingsvisie, maar er is 1 aandachtspunt: VS1 — Barrières. Dat vraagt
uitwerking in het plan of de toelichting. Dit is een signaal op basis van een indicatieve vertaling van de
visiekaart, geen juridisch oordeel.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import tekst
from ..begrippen import regel_label

__all__ = ["SIGNAAL_EIGEN_DATA", "SIGNAAL_INDICATIEF", "advies_tekst", "opsomming"]

SIGNAAL_INDICATIEF = ("Dit is een signaal op basis van een indicatieve vertaling van de visiekaart, "
                      "geen juridisch oordeel.")
"""De slotzin als (een van) de gebruikte lagen de meegeleverde, indicatieve lagen zijn."""
SIGNAAL_EIGEN_DATA = "Dit is een signaal op basis van de kaartlagen van de gemeente, geen juridisch oordeel."
"""De slotzin als alle gebruikte lagen eigen data van de gemeente zijn."""

STRIJDIG = ("Het plan is in deze vorm strijdig met de Omgevingsvisie op {punten}: {regels}. "
            "Pas het plan daarop aan of motiveer waarom het afwijkt.")
AANDACHT_NA_STRIJDIG = "Daarnaast {werkwoord} er {punten}: {regels}."
AANDACHT = "Het plan is niet strijdig met de Omgevingsvisie, maar er {werkwoord} {punten}: {regels}."
AANDACHT_SLOT = "Dat vraagt uitwerking in het plan of de toelichting."
PAST = "Het plan past binnen de Omgevingsvisie: geen strijdige punten en geen aandachtspunten."
ONTBREEKT = "Voor {regels_aantal} ontbreken gegevens in het programma: {regels}. Vul die aan en toets opnieuw."


def opsomming(delen: Sequence[str]) -> str:
    """``"a"``, ``"a en b"``, ``"a, b en c"``; ``""`` bij niets.

    Examples
    --------
    >>> opsomming(["GS1", "DS7", "VS1"])
    'GS1, DS7 en VS1'
    """
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"


def _labels(bevindingen: Iterable[Mapping[str, Any]], status: str) -> list[str]:
    return [regel_label(str(b["regel"]), str(b["titel"])) for b in bevindingen if b["status"] == status]


def advies_tekst(oordeel: str, bevindingen: Sequence[Mapping[str, Any]], *, indicatief: bool) -> str:
    """De adviesalinea van één plan.

    Parameters
    ----------
    oordeel : str
        Een van :data:`~omgevingsvisie.bevinding.OORDELEN`.
    bevindingen : sequence of mapping
        De bevindingen in de JSON-vorm (minstens ``regel``, ``titel``, ``status``).
    indicatief : bool
        Of (een van) de gebruikte lagen indicatief is (``lagen.indicatief`` van het rapport);
        bepaalt de slotzin (:data:`SIGNAAL_INDICATIEF` of :data:`SIGNAAL_EIGEN_DATA`).

    Returns
    -------
    str
        Eén alinea platte tekst: de strijdige punten en aandachtspunten met hun titel en code,
        wat er ontbreekt, en altijd de slotzin dat het een signaal is en geen juridisch oordeel.
    """
    strijdig = _labels(bevindingen, "strijdig")
    aandacht = _labels(bevindingen, "aandachtspunt")
    ontbreekt = _labels(bevindingen, "onvoldoende_gegevens")
    zinnen = []
    if strijdig:
        zinnen.append(STRIJDIG.format(punten=tekst.aantal(len(strijdig), "punt", "punten"),
                                      regels=opsomming(strijdig)))
    if aandacht:
        sjabloon = AANDACHT_NA_STRIJDIG if strijdig else AANDACHT
        zinnen.append(sjabloon.format(werkwoord="is" if len(aandacht) == 1 else "zijn",
                                      punten=tekst.aantal(len(aandacht), "aandachtspunt", "aandachtspunten"),
                                      regels=opsomming(aandacht)))
        zinnen.append(AANDACHT_SLOT)
    if oordeel == "voldoet" and not strijdig and not aandacht:
        zinnen.append(PAST)
    if ontbreekt:
        zinnen.append(ONTBREEKT.format(regels_aantal=tekst.aantal(len(ontbreekt), "regel", "regels"),
                                       regels=opsomming(ontbreekt)))
    zinnen.append(SIGNAAL_INDICATIEF if indicatief else SIGNAAL_EIGEN_DATA)
    return " ".join(zinnen)
