"""Regels van het principe Verbonden stad (VS1–VS3)."""

from __future__ import annotations

import shapely

from ..bevinding import Bevinding
from .basis import Regel, ToetsContext, meters, rond
from .groene_stad import alleen_groen, heeft_woningen

PRINCIPE = "Verbonden stad"

VS1 = Regel("VS1", PRINCIPE, "Barrières", "Omgevingsvisie Assen 2021, §2.10 en §3.3B")
VS2 = Regel("VS2", PRINCIPE, "Voorzieningen nabij", "Omgevingsvisie Assen 2021, §3.3A en §3.3C")
VS3 = Regel("VS3", PRINCIPE, "Groene verbinding", "Omgevingsvisie Assen 2021, visiekaart Verbonden stad; opgaven Groen 4")


def vs1(ctx: ToetsContext) -> list[Bevinding]:
    grens = ctx.p("VS1", "afstand_barriere_m")
    afstand, dichtst = ctx.afstand("barrieres")
    barrieres = ctx.laag("barrieres").naam.to_numpy()
    gebieden = ctx.laag("barrieregebieden").naam.to_numpy()
    lagen = ("barrieres", "barrieregebieden", "oversteken")
    uit = []
    for i, feats in enumerate(ctx.features_binnen("barrieregebieden")):
        in_gebied = sorted(set(gebieden[feats].tolist()))
        barriere = str(barrieres[dichtst[i]]) if dichtst[i] >= 0 else None
        verbinding = ctx.waarde(i, "lv_verbinding")
        waarden = {"afstand_barriere_m": rond(afstand[i]), "barriere": barriere, "barrieregebieden": in_gebied,
                   "afstand_max_m": grens, "lv_verbinding": verbinding}
        if afstand[i] > grens and not in_gebied:
            uit.append(VS1.bevinding("niet_van_toepassing", f"Het plan ligt niet bij een barrière (dichtstbij: {barriere}, "
                                     f"{meters(afstand[i])}).", waarden=waarden, lagen=lagen))
            continue
        waar = (f"in barrièregebied {', '.join(in_gebied)}" if in_gebied
                else f"op {meters(afstand[i])} van barrière {barriere}")
        if verbinding:
            effect, geometrie = _omrijfactor(ctx, i, waarden)
            uit.append(VS1.bevinding("voldoet", f"Het plan ligt {waar} en voegt een verbinding voor fietser en "
                                     f"voetganger toe.{effect}", waarden=waarden, geometrie=geometrie, lagen=lagen))
        else:
            uit.append(VS1.bevinding("aandachtspunt", f"Het plan ligt {waar}: kans om de barrière te slechten met een "
                                     "verbinding voor fietser en voetganger (lv_verbinding).", waarden=waarden, lagen=lagen))
    return uit


def _omrijfactor(ctx: ToetsContext, i: int, waarden: dict) -> tuple[str, object]:
    """De omrijfactor vóór en na de nieuwe verbinding (analyse barrières), als die beschikbaar is."""
    if "omrijfactor" not in ctx.analyses:
        return "", None
    uit = ctx.analyses["omrijfactor"](ctx.geometrie[i])
    if uit.get("omrijfactor_voor") is None or uit.get("omrijfactor_na") is None:
        return "", None
    waarden.update(omrijfactor_voor=rond(uit["omrijfactor_voor"], 3), omrijfactor_na=rond(uit["omrijfactor_na"], 3),
                   omrijfactor_verbetering_pct=rond(uit.get("verbetering_pct") or 0.0))
    return f" {uit['toelichting']}", uit.get("geometrie")


def vs2(ctx: ToetsContext) -> list[Bevinding]:
    grens = ctx.p("VS2", "afstand_wijkcentrum_m")
    # Per woning (bemonsterd punt) de dichtstbijzijnde voorziening: wijkcentrum of publiekshart.
    naar_voorziening = ctx.verste_afstand(("wijkcentra", "publiekshart"))
    uit = []
    for i in range(len(ctx)):
        verst = naar_voorziening[i]
        waarden = {"afstand_verst_m": rond(verst), "afstand_max_m": grens}
        if not heeft_woningen(ctx, i):
            uit.append(VS2.bevinding("niet_van_toepassing", "Het plan bevat geen woningen.", waarden=waarden,
                                     lagen=("wijkcentra", "publiekshart")))
        elif verst <= grens:
            uit.append(VS2.bevinding("voldoet", f"Alle woningen liggen binnen {meters(grens)} van een wijkcentrum of het "
                                     f"publiekshart (verst: {meters(verst)}).", waarden=waarden, lagen=("wijkcentra", "publiekshart")))
        else:
            uit.append(VS2.bevinding("aandachtspunt", f"Een deel van de woningen ligt verder dan {meters(grens)} van een "
                                     f"wijkcentrum of het publiekshart (verst: {meters(verst)}): zorg voor dagelijkse voorzieningen en een goede "
                                     "loop- en fietsroute.", waarden=waarden, lagen=("wijkcentra", "publiekshart")))
    return uit


def vs3(ctx: ToetsContext) -> list[Bevinding]:
    plan, feature = ctx.paren("groene_verbindingen")
    lijnen = ctx.laag("groene_verbindingen")
    stukken = shapely.intersection(ctx.geometrie[plan], lijnen.geometry.values[feature])
    uit = []
    for i in range(len(ctx)):
        hier = plan == i
        lengte = float(shapely.length(stukken[hier]).sum()) if hier.any() else 0.0
        namen = sorted(set(lijnen.naam.to_numpy()[feature[hier]].tolist()))
        waarden = {"lengte_m": rond(lengte), "verbindingen": namen}
        if lengte == 0:
            uit.append(VS3.bevinding("niet_van_toepassing", "Het plan ligt niet op een groene verbinding.", waarden=waarden,
                                     lagen=("groene_verbindingen",)))
            continue
        geometrie = shapely.union_all(stukken[hier])
        if alleen_groen(ctx.functies(i)):
            uit.append(VS3.bevinding("voldoet", f"Het plan ligt op {meters(lengte)} groene verbinding ({', '.join(namen)}) "
                                     "en voegt alleen groen en water toe.", waarden=waarden, geometrie=geometrie,
                                     lagen=("groene_verbindingen",)))
        else:
            uit.append(VS3.bevinding("aandachtspunt", f"Het plan ligt over {meters(lengte)} van de groene verbinding "
                                     f"{', '.join(namen)}: houd die doorgaand en groen voor fietser, wandelaar en dier.",
                                     waarden=waarden, geometrie=geometrie, lagen=("groene_verbindingen",)))
    return uit


REGELS = [(VS1, vs1), (VS2, vs2), (VS3, vs3)]
