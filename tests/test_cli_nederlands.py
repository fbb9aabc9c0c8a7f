"""De CLI spreekt overal Nederlands: hulp, gebruiksfouten, click's eigen teksten en een koude start.

De tests lopen álle commando's van ``omgevingsvisie`` af (recursief), zodat een nieuw commando
vanzelf meedoet.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from omgevingsvisie.cli import main
from omgevingsvisie.cli import nederlands
from omgevingsvisie.cli.basis import Commando, Groep
from omgevingsvisie.cli.opties import optie

ENGELSE_WOORDEN = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Positional|Show|Error|Missing|Invalid|Try|No such|Got|"
    r"default|required|dynamic|Did you mean|does not|is not|exit)\b"
)
ENGELSE_METAVARS = re.compile(r"\b(TEXT|INTEGER|FLOAT|PATH|FILE|FILENAME|DIRECTORY|CHOICE|BOOLEAN|RANGE|"
                              r"OPTIONS|COMMAND|ARGS|DATETIME)\b")
ENGELS_GETAL = re.compile(r"\[standaard: [^\]]*\d\.\d")
ZWARE_MODULES = ("geopandas", "folium", "rasterio", "scipy", "pandas", "shapely", "pyogrio", "tomllib")


def alle_commandos(groep: click.Group = main, pad: tuple[str, ...] = ()):
    """(pad, commando) voor de groep zelf en elk (sub)commando daaronder, recursief."""
    yield pad, groep
    for naam, commando in groep.commands.items():
        if isinstance(commando, click.Group):
            yield from alle_commandos(commando, (*pad, naam))
        else:
            yield (*pad, naam), commando


COMMANDOS = list(alle_commandos())
BLADEREN = [(pad, c) for pad, c in COMMANDOS if not isinstance(c, click.Group)]
GROEPEN = [(pad, c) for pad, c in COMMANDOS if isinstance(c, click.Group)]


def _id(item) -> str:
    return " ".join(item[0]) or "omgevingsvisie"


def _verplicht(commando: click.Command) -> list[click.Parameter]:
    return [p for p in commando.params if p.required]


def _waarde_voor(param: click.Parameter, tmp_path: Path) -> list[str]:
    """Argumenten die ``param`` een waarde geven (een pad in tmp_path; wordt niet gelezen)."""
    waarde = str(tmp_path / f"{param.name}.waarde")
    return [waarde] if isinstance(param, click.Argument) else [param.opts[0], waarde]


def _alle_verplichte_behalve(commando: click.Command, weg: click.Parameter | None, tmp_path: Path) -> list[str]:
    return [a for p in _verplicht(commando) if p is not weg for a in _waarde_voor(p, tmp_path)]


def _gebruiksfout(result, *, melding: str | re.Pattern) -> None:
    """Exitcode 2, 'Fout: ...' in het Nederlands op stderr, met de verwijzing naar --help."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    if isinstance(melding, str):
        assert melding in result.stderr, result.stderr
    else:
        assert melding.search(result.stderr), result.stderr
    assert not ENGELSE_WOORDEN.search(result.stderr), result.stderr


# ------------------------------------------------------------------ hulp

@pytest.mark.parametrize("item", COMMANDOS, ids=_id)
def test_hulp_is_nederlands_met_voorbeeld(runner, item):
    pad, _ = item
    result = runner.invoke(main, [*pad, "--help"])
    assert result.exit_code == 0, result.output
    hulp = result.stdout
    assert hulp.startswith(f"Gebruik: {' '.join(('omgevingsvisie', *pad))} [OPTIES]")
    assert "Opties:\n" in hulp and "Toon deze hulp en stop." in hulp
    assert "$ omgevingsvisie" in hulp, "elk commando heeft een voorbeeld in zijn hulp"
    assert not ENGELSE_WOORDEN.search(hulp), ENGELSE_WOORDEN.search(hulp)
    assert not ENGELSE_METAVARS.search(hulp), ENGELSE_METAVARS.search(hulp)
    assert not ENGELS_GETAL.search(hulp), ENGELS_GETAL.search(hulp)


