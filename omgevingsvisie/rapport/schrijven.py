"""Rapporten van veel initiatieven schrijven: een rapport per formaat, plus een samenvatting.

:func:`schrijf_rapporten` controleert eerst alle doelen en maakt alle teksten; pas daarna
wordt er geschreven, elk bestand atomair via :mod:`omgevingsvisie.io`. Bij een fout staat er
dus niets half. :func:`samenvatting` geeft één rij per initiatief (CSV en GeoPackage).

Voorbeeld
---------
>>> bestandsnamen(["Café 't Hoekje", "cafe t hoekje", "CON"])
['cafe-t-hoekje', 'cafe-t-hoekje-2', 'initiatief-con']
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import pandas as pd
import pyogrio

from .._errors import InvoerFout
from ..bevinding import STATUSSEN, ToetsResultaat
from ..catalogus import CRS, LAAGNAMEN
from ..io import controleer_doelen, schrijf_met, schrijf_tekst
from ..io.veilig import csv_tabel
from .herkomst import lagen_info_voor
from .html import maak_html
from .json import aantallen, initiatief_json, json_tekst, rapport_json
from .markdown import maak_markdown
from .svgkaart import KaartLaag, bereid_kaartlagen, kaartlagen

if TYPE_CHECKING:
    from ..lagen import Laagdata

__all__ = ["FORMATEN", "SAMENVATTING_KOLOMMEN", "bestandsnaam", "bestandsnamen", "samenvatting",
           "schrijf_rapporten"]

FORMATEN = ("json", "html", "md")
"""De rapportformaten van :func:`schrijf_rapporten` (ook de bestandsextensies)."""
SAMENVATTING_CSV = "samenvatting.csv"
SAMENVATTING_GPKG = "samenvatting.gpkg"
SAMENVATTING_LAAG = "samenvatting"

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
    pyogrio.write_dataframe(gdf, pad, layer=SAMENVATTING_LAAG, driver="GPKG", promote_to_multi=True,
                            dataset_options={"VERSION": "1.2"}, layer_options={"GEOMETRY_NAME": "geom"})


def _maak_rapporten(resultaat: ToetsResultaat, formaten: Sequence[str], info: Mapping[str, Any],
                    kaartdata: Mapping[str, KaartLaag]) -> dict[str, str]:
    """De teksten van één initiatief per formaat, uit één JSON-rapport."""
    rapport = rapport_json(resultaat, lagen_info=info, met_geometrie="json" in formaten)
    makers = {"json": lambda: json_tekst(rapport), "html": lambda: maak_html(rapport, resultaat, kaartdata=kaartdata),
              "md": lambda: maak_markdown(rapport, resultaat)}
    return {f: makers[f]() for f in formaten}


def schrijf_rapporten(resultaten: Iterable[ToetsResultaat], uitvoer_map: str | os.PathLike, *,
                      laagdata: Laagdata | Mapping[str, gpd.GeoDataFrame],
                      formaten: str | Iterable[str] = FORMATEN, overschrijf: bool = False,
                      lagen_info: Mapping[str, Any] | None = None) -> list[Path]:
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
    laagdata : Laagdata or mapping of str to GeoDataFrame
        De lagen waarmee getoetst is: voor de kaarten in HTML (één keer voorbereid voor alle
        rapporten) en, zonder ``lagen_info``, voor de ``lagen``-sleutel en de voettekst (dan
        moet het een :class:`~omgevingsvisie.lagen.Laagdata` zijn).
    formaten : str or iterable of str
        Een of meer van :data:`FORMATEN` (ook als ``"json,html"``).
    overschrijf : bool
        Bestaande bestanden vervangen.
    lagen_info : mapping, optional
        Zie :func:`~omgevingsvisie.rapport.json.rapport_json`; standaard één keer
        :func:`~omgevingsvisie.rapport.herkomst.beschrijf_lagen` voor alle resultaten.

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
    extra = [map_ / SAMENVATTING_CSV, map_ / SAMENVATTING_GPKG] if len(resultaten) > 1 else []
    controleer_doelen([map_ / f"{n}.{f}" for n in namen for f in formaten] + extra, overschrijf=overschrijf)

    info = lagen_info_voor(resultaten, laagdata=laagdata, lagen_info=lagen_info)
    nodig = {n for r in resultaten for n in kaartlagen(r)} if "html" in formaten else set()
    kaartdata = bereid_kaartlagen([n for n in LAAGNAMEN if n in nodig], laagdata)
    teksten = [(map_ / f"{n}.{f}", tekst) for r, n in zip(resultaten, namen)
               for f, tekst in _maak_rapporten(r, formaten, info, kaartdata).items()]
    overzicht = samenvatting(resultaten) if extra else None

    map_.mkdir(parents=True, exist_ok=True)
    geschreven = [schrijf_tekst(pad, tekst, overschrijf=overschrijf) for pad, tekst in teksten]
    if overzicht is not None:
        geschreven.append(schrijf_tekst(extra[0], csv_tabel(overzicht.drop(columns="geometry")).to_csv(index=False),
                                        overschrijf=overschrijf))
        geschreven.append(schrijf_met(extra[1], lambda p: _schrijf_gpkg(overzicht, p), overschrijf=overschrijf))
    return geschreven
