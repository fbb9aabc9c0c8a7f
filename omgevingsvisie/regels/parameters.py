"""Het parameterbestand van het regelboek: elke drempel met zijn bron.

De standaardwaarden staan in ``parameters.toml`` naast deze module. Een gemeente kan een
eigen TOML-bestand opgeven met alleen de waarden die ze anders wil; de rest komt uit de
standaard. Regels lezen hun drempels uitsluitend hier (geen getallen in regelcode).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import InvoerFout
from ..io.toml import lees_toml


STANDAARD = Path(__file__).with_name("parameters.toml")


@dataclass(frozen=True)
class Parameter:
    """Eén drempel: waarde, eenheid en bron."""

    waarde: Any
    eenheid: str
    bron: str


class Parameters:
    """Alle parameters, per regel-id en naam.

    Voorbeelden
    -----------
    >>> p = laad_parameters()
    >>> p("GS7", "afstand_m")
    300.0
    >>> p.parameter("GS7", "afstand_m").bron[:8]
    '3-30-300'
    """

    def __init__(self, tabel: dict[str, dict[str, Parameter]], *, herkomst: str = str(STANDAARD)):
        self._tabel = tabel
        self.herkomst = herkomst

    def parameter(self, regel: str, naam: str) -> Parameter:
        try:
            return self._tabel[regel][naam]
        except KeyError:
            raise KeyError(f"Parameter {regel}.{naam} staat niet in {self.herkomst}") from None

    def __call__(self, regel: str, naam: str) -> Any:
        return self.parameter(regel, naam).waarde

    def van_regel(self, regel: str) -> dict[str, Parameter]:
        """Alle parameters van één regel (voor rapporten: welke drempels golden)."""
        return dict(self._tabel.get(regel, {}))


def _lees(pad: Path) -> dict:
    return lees_toml(pad, wat="Parameterbestand")


def _als_parameter(waarde: dict) -> Parameter:
    return Parameter(waarde["waarde"], waarde.get("eenheid", ""), waarde["bron"])


def laad_parameters(eigen: str | os.PathLike | None = None, *,
                    standaard: str | os.PathLike = STANDAARD) -> Parameters:
    """Lees de standaardparameters, eventueel aangevuld met een eigen bestand.

    ``standaard`` is het bestand met de standaardwaarden: het regelboek
    (``parameters.toml`` hier), of een ander bestand van dezelfde vorm, zoals
    ``omgevingsvisie/analyse/parameters.toml`` van de analyses.

    In het eigen bestand mag een parameter als volledige tabel
    (``{ waarde = 400, bron = "Groenvisie Assen 2025" }``) of als kale waarde staan; een kale
    waarde krijgt als bron het eigen bestand. Een tabel-waarde (zoals ``MI1.richtafstanden_m``)
    vult de standaardtabel aan: ``richtafstanden_m = { "4.2" = 400.0 }`` wijzigt alleen 4.2.
    Onbekende regels of parameters en waarden van
    een ander type dan de standaard worden allemaal tegelijk gemeld.
    """
    standaard = Path(standaard)
    tabel = {regel: {naam: _als_parameter(w) for naam, w in params.items()}
             for regel, params in _lees(standaard).items()}
    if eigen is None:
        return Parameters(tabel, herkomst=str(standaard))
    eigen = Path(eigen)
    problemen = []
    for regel, params in _lees(eigen).items():
        if regel not in tabel or not isinstance(params, dict):
            problemen.append(f"onbekende regel [{regel}]; bekend: {', '.join(tabel)}")
            continue
        for naam, waarde in params.items():
            if naam not in tabel[regel]:
                problemen.append(f"{regel}.{naam}: onbekende parameter; bekend: {', '.join(tabel[regel])}")
                continue
            oud = tabel[regel][naam]
            nieuw = (_als_parameter({"eenheid": oud.eenheid, **waarde})
                     if isinstance(waarde, dict) and "waarde" in waarde and "bron" in waarde
                     else Parameter(waarde, oud.eenheid, f"Eigen parameterbestand {eigen.name}"))
            if not _zelfde_soort(nieuw.waarde, oud.waarde):
                problemen.append(f"{regel}.{naam}: verwacht {type(oud.waarde).__name__}, "
                                 f"gekregen {nieuw.waarde!r}")
                continue
            if isinstance(oud.waarde, dict):
                # een tabel (richtafstanden per categorie, functies per focusgebied) wordt aangevuld,
                # niet vervangen: anders ontbreken de niet-genoemde sleutels (KeyError in MI1/DS4)
                nieuw = Parameter({**oud.waarde, **nieuw.waarde}, nieuw.eenheid, nieuw.bron)
            tabel[regel][naam] = nieuw
    if problemen:
        raise InvoerFout(f"Parameterbestand {eigen} bevat fouten:", problemen)
    return Parameters(tabel, herkomst=f"{standaard.name} + {eigen}")


def _zelfde_soort(nieuw: Any, standaard: Any) -> bool:
    if isinstance(standaard, bool) or isinstance(nieuw, bool):
        return isinstance(nieuw, bool) and isinstance(standaard, bool)
    if isinstance(standaard, (int, float)):
        return isinstance(nieuw, (int, float))
    return isinstance(nieuw, type(standaard))
