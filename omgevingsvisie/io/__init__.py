"""Alles wat een bestand raakt: vectordata lezen, rasters openen, atomair schrijven, cachestempels, sjablonen.

Andere modules lezen of schrijven nooit zelf een bestand; ze gaan via deze laag, zodat
foutmeldingen (Nederlands, met het pad) en het nooit-half-geschreven-gedrag op één plek staan.
"""

from .raster import open_raster
from .sjablonen import sjabloon_omgeving, sjabloontekst
from .stempel import stempel
from .toml import lees_toml
from .uitvoer import atomair_pad, controleer_doelen, schrijf_met, schrijf_tekst
from .vector import lees_bestand

__all__ = ["atomair_pad", "controleer_doelen", "lees_bestand", "lees_toml", "open_raster", "schrijf_met", "schrijf_tekst",
           "sjabloon_omgeving", "sjabloontekst", "stempel"]
