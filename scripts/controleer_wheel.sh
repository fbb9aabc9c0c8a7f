#!/usr/bin/env bash
# Bouwt het wheel, installeert het (niet-editable) in een verse venv buiten de repository en
# draait daar de hoofdtaak: 'omgevingsvisie --help' en een toets van de voorbeelden.
# Zo blijkt dat het pakket zijn data (GeoPackage, parameters, sjablonen) echt meeneemt.
set -euo pipefail
cd "$(dirname "$0")/.."
TOP="$(pwd)"
PYTHON="${PYTHON:-python3}"
werk="$(mktemp -d)"
trap 'rm -rf "$werk"' EXIT

echo "Wheel bouwen"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$werk/dist" "$TOP"
wheel=$(ls "$werk"/dist/omgevingsvisie_assen-*.whl)
for nodig in omgevingsvisie/data/assen_2040.gpkg omgevingsvisie/regels/parameters.toml \
             omgevingsvisie/analyse/parameters.toml; do
  if ! "$PYTHON" -m zipfile -l "$wheel" | grep -q "$nodig"; then
    echo "Fout: $nodig ontbreekt in $(basename "$wheel")" >&2
    exit 1
  fi
done

echo "Installeren in een verse venv: $werk/venv"
"$PYTHON" -m venv "$werk/venv"
"$werk/venv/bin/python" -m pip install --quiet --upgrade pip
"$werk/venv/bin/python" -m pip install --quiet "$wheel"

cp "$TOP/voorbeelden/initiatieven.geojson" "$werk/plannen.geojson"
cd "$werk"   # buiten de repository: niets mag meer van de werkboom afhangen
if "$werk/venv/bin/python" -c "import omgevingsvisie, sys; sys.exit('$TOP' in omgevingsvisie.__file__)"; then :; else
  echo "Fout: het geïnstalleerde pakket komt uit de repository" >&2; exit 1
fi
"$werk/venv/bin/omgevingsvisie" --help > help.txt
grep -q "Gebruik:" help.txt
"$werk/venv/bin/omgevingsvisie" toets plannen.geojson --uitvoer advies --kaart
test -s advies/samenvatting.csv
test -s advies/toetskaart.html
echo "Wheel werkt buiten de repository: $(basename "$wheel")"
