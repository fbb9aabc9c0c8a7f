"""Barrières en omrijfactoren (issue 7): synthetische gevallen met handberekende antwoorden en de meegeleverde lagen.

De handberekeningen gaan uit van rechte lijnen via het midden van de oversteek. Het raster
(zestien richtingen, doorgangen van drie cellen) wijkt daar hooguit enkele procenten van af
(docs/analyse_barrieres.md); de toleranties zijn daarop gekozen en veel kleiner dan het
verschil tussen de alternatieven die elk geval onderscheidt.
"""

from __future__ import annotations

import math
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from click.testing import CliRunner
from shapely.geometry import LineString, Point, box

from omgevingsvisie import laad_laag, lagen
from omgevingsvisie.analyse import barrieres
from omgevingsvisie.analyse import barrieres_oversteek as bo
from omgevingsvisie.analyse.barrieres_oversteek import omrijfactor_voor_na
from omgevingsvisie.analyse.routeraster import Oversteek, Routeraster, VoorNa
from omgevingsvisie.analyse.uitvoer import schrijf_analyse
from omgevingsvisie.cli import main

DOMEIN = box(0, 0, 2000, 1000)
RIVIER = LineString([(0, 500), (2000, 500)])
CEL = 10.0
TOLERANTIE = 0.03  # relatief: rasterfout ≤ 2,7 % (zestien richtingen) plus de breedte van een doorgang


def factor(raster: Routeraster, van: tuple[float, float], naar) -> float:
    route, hemelsbreed = raster.afstanden([van[0]], [van[1]], raster.doelcellen(naar))
    return float(raster.omrijfactor(route, hemelsbreed)[0])


def rivier(*oversteken: Oversteek, **kwargs) -> Routeraster:
    return Routeraster(domein=DOMEIN, barrieres={"rivier": RIVIER}, oversteken=list(oversteken), celgrootte_m=CEL,
                       **kwargs)


# ------------------------------------------------------------------ synthetisch, met de hand uitgerekend

def test_rivier_met_een_brug():
    # (500, 400) -> brug (1500, 500) -> (500, 600): 2 × √(1000² + 100²) = 2010 m; hemelsbreed 200 m
    raster = rivier(Oversteek(Point(1500, 500), "rivier", "brug"))
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200, rel=TOLERANTIE)


def test_rivier_met_twee_bruggen_neemt_de_dichtstbijzijnde():
    # via de brug op x = 800: 2 × √(300² + 100²) = 632 m -> 3,16; via x = 1500 zou het 10,05 zijn
    raster = rivier(Oversteek(Point(1500, 500), "rivier"), Oversteek(Point(800, 500), "rivier"))
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(300, 100) / 200, rel=TOLERANTIE)


def test_punt_al_aan_de_goede_kant_heeft_omrijfactor_1():
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    assert factor(raster, (500, 600), Point(900, 800)) == pytest.approx(1.0, abs=1e-9)
    assert factor(raster, (500, 600), box(800, 750, 1000, 950)) == pytest.approx(1.0, abs=1e-9)


def test_rivier_zonder_brug_is_onbereikbaar_ook_schuin():
    for hoek in (0, 7, 23, 45, 62):
        helling = math.tan(math.radians(hoek))
        schuin = LineString([(-10, 500 - 1010 * helling), (2010, 500 + 1010 * helling)])
        raster = Routeraster(domein=DOMEIN, barrieres={"rivier": schuin}, celgrootte_m=CEL)
        route, _ = raster.afstanden([1000], [900], raster.doelcellen(Point(1000, 100)))
        assert np.isinf(route[0]), f"route door een rivier onder {hoek}° zonder brug"