@pytest.mark.parametrize("item", GROEPEN, ids=_id)
def test_groepen_tonen_commandos_in_het_nederlands(runner, item):
    pad, groep = item
    hulp = runner.invoke(main, [*pad, "--help"]).stdout
    assert "Commando's:\n" in hulp
    assert all(f"  {naam}" in hulp for naam in groep.commands)
    assert "COMMANDO] [ARGUMENTEN]..." in hulp or "COMMANDO [ARGUMENTEN]..." in hulp


@pytest.mark.parametrize("item", COMMANDOS, ids=_id)
def test_elke_parameter_is_een_nederlandse_optie_of_argument(item):
    """Via opties.optie/argument: Nederlandse standaardwaarden en metavars, ook in een nieuw commando."""
    _, commando = item
    assert isinstance(commando, (Commando, Groep))
    for param in commando.params:
        assert isinstance(param, (nederlands.Optie, nederlands.Argument)), (commando.name, param.name)


def test_standaardwaarden_in_nederlandse_notatie(runner):
    hulp = runner.invoke(main, ["kaart", "hitte", "--help"]).stdout
    assert "[standaard: 0,7; 0<=x<=1]" in hulp
    assert "[standaard: 2 m; x>=0]" in hulp
    hulp = runner.invoke(main, ["analyse", "hitte", "--help"]).stdout
    assert "(standaard 290 W/m²" in " ".join(hulp.split())


def test_zonder_commando_de_hulp(runner):
    result = runner.invoke(main, [])
    assert "Gebruik: omgevingsvisie [OPTIES] COMMANDO [ARGUMENTEN]..." in result.output
    assert not ENGELSE_WOORDEN.search(result.output)


def test_versie_ook_als_versie(runner):
    assert runner.invoke(main, ["--versie"]).stdout == runner.invoke(main, ["--version"]).stdout


# ------------------------------------------------------------------ gebruiksfouten

@pytest.mark.parametrize(
    "item", [(pad, c) for pad, c in BLADEREN if _verplicht(c)], ids=_id)
def test_ontbrekende_verplichte_parameter_noemt_hem(runner, tmp_path, item):
    pad, commando = item
    for param in _verplicht(commando):
        result = runner.invoke(main, [*pad, *_alle_verplichte_behalve(commando, param, tmp_path)])
        if isinstance(param, click.Argument):
            verwacht = f"Fout: Ontbrekend argument '{param.make_metavar(click.Context(commando))}'."
        else:
            verwacht = f"Fout: Ontbrekende optie '{param.opts[0]}'."
        _gebruiksfout(result, melding=verwacht)
        assert f"Probeer '{' '.join(('omgevingsvisie', *pad))} --help' voor hulp." in result.stderr


@pytest.mark.parametrize("item", BLADEREN, ids=_id)
def test_onbekende_optie_met_suggestie(runner, item):
    pad, _ = item
    _gebruiksfout(runner.invoke(main, [*pad, "--hepl"]),
                  melding=re.compile(r"Fout: Onbekende optie '--hepl'\. \(?Bedoelde u (een van: )?[^\n]*'--help'"))


def test_verschreven_optie_suggereert_de_echte(runner, tmp_path):
    _gebruiksfout(runner.invoke(main, ["toets", "plan.geojson", "--uitvoerr", str(tmp_path)]),
                  melding="Fout: Onbekende optie '--uitvoerr'. Bedoelde u '--uitvoer'?")


