"""Click in het Nederlands: de kaders, foutmeldingen, typenamen en standaardwaarden van click.

Click haalt elke tekst voor de gebruiker ("Usage:", "Error: ...", "Missing option", "Did you
mean ...?", "... does not exist.") door ``gettext`` — per module gebonden als ``_`` en
``ngettext``. :func:`installeer` vervangt die twee namen in click's modules door
:func:`vertaal` en :func:`vertaal_meervoud`, die de Engelse tekst in :data:`VERTALINGEN` en
:data:`MEERVOUDEN` opzoeken. Wat niet door ``gettext`` loopt (de namen van click's typen, die
metavars als ``INTEGER`` en foutmeldingen als "is not a valid integer" opleveren, en de
usage-metavars ``[OPTIONS]`` en ``COMMAND [ARGS]...``) regelen :data:`TYPENAMEN` en de klassen
in :mod:`.basis`. :class:`Optie` toont standaardwaarden in Nederlandse notatie (``0,7``,
``ja``) en kan zijn hulptekst pas berekenen als de hulp wordt getoond.

>>> installeer()
>>> import click
>>> click.exceptions._("Usage:")
'Gebruik:'
>>> click.exceptions.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
'Bedoelde u {possibility}?'
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from typing import Any

import click

from ..tekst import getal

__all__ = ["MEERVOUDEN", "METAVARS", "TYPENAMEN", "VERTALINGEN", "Argument", "Optie", "installeer",
           "vertaal", "vertaal_meervoud"]

VERTALINGEN: dict[str, str] = {
    # kaders van de hulp
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "(dynamic)": "(wordt bepaald bij het starten)",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    # fouten
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een commando op.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekende {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid start character for option ({option})": "Ongeldig beginteken voor een optie ({option})",
    "Option {name!r} does not take a value.": "Optie {name!r} krijgt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} krijgt {nargs} waarden.",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Waarschuwing: het commando {name!r} is verouderd.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Waarschuwing: {name!r} is verouderd.{extra_message}",
    # typen: namen van click.Path en de meldingen van de typen
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand, geen map.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map, geen bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen geldige ja/nee-waarde. Bekende waarden: {states}",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    # ontwerpfouten in de commando's zelf (de ontwikkelaar ziet ze, ook in het Nederlands)
    "Name '{name}' defined twice": "Naam '{name}' is twee keer opgegeven",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Ja/nee-optie {decl!r} kan niet dezelfde vlag gebruiken voor ja en nee.",
    "Could not determine name for option with declarations {decls!r}":
        "Kan geen naam bepalen voor de optie met declaraties {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?":
        "Geen optie opgegeven maar wel een naam ({name}). Bedoelde u een argument, of '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Een argument heeft precies één declaratie, niet {length}: {decls}.",
    # terminal: vragen, voortgang, editor, shell
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden verschillen.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Unknown color {colour!r}": "Onbekende kleur {colour!r}",
    "Unknown standard stream '{name}'": "Onbekende standaardstroom '{name}'",
    "d": "d",
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
    "Windows error: {error}": "Windows-fout: {error}",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Kan de versie van Bash niet bepalen; aanvullen in de shell werkt dan niet.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Aanvullen in de shell werkt niet met Bash ouder dan 4.4.",
}
"""Click's Engelse teksten (de msgid van ``gettext``) → Nederlands."""

MEERVOUDEN: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoelde u {possibility}?", "(Bedoelde u een van: {possibilities}?)"),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Optie {name!r} vraagt om een waarde.", "Optie {name!r} vraagt om {nargs} waarden."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Verwacht {nargs} waarden, maar kreeg er 1.", "Verwacht {nargs} waarden, maar kreeg er {len}."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is niet {choice}.", "{value!r} is geen van {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} past niet bij het formaat {format}.", "{value!r} past bij geen van de formaten {formats}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Er zijn {len_type} waarden nodig, maar er is er {len_value} gegeven.",
         "Er zijn {len_type} waarden nodig, maar er zijn er {len_value} gegeven."),
}
"""Click's ``ngettext``-paren (enkelvoud, meervoud) → Nederlands (enkelvoud, meervoud)."""

TYPENAMEN: dict[type[click.ParamType], str] = {
    type(click.STRING): "tekst",
    type(click.UNPROCESSED): "tekst",
    type(click.INT): "geheel getal",
    click.IntRange: "geheel getal",
    type(click.FLOAT): "getal",
    click.FloatRange: "getal",
    type(click.BOOL): "ja/nee",
    type(click.UUID): "uuid",
    click.Choice: "keuze",
    click.DateTime: "datum",
    click.File: "bestand",
}
"""De namen van click's typen (klasse-attribuut ``name``; niet via ``gettext``). Ze staan in
meldingen als "'x' is geen geldig geheel getal"; ``click.Path`` krijgt zijn naam wél via
``gettext`` ("bestand", "map", "pad")."""

