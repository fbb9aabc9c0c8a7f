"""De lagen van de Visiekaart 2040: laden, vervangen door eigen data, valideren en bouwen.

- :mod:`.register` — welke data nu geldt (meegeleverd of vervangen) en het laden ervan,
  als losse functies of als :class:`Laagdata` die de orkestratie aan de andere kamers geeft;
- :mod:`.validatie` — alle problemen van een (eigen) laag tegelijk; weet niets van het register;
- :mod:`.bouw` — de meegeleverde GeoPackage bouwen uit ``lagen/bron/``.

Voorbeelden
-----------
>>> from omgevingsvisie import lagen
>>> lagen.laad_laag("wijken").crs.to_epsg()
28992
>>> lagen.vervang_laag("groenstructuur", "mijn_groen.gpkg")  # doctest: +SKIP
"""

from ..io import lees_bestand
from .register import (
    GPKG_NAAM,
    Laagdata,
    Vervanging,
    data_map,
    gebruik_configuratie,
    herstel_lagen,
    huidige,
    laad_laag,
    lees_configuratie,
    lijst_lagen,
    metadata,
    valideer_laag,
    vervang_laag,
    vervangingen,
)
from .validatie import Probleem, buiten_gemeente, naar_rd, problemen_van_laag, reden_ongeldig

__all__ = [
    "GPKG_NAAM",
    "Laagdata",
    "Probleem",
    "Vervanging",
    "buiten_gemeente",
    "data_map",
    "gebruik_configuratie",
    "herstel_lagen",
    "huidige",
    "laad_laag",
    "lees_bestand",
    "lees_configuratie",
    "lijst_lagen",
    "metadata",
    "naar_rd",
    "problemen_van_laag",
    "reden_ongeldig",
    "valideer_laag",
    "vervang_laag",
    "vervangingen",
]
