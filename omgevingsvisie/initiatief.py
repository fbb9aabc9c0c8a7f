"""Initiatieven lezen en controleren (ONTWERP §4): alle problemen tegelijk, in het Nederlands.

Een initiatief is één feature: een vlak (Polygon of MultiPolygon) met het programma in de
eigenschappen. :func:`lees_initiatieven` leest een GeoJSON, GeoPackage of Shapefile;
:func:`maak_initiatieven` doet hetzelfde met gegevens in het geheugen (voor tests en
scripts). Beide controleren alles voordat ze iets teruggeven en melden alle problemen
tegelijk in één :class:`~omgevingsvisie.InvoerFout`, per feature en eigenschap.

Het resultaat heeft altijd dezelfde kolommen (:data:`EIGENSCHAPPEN`, dan ``geometry``) in
EPSG:28992, in de volgorde van de invoer met index 0 … n-1. Een ontbrekende waarde blijft
``None`` (nooit stilletjes 0), zodat de regels ``onvoldoende_gegevens`` kunnen melden.

Voorbeelden
-----------
>>> from omgevingsvisie.initiatief import lees_initiatieven
>>> initiatieven, waarschuwingen = lees_initiatieven("plannen.geojson")  # doctest: +SKIP
>>> initiatieven.loc[0, ["naam", "functies", "woningen"]].tolist()  # doctest: +SKIP
['Havenkwartier blok 4', ('wonen', 'horeca'), 120]
"""

from __future__ import annotations

import difflib
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from ._errors import InvoerFout, OmgevingsvisieFout
from .catalogus import CRS, FUNCTIES, MILIEUCATEGORIEEN
from .io.vector import lees_bestand
from .io.veilig import nfc
from .programma import VELDEN
from .tekst import getal as getal_tekst
from .lagen.validatie import Probleem, buiten_gemeente, complexiteitsproblemen, naar_rd, reden_ongeldig

__all__ = [
    "EIGENSCHAPPEN",
    "FUNCTIES",
    "MILIEUCATEGORIEEN",
    "lees_initiatieven",
    "maak_initiatieven",
]

EIGENSCHAPPEN: dict[str, type] = {"naam": str, **{v.naam: v.soort for v in VELDEN.values()}}
"""De bekende eigenschappen en het type van hun genormaliseerde kolom.

Elke kolom heeft dtype ``object``: ``naam`` is altijd een ``str``; ``functies`` een
``tuple`` van namen uit :data:`FUNCTIES` (leeg als ze ontbreken); de andere kolommen
hebben een waarde van het genoemde type of ``None`` als de waarde ontbreekt.
``milieucategorie`` is een van :data:`MILIEUCATEGORIEEN`; ``groen_pct`` ligt tussen 0 en 100.
"""

# Kolomnamen die geen eigenschap van het programma zijn en zonder waarschuwing wegvallen
# (GDAL maakt van een GeoJSON-"id" soms een kolom).
_GENEGEERD = frozenset({"id", "fid"})
# Een Shapefile kapt kolomnamen af op 10 tekens (bvo_detailhandel_m2 -> bvo_detail).
_AFGEKAPT = {veld[:10]: veld for veld in EIGENSCHAPPEN if len(veld) > 10}

_JA = frozenset({"ja", "j", "true", "waar", "1"})
_NEE = frozenset({"nee", "n", "false", "onwaar", "0"})
_GETAL = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_DUIZENDTALLEN = re.compile(r"[+-]?[1-9]\d{0,2}([.,]\d{3})+")
_VLAK = ("Polygon", "MultiPolygon")


class _Ongeldig(ValueError):
    """Een waarde die niet klopt; de tekst is de Nederlandse melding."""


# --------------------------------------------------------------------------- publieke API


