"""Validatie van eigen lagen: elke fout een Nederlandse melding, alle fouten tegelijk."""

from __future__ import annotations

import re

import geopandas as gpd
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from omgevingsvisie import InvoerFout, Probleem, lagen, valideer_laag
from omgevingsvisie.catalogus import GEMEENTE_TOLERANTIE_M

# Twee groengebieden in het centrum van Assen, bij de Brink (233969, 556906).
GOED = gpd.GeoDataFrame(
    {"naam": ["Asserbos-oost", "Stadspark"], "type": ["bos", "park"]},
    geometry=[box(233000, 556000, 233300, 556300), box(233600, 556500, 233900, 556800)],
    crs="EPSG:28992",
)
VLINDER = Polygon([(233600, 556500), (233900, 556800), (233900, 556500), (233600, 556800)])
BUITEN = box(200000, 556000, 200300, 556300)


@pytest.fixture(autouse=True)
def _herstel_lagen():
    yield
    lagen.herstel_lagen()


@pytest.fixture(scope="module")
def gemeente():
    return shapely.union_all(lagen.laad_laag("gemeentegrens").geometry.values)


def groen(**wijzigingen) -> gpd.GeoDataFrame:
    """GOED met per kolom (of 'geometry') vervangen waarden voor feature 1."""
    gdf = GOED.copy()
    for kolom, waarde in wijzigingen.items():
        gdf.loc[1, kolom] = waarde
    return gdf


def schrijf(gdf: gpd.GeoDataFrame, pad, laag: str | None = None):
    gdf.to_file(pad, layer=laag)
    return pad


def meldingen(problemen: list[Probleem]) -> str:
    return "\n".join(map(str, problemen))


def met_xy(gdf: gpd.GeoDataFrame, functie) -> gpd.GeoDataFrame:
    gdf = gdf.copy()
    gdf.geometry = shapely.transform(gdf.geometry.values, functie)
    return gdf


@pytest.mark.parametrize("bestand", ["groen.gpkg", "groen.geojson", "groen.shp"])
def test_geldige_vervanging_slaagt(tmp_path, bestand):
    assert valideer_laag(schrijf(GOED, tmp_path / bestand), "groenstructuur") == []


def test_geldige_laag_in_wgs84_wordt_omgerekend(tmp_path):
    pad = schrijf(GOED.to_crs("EPSG:4326"), tmp_path / "groen.geojson")
    assert valideer_laag(pad, "groenstructuur") == []


def test_vervang_laag_maakt_eigen_data_de_laag(tmp_path):
    meegeleverd = len(lagen.laad_laag("groenstructuur"))
    lagen.vervang_laag("groenstructuur", schrijf(GOED, tmp_path / "groen.gpkg"))

    eigen = lagen.laad_laag("groenstructuur")
    assert list(eigen["naam"]) == ["Asserbos-oost", "Stadspark"]
    assert eigen.crs.to_epsg() == 28992
    assert lagen.metadata("groenstructuur")["status"] == "eigen data"
    lagen.herstel_lagen("groenstructuur")
    assert len(lagen.laad_laag("groenstructuur")) == meegeleverd


def test_vervang_laag_weigert_kapotte_data_en_vervangt_niets(tmp_path):
    pad = schrijf(groen(type="weiland"), tmp_path / "groen.gpkg")
    with pytest.raises(InvoerFout) as fout:
        lagen.vervang_laag("groenstructuur", pad)
    assert "waarde 'weiland' is niet toegestaan" in str(fout.value)
    assert "Stadspark" not in set(lagen.laad_laag("groenstructuur")["naam"])


def test_probleem_noemt_feature_naam_en_veld():
    p = Probleem("waarde 'weiland' is niet toegestaan", "3 (naam 'Asserbos')", "type")
    assert str(p) == "feature 3 (naam 'Asserbos'), veld 'type': waarde 'weiland' is niet toegestaan"
    assert str(Probleem("de laag bevat geen features")) == "de laag bevat geen features"


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
@pytest.mark.parametrize(
    ("gegevens", "bestand", "verwacht"),
    [
        pytest.param(GOED.set_crs(None, allow_override=True), "groen.shp",
                     "geen coördinatenstelsel (CRS)", id="geen-crs"),
        pytest.param(groen(geometry=VLINDER), "groen.gpkg",
                     "feature 1 (naam 'Stadspark'): ongeldige geometrie: "
                     "zelfdoorsnijding bij (233750, 556650)",
                     id="vlinderdas"),
        pytest.param(GOED.drop(columns="type"), "groen.gpkg",
                     "veld 'type': verplicht attribuut ontbreekt (aanwezige kolommen: naam)",
                     id="zonder-type"),
        pytest.param(groen(naam=None), "groen.geojson",
                     "feature 1, veld 'naam': verplichte waarde ontbreekt", id="naam-null"),
        pytest.param(groen(type="weiland"), "groen.shp",
                     "feature 1 (naam 'Stadspark'), veld 'type': waarde 'weiland' is niet toegestaan; "
                     "verwacht een van: bos, park, landgoed", id="waarde-niet-toegestaan"),
        pytest.param(GOED.set_geometry([Point(233100, 556100), Point(233700, 556600)]), "groen.gpkg",
                     "geometrietype Point is niet toegestaan in laag 'groenstructuur'; "
                     "verwacht Polygon of MultiPolygon", id="punten-in-vlaklaag"),
        pytest.param(groen(geometry=None), "groen.gpkg",
                     "feature 1 (naam 'Stadspark'): geometrie ontbreekt", id="geen-geometrie"),
    ],
)
def test_kapotte_laag_geeft_nederlandse_melding(tmp_path, gegevens, bestand, verwacht):
    problemen = valideer_laag(schrijf(gegevens, tmp_path / bestand), "groenstructuur")
    assert verwacht in meldingen(problemen)


