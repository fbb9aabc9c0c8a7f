"""Het stedelijk hitte-eilandeffect (UHI) volgens Theeuwes et al. (2017), op een 10 m-raster.

De diagnostische vergelijking (Theeuwes, Steeneveld, Ronda & Holtslag 2017, Int. J. Climatol.,
doi:10.1002/joc.4717; ``bronnen/normen.md`` item 7)::

    UHI_max = (2 − SVF − f_veg) · (S · DTR³ / U)^(1/4),   S = K↓ / (ρ · c_p)

met SVF en f_veg gemiddeld over een venster rond de cel (DPRA/Tygron: 700×700 m bij weinig
wind) en de meteorologie van een hete Nederlandse zomerdag (:class:`Meteorologie`, standaard
uit ``analyse/parameters.toml``). Het resultaat is de maximale nachtelijke temperatuur-
verhoging (K = °C verschil) van de stad ten opzichte van het omringende platteland.

- :func:`uhi_formule` — de vergelijking zelf, voor getallen of arrays;
- :func:`uhi_raster` — het UHI-raster van de hele gemeente;
- :func:`uhi_voor_na` — voor één initiatief: de UHI in en rond het plan vóór en na realisatie
  met een gegeven groenaandeel.

Voorbeelden
-----------
>>> from omgevingsvisie.analyse import hitte
>>> round(float(hitte.uhi_formule(0.6, 0.2, meteo=hitte.Meteorologie(
...     straling_w_m2=241.2, dtr_k=10.0, wind_m_s=2.0))), 3)
3.795
>>> resultaat = hitte.uhi_voor_na(plan, 40.0, laagdata=lagen.huidige())  # doctest: +SKIP
>>> resultaat["verschil_plan_c"]  # doctest: +SKIP
-0.12
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import geopandas as gpd

import numpy as np
from scipy import ndimage
from shapely.geometry.base import BaseGeometry

from .._errors import InvoerFout
from ..io import schrijf_met
from ._rooster import Rooster, geotiff
from .landgebruik import Landgebruik, landgebruik_van
from .parameters import Parameters, laad_analyse_parameters

__all__ = ["BRON", "Meteorologie", "UhiRaster", "uhi_formule", "uhi_raster", "uhi_voor_na"]

BRON = ("Theeuwes, Steeneveld, Ronda & Holtslag (2017), A diagnostic equation for the daily maximum "
        "urban heat island effect for cities in northwestern Europe, Int. J. Climatol. 37:443–454, "
        "doi:10.1002/joc.4717")


@dataclass(frozen=True)
class Meteorologie:
    """Het weer buiten de stad op de dag waarvoor de UHI wordt berekend.

    Attributes
    ----------
    straling_w_m2 : float
        Daggemiddelde globale straling K↓ (W/m²).
    dtr_k : float
        Dagelijkse temperatuurslingering Tmax − Tmin (K).
    wind_m_s : float
        Windsnelheid op 10 m hoogte (m/s), groter dan 0.
    luchtdichtheid_kg_m3, warmtecapaciteit_j_kg_k : float
        ρ en c_p van lucht, voor S = K↓ / (ρ · c_p).
    """

    straling_w_m2: float
    dtr_k: float
    wind_m_s: float
    luchtdichtheid_kg_m3: float = 1.2
    warmtecapaciteit_j_kg_k: float = 1005.0

    def __post_init__(self) -> None:
        problemen = []
        if not (math.isfinite(self.straling_w_m2) and self.straling_w_m2 >= 0):
            problemen.append(f"straling moet 0 W/m² of meer zijn, niet {self.straling_w_m2}")
        if not (math.isfinite(self.dtr_k) and self.dtr_k >= 0):
            problemen.append(f"temperatuurslingering (DTR) moet 0 K of meer zijn, niet {self.dtr_k}")
        if not (math.isfinite(self.wind_m_s) and self.wind_m_s > 0):
            problemen.append(f"windsnelheid moet groter dan 0 m/s zijn, niet {self.wind_m_s}")
        if not (self.luchtdichtheid_kg_m3 > 0 and self.warmtecapaciteit_j_kg_k > 0):
            problemen.append("luchtdichtheid en warmtecapaciteit moeten groter dan 0 zijn")
        if problemen:
            raise InvoerFout("Onjuiste meteorologie voor de UHI-berekening:", problemen)

    @classmethod
    def standaard(cls, parameters: Parameters | None = None, **anders: float | None) -> Meteorologie:
        """De hete zomerdag uit de parameters; ``anders`` (niet-``None``) vervangt losse waarden."""
        p = parameters or laad_analyse_parameters()
        waarden = {naam: float(p("uhi", naam)) for naam in
                   ("straling_w_m2", "dtr_k", "wind_m_s", "luchtdichtheid_kg_m3", "warmtecapaciteit_j_kg_k")}
        waarden.update({k: float(v) for k, v in anders.items() if v is not None})
        return cls(**waarden)

    @property
    def s(self) -> float:
        """S = K↓ / (ρ · c_p) in K·m/s."""
        return self.straling_w_m2 / (self.luchtdichtheid_kg_m3 * self.warmtecapaciteit_j_kg_k)

    @property
    def temperatuureffect(self) -> float:
        """(S · DTR³ / U)^(1/4) in K: de UHI bij een factor (2 − SVF − f_veg) van 1."""
        return (self.s * self.dtr_k ** 3 / self.wind_m_s) ** 0.25

    def als_dict(self) -> dict[str, float]:
        return asdict(self)


def uhi_formule(svf: float | np.ndarray, f_veg: float | np.ndarray, *, meteo: Meteorologie) -> np.ndarray:
    """UHI_max = (2 − SVF − f_veg) · (S · DTR³ / U)^(1/4) (Theeuwes et al. 2017), in K.

    Parameters
    ----------
    svf, f_veg : float or numpy.ndarray
        Sky view factor en vegetatiefractie (0–1), al gemiddeld over het venster.
    meteo : Meteorologie
        Het weer buiten de stad.

    Raises
    ------
    InvoerFout
        Als SVF of f_veg buiten 0–1 ligt.
    """
    svf, f_veg = np.asarray(svf, dtype=np.float64), np.asarray(f_veg, dtype=np.float64)
    for naam, waarde in (("SVF", svf), ("f_veg", f_veg)):
        eindig = waarde[np.isfinite(waarde)]
        if eindig.size and (eindig.min() < -1e-9 or eindig.max() > 1 + 1e-9):
            raise InvoerFout(f"{naam} moet tussen 0 en 1 liggen (gevonden {eindig.min():.3g}–{eindig.max():.3g}).")
    return (2.0 - svf - f_veg) * meteo.temperatuureffect


def venster_cellen(venster_m: float, resolutie: float) -> int:
    """Oneven aantal cellen van het middelingsvenster, zodat het om de cel centreert.

    Een even aantal wordt één groter: 700 m bij 10 m geeft 71 cellen (710 m), 30 m geeft 3.
    """
    if not venster_m > 0:
        raise InvoerFout(f"Het middelingsvenster moet groter dan 0 m zijn, niet {venster_m}.")
    return 2 * int(math.floor(venster_m / resolutie / 2 + 1e-9)) + 1


def _venstergemiddelde(waarden: np.ndarray, cellen: int) -> np.ndarray:
    # uniform_filter = gemiddelde over een schuivend venster (cumulatieve sommen, O(n) per as);
    # buiten het rekengebied herhaalt de rand zich
    return ndimage.uniform_filter(waarden.astype(np.float64), size=cellen, mode="nearest")


def _uhi(klassen: np.ndarray, lg: Landgebruik, *, cellen: int, meteo: Meteorologie,
         f_veg: np.ndarray | None = None, svf: np.ndarray | None = None) -> np.ndarray:
    f_veg = lg.eigenschap("f_veg", klassen) if f_veg is None else f_veg
    svf = lg.eigenschap("svf", klassen) if svf is None else svf
    return uhi_formule(_venstergemiddelde(svf, cellen), _venstergemiddelde(f_veg, cellen), meteo=meteo)


@dataclass(frozen=True)
class UhiRaster:
    """Het UHI-raster van de gemeente.

    Attributes
    ----------
    waarden : numpy.ndarray
        UHI_max in °C (float32), NaN buiten de gemeente.
    rooster : Rooster
        Het rooster om de gemeente (10 m, uitgelijnd op veelvouden van 10 m).
    meteo : Meteorologie
        Het gebruikte weer.
    venster_m : float
        Werkelijke zijde van het middelingsvenster (oneven aantal cellen × celmaat).
    """

    waarden: np.ndarray
    rooster: Rooster
    meteo: Meteorologie
    venster_m: float

    def gemiddelde(self, geometrie: BaseGeometry) -> float:
        """Gemiddelde UHI over de cellen met het midden in ``geometrie`` (NaN als er geen zijn)."""
        waarden = self.waarden[self.rooster.masker(geometrie, alle_geraakte=False)]
        waarden = waarden[np.isfinite(waarden)]
        return float(waarden.mean()) if waarden.size else float("nan")

    def geotiff(self) -> Callable[[Path], None]:
        """Schrijver ``schrijver(pad)`` van het raster als GeoTIFF (float32, °C, nodata NaN)."""
        tags = {"bron": BRON, "formule": "UHI_max = (2 - SVF - f_veg) * (S * DTR^3 / U)^(1/4)",
                "venster_m": f"{self.venster_m:g}",
                **{k: f"{v:g}" for k, v in self.meteo.als_dict().items()}}
        return geotiff(self.waarden.astype(np.float32), self.rooster, nodata=float("nan"), eenheid="°C",
                       beschrijving="Hitte-eilandeffect UHI_max (Theeuwes et al. 2017)", tags=tags)

    def schrijf(self, pad: str | os.PathLike, *, overschrijf: bool) -> Path:
        """Schrijf als GeoTIFF (atomair), bruikbaar voor ``omgevingsvisie kaart hitte --raster``."""
        return schrijf_met(pad, self.geotiff(), overschrijf=overschrijf)


def uhi_raster(lg: Landgebruik | None = None, *, laagdata: Mapping[str, gpd.GeoDataFrame] | None = None,
               meteo: Meteorologie | None = None, venster_m: float | None = None,
               parameters: Parameters | None = None) -> UhiRaster:
    """Het UHI-raster van de hele gemeente op de celmaat van het landgebruik (10 m).

    Parameters
    ----------
    lg : Landgebruik, optional
        Standaard :func:`~omgevingsvisie.analyse.landgebruik.landgebruik` van ``laagdata``.
    laagdata : mapping of str to GeoDataFrame, optional
        De lagen (bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`); nodig als ``lg`` ontbreekt.
    meteo : Meteorologie, optional
        Standaard de hete zomerdag uit de parameters.
    venster_m : float, optional
        Zijde van het middelingsvenster; standaard ``uhi.venster_m`` (700 m → 71 cellen = 710 m).
    parameters : Parameters, optional
        Analyseparameters.
    """
    p = parameters or laad_analyse_parameters()
    lg = landgebruik_van(lg, laagdata, parameters)
    meteo = meteo or Meteorologie.standaard(p)
    cellen = venster_cellen(float(venster_m if venster_m is not None else p("uhi", "venster_m")), lg.rooster.resolutie)
    uhi = _uhi(lg.klassen, lg, cellen=cellen, meteo=meteo)
    doel = lg.gemeente_rooster
    waarden = uhi[lg.rooster.uitsnede(doel)].astype(np.float32)
    waarden[~lg.gemeente_masker(doel)] = np.nan
    return UhiRaster(waarden, doel, meteo, cellen * lg.rooster.resolutie)


def _gemiddeld(waarden: np.ndarray, masker: np.ndarray) -> float:
    return float(waarden[masker].mean()) if masker.any() else float("nan")


def uhi_voor_na(plan_geometrie: BaseGeometry, groen_pct: float, *,
                laagdata: Mapping[str, gpd.GeoDataFrame] | None = None, lg: Landgebruik | None = None,
                meteo: Meteorologie | None = None, venster_m: float | None = None,
                svf_plan: float | None = None, omgeving_m: float | None = None,
                parameters: Parameters | None = None) -> dict:
    """De UHI in en rond een initiatief vóór en na realisatie met ``groen_pct`` % groen.

    Na realisatie krijgt elke cel van het plan f_veg = ``groen_pct``/100 en SVF = ``svf_plan``
    (het bebouwde deel); daarbuiten blijft het landgebruik gelijk. Omdat f_veg en SVF over
    het venster worden gemiddeld, verandert de UHI ook tot ongeveer een half venster rond het
    plan. Alleen een uitsnede rond het plan wordt doorgerekend (snel genoeg per initiatief).

    Parameters
    ----------
    plan_geometrie : shapely geometry
        Het plangebied in EPSG:28992.
    groen_pct : float
        Aandeel groen van het plangebied na realisatie (0–100).
    laagdata, lg, meteo, venster_m, parameters
        Zoals bij :func:`uhi_raster`: ``lg``, of anders het landgebruik van ``laagdata``.
    svf_plan : float, optional
        SVF van het plan na realisatie; standaard ``uhi.svf_nieuwbouw``.
    omgeving_m : float, optional
        Breedte van de ring rond het plan waarover 'rond het plan' wordt gemiddeld;
        standaard ``uhi.omgeving_m``.

    Returns
    -------
    dict
        ``uhi_voor_plan_c``, ``uhi_na_plan_c``, ``verschil_plan_c`` (gemiddeld over het plan),
        ``uhi_voor_omgeving_c``, ``uhi_na_omgeving_c``, ``verschil_omgeving_c`` (de ring),
        ``max_stijging_c`` en ``max_daling_c`` (grootste verandering in één cel),
        ``groen_pct_neutraal`` (groenaandeel waarbij de UHI in het plan gelijk blijft; ``None``
        als zelfs 100 % groen dat niet haalt), ``f_veg_voor_plan``, ``svf_voor_plan``,
        ``svf_na_plan``, ``groen_pct``, ``omgeving_m``, ``venster_m``, ``meteorologie`` en ``bron``.

    Raises
    ------
    InvoerFout
        Bij een leeg plan, een groenaandeel buiten 0–100 of een plan buiten het rekengebied.
    """
    if plan_geometrie is None or plan_geometrie.is_empty:
        raise InvoerFout("Het plangebied is leeg; de UHI vóór en na kan niet worden berekend.")
    if groen_pct is None or not 0 <= float(groen_pct) <= 100:
        raise InvoerFout(f"groen_pct moet tussen 0 en 100 liggen, niet {groen_pct}.")
    p = parameters or laad_analyse_parameters()
    lg = landgebruik_van(lg, laagdata, parameters)
    meteo = meteo or Meteorologie.standaard(p)
    svf_na = float(svf_plan if svf_plan is not None else p("uhi", "svf_nieuwbouw"))
    if not 0 <= svf_na <= 1:
        raise InvoerFout(f"svf_plan moet tussen 0 en 1 liggen, niet {svf_na}.")
    omgeving = float(omgeving_m if omgeving_m is not None else p("uhi", "omgeving_m"))
    resolutie = lg.rooster.resolutie
    cellen = venster_cellen(float(venster_m if venster_m is not None else p("uhi", "venster_m")), resolutie)
    marge = omgeving + (cellen // 2 + 2) * resolutie
    uitsnede = Rooster.om(plan_geometrie.bounds, resolutie=resolutie, marge=marge)
    try:
        rijen, kolommen = lg.rooster.uitsnede(uitsnede)
    except ValueError:
        raise InvoerFout("Het plan ligt (deels) buiten het rekengebied van het landgebruik "
                         "(de gemeente plus marge); de UHI vóór en na kan niet worden berekend.") from None
    klassen = lg.klassen[rijen, kolommen]
    in_plan = uitsnede.masker(plan_geometrie)
    if not in_plan.any():  # plan kleiner dan een cel: neem de cellen die het raakt
        in_plan = uitsnede.masker(plan_geometrie, alle_geraakte=True)
    ring = uitsnede.masker(plan_geometrie.buffer(omgeving)) & ~in_plan

    f_veg, svf = lg.eigenschap("f_veg", klassen), lg.eigenschap("svf", klassen)
    voor = _uhi(klassen, lg, cellen=cellen, meteo=meteo, f_veg=f_veg, svf=svf)

    def na_bij(groen: float) -> np.ndarray:
        return _uhi(klassen, lg, cellen=cellen, meteo=meteo, f_veg=np.where(in_plan, groen / 100.0, f_veg),
                    svf=np.where(in_plan, svf_na, svf))

    na = na_bij(float(groen_pct))
    voor_plan, na_plan = _gemiddeld(voor, in_plan), _gemiddeld(na, in_plan)
    # de UHI is lineair in het groenaandeel: twee punten geven het neutrale aandeel
    na_0, na_100 = _gemiddeld(na_bij(0.0), in_plan), _gemiddeld(na_bij(100.0), in_plan)
    if na_100 > voor_plan + 1e-9:
        neutraal = None
    elif na_0 <= voor_plan:
        neutraal = 0.0
    else:
        neutraal = 100.0 * (na_0 - voor_plan) / (na_0 - na_100)
    verschil = na - voor
    zone = in_plan | ring
    voor_omgeving, na_omgeving = _gemiddeld(voor, ring), _gemiddeld(na, ring)
    return {
        "groen_pct": float(groen_pct),
        "uhi_voor_plan_c": voor_plan,
        "uhi_na_plan_c": na_plan,
        "verschil_plan_c": na_plan - voor_plan,
        "uhi_voor_omgeving_c": voor_omgeving,
        "uhi_na_omgeving_c": na_omgeving,
        "verschil_omgeving_c": na_omgeving - voor_omgeving,
        "max_stijging_c": float(max(0.0, verschil[zone].max())),
        "max_daling_c": float(max(0.0, -verschil[zone].min())),
        "groen_pct_neutraal": neutraal,
        "f_veg_voor_plan": _gemiddeld(f_veg, in_plan),
        "svf_voor_plan": _gemiddeld(svf, in_plan),
        "svf_na_plan": svf_na,
        "omgeving_m": omgeving,
        "venster_m": cellen * resolutie,
        "meteorologie": meteo.als_dict(),
        "bron": BRON,
    }
