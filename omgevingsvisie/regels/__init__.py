"""Het regelboek: één module per principe, alle drempels in ``parameters.toml``.

``REGELBOEK`` is de vaste volgorde van alle regels als (Regel, functie)-paren; een regel-
functie krijgt een :class:`ToetsContext` en geeft één :class:`~omgevingsvisie.bevinding.Bevinding`
per initiatief terug.
"""

from . import dynamische_stad, groene_stad, milieu, verbonden_stad
from .basis import Regel, ToetsContext
from .parameters import Parameter, Parameters, laad_parameters

REGELBOEK = groene_stad.REGELS + dynamische_stad.REGELS + verbonden_stad.REGELS + milieu.REGELS

__all__ = ["REGELBOEK", "Parameter", "Parameters", "Regel", "ToetsContext", "laad_parameters"]
