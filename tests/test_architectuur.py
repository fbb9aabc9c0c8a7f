"""De kamers van het pakket (docs/architectuur.md) als test: wie mag wat importeren.

De imports worden uit de broncode gelezen (AST), ook die binnen functies: een import die
in een functie verstopt zit is nog steeds een afhankelijkheid. Imports onder
``if TYPE_CHECKING:`` tellen niet mee (die draaien nooit).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[1]
PAKKET = TOP / "omgevingsvisie"

# Wie het globale lagenregister mag lezen: de lagen zelf en de orkestratie.
MAG_REGISTER_LEZEN = ("omgevingsvisie", "omgevingsvisie.lagen", "omgevingsvisie.toets", "omgevingsvisie.cli")
REGISTERNAMEN = frozenset({
    "data_map", "gebruik_configuratie", "herstel_lagen", "huidige", "laad_laag", "lijst_lagen", "metadata",
    "valideer_laag", "vervang_laag", "vervangingen", "register",
})


def _modulenaam(pad: Path) -> str:
    delen = list(pad.relative_to(TOP).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _modules() -> dict[str, Path]:
    return {_modulenaam(p): p for p in sorted(PAKKET.rglob("*.py"))}


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(module: str) -> list[tuple[str, str | None]]:
    """(doelmodule, geïmporteerde naam of None) voor elke import in de module."""
    pad = MODULES[module]
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    uit: list[tuple[str, str | None]] = []

    def bezoek(knoop: ast.AST) -> None:
        for kind in ast.iter_child_nodes(knoop):
            if isinstance(kind, ast.If) and _is_type_checking(kind):
                for k in kind.orelse:
                    bezoek(k)
                continue
            if isinstance(kind, ast.Import):
                uit.extend((a.name, None) for a in kind.names)
            elif isinstance(kind, ast.ImportFrom):
                if kind.level:
                    basis = pakket.split(".")
                    basis = basis[: len(basis) - kind.level + 1]
                    doel = ".".join(basis + ([kind.module] if kind.module else []))
                else:
                    doel = kind.module or ""
                for alias in kind.names:
                    sub = f"{doel}.{alias.name}"
                    uit.append((sub, None) if sub in MODULES else (doel, alias.name))
            bezoek(kind)

    bezoek(boom)
    return uit


def _graaf() -> dict[str, set[str]]:
    graaf = {}
    for module in MODULES:
        doelen = set()
        for doel, _ in _imports(module):
            if doel in MODULES and doel != module:
                doelen.add(doel)
        graaf[module] = doelen
    return graaf


def _kringen(graaf: dict[str, set[str]]) -> list[list[str]]:
    """Sterk samenhangende componenten met meer dan één module (Tarjan)."""
    index, laag, stapel, op_stapel, uit = {}, {}, [], set(), []
    teller = [0]

    def sterk(v: str) -> None:
        index[v] = laag[v] = teller[0]
        teller[0] += 1
        stapel.append(v)
        op_stapel.add(v)
        for w in graaf[v]:
            if w not in index:
                sterk(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            component = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                uit.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in graaf:
        if v not in index:
            sterk(v)
    return uit


def test_geen_importkringen():
    """Een pakket-``__init__`` dat zijn eigen submodules her-exporteert telt niet als kring."""
    graaf = _graaf()
    for module, doelen in graaf.items():
        # een module die iets uit zijn eigen pakket-__init__ haalt: dat is de publieke API, geen laag erboven
        graaf[module] = {d for d in doelen if not module.startswith(d + ".")}
    assert _kringen(graaf) == []


def test_kringdetectie_vindt_een_kring():
    assert _kringen({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _kringen({"a": {"b"}, "b": set()}) == []


def _mag_register_lezen(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in MAG_REGISTER_LEZEN[1:]) or module == "omgevingsvisie"


def _registergebruik(module: str) -> list[str]:
    gevonden = []
    namen_voor_lagen = set()
    for doel, naam in _imports(module):
        if doel == "omgevingsvisie.lagen.register":
            gevonden.append("importeert omgevingsvisie.lagen.register")
        elif doel == "omgevingsvisie.lagen" and naam in REGISTERNAMEN:
            gevonden.append(f"importeert {naam} uit omgevingsvisie.lagen")
        elif doel == "omgevingsvisie.lagen" and naam is None:
            namen_voor_lagen.add("lagen")
    if namen_voor_lagen or any(d == "omgevingsvisie" and n == "lagen" for d, n in _imports(module)):
        boom = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if (isinstance(knoop, ast.Attribute) and isinstance(knoop.value, ast.Name)
                    and knoop.value.id in {"lagen", "_lagen"} and knoop.attr in REGISTERNAMEN):
                gevonden.append(f"gebruikt lagen.{knoop.attr} (regel {knoop.lineno})")
    return gevonden


def test_alleen_lagen_en_orkestratie_lezen_het_register():
    overtreders = {m: g for m in MODULES if not _mag_register_lezen(m) and (g := _registergebruik(m))}
    assert overtreders == {}


def test_registercontrole_ziet_een_overtreding(tmp_path, monkeypatch):
    pad = tmp_path / "stiekem.py"
    pad.write_text("from .lagen import laad_laag\nfrom . import lagen\nx = lagen.metadata('wijken')\n")
    monkeypatch.setitem(MODULES, "omgevingsvisie.stiekem", pad)
    assert _registergebruik("omgevingsvisie.stiekem") == [
        "importeert laad_laag uit omgevingsvisie.lagen", "gebruikt lagen.metadata (regel 3)"]


def test_lagen_en_io_hangen_niet_af_van_de_kamers_erboven():
    """io/ is de onderste laag; lagen/ kent alleen io/ en de catalogus."""
    boven = ("omgevingsvisie.regels", "omgevingsvisie.rapport", "omgevingsvisie.kaarten",
             "omgevingsvisie.export", "omgevingsvisie.analyse", "omgevingsvisie.cli", "omgevingsvisie.toets")
    for module in MODULES:
        if module.startswith(("omgevingsvisie.io", "omgevingsvisie.lagen")):
            fout = [d for d, _ in _imports(module) if d.startswith(boven)]
            assert fout == [], f"{module} importeert {fout}"


# --------------------------------------------------------------------------- verpakking

# Importnaam -> naam van de distributie, waar die verschilt.
DISTRIBUTIES = {"xstatic": "xstatic-leaflet", "yaml": "pyyaml", "PIL": "pillow"}


def _derden_imports() -> set[str]:
    eigen = {"omgevingsvisie"}
    uit = set()
    for module in MODULES:
        for doel, _ in _imports(module):
            top = doel.split(".")[0]
            if top and top not in eigen and top not in sys.stdlib_module_names:
                uit.add(DISTRIBUTIES.get(top, top).lower())
    return uit


def _afhankelijkheden() -> set[str]:
    project = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    namen = set()
    for eis in project["dependencies"]:
        naam = eis.split(";")[0]
        for teken in "<>=!~[ ":
            naam = naam.split(teken)[0]
        namen.add(naam.strip().lower())
    return namen


def test_elke_directe_import_is_gedeclareerd_en_niets_meer():
    gedeclareerd = _afhankelijkheden() - {"tomli"}  # tomli alleen op Python 3.10, als tomllib
    assert _derden_imports() - {"tomli"} == gedeclareerd


@pytest.mark.parametrize("patroon", ["*.toml", "*.gpkg", "*.j2", "*.css"])
def test_pakketdata_staat_in_pyproject(patroon):
    """Elk bestand dat het pakket leest (geen .py) valt onder een package-data-patroon."""
    pyproject = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
    patronen = pyproject["tool"]["setuptools"]["package-data"]["omgevingsvisie"]
    for pad in PAKKET.rglob(patroon):
        relatief = pad.relative_to(PAKKET)
        assert any(relatief.match(p) or (p.startswith("**/") and relatief.match(p[3:])) for p in patronen), relatief


# --------------------------------------------------------------------------- importtijd

_IMPORTEER_ALLES = r"""
import importlib, pkgutil, sys
from pathlib import Path
pakket = Path(sys.argv[1]).resolve()
geopend = []
def haak(gebeurtenis, argumenten):
    if gebeurtenis == "open" and isinstance(argumenten[0], (str, bytes)) and not str(argumenten[0]).endswith((".py", ".pyc", ".pth")):
        pad = Path(str(argumenten[0])).resolve()
        if pakket in pad.parents:
            geopend.append(str(pad.relative_to(pakket)))
