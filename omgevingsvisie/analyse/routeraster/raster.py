"""Het routeraster: barrières en oversteken op een :class:`~omgevingsvisie.analyse._rooster.Rooster`, en de afstanden daarop.

Een cel is geblokkeerd als er een barrièrelijn doorheen loopt (elke aangeraakte cel), als haar
middelpunt in een barrièregebied ligt of als ze buiten het rekengebied valt; een oversteek
(:mod:`.oversteken`) maakt een barrière plaatselijk weer vrij. De afstanden komen uit één
Dijkstra per bestemming op de graaf van :mod:`.graaf`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from scipy import ndimage
from scipy.sparse.csgraph import dijkstra
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from ..._errors import InvoerFout
from ...tekst import getal
from .._rooster import Rooster
from .graaf import _componenten, _compact, _Graaf, _Hulpgraaf
from .oversteken import (DOORGANG_CELLEN, _VERLENG_CELLEN, Oversteek, _delen, _kortste_uitgang, _raaklijn,
                         _verleng_aan_rand, kortste_koorde)

#: Zoveel afstandsvelden bewaart een raster (elk 8 byte per cel).
_BEWAAR_VELDEN = 12


class Routeraster:
    """Raster met barrières, oversteken en de afstanden daarop.

    Parameters
    ----------
    domein : Polygon or MultiPolygon
        Het gebied waarin gelopen en gefietst mag worden (meestal de gemeente); daarbuiten is
        alles geblokkeerd. Een barrière die tot (binnen twee cellen van) de rand loopt, wordt
        tot voorbij de rand doorgetrokken.
    barrieres : mapping of str to LineString
        Barrièrelijnen op naam.
    gebieden : mapping of str to Polygon
        Barrièregebieden op naam; alleen langs de rand en door doorgangen te passeren.
    oversteken : sequence of Oversteek
        Bestaande (en nieuwe) oversteken.
    celgrootte_m : float
        Zijde van een rastercel in meters.
    tolerantie_m : float
        Een oversteek die verder dan dit van haar barrière ligt, telt niet mee (met een
        waarschuwing in :attr:`waarschuwingen`); binnen de tolerantie wordt ze op de lijn gelegd.

    Attributes
    ----------
    geblokkeerd : ndarray of bool, vorm (rijen, kolommen)
    waarschuwingen : list of str
        Oversteken die niet konden worden gebruikt, in het Nederlands.
    """

    def __init__(self, *, domein: BaseGeometry, barrieres: Mapping[str, BaseGeometry],
                 gebieden: Mapping[str, BaseGeometry] | None = None, oversteken: Sequence[Oversteek] = (),
                 celgrootte_m: float = 25.0, tolerantie_m: float = 25.0,
                 _basis: Routeraster | None = None):
        if not celgrootte_m > 0:
            raise InvoerFout(f"De celgrootte moet groter dan 0 m zijn, niet {celgrootte_m}.")
        if domein is None or domein.is_empty:
            raise InvoerFout("Het rekengebied (domein) is leeg.")
        self.domein = domein
        self.barrieres = {str(k): v for k, v in barrieres.items()}
        self.gebieden = {str(k): v for k, v in (gebieden or {}).items()}
        self.oversteken = list(oversteken)
        self.celgrootte_m = float(celgrootte_m)
        self.tolerantie_m = float(tolerantie_m)
        self.waarschuwingen: list[str] = []
        if _basis is not None:
            # zelfde rooster en graafstructuur, alleen andere oversteken
            self._rooster, self._graaf, self._vrije_matrix = _basis._rooster, _basis._graaf, _basis._vrije_matrix
            self._buiten, self._lijncellen = _basis._buiten, _basis._lijncellen
            self._gebiedcellen = _basis._gebiedcellen
            self._vrije_afstanden = _basis._vrije_afstanden
        else:
            # uitgelijnd op de celgrootte, met twee cellen marge: ook de rand van het domein heeft buren
            self._rooster = Rooster.om(domein.bounds, resolutie=self.celgrootte_m, marge=2 * self.celgrootte_m)
            self._graaf = _Graaf(self._rooster)
            self._vrije_matrix = self._graaf.matrix()
            self._buiten = ~self._rooster.masker(domein)
            rand = domein.boundary
            verleng = _VERLENG_CELLEN * self.celgrootte_m
            self._lijncellen = {naam: self._rooster.masker(_verleng_aan_rand(g, rand, verleng), alle_geraakte=True)
                                for naam, g in self.barrieres.items()}
            self._gebiedcellen = {naam: self._rooster.masker(g)
                                  for naam, g in self.gebieden.items()}
            self._vrije_afstanden: dict[bytes, np.ndarray] = {}
        self._afstanden: dict[bytes, np.ndarray] = {}
        self._componenten: np.ndarray | None = None
        self._compact_cache: _Hulpgraaf | None = None
        self._bakens: tuple[np.ndarray, dict[int, np.ndarray]] | None = None
        self.geblokkeerd = self._blokkeer()
        vrij = ~self.geblokkeerd.ravel()
        self._matrix = self._graaf.matrix(vrij)
        # voor elke cel de dichtstbijzijnde vrije cel (om vertrekpunten op een barrière te verplaatsen)
        self._dichtst_vrij = ndimage.distance_transform_edt(self.geblokkeerd, return_distances=False,
                                                           return_indices=True)

    # ------------------------------------------------------------------ opbouw

    def met_oversteken(self, extra: Sequence[Oversteek]) -> Routeraster:
        """Hetzelfde raster met extra oversteken (een nieuwe verbinding); hergebruikt het rooster."""
        return Routeraster(domein=self.domein, barrieres=self.barrieres, gebieden=self.gebieden,
                           oversteken=[*self.oversteken, *extra], celgrootte_m=self.celgrootte_m,
                           tolerantie_m=self.tolerantie_m, _basis=self)

    def _doorgang(self, lijn: BaseGeometry) -> np.ndarray:
        breedte = DOORGANG_CELLEN * self.celgrootte_m
        return self._rooster.masker(lijn.buffer(breedte, cap_style="flat")) | \
            self._rooster.masker(lijn, alle_geraakte=True)

    def _blokkeer(self) -> np.ndarray:
        """Het geblokkeerde raster: buiten het domein, lijnen en gebieden min de doorgangen."""
        lijnen = {k: v.copy() for k, v in self._lijncellen.items()}
        gebieden = {k: v.copy() for k, v in self._gebiedcellen.items()}
        self._open(self.oversteken, lijnen, gebieden, self.waarschuwingen)
        # per barrière de cellen die na de oversteken dicht blijven, voor geblokkeerd_met()
        self._open_lijnen, self._open_gebieden = lijnen, gebieden
        return self._samen(lijnen, gebieden)

    def _samen(self, lijnen: dict[str, np.ndarray], gebieden: dict[str, np.ndarray]) -> np.ndarray:
        geblokkeerd = self._buiten.copy()
        for cellen in (*lijnen.values(), *gebieden.values()):
            geblokkeerd |= cellen
        return geblokkeerd

    def _open(self, oversteken: Sequence[Oversteek], lijnen: dict[str, np.ndarray],
              gebieden: dict[str, np.ndarray], meldingen: list[str]) -> None:
        """Maak de doorgangen van ``oversteken`` vrij in ``lijnen`` en ``gebieden`` (ter plekke).

        Elke oversteek haalt alleen cellen weg (``&= ~doorgang``); de volgorde doet er dus niet toe.
        """
        for o in oversteken:
            g = o.geometrie
            if g is None or g.is_empty:
                meldingen.append(f"Oversteek '{o.naam}' heeft geen geometrie en telt niet mee.")
            elif g.geom_type in ("LineString", "MultiLineString"):
                doorgang = self._doorgang(g)
                for cellen in (*lijnen.values(), *gebieden.values()):
                    cellen &= ~doorgang
            else:
                self._punt(o, g if g.geom_type == "Point" else g.representative_point(), lijnen, gebieden,
                           meldingen)

    def geblokkeerd_met(self, extra: Sequence[Oversteek], meldingen: list[str] | None = None) -> np.ndarray:
        """Het geblokkeerde raster met ``extra`` oversteken, zonder een nieuw raster te bouwen.

        Gelijk aan ``self.met_oversteken(extra).geblokkeerd``, maar alleen de nieuwe oversteken
        worden doorgerekend (de bestaande zijn al verwerkt).

        Parameters
        ----------
        extra : sequence of Oversteek
            De nieuwe oversteken.
        meldingen : list of str, optional
            Hier komen de waarschuwingen over ``extra`` bij (zoals :attr:`waarschuwingen`).

        Returns
        -------
        ndarray of bool, vorm (rijen, kolommen)
        """
        lijnen = {k: v.copy() for k, v in self._open_lijnen.items()}
        gebieden = {k: v.copy() for k, v in self._open_gebieden.items()}
        self._open(extra, lijnen, gebieden, [] if meldingen is None else meldingen)
        return self._samen(lijnen, gebieden)

    def _punt(self, o: Oversteek, punt: shapely.Point, lijnen: dict[str, np.ndarray],
              gebieden: dict[str, np.ndarray], meldingen: list[str]) -> None:
        """Een puntoversteek: een poort in een gebied, of een opening in een (of elke nabije) lijn."""
        if o.barriere in self.gebieden:
            self._poort(o, punt, gebieden, meldingen)
            return
        namen = ([o.barriere] if o.barriere in self.barrieres else
                 [n for n, lijn in self.barrieres.items() if lijn.distance(punt) <= self.tolerantie_m])
        if o.barriere and o.barriere not in self.barrieres:
            meldingen.append(
                f"Oversteek '{o.naam}' noemt een onbekende barrière '{o.barriere}'; "
                f"gebruikt als oversteek van {', '.join(namen) or 'niets'} (binnen {getal(self.tolerantie_m, 1)} m).")
        if not namen and not o.barriere:
            binnen = [n for n, geb in self.gebieden.items() if geb.distance(punt) <= self.tolerantie_m]
            for naam in binnen:
                self._poort(Oversteek(punt, naam, o.naam), punt, gebieden, meldingen)
            if not binnen:
                meldingen.append(f"Oversteek '{o.naam}' ligt niet bij een barrière en telt niet mee.")
        for naam in namen:
            afstand = self.barrieres[naam].distance(punt)
            if afstand > self.tolerantie_m:
                meldingen.append(f"Oversteek '{o.naam}' ligt {afstand:.0f} m van {naam} "
                                           f"(meer dan {getal(self.tolerantie_m, 1)} m) en telt niet mee.")
            else:
                self._open_lijn(naam, punt, lijnen, gebieden)

    def _open_lijn(self, naam: str, punt: shapely.Point, lijnen: dict[str, np.ndarray],
                   gebieden: dict[str, np.ndarray]) -> None:
        """Open lijn ``naam`` bij ``punt``; ligt dat in een barrièregebied, dan ook de kortste weg naar de rand."""
        straal = DOORGANG_CELLEN * self.celgrootte_m
        lijn = self.barrieres[naam]
        op_lijn = nearest_points(lijn, punt)[0]
        lijnen[naam] &= ~self._rooster.schijf(op_lijn.x, op_lijn.y, straal)
        normaal = _raaklijn(lijn, op_lijn)[::-1] * np.array([-1.0, 1.0])
        for gnaam, gebied in self.gebieden.items():
            if gebied.distance(op_lijn) <= straal:
                uitgang = _kortste_uitgang(gebied.buffer(straal), op_lijn, normaal)
                if not uitgang.is_empty:
                    gebieden[gnaam] &= ~self._doorgang(uitgang)

    def _poort(self, o: Oversteek, punt: shapely.Point, gebieden: dict[str, np.ndarray],
               meldingen: list[str]) -> None:
        gebied = self.gebieden[o.barriere]
        afstand = gebied.distance(punt)
        if afstand > self.tolerantie_m:
            meldingen.append(f"Poort '{o.naam}' ligt {afstand:.0f} m van {o.barriere} "
                                       f"(meer dan {getal(self.tolerantie_m, 1)} m) en telt niet mee.")
            return
        if afstand > 0:
            punt = nearest_points(gebied, punt)[0]
        koorde = kortste_koorde(gebied, punt)
        if not koorde.is_empty:
            gebieden[o.barriere] &= ~self._doorgang(koorde)

    # ------------------------------------------------------------------ afstanden

    @property
    def rooster(self) -> Rooster:
        return self._rooster

    def cellen(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Celnummer (rij × kolommen + kolom) per punt; een punt buiten het raster is een fout."""
        rij, kolom, binnen = self._rooster.cel(x, y)
        if not binnen.all():
            raise InvoerFout(f"{int((~binnen).sum())} punt(en) liggen buiten het rekengebied van de routeberekening.")
        return rij * self._rooster.breedte + kolom

    def doelcellen(self, geometrie: BaseGeometry | Sequence[BaseGeometry]) -> np.ndarray:
        """De vrije cellen van een bestemming (punt, lijn of vlak; ook een reeks geometrieën).

        Van een vlak tellen de cellen met hun middelpunt erin plus de cel van een punt erin
        (zodat ook een klein vlak een cel heeft). Is geen enkele cel vrij (bestemming op een
        barrière), dan tellen de dichtstbijzijnde vrije cellen.
        """
        delen = [g for geom in (geometrie if isinstance(geometrie, (list, tuple, np.ndarray)) else [geometrie])
                 for g in _delen(geom)]
        if not delen:
            raise InvoerFout("De bestemming heeft geen geometrie.")
        punten = [g.representative_point() if g.geom_type != "Point" else g for g in delen]
        cellen = set(self.cellen(np.array([p.x for p in punten]), np.array([p.y for p in punten])).tolist())
        vlakken = [g for g in delen if g.geom_type == "Polygon"]
        lijnen = [g for g in delen if g.geom_type == "LineString"]
        raster = self._rooster.masker(vlakken) | self._rooster.masker(lijnen, alle_geraakte=True)
        cellen |= set(np.flatnonzero(raster).tolist())
        cellen = np.array(sorted(cellen), dtype=np.int64)
        vrij = cellen[~self.geblokkeerd.ravel()[cellen]]
        return vrij if len(vrij) else np.unique(self._vrije_cel(cellen))

    def _vrije_cel(self, cellen: np.ndarray) -> np.ndarray:
        rij, kolom = np.divmod(cellen, self._rooster.breedte)
        return self._dichtst_vrij[0][rij, kolom] * self._rooster.breedte + self._dichtst_vrij[1][rij, kolom]

    def afstandveld(self, doelcellen: np.ndarray, *, vrij: bool = False) -> np.ndarray:
        """Afstand (m) van elke cel tot de dichtstbijzijnde doelcel; ``vrij``: zonder barrières.

        De laatste velden worden bewaard (per raster; de vrije velden gedeeld met
        :meth:`met_oversteken`), zodat dezelfde bestemming niet opnieuw wordt berekend.
        """
        doelcellen = np.unique(np.asarray(doelcellen, dtype=np.int64))
        bewaard, matrix = (self._vrije_afstanden, self._vrije_matrix) if vrij else (self._afstanden, self._matrix)
        sleutel = doelcellen.tobytes()
        if sleutel not in bewaard:
            if len(bewaard) >= _BEWAAR_VELDEN:
                bewaard.pop(next(iter(bewaard)))
            bewaard[sleutel] = dijkstra(matrix, indices=doelcellen, min_only=True)
        return bewaard[sleutel]

    def afstanden(self, x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray,
                  doelcellen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Routeafstand en hemelsbrede afstand (beide in m, op het raster) van elk punt tot de bestemming.

        Een vertrekpunt in een geblokkeerde cel (op een barrière, in een barrièregebied) start in
        de dichtstbijzijnde vrije cel; die afstand telt mee in de route. Onbereikbaar: ``inf``.

        Parameters
        ----------
        x, y : array-like
            Vertrekpunten in EPSG:28992.
        doelcellen : ndarray
            Uit :meth:`doelcellen`.

        Returns
        -------
        route_m, hemelsbreed_m : ndarray
        """
        cellen, start, extra = self.startcellen(x, y)
        route = self.afstandveld(doelcellen)[start] + extra
        hemelsbreed = self.afstandveld(doelcellen, vrij=True)[cellen]
        return route, hemelsbreed

    def startcellen(self, x: Sequence[float] | np.ndarray,
                    y: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Waar elk vertrekpunt de route begint: zijn eigen cel, of de dichtstbijzijnde vrije cel.

        Parameters
        ----------
        x, y : array-like
            Vertrekpunten in EPSG:28992.

        Returns
        -------
        cellen : ndarray of int
            De cel van elk punt (voor de hemelsbrede afstand).
        start : ndarray of int
            De cel waar de route begint.
        extra_m : ndarray of float
            Afstand van het punt tot het midden van ``start`` als dat niet zijn eigen cel is, anders 0.
        """
        x, y = np.asarray(x, float), np.asarray(y, float)
        cellen = self.cellen(x, y)
        start = self._vrije_cel(cellen)
        return cellen, start, self._extra(x, y, cellen, start)

    def _extra(self, x: np.ndarray, y: np.ndarray, cellen: np.ndarray, start: np.ndarray) -> np.ndarray:
        rij, kolom = np.divmod(start, self._rooster.breedte)
        mx, my = self._rooster.middens(rij, kolom)
        return np.where(start == cellen, 0.0, np.hypot(mx - x, my - y))

    @property
    def _compacte_graaf(self) -> _Hulpgraaf:
        """De graaf zonder de stappen met oneindig gewicht, met hulpknopen (bewaard; voor :class:`VoorNa`)."""
        if self._compact_cache is None:
            self._compact_cache = _Hulpgraaf(_compact(self._matrix))
        return self._compact_cache

    def _bakenvelden(self, rond: int, straal: float) -> list[np.ndarray]:
        """Afstandvelden (float32) vanuit de bestaande oversteken binnen ``straal`` (m) van cel ``rond``.

        Een *baken* is de vrije cel van een oversteek; zijn veld (één Dijkstra over het hele
        raster) wordt bij het eerste gebruik berekend en bewaard. :meth:`VoorNa.beide_meer` haalt
        er een bovengrens uit voor een route naar de overkant (via een bestaande oversteek).
        """
        if self._bakens is None:
            punten = [o.geometrie.representative_point() for o in self.oversteken
                      if o.geometrie is not None and not o.geometrie.is_empty]
            x, y = np.array([p.x for p in punten]), np.array([p.y for p in punten])
            rij, kolom, binnen = self._rooster.cel(x, y)
            cellen = self._vrije_cel(rij[binnen] * self._rooster.breedte + kolom[binnen])
            self._bakens = (np.unique(cellen), {})
        cellen, velden = self._bakens
        rij, kolom = np.divmod(cellen, self._rooster.breedte)
        r0, k0 = divmod(int(rond), self._rooster.breedte)
        dichtbij = [int(c) for c in cellen[self._rooster.resolutie * np.hypot(rij - r0, kolom - k0) <= straal]]
        nieuw = [c for c in dichtbij if c not in velden]
        if nieuw:
            uit = dijkstra(self._compacte_graaf.graaf, indices=nieuw, min_only=False)
            for c, veld in zip(nieuw, uit.reshape(len(nieuw), -1)):
                velden[c] = veld.astype(np.float32)
        return [velden[c] for c in dichtbij]

    @property
    def componenten(self) -> np.ndarray:
        """Samenhangende delen van het raster: per cel een volgnummer (0 voor geblokkeerde cellen).

        Twee vrije cellen zijn alleen via een route verbonden als ze hetzelfde nummer hebben.
        """
        if self._componenten is None:
            self._componenten = _componenten(self.geblokkeerd)
        return self._componenten

    def omrijfactor(self, route_m: np.ndarray, hemelsbreed_m: np.ndarray) -> np.ndarray:
        """Omrijfactor per punt: route / hemelsbreed, met de noemer minstens één cel; minstens 1."""
        with np.errstate(invalid="ignore"):
            return np.maximum(1.0, np.asarray(route_m) / np.maximum(np.asarray(hemelsbreed_m), self.celgrootte_m))

