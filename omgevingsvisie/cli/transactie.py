"""De uitvoer van een commando als één run: alles of niets, één tegelijk, nooit over invoer heen.

Elk schrijvend commando (``toets``, ``kaart …``, ``export …``, ``analyse …``) zet zijn hele werk
in :func:`uitvoer_run`: een :func:`omgevingsvisie.io.run.run` op de map van ``--uitvoer`` met
alle invoer van het commando (ook ``--lagen`` en de bestanden van vervangen lagen, en de
meegeleverde GeoPackage) en met SIGINT/SIGTERM als nette afbreking. Na een afbreking volgt één
Nederlandse regel op stderr en exitcode ``128 + signaal``: 130 bij Ctrl-C (SIGINT), 143 bij
SIGTERM, zoals een shell het meldt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..io.run import Run

__all__ = ["invoer_van_lagen", "uitvoer_run"]


def invoer_van_lagen() -> list[Path]:
    """De bestanden waaruit de lagen nu komen: ``--lagen``, de vervangen lagen en de meegeleverde GeoPackage."""
    from ..lagen import GPKG_NAAM, data_map, vervangingen

    ctx = click.get_current_context(silent=True)
    configuratie = ctx.find_root().params.get("configuratie") if ctx is not None else None
    return [*([Path(configuratie)] if configuratie else []), *(v.pad for v in vervangingen().values()),
            data_map() / GPKG_NAAM]


@contextmanager
def uitvoer_run(map_: os.PathLike | str, *, overschrijf: bool,
                invoer: Iterable[os.PathLike | str | None] = ()) -> Iterator[Run]:
    """Eén run voor het hele commando in ``map_`` (zie :func:`omgevingsvisie.io.run.run`).

    Parameters
    ----------
    map_ : path-like
        De map waarin de uitvoer komt (bij één bestand: de map van dat bestand).
    overschrijf : bool
        ``--overschrijf``.
    invoer : iterable of path-like
        De invoerbestanden van het commando (``None`` telt niet); de lagen komen er vanzelf bij.

    Raises
    ------
    click.exceptions.Exit
        Na SIGINT of SIGTERM, met een melding op stderr en exitcode ``128 + signaal``.
    """
    from ..io.run import Afgebroken, run

    try:
        with run(map_, overschrijf=overschrijf, invoer=[*invoer, *invoer_van_lagen()], signalen=True) as r:
            yield r
    except Afgebroken as afbreking:
        if afbreking.voltooid:
            gevolg = f"de nieuwe uitvoer stond al compleet in {map_}"
        else:
            gevolg = f"er is niets veranderd in {map_}"
        click.echo(f"Afgebroken ({afbreking}): {gevolg}.", err=True)
        raise click.exceptions.Exit(afbreking.exitcode) from None
