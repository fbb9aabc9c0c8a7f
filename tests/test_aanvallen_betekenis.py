"""Aanvallen op de betekenis van invoer en op de middelen (issue 16, punten 3 en 4).

Elk geval: de exitcode (CLI) of de exceptie (bibliotheek), een melding die feature en veld
(of regel en naam, of de grens en haar omgevingsvariabele) noemt, en dat er niets is geschreven.
Vóór issue 16 gingen al deze gevallen door: een vervangende laag met ``max_milieucategorie =
"zwaar"`` maakte van een MI1-aandachtspunt "voldoet", een verkeerd gespeld focusgebied zette
DS4 stil uit, en een MultiPolygon van 10.000 delen liet de toets tot boven 23 GB groeien.
"""

from __future__ import annotations

import json
import math
import resource
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import MultiPolygon, Polygon, box

from omgevingsvisie import InvoerFout, lagen
from omgevingsvisie.analyse.parameters import laad_analyse_parameters
from omgevingsvisie.cli import main
from omgevingsvisie.initiatief import maak_initiatieven
from omgevingsvisie.io.raster import open_raster
from omgevingsvisie.regels import laad_parameters

TOP = Path(__file__).resolve().parents[1]
VOORBEELD = TOP / "voorbeelden" / "initiatieven.geojson"
RD = "EPSG:28992"
MAX_DELEN = 1_000  # de standaardgrens (omgevingsvisie.io.grenzen.GRENZEN["delen"]); letterlijk, zodat de
# tests ook op de code van vóór issue 16 draaien (en daar falen)


def _inhoud(map_: Path) -> list[str]:
    """Alle bestanden en mappen onder ``map_`` (relatief), om 'niets geschreven' te toetsen."""
    return sorted(str(p.relative_to(map_)) for p in map_.rglob("*"))


def _bedrijventerreinen(tmp_path: Path, **wijziging) -> Path:
    """De meegeleverde bedrijventerreinen als eigen GeoPackage, met ``{(rij, veld): waarde}``."""
    gdf = lagen.laad_laag("bedrijventerreinen")
    for (rij, veld), waarde in wijziging.get("waarden", {}).items():
        gdf[veld] = gdf[veld].astype(object)
        gdf.loc[rij, veld] = waarde
    pad = tmp_path / "bt.gpkg"
    gdf.to_file(pad)
    return pad


def _lagenconfig(tmp_path: Path, pad: Path) -> Path:
    config = tmp_path / "lagen.toml"
    config.write_text(f'[lagen]\nbedrijventerreinen = "{pad.name}"\n', encoding="utf-8")
    return config


# --------------------------------------------------------------------------- lagen naar betekenis


def test_milieucategorie_zwaar_wordt_geweigerd_door_lagen_valideer(runner, tmp_path):
    pad = _bedrijventerreinen(tmp_path, waarden={(0, "max_milieucategorie"): "zwaar"})
    uit = runner.invoke(main, ["lagen", "valideer", str(pad), "--als", "bedrijventerreinen"])
    assert uit.exit_code == 2, uit.output
    assert "feature 0 (naam 'Stadsbedrijvenpark'), veld 'max_milieucategorie'" in uit.output
    assert "'zwaar'" in uit.output and "4.2" in uit.output and "VNG" in uit.output


def test_milieucategorie_zwaar_houdt_de_toets_tegen_en_er_komt_niets(runner, tmp_path):
    pad = _bedrijventerreinen(tmp_path, waarden={(0, "max_milieucategorie"): "zwaar"})
    uitvoer = tmp_path / "rapporten"
    uit = runner.invoke(main, ["--lagen", str(_lagenconfig(tmp_path, pad)), "toets", str(VOORBEELD),
                               "--uitvoer", str(uitvoer)])
    assert uit.exit_code == 2, uit.output
    assert "veld 'max_milieucategorie'" in uit.output and "'zwaar'" in uit.output
    assert not uitvoer.exists()
    assert _inhoud(tmp_path) == ["bt.gpkg", "lagen.toml"]


