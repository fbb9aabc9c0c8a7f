"""De lagen van de Omgevingsvisie op een kaart: elk als lagengroep met een legendadeel.

Elke ``teken_*``-functie zet één lagengroep op de kaart (met stijl uit
:mod:`omgevingsvisie.stijl`, popups en tooltips) en geeft het bijbehorende
:class:`~omgevingsvisie.kaarten.elementen.LegendaSectie` terug. :mod:`omgevingsvisie.kaarten`
stelt er de kaarten mee samen.

De lagen komen van de aanroeper (``laagdata``, in de praktijk een
:class:`~omgevingsvisie.lagen.Laagdata`); deze module leest nooit het lagenregister.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import folium
import geopandas as gpd
import pandas as pd

from .._errors import InvoerFout
from ..catalogus import PRINCIPES, SCHEMAS
from .elementen import LegendaItem, LegendaSectie, is_leeg, lagengroep, popup_html, teken_laag
from ..stijl import (
    AFGESNEDEN_STIJL,
    BARRIERE_KLEUREN,
    LAAG_STIJLEN,
    OVERSTEEK_KLEUREN,
    PRINCIPE_KLEUREN,
    Stijl,
    element_kleur,
)

_LIJN_PER_PRINCIPE = {"Groene stad van het Noorden": (6.0, None), "Dynamische stad": (4.0, None),
                      "Verbonden stad": (3.0, "8 6")}
"""Lijndikte en streep per principe: de groene netwerken van Groene en Verbonden stad liggen
op dezelfde lijn en blijven zo allebei zichtbaar."""

_SOORT_LABELS = {"weg": "Weg", "water": "Water (kanaal)", "spoor": "Spoor",
                 "gelijkvloers": "Gelijkvloerse kruising"}


def nodige_laag(laagdata: Mapping[str, gpd.GeoDataFrame], naam: str) -> gpd.GeoDataFrame:
    """Laag ``naam`` uit ``laagdata``, met een duidelijke fout als hij er niet in zit.

    Parameters
    ----------
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen die de aanroeper meegeeft.
    naam : str
        Laagnaam, bijvoorbeeld ``"wijken"``.

    Raises
    ------
    InvoerFout
        Als ``laagdata`` geen laag ``naam`` heeft.
    """
    if naam not in laagdata:
        raise InvoerFout(f"De kaart heeft de laag '{naam}' nodig, maar die zit niet in de meegegeven lagen "
                         f"(wel: {', '.join(laagdata) or 'geen'}).")
    return laagdata[naam]


def laag_metadata(laagdata: Mapping[str, gpd.GeoDataFrame], naam: str) -> dict[str, str]:
    """De metadata van laag ``naam``: uit ``laagdata.metadata`` als die er is.

    Een gewone dict met GeoDataFrames heeft geen metadata; dan volgt een minimale
    metadata met als titel de omschrijving uit de catalogus, met een hoofdletter (of de
    laagnaam).

    Parameters
    ----------
    laagdata : mapping of str to geopandas.GeoDataFrame
        Een :class:`~omgevingsvisie.lagen.Laagdata` of een andere mapping.
    naam : str
        Laagnaam.

    Returns
    -------
    dict of str to str
        Minstens de sleutel ``"titel"``.
    """
    lezer = getattr(laagdata, "metadata", None)
    meta = dict(lezer(naam)) if callable(lezer) else {}
    if not meta.get("titel"):
        omschrijving = SCHEMAS[naam].omschrijving if naam in SCHEMAS else naam
        meta["titel"] = omschrijving[:1].upper() + omschrijving[1:]
    return meta


def vorm(geometrie_type: str) -> str:
    """Legendasymbool bij een geometrietype: ``"punt"``, ``"lijn"`` of ``"vlak"``."""
    if geometrie_type.endswith("Point"):
        return "punt"
    return "lijn" if geometrie_type.endswith("LineString") else "vlak"


def legenda_tekst(gdf: gpd.GeoDataFrame, standaard: str) -> str:
    """De legendatekst die een laag zelf meedraagt (kolom ``legenda``), anders ``standaard``."""
    if "legenda" in gdf.columns and gdf["legenda"].notna().any():
        return str(gdf["legenda"].dropna().iloc[0])
    return standaard


# ---------------------------------------------------------------- visiekaart

def element_stijl(element: str, principe: str, vorm_: str) -> Stijl:
    """Stijl van een element van de visiekaart, in de kleur van zijn legendatekst."""
    kleur = element_kleur(element, principe)
    if vorm_ == "lijn":
        dikte, streep = _LIJN_PER_PRINCIPE.get(principe, (4.0, None))
        return Stijl(None, kleur, 0.0, dikte, streep)
    if vorm_ == "punt":
        return Stijl(kleur, PRINCIPE_KLEUREN.get(principe, "#424242"), 0.9, 1.5)
    return Stijl(kleur, kleur, LAAG_STIJLEN["visiekaart_2040"].dekking, 1.5)


def _element_popup(rij: pd.Series) -> str:
    titel = rij.get("gebied") if not is_leeg(rij.get("gebied")) else rij["element"]
    return popup_html(titel, [("Legenda", rij["element"]), ("Omgevingsvisie", rij["toelichting"])],
                      kop=rij["principe"])


def _element_tooltip(rij: pd.Series) -> str:
    gebied = rij.get("gebied")
    return rij["element"] if is_leeg(gebied) else f"{gebied} — {rij['element']}"


def teken_principes(kaart: folium.Map, elementen: gpd.GeoDataFrame, *, groepnaam: Callable[[str], str],
                    tolerantie: float) -> list[LegendaSectie]:
    """Per principe een lagengroep met zijn elementen en een legendadeel met de legendateksten.

    Parameters
    ----------
    kaart : folium.Map
        De kaart.
    elementen : geopandas.GeoDataFrame
        (Een deel van) de laag ``visiekaart_2040``.
    groepnaam : callable
        Naam van de lagengroep bij een principe.
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave.
    """
    secties = []
    for principe in list(PRINCIPES) + sorted(set(elementen["principe"]) - set(PRINCIPES)):
        deel = elementen[elementen["principe"] == principe]
        groep = lagengroep(kaart, groepnaam(principe))
        teken_laag(groep, deel, laag="visiekaart_2040", tolerantie=tolerantie,
                   stijl=lambda r: element_stijl(r["element"], r["principe"], vorm(r.geometry.geom_type)),
                   popup=_element_popup, tooltip=_element_tooltip)
        items = {}
        for rij in deel.itertuples():
            symbool = vorm(rij.geometry.geom_type)
            items.setdefault((rij.element, symbool),
                             LegendaItem(rij.element, element_stijl(rij.element, principe, symbool), symbool))
        uitleg = "" if items else "Geen elementen van dit principe in of rond dit gebied."
        secties.append(LegendaSectie(groepnaam(principe), list(items.values()), groep, uitleg))
    return secties


# ---------------------------------------------------------------- gebieden en context

FOCUS_STIJL = Stijl(None, LAAG_STIJLEN["focusgebieden"].lijn, 0.0, 3.0, "10 6")
"""Focusgebieden als omtrek, zodat de elementen eronder aanklikbaar blijven."""


def teken_focusgebieden(kaart: folium.Map, gebieden: gpd.GeoDataFrame, *, groepnaam: str,
                        tolerantie: float) -> LegendaSectie:
    """Focusgebieden (§3.4) met hun opgave in de popup."""
    groep = lagengroep(kaart, groepnaam)
    teken_laag(groep, gebieden, laag="focusgebieden", stijl=FOCUS_STIJL, tolerantie=tolerantie,
               popup=lambda r: popup_html(r["naam"], [("Opgave", r["opgave"]), ("Paragraaf", r["paragraaf"])],
                                          kop="Focusgebied Omgevingsvisie"),
               tooltip=lambda r: f"Focusgebied {r['naam']}")
    return LegendaSectie(groepnaam, [LegendaItem("Focusgebied (omtrek)", FOCUS_STIJL)], groep)


def teken_gemeentegrens(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                        tolerantie: float) -> LegendaSectie:
    """De gemeentegrens (context)."""
    stijl = LAAG_STIJLEN["gemeentegrens"]
    groep = lagengroep(kaart, "Gemeentegrens")
    teken_laag(groep, nodige_laag(laagdata, "gemeentegrens"), laag="gemeentegrens", stijl=stijl,
               tolerantie=tolerantie, tooltip=lambda r: f"Gemeente {r['naam']}")
    return LegendaSectie("Gemeentegrens", [LegendaItem("Gemeente Assen", stijl)], groep, open=False)


def teken_wijken(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                 tolerantie: float) -> LegendaSectie:
    """De CBS-wijken als omtrek (context)."""
    stijl = LAAG_STIJLEN["wijken"]
    groep = lagengroep(kaart, "Wijken (CBS 2023)")
    teken_laag(groep, nodige_laag(laagdata, "wijken"), laag="wijken", stijl=stijl, tolerantie=tolerantie,
               tooltip=lambda r: f"Wijk {r['naam']}")
    return LegendaSectie("Wijken (CBS 2023)", [LegendaItem("Wijkgrens", stijl)], groep, open=False)


def teken_hittestress(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                      tolerantie: float) -> LegendaSectie:
    """Gebieden met hittestress (§2.7) met hun reden in de popup."""
    stijl, naam = LAAG_STIJLEN["hittestress"], "Hittestress (§2.7)"
    groep = lagengroep(kaart, naam)
    teken_laag(groep, nodige_laag(laagdata, "hittestress"), laag="hittestress", stijl=stijl,
               tolerantie=tolerantie, popup=lambda r: popup_html(r["naam"], [("Reden", r["reden"])], kop=naam),
               tooltip=lambda r: r["naam"])
    return LegendaSectie(naam, [LegendaItem("Gebied met hittestress", stijl)], groep,
                         uitleg="Veel steen en platte daken, weinig groen: Havenkwartier, noordelijke "
                                "binnenstad, bedrijventerreinen en wijkwinkelcentra.")


# ---------------------------------------------------------------- barrières

def _afgesneden(rij: pd.Series) -> bool:
    return not is_leeg(rij.get("afgesneden_door"))


def teken_groenstructuur(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                         tolerantie: float) -> LegendaSectie:
    """Groenstructuur; groen dat door een barrière is afgesneden, rood gestreept omlijnd."""
    groep = lagengroep(kaart, "Groenstructuur")
    teken_laag(
        groep, nodige_laag(laagdata, "groenstructuur"), laag="groenstructuur", tolerantie=tolerantie,
        stijl=lambda r: AFGESNEDEN_STIJL if _afgesneden(r) else LAAG_STIJLEN["groenstructuur"],
        popup=lambda r: popup_html(r["naam"], [("Type", r["type"]), ("Afgesneden door", r.get("afgesneden_door")),
                                               ("Toelichting", r.get("toelichting"))], kop="Groenstructuur"),
        tooltip=lambda r: r["naam"] + (f" (afgesneden door {r['afgesneden_door']})" if _afgesneden(r) else ""))
    return LegendaSectie("Groenstructuur", [
        LegendaItem("Groen", LAAG_STIJLEN["groenstructuur"]),
        LegendaItem("Groen, afgesneden door een barrière", AFGESNEDEN_STIJL)], groep)


def teken_barrieregebieden(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                           tolerantie: float) -> LegendaSectie:
    """Werkgebieden die een barrière vormen (§2.10)."""
    gebieden, stijl, naam = nodige_laag(laagdata, "barrieregebieden"), LAAG_STIJLEN["barrieregebieden"], \
        "Werkgebieden die een barrière vormen"
    groep = lagengroep(kaart, naam)
    teken_laag(groep, gebieden, laag="barrieregebieden", stijl=stijl, tolerantie=tolerantie,
               tooltip=lambda r: r["naam"],
               popup=lambda r: popup_html(r["naam"], [("Legenda", r.get("legenda"))], kop="Barrière (§2.10)"))
    return LegendaSectie(naam, [LegendaItem(legenda_tekst(gebieden, "Werkgebied dat een barrière vormt"),
                                            stijl)], groep)


def _barriere_stijl(soort: str) -> Stijl:
    return Stijl(None, BARRIERE_KLEUREN.get(soort, LAAG_STIJLEN["barrieres"].lijn), 0.0, 5.0)


def teken_barrieres(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                    tolerantie: float) -> LegendaSectie:
    """Barrières (§2.10) naar soort: weg, water, spoor."""
    barrieres, naam = nodige_laag(laagdata, "barrieres"), "Barrières (§2.10)"
    groep = lagengroep(kaart, naam)
    teken_laag(groep, barrieres, laag="barrieres", stijl=lambda r: _barriere_stijl(r["soort"]),
               tolerantie=tolerantie, tooltip=lambda r: r["naam"],
               popup=lambda r: popup_html(r["naam"], [("Soort", r["soort"]), ("Legenda", r.get("legenda"))],
                                          kop=naam))
    items = [LegendaItem(_SOORT_LABELS.get(s, s), _barriere_stijl(s), "lijn")
             for s in dict.fromkeys(barrieres["soort"])]
    return LegendaSectie(naam, items, groep, uitleg=legenda_tekst(barrieres, ""))


def _oversteek_stijl(soort: object) -> Stijl:
    basis = LAAG_STIJLEN["oversteken"]
    return Stijl(OVERSTEEK_KLEUREN.get(str(soort), basis.vulling), basis.lijn, 0.95, 1.0)


def teken_oversteken(kaart: folium.Map, *, laagdata: Mapping[str, gpd.GeoDataFrame],
                     tolerantie: float) -> LegendaSectie:
    """Bestaande oversteken van barrières, naar soort (brug, tunnel, viaduct, gelijkvloers)."""
    oversteken = nodige_laag(laagdata, "oversteken")
    if "soort" not in oversteken.columns:  # eigen data zonder soort
        oversteken = oversteken.assign(soort="")
    groep = lagengroep(kaart, "Oversteken")
    teken_laag(groep, oversteken, laag="oversteken", stijl=lambda r: _oversteek_stijl(r["soort"]),
               tolerantie=tolerantie, tooltip=lambda r: r["naam"],
               popup=lambda r: popup_html(r["naam"], [("Barrière", r["barriere"]), ("Soort", r["soort"])],
                                          kop="Oversteek"))
    items = [LegendaItem(_SOORT_LABELS.get(s, str(s).capitalize() or "Oversteek"), _oversteek_stijl(s), "punt")
             for s in dict.fromkeys(oversteken["soort"])]
    return LegendaSectie("Oversteken", items, groep)
