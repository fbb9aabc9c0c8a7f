"""Regels van het principe Dynamische stad (DS1–DS8)."""

from __future__ import annotations

import numpy as np
import shapely

from ..bevinding import Bevinding
from .basis import Regel, ToetsContext, getal, m2, meters, procent, rond

PRINCIPE = "Dynamische stad"

DS1 = Regel("DS1", PRINCIPE, "Ordeningsprincipe publiekstrekkende functies", "Omgevingsvisie Assen 2021, §3.2B")
DS2 = Regel("DS2", PRINCIPE, "Detailhandel", "Omgevingsvisie Assen 2021, §3.4, opgaven Binnenstad en winkels 1 en 6")
DS3 = Regel("DS3", PRINCIPE, "Geen nieuwe werklocaties", "Omgevingsvisie Assen 2021, §3.4, opgaven Werken 1 en 3")
DS4 = Regel("DS4", PRINCIPE, "Profiel Assen-Zuid", "Omgevingsvisie Assen 2021, §3.4 Assen-Zuid")
DS5 = Regel("DS5", PRINCIPE, "Toeristisch Recreatieve Zone", "Omgevingsvisie Assen 2021, §3.4 TRZ")
DS6 = Regel("DS6", PRINCIPE, "Inbreiding eerst (Ladder duurzame verstedelijking)",
            "Omgevingsvisie Assen 2021, §3.2A; Besluit kwaliteit leefomgeving art. 5.129g")
DS7 = Regel("DS7", PRINCIPE, "Sociale huur", "Programmabegroting Assen 2024; Bestuursakkoord 2020–2022")
DS8 = Regel("DS8", PRINCIPE, "Opgave van het focusgebied", "Omgevingsvisie Assen 2021, §3.4")


def meerderheid(ctx: ToetsContext) -> float:
    """Vanaf welk aandeel een plan 'in' een gebied ligt (parameter ALGEMEEN.ligt_in_aandeel)."""
    return ctx.p("ALGEMEEN", "ligt_in_aandeel")


def _aandeel(ctx: ToetsContext, naam: str, filter_: np.ndarray | None = None) -> np.ndarray:
    opp, _ = ctx.overlap(naam, filter_=filter_)
    return opp / ctx.oppervlakte


def _focus_filter(ctx: ToetsContext, naam: str) -> np.ndarray:
    return (ctx.laag("focusgebieden").naam == naam).to_numpy()


def _schil(ctx: ToetsContext) -> np.ndarray:
    """Aandeel van elk plan in de 'schil': bestaande bedrijventerreinen binnen bestaand stedelijk gebied."""
    bt = ctx.laag("bedrijventerreinen")
    bestaand = (bt.status == "bestaand").to_numpy()
    bsg = ctx.laag("bestaand_stedelijk_gebied").union_all()
    schil = bt.geometry.values[bestaand]
    if len(schil) == 0:
        return np.zeros(len(ctx))
    vlak = shapely.intersection(shapely.union_all(schil), bsg)
    return shapely.area(shapely.intersection(ctx.geometrie, vlak)) / ctx.oppervlakte