@pytest.mark.parametrize("item", GROEPEN, ids=_id)
def test_onbekend_commando_met_suggestie(runner, item):
    pad, groep = item
    echt = sorted(groep.commands)[0]
    _gebruiksfout(runner.invoke(main, [*pad, echt[:-1] + "x"]),
                  melding=f"Fout: Onbekend commando '{echt[:-1]}x'. Bedoelde u '{echt}'?")
    result = runner.invoke(main, [*pad, "qqqq"])
    _gebruiksfout(result, melding="Fout: Onbekend commando 'qqqq'.")
    assert "Bedoelde u" not in result.stderr


@pytest.mark.parametrize("item", BLADEREN, ids=_id)
def test_extra_argumenten(runner, tmp_path, item):
    pad, commando = item
    verplicht = _alle_verplichte_behalve(commando, None, tmp_path)
    _gebruiksfout(runner.invoke(main, [*pad, *verplicht, "overbodig"]),
                  melding="Fout: Onverwacht extra argument (overbodig)")
    _gebruiksfout(runner.invoke(main, [*pad, *verplicht, "een", "twee"]),
                  melding="Fout: Onverwachte extra argumenten (een twee)")


def test_optie_zonder_waarde(runner):
    result = runner.invoke(main, ["toets", "plan.geojson", "--uitvoer"])
    _gebruiksfout(result, melding="Fout: Optie '--uitvoer' vraagt om een waarde.")


@pytest.mark.parametrize(("args", "melding"), [
    (["kaart", "hitte", "--dekking", "veel"], "Fout: Ongeldige waarde voor '--dekking': 'veel' is geen geldig getal."),
    (["kaart", "hitte", "--dekking", "2"],
     "Fout: Ongeldige waarde voor '--dekking': 2 ligt niet in het bereik 0<=x<=1."),
    (["kaart", "focusgebied", "Lariks", "--omgeving", "-1,5"],
     "Fout: Ongeldige waarde voor '--omgeving': '-1,5' is geen geldig getal."),
    (["analyse", "hitte", "--wind", "0"], "Fout: Ongeldige waarde voor '--wind': 0 ligt niet in het bereik x>0."),
    (["kaart", "hitte", "--raster", "nergens.tif"],
     "Fout: Ongeldige waarde voor '--raster': Bestand 'nergens.tif' bestaat niet."),
    (["analyse", "groen", "--parameters", "nergens.toml"],
     "Fout: Ongeldige waarde voor '--parameters': Bestand 'nergens.toml' bestaat niet."),
    (["toets", "plan.geojson", "--formaat", "pdf"], "Fout: Ongeldige waarde voor '--formaat': onbekend formaat pdf"),
])
def test_onjuiste_waarden(runner, tmp_path, monkeypatch, args, melding):
    monkeypatch.chdir(tmp_path)
    verplicht = ["--uitvoer", "uit.html" if args[0] == "kaart" else "uit"]
    _gebruiksfout(runner.invoke(main, [*args, *verplicht]), melding=melding)
    assert list(tmp_path.iterdir()) == [], "bij een gebruiksfout wordt niets geschreven"


def test_pad_is_een_map(runner, tmp_path):
    result = runner.invoke(main, ["kaart", "barrieres", "--tabel", str(tmp_path), "--uitvoer", "x.html"])
    _gebruiksfout(result, melding=f"Bestand '{tmp_path}' is een map, geen bestand.")


def test_click_typen_in_het_nederlands(runner):
    """Choice, geheel getal en ja/nee: de meldingen van click's typen zelf."""

    @click.command(cls=Commando)
    @optie("--soort", type=click.Choice(["groen", "blauw"]))
    @optie("--aantal", type=click.INT)
    @optie("--aan", type=click.BOOL)
    def proef(**_):
        """Proef."""

    hulp = runner.invoke(proef, ["--help"]).stdout
    assert "--soort [groen|blauw]" in hulp and "--aantal GETAL" in hulp and "--aan JA|NEE" in hulp
    _gebruiksfout(runner.invoke(proef, ["--soort", "rood"]),
                  melding="Fout: Ongeldige waarde voor '--soort': 'rood' is geen van 'groen', 'blauw'.")
    _gebruiksfout(runner.invoke(proef, ["--aantal", "2,5"]),
                  melding="Fout: Ongeldige waarde voor '--aantal': '2,5' is geen geldig geheel getal.")
    _gebruiksfout(runner.invoke(proef, ["--aan", "misschien"]),
                  melding="Fout: Ongeldige waarde voor '--aan': 'misschien' is geen geldige ja/nee-waarde.")


