"""Milieuregels (MI1–MI2): milieuzonering en geluid van het TT Circuit."""

from __future__ import annotations

import numpy as np
import shapely

from ..bevinding import Bevinding
from .basis import Regel, ToetsContext, m2, meters, rond
from .groene_stad import heeft_woningen

PRINCIPE = "Milieu"

MI1 = Regel("MI1", PRINCIPE, "Milieuzonering (richtafstanden)",
            "VNG-brochure Bedrijven en milieuzonering (2009), richtafstanden rustige woonwijk; Omgevingsvisie Assen 2021, §2.12")
MI2 = Regel("MI2", PRINCIPE, "Geluid TT Circuit", "Omgevingsvisie Assen 2021, §2.12 en §3.4 TRZ")


def _woongebied(ctx: ToetsContext):
    """Waar mensen wonen of gaan wonen: bestaand stedelijk gebied zonder bedrijventerreinen, plus woningbouwlocaties."""
    bt = ctx.laag("bedrijventerreinen")
    werk = shapely.union_all(bt.geometry.values[bt.status.isin(["bestaand", "gepland"]).to_numpy()])
    bsg = ctx.laag("bestaand_stedelijk_gebied").union_all()
    return shapely.union(shapely.difference(bsg, werk), ctx.laag("woningbouwlocaties").union_all())


def mi1(ctx: ToetsContext) -> list[Bevinding]:
    richt = ctx.p("MI1", "richtafstanden_m")
    wonen = _woongebied(ctx)
    bt = ctx.laag("bedrijventerreinen")
    # afstand van elk plan tot elk bedrijventerrein (klein aantal terreinen; gevectoriseerd per terrein)
    tot_terrein = np.stack([shapely.distance(ctx.geometrie, g) for g in bt.geometry.values], axis=1) if len(bt) else \
        np.zeros((len(ctx), 0))
    terrein_richt = np.array([richt.get(str(c), np.nan) for c in bt.max_milieucategorie])
    lagen = ("bedrijventerreinen", "woningbouwlocaties", "bestaand_stedelijk_gebied")
    uit = []
    for i in range(len(ctx)):
        delen, statussen, waarden = [], [], {}
        if "bedrijf" in ctx.functies(i):
            categorie = ctx.waarde(i, "milieucategorie")
            if categorie is None:
                statussen.append("onvoldoende_gegevens")
                delen.append("Bedrijf zonder milieucategorie: de richtafstand is niet te bepalen.")
            else:
                afstand = float(shapely.distance(ctx.geometrie[i], shapely.difference(wonen, ctx.geometrie[i])))
                waarden.update(milieucategorie=categorie, richtafstand_m=richt[categorie], afstand_wonen_m=rond(afstand))
                if afstand < richt[categorie]:
                    statussen.append("strijdig")
                    delen.append(f"Bedrijf in categorie {categorie} (richtafstand {meters(richt[categorie])}) op "
                                 f"{meters(afstand)} van woningen of woningbouwlocaties.")
                else:
                    statussen.append("voldoet")
                    delen.append(f"Bedrijf in categorie {categorie} op {meters(afstand)} van woningen "
                                 f"(richtafstand {meters(richt[categorie])}).")
        if heeft_woningen(ctx, i):
            te_dicht = np.flatnonzero(tot_terrein[i] < terrein_richt) if len(bt) else []
            waarden["bedrijventerreinen_binnen_richtafstand"] = [
                {"naam": bt.naam.iat[j], "max_milieucategorie": str(bt.max_milieucategorie.iat[j]),
                 "afstand_m": rond(tot_terrein[i, j]), "richtafstand_m": float(terrein_richt[j])} for j in te_dicht]
            if len(te_dicht):
                statussen.append("aandachtspunt")
                delen.append("Woningen binnen de richtafstand van " + "; ".join(
                    f"{bt.naam.iat[j]} (categorie {bt.max_milieucategorie.iat[j]}, {meters(tot_terrein[i, j])} "
                    f"< {meters(terrein_richt[j])})" for j in te_dicht) + ": onderzoek geluid, geur, stof en gevaar.")
            else:
                statussen.append("voldoet")
                delen.append("Woningen buiten de richtafstanden van de bedrijventerreinen.")
        if not statussen:
            uit.append(MI1.bevinding("niet_van_toepassing", "Geen bedrijf en geen woningen in het plan.", lagen=lagen))
            continue
        status = next(s for s in ("strijdig", "aandachtspunt", "onvoldoende_gegevens", "voldoet") if s in statussen)
        uit.append(MI1.bevinding(status, " ".join(delen), waarden=waarden, lagen=lagen))
    return uit


def mi2(ctx: ToetsContext) -> list[Bevinding]:
    overlap, geoms = ctx.overlap("tt_geluidszone")
    uit = []
    for i in range(len(ctx)):
        waarden = {"overlap_m2": rond(overlap[i])}
        if not heeft_woningen(ctx, i):
            uit.append(MI2.bevinding("niet_van_toepassing", "Het plan bevat geen woningen.", waarden=waarden,
                                     lagen=("tt_geluidszone",)))
        elif overlap[i] > 0:
            uit.append(MI2.bevinding("strijdig", f"Woningen in de geluidszone van het TT Circuit ({m2(overlap[i])} van "
                                     "het plan): de ervaren geluidhinder moet afnemen, niet toenemen (§3.4 TRZ).",
                                     waarden=waarden, geometrie=geoms[i], lagen=("tt_geluidszone",)))
        else:
            uit.append(MI2.bevinding("voldoet", "De woningen liggen buiten de geluidszone van het TT Circuit.",
                                     waarden=waarden, lagen=("tt_geluidszone",)))
    return uit


REGELS = [(MI1, mi1), (MI2, mi2)]