def ds1(ctx: ToetsContext) -> list[Bevinding]:
    drempel = meerderheid(ctx)
    publiek = set(ctx.p("DS1", "publiekstrekkende_functies"))
    in_hart = _aandeel(ctx, "publiekshart")
    in_binnenstad = _aandeel(ctx, "focusgebieden", _focus_filter(ctx, ctx.p("DS1", "binnenstad")))
    in_trz = _aandeel(ctx, "focusgebieden", _focus_filter(ctx, ctx.p("DS5", "focusgebied")))
    in_schil = _schil(ctx)
    in_stad = _aandeel(ctx, "bestaand_stedelijk_gebied")
    trz_passend = set(ctx.p("DS5", "passende_functies"))
    lagen = ("publiekshart", "focusgebieden", "bedrijventerreinen", "bestaand_stedelijk_gebied")
    uit = []
    for i in range(len(ctx)):
        functies = sorted(set(ctx.functies(i)) & publiek)
        waarden = {"publiekstrekkende_functies": functies, "in_publiekshart_pct": rond(100 * in_hart[i]),
                   "in_binnenstad_pct": rond(100 * in_binnenstad[i]), "in_schil_pct": rond(100 * in_schil[i]),
                   "in_stad_pct": rond(100 * in_stad[i])}
        lijst = ", ".join(functies)
        if not functies:
            uit.append(DS1.bevinding("niet_van_toepassing", "Het plan bevat geen publiekstrekkende functies.",
                                     waarden=waarden, lagen=lagen))
        elif in_hart[i] >= drempel:
            uit.append(DS1.bevinding("voldoet", f"Publiekstrekkende functies ({lijst}) in het publiekshart: eerste keus.",
                                     waarden=waarden, lagen=lagen))
        elif in_trz[i] >= drempel and set(functies) <= trz_passend:
            uit.append(DS1.bevinding("niet_van_toepassing", f"Toeristisch-recreatieve functies ({lijst}) in de TRZ: "
                                     "zie regel DS5.", waarden=waarden, lagen=lagen))
        elif in_binnenstad[i] >= drempel:
            uit.append(DS1.bevinding("aandachtspunt", f"Publiekstrekkende functies ({lijst}) in de binnenstad maar buiten "
                                     "het publiekshart: onderbouw waarom niet in het publiekshart.", waarden=waarden, lagen=lagen))
        elif in_schil[i] >= drempel:
            uit.append(DS1.bevinding("aandachtspunt", f"Publiekstrekkende functies ({lijst}) in de schil (bestaand "
                                     "bedrijventerrein in de stad): tweede keus na de binnenstad.", waarden=waarden, lagen=lagen))
        elif in_stad[i] >= drempel:
            # Het ordeningsprincipe kent drie plekken; een woonwijk hoort er niet bij, maar is ook geen stadsrand.
            uit.append(DS1.bevinding("aandachtspunt", f"Publiekstrekkende functies ({lijst}) in een woonwijk, buiten "
                                     "binnenstad en schil: alleen passend als ze kleinschalig zijn en bij een wijkcentrum "
                                     "horen; anders eerst de binnenstad.", waarden=waarden, lagen=lagen))
        else:
            uit.append(DS1.bevinding("strijdig", f"Publiekstrekkende functies ({lijst}) aan de rand van de stad: volgens "
                                     "het ordeningsprincipe de laatste keus, na binnenstad en schil.", waarden=waarden, lagen=lagen))
    return uit


def ds2(ctx: ToetsContext) -> list[Bevinding]:
    drempel = meerderheid(ctx)
    grens = ctx.p("DS2", "afstand_wijkcentrum_m")
    in_hart = _aandeel(ctx, "publiekshart")
    in_binnenstad = _aandeel(ctx, "focusgebieden", _focus_filter(ctx, ctx.p("DS1", "binnenstad")))
    afstand, dichtst = ctx.afstand("wijkcentra")
    namen = ctx.laag("wijkcentra").naam.to_numpy()
    lagen = ("publiekshart", "wijkcentra", "focusgebieden")
    uit = []
    for i in range(len(ctx)):
        functies = set(ctx.functies(i))
        centrum = str(namen[dichtst[i]]) if dichtst[i] >= 0 else None
        waarden = {"in_publiekshart_pct": rond(100 * in_hart[i]), "afstand_wijkcentrum_m": rond(afstand[i]),
                   "wijkcentrum": centrum, "afstand_max_m": grens, "bvo_detailhandel_m2": ctx.waarde(i, "bvo_detailhandel_m2")}
        delen, statussen = [], []
        if "detailhandel_niet_dagelijks" in functies:
            if in_hart[i] >= drempel:
                statussen.append("voldoet")
                delen.append("Niet-dagelijkse detailhandel in het publiekshart.")
            else:
                statussen.append("strijdig")
                delen.append("Niet-dagelijkse detailhandel buiten het publiekshart: de binnenstad wordt compacter "
                             "en 40.000 m² winkelvloer moet een andere functie krijgen.")
        if "detailhandel_dagelijks" in functies:
            if afstand[i] <= grens or in_binnenstad[i] >= drempel:
                statussen.append("voldoet")
                plek = "in de binnenstad" if in_binnenstad[i] >= drempel else f"op {meters(afstand[i])} van wijkcentrum {centrum}"
                delen.append(f"Dagelijkse detailhandel {plek}.")
            else:
                statussen.append("aandachtspunt")
                delen.append(f"Dagelijkse detailhandel op {meters(afstand[i])} van het dichtstbijzijnde wijkcentrum "
                             f"({centrum}); concentreer dagelijkse voorzieningen in de wijkcentra (binnen {meters(grens)}).")
        if not statussen:
            uit.append(DS2.bevinding("niet_van_toepassing", "Het plan bevat geen detailhandel.", waarden=waarden, lagen=lagen))
            continue
        status = next(s for s in ("strijdig", "aandachtspunt", "voldoet") if s in statussen)
        uit.append(DS2.bevinding(status, " ".join(delen), waarden=waarden, lagen=lagen))
    return uit


