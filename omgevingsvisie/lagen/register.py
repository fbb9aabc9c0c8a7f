"""De lagen van de Visiekaart 2040: opsommen, laden, metadata lezen en vervangen.

De meegeleverde lagen staan in ``omgevingsvisie/data/assen_2040.gpkg`` (gebouwd uit ``lagen/bron/``).
Ze zijn een indicatieve vertaling van de visiekaart. Een gemeente vervangt een laag door
haar eigen data met :func:`vervang_laag` of met een configuratiebestand
(:func:`gebruik_configuratie`); daarna geeft :func:`laad_laag` overal in de toolkit die
eigen data terug. Regels, kaarten, rapporten en analyses lezen dit register niet zelf:
de orkestratie geeft hun :func:`huidige` mee (een :class:`Laagdata`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from shapely.geometry.base import BaseGeometry

from .._errors import BestandOntbreekt, InvoerFout
from ..io import lees_bestand, lees_toml, stempel
from ..catalogus import CRS, LAAGNAMEN, SCHEMAS, gpkg_tabellen
from .validatie import Probleem, problemen_van_laag

__all__ = [
    "Laagdata",
    "data_map",
    "huidige",
    "gebruik_configuratie",
    "herstel_lagen",
    "laad_laag",
    "lijst_lagen",
    "metadata",
    "valideer_laag",
    "vervang_laag",
    "vervangingen",
]

GPKG_NAAM = "assen_2040.gpkg"
_STANDAARD_MAP = Path(__file__).resolve().parents[1] / "data"


def data_map() -> Path:
    """Map met de meegeleverde GeoPackage (``omgevingsvisie/data/`` in het pakket).

    De GeoPackage wordt gebouwd uit ``lagen/bron/`` in de repository met
    ``python scripts/bouw_lagen.py`` en gaat mee in het wheel.

    Een andere map kan worden opgegeven met de omgevingsvariabele ``OMGEVINGSVISIE_LAGEN_MAP``.
    """
    eigen = os.environ.get("OMGEVINGSVISIE_LAGEN_MAP")
    return Path(eigen) if eigen else _STANDAARD_MAP


def _gpkg() -> Path:
    pad = data_map() / GPKG_NAAM
    if not pad.exists():
        raise BestandOntbreekt(
            f"De GeoPackage met de lagen ontbreekt: {pad}. Bouw hem met "
            "'python scripts/bouw_lagen.py'."
        )
    return pad


@dataclass(frozen=True)
class Vervanging:
    """Eigen data die een meegeleverde laag vervangt.

    Attributes
    ----------
    pad : Path
        Het bestand.
    laag : str, optional
        De tabel of laag in het bestand.
    stempel : tuple, optional
        De :func:`~omgevingsvisie.io.stempel` van het bestand bij de geslaagde validatie;
        laadt :class:`Laagdata` het bestand met een andere stempel, dan wordt het eerst opnieuw
        gevalideerd.
    """

    pad: Path
    laag: str | None = None
    stempel: tuple | None = None


_vervangingen: dict[str, Vervanging] = {}
_hervalideerd: dict[tuple[str, Path, str | None], tuple] = {}
"""Per (laag, pad, tabel) de laatste stempel waarbij het veranderde bestand opnieuw geldig bleek."""


def _controleer_naam(naam: str) -> None:
    if naam not in SCHEMAS:
        raise InvoerFout(
            f"Onbekende laag '{naam}'. Verwacht een van: {', '.join(LAAGNAMEN)}."
        )


def vervangingen() -> dict[str, Vervanging]:
    """De lagen die nu door eigen data zijn vervangen, op naam."""
    return dict(_vervangingen)


def valideer_laag(
    gegevens: gpd.GeoDataFrame | str | os.PathLike,
    naam: str,
    *,
    laag: str | None = None,
    gemeente: BaseGeometry | None = None,
) -> list[Probleem]:
    """Controleer of data een laag uit de catalogus kan vervangen: alle problemen tegelijk.

    Zoals :func:`omgevingsvisie.lagen.validatie.problemen_van_laag` (daar staan de controles),
    met als standaard voor ``gemeente`` de gemeentegrens uit de huidige lagen. Bij het
    valideren van de gemeentegrens zelf vervalt de ligging-controle als ``gemeente``
    niet is gegeven.

    Returns
    -------
    list of Probleem
        Alle gevonden problemen; leeg als de data bruikbaar is.
    """
    if gemeente is None and naam != "gemeentegrens":
        gemeente = huidige().gemeente()
    return problemen_van_laag(gegevens, naam, laag=laag, gemeente=gemeente)


def vervang_laag(naam: str, pad: str | os.PathLike, *, laag: str | None = None) -> None:
    """Vervang een meegeleverde laag door eigen data met dezelfde naam.

    De data wordt eerst gevalideerd (CRS, geometrie, verplichte attributen en hun betekenis,
    ligging in de gemeente, grenzen aan de complexiteit); bij problemen wordt niets vervangen
    en volgt een :class:`InvoerFout` met alle problemen tegelijk. Verandert het bestand
    daarna, dan wordt het bij het volgende laden opnieuw gevalideerd (zie :class:`Laagdata`).

    Parameters
    ----------
    naam : str
        Naam van de laag uit de catalogus, bijvoorbeeld ``"groenstructuur"``.
    pad : path-like
        GeoPackage, Shapefile of GeoJSON met de eigen data.
    laag : str, optional
        Tabel of laag binnen het bestand; standaard de laag met dezelfde naam, anders de
        enige laag in het bestand.
    """
    _controleer_naam(naam)
    pad = Path(pad)
    voor = stempel(pad)  # vóór het lezen: verandert het bestand tijdens de validatie, dan volgt een hervalidatie
    problemen = valideer_laag(pad, naam, laag=laag)
    if problemen:
        raise InvoerFout(f"Laag '{naam}' uit {pad} kan niet worden gebruikt:", problemen)
    _vervangingen[naam] = Vervanging(pad, laag, voor)


def herstel_lagen(naam: str | None = None) -> None:
    """Gebruik weer de meegeleverde laag (of alle lagen als ``naam`` ontbreekt)."""
    if naam is None:
        _vervangingen.clear()
    else:
        _vervangingen.pop(naam, None)


def lees_configuratie(pad: str | os.PathLike) -> dict[str, Vervanging]:
    """Lees een configuratiebestand (TOML) met eigen lagen.

    Het bestand heeft een tabel ``[lagen]`` met per laagnaam een pad, of een tabel met
    ``pad`` en ``laag``; relatieve paden gelden vanaf het configuratiebestand::

        [lagen]
        groenstructuur = "gis/groen.gpkg"
        wijken = { pad = "gis/wijken.gpkg", laag = "wijken_2024" }
    """
    pad = Path(pad)
    inhoud = lees_toml(pad, wat="Configuratiebestand")
    tabel = inhoud.get("lagen")
    if not isinstance(tabel, dict) or not tabel:
        raise InvoerFout(
            f"Configuratiebestand {pad} mist een tabel [lagen] met minstens één laag."
        )
    problemen, resultaat = [], {}
    for naam, waarde in tabel.items():
        if naam not in SCHEMAS:
            problemen.append(f"onbekende laag '{naam}' (verwacht een van: {', '.join(LAAGNAMEN)})")
            continue
        if isinstance(waarde, str):
            bestand, laag = waarde, None
        elif isinstance(waarde, dict) and isinstance(waarde.get("pad"), str):
            bestand, laag = waarde["pad"], waarde.get("laag")
        else:
            problemen.append(f"laag '{naam}': verwacht een pad of {{ pad = ..., laag = ... }}")
            continue
        resultaat[naam] = Vervanging((pad.parent / bestand).resolve(), laag)
    if problemen:
        raise InvoerFout(f"Configuratiebestand {pad} bevat fouten:", problemen)
    return resultaat


def gebruik_configuratie(pad: str | os.PathLike) -> list[str]:
    """Vervang alle lagen uit een configuratiebestand (zie :func:`lees_configuratie`).

    Alle lagen worden eerst gevalideerd; is er één onbruikbaar, dan wordt geen enkele
    vervangen en somt de :class:`InvoerFout` de problemen van alle lagen op.

    Returns
    -------
    list of str
        De namen van de vervangen lagen.
    """
    config = {naam: replace(v, stempel=stempel(v.pad)) for naam, v in lees_configuratie(pad).items()}
    problemen = []
    for naam, v in config.items():
        problemen += [f"{naam}: {p}" for p in valideer_laag(v.pad, naam, laag=v.laag)]
    if problemen:
        raise InvoerFout(f"Eigen lagen uit {pad} kunnen niet worden gebruikt:", problemen)
    _vervangingen.update(config)
    return list(config)


def laad_laag(naam: str) -> gpd.GeoDataFrame:
    """Laad een laag als GeoDataFrame in EPSG:28992.

    Geeft de eigen data terug als de laag is vervangen (:func:`vervang_laag`), anders de
    meegeleverde laag. Elke aanroep geeft een eigen kopie; het lezen zelf is gecachet tot
    het bestand verandert.

    Parameters
    ----------
    naam : str
        Naam uit de catalogus, zie :func:`lijst_lagen`.
    """
    return huidige()[naam]


@functools.lru_cache(maxsize=64)
def _lees_meegeleverd(naam: str, pad: Path, stempel: tuple[int, int]) -> gpd.GeoDataFrame:
    delen = [gpd.read_file(pad, layer=t) for t in gpkg_tabellen(naam)]
    gdf = delen[0] if len(delen) == 1 else pd.concat(delen, ignore_index=True)
    return gpd.GeoDataFrame(gdf, geometry="geometry", crs=CRS)


@functools.lru_cache(maxsize=64)
def _lees_ruw(naam: str, pad: Path, laag: str | None, stempel: tuple) -> gpd.GeoDataFrame:
    return lees_bestand(pad, laag, naam=naam)


@functools.lru_cache(maxsize=64)
def _lees_vervanging(naam: str, pad: Path, laag: str | None, stempel: tuple) -> gpd.GeoDataFrame:
    gdf = _lees_ruw(naam, pad, laag, stempel)
    return gdf.to_crs(CRS) if not gdf.crs.equals(CRS) else gdf


@functools.lru_cache(maxsize=64)
def _gpkg_metadata(tabel: str, pad: Path, stempel: tuple[int, int]) -> dict[str, str]:
    info = pyogrio.read_info(pad, layer=tabel)
    # GDAL voegt zelf IDENTIFIER/DESCRIPTION (hoofdletters) toe; die staan al in gpkg_contents
    return {k: v for k, v in (info.get("layer_metadata") or {}).items() if not k.isupper()}


def metadata(naam: str) -> dict[str, str]:
    """De metadata van een laag: titel, omschrijving, bron, status, datum, licentie, ...

    Voor een vervangen laag: de herkomst van de eigen data.
    """
    return huidige().metadata(naam)


def lijst_lagen() -> pd.DataFrame:
    """Overzicht van alle lagen: naam, geometrietype, aantal features, status en bron."""
    rijen = []
    for naam in LAAGNAMEN:
        gdf = laad_laag(naam)
        meta = metadata(naam)
        typen = sorted(set(gdf.geom_type.dropna()))
        rijen.append({
            "naam": naam,
            "geometrie": "/".join(typen),
            "aantal": len(gdf),
            "status": meta.get("status", ""),
            "bron": meta.get("bron", ""),
            "titel": meta.get("titel", ""),
        })
    return pd.DataFrame(rijen)


def huidige() -> Laagdata:
    """De lagen zoals ze nu gelden (meegeleverd of vervangen), als :class:`Laagdata`.

    Dit is wat de orkestratie (``toets``, de CLI) aan regels, kaarten, rapporten en
    analyses meegeeft; die lezen zelf nooit het register.
    """
    return Laagdata(dict(_vervangingen))


class Laagdata(Mapping[str, gpd.GeoDataFrame]):
    """Een vaste set lagen: ``laagdata["wijken"]`` laadt de laag pas bij gebruik.

    Regels, kaarten, rapporten en analyses krijgen hun lagen als ``Laagdata`` van de
    aanroeper; ze weten niet of die uit de meegeleverde GeoPackage, eigen bestanden of
    (in tests) uit losse GeoDataFrames komen.

    Parameters
    ----------
    vervangen : mapping, optional
        Vervangingen op laagnaam (zoals :func:`vervangingen`); de rest komt uit de
        meegeleverde GeoPackage.
    frames : mapping, optional
        Lagen als GeoDataFrame die voor alles gaan (bijvoorbeeld een synthetische gemeente).

    Examples
    --------
    >>> from omgevingsvisie import lagen
    >>> data = lagen.huidige()
    >>> data["wijken"].crs.to_epsg()
    28992
    >>> "wijken" in data, data.herkomst("wijken")
    (True, 'meegeleverd')
    """

    def __init__(self, vervangen: Mapping[str, Vervanging] | None = None, *,
                 frames: Mapping[str, gpd.GeoDataFrame] | None = None):
        self._vervangen = dict(vervangen or {})
        self._frames = dict(frames or {})

    def met(self, frames: Mapping[str, gpd.GeoDataFrame]) -> Laagdata:
        """Dezelfde lagen, met ``frames`` eroverheen."""
        return Laagdata(self._vervangen, frames={**self._frames, **frames})

    def __getitem__(self, naam: str) -> gpd.GeoDataFrame:
        if naam in self._frames:
            gdf = self._frames[naam]
            return gdf if gdf.crs is not None and gdf.crs.equals(CRS) else gdf.to_crs(CRS)
        _controleer_naam(naam)
        if naam in self._vervangen:
            v = self._vervangen[naam]
            nu = stempel(v.pad)
            self._hervalideer(naam, v, nu)
            gdf = _lees_vervanging(naam, v.pad, v.laag, nu)
        else:
            pad = _gpkg()
            gdf = _lees_meegeleverd(naam, pad, stempel(pad))
        return gdf.copy()  # de cache mag niet door de aanroeper worden gewijzigd

    def _hervalideer(self, naam: str, v: Vervanging, nu: tuple) -> None:
        """Valideer een vervangend bestand opnieuw als het is veranderd sinds de validatie.

        Gevalideerd wordt precies wat geladen wordt (de gecachte inhoud bij stempel ``nu``),
        dus een wijziging tussen controleren en gebruiken kan er niet tussendoor glippen.

        Raises
        ------
        InvoerFout
            Als het veranderde bestand niet meer aan de catalogus voldoet (alle problemen).
        """
        sleutel = (naam, v.pad, v.laag)
        if v.stempel is None or nu == v.stempel or _hervalideerd.get(sleutel) == nu:
            return
        gemeente = None if naam == "gemeentegrens" else self.gemeente()
        problemen = problemen_van_laag(_lees_ruw(naam, v.pad, v.laag, nu), naam, gemeente=gemeente)
        if problemen:
            raise InvoerFout(f"Laag '{naam}' uit {v.pad} is veranderd sinds ze werd vervangen en kan zo "
                             "niet worden gebruikt (herstel het bestand of vervang de laag opnieuw):", problemen)
        _hervalideerd[sleutel] = nu

    def __contains__(self, naam: object) -> bool:
        return naam in self._frames or naam in SCHEMAS

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*LAAGNAMEN, *self._frames]))

    def __len__(self) -> int:
        return len(list(iter(self)))

    def herkomst(self, naam: str) -> str:
        """``"meegeleverd"``, ``"eigen data"`` (vervangen) of ``"gegeven"`` (een GeoDataFrame)."""
        if naam in self._frames:
            return "gegeven"
        return "eigen data" if naam in self._vervangen else "meegeleverd"

    def gemeente(self) -> BaseGeometry:
        """De gemeentegrens als één geometrie in EPSG:28992 (voor de ligging-controles)."""
        return shapely.union_all(self["gemeentegrens"].geometry.values)

    def vervanging(self, naam: str) -> Vervanging | None:
        """De eigen data die laag ``naam`` vervangt, of ``None``."""
        return self._vervangen.get(naam)

    def metadata(self, naam: str) -> dict[str, str]:
        """Metadata van een laag (zie :func:`metadata`)."""
        if naam in self._frames:
            return {"titel": SCHEMAS[naam].omschrijving if naam in SCHEMAS else naam,
                    "omschrijving": "Laag gegeven als GeoDataFrame.", "bron": "gegeven", "status": "gegeven"}
        _controleer_naam(naam)
        if naam in self._vervangen:
            v = self._vervangen[naam]
            return {
                "titel": SCHEMAS[naam].omschrijving,
                "omschrijving": f"Eigen data van de gebruiker ({v.pad}).",
                "bron": str(v.pad) + (f" (laag {v.laag})" if v.laag else ""),
                "status": "eigen data",
            }
        pad = _gpkg()
        return dict(_gpkg_metadata(gpkg_tabellen(naam)[0], pad, stempel(pad)))

    def stempel(self, *namen: str) -> tuple:
        """Cachesleutel die verandert zodra een van de lagen (of hun bestand) verandert.

        Zonder namen: alle lagen. Een gegeven GeoDataFrame telt mee op identiteit.
        """
        namen = namen or tuple(self)
        delen = []
        for naam in namen:
            if naam in self._frames:
                delen.append((naam, "gegeven", id(self._frames[naam])))
            elif naam in self._vervangen:
                v = self._vervangen[naam]
                delen.append((naam, v.laag, stempel(v.pad)))
            else:
                delen.append((naam, None, stempel(data_map() / GPKG_NAAM)))
        return tuple(delen)
