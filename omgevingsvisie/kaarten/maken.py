"""De kaarten zelf: visiekaart, focusgebied, hitte, barrières en toets, en het opslaan ervan.

Elke ``kaart_*``-functie krijgt haar lagen van de aanroeper (``laagdata``, in de praktijk
:func:`omgevingsvisie.lagen.huidige`) en leest nooit het lagenregister. Zie
:mod:`omgevingsvisie.kaarten` voor het overzicht.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from .._errors import InvoerFout
from ..bevinding import ToetsResultaat
from ..catalogus import CRS
from ..io.uitvoer import controleer_doelen, schrijf_tekst
from ..stijl import HITTE_KLEUREN
from ..tekst import aantal, meters
from .basis import nieuwe_kaart, render_kaart, voltooi_kaart
from .elementen import VEREENVOUDIGING_M, Legenda, lagengroep
from .lagen import (
    nodige_laag,
    teken_barrieregebieden,
    teken_barrieres,
    teken_focusgebieden,
    teken_gemeentegrens,
    teken_groenstructuur,
    teken_hittestress,
    teken_oversteken,
    teken_principes,
    teken_wijken,
)
from .raster import lees_raster, teken_raster
from .toets import (
    gebruikte_lagen,
    oordeel_legenda,
    status_legenda,
    teken_gebruikte_laag,
    teken_initiatief,
)
from .wijktabel import koppel_aan_wijken, lees_tabel, teken_wijkwaarden

FOCUS_OMGEVING_M = 500.0
"""Hoe ver (m) rond een focusgebied elementen van de visiekaart nog op de kaart komen."""

ONDERTITEL = "Omgevingsvisie Assen 2021 'Assen nog mooier' · indicatief, geen plankaart"

_PRINCIPE_IN_FOCUSKAART = {"Dynamische stad": "Dynamische hoofdstad"}
"""De kaarten per focusgebied (§3.4) noemen het tweede principe 'Dynamische hoofdstad'."""


def bewaar_kaart(kaart: folium.Map, pad: str | os.PathLike, *, overschrijf: bool = False) -> Path:
    """Schrijf een kaart als één zelfstandig HTML-bestand (atomair).

    Parameters
    ----------
    kaart : folium.Map
        Een kaart uit deze module.
    pad : path-like
        Doelbestand, eindigend op ``.html``.
    overschrijf : bool
        Een bestaand bestand vervangen; anders volgt :class:`~omgevingsvisie.UitvoerBestaat`.

    Returns
    -------
    pathlib.Path
        Het geschreven bestand.
    """
    pad = Path(pad)
    if pad.suffix.lower() not in (".html", ".htm"):
        raise InvoerFout(f"Een kaart is een HTML-bestand; geef een pad dat eindigt op .html (niet: {pad}).")
    controleer_doelen([pad], overschrijf=overschrijf)
    return schrijf_tekst(pad, render_kaart(kaart), overschrijf=overschrijf)


def kaart_visiekaart(*, laagdata: Mapping[str, gpd.GeoDataFrame],
                     tolerantie: float = VEREENVOUDIGING_M) -> folium.Map:
    """De Visiekaart 2040: de drie principes als lagengroepen, met de focusgebieden.

    Parameters
    ----------
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen, bijvoorbeeld ``lagen.huidige()``; gebruikt ``gemeentegrens``,
        ``visiekaart_2040`` en ``focusgebieden``.
    tolerantie : float
        Vereenvoudiging van de geometrie in meters, alleen voor de weergave.

    Returns
    -------
    folium.Map
        Groepen: gemeentegrens, elk principe (legenda met de legendateksten van de
        visiekaart, popup met de toelichting) en de focusgebieden (§3.4, popup met opgave).
    """
    kaart = nieuwe_kaart(titel="Visiekaart Assen 2040", ondertitel=ONDERTITEL)
    secties = [teken_gemeentegrens(kaart, laagdata=laagdata, tolerantie=tolerantie)]
    secties += teken_principes(kaart, nodige_laag(laagdata, "visiekaart_2040"), groepnaam=lambda p: p,
                               tolerantie=tolerantie)
    secties.append(teken_focusgebieden(kaart, nodige_laag(laagdata, "focusgebieden"),
                                       groepnaam="Focusgebieden (§3.4)", tolerantie=tolerantie))
    kaart.add_child(Legenda(secties, titel="Visiekaart 2040"))
    return voltooi_kaart(kaart, focus=nodige_laag(laagdata, "gemeentegrens").geometry)


def _zoek_focusgebied(gebieden: gpd.GeoDataFrame, naam: str) -> gpd.GeoDataFrame:
    gevonden = gebieden[gebieden["naam"].str.casefold() == str(naam).strip().casefold()]
    if gevonden.empty:
        raise InvoerFout(f"Onbekend focusgebied '{naam}'. Kies uit: {', '.join(gebieden['naam'])}.")
    return gevonden.iloc[:1]


def kaart_focusgebied(naam: str, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                      omgeving_m: float = FOCUS_OMGEVING_M, tolerantie: float = VEREENVOUDIGING_M) -> folium.Map:
    """Een focusgebied met de elementen van de drie principes in en rond het gebied.

    Zoals de kaarten "X als onderdeel van Groene stad van het Noorden / Dynamische
    hoofdstad / Verbonden stad" in §3.4 van de Omgevingsvisie: per principe een lagengroep.

    Parameters
    ----------
    naam : str
        Naam van het focusgebied (hoofdletters maken niet uit), bijvoorbeeld ``"Lariks"``.
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen, bijvoorbeeld ``lagen.huidige()``; gebruikt ``gemeentegrens``,
        ``focusgebieden`` en ``visiekaart_2040``.
    omgeving_m : float
        Elementen van de visiekaart die het gebied tot op deze afstand (m) raken, komen op
        de kaart (met hun volledige geometrie).
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave.

    Raises
    ------
    InvoerFout
        Als er geen focusgebied met die naam is (de melding noemt de namen die er wel zijn).
    """
    gebied = _zoek_focusgebied(nodige_laag(laagdata, "focusgebieden"), naam)
    naam = gebied["naam"].iloc[0]
    omgeving = gebied.geometry.iloc[0].buffer(omgeving_m)
    elementen = nodige_laag(laagdata, "visiekaart_2040")
    kaart = nieuwe_kaart(titel=f"Focusgebied {naam}", ondertitel=(
        f"Visiekaart 2040 in en rond het gebied (tot {meters(omgeving_m)}) · indicatief, geen plankaart"))
    secties = [teken_gemeentegrens(kaart, laagdata=laagdata, tolerantie=tolerantie)]
    secties += teken_principes(
        kaart, elementen[elementen.intersects(omgeving)], tolerantie=tolerantie,
        groepnaam=lambda p: f"{naam} als onderdeel van {_PRINCIPE_IN_FOCUSKAART.get(p, p)}")
    secties.append(teken_focusgebieden(kaart, gebied, groepnaam=f"Focusgebied {naam}", tolerantie=tolerantie))
    kaart.add_child(Legenda(secties, titel=f"Focusgebied {naam}"))
    return voltooi_kaart(kaart, focus=gpd.GeoSeries([omgeving], crs=CRS))


def kaart_hitte(raster: str | os.PathLike | None = None, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                raster_titel: str = "Hitte-eilandeffect (UHI)", dekking: float = 0.7,
                tolerantie: float = VEREENVOUDIGING_M) -> folium.Map:
    """De gebieden met hittestress (§2.7), optioneel met een hitte-raster eronder.

    Parameters
    ----------
    raster : path-like, optional
        GeoTIFF met bijvoorbeeld het hitte-eilandeffect (band 1, met coördinatenstelsel).
        Wordt een gekleurde laag met een eigen legenda (kleurverloop, minimum, maximum,
        eenheid) en een schuif voor de dekking. De eenheid komt uit het raster (``units`` of
        tag ``eenheid``), anders °C.
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen, bijvoorbeeld ``lagen.huidige()``; gebruikt ``gemeentegrens``, ``wijken``
        en ``hittestress``.
    raster_titel : str
        Naam van de rasterlaag in de lagenknop en de legenda.
    dekking : float
        Begindekking van het raster, 0–1.
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave.
    """
    if not 0 <= dekking <= 1:
        raise InvoerFout(f"Dekking moet tussen 0 en 1 liggen (niet {dekking}).")
    beeld = lees_raster(raster, kleuren=HITTE_KLEUREN) if raster is not None else None
    kaart = nieuwe_kaart(titel="Hittestress in Assen",
                         ondertitel="Gebieden met hittestress (Omgevingsvisie §2.7) · indicatief")
    secties = [teken_gemeentegrens(kaart, laagdata=laagdata, tolerantie=tolerantie),
               teken_wijken(kaart, laagdata=laagdata, tolerantie=tolerantie)]
    focus = list(nodige_laag(laagdata, "hittestress").geometry)
    if beeld is not None:  # onder de vlakken, dus vóór de hittestressgebieden
        groep = lagengroep(kaart, raster_titel)
        kaart.add_child(teken_raster(groep, beeld, titel=raster_titel, dekking=dekking))
        (zuid, west), (noord, oost) = beeld.grenzen
        focus += list(gpd.GeoSeries([box(west, zuid, oost, noord)], crs="EPSG:4326").to_crs(CRS))
    secties.append(teken_hittestress(kaart, laagdata=laagdata, tolerantie=tolerantie))
    kaart.add_child(Legenda(secties, titel="Hittestress"))
    return voltooi_kaart(kaart, focus=gpd.GeoSeries(focus, crs=CRS))


def kaart_barrieres(tabel: pd.DataFrame | str | os.PathLike | None = None, *,
                    laagdata: Mapping[str, gpd.GeoDataFrame], kolom: str | None = None,
                    tolerantie: float = VEREENVOUDIGING_M) -> folium.Map:
    """Barrières (§2.10), werkgebieden die een barrière vormen, oversteken en afgesneden groen.

    Parameters
    ----------
    tabel : DataFrame or path-like, optional
        Tabel per wijk (bijvoorbeeld uit de omrijanalyse: welke wijken ingesloten zijn) met
        een kolom ``statcode`` of ``naam`` en minstens één kolom met getallen; de wijken
        worden gekleurd in vijf gelijke klassen. Een CSV-pad mag ook.
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen, bijvoorbeeld ``lagen.huidige()``; gebruikt ``gemeentegrens``, ``wijken``,
        ``groenstructuur``, ``barrieregebieden``, ``barrieres`` en ``oversteken``.
    kolom : str, optional
        De kolom om te kleuren; standaard de eerste kolom met getallen.
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave.
    """
    if kolom is not None and tabel is None:
        raise InvoerFout("Een kolom kiezen kan alleen met een tabel per wijk.")
    kaart = nieuwe_kaart(titel="Barrières in Assen",
                         ondertitel="Omgevingsvisie §2.10: wegen, water, spoor en werkgebieden · indicatief")
    secties = [teken_gemeentegrens(kaart, laagdata=laagdata, tolerantie=tolerantie)]
    if tabel is not None:
        wijken, kolom = koppel_aan_wijken(lees_tabel(tabel), kolom, laagdata=laagdata)
        secties.append(teken_wijkwaarden(kaart, wijken, kolom, tolerantie=tolerantie))
    else:
        secties.append(teken_wijken(kaart, laagdata=laagdata, tolerantie=tolerantie))
    for teken in (teken_groenstructuur, teken_barrieregebieden, teken_barrieres, teken_oversteken):
        secties.append(teken(kaart, laagdata=laagdata, tolerantie=tolerantie))
    kaart.add_child(Legenda(secties, titel="Barrières"))
    focus = pd.concat([nodige_laag(laagdata, "barrieres").geometry, nodige_laag(laagdata, "oversteken").geometry])
    return voltooi_kaart(kaart, focus=focus)


def kaart_toets(resultaten: Sequence[ToetsResultaat], *, laagdata: Mapping[str, gpd.GeoDataFrame],
                tolerantie: float = VEREENVOUDIGING_M) -> folium.Map:
    """De toetskaart: elk initiatief, de bevindingen naar status en de gebruikte lagen.

    De kaart berekent niets: ze tekent de resultaten van de toets.

    Parameters
    ----------
    resultaten : sequence of ToetsResultaat
        Een of meer getoetste initiatieven (geometrie in EPSG:28992).
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen, bijvoorbeeld ``lagen.huidige()`` (dezelfde als waarmee is getoetst):
        ``gemeentegrens`` en elke laag die een bevinding noemt. De titel van een laag komt
        uit ``laagdata.metadata(naam)``; bij een gewone dict uit de catalogus.
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave (ook van bevindingen).

    Returns
    -------
    folium.Map
        Per initiatief één groep met het plangebied (omlijnd in de kleur van het oordeel;
        popup met alle bevindingen) en de bevindingen die een geometrie hebben (gekleurd
        naar status; popup met regel, status, toelichting, bron en waarden). Per laag die
        een regel gebruikte een groep die bij openen uit staat, met in de legenda de regels
        die hem gebruikten. De kaart zoomt in op de initiatieven en bevindingen.

    Raises
    ------
    InvoerFout
        Als er geen resultaten zijn, of als een gebruikte laag niet in ``laagdata`` zit.
    """
    resultaten = list(resultaten)
    if not resultaten:
        raise InvoerFout("Geen toetsresultaten om op de kaart te zetten.")
    namen = [str(r.initiatief.get("naam", f"initiatief {i + 1}")) for i, r in enumerate(resultaten)]
    titel = (f"Toets: {namen[0]}" if len(namen) == 1
             else f"Toets van {aantal(len(namen), 'initiatief', 'initiatieven')}")
    kaart = nieuwe_kaart(titel=titel, ondertitel="Bevindingen naar status · " + ONDERTITEL)
    secties = [oordeel_legenda(resultaten), status_legenda(),
               teken_gemeentegrens(kaart, laagdata=laagdata, tolerantie=tolerantie)]
    secties += [teken_gebruikte_laag(kaart, laag, regels, laagdata=laagdata, tolerantie=tolerantie)
                for laag, regels in gebruikte_lagen(resultaten).items()]
    for naam, resultaat in zip(namen, resultaten):
        teken_initiatief(kaart, naam, resultaat, tolerantie=tolerantie)
    kaart.add_child(Legenda(secties, titel="Toets aan de Omgevingsvisie"))
    focus = [r.geometrie for r in resultaten]
    focus += [b.geometrie for r in resultaten for b in r.bevindingen
              if b.geometrie is not None and not b.geometrie.is_empty]
    return voltooi_kaart(kaart, focus=gpd.GeoSeries(focus, crs=CRS))