def test_vervang_laag_weigert_alle_betekenisfouten_tegelijk(tmp_path):
    pad = _bedrijventerreinen(tmp_path, waarden={
        (0, "max_milieucategorie"): "zwaar",      # geen VNG-categorie
        (1, "max_milieucategorie"): "4,2",        # komma: de regels rekenen met "4.2"
        (2, "status"): "Bestaand",                # hoofdletter: DS3/MI1 vergelijken letterlijk
        (3, "naam"): "CafÃ© Messchenveld",        # UTF-8 gelezen als Windows-1252
    })
    with pytest.raises(InvoerFout) as fout:
        lagen.vervang_laag("bedrijventerreinen", pad)
    tekst = str(fout.value)
    assert "feature 0 (naam 'Stadsbedrijvenpark'), veld 'max_milieucategorie': waarde 'zwaar'" in tekst
    assert "veld 'max_milieucategorie': waarde '4,2' is niet toegestaan (bedoelt u '4.2'?)" in tekst
    assert "veld 'status': waarde 'Bestaand' is niet toegestaan (bedoelt u 'bestaand'?)" in tekst
    assert "veld 'naam': de tekst lijkt verkeerd gecodeerd" in tekst and "'Café Messchenveld'" in tekst
    assert len(fout.value.problemen) == 4
    assert "bedrijventerreinen" not in lagen.vervangingen()


@pytest.mark.parametrize(("laag", "veld", "waarde", "verwacht"), [
    ("woningbouwlocaties", "woningen_gepland", -5, "kleiner dan 0"),
    ("woningbouwlocaties", "woningen_gepland", 12.5, "geen geheel getal"),
    ("woningbouwlocaties", "woningen_gepland", "veel", "geen getal"),
    ("wijken", "statcode", "Centrum", "geen geldige code; verwacht bijv. WK010601"),
    ("wijken", "naam", "Centrum\x1b[2J", "stuurtekens"),
    ("wijken", "naam", "Centr\ufffdm", "U+FFFD"),
])
def test_getallen_codes_keuzes_en_codering_in_hun_domein(laag, veld, waarde, verwacht):
    gdf = lagen.laad_laag(laag)
    gdf[veld] = gdf[veld].astype(object)
    gdf.loc[0, veld] = waarde
    problemen = lagen.valideer_laag(gdf, laag)
    assert [p.veld for p in problemen] == [veld], problemen
    assert problemen[0].feature.startswith("0") and verwacht in problemen[0].melding


def test_een_veranderd_vervangend_bestand_wordt_opnieuw_gevalideerd(tmp_path):
    pad = _bedrijventerreinen(tmp_path)
    lagen.vervang_laag("bedrijventerreinen", pad)
    assert len(lagen.huidige()["bedrijventerreinen"]) == 5
    gdf = gpd.read_file(pad)
    gdf.loc[0, "max_milieucategorie"] = "zwaar"
    gdf.to_file(pad)
    with pytest.raises(InvoerFout, match="is veranderd sinds ze werd vervangen") as fout:
        lagen.huidige()["bedrijventerreinen"]
    assert "veld 'max_milieucategorie': waarde 'zwaar'" in str(fout.value)
    gdf.loc[0, "max_milieucategorie"] = "4.2"  # hersteld: weer bruikbaar, zonder opnieuw te vervangen
    gdf.to_file(pad)
    assert lagen.huidige()["bedrijventerreinen"].max_milieucategorie.iat[0] == "4.2"


# --------------------------------------------------------------------------- parameters naar betekenis


