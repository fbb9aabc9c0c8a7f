"""De weinige foutsoorten van de toolkit.

Elke fout is ook een ingebouwde Python-fout (zoals bij osmnx), zodat code die al
``ValueError`` of ``FileNotFoundError`` afvangt blijft werken. De CLI zet ze om in een
Nederlandse melding en exitcode 2, zonder traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class OmgevingsvisieFout(Exception):
    """Basis van alle fouten die de gebruiker zelf kan verhelpen."""


class InvoerFout(OmgevingsvisieFout, ValueError):
    """Invoer die niet klopt; ``problemen`` somt alle gevonden problemen op."""

    def __init__(self, kop: str, problemen: Iterable[object] = ()):
        self.kop = kop
        self.problemen = list(problemen)
        regels = [kop] + [f"  - {p}" for p in self.problemen]
        super().__init__("\n".join(regels))


class BestandOntbreekt(OmgevingsvisieFout, FileNotFoundError):
    """Een opgegeven bestand of laag bestaat niet."""


class UitvoerBestaat(OmgevingsvisieFout, FileExistsError):
    """Het uitvoerbestand bestaat al en ``--overschrijf`` is niet gegeven."""


class UitvoerBezet(OmgevingsvisieFout, BlockingIOError):
    """In de uitvoermap loopt al een andere run (zie :mod:`omgevingsvisie.io.run`)."""
