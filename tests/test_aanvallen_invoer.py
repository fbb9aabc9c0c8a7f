"""Aanvallen op de randen (issue 16, punten 2 en 5): escaping van uitgaande tekst en Nederlandse fouten.

Elke test noemt de aanval, de exitcode, de melding (Nederlands, geen traceback) en de exacte set
bestanden daarna. Waar de oude code zou blijven hangen (een FIFO als invoer) draait het commando
in een subproces met een tijdslimiet, of bewaakt een draad de FIFO, zodat een hang de test laat
falen in plaats van blokkeren.

Rechten en een volle schijf: als gewone gebruiker maakt de test een echte alleen-lezen map; als
root (die rechten negeert) weigert :func:`_weiger_schrijven` elk aanmaken van een bestand of map
daarin met dezelfde ``OSError`` die de kernel zou geven.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from omgevingsvisie.cli import main

TOP = Path(__file__).resolve().parents[1]
VOORBEELDEN = TOP / "voorbeelden" / "initiatieven.geojson"
LIMIET_S = 60
"""Zo lang mag een subproces duren; de oude code bleef bij een FIFO eeuwig wachten."""


def _plannen(tmp_path: Path, *namen: str, naam: str = "plannen.geojson") -> Path:
    """Een GeoJSON met per naam het eerste voorbeeldplan (zelfde geometrie, andere naam)."""
    feature = json.loads(VOORBEELDEN.read_text(encoding="utf-8"))["features"][0]
    features = [{**feature, "properties": {**feature["properties"], "naam": n}} for n in namen]
    pad = tmp_path / naam
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                   encoding="utf-8")
    return pad


def _bestanden(map_: Path) -> set[str]:
    """Alle namen onder ``map_`` (relatief, ook verborgen tijdelijke bestanden en mappen)."""
    if not map_.exists() and not map_.is_symlink():
        return set()
    return {str(p.relative_to(map_)) for p in map_.rglob("*")}


def _nette_fout(resultaat, code: int = 2) -> str:
    """Controleer exitcode en dat er geen Python-fout doorkwam; geeft stderr."""
    assert resultaat.exception is None or isinstance(resultaat.exception, SystemExit), repr(resultaat.exception)
    assert resultaat.exit_code == code, resultaat.output
    assert "Traceback" not in resultaat.output
    return resultaat.stderr


def _cli(*argumenten: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m omgevingsvisie …`` in een subproces met :data:`LIMIET_S` (een hang faalt de test)."""
    omgeving = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "omgevingsvisie", *argumenten], capture_output=True,
                          text=True, timeout=LIMIET_S, env=omgeving)


# --------------------------------------------------------------------------- escaping: CSV

FORMULES = ['=HYPERLINK("http://aanvaller.example","klik")', "+1+1", "-2+3", "@SUM(A1:A9)"]
"""(Tab en CR vooraan haalt het inlezen van de naam al weg; die staan in de eenheidstest van csv_cel.)"""


def test_formules_in_namen_worden_tekst_in_samenvatting_csv(runner, tmp_path):
    """OWASP: een tekstcel die met = + - @ of een controleteken begint krijgt een voorloop-'."""
    uit = tmp_path / "uit"
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, *FORMULES)), "--uitvoer", str(uit),
                                     "--formaat", "json"])
    assert resultaat.exit_code == 0, resultaat.output
    import pandas as pd

    tabel = pd.read_csv(uit / "samenvatting.csv", keep_default_na=False)
    assert sorted(tabel["naam"]) == sorted("'" + f for f in FORMULES)
    assert tabel["oordeel"].tolist() == ["aandachtspunten"] * len(FORMULES)  # gewone tekst blijft gelijk
    assert tabel["oppervlakte_m2"].dtype.kind == "f" and tabel["aantal_voldoet"].dtype.kind == "i"
    assert {p.suffix for p in uit.iterdir()} == {".json", ".csv", ".gpkg"}
    assert len(_bestanden(uit)) == len(FORMULES) + 2