@pytest.mark.parametrize(("toml", "verwacht"), [
    ('[DS4]\nfocusgebied = "Asen-Zuid"\n', "DS4.focusgebied: 'Asen-Zuid' is geen focusgebied in de laag focusgebieden "
                                           "(bedoelt u 'Assen-Zuid'?)"),
    ('[DS6]\naangewezen_focusgebieden = ["TRZ", "Assen Zuid"]\n', "DS6.aangewezen_focusgebieden[1]: 'Assen Zuid'"),
    ('[DS8]\npassende_functies = { "Havenkwartir" = ["wonen"] }\n', 'DS8.passende_functies."Havenkwartir"'),
    ('[DS3]\nzoekgebied = "Messchenveld 2"\n', "DS3.zoekgebied: 'Messchenveld 2' is geen bedrijventerrein"),
    ('[DS5]\npassende_functies = ["leisure", "winkels"]\n', "DS5.passende_functies[1]: 'winkels' is geen functie"),
    ('[DS4]\nmax_milieucategorie = "zwaar"\n', "DS4.max_milieucategorie: 'zwaar' is geen VNG-milieucategorie"),
    ('[DS7]\nsociale_huur_min_pct = 101\n', "DS7.sociale_huur_min_pct: 101 is groter dan 100"),
    ('[GS2]\nbuffer_m = -5.0\n', "GS2.buffer_m: -5 is kleiner dan 0"),
    ('[GS7]\nafstand_m = inf\n', "GS7.afstand_m: inf is geen eindig getal"),
    ('[VS1]\nafstand_barriere_m = nan\n', "VS1.afstand_barriere_m: nan is geen eindig getal"),
    ('[ALGEMEEN]\nbemonstering_m = 0\n', "ALGEMEEN.bemonstering_m: 0 is niet groter dan 0"),
    ('[ALGEMEEN]\nligt_in_aandeel = 0\n', "ALGEMEEN.ligt_in_aandeel: 0 is niet groter dan 0"),
    ('[DS6]\nmin_woningen = 12.5\n', "DS6.min_woningen: 12.5 is geen geheel getal"),
    ('[MI1]\nrichtafstanden_m = { "4.2" = 50.0 }\n', "MI1.richtafstanden_m: categorie 4.2 (50 m) heeft een kleinere "
                                                    "richtafstand dan de lichtere categorie 4.1 (200 m)"),
    ('[MI1]\nrichtafstanden_m = { "7" = 3000.0 }\n', 'MI1.richtafstanden_m."7": \'7\' is geen VNG-milieucategorie'),
    ('[DS5]\npassende_functies = ["leisure", "kantoor"]\n', "noemen allebei kantoor"),
    ('[GS3]\ngroen_pct_min = { waarde = 40.0, domein = "afstand", bron = "x" }\n', "GS3.groen_pct_min: het domein ligt vast"),
])
def test_eigen_parameters_naar_betekenis_exit_2_en_niets_geschreven(runner, tmp_path, toml, verwacht):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text(toml, encoding="utf-8")
    uitvoer = tmp_path / "rapporten"
    uit = runner.invoke(main, ["toets", str(VOORBEELD), "--uitvoer", str(uitvoer), "--parameters", str(eigen)])
    assert uit.exit_code == 2, uit.output
    assert verwacht in uit.output
    assert "Traceback" not in uit.output
    assert _inhoud(tmp_path) == ["eigen.toml"]


