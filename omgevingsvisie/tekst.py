"""Nederlandse tekst voor getallen, maten en aantallen: één plek voor de hele toolkit.

Regels, rapporten, kaarten, analyses en de CLI schrijven getallen allemaal via deze functies,
zodat "1.234,5 m²", "77 m", "12,5%" en "1 aandachtspunt" overal hetzelfde zijn. De uitvoer is
platte tekst; escapen voor HTML, Markdown, CSV of XML doet de schrijver.

Voorbeelden
-----------
>>> getal(1234.5, 1)
'1.234,5'
>>> getal(412.0, 2)
'412'
>>> meters(76.6)
'77 m'
>>> m2(25_000)
'2,5 ha'
>>> procent(12.26)
'12,3%'
>>> aantal(1, "aandachtspunt", "aandachtspunten")
'1 aandachtspunt'
>>> aantal(3, "aandachtspunt", "aandachtspunten")
'3 aandachtspunten'
"""

from __future__ import annotations

import math

__all__ = ["aantal", "factor", "getal", "hectare", "m2", "meters", "procent"]


def getal(x: float, decimalen: int = 0, *, vast: bool = False) -> str:
    """Een getal in Nederlandse notatie: duizendtallen met een punt, decimalen met een komma.

    Parameters
    ----------
    x : float
        Het getal.
    decimalen : int
        Aantal decimalen.
    vast : bool
        Houd nullen achter de komma (``"2,50"``); standaard vallen ze weg (``"2,5"``,
        ``"412"``).

    Returns
    -------
    str
        Bijvoorbeeld ``"1.234,5"``; ``"onbekend"`` voor NaN of oneindig.

    Examples
    --------
    >>> getal(-0.04, 1)
    '0'
    >>> getal(2.5, 2, vast=True)
    '2,50'
    """
    if x is None or not math.isfinite(x):
        return "onbekend"
    tekst = f"{x:,.{decimalen}f}"
    if decimalen and not vast:
        tekst = tekst.rstrip("0").rstrip(".")
    if tekst in ("-0", "-0.0"):
        tekst = "0"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def meters(x: float, *, decimalen: int = 0) -> str:
    """Een afstand: ``"77 m"``; vanaf 10 km in km (``"12,3 km"``); oneindig is ``"onbekend"``."""
    if x is None or not math.isfinite(x):
        return "onbekend"
    if abs(x) >= 10_000:
        return f"{getal(x / 1000, 1)} km"
    return f"{getal(x, decimalen)} m"


def m2(x: float) -> str:
    """Een oppervlakte: tot 1 ha in m² (``"850 m²"``), daarboven in ha (``"2,5 ha"``)."""
    if x is None or not math.isfinite(x):
        return "onbekend"
    return f"{getal(x)} m²" if abs(x) < 10_000 else hectare(x)


def hectare(x: float, decimalen: int = 1) -> str:
    """Een oppervlakte in hectare uit m²: ``hectare(25_000)`` → ``"2,5 ha"``."""
    return f"{getal(x / 1e4, decimalen)} ha"


def procent(x: float, decimalen: int = 1) -> str:
    """Een percentage (0–100): ``"12,3%"``."""
    return f"{getal(x, decimalen)}%"


def factor(x: float, decimalen: int = 2) -> str:
    """Een verhouding zoals een omrijfactor: ``"1,35"``; oneindig is ``"onbereikbaar"``."""
    if x is None or not math.isfinite(x):
        return "onbereikbaar"
    return getal(x, decimalen, vast=True)


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """Een aantal met het juiste getal van het woord: ``"1 aandachtspunt"``, ``"2 aandachtspunten"``."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"