def test_csv_cel_neutraliseert_alleen_tekst():
    from omgevingsvisie.io.veilig import csv_cel, csv_tabel

    assert [csv_cel(w) for w in ("=1+1", "+31", "-", "@x", "\t=1", "\r", "\x1b[2J", "Assen")] == [
        "'=1+1", "'+31", "'-", "'@x", "'\t=1", "'\r", "'\\x1b[2J", "Assen"]
    assert [csv_cel(w) for w in (-2, -2.5, 0, None, "")] == [-2, -2.5, 0, None, ""]
    import pandas as pd

    tabel = csv_tabel(pd.DataFrame({"naam": ["-1", "ok"], "getal": [-1, 2], "=kolom": [1.5, -0.5]}))
    assert tabel.to_csv(index=False).splitlines() == ["naam,getal,'=kolom", "'-1,-1,1.5", "ok,2,-0.5"]


def test_formules_in_namen_worden_tekst_in_analyse_csv(tmp_path):
    """De ene analyseschrijver: ook wijknamen uit eigen data en initiatiefnamen."""
    import geopandas as gpd
    from shapely.geometry import box

    from omgevingsvisie.analyse.uitvoer import Analyse, schrijf_analyse

    wijken = gpd.GeoDataFrame({"naam": ["=cmd|' /C calc'!A0", "Lariks"], "omrijfactor": [-1.0, 1.2]},
                              geometry=[box(0, 0, 1, 1), box(1, 1, 2, 2)], crs="EPSG:28992")
    paden = schrijf_analyse(Analyse("barrieres", {}, {"wijken": wijken}), tmp_path / "uit")
    assert _bestanden(tmp_path / "uit") == {"barrieres_wijken.csv", "barrieres.gpkg"} == {p.name for p in paden}
    assert (tmp_path / "uit" / "barrieres_wijken.csv").read_text(encoding="utf-8").splitlines() == [
        "naam,omrijfactor", "'=cmd|' /C calc'!A0,-1.0", "Lariks,1.2"]


# --------------------------------------------------------------------------- escaping: terminal en Markdown

ANSI = "\x1b[2J\x1b[31mRood\x1b]0;titel\x07"


def test_ansi_in_een_naam_bereikt_terminal_en_markdown_niet(runner, tmp_path):
    uit = tmp_path / "uit"
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, ANSI, "Gewoon\u202eplan")),
                                     "--uitvoer", str(uit), "--formaat", "md,json"])
    assert resultaat.exit_code == 0, resultaat.output
    assert "\x1b" not in resultaat.output and "\x07" not in resultaat.output and "\u202e" not in resultaat.output
    assert "\\x1b[2J\\x1b[31mRood\\x1b]0;titel\\x07: aandachtspunten" in resultaat.stdout
    assert "Gewoon\\u202eplan: aandachtspunten" in resultaat.stdout
    markdown = [p.read_text(encoding="utf-8") for p in uit.glob("*.md")]
    assert len(markdown) == 2 and not any("\x1b" in t or "\u202e" in t for t in markdown)
    assert any("\\\\x1b\\[2J" in t for t in markdown)  # zichtbaar én Markdown-veilig (\ en [ ge-escaped)
    assert json.loads((uit / "2j-31mrood-0-titel.json").read_text(encoding="utf-8"))["initiatief"]["naam"] == ANSI
    assert _bestanden(uit) == {"2j-31mrood-0-titel.json", "2j-31mrood-0-titel.md", "gewoonplan.json",
                               "gewoonplan.md", "samenvatting.csv", "samenvatting.gpkg"}


def test_ansi_in_een_foutmelding_wordt_zichtbaar(runner, tmp_path):
    """Ook de Nederlandse foutmelding (die de naam noemt) bestuurt de terminal niet."""
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, ANSI, ANSI)), "--uitvoer",
                                     str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "\x1b" not in fout and "dezelfde naam" in fout and "\\x1b[2J" in fout
    assert _bestanden(tmp_path / "uit") == set()


