"""Kortste routes voor fietser en voetganger op een raster met barrières.

Het rekengebied (meestal de gemeente) wordt een raster van vierkante cellen. Een cel is
geblokkeerd als er een barrièrelijn doorheen loopt (elke aangeraakte cel), als haar middelpunt
in een barrièregebied ligt of als ze buiten het rekengebied valt. Een oversteek maakt een
barrière plaatselijk weer vrij:

- een **punt** op een barrièrelijn opent alleen díe lijn, over een schijf met een straal van
  1,5 cel rond het punt (een doorgang van drie cellen breed); ligt het punt in een
  barrièregebied, dan loopt de doorgang aan beide kanten van de lijn langs de kortste rechte
  weg naar de rand van het gebied (andere barrièrelijnen blijven dicht);
- een **punt** waarvan ``barriere`` een barrièregebied noemt, is een poort: het gebied wordt
  doorsneden langs de kortste koorde door dat punt (drie cellen breed);
- een **lijn** (een nieuwe verbinding) opent alle barrières die ze kruist, drie cellen breed.

Een route gaat van cel naar cel in zestien richtingen (de acht buren en de acht
paardensprongen); een schuine stap mag alleen als ook de cellen waar hij langs scheert vrij
zijn, zodat een route nooit tussen twee geblokkeerde cellen door glipt. De afstanden komen
uit één Dijkstra per bestemming (``scipy.sparse.csgraph``), vanuit alle cellen van de
bestemming tegelijk, en gelden dus voor elk vertrekpunt tegelijk.

Zestien richtingen maken een route hooguit 2,7 % langer dan de rechte lijn. Daarom wordt de
hemelsbrede afstand op hetzelfde raster gemeten, zonder barrières: de omrijfactor is de
verhouding tussen twee afstanden die met dezelfde maat zijn gemeten, en is precies 1 als er
niets in de weg ligt.

Voorbeelden
-----------
>>> from shapely.geometry import LineString, Point, box
>>> rivier = LineString([(0, 500), (2000, 500)])
>>> raster = Routeraster(domein=box(0, 0, 2000, 1000), barrieres={"rivier": rivier},
...                      oversteken=[Oversteek(Point(1500, 500), "rivier")], celgrootte_m=10)
>>> route, hemelsbreed = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
>>> round(float(route[0] / hemelsbreed[0]), 1)
10.2
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from rasterio import features
from rasterio.transform import Affine
from scipy import ndimage, sparse
from scipy.sparse.csgraph import dijkstra
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .._errors import InvoerFout

__all__ = ["Oversteek", "Routeraster", "kortste_koorde"]

#: De zestien stappen (rij, kolom): acht buren en acht paardensprongen.
_STAPPEN = np.array([(0, 1), (1, 0), (1, 1), (1, -1), (1, 2), (2, 1), (2, -1), (1, -2)])
_STAPPEN = np.concatenate([_STAPPEN, -_STAPPEN])
#: Straal van een doorgang bij een oversteek, in cellen (doorgang van drie cellen breed).
DOORGANG_CELLEN = 1.5
#: Zo ver (in cellen) wordt een lijn die bij de rand van het rekengebied eindigt doorgetrokken.
_VERLENG_CELLEN = 3.0
#: Zoveel afstandsvelden bewaart een raster (elk 8 byte per cel).
_BEWAAR_VELDEN = 12


def _tussencellen(dy: int, dx: int) -> list[tuple[int, int]]:
    """Cellen waar een schuine stap langs scheert; die moeten vrij zijn."""
    sy, sx = int(np.sign(dy)), int(np.sign(dx))
    if dy == 0 or dx == 0:
        return []
    if abs(dy) == abs(dx):
        return [(0, sx), (sy, 0)]
    if abs(dx) == 2:
        return [(0, sx), (sy, sx)]
    return [(sy, 0), (sy, sx)]


@dataclass(frozen=True)
class Oversteek:
    """Een plek waar fietser en voetganger een barrière kunnen passeren.

    Parameters
    ----------
    geometrie : Point or LineString
        Een punt óp de barrièrelijn (brug, tunnel, kruising) of in/aan een barrièregebied
        (poort), of een lijn: de verbinding zelf.
    barriere : str, optional
        Naam van de barrière die de oversteek passeert. Zonder (of met een onbekende) naam
        opent een punt alle barrières binnen de tolerantie; een lijn opent altijd alles wat
        ze kruist.
    naam : str
        Voor meldingen.
    """

    geometrie: BaseGeometry
    barriere: str | None = None
    naam: str = ""


class _Rooster:
    """De geometrie van het raster: cellen van ``cel`` m, rij 0 bovenaan."""

    def __init__(self, grenzen: tuple[float, float, float, float], cel: float):
        xmin, ymin, xmax, ymax = grenzen
        self.cel = float(cel)
        self.x0 = math.floor(xmin / cel) * cel - 2 * cel
        self.y0 = math.ceil(ymax / cel) * cel + 2 * cel
        self.nx = int(math.ceil((xmax - self.x0) / cel)) + 2
        self.ny = int(math.ceil((self.y0 - ymin) / cel)) + 2
        self.transform = Affine(cel, 0.0, self.x0, 0.0, -cel, self.y0)

    @property
    def n(self) -> int:
        return self.ny * self.nx

    def brand(self, geometrieen: Iterable[BaseGeometry], *, alle_aangeraakt: bool) -> np.ndarray:
        """Booleaans raster: cellen die door de geometrieën worden geraakt."""
        vormen = [(g, 1) for g in geometrieen if g is not None and not g.is_empty]
        if not vormen:
            return np.zeros((self.ny, self.nx), dtype=bool)
        return features.rasterize(vormen, out_shape=(self.ny, self.nx), transform=self.transform,
                                  all_touched=alle_aangeraakt, fill=0, dtype="uint8").astype(bool)

    def cel_van(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rij en kolom van de cel waarin elk punt ligt."""
        kolom = np.floor((np.asarray(x, float) - self.x0) / self.cel).astype(np.int64)
        rij = np.floor((self.y0 - np.asarray(y, float)) / self.cel).astype(np.int64)
        return rij, kolom

    def middelpunt(self, rij: np.ndarray, kolom: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self.x0 + (kolom + 0.5) * self.cel, self.y0 - (rij + 0.5) * self.cel

    def schijf(self, x: float, y: float, straal: float) -> np.ndarray:
        """Booleaans raster: cellen waarvan het middelpunt binnen ``straal`` van (x, y) ligt."""
        uit = np.zeros((self.ny, self.nx), dtype=bool)
        r0, k0 = self.cel_van(np.array([x]), np.array([y]))
        n = int(math.ceil(straal / self.cel)) + 1
        rijen = np.arange(max(r0[0] - n, 0), min(r0[0] + n + 1, self.ny))
        kolommen = np.arange(max(k0[0] - n, 0), min(k0[0] + n + 1, self.nx))
        rr, kk = np.meshgrid(rijen, kolommen, indexing="ij")
        mx, my = self.middelpunt(rr, kk)
        uit[rr, kk] = np.hypot(mx - x, my - y) <= straal
        return uit


class _Graaf:
    """De zestien-richtingengraaf van een rooster; per scenario alleen nieuwe gewichten."""

    def __init__(self, rooster: _Rooster):
        n, nx, ny = rooster.n, rooster.nx, rooster.ny
        rij, kolom = np.divmod(np.arange(n), nx)
        r = rij[:, None] + _STAPPEN[:, 0]
        k = kolom[:, None] + _STAPPEN[:, 1]
        binnen = (r >= 0) & (r < ny) & (k >= 0) & (k < nx)
        zelf = np.broadcast_to(np.arange(n)[:, None], r.shape)
        self.naar = np.where(binnen, r * nx + k, zelf)
        # Per stap de cellen waar hij langs scheert (buiten het raster: de cel zelf).
        self.langs = []
        for j, (dy, dx) in enumerate(_STAPPEN):
            for ty, tx in _tussencellen(int(dy), int(dx)):
                rt, kt = rij + ty, kolom + tx
                ok = binnen[:, j] & (rt >= 0) & (rt < ny) & (kt >= 0) & (kt < nx)
                self.langs.append((j, np.where(ok, rt * nx + kt, np.arange(n))))
        self.lengte = np.where(binnen, rooster.cel * np.hypot(_STAPPEN[:, 0], _STAPPEN[:, 1]), np.inf)
        self.indptr = np.arange(0, len(_STAPPEN) * n + 1, len(_STAPPEN))
        self.n = n

    def matrix(self, vrij: np.ndarray | None = None) -> sparse.csr_matrix:
        """De graaf als CSR-matrix; stappen van, naar of langs een geblokkeerde cel kosten oneindig."""
        gewicht = self.lengte
        if vrij is not None:
            mag = vrij[:, None] & vrij[self.naar]
            for j, cellen in self.langs:
                mag[:, j] &= vrij[cellen]
            gewicht = np.where(mag, self.lengte, np.inf)
        return sparse.csr_matrix((gewicht.ravel(), self.naar.ravel(), self.indptr), shape=(self.n, self.n))


def _delen(geometrie: BaseGeometry) -> list[BaseGeometry]:
    return [g for g in shapely.get_parts(geometrie) if not g.is_empty]


def _verleng_aan_rand(lijn: BaseGeometry, rand: BaseGeometry, afstand: float) -> BaseGeometry:
    """Trek de uiteinden die bij of buiten de rand van het rekengebied liggen een stuk door.

    Zo sluit een barrière die tot de gemeentegrens loopt ook in het raster aan op de rand en
    kan een route er niet tussendoor glippen.
    """
    nieuw = []
    for deel in _delen(lijn):
        punten = np.asarray(deel.coords)[:, :2]
        if len(punten) < 2:
            continue
        begin, eind = [], []
        for p, q, doel in ((punten[0], punten[1], begin), (punten[-1], punten[-2], eind)):
            if rand.distance(shapely.Point(p)) <= afstand:
                richting = (p - q) / max(np.hypot(*(p - q)), 1e-9)
                doel.append(p + richting * afstand)
        nieuw.append(shapely.LineString([*begin, *punten, *eind]))
    return shapely.MultiLineString(nieuw) if nieuw else lijn


def _raaklijn(lijn: BaseGeometry, punt: shapely.Point) -> np.ndarray:
    """Eenheidsvector langs ``lijn`` bij ``punt``."""
    deel = min(_delen(lijn), key=lambda d: d.distance(punt))
    s = deel.project(punt)
    a, b = deel.interpolate(max(s - 1.0, 0.0)), deel.interpolate(min(s + 1.0, deel.length))
    v = np.array([b.x - a.x, b.y - a.y])
    return v / max(np.hypot(*v), 1e-9)


def _stuk_door(gebied: BaseGeometry, punt: shapely.Point, richting: np.ndarray) -> BaseGeometry:
    """Het stuk van de rechte lijn door ``punt`` in ``richting`` dat binnen ``gebied`` ligt en het punt raakt."""
    xmin, ymin, xmax, ymax = gebied.bounds
    lengte = 2 * math.hypot(xmax - xmin, ymax - ymin) + 1.0
    d = richting * lengte
    lijn = shapely.LineString([(punt.x - d[0], punt.y - d[1]), (punt.x + d[0], punt.y + d[1])])
    stukken = [s for s in _delen(lijn.intersection(gebied)) if s.distance(punt) < 1e-6]
    return stukken[0] if stukken else shapely.LineString()


def _kortste_uitgang(gebied: BaseGeometry, punt: shapely.Point, normaal: np.ndarray, *,
                     stap_graden: float = 5.0) -> BaseGeometry:
    """De kortste rechte weg van ``punt`` naar de rand van ``gebied``, aan beide kanten van een lijn.

    ``normaal`` staat haaks op de lijn; per kant worden de richtingen van 5° tot 175° ten
    opzichte van de lijn geprobeerd (niet langs de lijn zelf). Geeft de twee stukken samen.
    """
    xmin, ymin, xmax, ymax = gebied.bounds
    lengte = 2 * math.hypot(xmax - xmin, ymax - ymin) + 1.0
    raaklijn = np.array([normaal[1], -normaal[0]])
    stukken = []
    for kant in (1.0, -1.0):
        beste = None
        for hoek in np.radians(np.arange(stap_graden, 180.0, stap_graden)):
            richting = math.cos(hoek) * raaklijn + kant * math.sin(hoek) * normaal
            straal = shapely.LineString([(punt.x, punt.y), (punt.x + richting[0] * lengte,
                                                            punt.y + richting[1] * lengte)])
            delen = [d for d in _delen(straal.intersection(gebied)) if d.distance(punt) < 1e-6]
            if delen and (beste is None or delen[0].length < beste.length):
                beste = delen[0]
        if beste is not None:
            stukken.append(beste)
    return shapely.union_all(stukken) if stukken else shapely.LineString()


def kortste_koorde(gebied: BaseGeometry, punt: shapely.Point, *, stappen: int = 180) -> BaseGeometry:
    """De kortste rechte doorsnede van ``gebied`` door ``punt`` (hoeken per graad).

    Parameters
    ----------
    gebied : Polygon or MultiPolygon
    punt : Point
        In of op de rand van het gebied.
    stappen : int
        Aantal richtingen tussen 0° en 180°.
    """
    beste = shapely.LineString()
    for hoek in np.linspace(0.0, math.pi, stappen, endpoint=False):
        stuk = _stuk_door(gebied, punt, np.array([math.cos(hoek), math.sin(hoek)]))
        if not stuk.is_empty and (beste.is_empty or stuk.length < beste.length):
            beste = stuk
    return beste


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
            self._rooster = _Rooster(domein.bounds, self.celgrootte_m)
            self._graaf = _Graaf(self._rooster)
            self._vrije_matrix = self._graaf.matrix()
            self._buiten = ~self._rooster.brand([domein], alle_aangeraakt=False)
            rand = domein.boundary
            verleng = _VERLENG_CELLEN * self.celgrootte_m
            self._lijncellen = {naam: self._rooster.brand([_verleng_aan_rand(g, rand, verleng)], alle_aangeraakt=True)
                                for naam, g in self.barrieres.items()}
            self._gebiedcellen = {naam: self._rooster.brand([g], alle_aangeraakt=False)
                                  for naam, g in self.gebieden.items()}
            self._vrije_afstanden: dict[bytes, np.ndarray] = {}
        self._afstanden: dict[bytes, np.ndarray] = {}
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
        return self._rooster.brand([lijn.buffer(breedte, cap_style="flat")], alle_aangeraakt=False) | \
            self._rooster.brand([lijn], alle_aangeraakt=True)

    def _blokkeer(self) -> np.ndarray:
        """Het geblokkeerde raster: buiten het domein, lijnen en gebieden min de doorgangen."""
        lijnen = {k: v.copy() for k, v in self._lijncellen.items()}
        gebieden = {k: v.copy() for k, v in self._gebiedcellen.items()}
        for o in self.oversteken:
            g = o.geometrie
            if g is None or g.is_empty:
                self.waarschuwingen.append(f"Oversteek '{o.naam}' heeft geen geometrie en telt niet mee.")
            elif g.geom_type in ("LineString", "MultiLineString"):
                doorgang = self._doorgang(g)
                for cellen in (*lijnen.values(), *gebieden.values()):
                    cellen &= ~doorgang
            else:
                self._punt(o, g if g.geom_type == "Point" else g.representative_point(), lijnen, gebieden)
        geblokkeerd = self._buiten.copy()
        for cellen in (*lijnen.values(), *gebieden.values()):
            geblokkeerd |= cellen
        return geblokkeerd

    def _punt(self, o: Oversteek, punt: shapely.Point, lijnen: dict[str, np.ndarray],
              gebieden: dict[str, np.ndarray]) -> None:
        """Een puntoversteek: een poort in een gebied, of een opening in een (of elke nabije) lijn."""
        if o.barriere in self.gebieden:
            self._poort(o, punt, gebieden)
            return
        namen = ([o.barriere] if o.barriere in self.barrieres else
                 [n for n, lijn in self.barrieres.items() if lijn.distance(punt) <= self.tolerantie_m])
        if o.barriere and o.barriere not in self.barrieres:
            self.waarschuwingen.append(
                f"Oversteek '{o.naam}' noemt een onbekende barrière '{o.barriere}'; "
                f"gebruikt als oversteek van {', '.join(namen) or 'niets'} (binnen {self.tolerantie_m:g} m).")
        if not namen and not o.barriere:
            binnen = [n for n, geb in self.gebieden.items() if geb.distance(punt) <= self.tolerantie_m]
            for naam in binnen:
                self._poort(Oversteek(punt, naam, o.naam), punt, gebieden)
            if not binnen:
                self.waarschuwingen.append(f"Oversteek '{o.naam}' ligt niet bij een barrière en telt niet mee.")
        for naam in namen:
            afstand = self.barrieres[naam].distance(punt)
            if afstand > self.tolerantie_m:
                self.waarschuwingen.append(f"Oversteek '{o.naam}' ligt {afstand:.0f} m van {naam} "
                                           f"(meer dan {self.tolerantie_m:g} m) en telt niet mee.")
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

    def _poort(self, o: Oversteek, punt: shapely.Point, gebieden: dict[str, np.ndarray]) -> None:
        gebied = self.gebieden[o.barriere]
        afstand = gebied.distance(punt)
        if afstand > self.tolerantie_m:
            self.waarschuwingen.append(f"Poort '{o.naam}' ligt {afstand:.0f} m van {o.barriere} "
                                       f"(meer dan {self.tolerantie_m:g} m) en telt niet mee.")
            return
        if afstand > 0:
            punt = nearest_points(gebied, punt)[0]
        koorde = kortste_koorde(gebied, punt)
        if not koorde.is_empty:
            gebieden[o.barriere] &= ~self._doorgang(koorde)

    # ------------------------------------------------------------------ afstanden

    @property
    def rooster(self) -> _Rooster:
        return self._rooster

    def cellen(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Celnummer (rij × kolommen + kolom) per punt; een punt buiten het raster is een fout."""
        rij, kolom = self._rooster.cel_van(x, y)
        buiten = (rij < 0) | (rij >= self._rooster.ny) | (kolom < 0) | (kolom >= self._rooster.nx)
        if buiten.any():
            raise InvoerFout(f"{int(buiten.sum())} punt(en) liggen buiten het rekengebied van de routeberekening.")
        return rij * self._rooster.nx + kolom

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
        raster = self._rooster.brand(vlakken, alle_aangeraakt=False) | self._rooster.brand(lijnen, alle_aangeraakt=True)
        cellen |= set(np.flatnonzero(raster).tolist())
        cellen = np.array(sorted(cellen), dtype=np.int64)
        vrij = cellen[~self.geblokkeerd.ravel()[cellen]]
        return vrij if len(vrij) else np.unique(self._vrije_cel(cellen))

    def _vrije_cel(self, cellen: np.ndarray) -> np.ndarray:
        rij, kolom = np.divmod(cellen, self._rooster.nx)
        return self._dichtst_vrij[0][rij, kolom] * self._rooster.nx + self._dichtst_vrij[1][rij, kolom]

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
        x, y = np.asarray(x, float), np.asarray(y, float)
        cellen = self.cellen(x, y)
        start = self._vrije_cel(cellen)
        rij, kolom = np.divmod(start, self._rooster.nx)
        mx, my = self._rooster.middelpunt(rij, kolom)
        extra = np.where(start == cellen, 0.0, np.hypot(mx - x, my - y))
        route = self.afstandveld(doelcellen)[start] + extra
        hemelsbreed = self.afstandveld(doelcellen, vrij=True)[cellen]
        return route, hemelsbreed

    def omrijfactor(self, route_m: np.ndarray, hemelsbreed_m: np.ndarray) -> np.ndarray:
        """Omrijfactor per punt: route / hemelsbreed, met de noemer minstens één cel; minstens 1."""
        with np.errstate(invalid="ignore"):
            return np.maximum(1.0, np.asarray(route_m) / np.maximum(np.asarray(hemelsbreed_m), self.celgrootte_m))
