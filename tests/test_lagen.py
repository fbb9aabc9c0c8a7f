"""De meegeleverde lagen: volledigheid, CRS, geldigheid, ankerpunten, maten en metadata."""

from __future__ import annotations

import itertools
import math
import sqlite3

import pytest
import shapely
from shapely.geometry import Point

from omgevingsvisie import lagen
from omgevingsvisie.catalogus import CRS, GEMEENTE_TOLERANTIE_M, LAAGNAMEN, PRINCIPES, SCHEMAS
from omgevingsvisie.lagen import valideer_laag


@pytest.fixture(scope="module")
def gemeente():
    return lagen.laad_laag("gemeentegrens").union_all()


def _feature(laag, /, **waarden):
    gdf = lagen.laad_laag(laag)
    for kolom, waarde in waarden.items():
        gdf = gdf[gdf[kolom] == waarde]
    assert len(gdf) == 1, f"{laag} {waarden}: {len(gdf)} features"
    return gdf.geometry.iloc[0]


def test_alle_lagen_uit_het_ontwerp_zijn_er():
    overzicht = lagen.lijst_lagen()
    assert list(overzicht.naam) == list(LAAGNAMEN)
    assert len(LAAGNAMEN) == 20
    assert (overzicht.aantal > 0).all()
    assert (overzicht.status == "indicatief").all()


@pytest.mark.parametrize("naam", LAAGNAMEN)
def test_laag_laadt_in_rd_met_geldige_geometrie(naam):
    gdf = lagen.laad_laag(naam)
    assert gdf.crs.equals(CRS)
    assert not gdf.geometry.is_empty.any()
    assert gdf.geometry.is_valid.all(), gdf[~gdf.geometry.is_valid]
    assert set(gdf.geom_type) <= set(SCHEMAS[naam].toegestane_geometrieen())
    assert valideer_laag(gdf, naam) == []


@pytest.mark.parametrize("naam", LAAGNAMEN)
def test_metadata_is_volledig_en_eerlijk(naam):
    meta = lagen.metadata(naam)
    for sleutel in ("titel", "omschrijving", "bron", "gebaseerd_op", "status", "datum", "licentie", "disclaimer"):
        assert meta.get(sleutel), f"{naam}: metadata '{sleutel}' ontbreekt"
    assert meta["status"] == "indicatief"
    assert "geen plankaart" in meta["disclaimer"]
    assert "Omgevingsvisie" in meta["bron"] or "CBS" in meta["bron"]


@pytest.mark.parametrize("naam", [n for n in LAAGNAMEN if n not in ("natura2000", "buurten")])
def test_laag_ligt_binnen_de_gemeente(naam, gemeente):
    gdf = lagen.laad_laag(naam)
    assert gdf.geometry.within(gemeente.buffer(1.0)).all()


def test_cbs_buurten_vallen_binnen_de_generalisatietolerantie(gemeente):
    # Gegeneraliseerde buurten en wijken verschillen tot ca. 300 m (bronnen/REFERENTIE_README.md).
    buurten = lagen.laad_laag("buurten")
    assert buurten.geometry.within(gemeente.buffer(GEMEENTE_TOLERANTIE_M)).all()


def test_cbs_wijken_en_buurten_zijn_echt():
    wijken = lagen.laad_laag("wijken")
    assert sorted(wijken.naam) == sorted([
        "Centrum", "Lariks", "Noorderpark", "Assen-Oost", "Pittelo", "Assen-West", "Peelo",
        "Marsdijk", "Kloosterveen", "Buitengebied"])
    assert wijken.statcode.str.fullmatch(r"WK0106\d\d").all()
    assert (wijken.bronvermelding == "CBS/Kadaster").all()
    buurten = lagen.laad_laag("buurten")
    assert len(buurten) == 109
    assert buurten.statcode.is_unique
    assert set(buurten.wijk) == set(wijken.naam)
    assert buurten.loc[buurten.naam == "Kloosterakker", "wijk"].item() == "Kloosterveen"


# ---- ankerpunten (ONTWERP §3) ----------------------------------------------------------
BRINK = Point(233969, 556906)
TT_CIRCUIT = Point(231339, 553340)
BUSBAAN_KLOOSTERVEEN = Point(230169, 557987)
RODE_HEKLAAN = Point(232891, 556622)


