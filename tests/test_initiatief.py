"""Initiatieven lezen: genormaliseerde kolommen, en elke fout een Nederlandse melding (ONTWERP §4)."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping

from omgevingsvisie import InvoerFout, Probleem, lagen

GEMEENTE = lagen.huidige().gemeente()
from omgevingsvisie.initiatief import (
    EIGENSCHAPPEN,
    FUNCTIES,
    MILIEUCATEGORIEEN,
    lees_initiatieven,
    maak_initiatieven,
)

# Bouwvlakken in het centrum van Assen, bij de Brink (233969, 556906), in RD New.
PLAN_A = box(233000, 556000, 233300, 556300)
PLAN_B = box(233500, 556500, 233800, 556800)
PLAN_C = MultiPolygon([box(233100, 556600, 233200, 556700), box(233250, 556600, 233350, 556700)])
VLINDER = Polygon([(233600, 556500), (233900, 556800), (233900, 556500), (233600, 556800)])
VER_WEG = box(233000, 582000, 233300, 582300)  # de stad Groningen, ruim 20 km noordelijk
NAAR_WGS84 = pyproj.Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
KOLOMMEN = [*EIGENSCHAPPEN, "geometry"]
LOKAAL = ('LOCAL_CS["bouwtekening",LOCAL_DATUM["lokaal",0],UNIT["metre",1],'
          'AXIS["X",EAST],AXIS["Y",NORTH]]')

# Een volledig programma (zoals in een GeoJSON) en wat de toolkit ervan maakt.
WONEN = {
    "naam": "Havenkwartier blok 4", "functies": ["wonen", "Horeca "], "woningen": 120,
    "sociale_huur": 40, "bvo_detailhandel_m2": 350.5, "groen_pct": 35, "groen_dak_m2": 800,
    "waterberging_mm": 60, "bomen_kap": 3, "bomen_plant": 12, "energieneutraal": True,
    "aardgasvrij": "ja", "lv_verbinding": 0,
}
WONEN_NORMAAL = {
    "naam": "Havenkwartier blok 4", "functies": ("wonen", "horeca"), "woningen": 120,
    "sociale_huur": 40, "bvo_detailhandel_m2": 350.5, "bvo_kantoor_m2": None,
    "bvo_leisure_m2": None, "milieucategorie": None, "groen_pct": 35.0, "groen_dak_m2": 800.0,
    "waterberging_mm": 60.0, "bomen_kap": 3, "bomen_plant": 12, "energieneutraal": True,
    "aardgasvrij": True, "lv_verbinding": False,
}
WERKEN = {
    "naam": "Werkplaats aan de Vaart", "functies": "Bedrijf,  KANTOOR", "bvo_kantoor_m2": "1200,5",
    "milieucategorie": 4.2, "energieneutraal": "Nee", "lv_verbinding": "ja",
}
WERKEN_NORMAAL = {
    "naam": "Werkplaats aan de Vaart", "functies": ("bedrijf", "kantoor"), "woningen": None,
    "sociale_huur": None, "bvo_detailhandel_m2": None, "bvo_kantoor_m2": 1200.5,
    "bvo_leisure_m2": None, "milieucategorie": "4.2", "groen_pct": None, "groen_dak_m2": None,
    "waterberging_mm": None, "bomen_kap": None, "bomen_plant": None, "energieneutraal": False,
    "aardgasvrij": None, "lv_verbinding": True,
}
GOED = {"naam": "Goed", "functies": "wonen", "woningen": 10}


def wgs84(geom):
    """Een RD-geometrie in lengte/breedte (EPSG:4326)."""
    return shapely.transform(geom, lambda xy: np.column_stack(NAAR_WGS84.transform(xy[:, 0], xy[:, 1])))


def feature(geometrie, eigenschappen: dict, *, rd: bool = False) -> dict:
    """Een GeoJSON-feature; RD-geometrie wordt WGS84 tenzij ``rd``, een dict gaat ongewijzigd mee."""
    if isinstance(geometrie, dict) or geometrie is None:
        geojson = geometrie
    else:
        geojson = mapping(geometrie if rd else wgs84(geometrie))
    return {"type": "Feature", "properties": eigenschappen, "geometry": geojson}


def schrijf_geojson(pad, features: list[dict], *, crs: str | None = None):
    inhoud = {"type": "FeatureCollection", "features": features}
    if crs:
        inhoud["crs"] = {"type": "name", "properties": {"name": crs}}
    pad.write_text(json.dumps(inhoud), encoding="utf-8")
    return pad


def records(gdf: gpd.GeoDataFrame) -> list[dict]:
    return gdf.drop(columns="geometry").to_dict("records")


def controleer_typen(gdf: gpd.GeoDataFrame) -> None:
    """Elke waarde heeft precies het type uit EIGENSCHAPPEN (bool is geen int), of is None."""
    for veld, soort in EIGENSCHAPPEN.items():
        for waarde in gdf[veld]:
            assert waarde is None or type(waarde) is soort, (veld, waarde)
    for functies in gdf["functies"]:
        assert all(f in FUNCTIES for f in functies)


def meldingen(fout: pytest.ExceptionInfo) -> str:
    return "\n".join(map(str, fout.value.problemen))


# --------------------------------------------------------------------------- goede invoer


@pytest.mark.filterwarnings("error")  # ook geen waarschuwingen van pyogrio over gemengde typen
def test_geojson_in_wgs84_wordt_genormaliseerd_naar_rd(tmp_path):
    pad = schrijf_geojson(tmp_path / "plannen.geojson",
                          [feature(PLAN_A, WONEN), feature(PLAN_B, WERKEN)])
    initiatieven, waarschuwingen = lees_initiatieven(pad, gemeente=GEMEENTE)

    assert waarschuwingen == []
    assert list(initiatieven.columns) == KOLOMMEN
    assert list(initiatieven.index) == [0, 1]
    assert initiatieven.crs.to_epsg() == 28992
    assert records(initiatieven) == [WONEN_NORMAAL, WERKEN_NORMAAL]
    controleer_typen(initiatieven)
    assert initiatieven.geometry[0].hausdorff_distance(PLAN_A) < 0.01
    assert initiatieven.geometry[1].hausdorff_distance(PLAN_B) < 0.01


def test_geopackage_in_rd_met_lege_waarden(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"naam": ["Kloosterakker fase 2", "Speelweide"], "functies": ["wonen,zorgwonen", "groen"],
         "woningen": [80, None], "sociale_huur": [24, None], "groen_pct": [40.0, 100.0],
         "energieneutraal": [True, None], "milieucategorie": [None, "1"]},
        geometry=[PLAN_A, PLAN_C], crs="EPSG:28992",
    )
    gdf.to_file(tmp_path / "plannen.gpkg", layer="plannen")
    initiatieven, waarschuwingen = lees_initiatieven(tmp_path / "plannen.gpkg", gemeente=GEMEENTE)

    assert waarschuwingen == []
    rijen = records(initiatieven)
    # ontbrekende waarden blijven None, nooit 0 of NaN
    assert rijen[1]["woningen"] is None and rijen[1]["energieneutraal"] is None
    assert (rijen[0]["woningen"], rijen[0]["sociale_huur"], rijen[0]["energieneutraal"]) == (80, 24, True)
    assert rijen[0]["functies"] == ("wonen", "zorgwonen")
    assert rijen[1]["milieucategorie"] == "1"
    controleer_typen(initiatieven)
    assert initiatieven.geometry[0].equals(PLAN_A)
    assert initiatieven.geometry[1].geom_type == "MultiPolygon"


@pytest.mark.filterwarnings("ignore:Column names longer than 10 characters")
@pytest.mark.filterwarnings("ignore:Normalized/laundered field name")
def test_shapefile_met_afgekapte_kolomnamen(tmp_path):
    gdf = gpd.GeoDataFrame([WERKEN], geometry=[PLAN_B], crs="EPSG:28992")
    gdf.to_file(tmp_path / "plannen.shp")
    initiatieven, waarschuwingen = lees_initiatieven(tmp_path / "plannen.shp", gemeente=GEMEENTE)

    assert waarschuwingen == []
    assert records(initiatieven) == [WERKEN_NORMAAL]
    controleer_typen(initiatieven)


@pytest.mark.parametrize("crs", ["urn:ogc:def:crs:EPSG::28992", "EPSG:28992"])
def test_geojson_met_ouderwets_crs_lid_in_rd(tmp_path, crs):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, GOED, rd=True)], crs=crs)
    initiatieven, _ = lees_initiatieven(pad, gemeente=GEMEENTE)
    assert initiatieven.geometry[0].equals_exact(PLAN_A, 1e-6)


def test_volgorde_en_index_van_de_invoer(tmp_path):
    namen = ["Eerste", "Tweede", "Derde", "Vierde"]
    vlakken = [box(233000 + 200 * i, 556000, 233100 + 200 * i, 556100) for i in range(4)]
    pad = schrijf_geojson(tmp_path / "plannen.geojson",
                          [feature(v, {"naam": n, "functies": "groen"}) for n, v in zip(namen, vlakken)])
    initiatieven, _ = lees_initiatieven(pad, gemeente=GEMEENTE)
    assert list(initiatieven["naam"]) == namen
    assert list(initiatieven.index) == [0, 1, 2, 3]
    for i, vlak in enumerate(vlakken):
        assert initiatieven.geometry[i].centroid.distance(vlak.centroid) < 0.01


def test_geopackage_met_meerdere_lagen(tmp_path):
    pad = tmp_path / "plannen.gpkg"
    gpd.GeoDataFrame([GOED], geometry=[PLAN_A], crs="EPSG:28992").to_file(pad, layer="concept")
    gpd.GeoDataFrame([WONEN], geometry=[PLAN_B], crs="EPSG:28992").to_file(pad, layer="definitief")

    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert "bevat meerdere lagen (concept, definitief); geef aan welke met --laag" in meldingen(fout)
    initiatieven, _ = lees_initiatieven(pad, laag="definitief", gemeente=GEMEENTE)
    assert list(initiatieven["naam"]) == ["Havenkwartier blok 4"]


# --------------------------------------------------------------------------- normalisatie


def een(eigenschappen: dict, geometrie=PLAN_A) -> dict:
    """Het genormaliseerde record van één initiatief uit het geheugen."""
    return records(maak_initiatieven([eigenschappen], [geometrie], gemeente=GEMEENTE))[0]


@pytest.mark.parametrize(
    ("functies", "verwacht"),
    [
        ("Wonen ,  HORECA", ("wonen", "horeca")),
        ("wonen; groen", ("wonen", "groen")),
        (["Detailhandel niet-dagelijks", "horeca", "horeca"], ("detailhandel_niet_dagelijks", "horeca")),
        ('["wonen", "water"]', ("wonen", "water")),
        ([], ()),
        (None, ()),
    ],
)
@pytest.mark.filterwarnings("ignore:.*geen functies opgegeven")
def test_functies_lijst_of_tekst(functies, verwacht):
    assert een({"naam": "Plan", "functies": functies})["functies"] == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(True, True), (False, False), ("Ja", True), ("NEE", False), ("true", True), ("False", False),
     (1, True), (0, False), (1.0, True), ("1", True), (" nee ", False), (None, None), ("", None)],
)
def test_ja_nee_waarden(waarde, verwacht):
    assert een({"naam": "Plan", "functies": "wonen", "aardgasvrij": waarde})["aardgasvrij"] is verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(4.2, "4.2"), ("4,2", "4.2"), (1, "1"), (6.0, "6"), ("3.1", "3.1"), (" 5.3 ", "5.3"),
     (np.float64(3.2), "3.2"), (None, None)],
)
def test_milieucategorie_wordt_tekst(waarde, verwacht):
    assert een({"naam": "Plan", "functies": "bedrijf", "milieucategorie": waarde})["milieucategorie"] == verwacht


@pytest.mark.parametrize(
    ("veld", "waarde", "verwacht"),
    [("woningen", "12", 12), ("woningen", 12.0, 12), ("bomen_plant", np.int64(7), 7),
     ("groen_dak_m2", "12,5", 12.5), ("waterberging_mm", 7, 7.0), ("groen_pct", "0", 0.0),
     ("groen_pct", 100, 100.0)],
)
def test_getallen_ook_uit_tekst(veld, waarde, verwacht):
    gekregen = een({"naam": "Plan", "functies": "wonen", veld: waarde})[veld]
    assert gekregen == verwacht and type(gekregen) is EIGENSCHAPPEN[veld]


@pytest.mark.filterwarnings("ignore:.*geen functies opgegeven")
def test_ontbrekende_waarden_blijven_none():
    rij = een({"naam": "Alleen een naam"})
    assert rij.pop("naam") == "Alleen een naam"
    assert rij.pop("functies") == ()
    assert rij == dict.fromkeys(rij, None)


# --------------------------------------------------------------------------- foute invoer


def lees_slecht(tmp_path, eigenschappen: dict, geometrie=PLAN_B) -> pytest.ExceptionInfo:
    """Lees een GeoJSON met een goed initiatief (0) en een slecht (1); verwacht een InvoerFout."""
    slecht = {"naam": "Slecht", "functies": "wonen"} | eigenschappen
    pad = schrijf_geojson(tmp_path / "plannen.geojson",
                          [feature(PLAN_A, GOED), feature(geometrie, slecht)])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    return fout


@pytest.mark.parametrize(
    ("eigenschappen", "verwacht"),
    [
        pytest.param({"woningen": "veel"}, "veld 'woningen': 'veel' is geen getal", id="tekst-als-aantal"),
        pytest.param({"woningen": 12.5}, "veld 'woningen': 12.5 is geen geheel getal", id="halve-woning"),
        pytest.param({"bomen_kap": -3}, "veld 'bomen_kap': negatieve waarde -3 is niet mogelijk",
                     id="negatief-aantal"),
        pytest.param({"bvo_kantoor_m2": -250.5},
                     "veld 'bvo_kantoor_m2': negatieve waarde -250.5 is niet mogelijk", id="negatief-bvo"),
        pytest.param({"groen_pct": 120}, "veld 'groen_pct': 120 is meer dan 100; verwacht een percentage",
                     id="groen-boven-100"),
        pytest.param({"woningen": 40, "sociale_huur": 50},
                     "veld 'sociale_huur': 50 sociale huurwoningen is meer dan het aantal woningen (40)",
                     id="sociale-huur-te-veel"),
        pytest.param({"functies": "wonen, winkel"},
                     "veld 'functies': onbekende functie 'winkel'; toegestaan: wonen, zorgwonen, "
                     "detailhandel_dagelijks, detailhandel_niet_dagelijks, horeca,", id="onbekende-functie"),
        pytest.param({"functies": ["wonen", "horeka"]},
                     "veld 'functies': onbekende functie 'horeka' (bedoelt u 'horeca'?)", id="tikfout-functie"),
        pytest.param({"milieucategorie": 3},
                     "veld 'milieucategorie': milieucategorie 3 bestaat niet in de VNG-indeling; "
                     "kies 3.1 of 3.2", id="categorie-3"),
        pytest.param({"milieucategorie": "7"},
                     "veld 'milieucategorie': onbekende milieucategorie '7'; verwacht een van: 1, 2, 3.1",
                     id="categorie-7"),
        pytest.param({"energieneutraal": "misschien"},
                     "veld 'energieneutraal': 'misschien' is geen ja/nee-waarde", id="geen-ja-nee"),
        pytest.param({"bvo_detailhandel_m2": "1.500"},
                     "veld 'bvo_detailhandel_m2': '1.500' is dubbelzinnig: bedoelt u 1500 of 1,5?",
                     id="duizendtal-of-decimaal"),
        pytest.param({"woningen": {"aantal": 3}}, "veld 'woningen': {'aantal': 3} is geen getal",
                     id="object-als-aantal"),
    ],
)
def test_foute_waarde_noemt_feature_en_eigenschap(tmp_path, eigenschappen, verwacht):
    fout = lees_slecht(tmp_path, eigenschappen)
    assert len(fout.value.problemen) == 1, meldingen(fout)
    assert f"feature 1 (naam 'Slecht'), {verwacht}" in meldingen(fout)


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        pytest.param("", "feature 1, veld 'naam': naam ontbreekt of is leeg; elk initiatief heeft "
                     "een naam nodig", id="lege-naam"),
        pytest.param(None, "feature 1, veld 'naam': naam ontbreekt of is leeg; elk initiatief heeft "
                     "een naam nodig", id="naam-null"),
        pytest.param("  goed ", "feature 1 (naam 'goed'), veld 'naam': dezelfde naam als feature 0 "
                     "(naam 'Goed'); elk initiatief heeft een eigen naam nodig, want de rapporten "
                     "worden per naam geschreven", id="dubbele-naam"),
    ],
)
def test_naam_ontbreekt_of_is_dubbel(tmp_path, naam, verwacht):
    assert meldingen(lees_slecht(tmp_path, {"naam": naam})) == verwacht


def test_kolom_naam_ontbreekt(tmp_path):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, {"functies": "wonen"})])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert meldingen(fout) == ("veld 'naam': verplichte eigenschap ontbreekt in het bestand; "
                               "elk initiatief heeft een naam nodig")


@pytest.mark.parametrize(
    ("geometrie", "verwacht"),
    [
        pytest.param(Point(233600, 556600), "geometrietype Point is niet toegestaan; een initiatief "
                     "is een vlak (Polygon of MultiPolygon), geen punt of lijn", id="punt"),
        pytest.param(LineString([(233500, 556500), (233800, 556800)]),
                     "geometrietype LineString is niet toegestaan", id="lijn"),
        pytest.param(None, "geometrie ontbreekt", id="geen-geometrie"),
        pytest.param({"type": "Polygon", "coordinates": []}, "geometrie is leeg", id="lege-geometrie"),
        pytest.param(VER_WEG, "ligt buiten de gemeente, op", id="buiten-de-gemeente"),
    ],
)
def test_foute_geometrie_noemt_feature(tmp_path, geometrie, verwacht):
    fout = lees_slecht(tmp_path, {}, geometrie)
    assert len(fout.value.problemen) == 1, meldingen(fout)
    assert meldingen(fout).startswith(f"feature 1 (naam 'Slecht'): {verwacht}")


def test_ongeldige_geometrie_zegt_waarom_en_waar(tmp_path):
    fout = lees_slecht(tmp_path, {}, VLINDER)
    gevonden = re.fullmatch(r"feature 1 \(naam 'Slecht'\): ongeldige geometrie: zelfdoorsnijding "
                            r"bij \((\d+\.\d{5}), (\d+\.\d{5})\)", meldingen(fout))
    assert gevonden, meldingen(fout)
    # het snijpunt van de vlinderdas (233750, 556650), in de graden van het bestand
    verwacht = NAAR_WGS84.transform(233750, 556650)
    assert np.allclose([float(g) for g in gevonden.groups()], verwacht, atol=2e-5)


@pytest.mark.parametrize(
    ("features", "verwacht"),
    [
        pytest.param([feature(PLAN_A, GOED, rd=True)],
                     "de coördinaten (bijv. 233300, 556000) zijn RD-meters, maar het bestand zegt "
                     "EPSG:4326 (graden)", id="rd-in-wgs84-bestand"),
        pytest.param([feature(shapely.transform(wgs84(PLAN_A), lambda xy: xy[:, ::-1]), GOED, rd=True)],
                     "lengte- en breedtegraad lijken verwisseld", id="lat-lon-verwisseld"),
    ],
)
def test_onmogelijke_coordinaten_in_geojson(tmp_path, features, verwacht):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", features)
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    # één melding over het stelsel, geen meldingen per feature over de ligging
    assert len(fout.value.problemen) == 1, meldingen(fout)
    assert verwacht in meldingen(fout)


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
@pytest.mark.parametrize("bestand", ["plannen.shp", "plannen.gpkg"])
def test_bestand_zonder_crs(tmp_path, bestand):
    gpd.GeoDataFrame([GOED], geometry=[PLAN_A]).to_file(tmp_path / bestand)
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(tmp_path / bestand, gemeente=GEMEENTE)
    assert meldingen(fout) == ("geen coördinatenstelsel (CRS); sla de laag op met een CRS, bij "
                               "voorkeur EPSG:28992 (RD New); de coördinaten lijken RD New, ken "
                               "EPSG:28992 toe; gebruik --crs EPSG:28992")
    # en met dat advies gaat het goed
    initiatieven, _ = lees_initiatieven(tmp_path / bestand, gemeente=GEMEENTE, crs="EPSG:28992")
    assert initiatieven.geometry[0].equals(PLAN_A)


def test_rd_geojson_zonder_crs_lid_noemt_de_optie(tmp_path):
    """QGIS in Assen schrijft RD-GeoJSON zonder crs-lid: de melding zegt hoe het wel moet."""
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, GOED, rd=True)])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert meldingen(fout).endswith("geef het juiste coördinatenstelsel op: EPSG:28992; "
                                    "gebruik --crs EPSG:28992"), meldingen(fout)


@pytest.mark.parametrize("crs", ["EPSG:28992", pyproj.CRS("EPSG:28992"), "epsg:28992"])
def test_rd_geojson_zonder_crs_lid_met_crs(tmp_path, crs):
    pad = schrijf_geojson(tmp_path / "plannen.geojson",
                          [feature(PLAN_A, WONEN, rd=True), feature(PLAN_B, WERKEN, rd=True)])
    initiatieven, waarschuwingen = lees_initiatieven(pad, gemeente=GEMEENTE, crs=crs)
    assert initiatieven.crs.to_epsg() == 28992
    assert waarschuwingen == []
    assert records(initiatieven) == [WONEN_NORMAAL, WERKEN_NORMAAL]
    # geen omrekening: de coördinaten blijven exact die van het bestand
    assert initiatieven.geometry[0].equals(PLAN_A) and initiatieven.geometry[1].equals(PLAN_B)


def test_crs_gelijk_aan_het_crs_lid_van_het_bestand(tmp_path):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, GOED, rd=True)],
                          crs="urn:ogc:def:crs:EPSG::28992")
    initiatieven, _ = lees_initiatieven(pad, gemeente=GEMEENTE, crs="EPSG:28992")
    assert initiatieven.geometry[0].equals(PLAN_A)


def test_crs_op_een_echte_wgs84_geojson_wordt_geweigerd(tmp_path):
    """Graden in een GeoJSON zijn echt WGS84: --crs EPSG:28992 botst en wordt niet stil toegepast."""
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, GOED)])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE, crs="EPSG:28992")
    assert meldingen(fout) == ("het bestand zegt EPSG:4326, maar --crs EPSG:28992 is opgegeven (de "
                               "coördinaten zijn graden, zoals het bestand zegt); laat --crs weg, of "
                               "sla het bestand op in het stelsel dat u opgeeft")
    # het bestand zelf is prima: zonder --crs gaat het goed
    initiatieven, _ = lees_initiatieven(pad, gemeente=GEMEENTE)
    assert initiatieven.crs.to_epsg() == 28992


def test_crs_dat_botst_met_een_expliciet_stelsel_wordt_geweigerd(tmp_path):
    gpd.GeoDataFrame([GOED], geometry=[PLAN_A], crs="EPSG:28992").to_file(tmp_path / "plannen.gpkg")
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(tmp_path / "plannen.gpkg", gemeente=GEMEENTE, crs="EPSG:3857")
    assert "het bestand zegt EPSG:28992, maar --crs EPSG:3857 is opgegeven (het bestand noemt dat " \
           "stelsel zelf)" in meldingen(fout)


def test_onbekend_crs(tmp_path):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, GOED, rd=True)])
    with pytest.raises(InvoerFout, match="Coördinatenstelsel 'RD' is onbekend; gebruik een EPSG-code, "
                                         "bijvoorbeeld --crs EPSG:28992"):
        lees_initiatieven(pad, gemeente=GEMEENTE, crs="RD")


def test_geen_crs_advies_als_het_niet_zou_helpen(tmp_path):
    """Een expliciet ander stelsel (lokaal) of graden: --crs EPSG:28992 zou niet helpen en wordt niet aangeraden."""
    gpd.GeoDataFrame([GOED], geometry=[PLAN_A], crs="EPSG:28992").to_file(tmp_path / "plannen.shp")
    (tmp_path / "plannen.prj").write_text(LOKAAL, encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(tmp_path / "plannen.shp", gemeente=GEMEENTE)
    assert "--crs" not in meldingen(fout)
    verwisseld = shapely.transform(wgs84(PLAN_A), lambda xy: xy[:, ::-1])
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(verwisseld, GOED, rd=True)])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert "--crs" not in meldingen(fout)


def test_graden_in_een_rd_bestand(tmp_path):
    gdf = gpd.GeoDataFrame([GOED], geometry=[wgs84(PLAN_A)], crs="EPSG:28992")
    gdf.to_file(tmp_path / "plannen.gpkg")
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(tmp_path / "plannen.gpkg", gemeente=GEMEENTE)
    assert "lijken graden (lengte/breedte), maar het bestand zegt EPSG:28992" in meldingen(fout)


def test_stelsel_dat_niet_om_te_rekenen_is(tmp_path):
    gpd.GeoDataFrame([GOED], geometry=[PLAN_A], crs="EPSG:28992").to_file(tmp_path / "plannen.shp")
    (tmp_path / "plannen.prj").write_text(LOKAAL, encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(tmp_path / "plannen.shp", gemeente=GEMEENTE)
    assert "coördinatenstelsel 'bouwtekening' is niet om te rekenen naar EPSG:28992" in meldingen(fout)


def test_bestand_niet_gevonden(tmp_path):
    pad = tmp_path / "bestaat_niet.geojson"
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert str(fout.value) == (f"De initiatieven in {pad} kunnen niet worden gelezen:\n"
                               f"  - Bestand niet gevonden: {pad}")


@pytest.mark.parametrize("inhoud", ["", '{"type": "FeatureCollection", "features": ['])
def test_onleesbaar_bestand(tmp_path, inhoud):
    pad = tmp_path / "plannen.geojson"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert "is geen leesbaar GIS-bestand (GeoPackage, Shapefile, GeoJSON)" in meldingen(fout)


def test_bestand_zonder_features(tmp_path):
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert meldingen(fout) == "het bestand bevat geen initiatieven (geen features)"


def test_alle_problemen_tegelijk_per_feature_geordend(tmp_path):
    features = [
        feature(PLAN_A, GOED),
        feature(PLAN_B, {"naam": "Twee fouten", "woningen": "veel", "groen_pct": 150}),
        feature(Point(233500, 556000), {"functies": "wonen"}),
        feature(VLINDER, {"naam": "Kapot", "functies": "winkel"}),
        feature(PLAN_C, {"naam": "GOED", "woningen": 10, "sociale_huur": 11}),
        feature(VER_WEG, {"naam": "Ver weg", "functies": "wonen"}),
    ]
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(schrijf_geojson(tmp_path / "plannen.geojson", features), gemeente=GEMEENTE)

    problemen = fout.value.problemen
    assert all(isinstance(p, Probleem) for p in problemen)
    assert [(p.feature, p.veld) for p in problemen] == [
        ("1 (naam 'Twee fouten')", "woningen"),
        ("1 (naam 'Twee fouten')", "groen_pct"),
        ("2", "naam"),
        ("2", None),  # punt
        ("3 (naam 'Kapot')", "functies"),
        ("3 (naam 'Kapot')", None),  # ongeldig
        ("4 (naam 'GOED')", "naam"),  # dubbel
        ("4 (naam 'GOED')", "sociale_huur"),
        ("5 (naam 'Ver weg')", None),  # buiten de gemeente
    ]
    assert str(fout.value).startswith(
        f"De initiatieven in {tmp_path / 'plannen.geojson'} zijn niet bruikbaar (9 problemen):\n  - "
    )


# --------------------------------------------------------------------------- waarschuwingen


def test_onbekende_eigenschap_is_een_waarschuwing(tmp_path):
    eigenschappen = GOED | {"parkeerplaatsen": 40, "Opmerking": "concept", "wonigen": 3}
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, eigenschappen)])
    initiatieven, waarschuwingen = lees_initiatieven(pad, gemeente=GEMEENTE)

    assert len(waarschuwingen) == 1
    assert waarschuwingen[0].startswith(
        "onbekende eigenschappen 'parkeerplaatsen', 'Opmerking', 'wonigen' (bedoelt u 'woningen'?) "
        "worden genegeerd; bekend zijn: naam, functies, woningen,"
    )
    assert list(initiatieven.columns) == KOLOMMEN
    assert initiatieven.loc[0, "woningen"] == 10


def test_kolomnamen_met_hoofdletters_en_spaties(tmp_path):
    eigenschappen = {"Naam": "Plan", "FUNCTIES": "wonen", "Sociale huur": 5, "Woningen": 20}
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, eigenschappen)])
    initiatieven, waarschuwingen = lees_initiatieven(pad, gemeente=GEMEENTE)
    assert waarschuwingen == []
    assert records(initiatieven) == [een({"naam": "Plan", "functies": "wonen",
                                          "sociale_huur": 5, "woningen": 20})]


def test_dezelfde_eigenschap_in_twee_kolommen(tmp_path):
    eigenschappen = GOED | {"Woningen": 12}
    pad = schrijf_geojson(tmp_path / "plannen.geojson", [feature(PLAN_A, eigenschappen)])
    with pytest.raises(InvoerFout) as fout:
        lees_initiatieven(pad, gemeente=GEMEENTE)
    assert meldingen(fout) == ("veld 'woningen': de eigenschap staat in meer dan één kolom "
                               "(woningen, Woningen); houd er één over")


def test_waarschuwingen_over_samenhang(tmp_path):
    features = [
        feature(PLAN_A, {"naam": "Zonder functies"}),
        feature(PLAN_B, {"naam": "Woningen zonder wonen", "functies": "kantoor", "woningen": 8}),
        feature(PLAN_C, {"naam": "Fractie", "functies": "groen", "groen_pct": 0.35}),
    ]
    _, waarschuwingen = lees_initiatieven(schrijf_geojson(tmp_path / "plannen.geojson", features), gemeente=GEMEENTE)
    assert waarschuwingen == [
        "feature 0 (naam 'Zonder functies'), veld 'functies': geen functies opgegeven; de toets kan "
        "het programma dan niet beoordelen",
        "feature 1 (naam 'Woningen zonder wonen'), veld 'functies': er zijn 8 woningen opgegeven, "
        "maar de functies noemen geen 'wonen' of 'zorgwonen'",
        "feature 2 (naam 'Fractie'), veld 'groen_pct': 0.35 is een percentage (0–100), geen "
        "fractie; bedoelt u 35?",
    ]


# --------------------------------------------------------------------------- maak_initiatieven


def test_maak_initiatieven_geeft_dezelfde_kolommen():
    initiatieven = maak_initiatieven([WONEN, WERKEN], [PLAN_A, PLAN_B], gemeente=GEMEENTE)
    assert list(initiatieven.columns) == KOLOMMEN
    assert records(initiatieven) == [WONEN_NORMAAL, WERKEN_NORMAAL]
    assert initiatieven.crs.to_epsg() == 28992


def test_hoogte_valt_weg():
    met_z = shapely.force_3d(PLAN_A, 12.0)
    initiatieven = maak_initiatieven([GOED], [met_z], gemeente=GEMEENTE)
    assert not initiatieven.has_z.any()
    assert initiatieven.geometry[0].equals(PLAN_A)


def test_maak_initiatieven_uit_wgs84():
    geometrie = gpd.GeoSeries([PLAN_A], crs="EPSG:28992").to_crs("EPSG:4326")
    initiatieven = maak_initiatieven([GOED], geometrie, crs=None, gemeente=GEMEENTE)
    assert initiatieven.geometry[0].hausdorff_distance(PLAN_A) < 0.01
    assert maak_initiatieven([GOED], [wgs84(PLAN_A)], crs="EPSG:4326", gemeente=GEMEENTE).crs.to_epsg() == 28992


def test_maak_initiatieven_controleert_hetzelfde():
    with pytest.raises(InvoerFout) as fout:
        maak_initiatieven([GOED, {"naam": "Plein", "woningen": -1}], [PLAN_A, VLINDER], gemeente=GEMEENTE)
    assert str(fout.value) == (
        "De initiatieven zijn niet bruikbaar (2 problemen):\n"
        "  - feature 1 (naam 'Plein'), veld 'woningen': negatieve waarde -1 is niet mogelijk\n"
        "  - feature 1 (naam 'Plein'): ongeldige geometrie: zelfdoorsnijding bij (233750, 556650)"
    )


def test_maak_initiatieven_waarschuwt_voor_onbekende_eigenschap():
    with pytest.warns(UserWarning, match=r"onbekende eigenschap 'wonigen' \(bedoelt u 'woningen'\?\)"):
        initiatieven = maak_initiatieven([GOED | {"wonigen": 3}], [PLAN_A], gemeente=GEMEENTE)
    assert initiatieven.loc[0, "woningen"] == 10


def test_maak_initiatieven_zonder_crs_en_met_eigen_gemeente():
    with pytest.raises(InvoerFout, match=r"geen coördinatenstelsel \(CRS\)"):
        maak_initiatieven([GOED], [PLAN_A], crs=None, gemeente=GEMEENTE)
    with pytest.raises(InvoerFout) as fout:
        maak_initiatieven([GOED], [PLAN_B], gemeente=box(232000, 555000, 233000, 556000))
    assert meldingen(fout).startswith("feature 0 (naam 'Goed'): ligt buiten de gemeente, op 707 m")
    with pytest.raises(InvoerFout, match="niet om te rekenen"):
        maak_initiatieven([GOED], [PLAN_A], crs=pyproj.CRS.from_wkt(LOKAAL), gemeente=GEMEENTE)


def test_maak_initiatieven_programmeerfouten_zijn_valueerror():
    with pytest.raises(ValueError, match="2 records maar 1 geometrieën"):
        maak_initiatieven([GOED, GOED], [PLAN_A], gemeente=GEMEENTE)
    rd = gpd.GeoSeries([PLAN_A], crs="EPSG:28992")
    with pytest.raises(ValueError, match="crs='EPSG:4326' is opgegeven"):
        maak_initiatieven([GOED], rd, crs="EPSG:4326", gemeente=GEMEENTE)


RARE_WAARDEN = [{"a": 1}, [1, 2], ["wonen", 3], object(), float("inf"), -1, -0.5, "??", True,
                b"wonen", complex(1, 2), np.array([[1, 2]]), "1e400", " ", np.nan]


@pytest.mark.filterwarnings("ignore:.*geen functies opgegeven")
@pytest.mark.parametrize("veld", list(EIGENSCHAPPEN))
def test_rare_waarden_geven_nooit_een_traceback(veld):
    for waarde in RARE_WAARDEN:
        eigenschappen = {"naam": "Plan", "functies": "wonen"} | {veld: waarde}
        try:
            initiatieven = maak_initiatieven([eigenschappen], [PLAN_A], gemeente=GEMEENTE)
        except InvoerFout as fout:
            assert all(re.fullmatch(r"0( \(naam '.*'\))?", p.feature) for p in fout.problemen)
            assert [p.veld for p in fout.problemen] == [veld], (waarde, str(fout))
        else:
            controleer_typen(initiatieven)


def test_milieucategorieen_en_functies_zoals_in_het_ontwerp():
    assert MILIEUCATEGORIEEN == ("1", "2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3", "6")
    assert len(FUNCTIES) == 17 and len(set(FUNCTIES)) == 17
    assert all(re.fullmatch(r"[a-z_]+", f) for f in FUNCTIES)