def test_barrieregebied_met_een_poort():
    # Gebied over de hele breedte (y 400–600); poort in het midden op x = 1500: de kortste koorde
    # is verticaal (200 m). (500, 200) -> (1500, 400) -> (1500, 600) -> (500, 800).
    gebied = box(-10, 400, 2010, 600)
    zonder = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL)
    route, _ = zonder.afstanden([500], [200], zonder.doelcellen(Point(500, 800)))
    assert np.isinf(route[0])
    met = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL,
                      oversteken=[Oversteek(Point(1500, 500), "werkgebied", "poort")])
    verwacht = (2 * math.hypot(1000, 200) + 200) / 600
    assert factor(met, (500, 200), Point(500, 800)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_langs_de_rand_van_een_barrieregebied_mag():
    # Een blok midden in het veld: de route gaat er langs (over de rand), niet doorheen.
    gebied = box(900, 300, 1100, 700)
    raster = Routeraster(domein=DOMEIN, barrieres={}, gebieden={"werkgebied": gebied}, celgrootte_m=CEL)
    # (500, 500) -> hoek (900, 700) -> hoek (1100, 700) -> (1500, 500)
    verwacht = (math.hypot(400, 200) + 200 + math.hypot(400, 200)) / 1000
    assert factor(raster, (500, 500), Point(1500, 500)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_brug_in_een_barrieregebied_loopt_door_naar_de_rand():
    # Rivier door een werkgebied (x 1000–2000, y 300–700); de brug op x = 1500 ligt erin. De doorgang
    # loopt langs de kortste weg naar de rand: recht naar boven en beneden (200 m).
    gebied = box(1000, 300, 2010, 700)
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": RIVIER}, gebieden={"werkgebied": gebied},
                         oversteken=[Oversteek(Point(1500, 500), "rivier", "brug")], celgrootte_m=CEL)
    verwacht = (2 * math.hypot(1000, 200) + 400) / 200
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(verwacht, rel=TOLERANTIE)


def test_oversteek_opent_alleen_haar_eigen_barriere():
    # Twee barrières kruisen elkaar; een oversteek van de weg óp het kruispunt opent het spoor niet.
    weg = LineString([(0, 500), (2000, 500)])
    spoor = LineString([(1000, -10), (1000, 1010)])
    raster = Routeraster(domein=DOMEIN, barrieres={"weg": weg, "spoor": spoor}, celgrootte_m=CEL,
                         oversteken=[Oversteek(Point(1000, 500), "weg", "kruispunt")])
    noordwest = raster.doelcellen(Point(500, 800))
    route, _ = raster.afstanden([500, 1500], [200, 200], noordwest)
    assert np.isfinite(route[0])  # zuidwest -> noordwest: over de weg bij het kruispunt
    assert np.isinf(route[1])  # zuidoost -> noordwest: het spoor blijft dicht


def test_lijn_die_in_het_gebied_eindigt_kan_worden_omgelopen_en_aan_de_rand_niet():
    kort = LineString([(0, 500), (1500, 500)])  # eindigt midden in het gebied
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": kort}, celgrootte_m=CEL)
    assert factor(raster, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200,
                                                                       rel=TOLERANTIE)
    bijna = LineString([(3, 500), (1997, 500)])  # stopt 3 m voor de rand: wordt doorgetrokken
    raster = Routeraster(domein=DOMEIN, barrieres={"rivier": bijna}, celgrootte_m=CEL)
    route, _ = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
    assert np.isinf(route[0])


def test_oversteek_ver_van_haar_barriere_telt_niet_en_wordt_gemeld():
    raster = rivier(Oversteek(Point(1500, 800), "rivier", "Verre brug"), tolerantie_m=25)
    route, _ = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
    assert np.isinf(route[0])
    assert any("Verre brug" in w and "300 m" in w for w in raster.waarschuwingen)


def test_nieuwe_verbinding_als_lijn():
    raster = rivier()
    na = raster.met_oversteken([Oversteek(LineString([(1500, 300), (1500, 700)]))])
    assert np.isinf(raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))[0][0])
    assert factor(na, (500, 400), Point(500, 600)) == pytest.approx(2 * math.hypot(1000, 100) / 200, rel=TOLERANTIE)
    assert factor(na, (1500, 100), Point(1500, 900)) == pytest.approx(1.0, abs=1e-9)


def test_omrijfactoren_op_de_index_van_de_invoer():
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    doelen = {"noord": raster.doelcellen(Point(500, 600))}
    punten = gpd.GeoDataFrame({"woningen": [1.0, 1.0]}, geometry=[Point(500, 900), Point(500, 400)],
                              index=pd.Index([17, 3], name="adres"), crs=28992)
    uit = barrieres.omrijfactoren(punten, raster=raster, doelen=doelen)
    assert uit.index.equals(punten.index)
    assert uit.loc[17, "omrijfactor_noord"] == pytest.approx(1.0)
    assert uit.loc[3, "omrijfactor_noord"] == pytest.approx(10.05, rel=TOLERANTIE)
    with pytest.raises(TypeError, match="laagdata"):
        barrieres.omrijfactoren(punten)


def test_omrijfactoren_per_punt_met_eigen_raster():
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    doelen = {"noord": raster.doelcellen(Point(500, 600))}
    uit = barrieres.omrijfactoren(np.array([[500, 400], [500, 900]]), raster=raster, doelen=doelen)
    assert list(uit.columns) == ["omrijfactor_noord", "route_noord_m", "hemelsbreed_noord_m"]
    assert uit["omrijfactor_noord"].iloc[0] == pytest.approx(10.05, rel=TOLERANTIE)
    assert uit["omrijfactor_noord"].iloc[1] == pytest.approx(1.0)


# ------------------------------------------------------------------ de meegeleverde lagen

BUITEN_DE_RING = ["Kloosterveen", "Marsdijk", "Peelo", "Pittelo"]
BINNEN_DE_RING = ["Centrum", "Lariks", "Noorderpark", "Assen-West", "Assen-Oost"]


@pytest.fixture(scope="module")
def uitkomst() -> barrieres.Uitkomst:
    return barrieres.omrijfactoren_per_wijk(laagdata=lagen.huidige())


def test_tabel_per_wijk(uitkomst):
    tabel = uitkomst.tabel
    assert sorted(tabel["naam"]) == sorted(laad_laag("wijken")["naam"])
    factoren = tabel.filter(like="omrijfactor_")
    assert list(factoren.columns) == [f"omrijfactor_{b}" for b in barrieres.BESTEMMINGEN]
    assert (factoren >= 1).all().all() and np.isfinite(factoren.to_numpy()).all()
    assert set(tabel["ingesloten"]) <= {"ja", "nee"}
    assert (tabel["woningpunten"] > 0).all()
    assert not uitkomst.waarschuwingen  # alle meegeleverde oversteken liggen op hun barrière