def test_brink_ligt_in_binnenstad_en_publiekshart():
    assert _feature("focusgebieden", naam="Binnenstad").contains(BRINK)
    assert lagen.laad_laag("publiekshart").contains(BRINK).any()


def test_tt_circuit_in_geluidszone_en_naast_trz():
    assert lagen.laad_laag("tt_geluidszone").contains(TT_CIRCUIT).any()
    assert _feature("focusgebieden", naam="TRZ").distance(TT_CIRCUIT) < 1000


def test_busbaan_ligt_in_focusgebied_kloosterveen():
    assert _feature("focusgebieden", naam="Kloosterveen").contains(BUSBAAN_KLOOSTERVEEN)


def test_rode_heklaan_ligt_in_asserbos():
    groen = lagen.laad_laag("groenstructuur")
    assert groen[groen.contains(RODE_HEKLAAN)].naam.tolist() == ["Asserbos"]


def test_oversteken_liggen_op_hun_barriere():
    barrieres = lagen.laad_laag("barrieres").set_index("naam").geometry
    for oversteek in lagen.laad_laag("oversteken").itertuples():
        assert oversteek.geometry.distance(barrieres[oversteek.barriere]) < 0.01, oversteek.naam


def test_barrieres_uit_paragraaf_2_10():
    barrieres = lagen.laad_laag("barrieres")
    assert {"Europaweg", "Noord-Willemskanaal", "A28"} <= set(barrieres.naam)
    assert set(barrieres.soort) == {"weg", "water", "spoor"}
    assert lagen.laad_laag("barrieregebieden").naam.tolist() == ["Stadsbedrijvenpark"]


# ---- maten ----------------------------------------------------------------------------
# Gepubliceerde oppervlakten (bronnen/assen_extents_tekst.md). Lagen uit gegeneraliseerde
# CBS-buurten mogen 15% afwijken; getekende vlakken zijn op de gepubliceerde maat gebracht.
@pytest.mark.parametrize(("laag", "naam", "ha", "marge"), [
    ("focusgebieden", "Lariks", 135, 0.05),
    ("bedrijventerreinen", "Stadsbedrijvenpark", 247, 0.10),
    ("groenstructuur", "Asserbos", 114, 0.15),
    ("natura2000", "Witterveld", 481, 0.01),
    ("focusgebieden", "Assen-Zuid", 55, 0.05),
    ("groenstructuur", "Landgoed Overcingel", 5, 0.10),
])
def test_oppervlakte_komt_overeen_met_publicatie(laag, naam, ha, marge):
    gemeten = _feature(laag, naam=naam).area / 1e4
    assert gemeten == pytest.approx(ha, rel=marge)


def test_gemeente_is_ongeveer_83_5_km2(gemeente):
    assert gemeente.area / 1e6 == pytest.approx(83.45, rel=0.02)


def test_kloosterveste_is_een_cirkel_met_straal_200_m():
    vlak = _feature("hittestress", naam="Wijkwinkelcentrum Kloosterveste")
    assert vlak.area == pytest.approx(math.pi * 200**2, rel=0.01)
    afstanden = [vlak.centroid.distance(Point(c)) for c in vlak.exterior.coords]
    assert min(afstanden) == pytest.approx(200, abs=1) and max(afstanden) == pytest.approx(200, abs=1)
    centrum = lagen.laad_laag("wijkcentra").set_index("naam").geometry["Kloosterveste"]
    assert centrum.distance(vlak.centroid) < 1


# ---- overlap --------------------------------------------------------------------------
@pytest.mark.parametrize(("naam", "groep"), [
    ("wijken", None), ("buurten", None), ("focusgebieden", None), ("groenstructuur", None),
    ("bedrijventerreinen", None), ("woningbouwlocaties", None), ("hittestress", None),
    ("energie_zoekgebieden", None), ("natura2000", "soort"),
])
def test_geen_overlap_binnen_laag(naam, groep):
    gdf = lagen.laad_laag(naam)
    groepen = gdf.groupby(groep) if groep else [(None, gdf)]
    for _, deel in groepen:
        for (i, a), (j, b) in itertools.combinations(zip(deel.index, deel.geometry), 2):
            overlap = a.intersection(b).area
            assert overlap < 1.0, f"{naam}: features {i} en {j} overlappen {overlap:.0f} m²"