def test_namen_worden_nfc_voor_dubbele_namen(runner, tmp_path):
    """"Café" samengesteld (NFC) en als e + combinerend accent (NFD) is dezelfde naam."""
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, "Caf\u00e9 Plein", "Cafe\u0301 Plein")),
                                     "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "dezelfde naam als feature 0" in fout
    assert _bestanden(tmp_path / "uit") == set()


# --------------------------------------------------------------------------- QGIS-bronnen

LASTIGE_NAMEN = ["mijn export.gpkg", "a|b.gpkg", "'t Hoekje.gpkg", 'zeg "hoi".gpkg', "Ærø Noordẞ €.gpkg",
                 "50%|x.gpkg", "a | subset.gpkg"]


def _projectlaag():
    """Een projectlaag met een filter met een ``'`` (bron_uri kijkt alleen naar de tabelnaam)."""
    from types import SimpleNamespace

    from omgevingsvisie.export.project import ProjectLaag

    return ProjectLaag("id", "Visiekaart", SimpleNamespace(tabel="visiekaart_2040_vlak"),
                       subset="\"principe\" = 'Groene stad van ''t Noorden'")


@pytest.mark.parametrize("naam", LASTIGE_NAMEN)
def test_qgis_bron_met_lastige_bestandsnaam(naam):
    from omgevingsvisie.export.project import bron_uri

    assert bron_uri(naam, _projectlaag()) == (
        f"./{naam}|layername=visiekaart_2040_vlak|subset=\"principe\" = 'Groene stad van ''t Noorden'")


@pytest.mark.parametrize("naam", ["a|layername=x.gpkg", "a|SUBSET=1.gpkg", "a|option:LIST_ALL_TABLES=YES.gpkg"])
def test_qgis_bron_die_qgis_anders_leest_wordt_geweigerd(runner, tmp_path, naam):
    uit = tmp_path / naam
    resultaat = runner.invoke(main, ["export", "gpkg", "--uitvoer", str(uit)])
    fout = _nette_fout(resultaat)
    assert "kan niet in het QGIS-project" in fout
    assert _bestanden(tmp_path) == set()


QGIS_DECODE = """
import json, sys
from qgis.core import QgsApplication, QgsProviderRegistry
app = QgsApplication([], False); app.initQgis()
print(json.dumps([dict(QgsProviderRegistry.instance().decodeUri("ogr", u)) for u in json.loads(sys.argv[1])]))
"""


