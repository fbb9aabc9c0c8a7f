#!/usr/bin/env bash
# Draait de hele testsuite (installeert eerst wat ontbreekt). Extra argumenten gaan naar pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
.venv/bin/python -m pytest "$@"
