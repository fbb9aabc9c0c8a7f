"""Click-klassen van de CLI: Nederlandse kaders en nette fouten zonder traceback.

Click's eigen teksten vertaalt :mod:`.nederlands` (bij ``import omgevingsvisie.cli``); hier
staat wat een commando of groep zelf toont: de metavars in de gebruiksregel
(``[OPTIES]``, ``COMMANDO [ARGUMENTEN]...``), een suggestie bij een onbekend commando en
de omzetting van elke fout in één Nederlandse regel (:func:`nederlandse_fout`): ``Fout: <melding>``
met exitcode 2 voor alles wat de gebruiker kan verhelpen (ook rechten, een volle schijf,
tekst die geen UTF-8 is, GEOS en GDAL), ``Interne fout: …`` met exitcode 1 voor de rest, zonder
traceback tenzij ``OMGEVINGSVISIE_DEBUG=1``.
"""

from __future__ import annotations

import difflib
import errno
import os
from typing import Any

import click

from .._errors import OmgevingsvisieFout

EXIT_ONJUISTE_INVOER = 2
"""Exitcode bij onjuiste invoer, zoals click bij een gebruiksfout."""
EXIT_INTERNE_FOUT = 1
"""Exitcode bij een fout in de toolkit zelf (een melding waard)."""
DEBUG_VARIABELE = "OMGEVINGSVISIE_DEBUG"
"""Staat deze omgevingsvariabele op ``1``, dan toont een interne fout haar traceback."""
MELDPUNT = "de beheerders van omgevingsvisie-assen"
_BIBLIOTHEKEN = {"shapely": "GEOS", "pyogrio": "GDAL", "rasterio": "GDAL", "fiona": "GDAL", "pyproj": "PROJ"}
"""Pakketten waarvan een fout over de invoer gaat, met de naam van de onderliggende bibliotheek."""


def _veilig(tekst: object) -> str:
    """Tekst zonder controletekens (behalve regeleinden) voor de terminal."""
    try:
        from ..io.veilig import zichtbaar
    except Exception:  # pragma: no cover - het pakket zelf is niet te laden
        return ascii(str(tekst))[1:-1].replace("\\n", "\n")
    return zichtbaar(tekst, behoud="\n")


def nederlandse_fout(fout: Exception) -> tuple[str, int]:
    """De Nederlandse melding (één regel, of de problemen eronder) en exitcode voor ``fout``.

    Parameters
    ----------
    fout : Exception
        Een fout die uit een commando kwam.

    Returns
    -------
    tuple of (str, int)
        ``("Fout: …", 2)`` als de gebruiker het kan verhelpen, ``("Interne fout: … Meld dit bij …", 1)``
        anders.
    """
    if isinstance(fout, OmgevingsvisieFout):
        return f"Fout: {_veilig(fout)}", EXIT_ONJUISTE_INVOER
    if isinstance(fout, UnicodeDecodeError):
        return (f"Fout: tekst die geen geldige UTF-8 is (byte 0x{fout.object[fout.start]:02x} op positie "
                f"{fout.start}); sla het bestand op als UTF-8.", EXIT_ONJUISTE_INVOER)
    if isinstance(fout, UnicodeEncodeError):
        return (f"Fout: tekst kan niet worden geschreven in tekenset {fout.encoding} (teken "
                f"{_veilig(ascii(fout.object[fout.start:fout.end]))}); gebruik UTF-8, bijvoorbeeld "
                "PYTHONUTF8=1.", EXIT_ONJUISTE_INVOER)
    if isinstance(fout, OSError) and fout.errno is not None:
        from ..io.veilig import os_fout_tekst

        return f"Fout: {os_fout_tekst(fout)}.", EXIT_ONJUISTE_INVOER
    if isinstance(fout, MemoryError):
        return ("Fout: onvoldoende geheugen voor deze invoer; verklein de invoer of het gebied.",
                EXIT_ONJUISTE_INVOER)
    bibliotheek = _BIBLIOTHEKEN.get(type(fout).__module__.split(".")[0])
    if bibliotheek is not None:
        tekst = " ".join(str(fout).split())
        return (f"Fout: de invoer kan niet worden verwerkt ({bibliotheek}: {_veilig(tekst)}).",
                EXIT_ONJUISTE_INVOER)
    tekst = " ".join(str(fout).split())
    return (f"Interne fout: {type(fout).__name__}: {_veilig(tekst) or '(geen melding)'}. Meld dit bij {MELDPUNT}, "
            f"met de opdracht en de uitvoer van {DEBUG_VARIABELE}=1 (dan volgt de traceback).",
            EXIT_INTERNE_FOUT)

OPTIES_METAVAR = "[OPTIES]"
COMMANDO_METAVAR = "COMMANDO [ARGUMENTEN]..."
COMMANDO_METAVAR_OPTIONEEL = "[COMMANDO] [ARGUMENTEN]..."


class Commando(click.Command):
    """Een commando van ``omgevingsvisie``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIES_METAVAR)
        super().__init__(*args, **kwargs)


class Groep(click.Group):
    """Een groep commando's die elke fout als Nederlandse melding toont.

    Elke fout uit een (sub)commando wordt één melding op stderr (:func:`nederlandse_fout`):
    ``Fout: <melding>`` met exitcode 2 als de gebruiker het kan verhelpen, ``Interne fout: …``
    met exitcode 1 anders; nooit een traceback, behalve een interne fout met
    ``OMGEVINGSVISIE_DEBUG=1``. Bij een onbekend commando noemt de melding het dichtstbijzijnde
    bestaande commando.
    """

    command_class = Commando
    group_class = type  # subgroepen krijgen ook deze klasse

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIES_METAVAR)
        if kwargs.get("invoke_without_command"):
            kwargs.setdefault("subcommand_metavar", COMMANDO_METAVAR_OPTIONEEL)
        kwargs.setdefault("subcommand_metavar", COMMANDO_METAVAR)
        super().__init__(*args, **kwargs)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                             list[str]]:
        naam = args[0]
        if (not ctx.resilient_parsing and not naam.startswith("-")
                and self.get_command(ctx, naam) is None):
            melding = f"Onbekend commando '{naam}'."
            gelijkend = difflib.get_close_matches(naam, self.list_commands(ctx), n=1)
            if gelijkend:
                melding += f" Bedoelde u '{gelijkend[0]}'?"
            raise click.UsageError(melding, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as fout:
            if fout.errno == errno.EPIPE:  # stdout dicht (| head): click handelt het stil af
                raise
            self._stop(fout)
        except Exception as fout:  # noqa: BLE001 - elke fout wordt een Nederlandse melding
            self._stop(fout)

    @staticmethod
    def _stop(fout: Exception) -> None:
        melding, code = nederlandse_fout(fout)
        if code == EXIT_INTERNE_FOUT and os.environ.get(DEBUG_VARIABELE) == "1":
            raise fout
        click.echo(melding, err=True)
        raise click.exceptions.Exit(code) from None
