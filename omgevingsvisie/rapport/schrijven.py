"""Rapporten van veel initiatieven schrijven: een rapport per formaat, plus een samenvatting.

:func:`schrijf_rapporten` controleert eerst alle doelen en maakt alle teksten; pas daarna
wordt er geschreven, in één run van :mod:`omgevingsvisie.io.run`: alles of niets.
:func:`samenvatting` geeft één rij per initiatief (CSV en GeoPackage).

Bestandsnamen (:func:`bestandsnamen`) hangen niet af van de volgorde van de features en botsen
nooit, met elkaar noch met de andere uitvoer van een toets (:data:`GERESERVEERD`):

1. elke naam wordt een slug (:func:`bestandsnaam`); een gereserveerde slug (``toetskaart``,
   ``samenvatting``, ``con`` …) krijgt het voorvoegsel ``initiatief-``;
2. initiatieven met dezelfde slug worden gesorteerd op hun naam (NFC) en dan hun sleutel (bij
   :func:`schrijf_rapporten` de geometrie als WKB); de eerste houdt de slug, de volgende krijgen
   ``-2``, ``-3`` …, waarbij elk achtervoegsel wordt overgeslagen dat al de slug van een ander
   initiatief is.

Voorbeeld
---------
>>> bestandsnamen(["Café 't Hoekje", "cafe t hoekje", "CON"])
['cafe-t-hoekje', 'cafe-t-hoekje-2', 'initiatief-con']
>>> bestandsnamen(["Park 2", "Park", "Toetskaart", "Park"], sleutels=["a", "c", "a", "b"])
['park-2', 'park-3', 'initiatief-toetskaart', 'park']
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
import shapely

from .._errors import InvoerFout
from ..bevinding import STATUSSEN, ToetsResultaat
from ..catalogus import CRS, LAAGNAMEN
from ..io.run import run
from ..io.veilig import csv_tabel
from .herkomst import lagen_info_voor
from .html import maak_html
from .json import aantallen, initiatief_json, json_tekst, rapport_json
from .markdown import maak_markdown
from .svgkaart import KaartLaag, bereid_kaartlagen, kaartlagen

if TYPE_CHECKING:
    from ..lagen import Laagdata

__all__ = ["FORMATEN", "GERESERVEERD", "SAMENVATTING_KOLOMMEN", "bestandsnaam", "bestandsnamen",
           "rapportbestanden", "samenvatting", "schrijf_rapporten"]

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


GERESERVEERD = frozenset({
    "samenvatting", "toetskaart",  # de andere uitvoer van 'omgevingsvisie toets' (toetskaart.html)
    "con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10)),  # Windows
})
"""Slugs die nooit de naam van een rapport zijn: ze krijgen het voorvoegsel ``initiatief-``."""
MAX_NAAMLENGTE = 60


def bestandsnaam(naam: Any) -> str:
    """Een veilige bestandsnaam (zonder extensie) uit de naam van een initiatief.

    Alleen kleine letters, cijfers en streepjes, hooguit :data:`MAX_NAAMLENGTE` tekens;
    accenten vallen weg (``"Café 't Hoekje"`` → ``"cafe-t-hoekje"``); leeg wordt
    ``"initiatief"``; gereserveerde namen (:data:`GERESERVEERD`: ``toetskaart``, ``samenvatting``
    en wat Windows reserveert, zoals ``con``) krijgen het voorvoegsel ``initiatief-``.
    """
    ascii_ = unicodedata.normalize("NFKD", str(naam or "")).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:MAX_NAAMLENGTE].rstrip("-")
    if not slug:
        return "initiatief"
    return f"initiatief-{slug}" if slug in GERESERVEERD else slug


def bestandsnamen(namen: Iterable[Any], *, sleutels: Iterable[Any] | None = None) -> list[str]:
    """Unieke bestandsnamen die niet van de volgorde afhangen (zie de moduledocumentatie).

    Parameters
    ----------
    namen : iterable
        De namen van de initiatieven.
    sleutels : iterable, optional
        Per naam een sorteerbare sleutel (zelfde type) die gelijke namen van elkaar onderscheidt,
        bijvoorbeeld de geometrie als WKB; zonder sleutels zijn gelijke namen alleen op naam gesorteerd.

    Returns
    -------
    list of str
        Per naam, in de volgorde van ``namen``, een unieke bestandsnaam zonder extensie.
    """
    namen = ["" if n is None else unicodedata.normalize("NFC", str(n)) for n in namen]
    sleutels = [""] * len(namen) if sleutels is None else list(sleutels)
    basis = [bestandsnaam(n) for n in namen]
    groepen: dict[str, list[int]] = {}
    for i, b in enumerate(basis):
        groepen.setdefault(b, []).append(i)
    bezet = set(groepen)
    uit = list(basis)
    for b in sorted(groepen):
        leden = sorted(groepen[b], key=lambda i: (namen[i], sleutels[i]))
        n = 2
        for i in leden[1:]:
            while f"{b}-{n}" in bezet:
                n += 1
            uit[i] = f"{b}-{n}"
            bezet.add(uit[i])
    return uit


def _sleutel(geometrie: Any) -> bytes:
    """De sorteersleutel van een plangebied: de WKB (little-endian, dus op elk platform gelijk)."""
    return b"" if geometrie is None else shapely.to_wkb(geometrie, byte_order=1)


def rapportbestanden(namen: Sequence[Any], geometrieen: Sequence[Any], uitvoer_map: str | os.PathLike, *,
                     formaten: str | Iterable[str] = FORMATEN) -> list[Path]:
    """De bestanden die :func:`schrijf_rapporten` schrijft, al vóór de toets te bepalen.

    Parameters
    ----------
    namen, geometrieen : sequence
        Per initiatief de naam en het plangebied (bijvoorbeeld de kolommen ``naam`` en
        ``geometry`` uit :func:`omgevingsvisie.initiatief.lees_initiatieven`).
    uitvoer_map : path-like
    formaten : str or iterable of str

    Returns
    -------
    list of Path
        Per initiatief een bestand per formaat (in de volgorde van ``formaten``), dan bij meer dan
        één initiatief ``samenvatting.csv`` en ``samenvatting.gpkg``.
    """
    formaten = _controleer_formaten(formaten)
    map_ = Path(uitvoer_map)
    slugs = bestandsnamen([None if n is None else str(n) for n in namen], sleutels=[_sleutel(g) for g in geometrieen])
    extra = [map_ / SAMENVATTING_CSV, map_ / SAMENVATTING_GPKG] if len(slugs) > 1 else []
    return [map_ / f"{n}.{f}" for n in slugs for f in formaten] + extra


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

    Bestandsnamen komen uit de naam van het initiatief (:func:`rapportbestanden`, stabiel en
    botsingsvrij): ``<naam>.json``, ``<naam>.html``, ``<naam>.md``; bij meer dan één initiatief ook
    ``samenvatting.csv`` (zonder geometrie) en ``samenvatting.gpkg`` (laag ``samenvatting``,
    EPSG:28992). Eerst worden alle doelen gecontroleerd en alle rapporten gemaakt; daarna
    wordt alles in één run geschreven (:func:`omgevingsvisie.io.run.run`; binnen een lopende run
    voor ``uitvoer_map`` doet het daarin mee). Bestaat een doel al zonder ``overschrijf``, of
    gaat er iets mis, dan is er niets veranderd.

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
    doelen = rapportbestanden([r.initiatief.get("naam") for r in resultaten], [r.geometrie for r in resultaten],
                              map_, formaten=formaten)
    extra = doelen[len(resultaten) * len(formaten):]

    info = lagen_info_voor(resultaten, laagdata=laagdata, lagen_info=lagen_info)
    nodig = {n for r in resultaten for n in kaartlagen(r)} if "html" in formaten else set()
    kaartdata = bereid_kaartlagen([n for n in LAAGNAMEN if n in nodig], laagdata)
    with run(map_, overschrijf=overschrijf) as r:
        r.reserveer(doelen, overschrijf=overschrijf)
        teksten = [tekst for resultaat in resultaten
                   for tekst in _maak_rapporten(resultaat, formaten, info, kaartdata).values()]
        for pad, tekst in zip(doelen, teksten):
            r.pad(pad, overschrijf=overschrijf).write_text(tekst, encoding="utf-8")
        if extra:
            overzicht = samenvatting(resultaten)
            r.pad(extra[0], overschrijf=overschrijf).write_text(
                csv_tabel(overzicht.drop(columns="geometry")).to_csv(index=False), encoding="utf-8")
            _schrijf_gpkg(overzicht, r.pad(extra[1], overschrijf=overschrijf))
    return doelen