METAVARS: dict[str, str] = {"geheel getal": "GETAL", "ja/nee": "JA|NEE"}
"""Metavars waar de hoofdletter-typenaam (click's standaard) niet goed leest."""

# Click importeert per module ``from gettext import gettext as _`` (en ``ngettext``): we
# vervangen precies die namen. Een gettext-catalogus (.mo) voor het domein "messages"
# installeren zou afhangen van LANGUAGE/LANG van de gebruiker én argparse en andere
# bibliotheken meevertalen; `_` per module vervangen werkt altijd en alleen voor click.
# Een nieuwe of gewijzigde tekst in een volgende click-versie blijft Engels: de test
# tests/test_cli_nederlands.py leest click's bron en faalt dan.
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui",
                  "utils", "shell_completion", "_termui_impl")


class _Sjabloon(str):
    """Een vertaalde tekst die in ``.format()`` kommagetallen in Nederlandse notatie zet.

    Click vult bijvoorbeeld "{value} is not in the range {range}." met een float: dat wordt
    "2 ligt niet in het bereik ..." in plaats van "2.0 ...".
    """

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str.format(self, *args, **{k: _nl_getal(v) for k, v in kwargs.items()})


def _nl_getal(waarde: Any) -> Any:
    return getal(waarde, 6) if isinstance(waarde, float) and math.isfinite(waarde) else waarde


def vertaal(tekst: str) -> str:
    """De Nederlandse tekst voor click's Engelse ``tekst`` (onbekend: ongewijzigd)."""
    return _Sjabloon(VERTALINGEN.get(tekst, tekst))


def vertaal_meervoud(enkelvoud: str, meervoud: str, n: int) -> str:
    """Als ``ngettext``: de Nederlandse vorm voor ``n`` (onbekend paar: het Engels)."""
    nl_enkelvoud, nl_meervoud = MEERVOUDEN.get((enkelvoud, meervoud), (enkelvoud, meervoud))
    return _Sjabloon(nl_enkelvoud if n == 1 else nl_meervoud)


def installeer() -> None:
    """Laat click Nederlands spreken (idempotent; gebeurt bij ``import omgevingsvisie.cli``).

    Moet vóór het aanmaken van de commando's gebeuren: ``click.Path`` en de ``--help``-optie
    vragen hun tekst bij het aanmaken op.
    """
    for naam in _CLICK_MODULES:
        module = importlib.import_module(f"click.{naam}")
        if hasattr(module, "_"):
            module._ = vertaal
        if hasattr(module, "ngettext"):
            module.ngettext = vertaal_meervoud
    for soort, naam in TYPENAMEN.items():
        soort.name = naam


def _toon(waarde: Any) -> str:
    """Een standaardwaarde in de hulp: getallen in Nederlandse notatie, ja/nee, lijsten."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return getal(waarde)
    if isinstance(waarde, float):
        return getal(waarde, 6) if math.isfinite(waarde) else str(waarde)
    if isinstance(waarde, (list, tuple)):
        return ", ".join(_toon(w) for w in waarde)
    return str(waarde)


class _NederlandseMetavar:
    """Mixin: metavars uit :data:`METAVARS` ("GETAL" in plaats van "GEHEEL GETAL")."""

    def make_metavar(self, ctx: click.Context) -> str:
        metavar = super().make_metavar(ctx)
        return METAVARS.get(metavar.lower(), metavar)


class Optie(_NederlandseMetavar, click.Option):
    """Een click-optie met Nederlandse standaardwaarde en eventueel een late hulptekst.

    Parameters
    ----------
    *args, **kwargs
        Als :class:`click.Option`.
    eenheid : str, optional
        Achter de getoonde standaardwaarde, bijvoorbeeld ``"m"``: ``[standaard: 500 m]``.
    uitleg : callable, optional
        Geeft de hulptekst pas als de hulp wordt getoond (bijvoorbeeld een standaard uit een
        parameterbestand); zo leest het aanmaken van het commando geen bestand. Een
        aanroepbare ``default`` wordt om dezelfde reden pas bij gebruik bepaald.
    """

    def __init__(self, *args: Any, eenheid: str | None = None,
                 uitleg: Callable[[], str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.eenheid = eenheid
        self._uitleg = uitleg

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self._uitleg is not None:
            self.help, self._uitleg = self._uitleg(), None
        return super().get_help_record(ctx)

    def get_help_extra(self, ctx: click.Context) -> dict:
        extra = super().get_help_extra(ctx)
        if "default" in extra and not isinstance(self.show_default, str):
            tekst = _toon(self.get_default(ctx, call=True))
            extra["default"] = f"{tekst} {self.eenheid}" if self.eenheid else tekst
        return extra


class Argument(_NederlandseMetavar, click.Argument):
    """Een click-argument met Nederlandse metavar."""