def test_bestaand_stedelijk_gebied_sluit_uitbreidingen_uit():
    bsg = lagen.laad_laag("bestaand_stedelijk_gebied").union_all()
    assert bsg.contains(BRINK)
    kloosterakker = _feature("woningbouwlocaties", naam="Kloosterakker")
    assert bsg.intersection(kloosterakker).area < 0.01 * kloosterakker.area
    assert not bsg.contains(TT_CIRCUIT)


def test_visiekaart_heeft_alle_principes_en_geometrietypen():
    vk = lagen.laad_laag("visiekaart_2040")
    assert set(vk.principe) == set(PRINCIPES)
    assert {"Polygon", "LineString", "Point"} <= {t.removeprefix("Multi") for t in vk.geom_type}
    assert vk.toelichting.str.len().gt(10).all()


def test_geopackage_is_versie_1_2_met_geom_kolom():
    with sqlite3.connect(lagen.data_map() / lagen.GPKG_NAAM) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # 'GPKG'
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200
        kolommen = {r[0] for r in db.execute("SELECT DISTINCT column_name FROM gpkg_geometry_columns")}
        assert kolommen == {"geom"}


def test_geometrie_heeft_centimeterprecisie():
    # De bronbestanden zijn op cm afgerond; de GeoPackage mag daar niets aan veranderen.
    for naam in ("focusgebieden", "barrieres", "oversteken"):
        gdf = lagen.laad_laag(naam)
        coords = shapely.get_coordinates(gdf.geometry.values)
        assert (abs(coords * 100 - (coords * 100).round()) < 1e-6).all()


# --------------------------------------------------------------------------- Laagdata


def _eigen_groen(pad, naam="Eigen park"):
    import geopandas as gpd
    from shapely.geometry import box

    gpd.GeoDataFrame({"naam": [naam], "type": ["park"]}, geometry=[box(233000, 556000, 233300, 556300)],
                     crs=CRS).to_file(pad, driver="GPKG", layer="groenstructuur")
    return pad


def test_laagdata_laadt_lui_en_kent_de_herkomst(tmp_path):
    data = lagen.huidige()
    assert "wijken" in data and "bestaat_niet" not in data
    assert list(data) == list(LAAGNAMEN) and len(data) == len(LAAGNAMEN)
    assert data.herkomst("groenstructuur") == "meegeleverd" and data.vervanging("groenstructuur") is None
    lagen.vervang_laag("groenstructuur", _eigen_groen(tmp_path / "groen.gpkg"))
    assert data.herkomst("groenstructuur") == "meegeleverd", "een Laagdata is een vaste set"
    nu = lagen.huidige()
    assert nu.herkomst("groenstructuur") == "eigen data"
    assert nu["groenstructuur"].naam.tolist() == ["Eigen park"]
    assert nu.metadata("groenstructuur")["status"] == "eigen data"
    assert data["groenstructuur"].naam.tolist() != ["Eigen park"]


def test_laagdata_met_gegeven_frames_gaat_voor(tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    eigen = gpd.GeoDataFrame({"naam": ["X"]}, geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    data = lagen.huidige().met({"groenstructuur": eigen})
    assert data.herkomst("groenstructuur") == "gegeven"
    assert data["groenstructuur"].crs.equals(CRS), "een gegeven laag komt in RD terug"
    assert data["wijken"].crs.equals(CRS)


def test_stempel_verandert_als_het_bestand_van_een_vervanging_verandert(tmp_path):
    import os

    pad = _eigen_groen(tmp_path / "groen.gpkg")
    lagen.vervang_laag("groenstructuur", pad)
    data = lagen.huidige()
    voor = data.stempel("groenstructuur")
    assert data.stempel("groenstructuur") == voor
    assert data["groenstructuur"].naam.tolist() == ["Eigen park"]
    _eigen_groen(pad, naam="Ander park")
    os.utime(pad, ns=(os.stat(pad).st_atime_ns, os.stat(pad).st_mtime_ns + 1_000_000_000))
    assert data.stempel("groenstructuur") != voor
    assert data["groenstructuur"].naam.tolist() == ["Ander park"], "de leescache vervalt met het bestand"


def test_laad_laag_geeft_een_eigen_kopie():
    eerste = lagen.laad_laag("wijken")
    eerste.loc[:, "naam"] = "veranderd"
    assert "veranderd" not in set(lagen.laad_laag("wijken").naam)


def test_gemeente_is_de_vereniging_van_de_gemeentegrens(gemeente):
    assert lagen.huidige().gemeente().equals(gemeente)
