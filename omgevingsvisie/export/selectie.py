"""Een laag kiezen en filteren voor GIO- en GeoJSON-export (``--laag``, ``--filter``).

Een filter is ``VELD=WAARDE``. Meer filters op hetzelfde veld betekenen *of*, filters op
verschillende velden *en*::

    --filter naam=Havenkwartier --filter naam=Binnenstad      # beide focusgebieden
    --filter status=gepland --filter max_milieucategorie=4     # gepland én categorie 4
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd

from .._errors import InvoerFout
from ..lagen import laad_laag


def lees_filters(filters: Sequence[str]) -> dict[str, list[str]]:
    """``["naam=A", "naam=B", "status=x"]`` → ``{"naam": ["A", "B"], "status": ["x"]}``."""
    resultaat: dict[str, list[str]] = {}
    for tekst in filters:
        veld, is_, waarde = tekst.partition("=")
        veld, waarde = veld.strip(), waarde.strip()
        if not is_ or not veld or not waarde:
            raise InvoerFout(f"Filter '{tekst}' is onjuist; verwacht VELD=WAARDE, bijvoorbeeld naam=Havenkwartier.")
        resultaat.setdefault(veld, []).append(waarde)
    return resultaat


def kies(laag: str, filters: Sequence[str] = ()) -> gpd.GeoDataFrame:
    """De features van ``laag`` (EPSG:28992) die aan alle filters voldoen.

    Raises
    ------
    InvoerFout
        Bij een onbekende laag, een onbekend veld, of als er geen feature overblijft (met de
        waarden die wel voorkomen).
    """
    gdf = laad_laag(laag)
    for veld, waarden in lees_filters(filters).items():
        if veld not in gdf.columns or veld == gdf.geometry.name:
            velden = ", ".join(c for c in gdf.columns if c != gdf.geometry.name)
            raise InvoerFout(f"Laag '{laag}' heeft geen veld '{veld}'; wel: {velden}.")
        tekst = gdf[veld].astype(str)
        gekozen = gdf[tekst.isin(waarden)]
        if gekozen.empty:
            aanwezig = ", ".join(sorted(set(tekst)))
            raise InvoerFout(
                f"Geen feature in laag '{laag}' met {veld} = {' of '.join(waarden)}. "
                f"Waarden die wel voorkomen: {aanwezig}."
            )
        gdf = gekozen
    return gdf.reset_index(drop=True)