def ds3(ctx: ToetsContext) -> list[Bevinding]:
    drempel = meerderheid(ctx)
    bt = ctx.laag("bedrijventerreinen")
    vast = bt.status.isin(["bestaand", "gepland"]).to_numpy()
    zoek = (bt.status == "zoekgebied").to_numpy()
    op_terrein = _aandeel(ctx, "bedrijventerreinen", vast)
    in_zoek = _aandeel(ctx, "bedrijventerreinen", zoek)
    namen = bt.naam.to_numpy()
    uit = []
    for i, feats in enumerate(ctx.features_per_plan("bedrijventerreinen")):
        waarden = {"op_bedrijventerrein_pct": rond(100 * op_terrein[i]), "in_zoekgebied_pct": rond(100 * in_zoek[i]),
                   "bedrijventerreinen": sorted(set(namen[feats].tolist()))}
        if "bedrijf" not in ctx.functies(i):
            uit.append(DS3.bevinding("niet_van_toepassing", "Het plan bevat geen bedrijf.", waarden=waarden,
                                     lagen=("bedrijventerreinen",)))
        elif op_terrein[i] >= drempel:
            uit.append(DS3.bevinding("voldoet", f"Het bedrijf komt op een bestaand of gepland bedrijventerrein "
                                     f"({', '.join(waarden['bedrijventerreinen'])}).", waarden=waarden, lagen=("bedrijventerreinen",)))
        elif in_zoek[i] >= drempel:
            uit.append(DS3.bevinding("aandachtspunt", f"Het bedrijf ligt in zoekgebied {ctx.p('DS3', 'zoekgebied')}: alleen "
                                     "voor (extra) ruimtevragende bedrijven, na onderzoek naar de geschiktheid.",
                                     waarden=waarden, lagen=("bedrijventerreinen",)))
        else:
            uit.append(DS3.bevinding("strijdig", "Het bedrijf ligt buiten de bestaande en geplande bedrijventerreinen: "
                                     "Assen ontwikkelt geen nieuwe werklocaties (opgaven Werken 1).", waarden=waarden,
                                     lagen=("bedrijventerreinen",)))
    return uit


def _categorie_index(ctx: ToetsContext, categorie: str) -> int:
    return list(ctx.p("MI1", "richtafstanden_m")).index(categorie)


def ds4(ctx: ToetsContext) -> list[Bevinding]:
    maximum = ctx.p("DS4", "max_milieucategorie")
    in_zuid = ctx.overlap("focusgebieden", filter_=_focus_filter(ctx, ctx.p("DS4", "focusgebied")))[0] > 0
    uit = []
    for i in range(len(ctx)):
        categorie = ctx.waarde(i, "milieucategorie")
        waarden = {"milieucategorie": categorie, "max_milieucategorie": maximum}
        if not in_zuid[i] or "bedrijf" not in ctx.functies(i):
            uit.append(DS4.bevinding("niet_van_toepassing", "Geen bedrijf in werklandschap Assen-Zuid.", waarden=waarden,
                                     lagen=("focusgebieden",)))
        elif categorie is None:
            uit.append(DS4.bevinding("onvoldoende_gegevens", "Bedrijf in Assen-Zuid zonder milieucategorie.", waarden=waarden,
                                     lagen=("focusgebieden",)))
        elif _categorie_index(ctx, categorie) > _categorie_index(ctx, maximum):
            uit.append(DS4.bevinding("strijdig", f"Milieucategorie {categorie} is zwaarder dan het profiel van Assen-Zuid "
                                     f"(tot en met {maximum}).", waarden=waarden, lagen=("focusgebieden",)))
        else:
            uit.append(DS4.bevinding("voldoet", f"Milieucategorie {categorie} past in het profiel van Assen-Zuid "
                                     f"(tot en met {maximum}).", waarden=waarden, lagen=("focusgebieden",)))
    return uit