def test_woningen_buiten_de_europaweg_rijden_meer_om_naar_het_publiekshart(uitkomst):
    """§2.10: 'wijken buiten de Europaweg, het buitengebied en de binnenstad liggen ... geïsoleerd'."""
    punten = uitkomst.punten[uitkomst.punten["wijk"] != "Buitengebied"].reset_index(drop=True)
    europaweg = laad_laag("barrieres").set_index("naam").geometry["Europaweg"]
    ring = shapely.Polygon(list(europaweg.coords))  # de ring, aan de oostkant gesloten
    binnen = shapely.contains_xy(ring, punten.geometry.x, punten.geometry.y)
    per_punt = barrieres.omrijfactoren(punten, laagdata=lagen.huidige())
    gewicht = punten["woningen"].to_numpy()

    def som(masker):
        return barrieres.samenvatting(per_punt[masker], gewicht[masker], "publiekshart")[0]

    assert som(~binnen) > som(binnen) + 0.05
    tabel = uitkomst.tabel.set_index("naam")
    gewogen = {groep: np.average(tabel.loc[wijken, "omrijfactor_publiekshart"], weights=tabel.loc[wijken, "woningen"])
               for groep, wijken in (("buiten", BUITEN_DE_RING), ("binnen", BINNEN_DE_RING))}
    assert gewogen["buiten"] > gewogen["binnen"]
    assert tabel["omrijfactor_publiekshart"].idxmax() in BUITEN_DE_RING


def test_elke_wijk_buiten_de_ring_rijdt_meer_om_dan_gemiddeld_erbinnen(uitkomst):
    """Per wijk: elke wijk buiten de Europaweg rijdt meer om dan de wijken binnen de ring gemiddeld.

    Strenger (elke wijk buiten boven élke wijk binnen) geldt niet: Assen-Oost ligt 'over het spoor'
    (omweg door de spoorlijn, die in de laag barrieres staat) en rijdt daardoor meer om dan Peelo en
    Kloosterveen, waar de oversteken op de rechte lijn naar het centrum liggen. Zie
    docs/analyse_barrieres.md.
    """
    tabel = uitkomst.tabel.set_index("naam")
    binnen = np.average(tabel.loc[BINNEN_DE_RING, "omrijfactor_publiekshart"],
                        weights=tabel.loc[BINNEN_DE_RING, "woningen"])
    for wijk in BUITEN_DE_RING:
        assert tabel.loc[wijk, "omrijfactor_publiekshart"] > binnen, wijk
    # Assen-West ligt sinds de correctie van de Europaweg-West helemaal binnen de ring
    assert tabel.loc["Assen-West", "omrijfactor_publiekshart"] < min(tabel.loc[BUITEN_DE_RING, "omrijfactor_publiekshart"])


def test_ingesloten_wijken(uitkomst):
    tabel = uitkomst.tabel.set_index("naam")
    assert (tabel["ingesloten"] == "ja").sum() >= 1
    # Pittelo ligt tussen Noord-Willemskanaal, Europaweg en A28; het centrum ligt om het publiekshart
    assert tabel.loc["Pittelo", "ingesloten"] == "ja"
    assert tabel.loc["Centrum", "ingesloten"] == "nee"
    assert "buitengebied" in tabel.loc["Pittelo", "reden"]
    assert list(uitkomst.ingesloten["naam"]) == list(tabel.index[tabel["ingesloten"] == "ja"])


def test_drempel_komt_uit_het_parameterbestand(tmp_path):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text("[barrieres]\ndrempel_ingesloten = 5.0\n", encoding="utf-8")
    from omgevingsvisie.analyse.parameters import laad_analyse_parameters

    uit = barrieres.omrijfactoren_per_wijk(laagdata=lagen.huidige(), parameters=laad_analyse_parameters(eigen))
    assert uit.drempel == 5.0
    assert (uit.tabel["ingesloten"] == "nee").all()


def test_tabel_werkt_met_de_barrierekaart(uitkomst, laagdata):
    from omgevingsvisie.kaarten import kaart_barrieres

    for tabel in (uitkomst.tabel, uitkomst.wijken):
        html = kaart_barrieres(tabel, laagdata=laagdata).get_root().render()
        assert "Per wijk: omrijfactor_publiekshart" in html


# ------------------------------------------------------------------ nieuwe oversteek (voor VS1)

@pytest.mark.traag
def test_nieuwe_kanaalbrug_bij_pittelo_verlaagt_de_omrijfactor():
    # Een plan aan het Noord-Willemskanaal tussen Sluis Peelo en Kanaalbrug Peelo – Noorderpark
    plan = box(233150, 558950, 233250, 559050)
    uit = omrijfactor_voor_na(plan, laagdata=lagen.huidige())
    assert uit["barriere"] == "Noord-Willemskanaal"
    assert uit["woningpunten"] > 0
    assert uit["omrijfactor_na"] < uit["omrijfactor_voor"]
    assert uit["per_bestemming"]["overkant"]["na"] < uit["per_bestemming"]["overkant"]["voor"]
    assert "Noord-Willemskanaal" in uit["toelichting"]


