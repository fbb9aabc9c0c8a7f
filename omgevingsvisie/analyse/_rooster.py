"""Het rekenrooster van de analyses: cellen in EPSG:28992, uitgelijnd op veelvouden van de celmaat.

Eén rooster voor alle analyses: het landgebruik en de hitte- en groenrasters (10 m) en het
routeraster van de barrièreanalyse (:mod:`.routeraster`, 25 m) rekenen allemaal met :class:`Rooster`.

Ook de gedeelde rasterbewerkingen: een GeoTIFF schrijven, aaneengesloten vlakken uit een
masker halen, afstanden van punten tot vlakken en een som binnen een straal.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import rasterio
import shapely
from affine import Affine
from rasterio.features import rasterize, shapes
from scipy import ndimage, signal
from shapely.geometry.base import BaseGeometry

from ..io.uitvoer import schrijf_met
from ..catalogus import CRS


@dataclass(frozen=True)
class Rooster:
    """Een noord-boven rooster van vierkante cellen.

    Attributes
    ----------
    west, noord : float
        Linkerboven-hoek in meter (EPSG:28992), een veelvoud van ``resolutie``.
    breedte, hoogte : int
        Aantal kolommen en rijen.
    resolutie : float
        Celmaat in meter.
    """

    west: float
    noord: float
    breedte: int
    hoogte: int
    resolutie: float

    @classmethod
    def om(cls, grenzen: tuple[float, float, float, float], *, resolutie: float,
           marge: float = 0.0) -> Rooster:
        """Het kleinste uitgelijnde rooster dat ``grenzen`` (minx, miny, maxx, maxy) plus marge bevat."""
        minx, miny, maxx, maxy = grenzen
        west = math.floor((minx - marge) / resolutie) * resolutie
        zuid = math.floor((miny - marge) / resolutie) * resolutie
        oost = math.ceil((maxx + marge) / resolutie) * resolutie
        noord = math.ceil((maxy + marge) / resolutie) * resolutie
        return cls(west, noord, round((oost - west) / resolutie), round((noord - zuid) / resolutie), resolutie)

    @property
    def transform(self) -> Affine:
        return Affine(self.resolutie, 0.0, self.west, 0.0, -self.resolutie, self.noord)

    @property
    def vorm(self) -> tuple[int, int]:
        return (self.hoogte, self.breedte)

    @property
    def grenzen(self) -> tuple[float, float, float, float]:
        """(west, zuid, oost, noord) in meter."""
        return (self.west, self.noord - self.hoogte * self.resolutie,
                self.west + self.breedte * self.resolutie, self.noord)

    @property
    def celoppervlak(self) -> float:
        return self.resolutie * self.resolutie

    @property
    def aantal(self) -> int:
        """Aantal cellen; celnummer = rij × :attr:`breedte` + kolom."""
        return self.hoogte * self.breedte

    def uitsnede(self, rooster: Rooster) -> tuple[slice, slice]:
        """De rijen en kolommen van ``rooster`` (dezelfde celmaat, erbinnen) in dit rooster."""
        rij = round((self.noord - rooster.noord) / self.resolutie)
        kolom = round((rooster.west - self.west) / self.resolutie)
        if rij < 0 or kolom < 0 or rij + rooster.hoogte > self.hoogte or kolom + rooster.breedte > self.breedte:
            raise ValueError("uitsnede valt buiten het rooster")
        return slice(rij, rij + rooster.hoogte), slice(kolom, kolom + rooster.breedte)

    def cel(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rij en kolom van de cel onder elk punt, en of het punt in het rooster ligt."""
        kolom = np.floor((np.asarray(x, dtype=float) - self.west) / self.resolutie).astype(np.int64)
        rij = np.floor((self.noord - np.asarray(y, dtype=float)) / self.resolutie).astype(np.int64)
        binnen = (rij >= 0) & (rij < self.hoogte) & (kolom >= 0) & (kolom < self.breedte)
        return np.clip(rij, 0, self.hoogte - 1), np.clip(kolom, 0, self.breedte - 1), binnen

    def middens(self, rijen: np.ndarray, kolommen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Coördinaten van de celmiddens."""
        return (self.west + (np.asarray(kolommen) + 0.5) * self.resolutie,
                self.noord - (np.asarray(rijen) + 0.5) * self.resolutie)

    def masker(self, geometrie: BaseGeometry | Iterable[BaseGeometry] | None, *,
               alle_geraakte: bool = False) -> np.ndarray:
        """Cellen waarvan het midden in ``geometrie`` ligt (of die ze raken); ook voor een reeks geometrieën."""
        delen = [geometrie] if geometrie is None or isinstance(geometrie, BaseGeometry) else list(geometrie)
        vormen = [(g, 1) for g in delen if g is not None and not g.is_empty]
        if not vormen:
            return np.zeros(self.vorm, dtype=bool)
        return rasterize(vormen, out_shape=self.vorm, transform=self.transform,
                         fill=0, dtype="uint8", all_touched=alle_geraakte).astype(bool)

    def schijf(self, x: float, y: float, straal: float) -> np.ndarray:
        """Cellen waarvan het midden binnen ``straal`` van (x, y) ligt."""
        uit = np.zeros(self.vorm, dtype=bool)
        (r0,), (k0,), _ = self.cel(np.array([x]), np.array([y]))
        n = int(math.ceil(straal / self.resolutie)) + 1
        rijen = np.arange(max(r0 - n, 0), min(r0 + n + 1, self.hoogte))
        kolommen = np.arange(max(k0 - n, 0), min(k0 + n + 1, self.breedte))
        rr, kk = np.meshgrid(rijen, kolommen, indexing="ij")
        mx, my = self.middens(rr, kk)
        uit[rr, kk] = np.hypot(mx - x, my - y) <= straal
        return uit


def vlakken_uit_masker(masker: np.ndarray, rooster: Rooster, *,
                       min_oppervlakte_m2: float) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Aaneengesloten gebieden (4-buren) van ``masker`` van minstens ``min_oppervlakte_m2``.

    Returns
    -------
    vlakken : GeoDataFrame
        Kolommen ``oppervlakte_m2`` en ``geometry`` (EPSG:28992, celranden), grootste eerst.
    behouden : numpy.ndarray
        Het masker met alleen de cellen van die gebieden.
    """
    labels, aantal = ndimage.label(masker)
    if aantal == 0:
        return gpd.GeoDataFrame({"oppervlakte_m2": []}, geometry=[], crs=CRS), np.zeros(rooster.vorm, bool)
    oppervlak = np.bincount(labels.ravel())[1:] * rooster.celoppervlak
    houden = np.flatnonzero(oppervlak >= min_oppervlakte_m2 - 1e-6) + 1
    nummer = np.zeros(aantal + 1, dtype=np.int32)
    nummer[houden] = np.arange(1, len(houden) + 1)
    labels = nummer[labels]
    delen: dict[int, list] = {}
    for vorm, waarde in shapes(labels, mask=labels > 0, connectivity=4, transform=rooster.transform):
        delen.setdefault(int(waarde), []).append(shapely.geometry.shape(vorm))
    geometrie = [shapely.union_all(delen[i]) if len(delen[i]) > 1 else delen[i][0]
                 for i in range(1, len(houden) + 1)]
    vlakken = gpd.GeoDataFrame({"oppervlakte_m2": oppervlak[houden - 1]}, geometry=geometrie, crs=CRS)
    return vlakken.sort_values("oppervlakte_m2", ascending=False, ignore_index=True), labels > 0


def afstand_raster(masker: np.ndarray, rooster: Rooster) -> np.ndarray:
    """Per cel de hemelsbrede afstand (m, van celmidden tot celmidden) tot de dichtstbijzijnde cel van ``masker``.

    Zonder cellen in het masker is elke afstand oneindig.
    """
    if not masker.any():
        return np.full(rooster.vorm, np.inf)
    return ndimage.distance_transform_edt(~masker, sampling=rooster.resolutie)


def afstand_tot_vlakken(x: np.ndarray, y: np.ndarray, vlakken: gpd.GeoSeries | list) -> np.ndarray:
    """Hemelsbrede afstand (m) van elk punt tot het dichtstbijzijnde vlak; 0 als het erin ligt.

    Zonder vlakken is elke afstand oneindig (``inf``).
    """
    punten = shapely.points(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    afstand = np.full(len(punten), np.inf)
    geometrie = [g for g in (vlakken.geometry if hasattr(vlakken, "geometry") else vlakken) if not g.is_empty]
    if not geometrie or len(punten) == 0:
        return afstand
    boom = shapely.STRtree(geometrie)
    (i_punt, _), d = boom.query_nearest(punten, return_distance=True, all_matches=False)
    afstand[i_punt] = d
    return afstand


def som_binnen_straal(waarden: np.ndarray, rooster: Rooster, *, straal_m: float) -> np.ndarray:
    """Per cel de som van ``waarden`` over de cellen waarvan het midden binnen ``straal_m`` ligt.

    Een convolutie met een schijf (via FFT); buiten het rooster telt als 0.
    """
    r = int(math.floor(straal_m / rooster.resolutie))
    d = np.arange(-r, r + 1) * rooster.resolutie
    schijf = (d[:, None] ** 2 + d[None, :] ** 2 <= straal_m ** 2 + 1e-9).astype(np.float64)
    som = signal.fftconvolve(np.asarray(waarden, dtype=np.float64), schijf, mode="same")
    som[np.abs(som) < 1e-6] = 0.0  # afrondingsruis van de FFT
    return som


def geotiff(waarden: np.ndarray, rooster: Rooster, *, nodata: float | int | None, eenheid: str,
            beschrijving: str, tags: dict[str, str] | None = None,
            kleuren: dict[int, tuple[int, int, int]] | None = None) -> Callable[[Path], None]:
    """Een schrijver ``schrijver(pad)`` die één band als GeoTIFF in EPSG:28992 naar ``pad`` schrijft.

    Zelf schrijft hij niet atomair: geef hem aan :func:`omgevingsvisie.io.schrijf_met` (zoals
    :func:`schrijf_geotiff`) of aan :func:`omgevingsvisie.analyse.uitvoer.schrijf_analyse`.

    Parameters
    ----------
    eenheid : str
        Eenheid van de waarden (GDAL band unit én tag ``eenheid``), bijvoorbeeld ``"°C"``.
    beschrijving : str
        Bandbeschrijving, bijvoorbeeld ``"Hitte-eilandeffect UHI_max"``.
    tags : dict, optional
        Extra metadata (bron, parameters).
    kleuren : dict, optional
        Kleurentabel voor een klassenraster (uint8).
    """
    profiel = {
        "driver": "GTiff", "width": rooster.breedte, "height": rooster.hoogte, "count": 1,
        "dtype": waarden.dtype.name, "crs": CRS, "transform": rooster.transform, "nodata": nodata,
        "compress": "deflate", "tiled": True, "blockxsize": 256, "blockysize": 256,
        "predictor": 3 if np.issubdtype(waarden.dtype, np.floating) else 2,
    }

    def schrijver(pad: Path) -> None:
        with rasterio.open(pad, "w", **profiel) as doel:
            doel.write(waarden, 1)
            doel.set_band_description(1, beschrijving)
            doel.set_band_unit(1, eenheid)
            doel.update_tags(eenheid=eenheid, **(tags or {}))
            if kleuren:
                doel.write_colormap(1, kleuren)

    return schrijver


def schrijf_geotiff(pad: str | os.PathLike, waarden: np.ndarray, rooster: Rooster, *, overschrijf: bool,
                    **kenmerken) -> Path:
    """Schrijf één band als GeoTIFF (atomair; weigert te overschrijven zonder ``overschrijf``).

    ``kenmerken`` zijn die van :func:`geotiff` (``nodata``, ``eenheid``, ``beschrijving``,
    ``tags``, ``kleuren``).
    """
    return schrijf_met(pad, geotiff(waarden, rooster, **kenmerken), overschrijf=overschrijf)
