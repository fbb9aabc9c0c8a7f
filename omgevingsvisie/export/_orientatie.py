"""Ringen van vlakken in de richting die GeoJSON (RFC 7946) en de GIO-export gebruiken."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient


def _een(geometrie: BaseGeometry) -> BaseGeometry:
    if isinstance(geometrie, Polygon):
        return orient(geometrie, sign=1.0)
    if isinstance(geometrie, MultiPolygon):
        return MultiPolygon([orient(p, sign=1.0) for p in geometrie.geoms])
    return geometrie


def tegen_de_klok(geometrie):
    """Buitenringen tegen de klok in, binnenringen met de klok mee (RFC 7946 §3.1.6).

    Werkt op één geometrie of een array; andere geometrieën blijven ongewijzigd.
    Gebruikt ``shapely.orient_polygons`` (shapely ≥ 2.1) als die er is.
    """
    if hasattr(shapely, "orient_polygons"):
        return shapely.orient_polygons(geometrie, exterior_cw=False)
    if isinstance(geometrie, BaseGeometry):
        return _een(geometrie)
    return np.array([_een(g) if g is not None else None for g in geometrie], dtype=object)
