"""De parameters van de analyses: ``parameters.toml`` naast deze module.

Zelfde vorm en dezelfde lader als het regelboek (:func:`omgevingsvisie.regels.parameters.laad_parameters`):
per sectie (``uhi``, ``koele_plek``, ``groen``, ``klasse_bos`` …) parameters met waarde,
eenheid en bron. Een eigen bestand met alleen de afwijkende waarden vult de standaard aan.

Voorbeelden
-----------
>>> p = laad_analyse_parameters()
>>> p("uhi", "venster_m")
700.0
>>> p.parameter("groen", "per_woning_m2").bron[:16]
'Rijksrichtgetal '
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..regels.parameters import Parameters, laad_parameters

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["STANDAARD", "Parameters", "laad_analyse_parameters"]

STANDAARD = Path(__file__).with_name("parameters.toml")


def laad_analyse_parameters(eigen: str | os.PathLike | None = None, *,
                            laagdata: Mapping[str, gpd.GeoDataFrame] | None = None) -> Parameters:
    """Lees de standaardparameters van de analyses, eventueel aangevuld met een eigen bestand.

    Elke waarde wordt gecontroleerd tegen haar domein (``domein`` in ``parameters.toml``, zie
    :data:`omgevingsvisie.regels.parameters.DOMEINEN`): fracties 0–1, afstanden ≥ 0 en eindig,
    stappen en celgroottes > 0, functies uit de lijst, en de samenhang (een venster van minstens
    één cel, svf_nieuwbouw ≤ svf_onbebouwd). f_veg + verhard mag boven 1 komen: bomen boven
    verharding tellen in allebei.

    Parameters
    ----------
    eigen : path-like, optional
        TOML-bestand met alleen de waarden die anders moeten, bijvoorbeeld::

            [uhi]
            wind_m_s = 2.0
            [klasse_woongebied]
            f_veg = { waarde = 0.35, bron = "BGT-analyse gemeente Assen 2025" }

    laagdata : mapping, optional
        De lagen van de analyse; dan wordt ook gecontroleerd dat de rasters en de steekproef
        over de gemeente (``resolutie_m``, ``celgrootte_m``, ``puntafstand_m``) binnen de grens
        ``rastercellen`` blijven (``OMGEVINGSVISIE_MAX_RASTERCELLEN``).

    Raises
    ------
    InvoerFout
        Bij onbekende secties of parameters, een waarde van het verkeerde type of buiten haar
        domein, of onderling tegenstrijdige waarden: alle problemen tegelijk.
    """
    return laad_parameters(eigen, standaard=STANDAARD, laagdata=laagdata)