def test_nieuwe_oversteek_op_een_bestaande_verandert_niets():
    brug = laad_laag("oversteken").set_index("naam").geometry["Kanaalbrug Pittelo"]
    uit = omrijfactor_voor_na(brug.buffer(40), laagdata=lagen.huidige(), verbinding=brug)
    assert uit["omrijfactor_na"] == pytest.approx(uit["omrijfactor_voor"], abs=0.005)


def test_plan_ver_van_een_barriere_krijgt_geen_oversteek():
    uit = omrijfactor_voor_na(box(228000, 552000, 228200, 552200), laagdata=lagen.huidige())
    assert uit["omrijfactor_voor"] is None and uit["omrijfactor_na"] is None
    assert "geen barrière binnen 100 m" in uit["toelichting"]


def test_plan_in_wgs84_is_een_invoerfout():
    from omgevingsvisie import InvoerFout

    with pytest.raises(InvoerFout, match="RD New"):
        omrijfactor_voor_na(box(6.55, 52.99, 6.56, 53.0), laagdata=lagen.huidige())


# ------------------------------------------------------------------ snelle voor/na = de volledige berekening

def volledige_paren(raster: Routeraster, doelen: dict, oversteek: Oversteek, barriere: str | None, straal: float,
                    x: np.ndarray, y: np.ndarray) -> dict:
    """De berekening van vóór de versnelling: een nieuw raster met de oversteek, elke Dijkstra over het hele raster."""
    na = raster.met_oversteken([oversteek])
    paren = {}
    for naam, doel in doelen.items():
        route_voor, hemelsbreed = raster.afstanden(x, y, doel)
        paren[naam] = (route_voor, na.afstanden(x, y, doel)[0], hemelsbreed)
    if barriere is not None:
        lijn = raster.barrieres[barriere]
        cx, cy = bo._vrije_punten(raster, oversteek.geometrie, straal, raster.celgrootte_m,
                                  raster.geblokkeerd | na.geblokkeerd)
        cel_kant, punt_kant = bo._zijde(lijn, cx, cy), bo._zijde(lijn, x, y)
        voor, na_, hemel = (np.full(len(x), np.nan) for _ in range(3))
        for kant in (1.0, -1.0):
            doel, hier = raster.cellen(cx[cel_kant == -kant], cy[cel_kant == -kant]), punt_kant == kant
            if len(doel) and hier.any():
                voor[hier], hemel[hier] = raster.afstanden(x[hier], y[hier], doel)
                na_[hier] = na.afstanden(x[hier], y[hier], doel)[0]
        paren["overkant"] = (voor, na_, hemel)
    return paren


def volledig_voor_na(plan, *, verbinding=None, zoekafstand_m=None, woningpunten=None) -> dict:
    """:func:`omrijfactor_voor_na` zoals het was vóór de versnelling (ca. 0,6 s per aanroep)."""
    instellingen = barrieres.Instellingen.uit()
    raster, doelen = barrieres._raster_en_doelen(lagen.huidige(), None)
    oversteek, barriere, omschrijving = bo.nieuwe_oversteek(
        plan, raster, verbinding=verbinding,
        zoekafstand_m=instellingen.zoekafstand_m if zoekafstand_m is None else zoekafstand_m)
    if oversteek is None:
        return {"omrijfactor_voor": None, "oversteek": omschrijving}
    na = raster.met_oversteken([oversteek])
    if woningpunten is None:
        woningpunten, _ = barrieres.woningpunten_voor_barrieres(laagdata=lagen.huidige())
    x, y = woningpunten.geometry.x.to_numpy(), woningpunten.geometry.y.to_numpy()
    gewicht = woningpunten["woningen"].to_numpy(dtype=float)
    dichtbij = shapely.distance(oversteek.geometrie, shapely.points(x, y)) <= instellingen.invloed_m
    dichtbij &= shapely.contains_xy(raster.domein, x, y)
    if dichtbij.any():
        x, y, gewicht = x[dichtbij], y[dichtbij], gewicht[dichtbij]
    else:
        x, y = bo._vrije_punten(raster, oversteek.geometrie, instellingen.invloed_m, 100.0,
                                raster.geblokkeerd | na.geblokkeerd)
        gewicht = np.ones(len(x))
    paren = volledige_paren(raster, doelen, oversteek, barriere, instellingen.invloed_m, x, y)
    per_bestemming, route_voor, route_na, hemel, nieuw = {}, 0.0, 0.0, 0.0, np.zeros(len(x), dtype=bool)
    for naam, (rv, rn, h) in paren.items():
        nieuw |= ~np.isfinite(rv) & np.isfinite(rn)
        beide = np.isfinite(rv) & np.isfinite(rn) & np.isfinite(h)
        if not beide.any():
            continue
        w = gewicht[beide]
        tabel = {"voor": pd.DataFrame({f"route_{naam}_m": rv[beide], f"hemelsbreed_{naam}_m": h[beide]}),
                 "na": pd.DataFrame({f"route_{naam}_m": rn[beide], f"hemelsbreed_{naam}_m": h[beide]})}
        per_bestemming[naam] = {k: round(barrieres.samenvatting(t, w, naam)[0], 3) for k, t in tabel.items()}
        route_voor += float((w * rv[beide]).sum())
        route_na += float((w * rn[beide]).sum())
        hemel += float((w * h[beide]).sum())
    voor, na_factor = max(1.0, route_voor / hemel), max(1.0, route_na / hemel)
    return {"omrijfactor_voor": round(voor, 3), "omrijfactor_na": round(na_factor, 3),
            "verbetering_pct": round(100.0 * (voor - na_factor) / voor, 1), "barriere": barriere,
            "oversteek": omschrijving, "woningpunten": int(len(x)), "per_bestemming": per_bestemming,
            "nieuw_bereikbaar": int(nieuw.sum()), "paren": paren, "x": x, "y": y, "oversteek_obj": oversteek}


