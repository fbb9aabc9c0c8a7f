"""Het JSON-rapport: een stabiel schema (ONTWERP §5) dat andere programma's lezen.

Zie ``docs/rapport.md`` en ``docs/rapport.schema.json``. Hier staan ook de bouwstenen die
HTML en Markdown delen: :func:`naar_json` (numpy naar Python, afgerond, geen NaN),
:func:`eenheid` (eenheid en afronding uit een waarde-sleutel) en :func:`geojson_wgs84`.

Voorbeeld
---------
>>> eenheid("groen_pct_min")
('%', 1)
>>> naar_json({"overlap_m2": 1234.5678, "factor": 0.333333})
{'overlap_m2': 1234.6, 'factor': 0.333}
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .. import programma
from ..bevinding import STATUSSEN, Bevinding, ToetsResultaat
from ..catalogus import CRS
from .herkomst import lagen_info_voor

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["EENHEDEN", "aantallen", "bevinding_json", "eenheid", "geojson_wgs84", "initiatief_json", "json_tekst",
           "naar_json", "rapport_json"]

EENHEDEN = {"m2": ("m²", 1), "m": ("m", 1), "pct": ("%", 1), "mm": ("mm", 1), "ha": ("ha", 2), "km": ("km", 3)}
"""Eenheid per sleutelwoord in een waarde-sleutel (``overlap_m2``, ``groen_pct_min``) en het
aantal decimalen waarop die waarde wordt afgerond."""
STANDAARD_DECIMALEN = 3
"""Afronding van getallen zonder eenheid in de sleutel (factoren, aandelen)."""
COORDINAAT_DECIMALEN = 6
"""Graden in WGS84; 10⁻⁶° is ongeveer 0,1 m."""

INITIATIEF_KOP = ("naam", "oppervlakte_m2", "focusgebieden")
"""De eerste sleutels van ``initiatief``; daarna het programma (:data:`omgevingsvisie.programma.NAMEN`)."""
_GEEN_PROGRAMMA = {"geometry", "geometrie", "geom"}
LAGEN_INFO_KOP = ("bron", "versie", "indicatief")
"""De verplichte sleutels van ``lagen`` (in deze volgorde; extra sleutels volgen op alfabet)."""


def _pakketversie() -> str:
    from .. import __version__  # hier: het pakket importeert rapport mogelijk zelf

    return __version__


# --- JSON-waarden --------------------------------------------------------------------------------

def eenheid(sleutel: str) -> tuple[str, int] | None:
    """Eenheid en decimalen van een waarde-sleutel, of ``None``.

    Het laatste sleutelwoord dat een eenheid is telt: ``overlap_m2`` → m², ``groen_pct_min`` → %,
    ``afstand_wijkcentrum_m`` → m, ``min_groen_ha`` → ha.
    """
    for woord in reversed(str(sleutel).lower().split("_")):
        if woord in EENHEDEN:
            return EENHEDEN[woord]
    return None


def _decimalen(sleutel: str, standaard: int) -> int:
    e = eenheid(sleutel)
    return e[1] if e else standaard


def _getal_json(x: float, decimalen: int) -> float | None:
    if not math.isfinite(x):
        return None
    return round(float(x), decimalen) + 0.0  # + 0.0: geen -0.0 in het rapport


def naar_json(waarde: Any, *, decimalen: int = STANDAARD_DECIMALEN, sorteer: bool = False) -> Any:
    """Maak een waarde JSON-vriendelijk: numpy naar Python, NaN/inf naar ``None``, afgerond.

    Parameters
    ----------
    waarde : any
        Getal, tekst, bool, ``None``, lijst/tuple/set/array, mapping, datum of pad.
    decimalen : int
        Afronding van kommagetallen; een sleutel met een eenheid (zie :func:`eenheid`) in een
        geneste mapping kiest zijn eigen afronding, die ook geldt voor wat eronder hangt.
    sorteer : bool
        Sleutels van mappings alfabetisch (ook genest).

    Raises
    ------
    TypeError
        Voor een type dat niet in een rapport hoort (bijvoorbeeld een geometrie).
    """
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if waarde is None or isinstance(waarde, (str, bool)):
        return waarde
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, float):
        return _getal_json(waarde, decimalen)
    if isinstance(waarde, Mapping):
        paren = [(str(k), v) for k, v in waarde.items()]
        if sorteer:
            paren.sort(key=lambda kv: kv[0])
        return {k: naar_json(v, decimalen=_decimalen(k, decimalen), sorteer=sorteer) for k, v in paren}
    if isinstance(waarde, (set, frozenset)):
        waarde = sorted(waarde, key=str)
    if isinstance(waarde, (list, tuple, np.ndarray, pd.Series, pd.Index)):
        return [naar_json(v, decimalen=decimalen, sorteer=sorteer) for v in waarde]
    if isinstance(waarde, (dt.date, dt.time)):  # ook datetime en pandas.Timestamp
        return waarde.isoformat()
    if isinstance(waarde, os.PathLike):
        return os.fspath(waarde)
    if waarde is pd.NA or waarde is pd.NaT:
        return None
    raise TypeError(f"Waarde van type {type(waarde).__name__} kan niet in het rapport: {waarde!r}")


# --- geometrie naar GeoJSON (WGS84) ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _naar_wgs84() -> Transformer:
    return Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)


def _transformeer(xy: np.ndarray) -> np.ndarray:
    lon, lat = _naar_wgs84().transform(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


def _rond_coordinaten(waarde: Any) -> Any:
    if isinstance(waarde, (tuple, list)):
        if waarde and isinstance(waarde[0], (int, float)):
            return [round(float(c), COORDINAAT_DECIMALEN) for c in waarde]
        return [_rond_coordinaten(w) for w in waarde]
    return waarde


def _rechtsom(geom: BaseGeometry) -> BaseGeometry:
    """Buitenringen tegen de klok in (RFC 7946 §3.1.6)."""
    if geom.geom_type == "Polygon":
        return orient(geom, 1.0)
    if geom.geom_type == "MultiPolygon":
        return shapely.MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    return geom


def geojson_wgs84(geom: BaseGeometry | None) -> dict[str, Any] | None:
    """Een RD-geometrie (EPSG:28992) als GeoJSON-geometrie in WGS84 (lengte, breedte; 6 decimalen).

    Geeft ``None`` voor een ontbrekende of lege geometrie.
    """
    if geom is None or geom.is_empty:
        return None
    return _geojson_afgerond(shapely.transform(_rechtsom(shapely.force_2d(geom)), _transformeer))


def _geojson_afgerond(geom: BaseGeometry) -> dict[str, Any]:
    if geom.geom_type == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [_geojson_afgerond(d) for d in geom.geoms]}
    uit = mapping(geom)
    return {"type": uit["type"], "coordinates": _rond_coordinaten(uit["coordinates"])}

# --- JSON-rapport ----------------------------------------------------------------------------------

def _lagen_json(info: Mapping[str, Any]) -> dict[str, Any]:
    ontbreekt = [k for k in LAGEN_INFO_KOP if k not in info]
    if ontbreekt:
        raise ValueError(f"lagen_info mist de sleutel(s) {', '.join(ontbreekt)}")
    if not isinstance(info["indicatief"], (bool, np.bool_)):
        raise ValueError("lagen_info['indicatief'] moet True of False zijn")
    overig = sorted(k for k in info if k not in LAGEN_INFO_KOP)
    return naar_json({k: info[k] for k in (*LAGEN_INFO_KOP, *overig)})


def _lijst(waarde: Any) -> list[Any]:
    """Een lijst uit een lijst, tuple, array of komma-gescheiden tekst; leeg bij ``None``/NaN."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return []
    if isinstance(waarde, str):
        return [d.strip() for d in waarde.split(",") if d.strip()]
    return list(waarde)


