"""Rapporten van een toets: JSON (stabiel schema), HTML (voor de raad) en Markdown (voor een advies).

Eén :class:`~omgevingsvisie.bevinding.ToetsResultaat` wordt:

- :func:`rapport_json` — een ``dict`` met het stabiele schema uit ONTWERP §5, dat andere
  programma's lezen (zie ``docs/rapport.md`` en ``docs/rapport.schema.json``);
- :func:`rapport_html` — één zelfstandige HTML-pagina met oordeel, initiatief, een kleine
  statische kaart (inline SVG) en de bevindingen per principe; geen JavaScript, geen externe
  bestanden, werkt offline en print goed;
- :func:`rapport_markdown` — tekst om in een advies te plakken.

Voor een bestand met meerdere initiatieven: :func:`samenvatting` (één rij per initiatief) en
:func:`schrijf_rapporten` (alle rapporten plus samenvatting, atomair, niets half).

Alle tekst uit de invoer (naam, toelichting, bron, attributen van lagen) wordt geëscaped.

Voorbeeld
---------
>>> from omgevingsvisie.rapport import rapport_json, schrijf_rapporten  # doctest: +SKIP
>>> schrijf_rapporten(resultaten, "uit", formaten=("json", "html"))       # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Transformer
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from ._errors import InvoerFout
from ._svgkaart import Kaart, KaartLaag, LegendaItem, kaartlaag, teken_kaart
from .io.uitvoer import controleer_doelen, schrijf_met, schrijf_tekst
from .bevinding import STATUSSEN, Bevinding, ToetsResultaat
from .catalogus import CRS, LAAGNAMEN, PRINCIPES
from .stijl import OORDEEL_KLEUREN, PRINCIPE_KLEUREN, STATUS_KLEUREN

__all__ = [
    "FORMATEN",
    "beschrijf_lagen",
    "bestandsnaam",
    "bestandsnamen",
    "geojson_wgs84",
    "json_tekst",
    "naar_json",
    "rapport_html",
    "rapport_json",
    "rapport_markdown",
    "samenvatting",
    "schrijf_rapporten",
]

FORMATEN = ("json", "html", "md")
"""De rapportformaten van :func:`schrijf_rapporten` (ook de bestandsextensies)."""

PRINCIPE_VOLGORDE = (*PRINCIPES, "Milieu")
"""Volgorde van de groepen in HTML; onbekende principes volgen in volgorde van voorkomen."""
OVERIG_KLEUR = "#616161"

EENHEDEN = {"m2": ("m²", 1), "m": ("m", 1), "pct": ("%", 1), "mm": ("mm", 1), "ha": ("ha", 2), "km": ("km", 3)}
"""Eenheid per sleutelwoord in een waarde-sleutel (``overlap_m2``, ``groen_pct_min``) en het
aantal decimalen waarop die waarde wordt afgerond."""
STANDAARD_DECIMALEN = 3
"""Afronding van getallen zonder eenheid in de sleutel (factoren, aandelen)."""
COORDINAAT_DECIMALEN = 6
"""Graden in WGS84; 10⁻⁶° is ongeveer 0,1 m."""

INITIATIEF_KOP = ("naam", "oppervlakte_m2", "focusgebieden")
PROGRAMMA = (
    "functies", "woningen", "sociale_huur", "bvo_detailhandel_m2", "bvo_kantoor_m2", "bvo_leisure_m2",
    "milieucategorie", "groen_pct", "groen_dak_m2", "waterberging_mm", "bomen_kap", "bomen_plant",
    "energieneutraal", "aardgasvrij", "lv_verbinding",
)
"""De programma-eigenschappen van ONTWERP §4, in die volgorde in het rapport."""
PROGRAMMA_LABELS = {
    "functies": "Functies", "woningen": "Woningen", "sociale_huur": "Sociale huurwoningen",
    "bvo_detailhandel_m2": "Bvo detailhandel", "bvo_kantoor_m2": "Bvo kantoor",
    "bvo_leisure_m2": "Bvo leisure", "milieucategorie": "Milieucategorie",
    "groen_pct": "Groen na realisatie", "groen_dak_m2": "Groen dak", "waterberging_mm": "Waterberging",
    "bomen_kap": "Te kappen bomen", "bomen_plant": "Te planten bomen", "energieneutraal": "Energieneutraal",
    "aardgasvrij": "Aardgasvrij", "lv_verbinding": "Nieuwe loop- of fietsverbinding of oversteek",
}
_GEEN_PROGRAMMA = {"geometry", "geometrie", "geom"}
AANTALLEN_PROGRAMMA = ("woningen", "sociale_huur", "bomen_kap", "bomen_plant")
"""Programma-eigenschappen die aantallen zijn: ``120.0`` (uit een kolom met lege waarden) wordt ``120``."""

STATUS_LABELS = {s: s.replace("_", " ") for s in STATUSSEN}
TEL_VOLGORDE = ("strijdig", "aandachtspunt", "voldoet", "onvoldoende_gegevens", "niet_van_toepassing")
"""Volgorde van de aantallen in zinnen: eerst wat aandacht vraagt."""
OORDEEL_ZINNEN = {
    "voldoet": "Het initiatief past binnen de Omgevingsvisie: geen strijdige punten en geen aandachtspunten.",
    "aandachtspunten": "Het initiatief is niet strijdig met de Omgevingsvisie, maar heeft aandachtspunten.",
    "strijdig": "Het initiatief is op één of meer punten strijdig met de Omgevingsvisie.",
}
DISCLAIMER = ("De lagen zijn een indicatieve vertaling van de Visiekaart 2040 van de Omgevingsvisie "
              "Assen „Assen nog mooier” (2021) — net als de visiekaart zelf nadrukkelijk geen plankaart "
              "en niet bedoeld voor uitspraken op perceelniveau.")
LAGEN_BRON = ("Omgevingsvisie Assen 2021 „Assen nog mooier”, Visiekaart 2040: indicatieve vertaling "
              "in lagen/assen_2040.gpkg (omgevingsvisie-assen)")


def _pakketversie() -> str:
    from . import __version__  # hier: het pakket importeert rapport mogelijk zelf

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


# --- lagen-informatie ------------------------------------------------------------------------------

def gebruikte_lagen(resultaten: Iterable[ToetsResultaat]) -> list[str]:
    """De lagen (uit de catalogus) die de bevindingen noemen, in catalogusvolgorde."""
    namen = {n for r in resultaten for b in r.bevindingen for n in b.lagen}
    return [n for n in LAAGNAMEN if n in namen]


def beschrijf_lagen(namen: Iterable[str] = ()) -> dict[str, Any]:
    """Beschrijf de lagen waarmee getoetst is, voor de ``lagen``-sleutel van het rapport.

    Leest de huidige stand van :mod:`omgevingsvisie.lagen`: welke lagen door eigen data zijn
    vervangen (:func:`~omgevingsvisie.lagen.vervang_laag`) en de datum van de meegeleverde lagen.

    Parameters
    ----------
    namen : iterable of str
        De gebruikte lagen; leeg = alle lagen van de catalogus.

    Returns
    -------
    dict
        ``bron`` (tekst), ``versie`` (datum van de meegeleverde lagen, of ``None`` als geen
        meegeleverde laag is gebruikt), ``indicatief`` (``True`` zodra één gebruikte laag de
        meegeleverde, indicatieve laag is), ``gebruikt`` (namen) en ``vervangen`` (naam → bron
        van de eigen data).
    """
    from .lagen import metadata, vervangingen

    gebruikt = [n for n in LAAGNAMEN if n in set(namen)]
    relevant = gebruikt or list(LAAGNAMEN)
    vervangen = vervangingen()
    meegeleverd = [n for n in relevant if n not in vervangen]
    versie = max((metadata(n).get("datum", "") for n in meegeleverd), default="") or None
    bron = LAGEN_BRON if meegeleverd else "Eigen data van de gemeente (zie 'vervangen')"
    return {"bron": bron, "versie": versie, "indicatief": bool(meegeleverd), "gebruikt": gebruikt,
            "vervangen": {n: metadata(n)["bron"] for n in relevant if n in vervangen}}


def _lagen_json(info: Mapping[str, Any]) -> dict[str, Any]:
    ontbreekt = [k for k in ("bron", "versie", "indicatief") if k not in info]
    if ontbreekt:
        raise ValueError(f"lagen_info mist de sleutel(s) {', '.join(ontbreekt)}")
    if not isinstance(info["indicatief"], (bool, np.bool_)):
        raise ValueError("lagen_info['indicatief'] moet True of False zijn")
    overig = sorted(k for k in info if k not in ("bron", "versie", "indicatief"))
    return naar_json({k: info[k] for k in ("bron", "versie", "indicatief", *overig)})


# --- JSON-rapport ----------------------------------------------------------------------------------

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
    de volgorde van :data:`PROGRAMMA`, overige eigenschappen alfabetisch, en als laatste
    ``geometrie_wgs84`` (het plangebied als GeoJSON in WGS84) als ``met_geometrie``.
    """
    gegeven = {k: v for k, v in resultaat.initiatief.items() if k not in _GEEN_PROGRAMMA}
    opp = gegeven.get("oppervlakte_m2")
    if opp is None and resultaat.geometrie is not None:
        opp = resultaat.geometrie.area
    kop = {"naam": str(gegeven.get("naam") or ""), "oppervlakte_m2": opp,
           "focusgebieden": _lijst(gegeven.get("focusgebieden"))}
    programma = {k: gegeven[k] for k in PROGRAMMA if k in gegeven}
    if "functies" in programma:
        programma["functies"] = _lijst(programma["functies"])
    for k in AANTALLEN_PROGRAMMA:
        if k in programma:
            programma[k] = _geheel(programma[k])
    overig = {k: gegeven[k] for k in sorted(gegeven) if k not in INITIATIEF_KOP and k not in PROGRAMMA}
    uit = naar_json({**kop, **programma, **overig}, decimalen=STANDAARD_DECIMALEN)
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


