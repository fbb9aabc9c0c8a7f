"""Regels van het principe Groene stad van het Noorden (GS1–GS7)."""

from __future__ import annotations


from ..bevinding import Bevinding
from .basis import Regel, ToetsContext, getal, m2, meters, procent, rond

PRINCIPE = "Groene stad van het Noorden"
GROEN_EN_WATER = {"groen", "water"}

GS1 = Regel("GS1", PRINCIPE, "Bestaand groen blijft", "Omgevingsvisie Assen 2021, §3.1A")
GS2 = Regel("GS2", PRINCIPE, "Natura 2000 en Nationaal Park Drentsche Aa",
            "Omgevingsvisie Assen 2021, §2.8 en visiekaart Groene stad van het Noorden")
GS3 = Regel("GS3", PRINCIPE, "Hittestress", "Omgevingsvisie Assen 2021, §2.7 en §3.1C")
GS4 = Regel("GS4", PRINCIPE, "Klimaatadaptief bouwen (waterberging)",
            "Omgevingsvisie Assen 2021, §3.1C; Landelijke maatlat groene klimaatadaptieve gebouwde omgeving (2023)")
GS5 = Regel("GS5", PRINCIPE, "Energieneutraal bouwen", "Omgevingsvisie Assen 2021, §3.1B en opgaven Wonen 6")
GS6 = Regel("GS6", PRINCIPE, "Zonneladder", "Omgevingsvisie Assen 2021, §3.1B; Zonneladder NOVI 2020 (aangescherpt 2023)")
GS7 = Regel("GS7", PRINCIPE, "Groen nabij (3-30-300)",
            "3-30-300 (Konijnendijk 2023); Omgevingsvisie Assen 2021, §1.1 ('de groene ervaring begint bij de voordeur')")


def alleen_groen(functies: tuple[str, ...]) -> bool:
    """Een plan dat alleen groen en/of water toevoegt."""
    return bool(functies) and set(functies) <= GROEN_EN_WATER


def heeft_woningen(ctx: ToetsContext, i: int) -> bool:
    return bool(ctx.waarde(i, "woningen")) or bool({"wonen", "zorgwonen"} & set(ctx.functies(i)))


def nieuw_groen_m2(ctx: ToetsContext, i: int) -> float | None:
    """Groen in het plan na realisatie (groen_pct × oppervlakte), plus groene daken."""
    pct, dak = ctx.waarde(i, "groen_pct"), ctx.waarde(i, "groen_dak_m2")
    if pct is None and dak is None:
        return None
    return (pct or 0.0) / 100 * ctx.geometrie[i].area + (dak or 0.0)


def gs1(ctx: ToetsContext) -> list[Bevinding]:
    overlap, geoms = ctx.overlap("groenstructuur")
    namen = ctx.laag("groenstructuur").naam.to_numpy()
    factor, drempel = ctx.p("GS1", "compensatie_factor"), ctx.p("GS1", "min_overlap_m2")
    uit = []
    for i, feats in enumerate(ctx.features_binnen("groenstructuur")):
        opp = ctx.geometrie[i].area
        waarden = {"overlap_m2": rond(overlap[i]), "overlap_pct": rond(100 * overlap[i] / opp),
                   "groenstructuur": sorted(set(namen[feats].tolist()))}
        if overlap[i] < drempel:
            uit.append(GS1.bevinding("voldoet", "Het plan ligt niet in de bestaande groenstructuur.",
                                     waarden=waarden, lagen=("groenstructuur",)))
            continue
        genoemd = ", ".join(waarden["groenstructuur"])
        if alleen_groen(ctx.functies(i)):
            uit.append(GS1.bevinding("voldoet", f"Het plan ligt in {genoemd}, maar voegt alleen groen en water toe.",
                                     waarden=waarden, geometrie=geoms[i], lagen=("groenstructuur",)))
            continue
        nieuw = nieuw_groen_m2(ctx, i)
        waarden.update(groen_nieuw_m2=None if nieuw is None else rond(nieuw), compensatie_factor=factor)
        genomen = f"Het plan neemt {m2(overlap[i])} ({procent(waarden['overlap_pct'])} van het plan) van {genoemd}"
        if nieuw is not None and nieuw >= factor * overlap[i]:
            uit.append(GS1.bevinding(
                "aandachtspunt", f"{genomen}, maar voegt {m2(nieuw)} groen toe: minstens zoveel als het neemt. "
                "Leg de compensatie vast en houd de groenstructuur samenhangend.",
                waarden=waarden, geometrie=geoms[i], lagen=("groenstructuur",)))
        else:
            reden = ("zonder opgave van nieuw groen (groen_pct/groen_dak_m2)" if nieuw is None
                     else f"en voegt maar {m2(nieuw)} groen toe")
            uit.append(GS1.bevinding(
                "strijdig", f"{genomen} {reden}. De transformatie van de stad mag niet ten koste gaan van "
                "bestaand groen (§3.1A).", waarden=waarden, geometrie=geoms[i], lagen=("groenstructuur",)))
    return uit


