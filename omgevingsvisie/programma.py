"""De velden van het programma van een initiatief: één lijst voor invoer, toets, rapport en export.

Elke plek die programmavelden opsomt (de controle van de invoer, de samenvatting van een
toetsresultaat, het rapport) leest ze hier, zodat een nieuw veld op één plek wordt toegevoegd.

Voorbeelden
-----------
>>> VELDEN["woningen"].label, VELDEN["woningen"].soort
('Woningen', <class 'int'>)
>>> "naam" in NAMEN
False
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AANTALLEN", "NAMEN", "VELDEN", "Veld"]


@dataclass(frozen=True)
class Veld:
    """Eén programmaveld.

    Attributes
    ----------
    naam : str
        De eigenschap in de invoer (ONTWERP §4), bijvoorbeeld ``"sociale_huur"``.
    soort : type
        Het type van de genormaliseerde waarde: ``tuple`` (namen), ``int``, ``float``,
        ``str`` of ``bool``.
    label : str
        Hoe het veld in rapporten en kaarten heet.
    """

    naam: str
    soort: type
    label: str


_VELDEN = (
    Veld("functies", tuple, "Functies"),
    Veld("woningen", int, "Woningen"),
    Veld("sociale_huur", int, "Sociale huurwoningen"),
    Veld("bvo_detailhandel_m2", float, "Bvo detailhandel"),
    Veld("bvo_kantoor_m2", float, "Bvo kantoor"),
    Veld("bvo_leisure_m2", float, "Bvo leisure"),
    Veld("milieucategorie", str, "Milieucategorie"),
    Veld("groen_pct", float, "Groen na realisatie"),
    Veld("groen_dak_m2", float, "Groen dak"),
    Veld("waterberging_mm", float, "Waterberging"),
    Veld("bomen_kap", int, "Te kappen bomen"),
    Veld("bomen_plant", int, "Te planten bomen"),
    Veld("energieneutraal", bool, "Energieneutraal"),
    Veld("aardgasvrij", bool, "Aardgasvrij"),
    Veld("lv_verbinding", bool, "Nieuwe loop- of fietsverbinding of oversteek"),
)

VELDEN: dict[str, Veld] = {v.naam: v for v in _VELDEN}
"""De programmavelden op naam, in de volgorde van ONTWERP §4 (zo staan ze ook in het rapport)."""

NAMEN: tuple[str, ...] = tuple(VELDEN)
"""De namen van de programmavelden, in volgorde."""

AANTALLEN: tuple[str, ...] = tuple(v.naam for v in _VELDEN if v.soort is int)
"""Velden die aantallen zijn: ``120.0`` (uit een kolom met lege waarden) wordt ``120``."""
