"""Omgevingsvisie Assen 2040 — toolkit voor ruimtelijke toetsing, kaarten en QGIS/GIO.

De publieke API is klein:

- :func:`lijst_lagen`, :func:`laad_laag`, :func:`metadata` — de lagen van de Visiekaart 2040;
- :func:`vervang_laag`, :func:`gebruik_configuratie`, :func:`herstel_lagen` — eigen
  gemeentelijke data onder dezelfde laagnaam;
- :func:`valideer_laag` — alle problemen van een (eigen) laag tegelijk;
- :func:`huidige` — de lagen zoals ze nu gelden, als :class:`Laagdata` voor toets, kaarten,
  rapporten, analyses en exports;
- :class:`InvoerFout`, :class:`BestandOntbreekt`, :class:`UitvoerBestaat` — fouten.
"""

from typing import TYPE_CHECKING

from ._errors import BestandOntbreekt, InvoerFout, OmgevingsvisieFout, UitvoerBestaat
from .catalogus import LAAGNAMEN

if TYPE_CHECKING:
    from .lagen import Laagdata, gebruik_configuratie, herstel_lagen, huidige, laad_laag, lijst_lagen, metadata
    from .lagen import Probleem, valideer_laag, vervang_laag

__version__ = "0.1.0"

# De namen uit .lagen laden pas bij het eerste gebruik (PEP 562): .lagen trekt geopandas mee,
# en `omgevingsvisie --help` (dat dit pakket importeert) moet zonder geopandas direct antwoorden.
_UIT_LAGEN = frozenset({"Laagdata", "Probleem", "gebruik_configuratie", "herstel_lagen", "huidige", "laad_laag",
                        "lijst_lagen", "metadata", "valideer_laag", "vervang_laag"})


def __getattr__(naam: str) -> object:
    if naam in _UIT_LAGEN:
        from . import lagen

        waarde = getattr(lagen, naam)
        globals()[naam] = waarde
        return waarde
    raise AttributeError(f"module {__name__!r} heeft geen attribuut {naam!r}")


__all__ = [
    "LAAGNAMEN",
    "BestandOntbreekt",
    "InvoerFout",
    "Laagdata",
    "OmgevingsvisieFout",
    "Probleem",
    "UitvoerBestaat",
    "__version__",
    "gebruik_configuratie",
    "herstel_lagen",
    "huidige",
    "laad_laag",
    "lijst_lagen",
    "metadata",
    "valideer_laag",
    "vervang_laag",
]