@pytest.mark.parametrize(
    ("gegevens", "verwacht"),
    [
        pytest.param(GOED.set_crs("EPSG:4326", allow_override=True),
                     "de coördinaten (bijv. 233300, 556000) zijn RD-meters, maar het bestand zegt EPSG:4326",
                     id="rd-als-wgs84"),
        pytest.param(met_xy(GOED.to_crs("EPSG:4326"), lambda xy: xy[:, ::-1]),
                     "lengte- en breedtegraad lijken verwisseld", id="lat-lon-verwisseld"),
        pytest.param(GOED.to_crs("EPSG:4326").set_crs("EPSG:28992", allow_override=True),
                     "lijken graden (lengte/breedte), maar het bestand zegt EPSG:28992", id="graden-als-rd"),
        pytest.param(GOED.set_crs("EPSG:3857", allow_override=True),
                     "na omrekening van EPSG:3857 naar EPSG:28992 ligt de laag niet in Nederland",
                     id="rd-als-webmercator"),
    ],
)
def test_onmogelijke_coordinaten_geven_een_melding(tmp_path, gegevens, verwacht):
    problemen = valideer_laag(schrijf(gegevens, tmp_path / "groen.geojson"), "groenstructuur")
    # één melding over het stelsel, geen meldingen per feature over de ligging
    assert len(problemen) == 1, meldingen(problemen)
    assert verwacht in str(problemen[0])


def test_niet_omrekenbaar_stelsel():
    lokaal = pyproj.CRS.from_wkt(
        'LOCAL_CS["bouwtekening",LOCAL_DATUM["lokaal",0],UNIT["metre",1],'
        'AXIS["X",EAST],AXIS["Y",NORTH]]'
    )
    problemen = valideer_laag(GOED.set_crs(lokaal, allow_override=True), "groenstructuur")
    assert len(problemen) == 1
    assert "coördinatenstelsel 'bouwtekening' is niet om te rekenen naar EPSG:28992" in str(problemen[0])


def test_feature_buiten_de_gemeente_met_afstand(tmp_path, gemeente):
    problemen = valideer_laag(schrijf(groen(geometry=BUITEN), tmp_path / "groen.gpkg"), "groenstructuur")
    afstand = f"{BUITEN.distance(gemeente):,.0f} m".replace(",", ".")
    assert meldingen(problemen) == (
        f"feature 1 (naam 'Stadspark'): ligt buiten de gemeente, op {afstand} van de gemeentegrens "
        f"(toegestaan: {GEMEENTE_TOLERANTIE_M:.0f} m)"
    )


def test_tolerantie_langs_de_gemeentegrens(gemeente):
    # Het oostelijkste hoekpunt: alles ten oosten daarvan ligt buiten de gemeente.
    xy = shapely.get_coordinates(gemeente)
    x, y = xy[xy[:, 0].argmax()]
    net_buiten = box(x + 50, y - 25, x + 100, y + 25)
    assert valideer_laag(groen(geometry=net_buiten), "groenstructuur") == []

    uitsteek = GEMEENTE_TOLERANTIE_M + 200
    problemen = valideer_laag(groen(geometry=box(x - 500, y - 25, x + uitsteek, y + 25)), "groenstructuur")
    assert len(problemen) == 1
    gemeten = re.search(r"steekt tot ([\d.]+) m buiten de gemeentegrens uit", str(problemen[0]))
    assert gemeten, problemen
    assert uitsteek <= float(gemeten.group(1).replace(".", "")) <= uitsteek + 30


