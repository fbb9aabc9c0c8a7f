"""Bevindingen en toetsresultaten: wat de regels teruggeven en rapporten en kaarten tonen.

Een :class:`Bevinding` zegt per regel en per initiatief wat de status is, waarom, met welke
gemeten waarden, op grond van welke bron, en (waar dat kan) over welke geometrie het gaat.
Een :class:`ToetsResultaat` bundelt de bevindingen van één initiatief met het oordeel
(ONTWERP §5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

STATUSSEN = ("voldoet", "aandachtspunt", "strijdig", "niet_van_toepassing", "onvoldoende_gegevens")
OORDELEN = ("voldoet", "aandachtspunten", "strijdig")


@dataclass(frozen=True)
class Bevinding:
    """Het resultaat van één regel voor één initiatief.

    Attributes
    ----------
    regel : str
        Vaste regel-id, bijvoorbeeld ``"GS1"``.
    principe : str
        Principe van de Omgevingsvisie (of ``"Milieu"``).
    titel : str
        Korte titel van de regel.
    status : str
        Een van :data:`STATUSSEN`.
    toelichting : str
        Waarom deze status, in het Nederlands, met de gemeten waarden in de zin.
    bron : str
        Document + paragraaf of landelijke norm.
    waarden : dict
        Gemeten waarden (afstanden in m, oppervlakten in m², percentages, aantallen) en de
        gebruikte parameters.
    geometrie : shapely geometry, optional
        Waar de bevinding over gaat, in EPSG:28992 (bijv. de overlap met groen).
    lagen : tuple of str
        De lagen die de regel heeft gebruikt (voor de toetskaart).
    """

    regel: str
    principe: str
    titel: str
    status: str
    toelichting: str
    bron: str
    waarden: dict[str, Any] = field(default_factory=dict)
    geometrie: BaseGeometry | None = None
    lagen: tuple[str, ...] = ()

    def __post_init__(self):
        if self.status not in STATUSSEN:
            raise ValueError(f"Onbekende status '{self.status}'; verwacht een van: {', '.join(STATUSSEN)}")

    def als_dict(self) -> dict[str, Any]:
        """De vorm uit het JSON-rapport (zonder geometrie)."""
        return {"regel": self.regel, "principe": self.principe, "titel": self.titel,
                "status": self.status, "toelichting": self.toelichting, "bron": self.bron,
                "waarden": dict(self.waarden), "lagen": list(self.lagen)}


def oordeel(bevindingen: list[Bevinding]) -> str:
    """``strijdig`` als er iets strijdig is, anders ``aandachtspunten`` als er aandachtspunten zijn,
    anders ``voldoet`` (ONTWERP §5)."""
    statussen = {b.status for b in bevindingen}
    if "strijdig" in statussen:
        return "strijdig"
    if "aandachtspunt" in statussen:
        return "aandachtspunten"
    return "voldoet"


@dataclass
class ToetsResultaat:
    """Alle bevindingen voor één initiatief.

    Attributes
    ----------
    initiatief : dict
        Naam, oppervlakte, programma, focusgebieden … (de ``initiatief``-sleutel van het rapport).
    geometrie : shapely geometry
        Het plangebied in EPSG:28992.
    bevindingen : list of Bevinding
        In de volgorde van het regelboek.
    """

    initiatief: dict[str, Any]
    geometrie: BaseGeometry
    bevindingen: list[Bevinding]

    @property
    def oordeel(self) -> str:
        return oordeel(self.bevindingen)
