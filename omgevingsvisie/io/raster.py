"""Een GeoTIFF openen met Nederlandse fouten: bestaat het, is het een raster, heeft het een CRS."""

from __future__ import annotations

import os
from pathlib import Path

import rasterio
from rasterio.errors import RasterioIOError

from .._errors import InvoerFout
from .grenzen import GRENZEN
from .veilig import controleer_invoerbestand


def open_raster(pad: str | os.PathLike, *, wat: str = "Raster") -> rasterio.io.DatasetReader:
    """Open een raster om te lezen (gebruik het als context manager).

    Parameters
    ----------
    pad : path-like
        Het rasterbestand, bijvoorbeeld een GeoTIFF.
    wat : str
        Hoe het raster in meldingen heet, bijvoorbeeld ``"Landgebruiksraster"``.

    Raises
    ------
    BestandOntbreekt
        Als het bestand niet bestaat.
    InvoerFout
        Als het geen leesbaar raster is, geen coördinatenstelsel heeft of meer cellen heeft dan
        de grens ``rastercellen`` (``OMGEVINGSVISIE_MAX_RASTERCELLEN``, zie :mod:`omgevingsvisie.io.grenzen`):
        de lezers houden een band in het geheugen, en 20.000 × 20.000 cellen is al 3 GiB.
    """
    pad = Path(pad)
    controleer_invoerbestand(pad, wat=wat)  # een FIFO of apparaat meteen weigeren, nooit blijven wachten
    try:
        bron = rasterio.open(pad)
    except RasterioIOError as fout:
        raise InvoerFout(f"{pad} is geen leesbaar raster (GDAL: {' '.join(str(fout).split())})") from None
    if bron.crs is None:
        bron.close()
        raise InvoerFout(f"{wat} {pad} heeft geen coördinatenstelsel (CRS); verwacht EPSG:28992.")
    grens = GRENZEN["rastercellen"]
    if grens.te_veel(bron.width * bron.height):
        bron.close()
        raise InvoerFout(grens.melding(bron.width * bron.height,
                                       f"{wat} {pad} ({bron.width} × {bron.height})"))
    return bron
