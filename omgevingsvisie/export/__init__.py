"""Export voor QGIS, het omgevingsplan en het web (ONTWERP §7 en §8).

- :func:`exporteer_gpkg` — alle lagen in één GeoPackage met QGIS-stijlen (``layer_styles``)
  en een QGIS-project (``qgis_projects``);
- :func:`exporteer_gio` — een werkingsgebied als STOP GIO (GML), eerst getoetst aan de
  STOP-regels (:func:`controleer_gio`);
- :func:`exporteer_geojson` — lagen als GeoJSON (RFC 7946, WGS84; geschreven door GDAL) voor
  webkaarten.

De export leest het lagenregister niet: elke ingang krijgt de lagen van de aanroeper als
keyword-only ``laagdata`` (een mapping laagnaam → GeoDataFrame, in de praktijk
:func:`omgevingsvisie.lagen.huidige`).
"""

from .geojson import exporteer_geojson
from .gio import controleer_gio, exporteer_gio
from .gpkg import exporteer_gpkg

__all__ = ["controleer_gio", "exporteer_geojson", "exporteer_gio", "exporteer_gpkg"]
