"""Omgevingsvisie Assen 2040 — toolkit voor ruimtelijke toetsing, kaarten en QGIS/GIO.

De publieke API is klein:

- :func:`lijst_lagen`, :func:`laad_laag`, :func:`metadata` — de lagen van de Visiekaart 2040;
- :func:`vervang_laag`, :func:`gebruik_configuratie`, :func:`herstel_lagen` — eigen
  gemeentelijke data onder dezelfde laagnaam;
- :func:`valideer_laag` — alle problemen van een (eigen) laag tegelijk;
- :class:`InvoerFout`, :class:`BestandOntbreekt`, :class:`UitvoerBestaat` — fouten.
"""

from ._errors import BestandOntbreekt, InvoerFout, OmgevingsvisieFout, UitvoerBestaat
from .catalogus import LAAGNAMEN
from .lagen import Laagdata, gebruik_configuratie, herstel_lagen, huidige, laad_laag, lijst_lagen, metadata, vervang_laag
from .lagen import Probleem, valideer_laag

__version__ = "0.1.0"

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