def gs2(ctx: ToetsContext) -> list[Bevinding]:
    stedelijk = set(ctx.p("GS2", "stedelijke_functies"))
    buffer_m = ctx.p("GS2", "buffer_m")
    afstand, dichtst = ctx.afstand("natura2000")
    overlap, geoms = ctx.overlap("natura2000")
    namen = ctx.laag("natura2000").naam.to_numpy()
    uit = []
    for i in range(len(ctx)):
        functies = set(ctx.functies(i)) & stedelijk
        gebied = str(namen[dichtst[i]]) if dichtst[i] >= 0 else None
        waarden = {"afstand_m": rond(afstand[i]), "gebied": gebied, "overlap_m2": rond(overlap[i]), "buffer_m": buffer_m}
        if not functies:
            uit.append(GS2.bevinding("niet_van_toepassing", "Het plan heeft geen stedelijke functies.",
                                     waarden=waarden, lagen=("natura2000",)))
        elif overlap[i] > 0:  # alleen raken (afstand 0, geen overlap) is 'binnen de zone', niet 'in'
            uit.append(GS2.bevinding(
                "strijdig", f"Stedelijke functies ({', '.join(sorted(functies))}) in {gebied} "
                f"({m2(overlap[i])} overlap): beschermde natuur (Natura 2000 / Nationaal Park).",
                waarden=waarden, geometrie=geoms[i], lagen=("natura2000",)))
        elif afstand[i] <= buffer_m:
            uit.append(GS2.bevinding(
                "aandachtspunt", f"Het plan ligt op {meters(afstand[i])} van {gebied}, binnen de zone van "
                f"{meters(buffer_m)}: let op stikstof, verstoring en de overgang naar de natuur.",
                waarden=waarden, lagen=("natura2000",)))
        else:
            uit.append(GS2.bevinding("voldoet", f"Het plan ligt op {meters(afstand[i])} van {gebied}.",
                                     waarden=waarden, lagen=("natura2000",)))
    return uit


def gs3(ctx: ToetsContext) -> list[Bevinding]:
    minimum, dak_telt = ctx.p("GS3", "groen_pct_min"), ctx.p("GS3", "groen_dak_telt_mee")
    namen = ctx.laag("hittestress").naam.to_numpy()
    uit = []
    for i, feats in enumerate(ctx.features_binnen("hittestress")):
        if len(feats) == 0:
            uit.append(GS3.bevinding("niet_van_toepassing", "Het plan ligt niet in een gebied met hittestress (§2.7).",
                                     lagen=("hittestress",)))
            continue
        gebieden = sorted(set(namen[feats].tolist()))
        pct, dak = ctx.waarde(i, "groen_pct"), ctx.waarde(i, "groen_dak_m2")
        waarden = {"hittestress": gebieden, "groen_pct": pct, "groen_dak_m2": dak, "groen_pct_min": minimum}
        if pct is None and dak is None:
            uit.append(GS3.bevinding("onvoldoende_gegevens", f"Het plan ligt in een hittestressgebied ({', '.join(gebieden)}), "
                                     "maar groen_pct en groen_dak_m2 ontbreken.", waarden=waarden, lagen=("hittestress",)))
            continue
        vergroening = (pct or 0.0) + (100 * (dak or 0.0) / ctx.geometrie[i].area if dak_telt else 0.0)
        waarden["vergroening_pct"] = rond(vergroening)
        model = _uhi_zin(ctx, i, min(vergroening, 100.0), waarden)
        if vergroening < minimum:
            uit.append(GS3.bevinding(
                "aandachtspunt", f"Het plan ligt in een hittestressgebied ({', '.join(gebieden)}) en vergroent "
                f"{procent(vergroening)} van het plangebied; nodig is minstens {procent(minimum)}.{model}",
                waarden=waarden, lagen=("hittestress",)))
        else:
            uit.append(GS3.bevinding(
                "voldoet", f"Het plan ligt in een hittestressgebied ({', '.join(gebieden)}) en vergroent "
                f"{procent(vergroening)} van het plangebied (minstens {procent(minimum)}).{model}",
                waarden=waarden, lagen=("hittestress",)))
    return uit


