"""Validatie van een (eigen) laag tegen de catalogus: alle problemen tegelijk.

:func:`problemen_van_laag` (publiek als :func:`omgevingsvisie.lagen.valideer_laag`, dat de
gemeentegrens uit de lagen aanvult) stopt nooit bij het eerste probleem en gooit geen fout bij slechte
data; het geeft een lijst :class:`Probleem` terug die leeg is als de laag bruikbaar is.

Voorbeelden
-----------
>>> from omgevingsvisie.lagen import valideer_laag
>>> for p in valideer_laag("mijn_groen.gpkg", "groenstructuur"):  # doctest: +SKIP
...     print(p)
feature 3 (naam 'Asserbos'), veld 'type': waarde 'weiland' is niet toegestaan; verwacht een van: ...
"""

from __future__ import annotations

import difflib
import math
import os
import re
import unicodedata
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from .._errors import OmgevingsvisieFout
from ..catalogus import CRS, GEMEENTE_TOLERANTIE_M, LAAGNAMEN, SCHEMAS, Domein, LaagSchema
from ..io import lees_bestand
from ..io.grenzen import GRENZEN
from ..tekst import getal

__all__ = [
    "Probleem",
    "buiten_gemeente",
    "complexiteitsproblemen",
    "tekstprobleem",
    "naar_rd",
    "reden_ongeldig",
    "problemen_van_laag",
]

# Bereik van RD New (EPSG:28992) rond Nederland, in meters.
_RD_X = (-7_000.0, 300_000.0)
_RD_Y = (289_000.0, 629_000.0)
# Nederland in graden; ligt x hierin als breedte en y als lengte, dan zijn ze verwisseld.
_NL_LENGTE = (3.0, 7.5)
_NL_BREEDTE = (50.5, 54.0)

_REDENEN = {
    "Self-intersection": "zelfdoorsnijding",
    "Ring Self-intersection": "ring snijdt zichzelf",
    "Too few points in geometry component": "te weinig punten",
    "Hole lies outside shell": "gat ligt buiten de buitenrand",
    "Nested holes": "gat ligt in een ander gat",
    "Nested shells": "vlak ligt in een ander vlak",
    "Interior is disconnected": "binnenkant is niet samenhangend",
    "Invalid Coordinate": "ongeldige coördinaat",
    "Ring is not closed": "ring is niet gesloten",
    "Duplicate Rings": "dubbele ringen",
}


@dataclass(frozen=True)
class Probleem:
    """Eén reden waarom een laag niet bruikbaar is.

    Attributes
    ----------
    melding : str
        Wat er mis is, in het Nederlands.
    feature : str, optional
        Welke feature: index en, waar aanwezig, de ``naam``, bijvoorbeeld ``"3 (naam 'Asserbos')"``.
    veld : str, optional
        Het attribuut waar het om gaat.
    """

    melding: str
    feature: str | None = None
    veld: str | None = None

    def __str__(self) -> str:
        plaats = []
        if self.feature is not None:
            plaats.append(f"feature {self.feature}")
        if self.veld is not None:
            plaats.append(f"veld '{self.veld}'")
        return f"{', '.join(plaats)}: {self.melding}" if plaats else self.melding


