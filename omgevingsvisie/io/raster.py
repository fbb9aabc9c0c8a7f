"""Een GeoTIFF openen met Nederlandse fouten: bestaat het, is het een raster, heeft het een CRS."""

from __future__ import annotations

import os
from pathlib import Path

import rasterio
from rasterio.errors import RasterioIOError

from .._errors import InvoerFout
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
        Als het geen leesbaar raster is of geen coördinatenstelsel heeft.
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
    return bron