def assert_zelfde_paren(snel: dict, volledig: dict, rtol: float = 1e-9) -> None:
    """Per bestemming en vertrekpunt dezelfde afstanden: onbereikbaar (inf) en geen overkant (NaN) precies."""
    assert snel.keys() == volledig.keys()
    for naam in volledig:
        for wat, a, b in zip(("route vóór", "route ná", "hemelsbreed"), snel[naam], volledig[naam]):
            assert np.array_equal(np.isnan(a), np.isnan(b)), (naam, wat)
            assert np.array_equal(np.isinf(a), np.isinf(b)), (naam, wat)
            eindig = np.isfinite(b)
            np.testing.assert_allclose(a[eindig], b[eindig], rtol=rtol, atol=1e-9, err_msg=f"{naam}: {wat}")


PLANNEN_MET_VOLLEDIGE_BEREKENING = {
    "Europaweg bij Assen-West": dict(plan=box(231600, 556500, 231800, 556700), zoekafstand_m=100),
    "Noord-Willemskanaal bij Pittelo": dict(plan=box(233150, 558950, 233250, 559050)),
    "verbinding als lijn over het kanaal": dict(plan=box(233100, 558900, 233300, 559000),
                                                 verbinding=LineString([(233100, 558850), (233300, 559050)])),
    "poort in het Stadsbedrijvenpark": dict(plan=box(234300, 558000, 234400, 558100)),
    "spoor in het buitengebied (geen woningen)": dict(plan=box(233800, 552030, 233900, 552130)),
    "op een bestaande oversteek": dict(plan=None),
}


@pytest.mark.traag
@pytest.mark.parametrize("geval", list(PLANNEN_MET_VOLLEDIGE_BEREKENING))
def test_snelle_voor_na_is_de_volledige_berekening_op_de_lagen(geval):
    """De plaatselijke berekening (bewaarde velden vóór, VoorNa) geeft per punt dezelfde afstanden als een nieuw
    raster met de oversteek en Dijkstra's over het hele raster, en dezelfde uitkomst."""
    kwargs = dict(PLANNEN_MET_VOLLEDIGE_BEREKENING[geval])
    if kwargs["plan"] is None:
        brug = laad_laag("oversteken").set_index("naam").geometry["Kanaalbrug Pittelo"]
        kwargs = dict(plan=brug.buffer(40), verbinding=brug)
    plan = kwargs.pop("plan")
    volledig = volledig_voor_na(plan, **kwargs)
    snel = omrijfactor_voor_na(plan, laagdata=lagen.huidige(), **kwargs)
    for sleutel in ("omrijfactor_voor", "omrijfactor_na", "verbetering_pct", "barriere", "oversteek",
                    "woningpunten", "per_bestemming", "nieuw_bereikbaar"):
        assert snel[sleutel] == volledig[sleutel], sleutel
    # en per punt, ruim binnen de afronding
    raster, doelen, velden = barrieres.afstandvelden(laagdata=lagen.huidige())
    oversteek, effect = volledig["oversteek_obj"], VoorNa(raster, [volledig["oversteek_obj"]])
    vertrek = bo._Vertrekpunten(volledig["x"], volledig["y"], np.ones(len(volledig["x"])), "punten")
    snelle_paren = bo._paren(raster, doelen, velden, oversteek, snel["barriere"], 1000.0, vertrek, effect)
    assert_zelfde_paren(snelle_paren, volledig["paren"])


def _synthetisch(*, bruggen=(Oversteek(Point(1500, 500), "rivier"),), gebied=None, poorten=()):
    """Rivier (y = 500) met bruggen, een beek (x = 1250, van de rivier tot y = 900, dus noordelijk om te
    lopen) en eventueel een barrièregebied; bestemmingen aan beide kanten en vertrekpunten om de 50 m."""
    barrieres_ = {"rivier": RIVIER, "beek": LineString([(1250, 500), (1250, 900)])}
    raster = Routeraster(domein=DOMEIN, barrieres=barrieres_, gebieden={"werkgebied": gebied} if gebied else {},
                         oversteken=[*bruggen, *poorten], celgrootte_m=CEL)
    doelen = {"noord": raster.doelcellen(Point(300, 800)), "zuid": raster.doelcellen(box(1700, 100, 1800, 200)),
              "oost": raster.doelcellen(Point(1900, 900))}
    xs, ys = np.meshgrid(np.arange(25, 2000, 50), np.arange(25, 1000, 50))
    return raster, doelen, xs.ravel().astype(float), ys.ravel().astype(float)


