"""Click-klassen van de CLI: Nederlandse hulptekst en nette fouten zonder traceback."""

from __future__ import annotations

import click

from .._errors import OmgevingsvisieFout

EXIT_ONJUISTE_INVOER = 2


class _NederlandseHulp:
    """Mixin: de ``--help``-optie met Nederlandse uitleg."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        optie = super().get_help_option(ctx)
        if optie is not None:
            optie.help = "Toon deze hulp en stop."
        return optie


class Commando(_NederlandseHulp, click.Command):
    """Een commando van ``omgevingsvisie``."""


class Groep(_NederlandseHulp, click.Group):
    """Een groep commando's die fouten van de toolkit als Nederlandse melding toont.

    Elke :class:`~omgevingsvisie.OmgevingsvisieFout` (ook uit een subcommando) wordt
    ``Fout: <melding>`` op stderr met exitcode 2, zonder traceback.
    """

    command_class = Commando
    group_class = type  # subgroepen krijgen ook deze klasse

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except OmgevingsvisieFout as fout:
            click.echo(f"Fout: {fout}", err=True)
            raise click.exceptions.Exit(EXIT_ONJUISTE_INVOER) from None
