"""Grenzen aan de complexiteit van invoer: één plek, elk met een omgevingsvariabele om hem te verhogen.

Een invoerbestand van een paar megabyte kan de rekenstappen erachter (buffers, vereniging,
rasters) gigabytes laten vragen: een MultiPolygon van 10.000 verspreide delen liet de toets tot
boven 23 GB groeien. Daarom weigert de toolkit invoer boven deze grenzen meteen, met een
Nederlandse melding die zegt welke grens het is en hoe u hem verhoogt. Zie
``docs/betrouwbaarheid.md`` (Grenzen) voor het gemeten piekgeheugen bij de grootste toegestane
invoer.

Voorbeelden
-----------
>>> GRENZEN["delen"].variabele
'OMGEVINGSVISIE_MAX_DELEN'
>>> GRENZEN["delen"].waarde() == GRENZEN["delen"].standaard
True
>>> print(GRENZEN["delen"].melding(1500, "feature 0"))  # doctest: +NORMALIZE_WHITESPACE
feature 0 heeft 1.500 delen (vlakken, lijnen of punten in één Multi-geometrie); de grens is 1.000
(OMGEVINGSVISIE_MAX_DELEN). Voeg delen samen of splits de feature; is het echt nodig, verhoog dan de
grens, bijvoorbeeld: export OMGEVINGSVISIE_MAX_DELEN=3000
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .._errors import InvoerFout
from ..tekst import getal

__all__ = ["GRENZEN", "Grens"]


@dataclass(frozen=True)
class Grens:
    """Eén grens aan de invoer.

    Attributes
    ----------
    naam : str
        Korte naam, bijvoorbeeld ``"hoekpunten"``; de omgevingsvariabele is
        ``OMGEVINGSVISIE_MAX_<NAAM>``.
    standaard : int
        De grens als de omgevingsvariabele niet is gezet.
    eenheid : str
        Wat er geteld wordt, zoals het in een melding staat (``"hoekpunten"``).
    advies : str
        Hoe de invoer kleiner kan, vóór het verhogen van de grens.
    """

    naam: str
    standaard: int
    eenheid: str
    advies: str

    @property
    def variabele(self) -> str:
        """De omgevingsvariabele die de grens verhoogt (of verlaagt)."""
        return f"OMGEVINGSVISIE_MAX_{self.naam.upper()}"

    def waarde(self) -> int:
        """De grens die nu geldt: de omgevingsvariabele, of anders de standaard.

        Raises
        ------
        InvoerFout
            Als de omgevingsvariabele geen positief geheel getal is.
        """
        tekst = os.environ.get(self.variabele, "").strip()
        if not tekst:
            return self.standaard
        schoon = tekst.replace("_", "").replace(".", "")
        if not schoon.isdigit() or int(schoon) <= 0:
            raise InvoerFout(f"Omgevingsvariabele {self.variabele}={tekst!r} is geen positief geheel getal; "
                             f"de standaard is {self.standaard}.")
        return int(schoon)

    def melding(self, aantal: int, wat: str, *, advies: str | None = None) -> str:
        """De weigering: wat, hoeveel, welke grens en hoe u hem verhoogt.

        ``advies`` vervangt het standaardadvies (hoe de invoer kleiner kan).
        """
        grens = self.waarde()
        voorstel = max(int(aantal) * 2, grens * 2)
        return (f"{wat} heeft {getal(aantal)} {self.eenheid}; de grens is {getal(grens)} ({self.variabele}). "
                f"{advies or self.advies}; is het echt nodig, verhoog dan de grens, bijvoorbeeld: "
                f"export {self.variabele}={voorstel}")

    def te_veel(self, aantal: int) -> bool:
        """Of ``aantal`` boven de grens ligt."""
        return int(aantal) > self.waarde()


GRENZEN: dict[str, Grens] = {g.naam: g for g in (
    Grens("features", 20_000, "features",
          "Splits het bestand in kleinere bestanden"),
    Grens("delen", 1_000, "delen (vlakken, lijnen of punten in één Multi-geometrie)",
          "Voeg delen samen of splits de feature"),
    Grens("hoekpunten", 250_000, "hoekpunten",
          "Vereenvoudig de geometrie (bijv. met 1 m tolerantie in QGIS: Vector > Geometrie > Vereenvoudigen)"),
    Grens("hoekpunten_totaal", 2_000_000, "hoekpunten in totaal",
          "Vereenvoudig de geometrieën of splits het bestand"),
    Grens("rastercellen", 25_000_000, "cellen",
          "Knip het raster bij tot de gemeente of maak de cellen groter (bijv. gdalwarp -tr 10 10)"),
)}
"""Alle grenzen op naam. De standaarden en het gemeten geheugen staan in ``docs/betrouwbaarheid.md``."""
