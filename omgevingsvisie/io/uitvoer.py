"""Uitvoer veilig schrijven: nooit half, nooit ongevraagd over bestaand werk heen.

Elke schrijvende functie van de toolkit gaat hierdoor, en alles hier gaat door één mechanisme:
de run van :mod:`omgevingsvisie.io.run`. Loopt er in deze context een run voor de map van het
doel (de CLI opent er één per commando), dan doet het bestand daarin mee en komt het pas op zijn
plaats als de hele run klaar is. Loopt er geen, dan is het bestand een eigen, kleine run: eerst
in een tijdelijke map naast het doel, dan in één keer op zijn plaats (``os.replace``). Bestaat
het doel al en is ``overschrijf`` niet gezet, dan volgt :class:`UitvoerBestaat` voordat er iets
gebeurt.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .._errors import InvoerFout, UitvoerBestaat
from .run import actieve_run, run

__all__ = ["atomair_pad", "controleer_doelen", "schrijf_met", "schrijf_tekst"]


def controleer_doelen(paden: Iterable[os.PathLike | str], *, overschrijf: bool) -> None:
    """Weiger vooraf als een van de doelen al bestaat (alle bestaande in één melding).

    Doelen in de map van een lopende run worden daar gereserveerd (met alle controles van
    :meth:`omgevingsvisie.io.run.Run.reserveer`, ook: nooit een invoerbestand).
    """
    per_run: dict[int, tuple] = {}
    los: list[Path] = []
    for p in map(Path, paden):
        r = actieve_run(p.parent)
        if r is None:
            los.append(p)
        else:
            per_run.setdefault(id(r), (r, []))[1].append(p)
    for r, doelen in per_run.values():
        r.reserveer(doelen, overschrijf=overschrijf)
    mappen = [str(p) for p in los if p.is_dir()]
    if mappen:
        raise InvoerFout("Op de plaats van een uitvoerbestand staat een map: " + ", ".join(mappen))
    bestaand = [str(p) for p in los if os.path.lexists(p)]
    if bestaand and not overschrijf:
        raise UitvoerBestaat(
            "Uitvoer bestaat al; gebruik --overschrijf om te vervangen: " + ", ".join(bestaand)
        )


@contextmanager
def atomair_pad(doel: os.PathLike | str, *, overschrijf: bool) -> Iterator[Path]:
    """Geef een tijdelijk pad (dat nog niet bestaat) voor ``doel``; bij succes komt het op zijn plaats.

    Gaat er iets mis in het ``with``-blok, dan blijft ``doel`` zoals het was en blijft er niets
    tijdelijks achter. Binnen een lopende run voor de map van ``doel`` komt het bestand pas op
    zijn plaats als de run klaar is.

    Voorbeeld
    ---------
    >>> with atomair_pad("uit/kaart.html", overschrijf=False) as tijdelijk:  # doctest: +SKIP
    ...     kaart.save(tijdelijk)
    """
    doel = Path(doel)
    with run(doel.parent, overschrijf=overschrijf) as r:
        yield r.pad(doel, overschrijf=overschrijf)


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
