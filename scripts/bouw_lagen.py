"""Bouw lagen/assen_2040.gpkg uit de bronbestanden in lagen/bron/.

    $ python scripts/bouw_lagen.py
"""

import sys
from pathlib import Path

from omgevingsvisie._errors import OmgevingsvisieFout
from omgevingsvisie.bouw import bouw_geopackage

TOP = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    try:
        tabellen = bouw_geopackage(TOP / "lagen" / "bron", TOP / "lagen" / "assen_2040.gpkg")
    except OmgevingsvisieFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        raise SystemExit(2)
    print(f"lagen/assen_2040.gpkg: {len(tabellen)} tabellen geschreven")