def ds5(ctx: ToetsContext) -> list[Bevinding]:
    in_trz = ctx.overlap("focusgebieden", filter_=_focus_filter(ctx, ctx.p("DS5", "focusgebied")))[0] > 0
    passend, concurrerend = set(ctx.p("DS5", "passende_functies")), set(ctx.p("DS5", "concurrerende_functies"))
    uit = []
    for i in range(len(ctx)):
        functies = set(ctx.functies(i))
        waarden = {"functies": sorted(functies), "concurrerend": sorted(functies & concurrerend)}
        if not in_trz[i]:
            uit.append(DS5.bevinding("niet_van_toepassing", "Het plan ligt niet in de TRZ.", waarden=waarden, lagen=("focusgebieden",)))
        elif functies & concurrerend:
            uit.append(DS5.bevinding("strijdig", f"In de TRZ concurreren {', '.join(sorted(functies & concurrerend))} met de "
                                     "binnenstad; de TRZ is voor toeristisch-recreatieve initiatieven.", waarden=waarden,
                                     lagen=("focusgebieden",)))
        elif functies <= passend:
            uit.append(DS5.bevinding("voldoet", "Toeristisch-recreatieve functies in de TRZ.", waarden=waarden, lagen=("focusgebieden",)))
        else:
            uit.append(DS5.bevinding("aandachtspunt", f"In de TRZ passen {', '.join(sorted(functies - passend))} niet bij de "
                                     "toeristisch-recreatieve opgave.", waarden=waarden, lagen=("focusgebieden",)))
    return uit


def _substantieel(ctx: ToetsContext, i: int) -> bool:
    woningen = ctx.waarde(i, "woningen") or 0
    bvo = sum(ctx.waarde(i, k) or 0.0 for k in ("bvo_detailhandel_m2", "bvo_kantoor_m2", "bvo_leisure_m2"))
    andere = set(ctx.functies(i)) - {"wonen", "zorgwonen"}
    return (woningen >= ctx.p("DS6", "min_woningen") or bvo >= ctx.p("DS6", "min_bvo_m2")
            or (bool(andere & set(ctx.p("DS6", "stedelijke_functies")))
                and ctx.geometrie[i].area >= ctx.p("DS6", "min_oppervlakte_m2")))


def ds6(ctx: ToetsContext) -> list[Bevinding]:
    drempel = meerderheid(ctx)
    stedelijk = set(ctx.p("DS6", "stedelijke_functies"))
    focus = ctx.laag("focusgebieden")
    aangewezen = focus.geometry.values[focus.naam.isin(ctx.p("DS6", "aangewezen_focusgebieden")).to_numpy()]
    toegestaan = shapely.union_all([ctx.laag(n).union_all() for n in
                                    ("bestaand_stedelijk_gebied", "woningbouwlocaties", "bedrijventerreinen")]
                                   + list(aangewezen))
    buiten = shapely.difference(ctx.geometrie, toegestaan)
    lagen = ("bestaand_stedelijk_gebied", "woningbouwlocaties", "bedrijventerreinen", "focusgebieden")
    uit = []
    for i in range(len(ctx)):
        opp, buiten_m2 = ctx.geometrie[i].area, buiten[i].area
        waarden = {"buiten_m2": rond(buiten_m2), "buiten_pct": rond(100 * buiten_m2 / opp)}
        if not set(ctx.functies(i)) & stedelijk or not _substantieel(ctx, i):
            uit.append(DS6.bevinding("niet_van_toepassing", "Geen voldoende substantiële stedelijke ontwikkeling "
                                     "in de zin van de Ladder.", waarden=waarden, lagen=lagen))
        elif buiten_m2 < ctx.p("ALGEMEEN", "min_oppervlak_m2"):
            uit.append(DS6.bevinding("voldoet", "Het plan ligt in bestaand stedelijk gebied of op een aangewezen woningbouw- "
                                     "of werklocatie: inbreiding.", waarden=waarden, lagen=lagen))
        elif buiten_m2 < drempel * opp:
            uit.append(DS6.bevinding("aandachtspunt", f"{m2(buiten_m2)} ({procent(waarden['buiten_pct'])}) van het plan ligt "
                                     "buiten bestaand stedelijk gebied en de aangewezen locaties: motiveer dat deel (Ladder).",
                                     waarden=waarden, geometrie=buiten[i], lagen=lagen))
        else:
            uit.append(DS6.bevinding("strijdig", f"Het plan ligt grotendeels ({procent(waarden['buiten_pct'])}) buiten bestaand "
                                     "stedelijk gebied en buiten de woningbouwlocaties en zoekgebieden: eerst inbreiding (§3.2A).",
                                     waarden=waarden, geometrie=buiten[i], lagen=lagen))
    return uit