def _kruispunt():
    """Weg (y = 500) en spoor (x = 1005) kruisen; de weg is over te steken bij x = 200 en x = 1800, het
    spoor alleen bij y = 100. Een nieuwe oversteek van de weg op het kruispunt opent de weg aan beide
    kanten van het spoor: van noordoost naar noordwest gaat de route er twee keer doorheen, met een
    lus om het spoor daartussen (ver buiten een klein venster om de oversteek)."""
    weg, spoor = LineString([(0, 500), (2000, 500)]), LineString([(1005, -10), (1005, 1010)])
    raster = Routeraster(domein=DOMEIN, barrieres={"weg": weg, "spoor": spoor}, celgrootte_m=CEL,
                         oversteken=[Oversteek(Point(200, 500), "weg"), Oversteek(Point(1800, 500), "weg"),
                                     Oversteek(Point(1005, 100), "spoor")])
    doelen = {"noordwest": raster.doelcellen(Point(300, 800)), "zuidoost": raster.doelcellen(Point(1600, 200))}
    xs, ys = np.meshgrid(np.arange(25, 2000, 50), np.arange(25, 1000, 50))
    return raster, doelen, xs.ravel().astype(float), ys.ravel().astype(float)


SYNTHETISCHE_OVERSTEKEN = {
    "kruispunt, twee keer door de doorgang": (_kruispunt, Oversteek(Point(1005, 500), "weg"), "weg"),
    "brug": (dict(), Oversteek(Point(600, 500), "rivier", "nieuwe brug"), "rivier"),
    "brug, punt op de lijn": (dict(), Oversteek(Point(1005, 500), "rivier", "nieuwe brug"), "rivier"),
    "lijn over rivier en beek": (dict(), Oversteek(LineString([(1100, 350), (1400, 650)])), None),
    "poort in een gebied": (dict(gebied=box(200, 150, 900, 350)), Oversteek(Point(550, 250), "werkgebied"), None),
    "eerste verbinding (vóór onbereikbaar)": (dict(bruggen=()), Oversteek(Point(800, 500), "rivier"), "rivier"),
}


@pytest.mark.parametrize("geval", list(SYNTHETISCHE_OVERSTEKEN))
@pytest.mark.parametrize("vensters", ["standaard", "klein"])
def test_snelle_voor_na_is_de_volledige_berekening_synthetisch(geval, vensters, monkeypatch):
    """Ook met kleine vensters: de controles moeten dan een groter venster of het hele raster nemen."""
    from omgevingsvisie.analyse.routeraster import voorna

    opbouw, oversteek, barriere = SYNTHETISCHE_OVERSTEKEN[geval]
    raster, doelen, x, y = opbouw() if callable(opbouw) else _synthetisch(**opbouw)
    velden = {naam: (raster.afstandveld(d), raster.afstandveld(d, vrij=True)) for naam, d in doelen.items()}
    dichtbij = shapely.distance(oversteek.geometrie, shapely.points(x, y)) <= 400.0  # zoals invloed_m
    x, y = x[dichtbij], y[dichtbij]
    kwargs = {}
    if vensters == "klein":  # vensters precies zo groot als de grens vraagt, of te klein om zeker te zijn
        kwargs["marges_m"] = (10.0, 30.0)
        monkeypatch.setattr(voorna, "_KLEINSTE_MARGE_M", 0.0)
        monkeypatch.setattr(voorna, "_GROOTSTE_MARGE_M", math.inf)
    effect = VoorNa(raster, [oversteek], **kwargs)
    vertrek = bo._Vertrekpunten(x, y, np.ones(len(x)), "punten")
    snel = bo._paren(raster, doelen, velden, oversteek, barriere, 400.0, vertrek, effect)
    volledig = volledige_paren(raster, doelen, oversteek, barriere, 400.0, x, y)
    assert_zelfde_paren(snel, volledig)
    assert np.array_equal(effect.geblokkeerd, raster.met_oversteken([oversteek]).geblokkeerd)
    if geval.startswith("eerste"):  # het noorden is pas met de brug bereikbaar
        zuid = y < 500
        assert zuid.any() and np.isinf(snel["noord"][0][zuid]).all() and np.isfinite(snel["noord"][1][zuid]).all()


def _willekeurige_kaart(zaad: int):
    """Een kaart van 3 × 2 km met drie tot zes gebroken barrièrelijnen, bestaande oversteken, soms een
    barrièregebied, en een nieuwe oversteek (punt, poort of lijn) met de punten binnen 300 m ervan."""
    rng = np.random.default_rng(zaad)
    domein = box(0, 0, 3000, 2000)
    lijnen = {f"l{i}": LineString(rng.uniform((0, 0), (3000, 2000), size=(rng.integers(2, 5), 2)))
              for i in range(rng.integers(3, 7))}
    gebieden = {}
    if rng.random() < 0.5:
        x, y = rng.uniform(100, 2500), rng.uniform(100, 1500)
        gebieden["g"] = box(x, y, x + rng.uniform(80, 400), y + rng.uniform(80, 400))
    oversteken = [Oversteek(lijn.interpolate(rng.uniform(0, lijn.length)), naam)
                  for naam, lijn in lijnen.items() for _ in range(rng.integers(1, 4))]
    raster = Routeraster(domein=domein, barrieres=lijnen, gebieden=gebieden, oversteken=oversteken, celgrootte_m=25)
    naam, keuze = str(rng.choice(list(lijnen))), rng.random()
    if keuze < 0.6:
        nieuw, barriere = Oversteek(lijnen[naam].interpolate(rng.uniform(0, lijnen[naam].length)), naam), naam
    elif keuze < 0.8 and gebieden:
        nieuw, barriere = Oversteek(gebieden["g"].centroid, "g"), None
    else:
        a = rng.uniform((0, 0), (3000, 2000))
        nieuw, barriere = Oversteek(LineString([a, a + rng.uniform(-300, 300, 2)])), None
    doelen = {"punt": raster.doelcellen(Point(rng.uniform(50, 2950), rng.uniform(50, 1950))),
              "vlak": raster.doelcellen(Point(rng.uniform(50, 2950), rng.uniform(50, 1950)).buffer(60))}
    xs, ys = (a.ravel() for a in np.meshgrid(np.arange(10, 3000, 40.0), np.arange(10, 2000, 40.0)))
    dichtbij = shapely.distance(nieuw.geometrie, shapely.points(xs, ys)) <= 300
    return raster, doelen, nieuw, barriere, xs[dichtbij], ys[dichtbij]


