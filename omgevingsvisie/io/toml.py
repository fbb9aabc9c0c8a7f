"""TOML lezen (parameters, laagconfiguratie) met één Nederlandse foutmelding."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .._errors import InvoerFout
from .veilig import controleer_invoerbestand

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["lees_toml"]


def lees_toml(pad: str | os.PathLike, *, wat: str = "Bestand") -> dict[str, Any]:
    """Lees een TOML-bestand.

    Parameters
    ----------
    pad : path-like
        Het bestand.
    wat : str
        Hoe het bestand in meldingen heet, bijvoorbeeld ``"Parameterbestand"``.

    Raises
    ------
    BestandOntbreekt
        Het bestand bestaat niet.
    InvoerFout
        Het is geen geldige TOML (of geen UTF-8); de melding noemt regel en kolom.
    """
    pad = Path(pad)
    controleer_invoerbestand(pad, wat=wat)  # ook: een FIFO meteen weigeren
    try:
        return tomllib.loads(pad.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as fout:
        raise InvoerFout(f"{wat} {pad} is geen geldige TOML: {fout}") from None
