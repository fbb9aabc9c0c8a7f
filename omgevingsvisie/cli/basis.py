"""Click-klassen van de CLI: Nederlandse kaders en nette fouten zonder traceback.

Click's eigen teksten vertaalt :mod:`.nederlands` (bij ``import omgevingsvisie.cli``); hier
staat wat een commando of groep zelf toont: de metavars in de gebruiksregel
(``[OPTIES]``, ``COMMANDO [ARGUMENTEN]...``), een suggestie bij een onbekend commando en
de omzetting van :class:`~omgevingsvisie.OmgevingsvisieFout` in ``Fout: <melding>``.
"""

from __future__ import annotations

import difflib
from typing import Any

import click

from .._errors import OmgevingsvisieFout

EXIT_ONJUISTE_INVOER = 2
"""Exitcode bij onjuiste invoer, zoals click bij een gebruiksfout."""

OPTIES_METAVAR = "[OPTIES]"
COMMANDO_METAVAR = "COMMANDO [ARGUMENTEN]..."
COMMANDO_METAVAR_OPTIONEEL = "[COMMANDO] [ARGUMENTEN]..."


class Commando(click.Command):
    """Een commando van ``omgevingsvisie``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIES_METAVAR)
        super().__init__(*args, **kwargs)


class Groep(click.Group):
    """Een groep commando's die fouten van de toolkit als Nederlandse melding toont.

    Elke :class:`~omgevingsvisie.OmgevingsvisieFout` (ook uit een subcommando) wordt
    ``Fout: <melding>`` op stderr met exitcode 2, zonder traceback. Bij een onbekend
    commando noemt de melding het dichtstbijzijnde bestaande commando.
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
        except OmgevingsvisieFout as fout:
            click.echo(f"Fout: {fout}", err=True)
            raise click.exceptions.Exit(EXIT_ONJUISTE_INVOER) from None