def problemen_van_laag(
    gegevens: gpd.GeoDataFrame | str | os.PathLike,
    naam: str,
    *,
    laag: str | None = None,
    gemeente: BaseGeometry | None,
) -> list[Probleem]:
    """Controleer of data een laag uit de catalogus kan vervangen.

    Controleert het coördinatenstelsel (aanwezig, om te rekenen naar EPSG:28992 en passend
    bij de coördinaten), de geometrie (aanwezig, geldig, juist type), de verplichte
    attributen en hun betekenis (het :class:`~omgevingsvisie.catalogus.Domein` uit de
    catalogus: een VNG-milieucategorie, een status, een geheel getal ≥ 0, een CBS-code; en in
    elk tekstveld een geldige codering), of elke feature binnen de gemeente ligt, en de grenzen
    aan de complexiteit (:mod:`omgevingsvisie.io.grenzen`: features, delen en hoekpunten). Boven
    een grens volgen geen geometriecontroles meer (die zouden het geheugen vullen).

    Parameters
    ----------
    gegevens : GeoDataFrame or path-like
        De data zelf, of een GeoPackage, Shapefile of GeoJSON.
    naam : str
        Naam van de laag uit de catalogus die de data moet vervangen.
    laag : str, optional
        Tabel of laag binnen het bestand (zie :func:`omgevingsvisie.lagen.lees_bestand`).
    gemeente : shapely geometry or None
        Gemeentegrens in EPSG:28992 voor de ligging-controle; ``None`` slaat die over
        (zinvol bij het valideren van de gemeentegrens zelf).

    Returns
    -------
    list of Probleem
        Alle gevonden problemen; leeg als de data bruikbaar is.
    """
    schema = SCHEMAS.get(naam)
    if schema is None:
        return [Probleem(f"onbekende laag '{naam}'; verwacht een van: {', '.join(LAAGNAMEN)}")]
    if isinstance(gegevens, gpd.GeoDataFrame):
        gdf = gegevens
    else:
        try:
            gdf = lees_bestand(gegevens, laag, naam=naam)
        except OmgevingsvisieFout as fout:
            return [Probleem(str(fout))]
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf._geometry_column_name not in gdf:
        return [Probleem("de laag heeft geen geometriekolom")]
    if gdf.empty:
        return [Probleem("de laag bevat geen features")]

    if not gdf.index.is_unique:
        gdf = gdf.reset_index(drop=True)

    labels = _labels(gdf)
    problemen = _attribuutproblemen(gdf, schema, labels)
    te_complex = complexiteitsproblemen(gdf.geometry, labels)
    if te_complex:
        return te_complex + problemen
    geldig, geometrieproblemen = _geometrieproblemen(gdf.geometry, schema, labels)
    rd, crsproblemen = naar_rd(gdf.geometry)
    problemen += geometrieproblemen + crsproblemen
    if rd is not None and schema.binnen_gemeente and gemeente is not None:
        problemen += buiten_gemeente(rd[geldig], gemeente, labels)
    return problemen


def _labels(gdf: gpd.GeoDataFrame) -> dict[Hashable, str]:
    """Hoe elke feature in meldingen heet: index, en de naam als die er is."""
    namen = gdf["naam"] if "naam" in gdf else pd.Series(None, index=gdf.index)
    return {i: f"{i} (naam '{n}')" if _ingevuld(n) else str(i) for i, n in namen.items()}


def _ingevuld(waarde: object) -> bool:
    if isinstance(waarde, str):
        return waarde.strip() != ""
    return not (pd.api.types.is_scalar(waarde) and pd.isna(waarde))


def _attribuutproblemen(gdf: gpd.GeoDataFrame, schema: LaagSchema, labels: dict) -> list[Probleem]:
    problemen = []
    for veld in schema.attributen:
        if veld not in gdf.columns:
            aanwezig = ", ".join(map(str, gdf.columns.drop(gdf.geometry.name))) or "geen"
            melding = f"verplicht attribuut ontbreekt (aanwezige kolommen: {aanwezig})"
            problemen.append(Probleem(melding, veld=veld))
            continue
        domein = schema.domein(veld)
        for i, waarde in gdf[veld].items():
            if not _ingevuld(waarde):
                problemen.append(Probleem("verplichte waarde ontbreekt (leeg of NULL)", labels[i], veld))
            elif (melding := domeinprobleem(waarde, domein)) is not None:
                problemen.append(Probleem(melding, labels[i], veld))
    # ook de niet-verplichte tekstkolommen komen in popups, rapporten en exports: hun codering telt
    for veld in gdf.columns.drop(gdf.geometry.name):
        if veld in schema.attributen or gdf[veld].dtype.kind not in "OSU":
            continue
        for i, waarde in gdf[veld].items():
            if isinstance(waarde, str) and (melding := tekstprobleem(waarde)) is not None:
                problemen.append(Probleem(melding, labels[i], str(veld)))
    return problemen


