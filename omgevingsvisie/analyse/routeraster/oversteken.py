"""Oversteken: waar fietser en voetganger een barrière kunnen passeren, en de vorm van de doorgang.

- een **punt** op een barrièrelijn opent alleen díe lijn, over een schijf met een straal van
  :data:`DOORGANG_CELLEN` cel rond het punt (een doorgang van drie cellen breed); ligt het punt
  in een barrièregebied, dan loopt de doorgang aan beide kanten van de lijn langs de kortste
  rechte weg naar de rand van het gebied (:func:`_kortste_uitgang`);
- een **punt** waarvan ``barriere`` een barrièregebied noemt, is een poort: het gebied wordt
  doorsneden langs de kortste koorde door dat punt (:func:`kortste_koorde`);
- een **lijn** (een nieuwe verbinding) opent alle barrières die ze kruist, drie cellen breed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

#: Straal van een doorgang bij een oversteek, in cellen (doorgang van drie cellen breed).
DOORGANG_CELLEN = 1.5
#: Zo ver (in cellen) wordt een lijn die bij de rand van het rekengebied eindigt doorgetrokken.
_VERLENG_CELLEN = 3.0


@dataclass(frozen=True)
class Oversteek:
    """Een plek waar fietser en voetganger een barrière kunnen passeren.

    Parameters
    ----------
    geometrie : Point or LineString
        Een punt óp de barrièrelijn (brug, tunnel, kruising) of in/aan een barrièregebied
        (poort), of een lijn: de verbinding zelf.
    barriere : str, optional
        Naam van de barrière die de oversteek passeert. Zonder (of met een onbekende) naam
        opent een punt alle barrières binnen de tolerantie; een lijn opent altijd alles wat
        ze kruist.
    naam : str
        Voor meldingen.
    """

    geometrie: BaseGeometry
    barriere: str | None = None
    naam: str = ""


def _delen(geometrie: BaseGeometry) -> list[BaseGeometry]:
    return [g for g in shapely.get_parts(geometrie) if not g.is_empty]


def _verleng_aan_rand(lijn: BaseGeometry, rand: BaseGeometry, afstand: float) -> BaseGeometry:
    """Trek de uiteinden die bij of buiten de rand van het rekengebied liggen een stuk door.

    Zo sluit een barrière die tot de gemeentegrens loopt ook in het raster aan op de rand en
    kan een route er niet tussendoor glippen.
    """
    nieuw = []
    for deel in _delen(lijn):
        punten = np.asarray(deel.coords)[:, :2]
        if len(punten) < 2:
            continue
        begin, eind = [], []
        for p, q, doel in ((punten[0], punten[1], begin), (punten[-1], punten[-2], eind)):
            if rand.distance(shapely.Point(p)) <= afstand:
                richting = (p - q) / max(np.hypot(*(p - q)), 1e-9)
                doel.append(p + richting * afstand)
        nieuw.append(shapely.LineString([*begin, *punten, *eind]))
    return shapely.MultiLineString(nieuw) if nieuw else lijn


def _raaklijn(lijn: BaseGeometry, punt: shapely.Point) -> np.ndarray:
    """Eenheidsvector langs ``lijn`` bij ``punt``."""
    deel = min(_delen(lijn), key=lambda d: d.distance(punt))
    s = deel.project(punt)
    a, b = deel.interpolate(max(s - 1.0, 0.0)), deel.interpolate(min(s + 1.0, deel.length))
    v = np.array([b.x - a.x, b.y - a.y])
    return v / max(np.hypot(*v), 1e-9)


def _stuk_door(gebied: BaseGeometry, punt: shapely.Point, richting: np.ndarray) -> BaseGeometry:
    """Het stuk van de rechte lijn door ``punt`` in ``richting`` dat binnen ``gebied`` ligt en het punt raakt."""
    xmin, ymin, xmax, ymax = gebied.bounds
    lengte = 2 * math.hypot(xmax - xmin, ymax - ymin) + 1.0
    d = richting * lengte
    lijn = shapely.LineString([(punt.x - d[0], punt.y - d[1]), (punt.x + d[0], punt.y + d[1])])
    stukken = [s for s in _delen(lijn.intersection(gebied)) if s.distance(punt) < 1e-6]
    return stukken[0] if stukken else shapely.LineString()


def _kortste_uitgang(gebied: BaseGeometry, punt: shapely.Point, normaal: np.ndarray, *,
                     stap_graden: float = 5.0) -> BaseGeometry:
    """De kortste rechte weg van ``punt`` naar de rand van ``gebied``, aan beide kanten van een lijn.

    ``normaal`` staat haaks op de lijn; per kant worden de richtingen van 5° tot 175° ten
    opzichte van de lijn geprobeerd (niet langs de lijn zelf). Geeft de twee stukken samen.
    """
    xmin, ymin, xmax, ymax = gebied.bounds
    lengte = 2 * math.hypot(xmax - xmin, ymax - ymin) + 1.0
    raaklijn = np.array([normaal[1], -normaal[0]])
    stukken = []
    for kant in (1.0, -1.0):
        beste = None
        for hoek in np.radians(np.arange(stap_graden, 180.0, stap_graden)):
            richting = math.cos(hoek) * raaklijn + kant * math.sin(hoek) * normaal
            straal = shapely.LineString([(punt.x, punt.y), (punt.x + richting[0] * lengte,
                                                            punt.y + richting[1] * lengte)])
            delen = [d for d in _delen(straal.intersection(gebied)) if d.distance(punt) < 1e-6]
            if delen and (beste is None or delen[0].length < beste.length):
                beste = delen[0]
        if beste is not None:
            stukken.append(beste)
    return shapely.union_all(stukken) if stukken else shapely.LineString()


def kortste_koorde(gebied: BaseGeometry, punt: shapely.Point, *, stappen: int = 180) -> BaseGeometry:
    """De kortste rechte doorsnede van ``gebied`` door ``punt`` (hoeken per graad).

    Parameters
    ----------
    gebied : Polygon or MultiPolygon
    punt : Point
        In of op de rand van het gebied.
    stappen : int
        Aantal richtingen tussen 0° en 180°.
    """
    beste = shapely.LineString()
    for hoek in np.linspace(0.0, math.pi, stappen, endpoint=False):
        stuk = _stuk_door(gebied, punt, np.array([math.cos(hoek), math.sin(hoek)]))
        if not stuk.is_empty and (beste.is_empty or stuk.length < beste.length):
            beste = stuk
    return beste

