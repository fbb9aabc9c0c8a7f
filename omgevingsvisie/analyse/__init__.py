"""Ruimtelijke analyses op de lagen van de Omgevingsvisie (alles in EPSG:28992).

Elke analyse staat in een eigen module, bijvoorbeeld :mod:`.landgebruik`, :mod:`.hitte`
en :mod:`.groen`. Importeer de module die u nodig hebt; dit pakket laadt niets vooraf.
"""