def domeinprobleem(waarde: object, domein: Domein) -> str | None:
    """Waarom een (ingevulde) waarde niet in haar domein past, of ``None`` als ze past.

    Parameters
    ----------
    waarde : object
        De waarde uit de laag (niet leeg).
    domein : Domein
        Het domein uit de catalogus.

    Returns
    -------
    str or None
        De Nederlandse melding, bijvoorbeeld ``"waarde 'zwaar' is geen ..."``.

    Examples
    --------
    >>> from omgevingsvisie.catalogus import SCHEMAS
    >>> d = SCHEMAS["bedrijventerreinen"].domein("max_milieucategorie")
    >>> domeinprobleem("4.2", d) is None
    True
    >>> print(domeinprobleem("4,2", d))  # doctest: +ELLIPSIS
    waarde '4,2' is niet toegestaan (bedoelt u '4.2'?); verwacht een van: 1, 2, 3.1, ...
    """
    if isinstance(waarde, str) and (melding := tekstprobleem(waarde)) is not None:
        return melding
    if domein.soort == "keuze":
        tekst = str(waarde)
        if tekst in domein.keuzes:
            return None
        hint = _bedoelt(waarde, domein.keuzes)
        return (f"waarde {_toon(waarde)} is niet toegestaan{hint}; verwacht een van: "
                f"{', '.join(domein.keuzes)}" + (f" ({domein.bron})" if domein.bron else ""))
    if domein.soort == "geheel":
        if isinstance(waarde, (bool, np.bool_)) or not isinstance(waarde, (int, float, np.integer, np.floating)):
            return f"waarde {_toon(waarde)} is geen getal; verwacht een geheel getal, bijv. {domein.voorbeeld}"
        if not math.isfinite(float(waarde)) or not float(waarde).is_integer():
            return f"waarde {_toon(waarde)} is geen geheel getal"
        if domein.minimum is not None and waarde < domein.minimum:
            return f"waarde {_toon(waarde)} is kleiner dan {getal(domein.minimum, 3)}"
        if domein.maximum is not None and waarde > domein.maximum:
            return f"waarde {_toon(waarde)} is groter dan {getal(domein.maximum, 3)}"
        return None
    if domein.soort == "code":
        if isinstance(waarde, str) and re.fullmatch(domein.patroon, waarde.strip()):
            return None
        return f"waarde {_toon(waarde)} is geen geldige code; verwacht bijv. {domein.voorbeeld}" + (
            f" ({domein.bron})" if domein.bron else "")
    return None


def tekstprobleem(tekst: str) -> str | None:
    """Waarom een tekst verkeerd gecodeerd lijkt, of ``None``.

    Herkent het vervangingsteken U+FFFD (bytes die geen tekst waren), losse surrogaten,
    stuurtekens (behalve tab en regeleinde) en mojibake: UTF-8 dat als Windows-1252 of
    Latin-1 is gelezen (``'CafÃ©'`` voor ``'Café'``).

    Examples
    --------
    >>> print(tekstprobleem("CafÃ©"))
    de tekst lijkt verkeerd gecodeerd (UTF-8 gelezen als Windows-1252): bedoelt u 'Café'? Sla het bestand op als UTF-8 (bij een Shapefile: met een .cpg-bestand met UTF-8)
    >>> tekstprobleem("Café – Brink") is None
    True
    """
    if "\ufffd" in tekst:
        return ("de tekst bevat het vervangingsteken \ufffd (U+FFFD): bytes die bij het lezen geen tekst waren; "
                "sla het bestand op als UTF-8")
    vreemd = sorted({c for c in tekst if 0xD800 <= ord(c) <= 0xDFFF
                     or (unicodedata.category(c) == "Cc" and c not in "\t\n\r")})
    if vreemd:
        codes = ", ".join(f"U+{ord(c):04X}" for c in vreemd)
        return f"de tekst bevat stuurtekens of ongeldige tekens ({codes}); verwijder ze"
    for codering, naam in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            bedoeld = tekst.encode(codering).decode("utf-8")
        except UnicodeError:
            continue
        if bedoeld != tekst:
            return (f"de tekst lijkt verkeerd gecodeerd (UTF-8 gelezen als {naam}): bedoelt u '{bedoeld}'? "
                    "Sla het bestand op als UTF-8 (bij een Shapefile: met een .cpg-bestand met UTF-8)")
    return None


def _bedoelt(waarde: object, keuzes: tuple[str, ...]) -> str:
    """``" (bedoelt u 'x'?)"`` als de waarde bijna een van de keuzes is."""
    tekst = str(waarde).strip()
    kandidaten = [tekst, tekst.lower(), tekst.replace(",", ".")]
    try:
        kandidaten.append(f"{float(tekst.replace(',', '.')):g}")
    except ValueError:
        pass
    for kandidaat in kandidaten:
        if kandidaat in keuzes:
            return f" (bedoelt u '{kandidaat}'?)"
    gelijkend = difflib.get_close_matches(tekst.lower(), keuzes, n=1, cutoff=0.75)
    return f" (bedoelt u '{gelijkend[0]}'?)" if gelijkend else ""


def _toon(waarde: object) -> str:
    return f"'{waarde}'" if isinstance(waarde, str) else repr(waarde.item() if isinstance(waarde, np.generic) else waarde)


