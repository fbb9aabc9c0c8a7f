"""Een raster (bijvoorbeeld het hitte-eilandeffect, UHI) als gekleurde laag op de kaart.

Het raster wordt met rasterio omgerekend naar Web Mercator (EPSG:3857, het stelsel van de
kaart), ingekleurd met :data:`~omgevingsvisie.stijl.HITTE_KLEUREN` en als PNG in de kaart
opgenomen. Cellen zonder waarde blijven doorzichtig. Een eigen legenda toont het
kleurverloop met minimum en maximum en heeft een schuif voor de dekking.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import folium
import numpy as np
from affine import Affine
from branca.element import MacroElement
from jinja2 import Template
from pyproj import Transformer
from rasterio.warp import Resampling, calculate_default_transform, reproject

from .._errors import InvoerFout
from ..io.raster import open_raster
from .basis import fragmenten
from .elementen import waarde_tekst

MAX_PIXELS = 2048
"""Grootste breedte of hoogte (pixels) van het raster in de kaart; grotere rasters worden
voor de weergave grover gemaakt."""


@dataclass(frozen=True)
class RasterBeeld:
    """Een ingekleurd raster, klaar voor de kaart.

    Attributes
    ----------
    rgba : numpy.ndarray
        Beeld (hoogte × breedte × 4, uint8) in EPSG:3857, noord boven.
    grenzen : list
        ``[[zuid, west], [noord, oost]]`` in graden.
    minimum, maximum : float
        Laagste en hoogste waarde van het raster (de uiteinden van het kleurverloop).
    eenheid : str
        Eenheid van de waarden, bijvoorbeeld ``"°C"``.
    kleuren : tuple of str
        Het kleurverloop van laag naar hoog.
    """

    rgba: np.ndarray
    grenzen: list
    minimum: float
    maximum: float
    eenheid: str
    kleuren: tuple[str, ...]


def _kleur_rgb(kleur: str) -> tuple[int, int, int]:
    return tuple(int(kleur[i:i + 2], 16) for i in (1, 3, 5))


def inkleuren(waarden: np.ndarray, *, minimum: float, maximum: float,
              kleuren: tuple[str, ...]) -> np.ndarray:
    """Waarden (NaN = geen waarde) naar RGBA langs een kleurverloop.

    Parameters
    ----------
    waarden : numpy.ndarray
        2D-array met getallen; NaN wordt doorzichtig.
    minimum, maximum : float
        Waarden die de eerste en laatste kleur krijgen.
    kleuren : tuple of str
        Minstens twee hex-kleuren.
    """
    bereik = maximum - minimum
    positie = (waarden - minimum) / bereik if bereik > 0 else np.zeros_like(waarden)
    positie = np.clip(np.nan_to_num(positie, nan=0.0), 0, 1)
    stappen = np.linspace(0, 1, len(kleuren))
    rgb = np.array([_kleur_rgb(k) for k in kleuren], dtype=float)
    beeld = np.zeros((*waarden.shape, 4), dtype=np.uint8)
    for kanaal in range(3):
        beeld[..., kanaal] = np.round(np.interp(positie, stappen, rgb[:, kanaal])).astype(np.uint8)
    beeld[..., 3] = np.where(np.isfinite(waarden), 255, 0)
    return beeld


def lees_raster(pad: str | os.PathLike, *, kleuren: tuple[str, ...],
                max_pixels: int = MAX_PIXELS) -> RasterBeeld:
    """Lees band 1 van een GeoTIFF en maak er een gekleurd beeld in EPSG:3857 van.

    Parameters
    ----------
    pad : path-like
        GeoTIFF (of ander rasterio-formaat) met een coördinatenstelsel.
    kleuren : tuple of str
        Kleurverloop van laag naar hoog.
    max_pixels : int
        Grootste breedte/hoogte van het beeld in de kaart.

    Raises
    ------
    BestandOntbreekt
        Als het bestand niet bestaat.
    InvoerFout
        Als het geen leesbaar raster is, geen coördinatenstelsel heeft of geen waarden bevat.
    """
    pad = Path(pad)
    with open_raster(pad) as bron:
        waarden = bron.read(1, masked=True).astype("float64").filled(np.nan)
        if not np.isfinite(waarden).any():
            raise InvoerFout(f"Raster {pad} bevat geen waarden (alleen nodata).")
        minimum, maximum = float(np.nanmin(waarden)), float(np.nanmax(waarden))
        eenheid = (bron.units[0] if bron.units and bron.units[0] else None) or bron.tags(1).get(
            "eenheid") or bron.tags().get("eenheid") or "°C"
        transform, breedte, hoogte = calculate_default_transform(
            bron.crs, "EPSG:3857", bron.width, bron.height, *bron.bounds)
        factor = max(breedte, hoogte) / max_pixels
        if factor > 1:
            nieuw_b, nieuw_h = math.ceil(breedte / factor), math.ceil(hoogte / factor)
            transform = Affine(transform.a * breedte / nieuw_b, 0.0, transform.c,
                               0.0, transform.e * hoogte / nieuw_h, transform.f)
            breedte, hoogte = nieuw_b, nieuw_h
        mercator = np.full((hoogte, breedte), np.nan)
        reproject(waarden, mercator, src_transform=bron.transform, src_crs=bron.crs,
                  src_nodata=np.nan, dst_transform=transform, dst_crs="EPSG:3857",
                  dst_nodata=np.nan, resampling=Resampling.bilinear)
    west, noord = transform.c, transform.f  # noord-boven, zonder rotatie (EPSG:3857)
    oost, zuid = west + transform.a * breedte, noord + transform.e * hoogte
    naar_graden = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    lon_w, lat_z = naar_graden.transform(west, zuid)
    lon_o, lat_n = naar_graden.transform(oost, noord)
    return RasterBeeld(
        rgba=inkleuren(mercator, minimum=minimum, maximum=maximum, kleuren=kleuren),
        grenzen=[[lat_z, lon_w], [lat_n, lon_o]], minimum=minimum, maximum=maximum,
        eenheid=str(eenheid), kleuren=tuple(kleuren),
    )


class RasterLegenda(MacroElement):
    """Legenda linksonder met kleurverloop, minimum/maximum en een schuif voor de dekking."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var kaart = {{ this._parent.get_name() }};
            var beeld = {{ this.overlay.get_name() }};
            var legenda = L.control({position: 'bottomleft'});
            legenda.onAdd = function () {
                var div = L.DomUtil.create('div', 'ov-legenda ov-rasterlegenda leaflet-bar');
                div.innerHTML = {{ this.inhoud|tojson }};
                var schuif = div.querySelector('input[type=range]');
                schuif.addEventListener('input', function () {
                    beeld.setOpacity(schuif.value / 100);
                });
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legenda.addTo(kaart);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, overlay: folium.raster_layers.ImageOverlay, beeld: RasterBeeld, *,
                 titel: str, dekking: float):
        super().__init__()
        self._name = "RasterLegenda"
        self.overlay = overlay
        self.inhoud = str(fragmenten().rasterlegenda(
            titel, ", ".join(beeld.kleuren), waarde_tekst(beeld.minimum), waarde_tekst(beeld.maximum),
            beeld.eenheid, round(dekking * 100)))


def teken_raster(doel: folium.FeatureGroup, beeld: RasterBeeld, *, titel: str,
                 dekking: float = 0.7) -> RasterLegenda:
    """Zet een :class:`RasterBeeld` in ``doel`` en geef de bijbehorende legenda terug.

    De legenda moet nog aan de kaart worden toegevoegd (``kaart.add_child(legenda)``).
    """
    overlay = folium.raster_layers.ImageOverlay(
        image=beeld.rgba, bounds=beeld.grenzen, opacity=dekking, mercator_project=False,
        class_name="ov-raster", interactive=False, control=False,
    )
    overlay.add_to(doel)
    return RasterLegenda(overlay, beeld, titel=titel, dekking=dekking)
