"""De toets: initiatieven langs het hele regelboek.

Voor grote bestanden is de toets ontworpen als batch: alle lagen worden één keer geladen en
geïndexeerd in een :class:`~omgevingsvisie.regels.ToetsContext`, en elke regel beantwoordt
zijn ruimtelijke vraag voor alle initiatieven tegelijk.

Voorbeeld
---------
>>> from shapely.geometry import box
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.initiatief import maak_initiatieven
>>> from omgevingsvisie.toets import toets
>>> plannen = maak_initiatieven([{"naam": "Groen hof", "functies": ["groen"]}],
...                             [box(233900, 556700, 234000, 556800)], gemeente=lagen.huidige().gemeente())
>>> [r] = toets(plannen)
>>> r.initiatief["naam"], r.oordeel in ("voldoet", "aandachtspunten", "strijdig")
('Groen hof', True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Callable

import geopandas as gpd
import numpy as np

from . import lagen as _lagen
from . import programma
from .bevinding import Bevinding, ToetsResultaat
from .regels import REGELBOEK, Parameters, Regel, ToetsContext, laad_parameters


def _json_waarde(w: Any) -> Any:
    if isinstance(w, tuple):
        return list(w)
    if isinstance(w, np.generic):
        return w.item()
    if isinstance(w, float) and np.isnan(w):
        return None
    return w


def _analyses(laagdata: _lagen.Laagdata, parameters: Parameters | None) -> dict[str, Callable]:
    """De analyses voor de regels, op dezelfde lagen als de toets."""
    from .analyse.barrieres_oversteek import omrijfactor_voor_na
    from .analyse.hitte import uhi_voor_na

    p = parameters or laad_parameters()
    return {"hitte": lambda plan, groen_pct: uhi_voor_na(plan, groen_pct, laagdata=laagdata),
            "omrijfactor": lambda plan: omrijfactor_voor_na(plan, laagdata=laagdata,
                                                            zoekafstand_m=p("VS1", "afstand_barriere_m"))}


def toets(plannen: gpd.GeoDataFrame, *, lagen: Mapping[str, gpd.GeoDataFrame] | None = None,
          parameters: Parameters | None = None,
          regels: Sequence[tuple[Regel, Callable[[ToetsContext], list[Bevinding]]]] | None = None,
          ) -> list[ToetsResultaat]:
    """Toets initiatieven aan alle regels.

    Parameters
    ----------
    plannen : GeoDataFrame
        Genormaliseerde initiatieven in EPSG:28992 (uit
        :func:`omgevingsvisie.initiatief.lees_initiatieven`).
    lagen : mapping, optional
        Lagen die de meegeleverde (of met ``vervang_laag`` vervangen) lagen overschrijven.
    parameters : Parameters, optional
        Standaard de parameters uit ``regels/parameters.toml``.
    regels : sequence, optional
        Een deel van het regelboek; standaard alle regels.

    Returns
    -------
    list of ToetsResultaat
        Eén per initiatief, in de volgorde van ``plannen``.
    """
    if lagen:
        # eigen lagen (bijv. een synthetische testgemeente): de analyses zouden over iets anders gaan
        laagdata = _lagen.huidige().met(lagen)
        ctx = ToetsContext(plannen, lagen=laagdata, parameters=parameters)
    else:
        laagdata = _lagen.huidige()
        ctx = ToetsContext(plannen, lagen=laagdata, parameters=parameters, analyses=_analyses(laagdata, parameters))
    # namen in de parameters (focusgebieden, bedrijventerreinen) moeten in deze lagen staan, anders valt een regel stil uit
    ctx.p.controleer_lagen(laagdata)
    per_regel = []
    for regel, functie in (regels or REGELBOEK):
        bevindingen = functie(ctx)
        if len(bevindingen) != len(ctx):
            raise RuntimeError(f"Regel {regel.id} gaf {len(bevindingen)} bevindingen voor {len(ctx)} initiatieven")
        per_regel.append(bevindingen)
    focus = ctx.focusgebieden()
    wijknamen = ctx.laag("wijken").naam.to_numpy()
    wijken = [sorted(wijknamen[f].tolist()) for f in ctx.features_per_plan("wijken")]
    resultaten = []
    for i in range(len(ctx)):
        rij = ctx.plannen.iloc[i]
        initiatief = {"naam": str(rij["naam"]), "oppervlakte_m2": round(float(ctx.geometrie[i].area), 1),
                      "focusgebieden": focus[i], "wijken": wijken[i]}
        initiatief.update({k: _json_waarde(rij[k]) for k in programma.NAMEN if k in ctx.plannen.columns})
        resultaten.append(ToetsResultaat(initiatief, ctx.geometrie[i], [b[i] for b in per_regel]))
    return resultaten
