"""De elementen van ``visiekaart_2040`` tegen de legendalijsten in de tekst van de Omgevingsvisie.

De kaarten zelf zijn afbeeldingen en staan niet in de tekst, de legenda's wel: het overzicht
'Leidende principes', de kaarten per principe in §1 en de bijlage 'Visiekaart 2040 met
straatnamen'. De lijsten worden hier uit ``bronnen/omgevingsvisie_assen_2021.txt`` gelezen,
niet overgetypt, zodat een gemiste of verzonnen legendategel opvalt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from omgevingsvisie import lagen

SEED = Path(__file__).resolve().parents[1] / "bronnen" / "omgevingsvisie_assen_2021.txt"

KOPPEN = {
    "GROENESTADVANHETNOORDEN": "Groene stad van het Noorden",
    "GROENESTADVANHETNOORDEN2040": "Groene stad van het Noorden",
    "DYNAMISCHESTAD": "Dynamische stad",
    "VERBONDENSTAD": "Verbonden stad",
}
KAART_PRINCIPE = {"groene": "Groene stad van het Noorden", "dynamische": "Dynamische stad",
                  "verbonden": "Verbonden stad"}


def normaliseer(tekst: str) -> str:
    """Legendatekst zonder opmaak; alles na een ';' is toelichting ('; dubbelgebruik ...')."""
    tekst = tekst.strip().lstrip("-").replace("*", "").strip()
    tekst = tekst.split(";")[0]
    return re.sub(r"\s+", " ", tekst).strip(" ,.")


def legendalijsten(tekst: str) -> list[tuple[str | None, str, list[str]]]:
    """Alle legendalijsten: (principe of None, herkomst, items).

    Een lijst is een blok regels die met '-' beginnen, direct na een principekop (eventueel
    met '2040' ertussen) of direct vóór een regel 'Kaart: Visie ...'.
    """
    regels = [r.strip() for r in tekst.splitlines()]
    lijsten = []
    i = 0
    while i < len(regels):
        if not regels[i].startswith("-"):
            i += 1
            continue
        begin = i
        while i < len(regels) and (regels[i].startswith("-") or not regels[i]):
            i += 1
        items = [normaliseer(r) for r in regels[begin:i] if r.startswith("-")]
        # wat staat erboven (koppen) en eronder (kaarttitel)?
        boven = [r for r in regels[max(0, begin - 8):begin] if r]
        kop = None
        for r in reversed(boven[-3:]):
            sleutel = re.sub(r"[^A-Z0-9]", "", r.upper())
            if sleutel in KOPPEN:
                kop = KOPPEN[sleutel]
                break
            if sleutel not in ("2040", ""):
                break
        onder = " ".join(r for r in regels[i:i + 3] if r).replace("*", "")
        kaart = re.match(r"Kaart:\s*Visie\s+(?:De\s+)?(\w+)", onder, flags=re.IGNORECASE)
        if kop:
            lijsten.append((kop, f"kop regel {begin}", items))
        elif kaart:
            lijsten.append((KAART_PRINCIPE.get(kaart.group(1).lower()), f"kaart regel {begin}", items))
    return lijsten


@pytest.fixture(scope="module")
def lijsten():
    gevonden = legendalijsten(SEED.read_text(encoding="utf-8"))
    # overzicht 'Leidende principes' (3) + bijlage (3) + kaarten in §1 (Groen, Dynamisch, Verbonden)
    assert len(gevonden) >= 8, gevonden
    return gevonden


@pytest.fixture(scope="module")
def elementen():
    vk = lagen.laad_laag("visiekaart_2040")
    return {(p, normaliseer(e)) for p, e in zip(vk.principe, vk.element)}


def test_parser_vindt_de_bekende_lijsten(lijsten):
    principes = {p for p, _, _ in lijsten}
    assert principes == {"Groene stad van het Noorden", "Dynamische stad", "Verbonden stad"}
    alle = {item for _, _, items in lijsten for item in items}
    assert "Transformatie Havenkwartier" in alle
    assert "Bossenstrategie en landschapselementen" in alle
    assert "Intercityverbinding Groningen-Assen-Zwolle" in alle


def test_elk_legenda_item_staat_op_de_kaart(lijsten, elementen):
    """Items onder een principekop staan er met dat principe; items van een losse kaart (§1.3)
    staan er met enig principe (de tekst zet ze daar onder een ander principe dan het overzicht)."""
    namen = {e for _, e in elementen}
    ontbrekend = []
    for principe, herkomst, items in lijsten:
        for item in items:
            if herkomst.startswith("kop") and (principe, item) not in elementen:
                ontbrekend.append(f"{principe}: {item} ({herkomst})")
            elif item not in namen:
                ontbrekend.append(f"{item} ({herkomst})")
    assert not ontbrekend, "\n".join(ontbrekend)


def test_geen_verzonnen_elementen(lijsten, elementen):
    legenda = {item for _, _, items in lijsten for item in items}
    verzonnen = sorted(e for _, e in elementen if e not in legenda)
    assert not verzonnen
