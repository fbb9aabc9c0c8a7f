"""Eén cachestempel voor "bewaar tot het bestand verandert".

Een cache die op :func:`stempel` sleutelt, vervalt vanzelf zodra een bestand wordt vervangen,
aangepast of verwijderd: pad, wijzigingstijd (ns) en grootte veranderen dan.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["stempel"]


def stempel(pad: str | os.PathLike | None) -> tuple[str, int, int] | tuple[str, None, None] | None:
    """Sleutel die verandert zodra het bestand verandert.

    Parameters
    ----------
    pad : path-like or None
        Het bestand; ``None`` geeft ``None`` (geen bestand, dus niets om op te letten).

    Returns
    -------
    tuple
        ``(absoluut pad, st_mtime_ns, st_size)``; voor een ontbrekend bestand
        ``(absoluut pad, None, None)``.

    Examples
    --------
    >>> stempel(None) is None
    True
    >>> stempel("bestaat/niet.gpkg")[1:]
    (None, None)
    """
    if pad is None:
        return None
    pad = Path(pad).resolve()
    try:
        st = pad.stat()
    except FileNotFoundError:
        return str(pad), None, None
    return str(pad), st.st_mtime_ns, st.st_size