def complexiteitsproblemen(geometrie: gpd.GeoSeries, labels: dict) -> list[Probleem]:
    """Features, delen en hoekpunten boven de grenzen van :mod:`omgevingsvisie.io.grenzen`.

    Parameters
    ----------
    geometrie : GeoSeries
        De geometrie van een laag of van initiatieven.
    labels : dict
        Per index hoe de feature in meldingen heet.

    Returns
    -------
    list of Probleem
        Eén probleem per overschreden grens (per feature voor delen en hoekpunten), met de
        omgevingsvariabele die de grens verhoogt; leeg als alles binnen de grenzen blijft.
    """
    problemen = []
    features = GRENZEN["features"]
    if features.te_veel(len(geometrie)):
        problemen.append(Probleem(features.melding(len(geometrie), "het bestand")))
    waarden = geometrie.values
    hoekpunten = shapely.get_num_coordinates(waarden)
    delen = np.where(shapely.get_type_id(waarden) >= 4, shapely.get_num_geometries(waarden), 1)
    for naam, aantallen in (("delen", delen), ("hoekpunten", hoekpunten)):
        grens = GRENZEN[naam]
        for j in np.flatnonzero(aantallen > grens.waarde()):
            i = geometrie.index[j]
            problemen.append(Probleem(grens.melding(int(aantallen[j]), "de geometrie"), labels[i]))
    totaal = GRENZEN["hoekpunten_totaal"]
    if totaal.te_veel(int(hoekpunten.sum())):
        problemen.append(Probleem(totaal.melding(int(hoekpunten.sum()), "het bestand")))
    return problemen


def _geometrieproblemen(
    geometrie: gpd.GeoSeries, schema: LaagSchema, labels: dict
) -> tuple[pd.Series, list[Probleem]]:
    """Problemen per feature, plus welke features geldig genoeg zijn voor de ligging."""
    typen = schema.toegestane_geometrieen()
    problemen, bruikbaar = [], pd.Series(False, index=geometrie.index)
    for i, geom in geometrie.items():
        if geom is None:
            problemen.append(Probleem("geometrie ontbreekt", labels[i]))
        elif geom.is_empty:
            problemen.append(Probleem("geometrie is leeg", labels[i]))
        elif not geom.is_valid:
            problemen.append(Probleem(f"ongeldige geometrie: {reden_ongeldig(geom)}", labels[i]))
        else:
            bruikbaar[i] = True
        if geom is not None and not geom.is_empty and geom.geom_type not in typen:
            problemen.append(Probleem(
                f"geometrietype {geom.geom_type} is niet toegestaan in laag '{schema.naam}'; "
                f"verwacht {' of '.join(typen)}",
                labels[i],
            ))
    return bruikbaar, problemen


def reden_ongeldig(geom: BaseGeometry) -> str:
    """Waarom een geometrie ongeldig is, in het Nederlands, met de plek.

    Parameters
    ----------
    geom : shapely geometry
        Een ongeldige geometrie.

    Returns
    -------
    str
        Bijvoorbeeld ``"zelfdoorsnijding bij (233750, 556650)"``.
    """
    uitleg = explain_validity(geom)
    gevonden = re.fullmatch(r"(.*?)\s*\[(\S+) (\S+)\]", uitleg)
    if not gevonden:
        return uitleg
    reden, x, y = gevonden.groups()
    return f"{_REDENEN.get(reden, reden)} bij ({_punt(float(x), float(y))})"


def _punt(x: float, y: float) -> str:
    if abs(x) >= 1000 or abs(y) >= 1000:
        return f"{x:.0f}, {y:.0f}"
    return f"{x:.5f}, {y:.5f}"


