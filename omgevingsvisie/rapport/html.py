"""Het HTML-rapport: één zelfstandige pagina voor de raad en planners.

Oordeel, initiatief, een kleine statische kaart (inline SVG uit :mod:`.svgkaart`) en de
bevindingen per principe. Geen JavaScript en geen externe bestanden: de CSS
(``sjablonen/rapport.css``) staat in de pagina, zodat die offline en als één bestand werkt
en goed print.

De pagina komt uit het Jinja2-sjabloon ``sjablonen/rapport.html.j2`` met autoescape: alle
tekst uit de invoer wordt daar geëscaped. Alleen de kaart komt als
:class:`~markupsafe.Markup` binnen; die escapet :mod:`.svgkaart` zelf. De sjablonen worden
pas bij het eerste rapport gelezen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..bevinding import Bevinding, ToetsResultaat
from ..catalogus import PRINCIPES
from ..io.sjablonen import sjabloon_omgeving, sjabloontekst
from ..stijl import OORDEEL_KLEUREN, PRINCIPE_KLEUREN, STATUS_KLEUREN
from .json import aantallen, naar_json, rapport_json
from .svgkaart import Kaart, KaartLaag, bereid_kaartlagen, kaartlagen, teken_kaart
from .teksten import (
    OORDEEL_ZINNEN,
    STATUS_LABELS,
    oppervlakte_tekst,
    programma_regels,
    telling_tekst,
    toon_waarde,
    voettekst_delen,
    waarde_label,
)

if TYPE_CHECKING:
    import geopandas as gpd
    import jinja2

__all__ = ["groepeer_per_principe", "maak_html", "rapport_html", "tekstkleur"]

SJABLOON = "rapport.html.j2"
STIJLBLAD = "rapport.css"
PRINCIPE_VOLGORDE = (*PRINCIPES, "Milieu")
"""Volgorde van de groepen in HTML; onbekende principes volgen in volgorde van voorkomen."""
OVERIG_KLEUR = "#616161"
"""Kleur van een principe dat niet in :data:`~omgevingsvisie.stijl.PRINCIPE_KLEUREN` staat."""
PUNTEN = ("strijdig", "aandachtspunt")
"""De statussen die in het oordeel als punt worden opgesomd."""

# WCAG 2.x: relatieve luminantie en contrastverhouding
_SRGB_DREMPEL = 0.03928
_SRGB_GAMMA = 2.4
_LUMINANTIE = (0.2126, 0.7152, 0.0722)
_CONTRAST_MARGE = 0.05


def tekstkleur(achtergrond: str) -> str:
    """Zwart of wit, wat het best leesbaar is op ``achtergrond`` (``#rrggbb``, WCAG-contrast).

    Examples
    --------
    >>> tekstkleur("#c62828"), tekstkleur("#ffeb3b")
    ('#ffffff', '#000000')
    """
    kanalen = [int(achtergrond[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= _SRGB_DREMPEL else ((c + 0.055) / 1.055) ** _SRGB_GAMMA for c in kanalen]
    lum = sum(w * c for w, c in zip(_LUMINANTIE, lin))
    wit = (1 + _CONTRAST_MARGE) / (lum + _CONTRAST_MARGE)
    zwart = (lum + _CONTRAST_MARGE) / _CONTRAST_MARGE
    return "#ffffff" if wit >= zwart else "#000000"


@lru_cache(maxsize=1)
def _omgeving() -> jinja2.Environment:
    """De Jinja2-omgeving op ``sjablonen/`` (autoescape aan), één keer gemaakt bij het eerste gebruik."""
    return sjabloon_omgeving("omgevingsvisie.rapport", filters={"tekstkleur": tekstkleur},
                             globalen={"status_labels": STATUS_LABELS, "status_kleuren": STATUS_KLEUREN})


@lru_cache(maxsize=1)
def _stijlblad() -> Markup:
    """De CSS van het rapport, om letterlijk in ``<style>`` te zetten (een eigen bestand, geen invoer)."""
    return Markup(sjabloontekst(_omgeving(), STIJLBLAD))


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


def _principes(rapport: Mapping[str, Any], resultaat: ToetsResultaat) -> list[dict[str, Any]]:
    """Per principe de kleur, de telling en de bevindingen met hun waarden als (label, tekst)."""
    uit = []
    for principe, indexen in groepeer_per_principe(resultaat.bevindingen):
        bevindingen = []
        for i in indexen:
            # de waarden in de volgorde van de regel (de JSON sorteert ze)
            waarden = naar_json(dict(resultaat.bevindingen[i].waarden))
            bevindingen.append({**rapport["bevindingen"][i],
                                "waarden": [(waarde_label(k), toon_waarde(v, k)) for k, v in waarden.items()]})
        uit.append({"naam": principe, "kleur": PRINCIPE_KLEUREN.get(principe, OVERIG_KLEUR),
                    "telling": telling_tekst(aantallen(resultaat.bevindingen[i] for i in indexen)),
                    "bevindingen": bevindingen})
    return uit


def _initiatief_rijen(initiatief: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [("Naam", initiatief["naam"]), ("Oppervlakte", oppervlakte_tekst(initiatief["oppervlakte_m2"])),
            ("Focusgebieden", ", ".join(initiatief["focusgebieden"]) or "geen"), *programma_regels(initiatief)]


def _kaart(resultaat: ToetsResultaat, naam: str, kaartdata: Mapping[str, KaartLaag]) -> Kaart | None:
    """De kaart van het plan, of ``None`` als het plan geen geometrie heeft."""
    plan = resultaat.geometrie
    if plan is None or plan.is_empty:
        return None
    te_tekenen = {n: kaartdata[n] for n in kaartlagen(resultaat)}
    return teken_kaart(plan, naam=naam, bevindingen=resultaat.bevindingen, lagen=te_tekenen)


def maak_html(rapport: Mapping[str, Any], resultaat: ToetsResultaat, *,
              kaartdata: Mapping[str, KaartLaag] | None) -> str:
    """De HTML-pagina uit een (al gemaakt) JSON-rapport van ``resultaat``.

    Parameters
    ----------
    rapport : mapping
        :func:`~omgevingsvisie.rapport.json.rapport_json` van ``resultaat``.
    resultaat : ToetsResultaat
        Voor de kaart en de volgorde van de gemeten waarden.
    kaartdata : mapping of str to KaartLaag, optional
        Minstens de :func:`~omgevingsvisie.rapport.svgkaart.kaartlagen` van ``resultaat``;
        ``None``: geen kaart.
    """
    naam = rapport["initiatief"]["naam"]
    oordeel = rapport["oordeel"]
    return _omgeving().get_template(SJABLOON).render(
        css=_stijlblad(), naam=naam, versie=rapport["versie"],
        oordeel=oordeel, oordeel_kleur=OORDEEL_KLEUREN[oordeel], oordeel_zin=OORDEEL_ZINNEN[oordeel],
        telling=telling_tekst(rapport["aantallen"]),
        punten=[b for b in rapport["bevindingen"] if b["status"] in PUNTEN],
        initiatief=_initiatief_rijen(rapport["initiatief"]),
        met_kaart=kaartdata is not None,
        kaart=_kaart(resultaat, naam, kaartdata) if kaartdata is not None else None,
        principes=_principes(rapport, resultaat),
        voettekst=voettekst_delen(rapport["lagen"]),
    )


def rapport_html(resultaat: ToetsResultaat, *, laagdata: Mapping[str, gpd.GeoDataFrame] | None = None,
                 lagen_info: Mapping[str, Any] | None = None, kaart: bool = True) -> str:
    """Het rapport als één zelfstandige HTML-pagina (geen JavaScript, geen externe bestanden).

    Parameters
    ----------
    resultaat : ToetsResultaat
        De bevindingen van één initiatief.
    laagdata : Laagdata or mapping of str to GeoDataFrame, optional
        De lagen waarmee getoetst is: voor de kaart (de lagen die de bevindingen noemen) en,
        zonder ``lagen_info``, voor de voettekst (dan moet het een
        :class:`~omgevingsvisie.lagen.Laagdata` zijn). Nodig tenzij ``kaart=False`` en
        ``lagen_info`` is gegeven.
    lagen_info : mapping, optional
        Zie :func:`~omgevingsvisie.rapport.json.rapport_json`; bepaalt de voettekst.
    kaart : bool
        Teken de kaart (inline SVG) van het plan, de lagen die de bevindingen noemen en de
        geometrieën van de bevindingen.

    Returns
    -------
    str
        De HTML-tekst (UTF-8).

    Raises
    ------
    TypeError
        Als ``laagdata`` ontbreekt terwijl die nodig is.
    """
    rapport = rapport_json(resultaat, laagdata=laagdata, lagen_info=lagen_info, met_geometrie=False)
    if kaart and laagdata is None:
        raise TypeError("Geef laagdata mee voor de kaart (of kaart=False).")
    kaartdata = bereid_kaartlagen(kaartlagen(resultaat), laagdata) if kaart else None
    return maak_html(rapport, resultaat, kaartdata=kaartdata)
