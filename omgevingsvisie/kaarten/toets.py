"""Bouwstenen van de toetskaart: initiatieven, bevindingen naar status en gebruikte lagen.

De kaart berekent niets: hij tekent de :class:`~omgevingsvisie.bevinding.ToetsResultaat`-en
die de toets heeft gemaakt (ONTWERP §2: "maps never compute findings").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import folium
import geopandas as gpd
import pandas as pd
from markupsafe import Markup

from ..bevinding import STATUSSEN, Bevinding, ToetsResultaat
from ..catalogus import CRS
from ..stijl import LAAG_STIJLEN, OORDEEL_KLEUREN, STATUS_KLEUREN, Stijl
from .basis import fragmenten
from .elementen import LegendaItem, LegendaSectie, lagengroep, popup_html, tabel_rijen, teken_laag, veldnaam
from .lagen import laag_metadata, nodige_laag, vorm

STATUS_LABELS = {
    "voldoet": "Voldoet", "aandachtspunt": "Aandachtspunt", "strijdig": "Strijdig",
    "niet_van_toepassing": "Niet van toepassing", "onvoldoende_gegevens": "Onvoldoende gegevens",
}
OORDEEL_LABELS = {"voldoet": "Voldoet", "aandachtspunten": "Aandachtspunten", "strijdig": "Strijdig"}
ONBEKEND_KLEUR = "#757575"
"""Kleur van een status die niet in :data:`~omgevingsvisie.stijl.STATUS_KLEUREN` staat."""


def status_stijl(status: str) -> Stijl:
    """Vlak, lijn of punt van een bevinding in de kleur van zijn status."""
    kleur = STATUS_KLEUREN.get(status, ONBEKEND_KLEUR)
    return Stijl(kleur, kleur, 0.45, 2.5)


def status_legenda() -> LegendaSectie:
    """Legendadeel met alle vijf statussen."""
    return LegendaSectie("Status van de bevindingen",
                         [LegendaItem(STATUS_LABELS[s], status_stijl(s)) for s in STATUSSEN])


def _oordeel(resultaat: ToetsResultaat) -> str:
    return OORDEEL_LABELS.get(resultaat.oordeel, resultaat.oordeel)


def _initiatief_popup(resultaat: ToetsResultaat) -> Markup:
    velden = [("Oordeel", _oordeel(resultaat))]
    velden += [(veldnaam(k), v) for k, v in resultaat.initiatief.items() if k != "naam"]
    regels = [(STATUS_KLEUREN.get(b.status, ONBEKEND_KLEUR), STATUS_LABELS.get(b.status, b.status), b.regel, b.titel)
              for b in resultaat.bevindingen]
    return popup_html(resultaat.initiatief.get("naam", "Initiatief"), velden, kop="Initiatief",
                      extra=fragmenten().bevindingen(regels))


def _bevinding_popup(bevinding: Bevinding) -> Markup:
    waarden = fragmenten().gemeten_waarden(tabel_rijen((veldnaam(k), v) for k, v in bevinding.waarden.items()))
    return popup_html(f"{bevinding.regel} · {bevinding.titel}", [
        ("Status", STATUS_LABELS.get(bevinding.status, bevinding.status)),
        ("Toelichting", bevinding.toelichting), ("Bron", bevinding.bron), ("Lagen", ", ".join(bevinding.lagen)),
    ], kop=bevinding.principe, extra=waarden)


def plan_stijl(oordeel: str) -> Stijl:
    """Het plangebied: omlijnd in de kleur van het oordeel, licht gevuld."""
    kleur = OORDEEL_KLEUREN.get(oordeel, "#424242")
    return Stijl(kleur, kleur, 0.12, 3.5)


def oordeel_legenda(resultaten: Sequence[ToetsResultaat]) -> LegendaSectie:
    """Legendadeel met de oordelen die op de kaart voorkomen."""
    oordelen = [o for o in OORDEEL_LABELS if any(r.oordeel == o for r in resultaten)]
    return LegendaSectie("Plangebied naar oordeel",
                         [LegendaItem(OORDEEL_LABELS[o], plan_stijl(o)) for o in oordelen])


def teken_initiatief(kaart: folium.Map, naam: str, resultaat: ToetsResultaat, *, tolerantie: float) -> None:
    """Eén lagengroep met het plangebied en de bevindingen die een geometrie hebben."""
    groep = lagengroep(kaart, f"Initiatief: {naam} ({_oordeel(resultaat)})")
    plan = gpd.GeoDataFrame({"naam": [naam]}, geometry=[resultaat.geometrie], crs=CRS)
    teken_laag(groep, plan, laag="initiatief", stijl=plan_stijl(resultaat.oordeel), tolerantie=tolerantie,
               popup=lambda r: _initiatief_popup(resultaat), tooltip=lambda r: r["naam"])
    met_geometrie = [b for b in resultaat.bevindingen if b.geometrie is not None and not b.geometrie.is_empty]
    if met_geometrie:
        bevindingen = gpd.GeoDataFrame({"nummer": range(len(met_geometrie))},
                                       geometry=[b.geometrie for b in met_geometrie], crs=CRS)
        teken_laag(groep, bevindingen, laag="bevinding", tolerantie=tolerantie,
                   stijl=lambda r: status_stijl(met_geometrie[r["nummer"]].status),
                   popup=lambda r: _bevinding_popup(met_geometrie[r["nummer"]]),
                   tooltip=lambda r: "{0.regel}: {1}".format(
                       met_geometrie[r["nummer"]], STATUS_LABELS.get(met_geometrie[r["nummer"]].status)))


def gebruikte_lagen(resultaten: Sequence[ToetsResultaat]) -> dict[str, list[str]]:
    """Per laag de regels die hem gebruikten, in volgorde van eerste gebruik."""
    gebruik: dict[str, list[str]] = {}
    for resultaat in resultaten:
        for bevinding in resultaat.bevindingen:
            for laag in bevinding.lagen:
                regels = gebruik.setdefault(laag, [])
                if bevinding.regel not in regels:
                    regels.append(bevinding.regel)
    return gebruik


def teken_gebruikte_laag(kaart: folium.Map, laag: str, regels: list[str], *,
                         laagdata: Mapping[str, gpd.GeoDataFrame], tolerantie: float) -> LegendaSectie:
    """Een laag die regels gebruikten, als groep die bij openen uit staat.

    Parameters
    ----------
    kaart : folium.Map
        De kaart.
    laag : str
        Laagnaam, zoals in ``Bevinding.lagen``.
    regels : list of str
        De regels die de laag gebruikten (voor de legenda).
    laagdata : mapping of str to geopandas.GeoDataFrame
        De lagen; titel uit ``laagdata.metadata(laag)`` als die er is.
    tolerantie : float
        Vereenvoudiging in meters, alleen voor de weergave.
    """
    titel = laag_metadata(laagdata, laag)["titel"]
    stijl = LAAG_STIJLEN.get(laag, LAAG_STIJLEN["visiekaart_2040"])
    gdf = nodige_laag(laagdata, laag)

    def popup(rij: pd.Series) -> str:
        velden = [(veldnaam(k), v) for k, v in rij.items() if k not in ("geometry", "naam")]
        return popup_html(rij.get("naam", titel), velden, kop=titel)

    groep = lagengroep(kaart, f"Laag: {titel}", zichtbaar=False)
    teken_laag(groep, gdf, laag=laag, stijl=stijl, tolerantie=tolerantie, popup=popup,
               tooltip=lambda r: r.get("naam", titel))
    symbool = vorm(gdf.geometry.iloc[0].geom_type) if len(gdf) else "vlak"
    return LegendaSectie(f"Laag: {titel}", [LegendaItem(titel, stijl, symbool)], groep,
                         uitleg=f"Gebruikt door: {', '.join(regels)}", open=False)
