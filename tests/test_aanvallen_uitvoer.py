"""Aanvallen op de uitvoer (issue 16, deel 1): een run is één transactie.

Elke test controleert de exitcode, de melding en de exacte verzameling bestanden die daarna in
de uitvoermap staat (ook verborgen bestanden: geen slot, geen tijdelijke map). De aanvallen:

- een plan dat "Toetskaart" of "Samenvatting" heet (met en zonder ``--overschrijf``);
- een invoerbestand in ``--uitvoer`` onder de naam van een doel, met ``--overschrijf``
  (initiatieven, ``--lagen``-laag, ``--landgebruik``);
- twee runs tegelijk in dezelfde map (een vastgehouden slot, en twee echte processen);
- een bestand dat buiten de toolkit om verschijnt tussen controle en neerzetten;
- SIGINT en SIGTERM midden in een run (een echt proces met veel plannen);
- een schrijver die halverwege faalt (schijf vol);
- rapportnamen bij omgekeerde volgorde van de features.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from omgevingsvisie import lagen
from omgevingsvisie.cli import main

fcntl = pytest.importorskip("fcntl")

VOORBEELDEN = Path(__file__).resolve().parents[1] / "voorbeelden" / "initiatieven.geojson"
SLOT = ".omgevingsvisie.lock"


def _features() -> list[dict]:
    return json.loads(VOORBEELDEN.read_text(encoding="utf-8"))["features"]


def _plannen(pad: Path, namen: list[str], *, verschuif_m: float = 0.0) -> Path:
    """Een GeoJSON met één plan per naam (programma's uit de voorbeelden, elk iets verschoven)."""
    voorbeelden = _features()
    features = []
    for i, naam in enumerate(namen):
        f = copy.deepcopy(voorbeelden[i % len(voorbeelden)])
        f["properties"]["naam"] = naam
        dx = verschuif_m * i

        def schuif(c):
            return [c[0] + dx * 1e-5, c[1]] if isinstance(c[0], (int, float)) else [schuif(d) for d in c]

        f["geometry"]["coordinates"] = schuif(f["geometry"]["coordinates"])
        features.append(f)
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return pad


def _inhoud(map_: Path) -> dict[str, bytes]:
    """Alle bestanden onder ``map_`` (ook verborgen, ook in submappen) met hun inhoud."""
    if not map_.exists():
        return {}
    return {str(p.relative_to(map_)): (p.read_bytes() if p.is_file() else b"<map>") for p in sorted(map_.rglob("*"))}


def _toets(runner, *args: str):
    return runner.invoke(main, ["toets", *map(str, args)])


# ------------------------------------------------------------------ gereserveerde namen


def test_plan_toetskaart_botst_niet_met_de_toetskaart(runner, tmp_path):
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Toetskaart"]), tmp_path / "uit"
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--kaart")
    assert resultaat.exit_code == 0, resultaat.output
    assert set(_inhoud(uit)) == {"initiatief-toetskaart.json", "initiatief-toetskaart.html",
                                 "initiatief-toetskaart.md", "toetskaart.html"}
    assert "4 bestanden geschreven" in resultaat.output
    assert "leaflet" in (uit / "toetskaart.html").read_text(encoding="utf-8").lower()
    rapport = json.loads((uit / "initiatief-toetskaart.json").read_text(encoding="utf-8"))
    assert rapport["initiatief"]["naam"] == "Toetskaart"


def test_plan_toetskaart_met_overschrijf_vervangt_de_kaart_niet_door_het_rapport(runner, tmp_path):
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Toetskaart"]), tmp_path / "uit"
    uit.mkdir()
    (uit / "toetskaart.html").write_text("oude kaart", encoding="utf-8")
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--kaart", "--overschrijf")
    assert resultaat.exit_code == 0, resultaat.output
    assert set(_inhoud(uit)) == {"initiatief-toetskaart.json", "initiatief-toetskaart.html",
                                 "initiatief-toetskaart.md", "toetskaart.html"}
    kaart = (uit / "toetskaart.html").read_text(encoding="utf-8")
    assert "leaflet" in kaart.lower() and "oude kaart" not in kaart
    assert "<svg" in (uit / "initiatief-toetskaart.html").read_text(encoding="utf-8")


def test_plan_samenvatting_botst_niet_met_de_samenvatting(runner, tmp_path):
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Samenvatting", "Havenkade"]), tmp_path / "uit"
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--formaat", "json")
    assert resultaat.exit_code == 0, resultaat.output
    assert set(_inhoud(uit)) == {"initiatief-samenvatting.json", "havenkade.json", "samenvatting.csv",
                                 "samenvatting.gpkg"}
    # zonder --overschrijf: geweigerd vóór er iets verandert
    voor = _inhoud(uit)
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--formaat", "json")
    assert resultaat.exit_code == 2
    assert "Fout: Uitvoer bestaat al; gebruik --overschrijf" in resultaat.output
    assert _inhoud(uit) == voor


def test_weigering_zonder_overschrijf_komt_voordat_er_iets_staat(runner, tmp_path):
    """Ook met een gereserveerde naam in de mix: eerst alle doelen, dan pas rekenen en schrijven."""
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Havenkade", "Toetskaart"]), tmp_path / "uit"
    uit.mkdir()
    (uit / "toetskaart.html").write_text("oude kaart", encoding="utf-8")
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--kaart")
    assert resultaat.exit_code == 2
    assert "Fout: Uitvoer bestaat al" in resultaat.output and "toetskaart.html" in resultaat.output
    assert _inhoud(uit) == {"toetskaart.html": b"oude kaart"}


# ------------------------------------------------------------------ invoer is nooit een doel


def test_invoer_in_uitvoer_onder_de_naam_van_een_rapport(runner, tmp_path):
    uit = tmp_path / "uit"
    uit.mkdir()
    invoer = _plannen(uit / "park.json", ["Park"])
    voor = _inhoud(uit)
    resultaat = _toets(runner, invoer, "--uitvoer", uit, "--overschrijf")
    assert resultaat.exit_code == 2
    assert "Invoer wordt nooit overschreven, ook niet met --overschrijf" in resultaat.output
    assert "park.json is ook invoer" in resultaat.output
    assert _inhoud(uit) == voor


def test_laag_uit_lagen_configuratie_is_nooit_een_doel(runner, tmp_path):
    uit = tmp_path / "uit"
    uit.mkdir()
    lagen.laad_laag("wijken").to_file(uit / "wijken.geojson", driver="GeoJSON")
    configuratie = tmp_path / "lagen.toml"
    configuratie.write_text(f'[lagen]\nwijken = "{(uit / "wijken.geojson").as_posix()}"\n', encoding="utf-8")
    voor = _inhoud(uit)
    resultaat = runner.invoke(main, ["--lagen", str(configuratie), "export", "geojson", "--laag", "wijken",
                                     "--uitvoer", str(uit / "wijken.geojson"), "--overschrijf"])
    assert resultaat.exit_code == 2
    assert "wijken.geojson is ook invoer" in resultaat.output
    assert _inhoud(uit) == voor


def test_configuratie_zelf_is_nooit_een_doel(runner, tmp_path):
    uit = tmp_path / "uit"
    uit.mkdir()
    lagen.laad_laag("wijken").to_file(tmp_path / "wijken.geojson", driver="GeoJSON")
    configuratie = uit / "kaart.html"  # TOML onder de naam van het doel
    configuratie.write_text(f'[lagen]\nwijken = "{(tmp_path / "wijken.geojson").as_posix()}"\n', encoding="utf-8")
    voor = _inhoud(uit)
    resultaat = runner.invoke(main, ["--lagen", str(configuratie), "kaart", "visiekaart",
                                     "--uitvoer", str(configuratie), "--overschrijf"])
    assert resultaat.exit_code == 2
    assert "kaart.html is ook invoer" in resultaat.output
    assert _inhoud(uit) == voor


def test_landgebruik_van_vorige_analyse_is_nooit_een_doel(runner, tmp_path):
    """De vorige uitvoer als invoer: ``--landgebruik uit/landgebruik.tif --uitvoer uit --overschrijf``."""
    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / "landgebruik.tif").write_bytes(b"vorige run")
    resultaat = runner.invoke(main, ["analyse", "hitte", "--uitvoer", str(uit), "--overschrijf",
                                     "--landgebruik", str(uit / "landgebruik.tif")])
    assert resultaat.exit_code == 2
    assert "landgebruik.tif is ook invoer" in resultaat.output
    assert _inhoud(uit) == {"landgebruik.tif": b"vorige run"}


