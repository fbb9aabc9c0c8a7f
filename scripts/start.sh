#!/usr/bin/env bash
# Zet alles op en voert de hoofdtaak uit: de lagen van de Visiekaart 2040 bouwen en tonen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
.venv/bin/python scripts/bouw_lagen.py
.venv/bin/omgevingsvisie lagen
