"""Kaarten openen in echte headless Chromium, zonder netwerk (hulp voor de browsertests).

Chromium (Debian-pakket ``chromium``) wordt door ``.ci/run`` geïnstalleerd. Ontbreekt het,
dan FALEN de browsertests met een duidelijke melding; ze worden nooit overgeslagen.

Per kaart één Chromium-run: ``--dump-dom`` (de DOM nadat de scripts liepen) en
``--screenshot`` tegelijk. Het netwerk is dicht (``--host-resolver-rules``), dus de
PDOK-tegels laden niet; consoleberichten van de pagina (ook ``Uncaught ...``-fouten) komen
via ``--enable-logging=stderr`` binnen en worden apart teruggegeven.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM_NAMEN = ("chromium", "chromium-browser")
TEGEL_HOSTS = ("service.pdok.nl",)
"""Consoleregels over deze hosts zijn geblokkeerde achtergrondtegels; die tellen niet mee."""

_CONSOLE = re.compile(r':CONSOLE[:(]\d*\)?\]? ?"(?P<bericht>.*)", source: (?P<bron>.*)$')


def chromium() -> str:
    """Pad naar Chromium; faalt (geen skip) als het ontbreekt."""
    for naam in CHROMIUM_NAMEN:
        pad = shutil.which(naam)
        if pad:
            return pad
    pytest.fail(
        "Chromium ontbreekt: de browsertests van de kaarten hebben echte headless Chromium "
        "nodig. Installeer het met 'apt-get install -y --no-install-recommends chromium' "
        "(in CI doet .ci/run dat).",
        pytrace=False,
    )


@dataclass
class Browserresultaat:
    """Wat Chromium van een kaart maakte."""

    dom: str
    console: list[str]
    """Consoleberichten van de pagina (zonder geblokkeerde tegels)."""
    screenshot: Path
    stderr: str

    @property
    def klaar(self) -> dict:
        """De klaarmelding van de kaart (``data-kaart-klaar``): paden per laag, legenda's, …"""
        gevonden = re.search(r'data-kaart-klaar="([^"]*)"', self.dom)
        assert gevonden, "de kaart meldde zich niet klaar: het kaartscript liep niet (volledig)"
        return json.loads(html.unescape(gevonden.group(1)))

    def data(self, naam: str) -> str | None:
        """Een ``data-<naam>``-attribuut van ``<body>`` dat een testscript zette."""
        gevonden = re.search(rf'<body[^>]*\sdata-{naam}="([^"]*)"', self.dom)
        return html.unescape(gevonden.group(1)) if gevonden else None


def open_kaart(kaart_html: Path, werkmap: Path, *, testscript: str | None = None,
               tijd_ms: int = 5000) -> Browserresultaat:
    """Open een HTML-kaart via ``file://`` in headless Chromium zonder netwerk.

    Parameters
    ----------
    kaart_html : Path
        Het kaartbestand.
    werkmap : Path
        Lege map (``tmp_path``) voor profiel, kopie en screenshot.
    testscript : str, optional
        JavaScript dat ná de scripts van de kaart draait (in een kopie van het bestand),
        bijvoorbeeld om popups te openen; het zet zijn uitkomst in ``document.body.dataset``.
    tijd_ms : int
        Virtuele tijd die Chromium de pagina geeft.
    """
    pagina = kaart_html
    if testscript is not None:
        pagina = werkmap / f"test_{kaart_html.name}"
        inhoud = kaart_html.read_text(encoding="utf-8")
        script = f"<script>window.addEventListener('load', function () {{ {testscript} }});</script>"
        pagina.write_text(inhoud.replace("</html>", script + "</html>"), encoding="utf-8")
    screenshot = werkmap / f"{kaart_html.stem}.png"
    opdracht = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={werkmap / 'chromium-profiel'}", "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--virtual-time-budget={tijd_ms}", "--enable-logging=stderr", "--v=0",
        "--window-size=1200,900", f"--screenshot={screenshot}", "--dump-dom",
        pagina.resolve().as_uri(),
    ]
    proces = subprocess.run(opdracht, capture_output=True, text=True, timeout=120, cwd=werkmap)
    assert proces.returncode == 0, f"Chromium stopte met code {proces.returncode}:\n{proces.stderr[-3000:]}"
    console = []
    for regel in proces.stderr.splitlines():
        gevonden = _CONSOLE.search(regel)
        if gevonden and not any(host in regel for host in TEGEL_HOSTS):
            console.append(f"{gevonden['bericht']} ({gevonden['bron']})")
    return Browserresultaat(proces.stdout, console, screenshot, proces.stderr)