def _uhi_zin(ctx: ToetsContext, i: int, groen_pct: float, waarden: dict) -> str:
    """Voor en na volgens het hitte-eilandmodel (analyse hitte), als die analyse beschikbaar is."""
    if "hitte" not in ctx.analyses:
        return ""
    uhi = ctx.analyses["hitte"](ctx.geometrie[i], groen_pct)
    waarden.update(uhi_voor_c=rond(uhi["uhi_voor_plan_c"], 2), uhi_na_c=rond(uhi["uhi_na_plan_c"], 2),
                   uhi_verschil_c=rond(uhi["verschil_plan_c"], 2),
                   groen_pct_uhi_neutraal=None if uhi["groen_pct_neutraal"] is None else rond(uhi["groen_pct_neutraal"]))
    richting = "daalt" if uhi["verschil_plan_c"] < 0 else "stijgt"
    neutraal = ("" if uhi["groen_pct_neutraal"] is None
                else f"; bij {procent(uhi['groen_pct_neutraal'])} groen blijft het gelijk")
    return (f" Volgens het hitte-eilandmodel (Theeuwes e.a. 2017) {richting} het hitte-eiland in het plan met "
            f"{getal(abs(uhi['verschil_plan_c']), 2)} °C ({getal(uhi['uhi_voor_plan_c'], 1)} → "
            f"{getal(uhi['uhi_na_plan_c'], 1)} °C){neutraal}.")


def _bouwt(ctx: ToetsContext, i: int) -> bool:
    return bool(set(ctx.functies(i)) & set(ctx.p("GS5", "nieuwbouw_functies"))) or heeft_woningen(ctx, i)


def _mm(x: float) -> str:
    """Millimeters zonder decimalen, maar 69,5 mm niet als '70 mm' (dat leest als 'voldoet')."""
    return getal(x, 0 if float(x).is_integer() else 1)


def gs4(ctx: ToetsContext) -> list[Bevinding]:
    minimum = ctx.p("GS4", "waterberging_mm_min")
    uit = []
    for i in range(len(ctx)):
        berging = ctx.waarde(i, "waterberging_mm")
        waarden = {"waterberging_mm": berging, "waterberging_mm_min": minimum}
        if not _bouwt(ctx, i):
            uit.append(GS4.bevinding("niet_van_toepassing", "Het plan bouwt niet (geen bebouwde functies).", waarden=waarden))
        elif berging is None:
            uit.append(GS4.bevinding("onvoldoende_gegevens", "waterberging_mm ontbreekt: geef op hoeveel neerslag "
                                     f"het plan op eigen terrein kan bergen (maatlat: {_mm(minimum)} mm).", waarden=waarden))
        elif berging < minimum:
            uit.append(GS4.bevinding("aandachtspunt", f"Het plan bergt {_mm(berging)} mm; nodig is minstens "
                                     f"{_mm(minimum)} mm (maatlat: een hevige bui in 2 uur, T=100).", waarden=waarden))
        else:
            uit.append(GS4.bevinding("voldoet", f"Het plan bergt {_mm(berging)} mm (minstens {_mm(minimum)} mm).",
                                     waarden=waarden))
    return uit


def gs5(ctx: ToetsContext) -> list[Bevinding]:
    uit = []
    for i in range(len(ctx)):
        neutraal = ctx.waarde(i, "energieneutraal")
        waarden = {"energieneutraal": neutraal, "aardgasvrij": ctx.waarde(i, "aardgasvrij")}
        if not _bouwt(ctx, i):
            uit.append(GS5.bevinding("niet_van_toepassing", "Het plan bevat geen nieuwe woningen of bedrijven.", waarden=waarden))
        elif neutraal is None:
            uit.append(GS5.bevinding("onvoldoende_gegevens", "Onbekend of de nieuwbouw energieneutraal is (energieneutraal ontbreekt).",
                                     waarden=waarden))
        elif neutraal:
            uit.append(GS5.bevinding("voldoet", "De nieuwbouw is energieneutraal.", waarden=waarden))
        else:
            uit.append(GS5.bevinding("strijdig", "Nieuwe woningen en bedrijven moeten minimaal energieneutraal zijn "
                                     "(opgaven Wonen 6); het plan is dat niet.", waarden=waarden))
    return uit