def _geheel(waarde: Any) -> Any:
    """Een geheel kommagetal (``120.0``) als ``int``; al het andere ongewijzigd."""
    if isinstance(waarde, (float, np.floating)) and math.isfinite(waarde) and float(waarde).is_integer():
        return int(waarde)
    return waarde


def initiatief_json(resultaat: ToetsResultaat, *, met_geometrie: bool = True) -> dict[str, Any]:
    """De ``initiatief``-sleutel: naam, oppervlakte, focusgebieden, dan het programma.

    Volgorde: ``naam``, ``oppervlakte_m2``, ``focusgebieden``, de programma-eigenschappen in
    de volgorde van :data:`omgevingsvisie.programma.NAMEN`, overige eigenschappen alfabetisch, en als laatste
    ``geometrie_wgs84`` (het plangebied als GeoJSON in WGS84) als ``met_geometrie``.
    """
    gegeven = {k: v for k, v in resultaat.initiatief.items() if k not in _GEEN_PROGRAMMA}
    opp = gegeven.get("oppervlakte_m2")
    if opp is None and resultaat.geometrie is not None:
        opp = resultaat.geometrie.area
    kop = {"naam": str(gegeven.get("naam") or ""), "oppervlakte_m2": opp,
           "focusgebieden": _lijst(gegeven.get("focusgebieden"))}
    plan = {k: gegeven[k] for k in programma.NAMEN if k in gegeven}
    for k, veld in programma.VELDEN.items():
        if k in plan and veld.soort is tuple:
            plan[k] = _lijst(plan[k])
        elif k in plan and veld.soort is int:
            plan[k] = _geheel(plan[k])
    overig = {k: gegeven[k] for k in sorted(gegeven) if k not in INITIATIEF_KOP and k not in programma.VELDEN}
    uit = naar_json({**kop, **plan, **overig}, decimalen=STANDAARD_DECIMALEN)
    if met_geometrie:
        uit["geometrie_wgs84"] = geojson_wgs84(resultaat.geometrie)
    return uit