def naar_rd(geometrie: gpd.GeoSeries) -> tuple[gpd.GeoSeries | None, list[Probleem]]:
    """Reken om naar EPSG:28992, of leg uit waarom dat niet kan of niet klopt.

    Herkent een ontbrekend stelsel, RD-meters in een bestand dat graden zegt, verwisselde
    lengte- en breedtegraad, graden in een bestand dat RD zegt, een stelsel dat niet om te
    rekenen is en een ligging buiten Nederland na omrekening.

    Parameters
    ----------
    geometrie : GeoSeries
        Geometrie met het coördinatenstelsel uit het bestand.

    Returns
    -------
    rd : GeoSeries or None
        De geometrie in EPSG:28992, of ``None`` als de ligging niet te controleren is.
    problemen : list of Probleem
        Leeg, of één probleem met het stelsel (zonder feature: het geldt voor het bestand).
    """
    crs, soort = geometrie.crs, _soort(geometrie)
    if crs is None:
        hint = {"rd": "; de coördinaten lijken RD New, ken EPSG:28992 toe",
                "graden": "; de coördinaten lijken lengte/breedte, ken EPSG:4326 toe"}
        return None, [Probleem(
            "geen coördinatenstelsel (CRS); sla de laag op met een CRS, bij voorkeur "
            "EPSG:28992 (RD New)" + hint.get(soort, "")
        )]
    xy = shapely.get_coordinates(geometrie.values)
    if len(xy) == 0:
        return None, []
    voorbeeld, gezegd = _punt(*xy[0]), _crs_naam(crs)
    if crs.is_geographic and soort == "rd":
        melding = (f"de coördinaten (bijv. {voorbeeld}) zijn RD-meters, maar het bestand zegt "
                   f"{gezegd} (graden); geef het juiste coördinatenstelsel op: EPSG:28992")
    elif crs.is_geographic and soort == "verwisseld":
        melding = (f"lengte- en breedtegraad lijken verwisseld (bijv. {voorbeeld}); Assen ligt "
                   "rond lengtegraad 6.5 (x) en breedtegraad 53.0 (y)")
    elif crs.is_geographic and soort != "graden":
        melding = (f"de coördinaten (bijv. {voorbeeld}) zijn geen graden, maar het bestand zegt "
                   f"{gezegd}")
    elif not crs.is_geographic and soort in ("graden", "verwisseld"):
        melding = (f"de coördinaten (bijv. {voorbeeld}) lijken graden (lengte/breedte), maar het "
                   f"bestand zegt {gezegd}; geef het juiste coördinatenstelsel op, bijv. EPSG:4326")
    else:
        melding = None
    if melding:
        return None, [Probleem(melding)]
    try:
        rd = geometrie.to_crs(CRS)
    except (pyproj.exceptions.ProjError, pyproj.exceptions.CRSError) as fout:
        return None, [Probleem(f"coördinatenstelsel {gezegd} is niet om te rekenen naar {CRS}: "
                               f"{fout}")]
    if _soort(rd) != "rd":
        x0, y0, x1, y1 = rd.total_bounds
        return None, [Probleem(
            f"na omrekening van {gezegd} naar {CRS} ligt de laag niet in Nederland "
            f"(x {x0:.0f} … {x1:.0f}, y {y0:.0f} … {y1:.0f}); klopt het coördinatenstelsel?"
        )]
    return rd, []


def _soort(geometrie: gpd.GeoSeries) -> str | None:
    """Wat voor coördinaten de geometrie heeft: ``rd``, ``graden``, ``verwisseld`` of ``None``."""
    xy = shapely.get_coordinates(geometrie.values)
    if len(xy) == 0 or not np.isfinite(xy).all():
        return None
    x, y = xy[:, 0], xy[:, 1]

    def binnen(waarden: np.ndarray, bereik: tuple[float, float]) -> bool:
        return bool(((waarden >= bereik[0]) & (waarden <= bereik[1])).all())

    if binnen(x, _RD_X) and binnen(y, _RD_Y):
        return "rd"
    if binnen(x, _NL_BREEDTE) and binnen(y, _NL_LENGTE):
        return "verwisseld"
    if binnen(x, (-180, 180)) and binnen(y, (-90, 90)):
        return "graden"
    return None


def _crs_naam(crs: pyproj.CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else f"'{crs.name}'"


def buiten_gemeente(rd: gpd.GeoSeries, gemeente: BaseGeometry, labels: dict) -> list[Probleem]:
    """Features die verder dan de tolerantie buiten de gemeentegrens liggen.

    Parameters
    ----------
    rd : GeoSeries
        Geldige geometrieën in EPSG:28992.
    gemeente : shapely geometry
        De gemeentegrens in EPSG:28992.
    labels : dict
        Per index van ``rd`` hoe de feature in meldingen heet.

    Returns
    -------
    list of Probleem
        Eén probleem per feature die verder dan ``GEMEENTE_TOLERANTIE_M`` buiten de grens ligt.
    """
    ruim = gemeente.buffer(GEMEENTE_TOLERANTIE_M)
    shapely.prepare(ruim)
    problemen = []
    for i, geom in rd[~shapely.within(rd.values, ruim)].items():
        if geom.disjoint(gemeente):
            afstand = _meters(geom.distance(gemeente))
            melding = f"ligt buiten de gemeente, op {afstand} van de gemeentegrens"
        else:
            # Grootste afstand van een hoekpunt van het deel buiten de grens: hoe ver het uitsteekt.
            buiten = shapely.points(shapely.get_coordinates(geom.difference(gemeente)))
            uitsteek = _meters(shapely.distance(buiten, gemeente).max())
            melding = f"steekt tot {uitsteek} buiten de gemeentegrens uit"
        problemen.append(Probleem(f"{melding} (toegestaan: {_meters(GEMEENTE_TOLERANTIE_M)})", labels[i]))
    return problemen


def _meters(afstand: float) -> str:
    """Een afstand in hele meters (ook boven 1 km: de melding noemt de coördinaten ook in m)."""
    return f"{getal(afstand)} m"