def test_een_map_op_de_plaats_van_een_rapport(runner, tmp_path):
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Park"]), tmp_path / "uit"
    (uit / "park.json").mkdir(parents=True)
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--overschrijf")
    assert resultaat.exit_code == 2
    assert "Op de plaats van een uitvoerbestand staat een map" in resultaat.output
    assert _inhoud(uit) == {"park.json": b"<map>"}


# ------------------------------------------------------------------ twee runs tegelijk


def test_tweede_run_weigert_als_het_slot_vastgehouden_wordt(runner, tmp_path):
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Park"]), tmp_path / "uit"
    uit.mkdir()
    with open(uit / SLOT, "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX | fcntl.LOCK_NB)
        resultaat = _toets(runner, plan, "--uitvoer", uit)
        assert _inhoud(uit) == {SLOT: b""}
    assert resultaat.exit_code == 2
    assert f"Fout: In {uit} loopt al een andere run van omgevingsvisie" in resultaat.output
    # een achtergebleven, niet vergrendeld slot (na een harde kill) houdt de volgende run niet tegen
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--formaat", "json")
    assert resultaat.exit_code == 0, resultaat.output
    assert set(_inhoud(uit)) == {"park.json"}


def _proces(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "omgevingsvisie", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUTF8": "1"})


def _wacht_tot(voorwaarde, proces: subprocess.Popen, *, tijd_s: float = 60.0) -> None:
    einde = time.monotonic() + tijd_s
    while not voorwaarde():
        if proces.poll() is not None or time.monotonic() > einde:
            proces.kill()
            uitvoer, fout = proces.communicate()
            pytest.fail(f"De run was klaar of te traag voordat het moment kwam:\n{uitvoer[-300:]}\n{fout[-300:]}")
        time.sleep(0.005)


AANTAL_TRAAG = 250
"""Zoveel plannen dat een run een paar seconden duurt (tijd om hem te onderbreken)."""


def _veel_plannen(tmp_path: Path) -> tuple[Path, set[str]]:
    namen = [f"Plan {i:04d}" for i in range(AANTAL_TRAAG)]
    verwacht = {f"plan-{i:04d}.{f}" for i in range(AANTAL_TRAAG) for f in ("json", "md")}
    return _plannen(tmp_path / "veel.geojson", namen), verwacht | {"samenvatting.csv", "samenvatting.gpkg"}


@pytest.mark.traag
def test_twee_processen_in_dezelfde_map_mengen_niet(tmp_path):
    plannen, verwacht = _veel_plannen(tmp_path)
    klein = _plannen(tmp_path / "klein.geojson", ["Plan 0001", "Ander plan"])
    uit = tmp_path / "uit"
    eerste = _proces("toets", str(plannen), "--uitvoer", str(uit), "--formaat", "json,md", cwd=tmp_path)
    _wacht_tot(lambda: (uit / SLOT).exists(), eerste)
    tweede = _proces("toets", str(klein), "--uitvoer", str(uit), "--formaat", "json,md", "--overschrijf", cwd=tmp_path)
    _, fout = tweede.communicate(timeout=120)
    assert tweede.returncode == 2
    assert "loopt al een andere run van omgevingsvisie" in fout
    uitvoer, fout = eerste.communicate(timeout=300)
    assert eerste.returncode == 0, fout
    assert set(_inhoud(uit)) == verwacht


def test_bestand_dat_tussen_controle_en_neerzetten_verschijnt(runner, tmp_path, monkeypatch):
    """Het gat tussen controle en rename: vlak voor het neerzetten wordt opnieuw gecontroleerd."""
    from omgevingsvisie.rapport import schrijven

    plan, uit = _plannen(tmp_path / "plan.geojson", ["Aap", "Noot"]), tmp_path / "uit"
    echt = schrijven._maak_rapporten

    def en_intussen(resultaat, *args, **kwargs):
        if resultaat.initiatief["naam"] == "Noot":
            (uit / "noot.json").write_text("van een ander", encoding="utf-8")
        return echt(resultaat, *args, **kwargs)

    monkeypatch.setattr(schrijven, "_maak_rapporten", en_intussen)
    resultaat = _toets(runner, plan, "--uitvoer", uit, "--formaat", "json,md")
    assert resultaat.exit_code == 2
    assert "Fout: Uitvoer bestaat al" in resultaat.output and "noot.json" in resultaat.output
    assert _inhoud(uit) == {"noot.json": "van een ander".encode()}


# ------------------------------------------------------------------ onderbreken en falen


def _vorige_toestand(uit: Path) -> dict[str, bytes]:
    uit.mkdir()
    (uit / "plan-0001.json").write_text("vorige run", encoding="utf-8")
    (uit / "notities.txt").write_text("van de gebruiker", encoding="utf-8")
    return _inhoud(uit)


@pytest.mark.traag
@pytest.mark.parametrize("signaal, exitcode, moment", [
    (signal.SIGINT, 130, "schrijven"),
    (signal.SIGTERM, 143, "rekenen"),
])
def test_signaal_midden_in_een_run_laat_oud_of_compleet_nieuw(tmp_path, signaal, exitcode, moment):
    plannen, verwacht = _veel_plannen(tmp_path)
    uit = tmp_path / "uit"
    voor = _vorige_toestand(uit)
    proces = _proces("toets", str(plannen), "--uitvoer", str(uit), "--formaat", "json,md", "--overschrijf",
                     cwd=tmp_path)

    def tijdelijk_gevuld() -> bool:  # nieuw: de tijdelijke map van de run; oud: rapporten direct in uit/
        try:
            return any(p.name.startswith(".omgevingsvisie-run-") and any(p.iterdir()) for p in uit.iterdir()
                       if p.is_dir()) or len(list(uit.glob("*.md"))) > 0
        except FileNotFoundError:  # de tijdelijke map verdween net
            return False

    if moment == "schrijven":
        _wacht_tot(tijdelijk_gevuld, proces)
    else:
        _wacht_tot(lambda: (uit / SLOT).exists(), proces)
        time.sleep(1.0)
    proces.send_signal(signaal)
    _, fout = proces.communicate(timeout=120)
    assert proces.returncode == exitcode, fout
    na = _inhoud(uit)
    if "al compleet" in fout:  # het signaal kwam tijdens het neerzetten: dat is afgemaakt
        assert set(na) == verwacht | {"notities.txt"}
    else:
        assert f"er is niets veranderd in {uit}" in fout
        assert na == voor
    assert fout.strip().splitlines()[-1].startswith("Afgebroken (")
    assert "Traceback" not in fout


def test_fout_halverwege_laat_de_vorige_toestand(runner, tmp_path, monkeypatch):
    from omgevingsvisie.rapport import schrijven

    uit = tmp_path / "uit"
    eerst = _plannen(tmp_path / "eerst.geojson", ["Aap", "Noot"])
    assert _toets(runner, eerst, "--uitvoer", uit, "--formaat", "json,md").exit_code == 0
    voor = _inhoud(uit)
    assert set(voor) == {"aap.json", "aap.md", "noot.json", "noot.md", "samenvatting.csv", "samenvatting.gpkg"}

    def schijf_vol(gdf, pad):
        Path(pad).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device", str(pad))

    monkeypatch.setattr(schrijven, "_schrijf_gpkg", schijf_vol)
    daarna = _plannen(tmp_path / "daarna.geojson", ["Aap", "Noot"], verschuif_m=50)
    resultaat = _toets(runner, daarna, "--uitvoer", uit, "--formaat", "json,md", "--overschrijf")
    assert resultaat.exit_code == 2, resultaat.output
    assert "Fout:" in resultaat.output and "de schijf is vol" in resultaat.output
    assert _inhoud(uit) == voor


def test_fout_in_een_nieuwe_map_laat_geen_map_achter(runner, tmp_path, monkeypatch):
    from omgevingsvisie.rapport import schrijven

    def kapot(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(schrijven, "_maak_rapporten", kapot)
    plan, uit = _plannen(tmp_path / "plan.geojson", ["Aap"]), tmp_path / "nieuw" / "uit"
    resultaat = _toets(runner, plan, "--uitvoer", uit)
    assert resultaat.exit_code == 2 and "de schijf is vol" in resultaat.output
    assert not (tmp_path / "nieuw").exists()


# ------------------------------------------------------------------ stabiele namen


def test_rapportnamen_hangen_niet_af_van_de_volgorde(runner, tmp_path):
    # verschillende namen met dezelfde slug (dubbele namen weigert de invoercontrole al)
    namen = ["Park?", "Park!", "Park 2", "Toetskaart", "Samenvatting", "Café", "cafe"]
    heen = _plannen(tmp_path / "heen.geojson", namen, verschuif_m=40)
    features = json.loads(heen.read_text(encoding="utf-8"))["features"]
    terug = tmp_path / "terug.geojson"
    terug.write_text(json.dumps({"type": "FeatureCollection", "features": features[::-1]}), encoding="utf-8")

    def rapporten(invoer: Path, uit: Path) -> dict[str, tuple]:
        resultaat = _toets(runner, invoer, "--uitvoer", uit, "--formaat", "json")
        assert resultaat.exit_code == 0, resultaat.output
        uitkomst = {}
        for pad in sorted(uit.glob("*.json")):
            rapport = json.loads(pad.read_text(encoding="utf-8"))
            uitkomst[pad.name] = (rapport["initiatief"]["naam"], rapport["initiatief"]["oppervlakte_m2"],
                                  json.dumps(rapport["initiatief"].get("geometrie"), sort_keys=True))
        return uitkomst

    a, b = rapporten(heen, tmp_path / "a"), rapporten(terug, tmp_path / "b")
    assert a == b
    assert set(a) == {"park.json", "park-2.json", "park-3.json", "initiatief-toetskaart.json",
                      "initiatief-samenvatting.json", "cafe.json", "cafe-2.json"}
    # "Park 2" houdt zijn slug; van de twee "park" komt "Park!" eerst ("!" < "?")
    assert [a[n][0] for n in ("park.json", "park-2.json", "park-3.json")] == ["Park!", "Park 2", "Park?"]
    assert a["cafe.json"][0] == "Café"  # gesorteerd op naam: "Café" < "cafe"


# ------------------------------------------------------------------ de bibliotheek


def test_schrijvers_doen_mee_met_de_lopende_run(tmp_path):
    from omgevingsvisie.io import schrijf_tekst
    from omgevingsvisie.io.run import run

    uit = tmp_path / "uit"
    with pytest.raises(RuntimeError, match="halverwege"):
        with run(uit, overschrijf=False) as r:
            schrijf_tekst(uit / "a.txt", "a", overschrijf=False)
            assert not (uit / "a.txt").exists()  # pas na de run op zijn plaats
            assert r.doelen == [uit.absolute() / "a.txt"]
            raise RuntimeError("halverwege")
    assert not uit.exists()
    with run(uit, overschrijf=False):
        schrijf_tekst(uit / "a.txt", "a", overschrijf=False)
        schrijf_tekst(uit / "b.txt", "b", overschrijf=False)
    assert _inhoud(uit) == {"a.txt": b"a", "b.txt": b"b"}


def test_zelfde_doel_twee_keer_is_een_interne_fout(tmp_path):
    from omgevingsvisie.io.run import run

    with pytest.raises(RuntimeError, match="twee keer"):
        with run(tmp_path, overschrijf=True) as r:
            r.pad(tmp_path / "a.txt").write_text("1")
            r.pad(tmp_path / "a.txt").write_text("2")
    assert _inhoud(tmp_path) == {}


def test_gereserveerd_maar_niet_geschreven_is_een_interne_fout(tmp_path):
    from omgevingsvisie.io.run import run

    with pytest.raises(RuntimeError, match="niet geschreven: b.txt"):
        with run(tmp_path, overschrijf=False) as r:
            r.reserveer([tmp_path / "b.txt"])
            r.pad(tmp_path / "a.txt").write_text("1")
    assert _inhoud(tmp_path) == {}
