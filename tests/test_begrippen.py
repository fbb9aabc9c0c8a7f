"""De begrippenlijst: volledig (elke regelcode, status en oordeel), bij in docs/begrippen.md,
en zichtbaar in elk rapport; de adviesalinea in gewone taal.

``docs/begrippen.md`` opnieuw maken (na een bedoelde wijziging van de begrippen)::

    python3 tests/test_begrippen.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest

from omgevingsvisie.begrippen import BEGRIPPEN, GROEPEN, REGEL_UITLEG, Begrip, begrippen_document, regel_label, zoek
from omgevingsvisie.bevinding import OORDELEN, STATUSSEN, Bevinding, ToetsResultaat
from omgevingsvisie.rapport import rapport_html, rapport_json, rapport_markdown
from omgevingsvisie.rapport.advies import SIGNAAL_EIGEN_DATA, SIGNAAL_INDICATIEF, advies_tekst, opsomming
from omgevingsvisie.regels import REGELBOEK

DOCS = Path(__file__).resolve().parents[1] / "docs" / "begrippen.md"
LAGEN_INFO = {"bron": "Testlagen", "versie": None, "indicatief": True}
TERMEN = ("omrijfactor", "UHI", "[U]", "[S]", "[V]", "schil", "bestaand stedelijk gebied", "Ladder", "focusgebied",
          "indicatief", "TRZ", "3-30-300", "milieucategorie", "richtafstand", "bvo")


def test_docs_begrippen_is_bij():
    assert DOCS.read_text(encoding="utf-8") == begrippen_document(), \
        "docs/begrippen.md loopt achter; maak het opnieuw met: python3 tests/test_begrippen.py"


def test_elke_regelcode_met_titel_principe_en_bron():
    assert set(REGEL_UITLEG) == {r.id for r, _ in REGELBOEK}
    for regel, _ in REGELBOEK:
        begrip = zoek(regel.id, "Regels")
        assert regel.titel in begrip.uitleg and regel.principe in begrip.uitleg and begrip.bron == regel.bron
        assert f"**{regel.id}** — {regel.titel}" in begrippen_document()


def test_elke_status_en_elk_oordeel_en_de_termen():
    for status in STATUSSEN:
        assert zoek(status, "Statussen").uitleg
    for oordeel in OORDELEN:
        assert zoek(oordeel, "Oordelen").uitleg
    for term in TERMEN:
        assert zoek(term).uitleg and zoek(term).bron


def test_begrippen_zijn_uniek_en_ingedeeld():
    sleutels = [(b.groep, b.term) for b in BEGRIPPEN]
    assert len(sleutels) == len(set(sleutels))
    assert [g for g in GROEPEN if any(b.groep == g for b in BEGRIPPEN)] == list(GROEPEN)
    assert len({b.anker for b in BEGRIPPEN if b.groep == "Regels"}) == len(REGELBOEK)
    with pytest.raises(ValueError, match="Onbekende groep"):
        Begrip("x", "y", "z", "Anders")
    with pytest.raises(KeyError, match="begrippenlijst"):
        zoek("bestaat niet")


def _resultaat(*statussen: str) -> ToetsResultaat:
    regels = [r for r, _ in REGELBOEK][:len(statussen)]
    bevindingen = [Bevinding(r.id, r.principe, r.titel, s, "Toelichting.", r.bron) for r, s in zip(regels, statussen)]
    return ToetsResultaat({"naam": "Plan"}, None, bevindingen)


def test_html_rapport_heeft_de_begrippen_en_linkt_de_codes():
    resultaat = _resultaat("strijdig", "voldoet")
    boom = lxml.html.fromstring(rapport_html(resultaat, lagen_info=LAGEN_INFO, kaart=False))
    sectie = boom.xpath("//section[@id='begrippen']")[0]
    termen = sectie.xpath(".//dt/text()")
    assert termen[:2] == ["GS1", "GS2"] and "GS3" not in termen  # alleen de regels van dit rapport
    assert set(STATUSSEN) <= set(termen) and "omrijfactor" in termen and "[U]" in termen
    link = boom.xpath("//article//a[@class='regel']")[0]
    assert link.text_content() == "GS1" and boom.xpath(f"//dt[@id='{link.get('href')[1:]}']/text()") == ["GS1"]


def test_markdown_rapport_heeft_advies_en_begrippen():
    md = rapport_markdown(_resultaat("aandachtspunt"), lagen_info=LAGEN_INFO)
    kop, _, rest = md.partition("## Advies\n\n")
    assert kop.startswith("# Toets") and rest.startswith("Het plan is niet strijdig")
    assert md.index("## Advies") < md.index("**Oordeel")
    begrippen = md.split("## Begrippen")[1]
    assert "- **GS1** — Groen nabij" not in begrippen and "- **GS1** — Bestaand groen blijft" in begrippen
    assert "- **\\[U\\]** — " in begrippen  # ge-escaped: geen link
    assert "- **niet\\_van\\_toepassing** — " in begrippen


@pytest.mark.parametrize("statussen, begin, bevat", [
    (("strijdig", "strijdig", "aandachtspunt"),
     "Het plan is in deze vorm strijdig met de Omgevingsvisie op 2 punten: GS1 — Bestaand groen blijft en "
     "GS2 — Natura 2000 en Nationaal Park Drentsche Aa.", "Daarnaast is er 1 aandachtspunt: GS3 — Hittestress."),
    (("aandachtspunt", "aandachtspunt"), "Het plan is niet strijdig met de Omgevingsvisie, maar er zijn "
     "2 aandachtspunten: GS1 — Bestaand groen blijft en GS2 — Natura 2000", "Dat vraagt uitwerking"),
    (("voldoet", "onvoldoende_gegevens"), "Het plan past binnen de Omgevingsvisie",
     "Voor 1 regel ontbreken gegevens in het programma: GS2 — Natura 2000"),
    ((), "Het plan past binnen de Omgevingsvisie", SIGNAAL_INDICATIEF),
])
def test_advies_in_gewone_taal(statussen, begin, bevat):
    resultaat = _resultaat(*statussen)
    advies = rapport_json(resultaat, lagen_info=LAGEN_INFO)["advies"]
    assert advies.startswith(begin) and bevat in advies and advies.endswith(SIGNAAL_INDICATIEF)
    boom = lxml.html.fromstring(rapport_html(resultaat, lagen_info=LAGEN_INFO, kaart=False))
    assert boom.xpath("//section[@id='advies']/p")[0].text_content() == advies
    assert boom.xpath("//body/section")[0].get("id") == "advies"  # bovenaan


def test_advies_met_alleen_eigen_data_en_opsomming():
    advies = advies_tekst("strijdig", [{"regel": "DS7", "titel": "Sociale huur", "status": "strijdig"}],
                          indicatief=False)
    assert advies == ("Het plan is in deze vorm strijdig met de Omgevingsvisie op 1 punt: DS7 — Sociale huur. "
                      "Pas het plan daarop aan of motiveer waarom het afwijkt. " + SIGNAAL_EIGEN_DATA)
    assert opsomming([]) == "" and opsomming(["a"]) == "a" and opsomming(["a", "b"]) == "a en b"
    assert regel_label("XX9", "") == "XX9"


if __name__ == "__main__":
    DOCS.write_text(begrippen_document(), encoding="utf-8")
    print(f"Geschreven: {DOCS}", file=sys.stderr)