@pytest.mark.qgis
def test_qgis_leest_de_bronnen_terug_zoals_bedoeld():
    """Echte QGIS (``decodeUri``): pad, laag en filter komen ongeschonden terug."""
    from omgevingsvisie.export.project import bron_uri

    bronnen = [bron_uri(n, _projectlaag()) for n in LASTIGE_NAMEN]
    proces = subprocess.run(["/usr/bin/python3", "-c", QGIS_DECODE, json.dumps(bronnen)], capture_output=True,
                            text=True, timeout=LIMIET_S, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proces.returncode == 0, proces.stderr
    gelezen = json.loads(proces.stdout.strip().splitlines()[-1])
    assert [(g["path"], g["layerName"], g["subset"]) for g in gelezen] == [
        (f"./{n}", "visiekaart_2040_vlak", "\"principe\" = 'Groene stad van ''t Noorden'") for n in LASTIGE_NAMEN]


# --------------------------------------------------------------------------- invoer die niet te lezen is

def test_ongeldige_utf8_in_invoer_noemt_feature_en_veld(runner, tmp_path):
    pad = _plannen(tmp_path, "Goed", "Havenkade")
    pad.write_bytes(pad.read_bytes().replace(b"Havenkade", b"Haven\xffkade"))
    resultaat = runner.invoke(main, ["toets", str(pad), "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "geen geldige UTF-8" in fout and "feature 1, veld 'naam': byte 0xff op positie 5" in fout
    assert _bestanden(tmp_path) == {"plannen.geojson"}


def test_ongeldige_utf8_in_een_laag(runner, tmp_path):
    pad = tmp_path / "groenstructuur.geojson"
    pad.write_bytes(b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"Bos\xe9"},'
                    b'"geometry":{"type":"Point","coordinates":[6.56,53.0]}}]}')
    resultaat = runner.invoke(main, ["lagen", "valideer", str(pad)])
    fout = _nette_fout(resultaat)
    assert "feature 0, veld 'naam'" in fout and "UTF-8" in fout
    assert _bestanden(tmp_path) == {"groenstructuur.geojson"}


def test_niet_gesloten_ring_noemt_het_feature(runner, tmp_path):
    pad = _plannen(tmp_path, "Eerste", "Open ring")
    alles = json.loads(pad.read_text(encoding="utf-8"))
    ring = alles["features"][1]["geometry"]["coordinates"][0]
    alles["features"][1]["geometry"]["coordinates"][0] = ring[:-1]
    pad.write_text(json.dumps(alles), encoding="utf-8")
    resultaat = runner.invoke(main, ["toets", str(pad), "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "feature 1, veld 'geometry': een ring is niet gesloten" in fout and "Warning" not in resultaat.output
    assert _bestanden(tmp_path) == {"plannen.geojson"}


def test_gdal_engels_staat_in_een_nederlandse_zin(runner, tmp_path):
    pad = tmp_path / "kapot.gpkg"
    pad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    resultaat = runner.invoke(main, ["toets", str(pad), "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "is geen leesbaar GIS-bestand (GeoPackage, Shapefile, GeoJSON) (GDAL: " in fout
    assert _bestanden(tmp_path) == {"kapot.gpkg"}


def test_gdal_engels_bij_een_raster(tmp_path):
    from omgevingsvisie import InvoerFout
    from omgevingsvisie.io import open_raster

    pad = tmp_path / "kapot.tif"
    pad.write_bytes(b"II*\x00" + b"\x00" * 50)
    with pytest.raises(InvoerFout, match=r"is geen leesbaar raster \(GDAL: .+\)$"):
        open_raster(pad)


def test_apparaat_als_invoer_wordt_geweigerd(runner, tmp_path):
    resultaat = runner.invoke(main, ["toets", os.devnull, "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert "is een apparaat, geen gewoon bestand" in fout
    assert _bestanden(tmp_path) == set()


@pytest.fixture
def fifo(tmp_path):
    pad = tmp_path / "pijp.geojson"
    os.mkfifo(pad)
    return pad


def test_fifo_als_invoer_wordt_meteen_geweigerd(fifo, tmp_path):
    """In een subproces met tijdslimiet: de oude code bleef eeuwig wachten op een schrijver."""
    begin = time.monotonic()
    proces = _cli("toets", str(fifo), "--uitvoer", str(tmp_path / "uit"))
    assert proces.returncode == 2, proces.stderr
    assert "is een FIFO (named pipe), geen gewoon bestand" in proces.stderr and "Traceback" not in proces.stderr
    assert time.monotonic() - begin < LIMIET_S
    assert _bestanden(tmp_path) == {"pijp.geojson"}


@pytest.fixture
def bewaakte_fifo(fifo):
    """Een FIFO met een bewaker: blijft iemand er lezend op wachten, dan sluit de bewaker na 5 s
    de schrijfkant (de lezer krijgt 'leeg'), zodat een hang de test laat falen en niet blokkeert."""
    stop = threading.Event()
    ontgrendeld = []

    def bewaak() -> None:
        eind = time.monotonic() + 5
        while not stop.is_set():
            if time.monotonic() > eind:
                try:
                    os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                    ontgrendeld.append(True)
                except OSError:  # ENXIO: er wacht geen lezer
                    pass
            stop.wait(0.05)

    draad = threading.Thread(target=bewaak, daemon=True)
    draad.start()
    yield fifo
    stop.set()
    draad.join()
    assert not ontgrendeld, "iets bleef op de FIFO wachten"


@pytest.mark.parametrize("opdracht", [
    ["lagen", "valideer", "{fifo}", "--als", "groenstructuur"],
    ["toets", "{plan}", "--uitvoer", "{uit}", "--parameters", "{fifo}"],
    ["--lagen", "{fifo}", "lagen"],
], ids=["lagen-valideer", "parameters", "laagconfiguratie"])
def test_fifo_elders_wordt_meteen_geweigerd(runner, bewaakte_fifo, tmp_path, opdracht):
    plan = _plannen(tmp_path, "Plan")
    argumenten = [a.format(fifo=bewaakte_fifo, plan=plan, uit=tmp_path / "uit") for a in opdracht]
    fout = _nette_fout(runner.invoke(main, argumenten))
    assert "is een FIFO (named pipe), geen gewoon bestand" in fout
    assert _bestanden(tmp_path) == {"pijp.geojson", "plannen.geojson"}


def test_fifo_als_raster_wordt_meteen_geweigerd(bewaakte_fifo):
    from omgevingsvisie import InvoerFout
    from omgevingsvisie.io import open_raster

    with pytest.raises(InvoerFout, match="is een FIFO"):
        open_raster(bewaakte_fifo, wat="Landgebruiksraster")


# --------------------------------------------------------------------------- uitvoer die niet te schrijven is

def _weiger_schrijven(monkeypatch, map_: Path, fout: int) -> None:
    """Maak ``map_`` onbeschrijfbaar: echt (chmod) als gewone gebruiker, anders elk aanmaken geweigerd."""
    if os.geteuid() != 0 and fout == errno.EACCES:
        map_.chmod(0o555)
        return
    grens = str(map_.resolve())
    tekst = os.strerror(fout)

    def binnen(pad) -> bool:
        try:
            return os.path.abspath(os.fsdecode(pad)).startswith(grens)
        except TypeError:  # een bestandsdescriptor
            return False

    echte_open, echte_os_open = io.open, os.open
    echte_mkdir, echte_replace, echte_rename = os.mkdir, os.replace, os.rename

    def nep_open(pad, modus="r", *args, **kwargs):
        if binnen(pad) and any(t in modus for t in "wax+"):
            raise OSError(fout, tekst, os.fsdecode(pad))
        return echte_open(pad, modus, *args, **kwargs)

    def nep_os_open(pad, vlaggen, *args, **kwargs):
        if binnen(pad) and vlaggen & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(fout, tekst, os.fsdecode(pad))
        return echte_os_open(pad, vlaggen, *args, **kwargs)

    def weiger(echt):
        def nep(pad, *args, **kwargs):
            doelen = [pad, *args[:1]] if echt is not echte_mkdir else [pad]
            if any(binnen(d) for d in doelen):
                raise OSError(fout, tekst, os.fsdecode(pad))
            return echt(pad, *args, **kwargs)
        return nep

    monkeypatch.setattr(io, "open", nep_open)
    monkeypatch.setattr("builtins.open", nep_open)
    monkeypatch.setattr(os, "open", nep_os_open)
    monkeypatch.setattr(os, "mkdir", weiger(echte_mkdir))
    monkeypatch.setattr(os, "replace", weiger(echte_replace))
    monkeypatch.setattr(os, "rename", weiger(echte_rename))


@pytest.mark.parametrize("fout, melding", [(errno.EACCES, "geen toegang (onvoldoende rechten)"),
                                           (errno.ENOSPC, "de schijf is vol"),
                                           (errno.EROFS, "het bestandssysteem is alleen-lezen")],
                         ids=["alleen-lezen-map", "schijf-vol", "alleen-lezen-bestandssysteem"])
def test_onbeschrijfbare_uitvoer_geeft_een_nederlandse_fout(runner, monkeypatch, tmp_path, fout, melding):
    plan = _plannen(tmp_path, "Plan")
    uit = tmp_path / "uit"
    uit.mkdir()
    _weiger_schrijven(monkeypatch, uit, fout)
    resultaat = runner.invoke(main, ["toets", str(plan), "--uitvoer", str(uit), "--formaat", "json"])
    monkeypatch.undo()
    uit.chmod(0o755)
    fout_tekst = _nette_fout(resultaat)
    assert fout_tekst.startswith(f"Fout: {uit}") and melding in fout_tekst and len(fout_tekst.splitlines()) == 1
    assert _bestanden(uit) == set()


def test_hangende_symlink_als_uitvoer(runner, tmp_path):
    koppeling = tmp_path / "uit"
    koppeling.symlink_to(tmp_path / "bestaat-niet")
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, "Plan")), "--uitvoer", str(koppeling)])
    fout = _nette_fout(resultaat)
    assert fout.startswith("Fout: ") and str(koppeling) in fout and "koppeling" in fout
    assert _bestanden(tmp_path) == {"uit", "plannen.geojson"} and not (tmp_path / "bestaat-niet").exists()


def test_rapportdoel_dat_een_map_is(runner, tmp_path):
    uit = tmp_path / "uit"
    (uit / "plan.json").mkdir(parents=True)
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, "Plan")), "--uitvoer", str(uit),
                                     "--formaat", "json", "--overschrijf"])
    fout = _nette_fout(resultaat)
    assert fout.startswith("Fout: ") and str(uit / "plan.json") in fout and " map" in fout
    assert _bestanden(uit) == {"plan.json"} and (uit / "plan.json").is_dir()


# --------------------------------------------------------------------------- wat overblijft: centraal

def test_geos_fout_midden_in_de_toets(runner, monkeypatch, tmp_path):
    from shapely.errors import GEOSException

    def kapot(*args, **kwargs):
        raise GEOSException("TopologyException: side location conflict at 233900 556800")

    monkeypatch.setattr("omgevingsvisie.toets.toets", kapot)
    resultaat = runner.invoke(main, ["toets", str(_plannen(tmp_path, "Plan")), "--uitvoer", str(tmp_path / "uit")])
    fout = _nette_fout(resultaat)
    assert fout == ("Fout: de invoer kan niet worden verwerkt (GEOS: TopologyException: side location "
                    "conflict at 233900 556800).\n")
    assert _bestanden(tmp_path) == {"plannen.geojson"}


INTERNE_FOUT = """
import sys
import omgevingsvisie.toets
def kapot(*args, **kwargs):
    raise KeyError("\\x1b[2Jgeheim")
omgevingsvisie.toets.toets = kapot
from omgevingsvisie.cli import main
main(sys.argv[1:], prog_name="omgevingsvisie")
"""


def test_interne_fout_is_een_regel_zonder_traceback(tmp_path):
    plan = _plannen(tmp_path, "Plan")
    argumenten = [sys.executable, "-c", INTERNE_FOUT, "toets", str(plan), "--uitvoer", str(tmp_path / "uit")]
    omgeving = {k: v for k, v in os.environ.items() if k != "OMGEVINGSVISIE_DEBUG"}
    proces = subprocess.run(argumenten, capture_output=True, text=True, timeout=LIMIET_S, env=omgeving)
    assert proces.returncode == 1
    regels = proces.stderr.strip().splitlines()
    assert len(regels) == 1 and regels[0].startswith("Interne fout: KeyError: '\\x1b[2Jgeheim'. Meld dit bij ")
    assert "OMGEVINGSVISIE_DEBUG=1" in regels[0] and "Traceback" not in proces.stderr
    assert _bestanden(tmp_path) == {"plannen.geojson"}

    debug = subprocess.run(argumenten, capture_output=True, text=True, timeout=LIMIET_S,
                           env={**omgeving, "OMGEVINGSVISIE_DEBUG": "1"})
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "KeyError" in debug.stderr