def rapport_json(resultaat: ToetsResultaat, *, lagen_info: Mapping[str, Any] | None = None,
                 met_geometrie: bool = True) -> dict[str, Any]:
    """Het JSON-rapport van één initiatief (stabiel schema, ONTWERP §5).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    lagen_info : mapping, optional
        Welke lagen zijn gebruikt: minstens ``bron``, ``versie`` en ``indicatief``; extra
        sleutels (``gebruikt``, ``vervangen``) worden overgenomen. Standaard
        :func:`beschrijf_lagen` voor de lagen die de bevindingen noemen.
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
        Als een gemeten waarde geen JSON-waarde kan worden.
    """
    info = lagen_info if lagen_info is not None else beschrijf_lagen(gebruikte_lagen([resultaat]))
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


# --- Nederlandse notatie -------------------------------------------------------------------------

def nl_getal(x: float, decimalen: int = 0) -> str:
    """``1234.5`` → ``"1.234,5"``; nullen achter de komma vallen weg (``412.0`` → ``"412"``)."""
    tekst = f"{x:,.{decimalen}f}"
    if decimalen:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def toon_waarde(waarde: Any, sleutel: str = "") -> str:
    """Een (JSON-)waarde als leesbare Nederlandse tekst, met de eenheid uit de sleutel.

    ``None`` → ``"—"``, ``True`` → ``"ja"``, ``1234.5`` bij ``overlap_m2`` → ``"1.234,5 m²"``.
    Niet geëscaped.
    """
    e = eenheid(sleutel)
    if waarde is None:
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, float)):
        tekst = nl_getal(waarde, e[1] if e else (0 if isinstance(waarde, int) else STANDAARD_DECIMALEN))
        if not e:
            return tekst
        return f"{tekst}%" if e[0] == "%" else f"{tekst} {e[0]}"
    if isinstance(waarde, list):
        return ", ".join(toon_waarde(w, sleutel) for w in waarde) or "—"
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {toon_waarde(v, k if eenheid(k) else sleutel)}" for k, v in waarde.items()) or "—"
    return str(waarde)