# ------------------------------------------------------------------ click's teksten

def _click_teksten() -> tuple[set[str], set[tuple[str, str]]]:
    """Alle teksten die click door gettext haalt: ``_("...")`` en ``ngettext("...", "...", n)``."""
    enkel, paren = set(), set()
    for bestand in Path(click.__file__).parent.glob("*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name)):
                continue
            teksten = [a.value for a in knoop.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if knoop.func.id == "_" and teksten:
                enkel.add(teksten[0])
            elif knoop.func.id == "ngettext":
                paren.add((teksten[0], teksten[1]))
    return enkel, paren


def test_elke_tekst_van_click_is_vertaald():
    """Faalt als een nieuwe click-versie een tekst toevoegt of wijzigt (die zou Engels blijven)."""
    enkel, paren = _click_teksten()
    assert len(enkel) > 50 and len(paren) >= 5, "click haalt zijn teksten niet meer door gettext"
    assert sorted(enkel - set(nederlands.VERTALINGEN)) == []
    assert sorted(paren - set(nederlands.MEERVOUDEN)) == []
    assert "required" in nederlands.VERTALINGEN  # _(extra["required"]) in Option.get_help_record


def test_vertaling_is_geinstalleerd_in_clicks_modules():
    for naam in ("core", "decorators", "exceptions", "formatting", "parser", "types"):
        module = sys.modules[f"click.{naam}"]
        assert module._ is nederlands.vertaal, naam
    assert click.exceptions.ngettext is nederlands.vertaal_meervoud


def test_meldingen_met_plaatshouders_blijven_invulbaar():
    """Elke vertaling heeft dezelfde plaatshouders als click's Engels (anders een KeyError)."""

    def velden(tekst: str) -> set[str]:
        return {veld.split("!")[0] for veld in re.findall(r"\{([^{}]*)\}", tekst)} | set(
            re.findall(r"%\((\w+)\)s", tekst))

    for engels, nl in nederlands.VERTALINGEN.items():
        assert velden(nl) <= velden(engels), engels
    for (e1, e2), (n1, n2) in nederlands.MEERVOUDEN.items():
        assert velden(n1) <= velden(e1) | velden(e2) and velden(n2) <= velden(e1) | velden(e2), e1


# ------------------------------------------------------------------ koude start

def test_import_laadt_geen_zware_modules():
    """``import omgevingsvisie.cli`` (dus ``omgevingsvisie --help``) laadt geopandas en co. niet en
    leest geen TOML (tomllib blijft weg)."""
    code = ("import json, sys; import omgevingsvisie.cli; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{ZWARE_MODULES!r} or m.startswith(('omgevingsvisie.kaarten', 'omgevingsvisie.rapport', "
            "'omgevingsvisie.export', 'omgevingsvisie.analyse', 'omgevingsvisie.regels', 'omgevingsvisie.lagen', "
            "'omgevingsvisie.io')))))")
    proces = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proces.stdout) == []


def test_hulp_buiten_de_repo(tmp_path):
    """Geen bestand lezen bij import: de hulp werkt vanuit elke map, ook die van een analyse."""
    for args in (["--help"], ["analyse", "hitte", "--help"]):
        proces = subprocess.run([sys.executable, "-m", "omgevingsvisie", *args], capture_output=True, text=True,
                                cwd=tmp_path, check=False)
        assert proces.returncode == 0, proces.stderr
        assert proces.stdout.startswith("Gebruik: omgevingsvisie") and proces.stderr == ""