@pytest.mark.traag
def test_snelle_voor_na_is_de_volledige_berekening_op_willekeurige_kaarten(monkeypatch):
    """Veertig vaste willekeurige kaarten, met vensters precies zo groot als de grens vraagt."""
    from omgevingsvisie.analyse.routeraster import voorna

    monkeypatch.setattr(voorna, "_KLEINSTE_MARGE_M", 0.0)
    monkeypatch.setattr(voorna, "_GROOTSTE_MARGE_M", math.inf)
    for zaad in range(40):
        raster, doelen, oversteek, barriere, x, y = _willekeurige_kaart(zaad)
        velden = {naam: (raster.afstandveld(d), raster.afstandveld(d, vrij=True)) for naam, d in doelen.items()}
        vertrek = bo._Vertrekpunten(x, y, np.ones(len(x)), "punten")
        snel = bo._paren(raster, doelen, velden, oversteek, barriere, 300.0, vertrek,
                         VoorNa(raster, [oversteek], marges_m=(20.0,)))
        try:
            assert_zelfde_paren(snel, volledige_paren(raster, doelen, oversteek, barriere, 300.0, x, y))
        except AssertionError as fout:
            raise AssertionError(f"kaart {zaad}: {fout}") from None


def test_startcel_op_de_barriere_naast_de_nieuwe_oversteek_is_die_van_een_nieuw_raster():
    """Punten in geblokkeerde cellen naast de doorgang: even ver van een vrije cel van vóór als van een
    vrijgemaakte cel; de keuze (afstandstransformatie, op een uitsnede) is die van een nieuw raster."""
    raster = rivier(Oversteek(Point(1500, 500), "rivier"))
    oversteek = Oversteek(Point(1003, 500), "rivier")
    x = np.arange(950.0, 1060.0, 3.0)
    y = np.full(len(x), 500.0)
    verwacht = raster.met_oversteken([oversteek]).startcellen(x, y)
    effect = VoorNa(raster, [oversteek])
    uit = effect.startcellen(x, y)
    for a, b in zip(uit, verwacht):
        np.testing.assert_array_equal(a, b)
    # er zijn punten die ná nog geblokkeerd staan en toch een andere startcel krijgen dan vóór
    nog_dicht = effect.geblokkeerd.ravel()[uit[0]]
    assert (nog_dicht & (uit[1] != raster.startcellen(x, y)[1])).any()


def test_hemelsbreed_zonder_dijkstra_is_het_vrije_afstandveld():
    raster = rivier()
    rng = np.random.default_rng(3)
    effect = VoorNa(raster, [])
    for _ in range(5):
        doel = raster.doelcellen(Point(rng.uniform(200, 1800), rng.uniform(200, 800)).buffer(rng.uniform(20, 300)))
        cellen = rng.integers(0, raster.rooster.aantal, 400)
        np.testing.assert_allclose(effect.hemelsbreed(doel, cellen), raster.afstandveld(doel, vrij=True)[cellen],
                                   rtol=1e-12)


def test_warme_aanroep_rekent_niet_over_het_hele_raster(monkeypatch):
    """Na de eerste aanroep: geen nieuw raster en geen Dijkstra vanuit de bestemmingen meer."""
    laagdata = lagen.huidige()
    omrijfactor_voor_na(box(233150, 558950, 233250, 559050), laagdata=laagdata)

    def verboden(*args, **kwargs):
        raise AssertionError("over het hele raster gerekend")

    monkeypatch.setattr(Routeraster, "met_oversteken", verboden)
    monkeypatch.setattr(Routeraster, "afstandveld", verboden)
    uit = omrijfactor_voor_na(box(233200, 558950, 233300, 559050), laagdata=laagdata)
    assert uit["omrijfactor_na"] < uit["omrijfactor_voor"]


