"""Maak de voorbeeldkaarten in kaarten/ opnieuw (zelfstandige HTML, werken offline).

    $ python scripts/maak_kaarten.py            # alle voorbeeldkaarten, bestaande worden vervangen
    $ python scripts/maak_kaarten.py --uitvoer /tmp/kaarten

Schrijft visiekaart.html, focusgebied_<naam>.html per focusgebied, hitte.html,
barrieres.html en toets_voorbeelden.html (de toets van voorbeelden/initiatieven.geojson), en
toont de grootte van elk bestand (voor docs/prestaties.md).
"""

import argparse
import re
import sys
from pathlib import Path

from omgevingsvisie import kaarten, laad_laag
from omgevingsvisie._errors import OmgevingsvisieFout
from omgevingsvisie.initiatief import lees_initiatieven
from omgevingsvisie.toets import toets

TOP = Path(__file__).resolve().parents[1]


def bestandsnaam(focusgebied: str) -> str:
    """``Assen-Zuid`` -> ``focusgebied_assen_zuid.html``."""
    return "focusgebied_" + re.sub(r"[^a-z0-9]+", "_", focusgebied.lower()).strip("_") + ".html"


def voorbeeldkaarten() -> dict:
    """Bestandsnaam -> functie die de kaart maakt."""
    maken = {"visiekaart.html": kaarten.kaart_visiekaart}
    for naam in laad_laag("focusgebieden")["naam"]:
        maken[bestandsnaam(naam)] = lambda naam=naam: kaarten.kaart_focusgebied(naam)
    maken["hitte.html"] = kaarten.kaart_hitte
    maken["barrieres.html"] = kaarten.kaart_barrieres
    maken["toets_voorbeelden.html"] = _toets_voorbeelden
    return maken


def _toets_voorbeelden():
    plannen, _ = lees_initiatieven(TOP / "voorbeelden" / "initiatieven.geojson")
    return kaarten.kaart_toets(toets(plannen))


def main(argumenten: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Maak de voorbeeldkaarten opnieuw.")
    parser.add_argument("--uitvoer", type=Path, default=TOP / "kaarten", help="map voor de kaarten")
    uitvoer = parser.parse_args(argumenten).uitvoer
    try:
        for naam, maak in voorbeeldkaarten().items():
            pad = kaarten.bewaar_kaart(maak(), uitvoer / naam, overschrijf=True)
            print(f"| `{naam}` | {pad.stat().st_size:,} |".replace(",", "."))
    except OmgevingsvisieFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
