"""De lagen van de aanroeper in de analyses: een cachesleutel die verandert zodra een laag verandert.

De analyses lezen het lagenregister niet; ze krijgen ``laagdata`` (een
:class:`~omgevingsvisie.lagen.Laagdata`, of een andere mapping naam → GeoDataFrame) van de
aanroeper en bewaren hun tussenresultaten op :meth:`~omgevingsvisie.lagen.Laagdata.stempel`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd

__all__ = ["cachesleutel"]


def cachesleutel(laagdata: Mapping[str, gpd.GeoDataFrame], namen: Sequence[str]) -> tuple | None:
    """``laagdata.stempel(*namen)``, of ``None`` (niets bewaren) voor een mapping zonder stempel.

    Examples
    --------
    >>> cachesleutel({}, ["wijken"]) is None
    True
    """
    stempel = getattr(laagdata, "stempel", None)
    return ("lagen", *stempel(*namen)) if callable(stempel) else None