def gs6(ctx: ToetsContext) -> list[Bevinding]:
    ladder = ctx.p("GS6", "ladder")
    in_zoekgebied, _ = ctx.overlap("energie_zoekgebieden")
    in_bsg, _ = ctx.overlap("bestaand_stedelijk_gebied")
    namen = ctx.laag("energie_zoekgebieden").naam.to_numpy()
    lagen = ("energie_zoekgebieden", "bestaand_stedelijk_gebied")
    uit = []
    for i, feats in enumerate(ctx.features_binnen("energie_zoekgebieden")):
        opp = ctx.geometrie[i].area
        waarden = {"in_zoekgebied_pct": rond(100 * in_zoekgebied[i] / opp), "in_bsg_pct": rond(100 * in_bsg[i] / opp),
                   "zoekgebieden": sorted(set(namen[feats].tolist())), "ladder": ladder}
        if "zonnepark" not in ctx.functies(i):
            uit.append(GS6.bevinding("niet_van_toepassing", "Het plan bevat geen zonnepark.", waarden=waarden, lagen=lagen))
        elif in_zoekgebied[i] >= ctx.p("ALGEMEEN", "ligt_in_aandeel") * opp:
            uit.append(GS6.bevinding("voldoet", f"Het zonnepark ligt in een zoekgebied voor energie "
                                     f"({', '.join(waarden['zoekgebieden'])}).", waarden=waarden, lagen=lagen))
        elif in_bsg[i] >= ctx.p("ALGEMEEN", "ligt_in_aandeel") * opp:
            uit.append(GS6.bevinding("voldoet", f"Het zonnepark ligt in bestaand stedelijk gebied: trede '{ladder[1]}' "
                                     "van de zonneladder.", waarden=waarden, lagen=lagen))
        else:
            uit.append(GS6.bevinding(
                "aandachtspunt", "Het zonnepark ligt buiten de zoekgebieden en buiten bestaand stedelijk gebied "
                f"(trede '{ladder[2]}' of '{ladder[3]}'). Motiveer waarom de eerdere treden ('{ladder[0]}', "
                f"'{ladder[1]}') niet kunnen.", waarden=waarden, lagen=lagen))
    return uit


def gs7(ctx: ToetsContext) -> list[Bevinding]:
    grens, min_ha = ctx.p("GS7", "afstand_m"), ctx.p("GS7", "min_groen_ha")
    groot = ctx.laag("groenstructuur").geometry.area.to_numpy() >= min_ha * 1e4
    verst = ctx.verste_afstand("groenstructuur", filter_=groot)
    uit = []
    for i in range(len(ctx)):
        eigen = nieuw_groen_m2(ctx, i) or 0.0
        waarden = {"afstand_verst_m": rond(verst[i]), "afstand_m": grens, "min_groen_ha": min_ha,
                   "eigen_groen_m2": rond(eigen)}
        if not heeft_woningen(ctx, i):
            uit.append(GS7.bevinding("niet_van_toepassing", "Het plan bevat geen woningen.", waarden=waarden,
                                     lagen=("groenstructuur",)))
        elif verst[i] <= grens:
            uit.append(GS7.bevinding("voldoet", f"Alle woningen liggen binnen {meters(grens)} van groen van minstens "
                                     f"{m2(min_ha * 1e4)} (verst: {meters(verst[i])}).", waarden=waarden, lagen=("groenstructuur",)))
        elif eigen >= min_ha * 1e4:
            uit.append(GS7.bevinding("voldoet", f"Het plan legt zelf {m2(eigen)} groen aan; de bestaande groenstructuur "
                                     f"ligt tot {meters(verst[i])} weg.", waarden=waarden, lagen=("groenstructuur",)))
        else:
            uit.append(GS7.bevinding(
                "aandachtspunt", f"Een deel van de woningen ligt verder dan {meters(grens)} van groen van minstens "
                f"{m2(min_ha * 1e4)} (verst: {meters(verst[i])}). Voeg een groene ruimte toe of verbind met bestaand groen.",
                waarden=waarden, lagen=("groenstructuur",)))
    return uit


REGELS = [(GS1, gs1), (GS2, gs2), (GS3, gs3), (GS4, gs4), (GS5, gs5), (GS6, gs6), (GS7, gs7)]
