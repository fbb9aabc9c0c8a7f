"""Het regelboek als geheel: vaste ids, bronnen, parameters en documentatie."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from omgevingsvisie import InvoerFout
from omgevingsvisie.regels import REGELBOEK, laad_parameters
from omgevingsvisie.regels.parameters import STANDAARD

DOCS = Path(__file__).resolve().parents[1] / "docs" / "regelboek.md"
VASTE_IDS = ["GS1", "GS2", "GS3", "GS4", "GS5", "GS6", "GS7", "DS1", "DS2", "DS3", "DS4", "DS5", "DS6", "DS7",
             "DS8", "VS1", "VS2", "VS3", "MI1", "MI2"]


def test_vaste_regel_ids_in_vaste_volgorde():
    assert [r.id for r, _ in REGELBOEK] == VASTE_IDS


@pytest.mark.parametrize(("regel", "functie"), REGELBOEK, ids=[r.id for r, _ in REGELBOEK])
def test_elke_regel_noemt_zijn_bron(regel, functie):
    assert re.search(r"Omgevingsvisie Assen 2021, |Programmabegroting|VNG|3-30-300", regel.bron), regel.bron


def test_elke_parameter_heeft_een_bron_en_staat_in_de_documentatie():
    p = laad_parameters()
    tekst = DOCS.read_text(encoding="utf-8")
    for regel, _ in REGELBOEK:
        assert f"| {regel.id} |" in tekst, f"{regel.id} ontbreekt in docs/regelboek.md"
        for naam, parameter in p.van_regel(regel.id).items():
            assert len(parameter.bron) > 15, f"{regel.id}.{naam} heeft geen echte bron"
            if naam not in ("binnenstad", "focusgebied", "zoekgebied", "passende_functies"):
                assert f"`{naam}`" in tekst, f"{regel.id}.{naam} ontbreekt in docs/regelboek.md"


def test_regelcode_bevat_geen_drempels_die_in_het_parameterbestand_horen():
    """Getallen uit parameters.toml mogen niet als letterlijk getal in de regelcode staan."""
    drempels = {v.waarde for r in laad_parameters()._tabel.values() for v in r.values()
                if isinstance(v.waarde, (int, float)) and not isinstance(v.waarde, bool)}
    drempels -= {0, 1, 100}  # 100: omrekening naar procenten
    for module in ("groene_stad.py", "dynamische_stad.py", "verbonden_stad.py", "milieu.py", "basis.py"):
        boom = ast.parse((STANDAARD.parent / module).read_text(encoding="utf-8"))
        getallen = {n.value for n in ast.walk(boom) if isinstance(n, ast.Constant)
                    and isinstance(n.value, (int, float)) and not isinstance(n.value, bool)}
        assert not getallen & drempels, f"{module} bevat drempel(s) {getallen & drempels} als letterlijk getal"


def test_eigen_parameters_vullen_aan_en_melden_alle_fouten(tmp_path):
    eigen = tmp_path / "eigen.toml"
    eigen.write_text('[GS7]\nafstand_m = 250\n[DS7]\nsociale_huur_min_pct = { waarde = 35.0, bron = "Woonvisie 2026" }\n',
                     encoding="utf-8")
    p = laad_parameters(eigen)
    assert p("GS7", "afstand_m") == 250
    assert "eigen.toml" in p.parameter("GS7", "afstand_m").bron
    assert p.parameter("DS7", "sociale_huur_min_pct").bron == "Woonvisie 2026"
    assert p("GS4", "waterberging_mm_min") == 70.0  # onveranderd uit de standaard

    fout = tmp_path / "fout.toml"
    fout.write_text('[GS7]\nafstand_m = "ver"\nonbekend = 1\n[XX9]\na = 1\n', encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        laad_parameters(fout)
    assert len(e.value.problemen) == 3