def test_alle_parameterproblemen_tegelijk_met_regel_en_naam(tmp_path):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text('[DS4]\nfocusgebied = "Asen-Zuid"\n[DS7]\nsociale_huur_min_pct = 101\n'
                     '[GS7]\nafstand_m = -1.0\n[ALGEMEEN]\nbemonstering_m = 0.0\n', encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        laad_parameters(eigen, laagdata=lagen.huidige())
    namen = sorted(str(p).split(":")[0] for p in fout.value.problemen)
    assert namen == ["ALGEMEEN.bemonstering_m", "DS4.focusgebied", "DS7.sociale_huur_min_pct", "GS7.afstand_m"]


def test_de_bibliotheek_toetst_parameternamen_tegen_de_lagen(tmp_path):
    """Zonder CLI: ``toets()`` weigert een focusgebied dat niet in de lagen staat (DS4 viel stil uit)."""
    from omgevingsvisie.toets import toets

    eigen = tmp_path / "eigen.toml"
    eigen.write_text('[DS4]\nfocusgebied = "Asen-Zuid"\n', encoding="utf-8")
    p = laad_parameters(eigen)  # zonder lagen: de naam is pas met de lagen te controleren
    plannen = maak_initiatieven([{"naam": "Hal", "functies": ["bedrijf"], "milieucategorie": "5.1"}],
                                [box(233900, 553000, 234000, 553100)], gemeente=lagen.huidige().gemeente())
    with pytest.raises(InvoerFout, match="DS4.focusgebied: 'Asen-Zuid'"):
        toets(plannen, parameters=p)


@pytest.mark.parametrize(("toml", "verwacht"), [
    ("[uhi]\nwind_m_s = 0.0\n", "uhi.wind_m_s: 0 is niet groter dan 0"),
    ("[klasse_bos]\nf_veg = 1.5\n", "klasse_bos.f_veg: 1,5 is groter dan 1"),
    ("[woningen]\npuntafstand_m = 0.0\n", "woningen.puntafstand_m: 0 is niet groter dan 0"),
    ("[barrieres]\ndrempel_ingesloten = 0.8\n", "barrieres.drempel_ingesloten: 0,8 is kleiner dan 1"),
    ("[uhi]\nonbebouwde_functies = [\"zonnepark\", \"bos\"]\n", "uhi.onbebouwde_functies[1]: 'bos' is geen functie"),
    ("[landgebruik]\nresolutie_m = 0.5\n", "OMGEVINGSVISIE_MAX_RASTERCELLEN"),
    ("[uhi]\nvenster_m = 5.0\n", "uhi.venster_m (5 m) is kleiner dan landgebruik.resolutie_m"),
])
def test_eigen_analyseparameters_naar_betekenis(runner, tmp_path, toml, verwacht):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text(toml, encoding="utf-8")
    uitvoer = tmp_path / "analyse"
    uit = runner.invoke(main, ["analyse", "hitte", "--uitvoer", str(uitvoer), "--parameters", str(eigen)])
    assert uit.exit_code == 2, uit.output
    assert verwacht in uit.output
    assert _inhoud(tmp_path) == ["eigen.toml"]


def test_elke_standaardparameter_heeft_een_domein_en_past_erin():
    for p in (laad_parameters(laagdata=lagen.huidige()), laad_analyse_parameters(laagdata=lagen.huidige())):
        for regel in p._tabel:
            for naam, parameter in p.van_regel(regel).items():
                assert parameter.domein, f"{regel}.{naam} heeft geen domein"


def test_een_eigen_waarde_krijgt_haar_eigen_bron(tmp_path):
    eigen = tmp_path / "assen_2026.toml"
    eigen.write_text('[GS7]\nafstand_m = 250.0\nmin_groen_ha = { waarde = 0.5, bron = "Groenvisie Assen 2026" }\n',
                     encoding="utf-8")
    p = laad_parameters(eigen)
    assert p.parameter("GS7", "afstand_m").bron == "Eigen parameterbestand assen_2026.toml"
    assert p.parameter("GS7", "min_groen_ha").bron == "Groenvisie Assen 2026"
    assert p.parameter("GS7", "min_groen_ha").domein == "oppervlakte"


# --------------------------------------------------------------------------- begrensde middelen


def _vierkantjes(n: int, *, stap: float = 40.0, x0: float = 231000, y0: float = 554000) -> MultiPolygon:
    kant = math.isqrt(n - 1) + 1
    return MultiPolygon([box(x0 + (k // kant) * stap, y0 + (k % kant) * stap,
                             x0 + (k // kant) * stap + 10, y0 + (k % kant) * stap + 10) for k in range(n)])


def _schrijf_initiatieven(pad: Path, geometrieen, **eigenschappen) -> Path:
    gpd.GeoDataFrame([{"naam": f"Plan {i}", "functies": "wonen", "woningen": 20, **eigenschappen}
                      for i in range(len(geometrieen))], geometry=list(geometrieen), crs=RD).to_file(pad)
    return pad


def test_multipolygon_met_te_veel_delen_wordt_meteen_geweigerd(runner, tmp_path):
    """1.001 delen (de grens is 1.000): weigeren vóór de geometriecontroles en vóór de toets."""
    pad = _schrijf_initiatieven(tmp_path / "veel.gpkg", [_vierkantjes(MAX_DELEN + 1)])
    uitvoer = tmp_path / "rapporten"
    uit = runner.invoke(main, ["toets", str(pad), "--uitvoer", str(uitvoer)])
    assert uit.exit_code == 2, uit.output
    assert "feature 0 (naam 'Plan 0'): de geometrie heeft 1.001 delen" in uit.output
    assert "de grens is 1.000 (OMGEVINGSVISIE_MAX_DELEN)" in uit.output
    assert "export OMGEVINGSVISIE_MAX_DELEN=" in uit.output
    assert _inhoud(tmp_path) == ["veel.gpkg"]


def test_de_grens_is_te_verhogen_met_de_omgevingsvariabele(monkeypatch):
    gemeente = lagen.huidige().gemeente()
    plan = _vierkantjes(6)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_DELEN", "5")
    with pytest.raises(InvoerFout, match=r"de geometrie heeft 6 delen .*; de grens is 5 "):
        maak_initiatieven([{"naam": "Zes"}], [plan], gemeente=gemeente)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_DELEN", "6")
    assert len(maak_initiatieven([{"naam": "Zes"}], [plan], gemeente=gemeente)) == 1
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_DELEN", "veel")
    with pytest.raises(InvoerFout, match="OMGEVINGSVISIE_MAX_DELEN='veel' is geen positief geheel getal"):
        maak_initiatieven([{"naam": "Zes"}], [plan], gemeente=gemeente)


def test_te_veel_hoekpunten_en_features_noemen_hun_grens(monkeypatch):
    gemeente = lagen.huidige().gemeente()
    cirkel = Polygon([(233000 + 50 * math.cos(t), 556000 + 50 * math.sin(t))
                      for t in np.linspace(0, 2 * math.pi, 400, endpoint=False)])
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_HOEKPUNTEN", "100")
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_FEATURES", "2")
    with pytest.raises(InvoerFout) as fout:
        maak_initiatieven([{"naam": f"P{i}"} for i in range(3)], [cirkel, box(233000, 556200, 233100, 556300),
                                                                  box(233200, 556200, 233300, 556300)], gemeente=gemeente)
    tekst = str(fout.value)
    assert "feature 0 (naam 'P0'): de geometrie heeft 401 hoekpunten; de grens is 100 (OMGEVINGSVISIE_MAX_HOEKPUNTEN)" in tekst
    assert "het bestand heeft 3 features; de grens is 2 (OMGEVINGSVISIE_MAX_FEATURES)" in tekst


def test_ook_een_vervangende_laag_heeft_grenzen(tmp_path, monkeypatch):
    gdf = lagen.laad_laag("groenstructuur")
    gdf.loc[0, "geometry"] = _vierkantjes(8, x0=233000, y0=556000)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_DELEN", "5")
    problemen = lagen.valideer_laag(gdf, "groenstructuur")
    assert len(problemen) == 1 and problemen[0].feature.startswith("0 (naam")
    assert "8 delen" in problemen[0].melding and "OMGEVINGSVISIE_MAX_DELEN" in problemen[0].melding


def _geotiff(pad: Path, breedte: int, hoogte: int, *, dtype: str = "float32", waarde: float = 1.0) -> Path:
    """Een tegelde, ijle GeoTIFF: groot in cellen, klein op schijf (alleen één tegel is geschreven)."""
    with rasterio.open(pad, "w", driver="GTiff", width=breedte, height=hoogte, count=1, dtype=dtype,
                       crs=RD, transform=from_origin(228000, 566000, 10, 10), tiled=True, compress="deflate",
                       sparse_ok=True, nodata=0) as doel:
        doel.write(np.full((256, 256), waarde, dtype=dtype)[: min(256, hoogte), : min(256, breedte)], 1,
                   window=rasterio.windows.Window(0, 0, min(256, breedte), min(256, hoogte)))
    return pad


def test_een_raster_van_20000_bij_20000_cellen_wordt_geweigerd_zonder_te_lezen(runner, tmp_path):
    """Vroeger las ``kaart hitte --raster`` de hele band als float64: 3 GiB."""
    raster = _geotiff(tmp_path / "groot.tif", 20_000, 20_000)
    assert raster.stat().st_size < 5_000_000
    uitvoer = tmp_path / "hitte.html"
    code = ("import resource, sys\nfrom omgevingsvisie.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
            "print('PIEK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\nsys.exit(code)\n")
    uit = subprocess.run([sys.executable, "-c", code, "kaart", "hitte", "--raster", str(raster), "--uitvoer",
                          str(uitvoer)], capture_output=True, text=True, cwd=TOP, timeout=120)
    assert uit.returncode == 2, uit.stderr
    assert "(20000 × 20000) heeft 400.000.000 cellen; de grens is 25.000.000 (OMGEVINGSVISIE_MAX_RASTERCELLEN)" in uit.stderr
    piek_mb = int(uit.stdout.split("PIEK")[1]) / 1024
    assert piek_mb < 1000, f"piekgeheugen {piek_mb:.0f} MB"
    assert _inhoud(tmp_path) == ["groot.tif"]


def test_ook_het_landgebruiksraster_heeft_de_celgrens(runner, tmp_path, monkeypatch):
    raster = _geotiff(tmp_path / "landgebruik.tif", 300, 300, dtype="uint8", waarde=2)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_RASTERCELLEN", "50000")
    uitvoer = tmp_path / "analyse"
    uit = runner.invoke(main, ["analyse", "hitte", "--uitvoer", str(uitvoer), "--landgebruik", str(raster)])
    assert uit.exit_code == 2, uit.output
    assert "Landgebruiksraster" in uit.output and "90.000 cellen; de grens is 50.000" in uit.output
    assert _inhoud(tmp_path) == ["landgebruik.tif"]


def test_open_raster_sluit_een_te_groot_raster(tmp_path, monkeypatch):
    raster = _geotiff(tmp_path / "r.tif", 30, 30)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_RASTERCELLEN", "899")
    with pytest.raises(InvoerFout, match="900 cellen; de grens is 899"):
        open_raster(raster)
    monkeypatch.setenv("OMGEVINGSVISIE_MAX_RASTERCELLEN", "900")
    with open_raster(raster) as bron:
        assert bron.width * bron.height == 900


@pytest.mark.traag
def test_piekgeheugen_bij_de_grootste_toegestane_multipolygon(tmp_path):
    """1.000 verspreide delen mét groen_pct (de hitte-analyse buffert het plan): ruim onder 2 GB.

    Het gemeten getal staat in docs/betrouwbaarheid.md (Grenzen).
    """
    pad = _schrijf_initiatieven(tmp_path / "grens.gpkg", [_vierkantjes(MAX_DELEN, stap=126.0)],
                                groen_pct=40, milieucategorie="3.1")
    uit = subprocess.run([sys.executable, "-m", "omgevingsvisie", "toets", str(pad), "--uitvoer",
                          str(tmp_path / "uit"), "--formaat", "json"], capture_output=True, text=True, cwd=TOP,
                         timeout=600)
    piek_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert uit.returncode == 0, uit.stderr
    assert json.loads((tmp_path / "uit" / "plan-0.json").read_text(encoding="utf-8"))
    assert piek_mb < 2000, f"piekgeheugen {piek_mb:.0f} MB"
