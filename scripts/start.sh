#!/usr/bin/env bash
# Zet alles op en voert de hoofdtaak uit: de toets van de voorbeeldinitiatieven met rapporten en
# toetskaart (in rapporten/), en de voorbeeldkaarten (in kaarten/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
.venv/bin/python scripts/bouw_lagen.py
.venv/bin/omgevingsvisie toets voorbeelden/initiatieven.geojson --uitvoer rapporten --kaart --overschrijf
.venv/bin/python scripts/maak_kaarten.py
echo "Klaar: rapporten in rapporten/ (open rapporten/toetskaart.html), voorbeeldkaarten in kaarten/."
