"""Maak de voorbeeldkaarten in kaarten/ opnieuw (zelfstandige HTML, werken offline).

    $ python scripts/maak_kaarten.py            # alle voorbeeldkaarten, bestaande worden vervangen
    $ python scripts/maak_kaarten.py --uitvoer /tmp/kaarten

Schrijft visiekaart.html, focusgebied_<naam>.html per focusgebied, hitte.html (met het
UHI-raster van de analyse hitte), barrieres.html (met de omrijfactor per wijk van de analyse
barrières) en toets_voorbeelden.html (de toets van voorbeelden/initiatieven.geojson), en
toont de grootte van elk bestand (voor docs/prestaties.md).
"""

import argparse
import tempfile
import re
import sys
from pathlib import Path

from omgevingsvisie import kaarten, lagen
from omgevingsvisie._errors import OmgevingsvisieFout
from omgevingsvisie.analyse.barrieres import omrijfactoren_per_wijk
from omgevingsvisie.analyse.hitte import uhi_raster
from omgevingsvisie.initiatief import lees_initiatieven
from omgevingsvisie.tekst import getal
from omgevingsvisie.toets import toets

TOP = Path(__file__).resolve().parents[1]


def bestandsnaam(focusgebied: str) -> str:
    """``Assen-Zuid`` -> ``focusgebied_assen_zuid.html``."""
    return "focusgebied_" + re.sub(r"[^a-z0-9]+", "_", focusgebied.lower()).strip("_") + ".html"


def voorbeeldkaarten(laagdata: lagen.Laagdata) -> dict:
    """Bestandsnaam -> functie die de kaart maakt (met de lagen ``laagdata``)."""
    maken = {"visiekaart.html": lambda: kaarten.kaart_visiekaart(laagdata=laagdata)}
    for naam in laagdata["focusgebieden"]["naam"]:
        maken[bestandsnaam(naam)] = lambda naam=naam: kaarten.kaart_focusgebied(naam, laagdata=laagdata)
    maken["hitte.html"] = lambda: _hitte_met_raster(laagdata)
    maken["barrieres.html"] = lambda: kaarten.kaart_barrieres(omrijfactoren_per_wijk(laagdata=laagdata).tabel,
                                                              laagdata=laagdata, kolom="omrijfactor_publiekshart")
    maken["toets_voorbeelden.html"] = lambda: _toets_voorbeelden(laagdata)
    return maken


def _hitte_met_raster(laagdata: lagen.Laagdata):
    """De hittekaart met het UHI-raster van de analyse hitte eronder (via een tijdelijk GeoTIFF)."""
    with tempfile.TemporaryDirectory() as map_:
        pad = uhi_raster(laagdata=laagdata).schrijf(Path(map_) / "uhi.tif", overschrijf=True)
        return kaarten.kaart_hitte(pad, laagdata=laagdata)


def _toets_voorbeelden(laagdata: lagen.Laagdata):
    plannen, _ = lees_initiatieven(TOP / "voorbeelden" / "initiatieven.geojson", gemeente=laagdata.gemeente())
    return kaarten.kaart_toets(toets(plannen), laagdata=laagdata)


def main(argumenten: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Maak de voorbeeldkaarten opnieuw.")
    parser.add_argument("--uitvoer", type=Path, default=TOP / "kaarten", help="map voor de kaarten")
    uitvoer = parser.parse_args(argumenten).uitvoer
    try:
        for naam, maak in voorbeeldkaarten(lagen.huidige()).items():
            pad = kaarten.bewaar_kaart(maak(), uitvoer / naam, overschrijf=True)
            print(f"| `{naam}` | {getal(pad.stat().st_size)} |")
    except OmgevingsvisieFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