def ds7(ctx: ToetsContext) -> list[Bevinding]:
    minimum, vanaf = ctx.p("DS7", "sociale_huur_min_pct"), ctx.p("DS7", "vanaf_woningen")
    uit = []
    for i in range(len(ctx)):
        woningen, sociaal = ctx.waarde(i, "woningen"), ctx.waarde(i, "sociale_huur")
        # Aantallen kunnen als float binnenkomen (kolom met ontbrekende waarden): als geheel getal tonen.
        woningen = None if woningen is None else int(woningen)
        sociaal = None if sociaal is None else int(sociaal)
        waarden = {"woningen": woningen, "sociale_huur": sociaal, "sociale_huur_min_pct": minimum, "vanaf_woningen": vanaf}
        if not woningen or woningen < vanaf:
            uit.append(DS7.bevinding("niet_van_toepassing", f"Minder dan {vanaf} nieuwe woningen.", waarden=waarden))
        elif sociaal is None:
            uit.append(DS7.bevinding("onvoldoende_gegevens", f"{getal(woningen)} woningen, maar het aantal sociale huurwoningen "
                                     "ontbreekt (sociale_huur).", waarden=waarden))
        else:
            pct = 100 * sociaal / woningen
            waarden["sociale_huur_pct"] = rond(pct)
            if pct < minimum:
                uit.append(DS7.bevinding("strijdig", f"{getal(sociaal)} van {getal(woningen)} woningen sociale huur ({procent(pct)}); "
                                         f"minimaal {procent(minimum)} is vereist op nieuwbouwlocaties.", waarden=waarden))
            else:
                uit.append(DS7.bevinding("voldoet", f"{getal(sociaal)} van {getal(woningen)} woningen sociale huur ({procent(pct)}, "
                                         f"minimaal {procent(minimum)}).", waarden=waarden))
    return uit


def ds8(ctx: ToetsContext) -> list[Bevinding]:
    passend = ctx.p("DS8", "passende_functies")
    focus = ctx.laag("focusgebieden")
    uit = []
    for i, feats in enumerate(ctx.features_binnen("focusgebieden")):
        gebieden = [(focus.naam.iat[f], focus.opgave.iat[f]) for f in feats]
        functies = set(ctx.functies(i))
        if not gebieden:
            uit.append(DS8.bevinding("niet_van_toepassing", "Het plan ligt niet in een focusgebied.", lagen=("focusgebieden",)))
            continue
        niet_passend = sorted({f for naam, _ in gebieden for f in functies if f not in passend.get(naam, [])})
        opgaven = " ".join(f"{naam}: {opgave}" for naam, opgave in gebieden)
        waarden = {"focusgebieden": [n for n, _ in gebieden], "niet_passend": niet_passend}
        if niet_passend:
            uit.append(DS8.bevinding("aandachtspunt", f"Opgave — {opgaven} De functies {', '.join(niet_passend)} passen daar "
                                     "niet vanzelfsprekend bij.", waarden=waarden, lagen=("focusgebieden",)))
        else:
            uit.append(DS8.bevinding("voldoet", f"Opgave — {opgaven} Het programma past bij die opgave.",
                                     waarden=waarden, lagen=("focusgebieden",)))
    return uit


REGELS = [(DS1, ds1), (DS2, ds2), (DS3, ds3), (DS4, ds4), (DS5, ds5), (DS6, ds6), (DS7, ds7), (DS8, ds8)]