def test_alle_problemen_tegelijk(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"naam": ["Asserbos-oost", "Kapot", "Weiland", None, "Ver weg"],
         "type": ["bos", "park", "weiland", "park", "bos"]},
        geometry=[GOED.geometry[0], VLINDER, GOED.geometry[1], box(233400, 556400, 233500, 556500),
                  Point(200000, 556000)],
        crs="EPSG:28992",
    )
    problemen = valideer_laag(schrijf(gdf, tmp_path / "groen.gpkg"), "groenstructuur")
    tekst = meldingen(problemen)
    assert len(problemen) == 5, tekst
    assert "feature 1 (naam 'Kapot'): ongeldige geometrie" in tekst
    assert "feature 2 (naam 'Weiland'), veld 'type': waarde 'weiland' is niet toegestaan" in tekst
    assert "feature 3, veld 'naam': verplichte waarde ontbreekt" in tekst
    assert "feature 4 (naam 'Ver weg'): geometrietype Point is niet toegestaan" in tekst
    assert "feature 4 (naam 'Ver weg'): ligt buiten de gemeente" in tekst


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_zonder_crs_en_zonder_attribuut_samen(tmp_path):
    gdf = GOED.drop(columns="type").set_crs(None, allow_override=True)
    tekst = meldingen(valideer_laag(schrijf(gdf, tmp_path / "groen.shp"), "groenstructuur"))
    assert "geen coördinatenstelsel (CRS)" in tekst
    assert "de coördinaten lijken RD New, ken EPSG:28992 toe" in tekst
    assert "veld 'type': verplicht attribuut ontbreekt" in tekst


def test_onbekende_laagnaam():
    problemen = valideer_laag(GOED, "bomen")
    assert len(problemen) == 1
    assert str(problemen[0]).startswith("onbekende laag 'bomen'; verwacht een van: gemeentegrens,")


def test_bestand_bestaat_niet(tmp_path):
    pad = tmp_path / "bestaat_niet.gpkg"
    assert meldingen(valideer_laag(pad, "groenstructuur")) == f"Bestand niet gevonden: {pad}"


def test_onleesbaar_bestand(tmp_path):
    pad = tmp_path / "groen.gpkg"
    pad.write_text("dit is geen GeoPackage", encoding="utf-8")
    problemen = valideer_laag(pad, "groenstructuur")
    assert len(problemen) == 1
    assert "geen leesbaar GIS-bestand" in str(problemen[0])


def test_keuze_van_de_tabel_in_een_geopackage(tmp_path):
    pad = tmp_path / "data.gpkg"
    schrijf(GOED, pad, "groen_2024")
    schrijf(groen(type="weiland"), pad, "groen_oud")
    assert "geef aan welke met --laag" in meldingen(valideer_laag(pad, "groenstructuur"))
    assert valideer_laag(pad, "groenstructuur", laag="groen_2024") == []
    assert "weiland" in meldingen(valideer_laag(pad, "groenstructuur", laag="groen_oud"))
    ontbreekt = valideer_laag(pad, "groenstructuur", laag="groen_2025")
    assert "Laag 'groen_2025' staat niet in" in meldingen(ontbreekt)

    schrijf(GOED, pad, "groenstructuur")  # een tabel met de laagnaam wordt vanzelf gekozen
    assert valideer_laag(pad, "groenstructuur") == []


def test_lege_laag():
    assert meldingen(valideer_laag(GOED.iloc[:0], "groenstructuur")) == "de laag bevat geen features"


def test_gemeentegrens_wordt_niet_aan_zichzelf_getoetst():
    ver_weg = gpd.GeoDataFrame({"naam": ["Elders"]}, geometry=[BUITEN], crs="EPSG:28992")
    assert valideer_laag(ver_weg, "gemeentegrens") == []
    elders = box(233000, 556000, 234000, 557000)
    assert "ligt buiten de gemeente" in meldingen(valideer_laag(ver_weg, "gemeentegrens", gemeente=elders))


def test_eigen_gemeentegeometrie():
    problemen = valideer_laag(GOED, "groenstructuur", gemeente=box(232900, 555900, 233400, 556400))
    assert meldingen(problemen).startswith("feature 1 (naam 'Stadspark'): ligt buiten de gemeente, op 224 m")


def test_natura2000_mag_buiten_de_gemeente():
    gdf = gpd.GeoDataFrame(
        {"naam": ["Drentsche Aa"], "soort": ["nationaal_park"]}, geometry=[BUITEN], crs="EPSG:28992"
    )
    assert valideer_laag(gdf, "natura2000") == []
    hitte = gdf.rename(columns={"soort": "reden"})
    assert "ligt buiten de gemeente" in meldingen(valideer_laag(hitte, "hittestress"))


def test_visiekaart_accepteert_vlakken_lijnen_en_punten():
    gdf = gpd.GeoDataFrame(
        {"principe": ["Groene stad van het Noorden", "Verbonden stad", "Dynamische stad"],
         "element": ["groen", "route", "centrum"], "toelichting": ["a", "b", "c"]},
        geometry=[GOED.geometry[0], LineString([(233000, 556000), (233900, 556800)]), Point(233969, 556906)],
        crs="EPSG:28992",
    )
    assert valideer_laag(gdf, "visiekaart_2040") == []
    gdf.loc[2, "principe"] = "Mooie stad"
    assert "waarde 'Mooie stad' is niet toegestaan" in meldingen(valideer_laag(gdf, "visiekaart_2040"))
