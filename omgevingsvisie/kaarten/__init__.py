"""Interactieve kaarten (folium/Leaflet) van de Omgevingsvisie Assen 2040.

Elke ``kaart_*``-functie geeft een :class:`folium.Map`; :func:`bewaar_kaart` schrijft die als
één zelfstandig HTML-bestand dat ook zonder internet opent (Leaflet zit erin, geen CDN's). Met
internet tonen de kaarten de PDOK-achtergronden (BRT-Achtergrondkaart grijs en standaard,
luchtfoto); zonder internet blijft de achtergrond leeg en staat de data er gewoon.

De lagen komen van de aanroeper: elke ``kaart_*``-functie heeft een verplichte, keyword-only
``laagdata`` (laagnaam → GeoDataFrame, in de praktijk :func:`omgevingsvisie.lagen.huidige`).
De kaarten lezen zelf nooit het lagenregister.

Gemeenschappelijk: de principes en lagen zijn aan/uit te zetten in de lagenknop, de legenda
gebruikt de legendateksten van de visiekaart, popups tonen de tekst van de Omgevingsvisie,
er is een schaalbalk en de kaart zoomt in op de data. Alle attribuuttekst is ge-escaped.
Geometrie wordt alleen voor de weergave vereenvoudigd (``tolerantie`` in meters, in RD).
Zie ook docs/kaarten.md.

De onderdelen:

- :mod:`.maken` — de kaarten en :func:`bewaar_kaart`;
- :mod:`.basis` — een folium-kaart met ingebouwde Leaflet, PDOK-achtergronden, :func:`render_kaart`;
- :mod:`.elementen` — lagen tekenen, popups, legenda's, waarden als tekst;
- :mod:`.lagen` — de lagen van de Omgevingsvisie als lagengroep met legendadeel;
- :mod:`.raster`, :mod:`.wijktabel`, :mod:`.toets` — een hitte-raster, een tabel per wijk
  en de toetsresultaten op de kaart.

Voorbeelden
-----------
>>> from omgevingsvisie import kaarten, lagen
>>> kaart = kaarten.kaart_focusgebied("Havenkwartier", laagdata=lagen.huidige())
>>> kaarten.bewaar_kaart(kaart, "havenkwartier.html", overschrijf=True)  # doctest: +SKIP
"""

from .basis import render_kaart
from .elementen import VEREENVOUDIGING_M
from .maken import (
    FOCUS_OMGEVING_M,
    bewaar_kaart,
    kaart_barrieres,
    kaart_focusgebied,
    kaart_hitte,
    kaart_toets,
    kaart_visiekaart,
)

__all__ = [
    "FOCUS_OMGEVING_M",
    "VEREENVOUDIGING_M",
    "bewaar_kaart",
    "kaart_barrieres",
    "kaart_focusgebied",
    "kaart_hitte",
    "kaart_toets",
    "kaart_visiekaart",
    "render_kaart",
]
