#!/usr/bin/env bash
# Maakt (eenmalig) de virtuele omgeving .venv en installeert de toolkit met testafhankelijkheden.
# Draait opnieuw pip als pyproject.toml is gewijzigd.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "Fout: Python 3.10 of nieuwer nodig; gevonden: $("$PYTHON" --version 2>&1)" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  echo "Virtuele omgeving .venv aanmaken met $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
stempel=.venv/.omgevingsvisie-geinstalleerd
if [ ! -f "$stempel" ] || ! cmp -s pyproject.toml "$stempel"; then
  echo "Pakketten installeren (pip install -e '.[test]')"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[test]'
  cp pyproject.toml "$stempel"
fi
