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
from pathlib import Path

from ..regels.parameters import Parameters, laad_parameters

__all__ = ["STANDAARD", "Parameters", "laad_analyse_parameters"]

STANDAARD = Path(__file__).with_name("parameters.toml")


def laad_analyse_parameters(eigen: str | os.PathLike | None = None) -> Parameters:
    """Lees de standaardparameters van de analyses, eventueel aangevuld met een eigen bestand.

    Parameters
    ----------
    eigen : path-like, optional
        TOML-bestand met alleen de waarden die anders moeten, bijvoorbeeld::

            [uhi]
            wind_m_s = 2.0
            [klasse_woongebied]
            f_veg = { waarde = 0.35, bron = "BGT-analyse gemeente Assen 2025" }

    Raises
    ------
    InvoerFout
        Bij onbekende secties of parameters of een waarde van het verkeerde type.
    """
    return laad_parameters(eigen, standaard=STANDAARD)
