"""De begrippenlijst: elke code en term die een rapport of kaart toont, met uitleg en bron.

Eén bron van waarheid. Hieruit komen de sectie *Begrippen* in het HTML-rapport (en de PDF
die daarop bouwt), die in het Markdown-rapport en ``docs/begrippen.md``
(:func:`begrippen_markdown`; ``tests/test_begrippen.py`` houdt het bestand bij).

De regelcodes (GS1 … MI2) komen uit het regelboek
(:data:`omgevingsvisie.regels.REGELBOEK`): code, titel, principe en bron daarvandaan, met hier
alleen een zin over wat de regel toetst (:data:`REGEL_UITLEG`). De statussen en oordelen volgen
:data:`~omgevingsvisie.bevinding.STATUSSEN` en :data:`~omgevingsvisie.bevinding.OORDELEN`.

Voorbeeld
---------
>>> zoek("GS1").uitleg.split(".")[0]
'Bestaand groen blijft (Groene stad van het Noorden)'
>>> zoek("omrijfactor").groep
'Termen'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .bevinding import OORDELEN, STATUSSEN
from .regels import REGELBOEK

__all__ = ["BEGRIPPEN", "GROEPEN", "REGEL_UITLEG", "Begrip", "begrippen_document", "begrippen_markdown", "regel_label",
           "zoek"]

GROEPEN = ("Regels", "Statussen", "Oordelen", "Termen")
"""De groepen van de begrippenlijst, in deze volgorde."""


@dataclass(frozen=True)
class Begrip:
    """Eén term uit een rapport of kaart.

    Attributes
    ----------
    term : str
        Zoals die in een rapport of kaart staat (``"GS1"``, ``"strijdig"``, ``"omrijfactor"``).
    uitleg : str
        Wat het betekent, in gewone taal (platte tekst, niet geëscaped).
    bron : str
        Waar het vandaan komt: document en paragraaf, norm of de toolkit zelf.
    groep : str
        Een van :data:`GROEPEN`.
    """

    term: str
    uitleg: str
    bron: str
    groep: str = "Termen"

    def __post_init__(self):
        if self.groep not in GROEPEN:
            raise ValueError(f"Onbekende groep '{self.groep}'; verwacht een van: {', '.join(GROEPEN)}")

    @property
    def anker(self) -> str:
        """Het HTML-anker: ``"begrip-gs1"``, ``"begrip-bestaand-stedelijk-gebied"``."""
        return "begrip-" + (re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-") or "term")


REGEL_UITLEG = {
    "GS1": "Raakt het plan bestaande groenstructuur, en wordt dat gecompenseerd met nieuw groen?",
    "GS2": "Liggen stedelijke functies in of vlak bij Natura 2000 of het Nationaal Park Drentsche Aa?",
    "GS3": "Vergroent een plan in een gebied met hittestress genoeg (minimaal percentage groen)?",
    "GS4": "Borgt het plan genoeg waterberging (in mm neerslag) tegen wateroverlast?",
    "GS5": "Is de nieuwbouw energieneutraal?",
    "GS6": "Ligt een zonnepark op een passende trede van de zonneladder (eerst daken en bestaand stedelijk "
           "gebied, dan zoekgebieden)?",
    "GS7": "Hebben de woningen groot genoeg groen dichtbij (standaard minstens 1 ha binnen 300 m, de 300 uit "
           "3-30-300)?",
    "DS1": "Liggen publiekstrekkende functies waar het ordeningsprincipe ze wil: eerst het publiekshart, dan de "
           "binnenstad en de schil, het laatst de rand van de stad?",
    "DS2": "Ligt niet-dagelijkse detailhandel in het publiekshart en dagelijkse bij een wijkcentrum?",
    "DS3": "Komt nieuw werken op een bestaand of gepland bedrijventerrein in plaats van op een nieuwe plek?",
    "DS4": "Past een bedrijf in Assen-Zuid bij het profiel (milieucategorie niet te zwaar)?",
    "DS5": "Past het programma in de Toeristisch Recreatieve Zone (TRZ) en concurreert het niet met de binnenstad?",
    "DS6": "Ligt een substantieel verstedelijkingsplan binnen bestaand stedelijk gebied of op een aangewezen "
           "locatie (Ladder voor duurzame verstedelijking)?",
    "DS7": "Is het aandeel sociale huur bij woningbouw hoog genoeg?",
    "DS8": "Past het programma bij de opgave van het focusgebied waarin het plan ligt?",
    "VS1": "Ligt het plan bij een barrière (spoor, A28, kanaal) zonder een nieuwe oversteek voor lopen en fietsen?",
    "VS2": "Liggen de woningen dicht genoeg bij een wijkcentrum of het publiekshart?",
    "VS3": "Legt het plan iets anders dan groen of water over een groene verbinding?",
    "MI1": "Houdt het plan de richtafstanden aan tussen bedrijven (naar milieucategorie) en woningen?",
    "MI2": "Komen er woningen in de geluidszone van het TT Circuit?",
}
"""Per regelcode één vraag: wat de regel toetst. Titel, principe en bron komen uit het regelboek."""

_STATUS_UITLEG = {
    "voldoet": ("Het plan past op dit punt bij de Omgevingsvisie.", "ONTWERP §5"),
    "aandachtspunt": ("Niet strijdig, maar iets om uit te werken of te motiveren in het plan of het gesprek met "
                      "de initiatiefnemer.", "ONTWERP §5"),
    "strijdig": ("Het plan wijkt op dit punt af van de Omgevingsvisie; aanpassen of de afwijking motiveren.",
                 "ONTWERP §5"),
    "niet_van_toepassing": ("De regel gaat niet over dit plan (bijvoorbeeld geen woningen, of buiten het gebied "
                            "van de regel). In een rapport: „niet van toepassing”.", "ONTWERP §5"),
    "onvoldoende_gegevens": ("Het programma mist een gegeven dat de regel nodig heeft; vul het aan en toets "
                             "opnieuw. Maakt het oordeel niet slechter. In een rapport: „onvoldoende gegevens”.",
                             "ONTWERP §5"),
}
_OORDEEL_UITLEG = {
    "voldoet": "Het oordeel over het hele plan als geen bevinding strijdig is en er geen aandachtspunten zijn.",
    "aandachtspunten": "Het oordeel als geen bevinding strijdig is, maar minstens één een aandachtspunt.",
    "strijdig": "Het oordeel als minstens één bevinding strijdig is.",
}
_OMGEVINGSVISIE = "Omgevingsvisie Assen „Assen nog mooier” (2021)"

_TERMEN = (
    Begrip("bestaand stedelijk gebied",
           "Het gebied dat al stedelijk is ingericht (wonen, werken, voorzieningen, stedelijk groen). "
           "Bouwen daarbinnen heet inbreiding; DS6 en GS6 kijken welk deel van een plan erbuiten ligt. "
           "Afgekort BSG.", "Besluit kwaliteit leefomgeving art. 1.1 (bijlage I); laag bestaand_stedelijk_gebied"),
    Begrip("Ladder",
           "De Ladder voor duurzame verstedelijking: wie buiten bestaand stedelijk gebied een nieuwe stedelijke "
           "ontwikkeling mogelijk maakt, motiveert waarom dat niet binnen kan (regel DS6). Niet te verwarren "
           "met de zonneladder (GS6).", "Besluit kwaliteit leefomgeving art. 5.129g"),
    Begrip("zonneladder",
           "De voorkeursvolgorde voor zonne-energie: eerst daken en bestaand stedelijk gebied, dan restgronden en "
           "zoekgebieden, pas als laatste landbouw- en natuurgrond (regel GS6).",
           "Zonneladder NOVI 2020 (aangescherpt 2023); Omgevingsvisie §3.1B"),
    Begrip("schil",
           "De bestaande bedrijventerreinen binnen bestaand stedelijk gebied. Na het "
           "publiekshart en de binnenstad de volgende plek voor publiekstrekkende functies (regel DS1).",
           f"{_OMGEVINGSVISIE}, §3.2B"),
    Begrip("publiekshart",
           "Het kernwinkelgebied van de binnenstad: de eerste plek voor publiekstrekkende functies en "
           "niet-dagelijkse detailhandel (DS1, DS2).", f"{_OMGEVINGSVISIE}, §3.2B en §3.4"),
    Begrip("publiekstrekkende functies",
           "Functies die veel bezoekers trekken, zoals detailhandel, horeca, leisure en cultuur.",
           "parameters.toml, DS1.publiekstrekkende_functies"),
    Begrip("focusgebied",
           "Een gebied waarvoor de Omgevingsvisie een eigen opgave noemt: Binnenstad, Havenkwartier, Lariks, "
           "Kloosterveen, Assen-Zuid en de TRZ. DS8 toetst of het programma bij die opgave past.",
           f"{_OMGEVINGSVISIE}, §3.4; laag focusgebieden"),
    Begrip("TRZ",
           "Toeristisch Recreatieve Zone rond het TT Circuit: een focusgebied voor toerisme en recreatie "
           "(regel DS5).", f"{_OMGEVINGSVISIE}, §3.4 TRZ"),
    Begrip("wijkcentrum",
           "Een winkelcentrum met dagelijkse voorzieningen in een wijk (DS2, VS2).", "laag wijkcentra"),
    Begrip("milieucategorie",
           "De zwaarte van een bedrijf volgens de VNG-indeling (1 licht … 6 zwaar); hoe zwaarder, hoe groter de "
           "richtafstand tot woningen (MI1, DS4).", "VNG-brochure Bedrijven en milieuzonering (2009)"),
    Begrip("richtafstand",
           "De afstand die een bedrijf van een bepaalde milieucategorie tot een rustige woonwijk aanhoudt (MI1).",
           "VNG-brochure Bedrijven en milieuzonering (2009)"),
    Begrip("omrijfactor",
           "De kortste route voor lopen of fietsen gedeeld door de afstand hemelsbreed: 1,0 is rechtstreeks, "
           "2,0 is twee keer zo ver omlopen. Barrières zoals spoor, A28 en kanaal maken hem groter; "
           "„onbereikbaar” als er geen route is (VS1, analyse barrières).",
           "docs/analyse_barrieres.md; Omgevingsvisie §2.10 en §3.3B"),
    Begrip("barrière",
           "Spoor, snelweg (A28), Europaweg of kanaal die lopen en fietsen tussen wijken hinderen (VS1).",
           f"{_OMGEVINGSVISIE}, §2.10; laag barrieres"),
    Begrip("UHI",
           "Urban Heat Island, het stedelijk hitte-eiland: hoeveel graden (°C) het in de stad op een warme avond "
           "warmer is dan op het platteland eromheen. Meer groen en minder verharding verlagen het (GS3, analyse "
           "hitte).", "Theeuwes et al. (2017); docs/analyse_hitte_groen.md"),
    Begrip("hittestress",
           "Gebieden waar het hitte-eiland de gezondheid belast; daar vraagt GS3 extra groen.",
           f"{_OMGEVINGSVISIE}, §2.7 en §3.1C; laag hittestress"),
    Begrip("3-30-300",
           "Vuistregel voor groen: 3 bomen zichtbaar vanuit elke woning, 30% kroonbedekking in de buurt en "
           "groen van minstens 1 ha binnen 300 m (GS7 toetst de 300).", "Konijnendijk (2023)"),
    Begrip("groenstructuur",
           "Het samenhangende bestaande groen van de stad (bossen, parken, groene randen) dat behouden blijft (GS1).",
           f"{_OMGEVINGSVISIE}, §3.1A; laag groenstructuur"),
    Begrip("groene verbinding",
           "Een groene route die natuur en wijken verbindt; daar horen alleen groen en water (VS3).",
           "Visiekaart 2040, Verbonden stad; laag groene_verbindingen"),
    Begrip("Natura 2000",
           "Europees beschermd natuurgebied; bij Assen het Drentsche Aa-gebied (GS2).", "Omgevingswet; "
           f"{_OMGEVINGSVISIE}, §2.8"),
    Begrip("sociale huur",
           "Huurwoningen onder de liberalisatiegrens; DS7 toetst het aandeel bij woningbouw.",
           "Programmabegroting Assen 2024"),
    Begrip("bvo",
           "Bruto vloeroppervlak in m².", "NEN 2580"),
    Begrip("lv",
           "Langzaam verkeer: lopen en fietsen (in „lv_verbinding”: een nieuwe oversteek voor lopen en fietsen).",
           "programmaveld lv_verbinding"),
    Begrip("indicatief",
           "De meegeleverde lagen zijn een schematische vertaling van de Visiekaart 2040: geschikt voor een signaal "
           "op stadsniveau, niet voor uitspraken op perceelniveau en geen werkingsgebied. Eigen data van de "
           "gemeente kan ze vervangen.", f"{_OMGEVINGSVISIE}, Visiekaart 2040; docs/lagen.md"),
    Begrip("meegeleverd",
           "Een laag die bij de toolkit hoort (indicatief), tegenover „eigen data” van de gemeente.", "docs/lagen.md"),
    Begrip("eigen data",
           "Een laag die de gemeente zelf heeft opgegeven in plaats van de meegeleverde laag.", "docs/lagen.md"),
    Begrip("signaal",
           "Een bevinding of oordeel van de toets: aanleiding voor het gesprek en het advies, geen juridisch "
           "oordeel.", "docs/regelboek.md, Grenzen van de toets"),
    Begrip("[V]",
           "Bronlabel bij een parameter: woordelijk in de bron gelezen.", "parameters.toml; bronnen/normen.md"),
    Begrip("[S]",
           "Bronlabel bij een parameter: uit een secundaire bron.", "parameters.toml; bronnen/normen.md"),
    Begrip("[U]",
           "Bronlabel bij een parameter: niet geverifieerd; een instelbare standaardwaarde, geen wet en geen meting.",
           "parameters.toml; bronnen/normen.md"),
)


def _regelbegrippen() -> tuple[Begrip, ...]:
    uit = []
    for regel, _ in REGELBOEK:
        uitleg = f"{regel.titel} ({regel.principe}). {REGEL_UITLEG[regel.id]}"
        uit.append(Begrip(regel.id, uitleg, regel.bron, "Regels"))
    return tuple(uit)


BEGRIPPEN: tuple[Begrip, ...] = (
    *_regelbegrippen(),
    *(Begrip(s, *_STATUS_UITLEG[s], "Statussen") for s in STATUSSEN),
    *(Begrip(o, _OORDEEL_UITLEG[o], "ONTWERP §5", "Oordelen") for o in OORDELEN),
    *_TERMEN,
)
"""Alle begrippen, per groep in de volgorde van :data:`GROEPEN`."""

_OP_TERM = {(b.groep, b.term): b for b in BEGRIPPEN}


def zoek(term: str, groep: str | None = None) -> Begrip:
    """Het begrip met deze term (de eerste groep waarin die voorkomt, of in ``groep``).

    Raises
    ------
    KeyError
        Als de term geen begrip is.
    """
    for g in ((groep,) if groep else GROEPEN):
        if (g, term) in _OP_TERM:
            return _OP_TERM[(g, term)]
    raise KeyError(f"'{term}' staat niet in de begrippenlijst")


def regel_label(code: str, titel: str) -> str:
    """Een regel zoals een mens die leest: ``"GS1 — Bestaand groen blijft"``.

    Examples
    --------
    >>> regel_label("GS1", "Bestaand groen blijft")
    'GS1 — Bestaand groen blijft'
    """
    return f"{code} — {titel}" if titel else code


def begrippen_markdown(begrippen: Iterable[Begrip] = BEGRIPPEN, *, niveau: int = 2, escape=lambda t: t) -> str:
    """De begrippen als Markdown: per groep een kop en een lijst ``- **term** — uitleg *(bron)*``.

    Parameters
    ----------
    begrippen : iterable of Begrip
        Standaard alle.
    niveau : int
        Het kopniveau van de groepen (``2``: ``## Regels``).
    escape : callable
        Maakt een tekst veilig voor Markdown (het rapport geeft
        :func:`~omgevingsvisie.rapport.markdown.md_tekst` mee); standaard ongewijzigd.
    """
    lijst = list(begrippen)
    regels: list[str] = []
    for groep in GROEPEN:
        in_groep = [b for b in lijst if b.groep == groep]
        if not in_groep:
            continue
        regels += [f"{'#' * niveau} {groep}", ""]
        regels += [f"- **{escape(b.term)}** — {escape(b.uitleg)} *({escape(b.bron)})*" for b in in_groep]
        regels.append("")
    return "\n".join(regels)


DOCUMENT_KOP = """# Begrippen

Elke code en term die een rapport (JSON, HTML, PDF, Markdown) of kaart van `omgevingsvisie` toont,
met uitleg en bron. Dit bestand komt uit `omgevingsvisie/begrippen.py` (`begrippen_document()`);
dezelfde lijst staat als sectie *Begrippen* in het HTML-, PDF- en Markdown-rapport (daar alleen de
regels van dat rapport). `tests/test_begrippen.py` houdt dit bestand gelijk aan de code; opnieuw
maken: `python3 tests/test_begrippen.py`.

"""


def begrippen_document() -> str:
    """De tekst van ``docs/begrippen.md``: een inleiding en alle begrippen per groep."""
    return DOCUMENT_KOP + begrippen_markdown()