_LABEL_WOORDEN = {"min": "minimum", "max": "maximum", "bsg": "bestaand stedelijk gebied", "lv": "loop/fiets",
                  "bvo": "bvo", "pct": ""}


def waarde_label(sleutel: str) -> str:
    """Leesbaar label van een waarde-sleutel zonder eenheid: ``groen_pct_min`` → ``"Groen minimum"``."""
    woorden = str(sleutel).split("_")
    e = eenheid(sleutel)
    if e:  # het laatste eenheidswoord valt weg; de eenheid staat bij de waarde
        laatste = max(i for i, w in enumerate(woorden) if w.lower() in EENHEDEN)
        woorden = woorden[:laatste] + woorden[laatste + 1:]
    tekst = " ".join(w for w in (_LABEL_WOORDEN.get(w.lower(), w) for w in woorden) if w) or str(sleutel)
    return tekst[:1].upper() + tekst[1:]


def _oppervlakte_tekst(m2: float | None) -> str:
    if m2 is None:
        return "—"
    return f"{nl_getal(m2 / 1e4, 2)} ha ({nl_getal(m2, 1)} m²)"


def _programma_regels(initiatief: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, tekst) voor het programma: alles behalve naam, oppervlakte, focusgebieden, geometrie.

    Onbekende waarden (``None``) worden weggelaten.
    """
    regels = []
    for k, v in initiatief.items():
        if k in INITIATIEF_KOP or k == "geometrie_wgs84" or v is None or v == []:
            continue
        regels.append((PROGRAMMA_LABELS.get(k, waarde_label(k)), toon_waarde(v, k)))
    return regels


def _telling_tekst(telling: Mapping[str, int]) -> str:
    """``"2 strijdig, 3 aandachtspunten, 5 voldoet"`` (statussen met aantal 0 vallen weg)."""
    def label(s: str, n: int) -> str:
        return "aandachtspunten" if s == "aandachtspunt" and n != 1 else STATUS_LABELS[s]

    return ", ".join(f"{telling[s]} {label(s, telling[s])}" for s in TEL_VOLGORDE if telling.get(s))


def _voettekst_delen(lagen: Mapping[str, Any]) -> list[str]:
    """Zinnen voor de voettekst over de lagen (niet geëscaped)."""
    delen = [DISCLAIMER] if lagen.get("indicatief") else [
        "Alle gebruikte lagen zijn eigen data van de gemeente; zie hieronder de bronnen."]
    delen.append(f"Lagen: {lagen.get('bron')}" + (f", versie {lagen['versie']}" if lagen.get("versie") else "") + ".")
    vervangen = lagen.get("vervangen") or {}
    if vervangen:
        delen.append("Vervangen door eigen data: " + "; ".join(f"{n} ({b})" for n, b in vervangen.items()) + ".")
    return delen


# --- HTML ----------------------------------------------------------------------------------------

def _tekstkleur(achtergrond: str) -> str:
    """Zwart of wit, wat het best leesbaar is op ``achtergrond`` (WCAG-contrast)."""
    kanalen = [int(achtergrond[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#ffffff" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) else "#000000"


def _badge(status: str) -> str:
    kleur = STATUS_KLEUREN[status]
    return (f'<span class="badge status-{status}" style="background:{kleur};color:{_tekstkleur(kleur)}">'
            f"{escape(STATUS_LABELS[status])}</span>")


_CSS = """
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#212121;line-height:1.45;
max-width:62rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;
margin-top:2rem}h3{font-size:1.1rem;border-left:.45rem solid;padding-left:.5rem}h4{margin:.2rem 0 .4rem;font-size:1rem}
.kop{color:#616161;margin:0}
.oordeel{border-radius:.4rem;padding:1rem 1.25rem;margin:1rem 0}
.oordeel p{margin:.2rem 0}.oordeel .oordeel-waarde{font-size:1.8rem;font-weight:700;text-transform:uppercase}
.oordeel ul{margin:.3rem 0 0 1.2rem;padding:0}
dl.initiatief{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.initiatief dt{font-weight:600}
dl.initiatief dd{margin:0}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;font-weight:600;
white-space:nowrap}
.bevinding{border:1px solid #e0e0e0;border-radius:.4rem;padding:.6rem .9rem;margin:.6rem 0;break-inside:avoid}
.bevinding.status-niet_van_toepassing{color:#616161}
.regel{font-family:ui-monospace,Consolas,monospace;font-weight:700}
table.waarden{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
table.waarden caption{text-align:left;font-weight:600;padding-bottom:.2rem}
table.waarden th,table.waarden td{border:1px solid #e0e0e0;padding:.15rem .5rem;text-align:left;vertical-align:top}
table.waarden th{font-weight:400;background:#f5f5f5}
.bron{font-size:.9rem;color:#424242}
figure{margin:0}svg.kaart{max-width:100%;height:auto;border:1px solid #ccc}
ul.legenda{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.85rem}
.staal{display:inline-block;width:1.1rem;height:.8rem;vertical-align:middle;margin-right:.35rem}
.staal.lijn{height:0;vertical-align:.25rem}
.niet-in-beeld{color:#757575}
footer{margin-top:2.5rem;border-top:1px solid #ddd;padding-top:.6rem;font-size:.85rem;color:#424242}
@media print{body{padding:0;max-width:none}h2{break-after:avoid}h3{break-after:avoid}figure{break-inside:avoid}}
@page{size:A4;margin:15mm}
"""


def _html_oordeel(rapport: Mapping[str, Any]) -> str:
    oordeel = rapport["oordeel"]
    kleur = OORDEEL_KLEUREN[oordeel]
    punten = [b for b in rapport["bevindingen"] if b["status"] in ("strijdig", "aandachtspunt")]
    lijst = "".join(f'<li>{escape(STATUS_LABELS[b["status"]])}: <span class="regel">{escape(b["regel"])}</span> '
                    f'{escape(b["titel"])}</li>' for b in punten)
    return (f'<section class="oordeel oordeel-{oordeel}" aria-label="Oordeel" '
            f'style="background:{kleur};color:{_tekstkleur(kleur)}">'
            f'<p class="oordeel-label">Oordeel</p><p class="oordeel-waarde">{escape(oordeel)}</p>'
            f'<p>{escape(OORDEEL_ZINNEN[oordeel])}</p>'
            f'<p>{escape(_telling_tekst(rapport["aantallen"]) or "Geen bevindingen.")}</p>'
            + (f"<ul>{lijst}</ul>" if lijst else "") + "</section>")


def _html_initiatief(initiatief: Mapping[str, Any]) -> str:
    rijen = [("Naam", initiatief["naam"]), ("Oppervlakte", _oppervlakte_tekst(initiatief["oppervlakte_m2"])),
             ("Focusgebieden", ", ".join(initiatief["focusgebieden"]) or "geen"), *_programma_regels(initiatief)]
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rijen)
    return f'<section id="initiatief"><h2>Initiatief</h2><dl class="initiatief">{dl}</dl></section>'


def _html_waarden(waarden: Mapping[str, Any]) -> str:
    if not waarden:
        return ""
    rijen = "".join(f'<tr><th scope="row">{escape(waarde_label(k))}</th><td>{escape(toon_waarde(v, k))}</td></tr>'
                    for k, v in waarden.items())
    return f'<table class="waarden"><caption>Gemeten waarden</caption><tbody>{rijen}</tbody></table>'


def _html_bevinding(bevinding: Mapping[str, Any], waarden: Mapping[str, Any]) -> str:
    return (f'<article class="bevinding status-{bevinding["status"]}">'
            f'<h4>{_badge(bevinding["status"])} <span class="regel">{escape(bevinding["regel"])}</span> '
            f'{escape(bevinding["titel"])}</h4>'
            f'<p class="toelichting">{escape(bevinding["toelichting"])}</p>{_html_waarden(waarden)}'
            f'<p class="bron"><strong>Bron:</strong> {escape(bevinding["bron"])}</p></article>')


def groepeer_per_principe(bevindingen: Iterable[Bevinding]) -> list[tuple[str, list[int]]]:
    """Bevindingen per principe: eerst de drie principes en Milieu, dan de rest op volgorde van voorkomen.

    Returns
    -------
    list of (principe, indexen)
        Per niet-lege groep de posities van de bevindingen; binnen een groep blijft de volgorde.
    """
    groepen: dict[str, list[int]] = {p: [] for p in PRINCIPE_VOLGORDE}
    for i, b in enumerate(bevindingen):
        groepen.setdefault(b.principe, []).append(i)
    return [(p, indexen) for p, indexen in groepen.items() if indexen]


def _html_bevindingen(rapport: Mapping[str, Any], resultaat: ToetsResultaat) -> str:
    delen = []
    for principe, indexen in groepeer_per_principe(resultaat.bevindingen):
        kleur = PRINCIPE_KLEUREN.get(principe, OVERIG_KLEUR)
        telling = _telling_tekst(aantallen(resultaat.bevindingen[i] for i in indexen))
        # de waarden in de volgorde van de regel (de JSON sorteert ze)
        artikelen = "".join(_html_bevinding(rapport["bevindingen"][i],
                                            naar_json(dict(resultaat.bevindingen[i].waarden))) for i in indexen)
        delen.append(f'<section class="principe" data-principe="{escape(principe)}">'
                     f'<h3 style="border-color:{kleur}">{escape(principe)}</h3>'
                     f'<p class="telling">{escape(telling)}</p>{artikelen}</section>')
    inhoud = "".join(delen) or "<p>Geen bevindingen.</p>"
    return f'<section id="bevindingen"><h2>Bevindingen</h2>{inhoud}</section>'


def _staal(item: LegendaItem) -> str:
    """Een voorbeeldje in de legenda: vlakje, lijnstuk of bolletje in de kleuren van de laag."""
    rand = "dashed" if item.streep else "solid"
    if item.soort == "lijn":
        return f'<span class="staal lijn" style="border-top:3px {rand} {item.lijn}"></span>'
    vulling = item.vulling or "transparent"
    vorm = "border-radius:50%;width:.8rem;" if item.soort == "punt" else ""
    return f'<span class="staal" style="{vorm}background:{vulling};border:2px {rand} {item.lijn}"></span>'


def _html_legenda(legenda: Sequence[LegendaItem]) -> str:
    items = "".join(
        (f"<li>{_staal(i)}{escape(i.label)}</li>" if i.in_beeld else
         f'<li class="niet-in-beeld">{_staal(i)}{escape(i.label)} — niet in beeld</li>') for i in legenda)
    return f'<ul class="legenda">{items}</ul>'


def kaartlagen(resultaat: ToetsResultaat) -> list[str]:
    """De lagen voor de kaart: die de bevindingen noemen (behalve 'niet van toepassing')."""
    namen = {n for b in resultaat.bevindingen if b.status != "niet_van_toepassing" for n in b.lagen}
    return [n for n in LAAGNAMEN if n in namen]


def _laad_kaartlagen(namen: Iterable[str], laagdata: Mapping[str, gpd.GeoDataFrame] | None
                     ) -> dict[str, KaartLaag]:
    """De lagen op naam, in EPSG:28992 en klaar om te tekenen (uit ``laagdata`` of geladen)."""
    from .lagen import laad_laag

    gegeven = dict(laagdata or {})
    uit = {}
    for naam in namen:
        gdf = gegeven[naam] if naam in gegeven else laad_laag(naam)
        uit[naam] = kaartlaag(gdf if gdf.crs is not None and gdf.crs.equals(CRS) else gdf.to_crs(CRS))
    return uit


def _html_kaart(resultaat: ToetsResultaat, naam: str, lagen: Mapping[str, KaartLaag]) -> str:
    plan = resultaat.geometrie
    if plan is None or plan.is_empty:
        return '<section id="kaart"><h2>Kaart</h2><p>Geen kaart: het plangebied heeft geen geometrie.</p></section>'
    te_tekenen = {n: lagen[n] for n in kaartlagen(resultaat)}
    kaart: Kaart = teken_kaart(plan, naam=naam, bevindingen=resultaat.bevindingen, lagen=te_tekenen)
    return (f'<section id="kaart"><h2>Kaart</h2><figure>{kaart.svg}<figcaption>{_html_legenda(kaart.legenda)}'
            "</figcaption></figure></section>")


def _html_voettekst(rapport: Mapping[str, Any]) -> str:
    zinnen = "".join(f"<p>{escape(z)}</p>" for z in _voettekst_delen(rapport["lagen"]))
    return f"<footer>{zinnen}<p>Gemaakt met omgevingsvisie-assen {escape(rapport['versie'])}.</p></footer>"


def rapport_html(resultaat: ToetsResultaat, *, lagen_info: Mapping[str, Any] | None = None,
                 laagdata: Mapping[str, gpd.GeoDataFrame] | None = None, kaart: bool = True) -> str:
    """Het rapport als één zelfstandige HTML-pagina (geen JavaScript, geen externe bestanden).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    lagen_info : mapping, optional
        Zie :func:`rapport_json`; bepaalt de voettekst.
    laagdata : mapping of str to GeoDataFrame, optional
        Lagen op naam voor de kaart (bijvoorbeeld één keer geladen voor veel rapporten, of
        synthetische lagen); ontbrekende lagen komen uit :func:`omgevingsvisie.lagen.laad_laag`.
    kaart : bool
        Teken de kaart (inline SVG) van het plan, de lagen die de bevindingen noemen en de
        geometrieën van de bevindingen.

    Returns
    -------
    str
        De HTML-tekst (UTF-8).
    """
    rapport = rapport_json(resultaat, lagen_info=lagen_info, met_geometrie=False)
    lagen = _laad_kaartlagen(kaartlagen(resultaat), laagdata) if kaart else None
    return _html(rapport, resultaat, lagen)


def _html(rapport: Mapping[str, Any], resultaat: ToetsResultaat, lagen: Mapping[str, KaartLaag] | None) -> str:
    """De HTML-pagina uit een (al gemaakt) JSON-rapport; zonder kaart als ``lagen`` ``None`` is."""
    naam = rapport["initiatief"]["naam"]
    delen = [
        f'<header><p class="kop">Toets aan de Omgevingsvisie Assen 2040 „Assen nog mooier”</p>'
        f"<h1>{escape(naam)}</h1></header>",
        _html_oordeel(rapport), _html_initiatief(rapport["initiatief"]),
        _html_kaart(resultaat, naam, lagen) if lagen is not None else "",
        _html_bevindingen(rapport, resultaat), _html_voettekst(rapport),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="omgevingsvisie-assen {escape(rapport["versie"])}">\n'
            f"<title>Toets Omgevingsvisie Assen: {escape(naam)}</title>\n<style>{_CSS}</style>\n</head>\n"
            "<body>\n" + "\n".join(d for d in delen if d) + "\n</body>\n</html>\n")


# --- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAAL = re.compile(r"([\\`*_\[\]|#~])")
_MD_REGELBEGIN = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_tekst(tekst: Any, *, regelbegin: bool = False) -> str:
    """Tekst veilig voor Markdown.

    Eén regel (witruimte samengevoegd), ``<``, ``>`` en ``&`` als HTML-entiteit, de tekens
    ``\\ ` * _ [ ] | # ~`` met een backslash; met ``regelbegin`` (de tekst begint een regel) ook
    een begin dat een lijst of kop zou maken (``1.``, ``-``, ``+``, ``=``).
    """
    t = " ".join(str(tekst).split())
    t = escape(t, quote=False)
    t = _MD_SPECIAAL.sub(r"\\\1", t)
    if regelbegin:
        t = _MD_REGELBEGIN.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", t)
    return t


def _md_initiatief(initiatief: Mapping[str, Any]) -> list[str]:
    regels = [f"- Oppervlakte: {md_tekst(_oppervlakte_tekst(initiatief['oppervlakte_m2']))}",
              f"- Focusgebieden: {md_tekst(', '.join(initiatief['focusgebieden']) or 'geen')}"]
    return regels + [f"- {md_tekst(k)}: {md_tekst(v)}" for k, v in _programma_regels(initiatief)]


def _md_tabel(bevindingen: Sequence[Mapping[str, Any]]) -> list[str]:
    regels = ["| Regel | Status | Titel | Toelichting | Bron |", "|---|---|---|---|---|"]
    for b in bevindingen:
        status = STATUS_LABELS[b["status"]]
        if b["status"] == "strijdig":
            status = f"**{status}**"
        regels.append(f"| {md_tekst(b['regel'])} | {status} | {md_tekst(b['titel'])} | "
                      f"{md_tekst(b['toelichting'])} | {md_tekst(b['bron'])} |")
    return regels


def _md_paragraaf(bevinding: Mapping[str, Any], waarden: Mapping[str, Any]) -> list[str]:
    regels = [f"### {md_tekst(bevinding['regel'])} {md_tekst(bevinding['titel'])} "
              f"({STATUS_LABELS[bevinding['status']]})", "", md_tekst(bevinding["toelichting"], regelbegin=True), ""]
    if waarden:
        gemeten = "; ".join(f"{waarde_label(k).lower()} {toon_waarde(v, k)}" for k, v in waarden.items())
        regels += [f"Gemeten waarden: {md_tekst(gemeten)}.", ""]
    return regels + [f"Bron: {md_tekst(bevinding['bron'])}", ""]


def rapport_markdown(resultaat: ToetsResultaat, *, lagen_info: Mapping[str, Any] | None = None) -> str:
    """Het rapport als Markdown, om in een advies te plakken.

    Oordeel, het initiatief, een tabel van alle bevindingen (regel, status, titel,
    toelichting, bron) en per strijdige bevinding en aandachtspunt een korte paragraaf met de
    gemeten waarden. Tekst uit de invoer wordt geëscaped (zie :func:`md_tekst`).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    lagen_info : mapping, optional
        Zie :func:`rapport_json`; bepaalt de voettekst.

    Returns
    -------
    str
        Markdown (CommonMark met GFM-tabel).
    """
    return _markdown(rapport_json(resultaat, lagen_info=lagen_info, met_geometrie=False), resultaat)


def _markdown(rapport: Mapping[str, Any], resultaat: ToetsResultaat) -> str:
    """De Markdown-tekst uit een (al gemaakt) JSON-rapport."""
    bevindingen = rapport["bevindingen"]
    telling = md_tekst(_telling_tekst(rapport["aantallen"]) or "geen bevindingen")
    regels = [f"# Toets Omgevingsvisie Assen 2040: {md_tekst(rapport['initiatief']['naam'])}", "",
              f"**Oordeel: {rapport['oordeel']}** — {telling}.",
              "", md_tekst(OORDEEL_ZINNEN[rapport["oordeel"]]), "", "## Initiatief", "",
              *_md_initiatief(rapport["initiatief"]), "", "## Bevindingen", ""]
    regels += (_md_tabel(bevindingen) + [""]) if bevindingen else ["Geen bevindingen.", ""]
    punten = [(j, b) for j, b in zip(bevindingen, resultaat.bevindingen)
              if j["status"] in ("strijdig", "aandachtspunt")]
    if punten:
        regels += ["## Strijdige punten en aandachtspunten", ""]
        for j, b in punten:
            regels += _md_paragraaf(j, naar_json(dict(b.waarden)))
    regels += ["---", "", *(f"*{md_tekst(z)}*" + "  " for z in _voettekst_delen(rapport["lagen"])),
               f"*Gemaakt met omgevingsvisie-assen {md_tekst(rapport['versie'])}.*", ""]
    return "\n".join(regels)


# --- samenvatting en bestanden ------------------------------------------------------------------

SAMENVATTING_KOLOMMEN = (
    "naam", "oordeel", *(f"aantal_{s}" for s in STATUSSEN), "regels_strijdig", "regels_aandachtspunt",
    "oppervlakte_m2", "focusgebieden",
)


def _samenvattingsrij(resultaat: ToetsResultaat) -> dict[str, Any]:
    init = initiatief_json(resultaat, met_geometrie=False)
    telling = aantallen(resultaat.bevindingen)
    return {
        "naam": init["naam"], "oordeel": resultaat.oordeel,
        **{f"aantal_{s}": telling[s] for s in STATUSSEN},
        "regels_strijdig": ", ".join(b.regel for b in resultaat.bevindingen if b.status == "strijdig"),
        "regels_aandachtspunt": ", ".join(b.regel for b in resultaat.bevindingen if b.status == "aandachtspunt"),
        "oppervlakte_m2": init["oppervlakte_m2"], "focusgebieden": ", ".join(init["focusgebieden"]),
    }


def samenvatting(resultaten: Iterable[ToetsResultaat]) -> gpd.GeoDataFrame:
    """Eén rij per initiatief: naam, oordeel, aantallen per status, regels en oppervlakte.

    Parameters
    ----------
    resultaten : iterable of ToetsResultaat

    Returns
    -------
    GeoDataFrame
        Kolommen :data:`SAMENVATTING_KOLOMMEN` plus ``geometry`` (het plangebied), in EPSG:28992.
        ``regels_strijdig`` en ``regels_aandachtspunt`` zijn komma-gescheiden regel-id's,
        ``focusgebieden`` komma-gescheiden namen.
    """
    resultaten = list(resultaten)
    tabel = pd.DataFrame([_samenvattingsrij(r) for r in resultaten], columns=list(SAMENVATTING_KOLOMMEN))
    for s in STATUSSEN:
        tabel[f"aantal_{s}"] = tabel[f"aantal_{s}"].astype("int64")
    tabel["oppervlakte_m2"] = tabel["oppervlakte_m2"].astype("float64")
    return gpd.GeoDataFrame(tabel, geometry=[r.geometrie for r in resultaten], crs=CRS)


_GERESERVEERD = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_NAAMLENGTE = 60


def bestandsnaam(naam: Any) -> str:
    """Een veilige bestandsnaam (zonder extensie) uit de naam van een initiatief.

    Alleen kleine letters, cijfers en streepjes, hooguit :data:`MAX_NAAMLENGTE` tekens;
    accenten vallen weg (``"Café 't Hoekje"`` → ``"cafe-t-hoekje"``); leeg wordt
    ``"initiatief"``; namen die Windows reserveert (``con``, ``nul`` …) krijgen een voorvoegsel.
    """
    ascii_ = unicodedata.normalize("NFKD", str(naam or "")).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:MAX_NAAMLENGTE].rstrip("-")
    if not slug:
        return "initiatief"
    return f"initiatief-{slug}" if slug in _GERESERVEERD else slug


def bestandsnamen(namen: Iterable[Any]) -> list[str]:
    """Unieke bestandsnamen (zie :func:`bestandsnaam`); dubbele krijgen ``-2``, ``-3`` …"""
    gezien: set[str] = set()
    uit = []
    for naam in namen:
        basis = bestandsnaam(naam)
        slug, n = basis, 2
        while slug in gezien:
            slug, n = f"{basis}-{n}", n + 1
        gezien.add(slug)
        uit.append(slug)
    return uit


def _controleer_formaten(formaten: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(formaten, str):
        formaten = formaten.split(",")
    gekozen = tuple(dict.fromkeys(f.strip().lower() for f in formaten if f.strip()))
    onbekend = [f for f in gekozen if f not in FORMATEN]
    if onbekend or not gekozen:
        raise InvoerFout(f"Onbekend rapportformaat: {', '.join(onbekend) or '(geen)'}; "
                         f"kies uit {', '.join(FORMATEN)}.")
    return gekozen


def _schrijf_gpkg(gdf: gpd.GeoDataFrame, pad: Path) -> None:
    pyogrio.write_dataframe(gdf, pad, layer="samenvatting", driver="GPKG", promote_to_multi=True,
                            dataset_options={"VERSION": "1.2"}, layer_options={"GEOMETRY_NAME": "geom"})


def _maak_rapporten(resultaat: ToetsResultaat, formaten: Sequence[str], info: Mapping[str, Any],
                    lagen: Mapping[str, KaartLaag]) -> dict[str, str]:
    """De teksten van één initiatief per formaat, uit één JSON-rapport."""
    rapport = rapport_json(resultaat, lagen_info=info, met_geometrie="json" in formaten)
    makers = {"json": lambda: json_tekst(rapport), "html": lambda: _html(rapport, resultaat, lagen),
              "md": lambda: _markdown(rapport, resultaat)}
    return {f: makers[f]() for f in formaten}


def schrijf_rapporten(resultaten: Iterable[ToetsResultaat], uitvoer_map: str | os.PathLike, *,
                      formaten: str | Iterable[str] = FORMATEN, overschrijf: bool = False,
                      lagen_info: Mapping[str, Any] | None = None,
                      laagdata: Mapping[str, gpd.GeoDataFrame] | None = None) -> list[Path]:
    """Schrijf per initiatief een rapport per formaat, plus een samenvatting bij meer dan één.

    Bestandsnamen komen uit de naam van het initiatief (:func:`bestandsnamen`):
    ``<naam>.json``, ``<naam>.html``, ``<naam>.md``; bij meer dan één initiatief ook
    ``samenvatting.csv`` (zonder geometrie) en ``samenvatting.gpkg`` (laag ``samenvatting``,
    EPSG:28992). Eerst worden alle doelen gecontroleerd en alle rapporten gemaakt; pas daarna
    wordt er geschreven, elk bestand atomair. Bestaat een doel al zonder ``overschrijf``, dan
    wordt niets geschreven.

    Parameters
    ----------
    resultaten : iterable of ToetsResultaat
    uitvoer_map : path-like
        Map voor de rapporten; wordt aangemaakt als die er niet is.
    formaten : str or iterable of str
        Een of meer van :data:`FORMATEN` (ook als ``"json,html"``).
    overschrijf : bool
        Bestaande bestanden vervangen.
    lagen_info : mapping, optional
        Zie :func:`rapport_json`; standaard één keer :func:`beschrijf_lagen` voor alle resultaten.
    laagdata : mapping of str to GeoDataFrame, optional
        Zie :func:`rapport_html`; de lagen worden één keer geladen voor alle kaarten.

    Returns
    -------
    list of Path
        De geschreven bestanden, per initiatief in de volgorde van ``formaten``, dan de samenvatting.

    Raises
    ------
    UitvoerBestaat
        Als een doel al bestaat en ``overschrijf`` niet is gezet (niets geschreven).
    InvoerFout
        Bij een onbekend formaat of als ``uitvoer_map`` een bestand is (niets geschreven).
    """
    resultaten = list(resultaten)
    formaten = _controleer_formaten(formaten)
    map_ = Path(uitvoer_map)
    if map_.exists() and not map_.is_dir():
        raise InvoerFout(f"De uitvoer {map_} is een bestand; geef een map op.")
    namen = bestandsnamen(r.initiatief.get("naam") for r in resultaten)
    extra = [map_ / "samenvatting.csv", map_ / "samenvatting.gpkg"] if len(resultaten) > 1 else []
    controleer_doelen([map_ / f"{n}.{f}" for n in namen for f in formaten] + extra, overschrijf=overschrijf)

    info = lagen_info if lagen_info is not None else beschrijf_lagen(gebruikte_lagen(resultaten))
    nodig = {n for r in resultaten for n in kaartlagen(r)} if "html" in formaten else set()
    kaartdata = _laad_kaartlagen([n for n in LAAGNAMEN if n in nodig], laagdata)
    teksten = [(map_ / f"{n}.{f}", tekst) for r, n in zip(resultaten, namen)
               for f, tekst in _maak_rapporten(r, formaten, info, kaartdata).items()]
    overzicht = samenvatting(resultaten) if extra else None

    map_.mkdir(parents=True, exist_ok=True)
    geschreven = [schrijf_tekst(pad, tekst, overschrijf=overschrijf) for pad, tekst in teksten]
    if overzicht is not None:
        geschreven.append(schrijf_tekst(extra[0], overzicht.drop(columns="geometry").to_csv(index=False),
                                        overschrijf=overschrijf))
        geschreven.append(schrijf_met(extra[1], lambda p: _schrijf_gpkg(overzicht, p), overschrijf=overschrijf))
    return geschreven
