"""Een laag kiezen en filteren voor GIO- en GeoJSON-export (``--laag``, ``--filter``).

Een filter is ``VELD=WAARDE``. Meer filters op hetzelfde veld betekenen *of*, filters op
verschillende velden *en*::

    --filter naam=Havenkwartier --filter naam=Binnenstad      # beide focusgebieden
    --filter status=gepland --filter max_milieucategorie=4     # gepland én categorie 4
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd

from .._errors import InvoerFout


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


def laag_metadata(laagdata: Mapping[str, gpd.GeoDataFrame], laag: str) -> dict[str, str]:
    """De metadata van ``laag`` (titel, omschrijving, bron, disclaimer …) als tekst.

    Een :class:`~omgevingsvisie.lagen.Laagdata` kent ze (``laagdata.metadata(laag)``); van een
    gewone mapping is alleen de naam bekend, die dan de titel is.
    """
    bron = getattr(laagdata, "metadata", None)
    meta = bron(laag) if callable(bron) else {"titel": laag}
    return {k: str(v) for k, v in meta.items()}


def kies(laag: str, filters: Sequence[str] = (), *, laagdata: Mapping[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """De features van ``laag`` (EPSG:28992) die aan alle filters voldoen.

    Parameters
    ----------
    laag : str
        Naam van de laag.
    filters : sequence of str
        ``VELD=WAARDE``-filters (:func:`lees_filters`).
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen (in de praktijk :func:`omgevingsvisie.lagen.huidige` van de aanroeper).

    Raises
    ------
    InvoerFout
        Bij een onbekende laag, een onbekend veld, of als er geen feature overblijft (met de
        waarden die wel voorkomen).
    """
    if laag not in laagdata:
        raise InvoerFout(f"Onbekende laag '{laag}'. Verwacht een van: {', '.join(laagdata)}.")
    gdf = laagdata[laag]
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