@pytest.mark.traag
def test_vervangen_of_gewijzigde_laag_geeft_een_nieuw_raster(tmp_path):
    oversteken = laad_laag("oversteken")
    brug = oversteken.set_index("naam").geometry["Kanaalbrug Pittelo"]
    rond = brug.buffer(600)
    xs, ys = (a.ravel() for a in np.meshgrid(np.arange(rond.bounds[0], rond.bounds[2], 100),
                                             np.arange(rond.bounds[1], rond.bounds[3], 100)))
    binnen = shapely.contains_xy(rond, xs, ys)
    punten = gpd.GeoDataFrame({"woningen": np.ones(binnen.sum())}, geometry=gpd.points_from_xy(xs[binnen], ys[binnen]),
                              crs=28992)
    pad = tmp_path / "oversteken.gpkg"
    oud = barrieres.barriere_raster(laagdata=lagen.huidige())
    try:
        oversteken[oversteken["naam"] != "Kanaalbrug Pittelo"].to_file(pad, layer="oversteken")
        lagen.vervang_laag("oversteken", pad)
        zonder = barrieres.barriere_raster(laagdata=lagen.huidige())
        assert zonder is not oud and len(zonder.oversteken) == len(oud.oversteken) - 1
        uit = omrijfactor_voor_na(brug.buffer(40), laagdata=lagen.huidige(), verbinding=brug, woningpunten=punten)
        assert uit["omrijfactor_na"] < uit["omrijfactor_voor"] - 0.05  # de brug is er nog niet
        # hetzelfde bestand, nu met de brug: een nieuw raster (wijzigingstijd), de brug verandert niets meer
        oversteken.to_file(pad, layer="oversteken")
        os.utime(pad, ns=(pad.stat().st_atime_ns, pad.stat().st_mtime_ns + 10**9))
        met = barrieres.barriere_raster(laagdata=lagen.huidige())
        assert met is not zonder and len(met.oversteken) == len(oud.oversteken)
        uit = omrijfactor_voor_na(brug.buffer(40), laagdata=lagen.huidige(), verbinding=brug, woningpunten=punten)
        assert uit["omrijfactor_na"] == pytest.approx(uit["omrijfactor_voor"], abs=0.005)
    finally:
        lagen.herstel_lagen()
    assert barrieres.barriere_raster(laagdata=lagen.huidige()) is not zonder


# ------------------------------------------------------------------ opdrachtregel

def test_cli_schrijft_tabel_en_geopackage(tmp_path):
    uitvoer = tmp_path / "analyse"
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(uitvoer)])
    assert resultaat.exit_code == 0, resultaat.output
    tabel = pd.read_csv(uitvoer / "barrieres_wijken.csv")
    assert {"naam", "omrijfactor_publiekshart", "omrijfactor_buitengebied", "ingesloten"} <= set(tabel.columns)
    assert len(tabel) == 10
    lagen = gpd.list_layers(uitvoer / "barrieres.gpkg")["name"].tolist()
    assert {"wijken", "ingesloten_wijken", "woningpunten"} <= set(lagen)
    wijken = gpd.read_file(uitvoer / "barrieres.gpkg", layer="wijken")
    assert wijken.crs.to_epsg() == 28992 and len(wijken) == 10
    assert "Pittelo" in resultaat.output


def test_cli_overschrijft_niet_en_met_overschrijf_wel(tmp_path):
    (tmp_path / "barrieres_wijken.csv").write_text("oud", encoding="utf-8")
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path)])
    assert resultaat.exit_code == 2
    assert "--overschrijf" in resultaat.output and "Traceback" not in resultaat.output
    assert (tmp_path / "barrieres_wijken.csv").read_text(encoding="utf-8") == "oud"
    assert not (tmp_path / "barrieres.gpkg").exists()
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path), "--overschrijf"])
    assert resultaat.exit_code == 0, resultaat.output
    assert (tmp_path / "barrieres_wijken.csv").read_text(encoding="utf-8").startswith("statcode,naam,")


def test_niets_half_geschreven_bij_een_fout(uitkomst, tmp_path, monkeypatch):
    def stuk(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", stuk)
    with pytest.raises(OSError):
        schrijf_analyse(uitkomst.als_analyse(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cli_met_initiatieven(tmp_path):
    plannen = gpd.GeoDataFrame({"naam": ["Fietsbrug Pittelo", "Woningen"], "functies": ["groen", "wonen"],
                                "lv_verbinding": [True, False]},
                               geometry=[box(233150, 558950, 233250, 559050), box(233700, 556600, 233800, 556700)],
                               crs=28992).to_crs(4326)
    pad = tmp_path / "plannen.geojson"
    plannen.to_file(pad)
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--uitvoer", str(tmp_path / "uit"),
                                          "--initiatieven", str(pad)])
    assert resultaat.exit_code == 0, resultaat.output
    tabel = pd.read_csv(tmp_path / "uit" / "barrieres_initiatieven.csv")
    brug = tabel.set_index("naam").loc["Fietsbrug Pittelo"]
    assert brug["omrijfactor_na"] < brug["omrijfactor_voor"]
    assert pd.isna(tabel.set_index("naam").loc["Woningen", "omrijfactor_voor"])
    assert "initiatieven" in gpd.list_layers(tmp_path / "uit" / "barrieres.gpkg")["name"].tolist()


def test_cli_hulp_is_nederlands_met_voorbeeld():
    resultaat = CliRunner().invoke(main, ["analyse", "barrieres", "--help"])
    assert resultaat.exit_code == 0
    assert "$ omgevingsvisie analyse barrieres --uitvoer" in resultaat.output
    assert "Toon deze hulp en stop." in resultaat.output