sys.addaudithook(haak)
import omgevingsvisie
for info in pkgutil.walk_packages(omgevingsvisie.__path__, "omgevingsvisie."):
    importlib.import_module(info.name)
print("\n".join(geopend))
"""


@pytest.mark.traag
def test_geen_module_leest_een_bestand_bij_import():
    import subprocess

    uit = subprocess.run([sys.executable, "-c", _IMPORTEER_ALLES, str(PAKKET)], capture_output=True, text=True,
                         check=True, cwd=TOP)
    assert uit.stdout.split() == []


# --------------------------------------------------------------------------- HTML uit sjablonen

HTML_KAMERS = ("omgevingsvisie.rapport", "omgevingsvisie.kaarten")
"""Kamers die HTML maken: die komt uit Jinja2-sjablonen (autoescape), niet uit f-strings."""


def _html_in_fstrings(module: str) -> list[str]:
    """De f-strings van ``module`` waarvan een constant deel een HTML-tag bevat, als ``regel n: tekst``."""
    boom = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    gevonden = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.JoinedStr):
            delen = [d.value for d in knoop.values if isinstance(d, ast.Constant) and isinstance(d.value, str)]
            if any(re.search(r"</?[a-zA-Z]", deel) for deel in delen):
                gevonden.append(f"regel {knoop.lineno}: {''.join(delen)!r}")
    return gevonden


def test_geen_html_in_fstrings_van_rapport_en_kaarten():
    modules = [m for m in MODULES if any(m == k or m.startswith(k + ".") for k in HTML_KAMERS)]
    assert len(modules) > len(HTML_KAMERS)
    overtreders = {m: g for m in modules if (g := _html_in_fstrings(m))}
    assert overtreders == {}


def test_html_controle_ziet_een_overtreding(tmp_path, monkeypatch):
    pad = tmp_path / "stiekem.py"
    pad.write_text('naam = "x"\ngoed = f"{naam} < 3"\nfout = f"<b>{naam}</b>"\nook = f\'<a href="{naam}">\'\n')
    monkeypatch.setitem(MODULES, "omgevingsvisie.kaarten.stiekem", pad)
    assert _html_in_fstrings("omgevingsvisie.kaarten.stiekem") == [
        "regel 3: '<b></b>'", "regel 4: '<a href=\"\">'"]
