"""Bouw omgevingsvisie/data/assen_2040.gpkg uit de bronbestanden in lagen/bron/ (alleen als hij achterloopt).

    $ python scripts/bouw_lagen.py            # bouwt als bron/ en GeoPackage verschillen
    $ python scripts/bouw_lagen.py --altijd   # bouwt altijd opnieuw
"""

import sys
from pathlib import Path

from omgevingsvisie._errors import OmgevingsvisieFout
from omgevingsvisie.lagen.bouw import bouw_geopackage, verschillen

TOP = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    bron, gpkg = TOP / "lagen" / "bron", TOP / "omgevingsvisie" / "data" / "assen_2040.gpkg"
    try:
        if "--altijd" not in sys.argv[1:] and not verschillen(bron, gpkg):
            print("omgevingsvisie/data/assen_2040.gpkg is bij met lagen/bron/")
            raise SystemExit(0)
        tabellen = bouw_geopackage(bron, gpkg)
    except OmgevingsvisieFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        raise SystemExit(2)
    print(f"omgevingsvisie/data/assen_2040.gpkg: {len(tabellen)} tabellen geschreven")
