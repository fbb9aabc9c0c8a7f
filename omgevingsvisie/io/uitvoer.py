"""Uitvoer veilig schrijven: nooit half, nooit ongevraagd over bestaand werk heen.

Elke schrijvende functie van de toolkit gaat hierdoor: eerst naar een tijdelijk bestand in
dezelfde map, dan in één keer op zijn plaats (``os.replace``). Bestaat het doel al en is
``overschrijf`` niet gezet, dan volgt :class:`UitvoerBestaat` voordat er iets gebeurt.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

from .._errors import UitvoerBestaat


def controleer_doelen(paden: Iterable[os.PathLike | str], *, overschrijf: bool) -> None:
    """Weiger vooraf als een van de doelen al bestaat (alle bestaande in één melding)."""
    bestaand = [str(p) for p in paden if Path(p).exists()]
    if bestaand and not overschrijf:
        raise UitvoerBestaat(
            "Uitvoer bestaat al; gebruik --overschrijf om te vervangen: " + ", ".join(bestaand)
        )


@contextmanager
def atomair_pad(doel: os.PathLike | str, *, overschrijf: bool):
    """Geef een tijdelijk pad naast ``doel``; zet het bij succes op zijn plaats.

    Gaat er iets mis in het ``with``-blok, dan wordt het tijdelijke bestand verwijderd en
    blijft ``doel`` zoals het was.

    Voorbeeld
    ---------
    >>> with atomair_pad("uit/kaart.html", overschrijf=False) as tijdelijk:  # doctest: +SKIP
    ...     kaart.save(tijdelijk)
    """
    doel = Path(doel)
    controleer_doelen([doel], overschrijf=overschrijf)
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, naam = tempfile.mkstemp(prefix=f".{doel.stem}-", suffix=doel.suffix, dir=doel.parent)
    os.close(fd)
    tijdelijk = Path(naam)
    tijdelijk.unlink()  # schrijvers als GDAL willen zelf een nieuw bestand aanmaken
    try:
        yield tijdelijk
        os.replace(tijdelijk, doel)
    finally:
        if tijdelijk.exists():
            tijdelijk.unlink()


def schrijf_tekst(doel: os.PathLike | str, tekst: str, *, overschrijf: bool) -> Path:
    """Schrijf tekst (UTF-8) atomair naar ``doel``."""
    with atomair_pad(doel, overschrijf=overschrijf) as tijdelijk:
        tijdelijk.write_text(tekst, encoding="utf-8")
    return Path(doel)


def schrijf_met(doel: os.PathLike | str, schrijver: Callable[[Path], object], *, overschrijf: bool) -> Path:
    """Laat ``schrijver(tijdelijk_pad)`` het bestand maken en zet het daarna atomair neer."""
    with atomair_pad(doel, overschrijf=overschrijf) as tijdelijk:
        schrijver(tijdelijk)
    return Path(doel)
