"""Bouwstenen van het regelboek: :class:`Regel`, de :class:`ToetsContext` en getalnotatie.

Een regel is een functie ``f(ctx) -> list[Bevinding]`` met één bevinding per initiatief, in
de volgorde van ``ctx.plannen`` (zoals momepy resultaten op de index van de invoer geeft).
Regels lezen geen bestanden en tekenen geen kaarten: alle lagen komen uit de context, alle
drempels uit ``ctx.p`` (het parameterbestand).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..bevinding import Bevinding
from ..catalogus import CRS
from ..tekst import getal, m2, meters, procent  # noqa: F401  (de regels schrijven getallen zo)
from .parameters import Parameters, laad_parameters


@dataclass(frozen=True)
class Regel:
    """Vaste gegevens van een regel: id, principe, titel en bron."""

    id: str
    principe: str
    titel: str
    bron: str

    def bevinding(self, status: str, toelichting: str, *, waarden: dict[str, Any] | None = None,
                  geometrie: BaseGeometry | None = None, lagen: tuple[str, ...] = ()) -> Bevinding:
        """Maak een bevinding van deze regel; lege geometrie wordt ``None``."""
        if geometrie is not None and geometrie.is_empty:
            geometrie = None
        return Bevinding(self.id, self.principe, self.titel, status, toelichting, self.bron,
                         dict(waarden or {}), geometrie, tuple(lagen))


class ToetsContext:
    """De initiatieven, de lagen en de parameters voor één toetsronde.

    Lagen worden één keer geladen en van een ruimtelijke index voorzien; ruimtelijke vragen
    worden voor alle initiatieven tegelijk beantwoord (gevectoriseerd), niet per plan.

    Parameters
    ----------
    plannen : GeoDataFrame
        Genormaliseerde initiatieven in EPSG:28992 (zie :mod:`omgevingsvisie.initiatief`).
    lagen : mapping
        De lagen op naam, bijvoorbeeld :func:`omgevingsvisie.lagen.huidige` (laadt elke laag
        pas als een regel erom vraagt) of een dict met kleine synthetische lagen voor tests.
        De context leest zelf nooit het register.
    parameters : Parameters, optional
        Standaard :func:`laad_parameters`.
    analyses : mapping, optional
        Analysefuncties die regels mogen gebruiken, op naam: ``"hitte"`` (plan, groen_pct) ->
        dict zoals :func:`omgevingsvisie.analyse.hitte.uhi_voor_na`, en ``"omrijfactor"``
        (plan) -> dict met ``omrijfactor_voor``/``omrijfactor_na``. Ontbreekt een analyse, dan
        laat de regel die waarden weg. :func:`omgevingsvisie.toets.toets` geeft ze mee als de
        meegeleverde (of vervangen) lagen worden gebruikt.
    """

    def __init__(self, plannen: gpd.GeoDataFrame, *, lagen: Mapping[str, gpd.GeoDataFrame],
                 parameters: Parameters | None = None, analyses: Mapping[str, Any] | None = None):
        if plannen.crs is None or not plannen.crs.equals(CRS):
            raise ValueError(f"Initiatieven moeten in {CRS} staan, gekregen: {plannen.crs}")
        self.plannen = plannen.reset_index(drop=True)
        # kolommen als Python-lijsten: regels vragen per plan waarden op, pandas-indexering is daar te traag voor
        self._kolommen = {k: self.plannen[k].tolist() for k in self.plannen.columns if k != self.plannen.geometry.name}
        self._geometrie = self.plannen.geometry.values
        self._oppervlakte = self.plannen.geometry.area.to_numpy()
        self.p = parameters or laad_parameters()
        self.analyses = dict(analyses or {})
        self._gegeven = lagen
        self._lagen: dict[str, gpd.GeoDataFrame] = {}
        self._paren: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self.plannen)

    @property
    def geometrie(self) -> np.ndarray:
        """De plangeometrieën als shapely-array."""
        return self._geometrie

    @property
    def oppervlakte(self) -> np.ndarray:
        """De oppervlakte van elk plan in m²."""
        return self._oppervlakte

    def laag(self, naam: str) -> gpd.GeoDataFrame:
        """Een laag in EPSG:28992 met index 0..n-1, één keer geladen."""
        if naam not in self._lagen:
            if naam not in self._gegeven:
                raise KeyError(f"Laag '{naam}' ontbreekt in de lagen van de toets")
            gdf = self._gegeven[naam]
            if gdf.crs is None or not gdf.crs.equals(CRS):
                gdf = gdf.to_crs(CRS)
            self._lagen[naam] = gdf.reset_index(drop=True)
        return self._lagen[naam]

    def paren(self, naam: str) -> tuple[np.ndarray, np.ndarray]:
        """Alle (plan, feature)-paren die elkaar raken, via de ruimtelijke index van de laag."""
        if naam not in self._paren:
            laag = self.laag(naam)
            plan, feature = laag.sindex.query(self.geometrie, predicate="intersects")
            self._paren[naam] = (plan, feature)
        return self._paren[naam]

    def raakt(self, naam: str) -> np.ndarray:
        """Per plan: raakt het een feature van de laag (bool-array)."""
        plan, _ = self.paren(naam)
        uit = np.zeros(len(self), dtype=bool)
        uit[plan] = True
        return uit

    def features_per_plan(self, naam: str) -> list[np.ndarray]:
        """Per plan de indexen van de features die het raakt."""
        plan, feature = self.paren(naam)
        return [feature[plan == i] for i in range(len(self))]

    def features_binnen(self, naam: str) -> list[np.ndarray]:
        """Per plan de indexen van de (vlak)features waarmee het oppervlakte deelt.

        Anders dan :meth:`features_per_plan` telt alleen raken (een gedeelde rand) niet:
        een plan naast de binnenstad ligt niet 'in' de binnenstad.
        """
        plan, feature = self.paren(naam)
        stukken = shapely.intersection(self.geometrie[plan], self.laag(naam).geometry.values[feature])
        deelt = shapely.area(stukken) > 0
        plan, feature = plan[deelt], feature[deelt]
        return [feature[plan == i] for i in range(len(self))]

    def overlap(self, naam: str, *, filter_: np.ndarray | None = None) -> tuple[np.ndarray, list[BaseGeometry | None]]:
        """Per plan de oppervlakte (m²) en geometrie van de overlap met de laag.

        ``filter_`` (bool per feature) beperkt de laag, bijvoorbeeld tot groen van minstens 1 ha.
        """
        plan, feature = self.paren(naam)
        if filter_ is not None:
            houd = filter_[feature]
            plan, feature = plan[houd], feature[houd]
        stukken = shapely.intersection(self.geometrie[plan], self.laag(naam).geometry.values[feature])
        opp = np.zeros(len(self))
        geoms: list[BaseGeometry | None] = [None] * len(self)
        for i in np.unique(plan):
            samen = shapely.union_all(stukken[plan == i])
            opp[i] = samen.area
            geoms[i] = samen if not samen.is_empty else None
        return opp, geoms

    def afstand(self, naam: str, *, filter_: np.ndarray | None = None,
                punten: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Per plan (of per punt) de afstand in m tot de dichtstbijzijnde feature, en die feature.

        Geeft ``inf`` en ``-1`` als de (gefilterde) laag leeg is.
        """
        laag = self.laag(naam)
        doelen = np.arange(len(laag)) if filter_ is None else np.flatnonzero(filter_)
        bronnen = self.geometrie if punten is None else punten
        if len(doelen) == 0:
            return np.full(len(bronnen), np.inf), np.full(len(bronnen), -1)
        geoms = laag.geometry.values[doelen]
        boom = shapely.STRtree(geoms)
        (bron, doel), afstand = boom.query_nearest(bronnen, return_distance=True, all_matches=False)
        uit_afstand = np.full(len(bronnen), np.inf)
        uit_feature = np.full(len(bronnen), -1)
        uit_afstand[bron] = afstand
        uit_feature[bron] = doelen[doel]
        return uit_afstand, uit_feature

    def verste_afstand(self, naam: str | tuple[str, ...], *, filter_: np.ndarray | None = None,
                       stap_m: float | None = None) -> np.ndarray:
        """Per plan de afstand van het verst gelegen punt van het plan tot de laag.

        Benadert 'de woning die het verst weg ligt': de rand van het plan wordt om de
        ``stap_m`` bemonsterd (plus het zwaartepunt). Met meer lagen (een tuple namen) telt
        per punt de dichtstbijzijnde feature van al die lagen; ``filter_`` dan niet gebruiken.
        """
        stap_m = stap_m or self.p("ALGEMEEN", "bemonstering_m")
        randen = shapely.segmentize(shapely.boundary(self.geometrie), stap_m)
        coords, plan = shapely.get_coordinates(randen, return_index=True)
        punten = np.concatenate([shapely.points(coords), shapely.centroid(self.geometrie)])
        plan = np.concatenate([plan, np.arange(len(self))])
        namen = (naam,) if isinstance(naam, str) else naam
        afstand = np.min([self.afstand(n, filter_=filter_, punten=punten)[0] for n in namen], axis=0)
        uit = np.zeros(len(self))
        np.maximum.at(uit, plan, afstand)
        return uit

    def focusgebieden(self) -> list[list[str]]:
        """Per plan de namen van de focusgebieden die het raakt."""
        namen = self.laag("focusgebieden").naam.to_numpy()
        return [sorted(namen[f].tolist()) for f in self.features_binnen("focusgebieden")]

    def functies(self, i: int) -> tuple[str, ...]:
        return tuple(self._kolommen["functies"][i] or ())

    def waarde(self, i: int, kolom: str) -> Any:
        """Een programmawaarde van plan ``i``; ``None`` als die ontbreekt (of NaN is)."""
        w = self._kolommen[kolom][i] if kolom in self._kolommen else None
        if w is None or (isinstance(w, float) and np.isnan(w)):
            return None
        return w


def rond(x: float, decimalen: int = 1) -> float:
    """Afgerond getal voor ``waarden`` (JSON-vriendelijk, geen numpy-type)."""
    return round(float(x), decimalen)