def bevinding_json(bevinding: Bevinding, *, met_geometrie: bool = True) -> dict[str, Any]:
    """Eén bevinding in de vorm van het rapport (``waarden`` met sleutels op alfabet)."""
    uit = {
        "regel": bevinding.regel, "principe": bevinding.principe, "titel": bevinding.titel,
        "status": bevinding.status, "toelichting": bevinding.toelichting, "bron": bevinding.bron,
        "waarden": naar_json(dict(bevinding.waarden), sorteer=True), "lagen": list(bevinding.lagen),
    }
    if met_geometrie:
        uit["geometrie_wgs84"] = geojson_wgs84(bevinding.geometrie)
    return uit


def aantallen(bevindingen: Iterable[Bevinding]) -> dict[str, int]:
    """Aantal bevindingen per status, in de volgorde van :data:`STATUSSEN`."""
    statussen = [b.status for b in bevindingen]
    return {s: statussen.count(s) for s in STATUSSEN}


def rapport_json(resultaat: ToetsResultaat, *, laagdata: Mapping[str, gpd.GeoDataFrame] | None = None,
                 lagen_info: Mapping[str, Any] | None = None, met_geometrie: bool = True) -> dict[str, Any]:
    """Het JSON-rapport van één initiatief (stabiel schema, ONTWERP §5).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    laagdata : Laagdata, optional
        De lagen waarmee getoetst is; daaruit komt de ``lagen``-sleutel
        (:func:`~omgevingsvisie.rapport.herkomst.beschrijf_lagen` voor de lagen die de
        bevindingen noemen). Nodig als ``lagen_info`` ontbreekt.
    lagen_info : mapping, optional
        In plaats van ``laagdata``: welke lagen zijn gebruikt, minstens ``bron``, ``versie`` en
        ``indicatief``; extra sleutels (``gebruikt``, ``vervangen``) worden overgenomen.
    met_geometrie : bool
        Neem ``geometrie_wgs84`` op bij het initiatief en bij elke bevinding (GeoJSON in WGS84,
        ``null`` als een bevinding geen geometrie heeft).

    Returns
    -------
    dict
        ``initiatief``, ``oordeel``, ``aantallen``, ``bevindingen``, ``lagen``, ``versie`` — in
        die volgorde, klaar voor :func:`json_tekst`.

    Raises
    ------
    ValueError
        Als ``lagen_info`` een verplichte sleutel mist.
    TypeError
        Als een gemeten waarde geen JSON-waarde kan worden, of als ``laagdata`` en
        ``lagen_info`` allebei ontbreken.
    """
    info = lagen_info_voor([resultaat], laagdata=laagdata, lagen_info=lagen_info)
    return {
        "initiatief": initiatief_json(resultaat, met_geometrie=met_geometrie),
        "oordeel": resultaat.oordeel,
        "aantallen": aantallen(resultaat.bevindingen),
        "bevindingen": [bevinding_json(b, met_geometrie=met_geometrie) for b in resultaat.bevindingen],
        "lagen": _lagen_json(info),
        "versie": _pakketversie(),
    }


def _zet_geometrie_apart(waarde: Any, apart: list[str]) -> Any:
    """Kopie van ``waarde`` waarin elke ``geometrie_wgs84`` een genummerde plaatsvervanger is."""
    if isinstance(waarde, dict):
        uit = {}
        for k, v in waarde.items():
            if k == "geometrie_wgs84" and v is not None:
                apart.append(json.dumps(v, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
                uit[k] = f"\x00geometrie{len(apart) - 1}\x00"
            else:
                uit[k] = _zet_geometrie_apart(v, apart)
        return uit
    if isinstance(waarde, list):
        return [_zet_geometrie_apart(v, apart) for v in waarde]
    return waarde


def json_tekst(rapport: Mapping[str, Any]) -> str:
    """Het rapport als JSON-tekst: UTF-8, 2 spaties inspringing, sleutels in rapportvolgorde.

    Geometrieën (``geometrie_wgs84``) staan compact op één regel, zodat de rest leesbaar blijft.
    """
    # één json.dumps voor het hele rapport (snel), daarna de geometrieën compact terugzetten
    apart: list[str] = []
    tekst = json.dumps(_zet_geometrie_apart(rapport, apart), ensure_ascii=False, indent=2, allow_nan=False)
    tekst = re.sub(r'"\\u0000geometrie(\d+)\\u0000"', lambda m: apart[int(m.group(1))], tekst)
    return tekst + "\n"