def lees_initiatieven(
    pad: str | os.PathLike[str],
    *,
    laag: str | None = None,
    gemeente: BaseGeometry,
    crs: str | pyproj.CRS | None = None,
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Lees en controleer initiatieven uit een GeoJSON, GeoPackage of Shapefile.

    Eén feature is één initiatief. GeoJSON is WGS84 (RFC 7946); een ouderwets ``crs``-lid
    dat EPSG:28992 noemt wordt ook geaccepteerd, en een GeoJSON met RD-coördinaten zonder
    ``crs``-lid (zoals QGIS die standaard schrijft) met ``crs="EPSG:28992"``. Kolomnamen
    mogen hoofdletters, spaties of (Shapefile) op 10 tekens afgekapte namen hebben.

    Parameters
    ----------
    pad : path-like
        Het bestand met de initiatieven.
    laag : str, optional
        Tabel of laag in het bestand; nodig als een GeoPackage meerdere lagen heeft.
    gemeente : shapely geometry
        Gemeentegrens in EPSG:28992, bijvoorbeeld ``lagen.huidige().gemeente()``.
    crs : str or pyproj.CRS, optional
        Het coördinatenstelsel van het bestand (CLI: ``--crs``), voor een bestand dat er zelf
        geen noemt, of alleen de WGS84 die GeoJSON zonder ``crs``-lid veronderstelt terwijl de
        coördinaten geen graden zijn. Noemt het bestand zelf een ander stelsel (of WGS84 met
        coördinaten in graden), dan botst dat en volgt een weigering.

    Returns
    -------
    initiatieven : GeoDataFrame
        De initiatieven in EPSG:28992 met de kolommen van :data:`EIGENSCHAPPEN` en
        ``geometry``, in de volgorde van het bestand, index 0 … n-1.
    waarschuwingen : list of str
        Nederlandse waarschuwingen die de toets niet tegenhouden, zoals onbekende
        eigenschappen (die worden genegeerd).

    Raises
    ------
    InvoerFout
        Met in ``problemen`` alles wat niet klopt: een onleesbaar of leeg bestand, een
        ontbrekend of onjuist coördinatenstelsel (of een ``crs`` die botst met het stelsel
        dat het bestand zelf noemt), ongeldige, lege of niet-vlakke
        geometrie, een plan buiten de gemeente en elke onjuiste waarde, per feature en
        eigenschap; en te complexe invoer (meer features, delen of hoekpunten dan de grenzen
        van :mod:`omgevingsvisie.io.grenzen`, te verhogen met ``OMGEVINGSVISIE_MAX_…``).
    """
    pad = Path(pad)
    try:
        ruw = _lees(pad, laag)
    except OmgevingsvisieFout as fout:
        raise InvoerFout(f"De initiatieven in {pad} kunnen niet worden gelezen:",
                         [Probleem(str(fout))]) from None
    bron = f"De initiatieven in {pad}"
    if crs is not None:
        ruw = _met_stelsel(ruw, _stelsel(crs), bron)
    return _controleer_of_fout(ruw, bron, gemeente, crs_advies=crs is None)


def maak_initiatieven(
    records: Sequence[Mapping[str, object]],
    geometrieen: Sequence[BaseGeometry | None] | gpd.GeoSeries,
    *,
    crs: str | pyproj.CRS | None = CRS,
    gemeente: BaseGeometry,
) -> gpd.GeoDataFrame:
    """Maak initiatieven uit gegevens in het geheugen, met dezelfde controle als bij lezen.

    Handig voor tests en scripts. Waarschuwingen (zoals onbekende eigenschappen) worden
    als :class:`UserWarning` gegeven.

    Parameters
    ----------
    records : sequence of mapping
        Per initiatief de eigenschappen, bijvoorbeeld
        ``{"naam": "Plan", "functies": ["wonen"], "woningen": 40}``.
    geometrieen : sequence of shapely geometry, or GeoSeries
        Per initiatief het vlak, in dezelfde volgorde als ``records``.
    crs : str or pyproj.CRS, optional
        Coördinatenstelsel van ``geometrieen``; standaard EPSG:28992 (RD New). Een
        GeoSeries met een eigen stelsel moet hetzelfde stelsel hebben.
    gemeente : shapely geometry
        Gemeentegrens in EPSG:28992, bijvoorbeeld ``lagen.huidige().gemeente()``.

    Returns
    -------
    GeoDataFrame
        Zoals bij :func:`lees_initiatieven`.

    Raises
    ------
    InvoerFout
        Als een initiatief niet klopt (alle problemen tegelijk).
    ValueError
        Als ``records`` en ``geometrieen`` niet even lang zijn of het stelsel van de
        GeoSeries botst met ``crs``.
    """
    geometrie = _als_geoseries(geometrieen, crs)
    records = list(records)
    if len(records) != len(geometrie):
        raise ValueError(
            f"{len(records)} records maar {len(geometrie)} geometrieën; geef er evenveel op."
        )
    gegevens = pd.DataFrame.from_records(records, index=range(len(records)))
    ruw = gpd.GeoDataFrame(gegevens, geometry=list(geometrie.values), crs=geometrie.crs)
    initiatieven, waarschuwingen = _controleer_of_fout(ruw, "De initiatieven", gemeente)
    for waarschuwing in waarschuwingen:
        warnings.warn(waarschuwing, UserWarning, stacklevel=2)
    return initiatieven


# --------------------------------------------------------------------------- lezen


def _lees(pad: Path, laag: str | None) -> gpd.GeoDataFrame:
    with warnings.catch_warnings():
        # pyogrio leest GeoJSON-eigenschappen met gemengde typen als JSON en waarschuwt als
        # dat niet lukt; de waarden controleren we hierna zelf.
        warnings.filterwarnings("ignore", message="Could not parse column", category=UserWarning)
        gegevens = lees_bestand(pad, laag)
    if not isinstance(gegevens, gpd.GeoDataFrame):
        raise InvoerFout(f"{pad} heeft geen geometrie; een initiatief is een vlak (Polygon).")
    return gegevens


def _als_geoseries(
    geometrieen: Sequence[BaseGeometry | None] | gpd.GeoSeries, crs: str | pyproj.CRS | None
) -> gpd.GeoSeries:
    eigen = getattr(geometrieen, "crs", None)
    if eigen is not None and crs is not None and not eigen.equals(crs):
        raise ValueError(
            f"De geometrieën hebben stelsel {eigen.to_string()}, maar crs={crs!r} is opgegeven."
        )
    return gpd.GeoSeries(list(geometrieen), crs=eigen if eigen is not None else crs)


# --------------------------------------------------------------------------- coördinatenstelsel

_WGS84 = pyproj.CRS("EPSG:4326")
"""Het stelsel dat GeoJSON zonder ``crs``-lid heeft (RFC 7946; GDAL noemt het EPSG:4326)."""

_CRS_ADVIES = f"gebruik --crs {CRS}"
"""Wat een planner met een RD-bestand zonder (juist) stelsel moet doen (Python: ``crs=``)."""


def _stelsel(crs: str | pyproj.CRS) -> pyproj.CRS:
    """Het stelsel van ``--crs``/``crs=``, of een :class:`InvoerFout` met een voorbeeld."""
    try:
        return pyproj.CRS.from_user_input(crs)
    except pyproj.exceptions.CRSError:
        raise InvoerFout(f"Coördinatenstelsel '{crs}' is onbekend; gebruik een EPSG-code, "
                         f"bijvoorbeeld --crs {CRS} (RD New).") from None


def _in_graden(geometrie: gpd.GeoSeries) -> bool:
    """Liggen alle coördinaten binnen het bereik van lengte- en breedtegraden?"""
    xy = shapely.get_coordinates(geometrie.values)
    return bool(len(xy)) and bool((np.abs(xy[:, 0]) <= 180).all() and (np.abs(xy[:, 1]) <= 90).all())


def _met_stelsel(ruw: gpd.GeoDataFrame, crs: pyproj.CRS, bron: str) -> gpd.GeoDataFrame:
    """Ken het opgegeven stelsel toe, of weiger als het botst met wat het bestand zelf zegt.

    Toegekend wordt als het bestand geen stelsel heeft, hetzelfde zegt, of WGS84 zegt met
    coördinaten die geen graden zijn (de veronderstelde WGS84 van GeoJSON zonder ``crs``-lid).
    """
    eigen = ruw.crs
    if eigen is None or eigen.equals(crs):
        return ruw.set_crs(crs, allow_override=True)
    if eigen.equals(_WGS84) and not _in_graden(ruw.geometry):
        return ruw.set_crs(crs, allow_override=True)
    naam = eigen.to_string()
    reden = ("de coördinaten zijn graden, zoals het bestand zegt" if eigen.equals(_WGS84)
             else "het bestand noemt dat stelsel zelf")
    raise InvoerFout(f"{bron} kunnen niet worden gelezen:", [Probleem(
        f"het bestand zegt {naam}, maar --crs {crs.to_string()} is opgegeven ({reden}); laat --crs "
        f"weg, of sla het bestand op in het stelsel dat u opgeeft"
    )])


# --------------------------------------------------------------------------- controle


def _controleer_of_fout(
    ruw: gpd.GeoDataFrame, bron: str, gemeente: BaseGeometry | None, *, crs_advies: bool = False
) -> tuple[gpd.GeoDataFrame, list[str]]:
    initiatieven, problemen, waarschuwingen = _controleer(ruw, gemeente, crs_advies=crs_advies)
    if problemen:
        aantal = f"{len(problemen)} {'probleem' if len(problemen) == 1 else 'problemen'}"
        raise InvoerFout(f"{bron} zijn niet bruikbaar ({aantal}):", problemen)
    return initiatieven, waarschuwingen


def _controleer(
    ruw: gpd.GeoDataFrame, gemeente: BaseGeometry | None, *, crs_advies: bool = False
) -> tuple[gpd.GeoDataFrame | None, list[Probleem], list[str]]:
    """Normaliseer en controleer alles; geeft initiatieven, problemen en waarschuwingen.

    Met ``crs_advies`` krijgt een probleem met het stelsel het advies ``--crs EPSG:28992`` als
    de coördinaten als RD New wel kloppen (een RD-GeoJSON zonder ``crs``-lid).
    """
    if len(ruw) == 0:
        return None, [Probleem("het bestand bevat geen initiatieven (geen features)")], []
    ruw = ruw.reset_index(drop=True)
    kolommen, problemen, waarschuwingen = _kolommen(ruw)

    namen = [_naam(w) for w in _kolomwaarden(ruw, kolommen.get("naam"))]
    labels = {i: f"{i} (naam '{n}')" if n else str(i) for i, n in enumerate(namen)}
    if "naam" in kolommen:
        problemen += _naamproblemen(namen, labels)

    waarden, waardeproblemen = _waarden(ruw, kolommen, labels)
    waarden["naam"] = namen
    samenhang, opmerkingen = _samenhang(waarden, labels)
    problemen += waardeproblemen + samenhang
    waarschuwingen += opmerkingen

    te_complex = complexiteitsproblemen(ruw.geometry, labels)
    if te_complex:
        # boven een grens geen geometriecontroles: die (en de toets erna) zouden het geheugen vullen
        problemen += te_complex
    else:
        bruikbaar, geometrieproblemen = _geometrieproblemen(ruw.geometry, labels)
        rd, crsproblemen = naar_rd(ruw.geometry)
        if crs_advies and crsproblemen and _klopt_als_rd(ruw.geometry):
            crsproblemen = [replace(p, melding=f"{p.melding}; {_CRS_ADVIES}") for p in crsproblemen]
        problemen += geometrieproblemen + crsproblemen
        if rd is not None and bruikbaar.any():
            problemen += buiten_gemeente(rd[bruikbaar], gemeente, labels)

    if problemen:
        volgorde = {label: i for i, label in labels.items()}
        return None, sorted(problemen, key=lambda p: volgorde.get(p.feature, -1)), waarschuwingen
    return _initiatieven(waarden, rd), [], waarschuwingen


def _klopt_als_rd(geometrie: gpd.GeoSeries) -> bool:
    """Helpt ``--crs EPSG:28992``: zou :func:`_met_stelsel` het aannemen en klopt RD dan wel?"""
    eigen = geometrie.crs
    if eigen is not None and not (eigen.equals(_WGS84) and not _in_graden(geometrie)):
        return False
    return not naar_rd(geometrie.set_crs(CRS, allow_override=True))[1]


def _initiatieven(waarden: dict[str, list], rd: gpd.GeoSeries) -> gpd.GeoDataFrame:
    kolommen = {veld: pd.Series(waarden[veld], dtype=object) for veld in EIGENSCHAPPEN}
    return gpd.GeoDataFrame(kolommen, geometry=shapely.force_2d(rd.values), crs=CRS)


def _kolommen(ruw: gpd.GeoDataFrame) -> tuple[dict[str, str], list[Probleem], list[str]]:
    """Welke kolom welke eigenschap is; dubbele kolommen en onbekende eigenschappen."""
    gevonden: dict[str, list[str]] = {}
    onbekend = []
    for kolom in ruw.columns.drop(ruw.geometry.name):
        sleutel = _sleutel(str(kolom))
        veld = sleutel if sleutel in EIGENSCHAPPEN else _AFGEKAPT.get(sleutel)
        if veld:
            gevonden.setdefault(veld, []).append(kolom)
        elif sleutel not in _GENEGEERD:
            onbekend.append(str(kolom))

    problemen = [
        Probleem(f"de eigenschap staat in meer dan één kolom ({', '.join(map(str, k))}); "
                 "houd er één over", veld=veld)
        for veld, k in gevonden.items() if len(k) > 1
    ]
    if "naam" not in gevonden:
        problemen.append(Probleem(
            "verplichte eigenschap ontbreekt in het bestand; elk initiatief heeft een naam nodig",
            veld="naam",
        ))
    waarschuwingen = [_onbekende_eigenschappen(onbekend)] if onbekend else []
    return {veld: k[0] for veld, k in gevonden.items()}, problemen, waarschuwingen


def _onbekende_eigenschappen(onbekend: list[str]) -> str:
    genoemd = ", ".join(f"'{k}'{_suggestie(_sleutel(k), EIGENSCHAPPEN)}" for k in onbekend)
    wat = "onbekende eigenschap" if len(onbekend) == 1 else "onbekende eigenschappen"
    return (f"{wat} {genoemd} {'wordt' if len(onbekend) == 1 else 'worden'} genegeerd; "
            f"bekend zijn: {', '.join(EIGENSCHAPPEN)}")


def _kolomwaarden(ruw: gpd.GeoDataFrame, kolom: str | None) -> list[object]:
    return ruw[kolom].tolist() if kolom is not None else [None] * len(ruw)


def _naamproblemen(namen: list[str | None], labels: dict[int, str]) -> list[Probleem]:
    """Ontbrekende en dubbele namen (rapporten worden per naam geschreven)."""
    problemen, eerste = [], {}
    for i, naam in enumerate(namen):
        if naam is None:
            problemen.append(Probleem("naam ontbreekt of is leeg; elk initiatief heeft een naam nodig",
                                      labels[i], "naam"))
        elif naam.casefold() in eerste:
            andere = labels[eerste[naam.casefold()]]
            problemen.append(Probleem(
                f"dezelfde naam als feature {andere}; elk initiatief heeft een eigen naam nodig, "
                "want de rapporten worden per naam geschreven", labels[i], "naam",
            ))
        else:
            eerste[naam.casefold()] = i
    return problemen


def _waarden(
    ruw: gpd.GeoDataFrame, kolommen: dict[str, str], labels: dict[int, str]
) -> tuple[dict[str, list], list[Probleem]]:
    """Zet elke eigenschap (behalve ``naam``) om; onjuiste waarden worden problemen."""
    waarden, problemen = {}, []
    for veld, omzetten in _OMZETTERS.items():
        lijst = []
        for i, ruwe in enumerate(_kolomwaarden(ruw, kolommen.get(veld))):
            try:
                lijst.append(_LEEG.get(veld) if _ontbreekt(ruwe) else omzetten(ruwe))
            except _Ongeldig as fout:
                lijst.append(None)
                problemen.append(Probleem(str(fout), labels[i], veld))
        waarden[veld] = lijst
    return waarden, problemen


def _samenhang(
    waarden: dict[str, list], labels: dict[int, str]
) -> tuple[list[Probleem], list[str]]:
    """Controles over eigenschappen heen: problemen en waarschuwingen."""
    problemen, waarschuwingen = [], []
    for i, label in labels.items():
        woningen, sociaal = waarden["woningen"][i], waarden["sociale_huur"][i]
        functies, groen = waarden["functies"][i], waarden["groen_pct"][i]
        if woningen is not None and sociaal is not None and sociaal > woningen:
            problemen.append(Probleem(
                f"{sociaal} sociale huurwoningen is meer dan het aantal woningen ({woningen})",
                label, "sociale_huur",
            ))
        if not functies:
            waarschuwingen.append(str(Probleem(
                "geen functies opgegeven; de toets kan het programma dan niet beoordelen",
                label, "functies",
            )))
        elif woningen and not {"wonen", "zorgwonen"} & set(functies):
            waarschuwingen.append(str(Probleem(
                f"er zijn {woningen} woningen opgegeven, maar de functies noemen geen "
                "'wonen' of 'zorgwonen'", label, "functies",
            )))
        if groen is not None and 0 < groen < 1:
            waarschuwingen.append(str(Probleem(
                f"{_toon(groen)} is een percentage (0–100), geen fractie; bedoelt u "
                f"{_toon(round(groen * 100, 6))}?", label, "groen_pct",
            )))
    return problemen, waarschuwingen


def _geometrieproblemen(
    geometrie: gpd.GeoSeries, labels: dict[int, str]
) -> tuple[np.ndarray, list[Probleem]]:
    """Problemen per feature, plus welke features bruikbaar zijn voor de ligging."""
    problemen, bruikbaar = [], np.zeros(len(geometrie), dtype=bool)
    for i, geom in enumerate(geometrie.values):
        if geom is None:
            melding = "geometrie ontbreekt; een initiatief is een vlak (Polygon of MultiPolygon)"
        elif geom.is_empty:
            melding = "geometrie is leeg; een initiatief is een vlak (Polygon of MultiPolygon)"
        elif geom.geom_type not in _VLAK:
            melding = (f"geometrietype {geom.geom_type} is niet toegestaan; een initiatief is een "
                       "vlak (Polygon of MultiPolygon), geen punt of lijn")
        elif not geom.is_valid:
            melding = f"ongeldige geometrie: {reden_ongeldig(geom)}"
        else:
            bruikbaar[i] = True
            continue
        problemen.append(Probleem(melding, labels[i]))
    return bruikbaar, problemen


# --------------------------------------------------------------------------- waarden


def _ontbreekt(waarde: object) -> bool:
    """Of een waarde leeg is: None, NaN, NA of een lege tekst."""
    if waarde is None or waarde is pd.NA:
        return True
    if isinstance(waarde, str):
        return not waarde.strip()
    return isinstance(waarde, (float, np.floating)) and math.isnan(waarde)


def _naam(waarde: object) -> str | None:
    if _ontbreekt(waarde):
        return None
    if isinstance(waarde, (float, np.floating)) and float(waarde).is_integer():
        return str(int(waarde))
    return nfc(str(waarde).strip())  # "é" en "e"+"◌́" zijn dezelfde naam (ook voor dubbele namen)


def _functies(waarde: object) -> tuple[str, ...]:
    """Een lijst of een door komma's gescheiden tekst; hoofdletters en spaties doen niet ter zake."""
    if isinstance(waarde, str):
        delen = [waarde]
    elif isinstance(waarde, (list, tuple, np.ndarray)):
        delen = list(waarde)
    else:
        raise _Ongeldig(f"{_toon(waarde)} is geen lijst van functies; verwacht bijv. "
                        "[\"wonen\", \"horeca\"] of \"wonen, horeca\"")
    namen = []
    for deel in delen:
        if not isinstance(deel, str):
            raise _Ongeldig(f"{_toon(deel)} is geen functie; verwacht namen zoals \"wonen\"")
        namen += [_sleutel(s.strip(" []\"'")) for s in re.split(r"[,;]", deel) if s.strip(" []\"'")]
    onbekend = [n for n in dict.fromkeys(namen) if n not in FUNCTIES]
    if onbekend:
        wat = "onbekende functie" if len(onbekend) == 1 else "onbekende functies"
        genoemd = ", ".join(f"'{n}'{_suggestie(n, FUNCTIES)}" for n in onbekend)
        raise _Ongeldig(f"{wat} {genoemd}; toegestaan: {', '.join(FUNCTIES)}")
    return tuple(dict.fromkeys(namen))


def _getal(waarde: object) -> float:
    """Een niet-negatief, eindig getal; ook uit tekst ("12,5")."""
    if isinstance(waarde, (bool, np.bool_)):
        raise _Ongeldig(f"{_toon(waarde)} is een ja/nee-waarde, geen getal")
    if isinstance(waarde, (int, float, np.integer, np.floating)):
        getal = float(waarde)
    elif isinstance(waarde, str):
        getal = _getal_uit_tekst(waarde.strip())
    else:
        raise _Ongeldig(f"{_toon(waarde)} is geen getal")
    if not math.isfinite(getal):
        raise _Ongeldig(f"{_toon(waarde)} is geen eindig getal")
    if getal < 0:
        raise _Ongeldig(f"negatieve waarde {_toon(waarde)} is niet mogelijk")
    return getal


def _getal_uit_tekst(tekst: str) -> float:
    if _DUIZENDTALLEN.fullmatch(tekst):
        opties = [re.sub(r"[.,]", "", tekst)]
        if len(re.findall(r"[.,]", tekst)) == 1:
            decimalen = len(re.split(r"[.,]", tekst)[1])
            opties.append(getal_tekst(float(tekst.replace(",", ".")), decimalen))
        raise _Ongeldig(f"'{tekst}' is dubbelzinnig: bedoelt u {' of '.join(opties)}? "
                        "Schrijf duizendtallen zonder punt of komma")
    if not _GETAL.fullmatch(tekst):
        raise _Ongeldig(f"'{tekst}' is geen getal")
    return float(tekst.replace(",", "."))


def _aantal(waarde: object) -> int:
    """Een niet-negatief geheel getal (aantal woningen, bomen)."""
    getal = _getal(waarde)
    if not getal.is_integer():
        raise _Ongeldig(f"{_toon(waarde)} is geen geheel getal; verwacht een aantal")
    return int(getal)


def _percentage(waarde: object) -> float:
    getal = _getal(waarde)
    if getal > 100:
        raise _Ongeldig(f"{_toon(waarde)} is meer dan 100; verwacht een percentage van de "
                        "planoppervlakte (0–100)")
    return getal


def _ja_nee(waarde: object) -> bool:
    if isinstance(waarde, (bool, np.bool_)):
        return bool(waarde)
    if isinstance(waarde, (int, float, np.integer, np.floating)) and waarde in (0, 1):
        return bool(waarde)
    if isinstance(waarde, str) and waarde.strip().lower() in _JA | _NEE:
        return waarde.strip().lower() in _JA
    raise _Ongeldig(f"{_toon(waarde)} is geen ja/nee-waarde; verwacht ja of nee "
                    "(of true/false, 1/0)")


def _milieucategorie(waarde: object) -> str:
    """Een VNG-milieucategorie; 4.2 en "4,2" worden "4.2", 1 wordt "1"."""
    if isinstance(waarde, str):
        tekst = waarde.strip().replace(",", ".")
    elif isinstance(waarde, (int, float, np.integer, np.floating)) and not isinstance(waarde, bool):
        tekst = str(waarde)
    else:
        raise _Ongeldig(f"{_toon(waarde)} is geen milieucategorie; "
                        f"verwacht een van: {', '.join(MILIEUCATEGORIEEN)}")
    if _GETAL.fullmatch(tekst):
        tekst = f"{float(tekst):g}"
    if tekst in MILIEUCATEGORIEEN:
        return tekst
    onder = [c for c in MILIEUCATEGORIEEN if c.startswith(tekst + ".")]
    if onder:
        raise _Ongeldig(f"milieucategorie {tekst} bestaat niet in de VNG-indeling; "
                        f"kies {' of '.join(onder)}")
    raise _Ongeldig(f"onbekende milieucategorie {_toon(waarde)}; "
                    f"verwacht een van: {', '.join(MILIEUCATEGORIEEN)}")


_OMZETTERS: dict[str, Callable[[object], object]] = {
    "functies": _functies,
    "woningen": _aantal,
    "sociale_huur": _aantal,
    "bvo_detailhandel_m2": _getal,
    "bvo_kantoor_m2": _getal,
    "bvo_leisure_m2": _getal,
    "milieucategorie": _milieucategorie,
    "groen_pct": _percentage,
    "groen_dak_m2": _getal,
    "waterberging_mm": _getal,
    "bomen_kap": _aantal,
    "bomen_plant": _aantal,
    "energieneutraal": _ja_nee,
    "aardgasvrij": _ja_nee,
    "lv_verbinding": _ja_nee,
}
"""Per eigenschap (behalve ``naam``) de omzetting naar het type uit :data:`EIGENSCHAPPEN`."""

_LEEG: dict[str, object] = {"functies": ()}
"""De waarde voor een ontbrekende eigenschap, als die niet ``None`` is."""


# --------------------------------------------------------------------------- tekst


def _sleutel(tekst: str) -> str:
    """Vergelijkbare vorm van een naam: kleine letters, spaties en streepjes als ``_``."""
    return re.sub(r"[\s\-]+", "_", tekst.strip().lower())


def _suggestie(woord: str, opties: Iterable[str]) -> str:
    gelijkend = difflib.get_close_matches(woord, list(opties), n=1, cutoff=0.75)
    return f" (bedoelt u '{gelijkend[0]}'?)" if gelijkend else ""


def _toon(waarde: object) -> str:
    """Een waarde zoals de gebruiker hem schreef, voor in een melding."""
    if isinstance(waarde, str):
        return f"'{waarde}'"
    if isinstance(waarde, (float, np.floating)) and math.isfinite(waarde) and float(waarde).is_integer():
        return str(int(waarde))
    if isinstance(waarde, np.ndarray):
        return str(waarde.tolist())
    return str(waarde)
