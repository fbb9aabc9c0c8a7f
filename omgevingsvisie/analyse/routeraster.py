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

Een nieuwe oversteek verandert het raster maar plaatselijk; :class:`VoorNa` rekent de afstanden
ná vanuit de bewaarde afstandvelden vóór en een paar kleine Dijkstra's rond de oversteek, met
dezelfde uitkomst als een nieuw raster (:meth:`Routeraster.met_oversteken`).

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

__all__ = ["Oversteek", "Routeraster", "VoorNa", "kortste_koorde"]

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
        return self._rooster.brand([lijn.buffer(breedte, cap_style="flat")], alle_aangeraakt=False) | \
            self._rooster.brand([lijn], alle_aangeraakt=True)

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
                f"gebruikt als oversteek van {', '.join(namen) or 'niets'} (binnen {self.tolerantie_m:g} m).")
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

    def _poort(self, o: Oversteek, punt: shapely.Point, gebieden: dict[str, np.ndarray],
               meldingen: list[str]) -> None:
        gebied = self.gebieden[o.barriere]
        afstand = gebied.distance(punt)
        if afstand > self.tolerantie_m:
            meldingen.append(f"Poort '{o.naam}' ligt {afstand:.0f} m van {o.barriere} "
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
        rij, kolom = np.divmod(start, self._rooster.nx)
        mx, my = self._rooster.middelpunt(rij, kolom)
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
            rij, kolom = self._rooster.cel_van(x, y)
            binnen = (rij >= 0) & (rij < self._rooster.ny) & (kolom >= 0) & (kolom < self._rooster.nx)
            cellen = self._vrije_cel(rij[binnen] * self._rooster.nx + kolom[binnen])
            self._bakens = (np.unique(cellen), {})
        cellen, velden = self._bakens
        rij, kolom = np.divmod(cellen, self._rooster.nx)
        r0, k0 = divmod(int(rond), self._rooster.nx)
        dichtbij = [int(c) for c in cellen[self._rooster.cel * np.hypot(rij - r0, kolom - k0) <= straal]]
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


# ------------------------------------------------------------------ plaatselijk doorrekenen van een nieuwe oversteek

#: Vensters rond de doorgang van een nieuwe oversteek (m rondom) voor de afstanden ná van de
#: randcellen, van klein naar groot; daarna het hele raster.
VENSTER_MARGES_M = (250.0, 1000.0, 4000.0)
#: Een Dijkstra op het raster vóór rekent in een venster rond de betrokken cellen als dat hooguit
#: zoveel meter marge nodig heeft; anders over het hele raster.
_GROOTSTE_MARGE_M = 3000.0
#: Zo'n venster krijgt minstens deze marge (dan past de volgende Dijkstra er meestal ook in).
_KLEINSTE_MARGE_M = 1000.0
#: Factor waarmee de grens van een Dijkstra groeit als nog niet elk vertrekpunt zeker is.
_GROEI = 1.5
#: Eerste grens voor stap 2 van een punt dat vóór de bestemming niet bereikt: zoveel keer de
#: ondergrens van zijn afstand ná.
_SCHATTING = 1.5
#: Elke zaadwaarde van een Dijkstra vanuit een hulpknoop wordt hiermee verhoogd (een stap van 0 m bestaat niet).
_ZAAD_M = 1.0
#: Buren voor de samenhang: twee vrije cellen zijn verbonden als er een pad over zijburen is.
_VIERBUREN = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)


def _componenten(geblokkeerd: np.ndarray) -> np.ndarray:
    """Volgnummer van het samenhangende deel per cel (0: geblokkeerd), plat.

    Elke stap van de zestien-richtingengraaf kan worden vervangen door stappen tussen zijburen
    over de cellen waar hij langs scheert (die moeten vrij zijn), en elke stap naar een vrije
    zijbuur is een stap van de graaf; de samenhang van de graaf is dus die van de vrije cellen
    met vier buren.
    """
    labels, _ = ndimage.label(~geblokkeerd, structure=_VIERBUREN)
    return labels.ravel()


def _compact(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Dezelfde graaf zonder de stappen met oneindig gewicht (minder werk per Dijkstra)."""
    houd = np.isfinite(matrix.data)
    indptr = np.concatenate([[0], np.cumsum(houd)])[matrix.indptr].astype(np.int32)
    return sparse.csr_matrix((matrix.data[houd], matrix.indices[houd].astype(np.int32), indptr), shape=matrix.shape)


def _venstergraaf(vrij: np.ndarray, cel: float) -> sparse.csr_matrix:
    """De zestien-richtingengraaf van een (deel)raster met vrije cellen ``vrij``.

    Dezelfde regels als :meth:`_Graaf.matrix`: een stap mag als begin, eind en de cellen waar
    hij langs scheert vrij zijn; een stap die niet mag (of buiten het venster valt) kost
    oneindig. Zestien plaatsen per knoop, zodat de opbouw zonder zoeken gaat.

    Parameters
    ----------
    vrij : ndarray of bool, vorm (rijen, kolommen)
    cel : float
        Celgrootte in m.
    """
    h, w = vrij.shape
    n = h * w
    gewicht = np.full((len(_STAPPEN), h, w), np.inf)
    lengte = cel * np.hypot(_STAPPEN[:, 0], _STAPPEN[:, 1])
    for j, (dy, dx) in enumerate(_STAPPEN.tolist()):
        r0, r1, k0, k1 = max(0, -dy), h - max(0, dy), max(0, -dx), w - max(0, dx)
        if r1 <= r0 or k1 <= k0:
            continue
        stap = vrij[r0:r1, k0:k1] & vrij[r0 + dy:r1 + dy, k0 + dx:k1 + dx]
        for ty, tx in _tussencellen(dy, dx):
            stap &= vrij[r0 + ty:r1 + ty, k0 + tx:k1 + tx]
        gewicht[j, r0:r1, k0:k1][stap] = lengte[j]
    naar = np.arange(n, dtype=np.int32)[:, None] + (_STAPPEN[:, 0] * w + _STAPPEN[:, 1]).astype(np.int32)
    np.clip(naar, 0, n - 1, out=naar)  # een stap buiten het venster kost oneindig; elke knoop is goed
    return sparse.csr_matrix((np.ascontiguousarray(gewicht.reshape(len(_STAPPEN), n).T).ravel(), naar.ravel(),
                              np.arange(0, len(_STAPPEN) * n + 1, len(_STAPPEN), dtype=np.int32)), shape=(n, n))


def _uitsnede(matrix: sparse.csr_matrix, rooster: _Rooster, grenzen: tuple[int, int, int, int]) -> sparse.csr_matrix:
    """De graaf van :meth:`_Graaf.matrix` (zestien plaatsen per cel) binnen een venster.

    Dezelfde gewichten; een stap naar buiten het venster kost oneindig.
    """
    r0, r1, k0, k1 = grenzen
    h, w = r1 - r0, k1 - k0
    n = h * w
    gewicht = matrix.data.reshape(rooster.ny, rooster.nx, len(_STAPPEN))[r0:r1, k0:k1, :].copy()
    for j, (dy, dx) in enumerate(_STAPPEN.tolist()):
        if dy > 0:
            gewicht[h - dy:, :, j] = np.inf
        elif dy < 0:
            gewicht[:-dy, :, j] = np.inf
        if dx > 0:
            gewicht[:, w - dx:, j] = np.inf
        elif dx < 0:
            gewicht[:, :-dx, j] = np.inf
    naar = np.arange(n, dtype=np.int32)[:, None] + (_STAPPEN[:, 0] * w + _STAPPEN[:, 1]).astype(np.int32)
    np.clip(naar, 0, n - 1, out=naar)
    return sparse.csr_matrix((gewicht.ravel(), naar.ravel(),
                              np.arange(0, len(_STAPPEN) * n + 1, len(_STAPPEN), dtype=np.int32)), shape=(n, n))


class _Hulpgraaf:
    """Een graaf voor Dijkstra's vanuit hulpknopen met startwaarden.

    Per zaadlijst komt er een hulpknoop bij met een stap naar elk zaad (gewicht: de waarde,
    plus :data:`_ZAAD_M` omdat een stap van 0 m niet bestaat); één Dijkstra-aanroep rekent
    vanuit alle hulpknopen. De stappen gaan alleen van een hulpknoop af (gerichte graaf), zodat
    geen route via een hulpknoop kan afsnijden. Ze worden per aanroep achter de vaste stappen
    geschreven, zodat de graaf niet telkens wordt gekopieerd; daarom niet geschikt om vanuit
    meerdere threads tegelijk te gebruiken.
    """

    def __init__(self, graaf: sparse.csr_matrix, ruimte: int = 4096):
        self.graaf = graaf
        self.n, self._nnz = graaf.shape[0], graaf.nnz
        self._indptr = graaf.indptr.astype(np.int32)
        self._indices = np.concatenate([graaf.indices.astype(np.int32), np.zeros(ruimte, dtype=np.int32)])
        self._data = np.concatenate([graaf.data.astype(float), np.zeros(ruimte)])

    def dijkstra(self, zaadlijsten: Sequence[tuple[np.ndarray, np.ndarray]], limiet: float = math.inf) -> np.ndarray:
        """Per zaadlijst en knoop: min over de zaden z van (waarde(z) + afstand(z, knoop)); ``inf`` boven ``limiet``.

        Parameters
        ----------
        zaadlijsten : sequence of (ndarray, ndarray)
            Per Dijkstra de knopen van de zaden en hun startwaarden.
        limiet : float
            Grens op de totale afstand (startwaarde plus route).

        Returns
        -------
        ndarray, vorm (aantal zaadlijsten, knopen)
        """
        k = len(zaadlijsten)
        aantallen = np.array([len(z) for z, _ in zaadlijsten], dtype=np.int64)
        eind = self._nnz + int(aantallen.sum())
        if eind > len(self._indices):
            ruimte = 2 * (eind - self._nnz)
            self._indices = np.concatenate([self._indices[:self._nnz], np.zeros(ruimte, dtype=np.int32)])
            self._data = np.concatenate([self._data[:self._nnz], np.zeros(ruimte)])
        plek = self._nnz
        for zaden, waarden in zaadlijsten:
            self._indices[plek:plek + len(zaden)] = zaden
            self._data[plek:plek + len(zaden)] = np.asarray(waarden, dtype=float) + _ZAAD_M
            plek += len(zaden)
        indptr = np.concatenate([self._indptr, self._nnz + np.cumsum(aantallen)]).astype(np.int32)
        met_bronnen = sparse.csr_matrix((self._data[:eind], self._indices[:eind], indptr),
                                        shape=(self.n + k, self.n + k), copy=False)
        afstand = dijkstra(met_bronnen, indices=np.arange(self.n, self.n + k), limit=limiet + _ZAAD_M)
        afstand = afstand.reshape(k, self.n + k)[:, :self.n]
        afstand -= _ZAAD_M
        return afstand


class _Venster:
    """Een rechthoekig deel van het rooster (rijen ``r0:r1``, kolommen ``k0:k1``) met zijn graaf."""

    def __init__(self, rooster: _Rooster, grenzen: tuple[int, int, int, int], graaf: _Hulpgraaf,
                 marge_m: float = 0.0):
        self.r0, self.r1, self.k0, self.k1 = grenzen
        self.nx = rooster.nx
        self.h, self.w = self.r1 - self.r0, self.k1 - self.k0
        self.heel = grenzen == (0, rooster.ny, 0, rooster.nx)
        self.graaf, self.marge_m = graaf, marge_m
        # Ondergrens (m) van de rechte afstand van een celmidden tot elke cel buiten het venster;
        # aan een kant waar het venster tot de rand van het rooster loopt, ligt niets.
        rij, kolom = np.arange(self.r0, self.r1), np.arange(self.k0, self.k1)
        boven = rij - self.r0 + 1.0 if self.r0 > 0 else np.full(self.h, np.inf)
        onder = self.r1 - rij + 0.0 if self.r1 < rooster.ny else np.full(self.h, np.inf)
        links = kolom - self.k0 + 1.0 if self.k0 > 0 else np.full(self.w, np.inf)
        rechts = self.k1 - kolom + 0.0 if self.k1 < rooster.nx else np.full(self.w, np.inf)
        self._rand_rij = rooster.cel * np.minimum(boven, onder)
        self._rand_kolom = rooster.cel * np.minimum(links, rechts)

    def lokaal(self, cellen: np.ndarray) -> np.ndarray:
        """Knoopnummers in het venster van celnummers in het rooster."""
        rij, kolom = np.divmod(cellen, self.nx)
        return (rij - self.r0) * self.w + (kolom - self.k0)

    def rand(self, cellen: np.ndarray) -> np.ndarray:
        """Per cel een ondergrens (m) van de lengte van elk stuk route naar buiten het venster."""
        rij, kolom = np.divmod(cellen, self.nx)
        return np.minimum(self._rand_rij[rij - self.r0], self._rand_kolom[kolom - self.k0])


class _Veld:
    """Afstanden uit een Dijkstra in een venster, op te vragen met celnummers van het rooster."""

    def __init__(self, venster: _Venster, waarden: np.ndarray):
        self.venster, self.waarden = venster, waarden

    def __getitem__(self, cellen: np.ndarray) -> np.ndarray:
        return self.waarden[self.venster.lokaal(cellen)]


def _oplopend(cellen: np.ndarray) -> np.ndarray:
    """De cellen oplopend en zonder dubbele (zonder sorteren als dat al zo is)."""
    cellen = np.asarray(cellen, dtype=np.int64)
    return cellen if bool(np.all(cellen[1:] > cellen[:-1])) else np.unique(cellen)


def _vrije_stappen(dy: np.ndarray, dx: np.ndarray) -> np.ndarray:
    """Lengte (in cellen) van de kortste route over ``(dy, dx)`` cellen zonder barrières (zestien richtingen).

    Een route is een som van stappen; de kortste gebruikt alleen de twee stappen waarvan de
    richting het dichtst aan weerszijden van ``(dy, dx)`` ligt (de stappen gedeeld door hun
    lengte liggen allemaal op de eenheidscirkel, dus de veelhoek die ze opspannen heeft elke
    stap als hoekpunt). Twee zulke buren (zoals (0, 1) en (1, 2)) hebben determinant 1, dus
    elk roosterpunt ertussen is een combinatie van hele stappen. Met ``a >= b >= 0`` de
    grootste en kleinste van ``|dy|`` en ``|dx|``: ``a - 2b`` rechte stappen plus ``b``
    paardensprongen als ``2b <= a``, anders ``a - b`` paardensprongen plus ``2b - a``
    schuine stappen. De route blijft binnen de rechthoek om begin en eind.
    """
    dy, dx = np.abs(dy), np.abs(dx)
    a, b = np.maximum(dy, dx), np.minimum(dy, dx)
    wortel2, wortel5 = math.sqrt(2.0), math.sqrt(5.0)
    return np.where(2 * b <= a, (a - 2 * b) + b * wortel5, (a - b) * wortel5 + (2 * b - a) * wortel2)


class VoorNa:
    """Afstanden vóór en ná extra oversteken, met alleen plaatselijk rekenwerk.

    Ná komen alleen een paar cellen vrij: de doorgang van de nieuwe oversteek. Elke nieuwe
    stap begint en eindigt in een *randcel*: een vrije cel tot twee cellen van de doorgang.
    Neem een kortste route ná van vertrekpunt *p* naar de bestemming. Gebruikt ze geen nieuwe
    stap, dan is ze even lang als vóór. Anders loopt ze tot de eerste randcel *a* van een
    nieuwe stap over het oude raster. Dus, exact::

        ná(p) = min(vóór(p), min over randcellen a van [vóór-afstand(p, a) + ná(a)])

    In twee stappen:

    1. *plaatselijk*: ná(a) voor elke randcel, met een Dijkstra op het raster ná in een klein
       venster rond de doorgang, vanuit de randcellen met hun afstand vóór als startwaarde
       (na de laatste nieuwe stap loopt een route over het oude raster, dus verder als vóór).
       Alleen een randcel die ná dichter bij de bestemming ligt, kan een vertrekpunt helpen;
    2. *naar de vertrekpunten*: één Dijkstra op het raster vóór vanuit die randcellen met
       ná(a) als startwaarde, begrensd op de grootste afstand vóór van een vertrekpunt dat er
       baat bij kan hebben (zijn rechte afstand tot een randcel plus ná(a) is kleiner dan vóór).

    Het venster van stap 1 wordt gecontroleerd: een route die het verlaat, is minstens zo lang
    als de rechte afstand naar buiten het venster en terug plus de kleinste startwaarde. Is
    de uitkomst voor een randcel groter dan die ondergrens, dan telt ze in stap 2 als
    bovengrens en moet de uitkomst per vertrekpunt onder de ondergrens van een route via die
    randcel blijven; lukt dat niet, dan wordt het venster groter (:data:`VENSTER_MARGES_M`),
    tot het hele raster. Een Dijkstra op het raster vóór met grens *g* rekent in een venster
    rond alle betrokken cellen met marge *g*/2: een route van hooguit *g* tussen twee van die
    cellen komt nergens verder dan *g*/2 van een van beide. Een vertrekpunt in een ander
    samenhangend deel dan de bestemming is echt onbereikbaar. De uitkomst is daardoor gelijk
    aan die van een Dijkstra over het hele raster met :meth:`Routeraster.met_oversteken`, op
    afrondingsverschillen in de laatste decimalen na.

    Parameters
    ----------
    raster : Routeraster
        De situatie vóór.
    extra : sequence of Oversteek
        De nieuwe oversteken.
    marges_m : sequence of float
        De marges van de vensters van stap 1 die na elkaar worden geprobeerd.

    Attributes
    ----------
    raster : Routeraster
    geblokkeerd : ndarray of bool, vorm (rijen, kolommen)
        Het raster ná (gelijk aan ``raster.met_oversteken(extra).geblokkeerd``).
    vrijgemaakt : ndarray of int
        De cellen die ná vrij zijn en vóór niet.
    waarschuwingen : list of str
        Over de nieuwe oversteken (bijvoorbeeld te ver van hun barrière).

    Examples
    --------
    >>> from shapely.geometry import LineString, Point, box
    >>> raster = Routeraster(domein=box(0, 0, 2000, 1000), celgrootte_m=10,
    ...                      barrieres={"rivier": LineString([(0, 500), (2000, 500)])},
    ...                      oversteken=[Oversteek(Point(1500, 500), "rivier")])
    >>> doel = raster.doelcellen(Point(500, 600))
    >>> effect = VoorNa(raster, [Oversteek(Point(600, 500), "rivier")])
    >>> cellen, start, extra = effect.startcellen([500], [400])
    >>> voor = raster.afstandveld(doel)
    >>> round(float(voor[start][0])), round(float(effect.na(voor, doel, start)[0]))
    (2042, 271)
    """

    def __init__(self, raster: Routeraster, extra: Sequence[Oversteek], *,
                 marges_m: Sequence[float] = VENSTER_MARGES_M):
        self.raster = raster
        self.waarschuwingen: list[str] = []
        self.geblokkeerd = raster.geblokkeerd_met(extra, self.waarschuwingen)
        self._vrij = ~self.geblokkeerd.ravel()
        self.vrijgemaakt = np.flatnonzero(self._vrij & raster.geblokkeerd.ravel())
        self._marges = tuple(float(m) for m in marges_m)
        self._randcellen = self._rond_doorgang()
        self._vensters: list[_Venster] = []  # stap 1, raster ná
        self._oud: _Venster | None = None  # het raster vóór rond de kern
        self._kern: tuple[int, int, int, int] | None = None
        self.omvat(self._randcellen)
        self._componenten: np.ndarray | None = None
        self._recht: tuple[np.ndarray, np.ndarray] | None = None

    # ------------------------------------------------------------------ opbouw

    def _rond_doorgang(self) -> np.ndarray:
        """De vrije cellen (ná) tot twee cellen (ook schuin) van een vrijgemaakte cel, oplopend."""
        if not len(self.vrijgemaakt):
            return self.vrijgemaakt
        rooster = self.raster.rooster
        rij, kolom = np.divmod(self.vrijgemaakt, rooster.nx)
        r0, r1 = max(rij.min() - 2, 0), min(rij.max() + 3, rooster.ny)
        k0, k1 = max(kolom.min() - 2, 0), min(kolom.max() + 3, rooster.nx)
        nieuw = np.zeros((r1 - r0, k1 - k0), dtype=bool)
        nieuw[rij - r0, kolom - k0] = True
        rond = ndimage.binary_dilation(nieuw, structure=np.ones((5, 5), dtype=bool))
        rond &= ~self.geblokkeerd[r0:r1, k0:k1]
        rr, kk = np.nonzero(rond)
        return (rr + r0) * rooster.nx + (kk + k0)

    def omvat(self, cellen: np.ndarray) -> None:
        """Neem ``cellen`` op in de kern: de cellen waarvan afstanden vóór worden opgevraagd.

        Een venster van het raster vóór ligt om de kern; roep dit aan voordat er gerekend wordt
        (met alle vertrekpunten en bestemmingen), anders wordt het venster later opnieuw gebouwd.
        """
        cellen = np.asarray(cellen, dtype=np.int64)
        if not len(cellen):
            return
        rij, kolom = np.divmod(cellen, self.raster.rooster.nx)
        grenzen = (int(rij.min()), int(rij.max()) + 1, int(kolom.min()), int(kolom.max()) + 1)
        if self._kern is not None:
            a0, a1, b0, b1 = self._kern
            grenzen = (min(grenzen[0], a0), max(grenzen[1], a1), min(grenzen[2], b0), max(grenzen[3], b1))
        if grenzen != self._kern:
            self._kern, self._oud = grenzen, None

    def _venster(self, niveau: int) -> _Venster:
        """Venster ``niveau`` van stap 1 rond de randcellen, met zijn graaf ná; het laatste is het hele rooster."""
        while len(self._vensters) <= niveau:
            rooster = self.raster.rooster
            rij, kolom = np.divmod(self._randcellen, rooster.nx)
            i = len(self._vensters)
            m = int(math.ceil(self._marges[i] / rooster.cel)) if i < len(self._marges) else rooster.ny + rooster.nx
            grenzen = (max(int(rij.min()) - m, 0), min(int(rij.max()) + 1 + m, rooster.ny),
                       max(int(kolom.min()) - m, 0), min(int(kolom.max()) + 1 + m, rooster.nx))
            if grenzen == (0, rooster.ny, 0, rooster.nx):
                graaf = _compact(self.raster._graaf.matrix(self._vrij))
            else:
                graaf = _venstergraaf(~self.geblokkeerd[grenzen[0]:grenzen[1], grenzen[2]:grenzen[3]],
                                      self.raster.celgrootte_m)
            self._vensters.append(_Venster(rooster, grenzen, _Hulpgraaf(graaf)))
        return self._vensters[niveau]

    def _voor(self, zaadlijsten: Sequence[tuple[np.ndarray, np.ndarray]], grens: float,
              lezen: np.ndarray) -> list[_Veld]:
        """Dijkstra's op het raster vóór vanuit hulpknopen (startwaarden >= 0), exact tot ``grens``.

        De zaden en de cellen die worden gelezen (``lezen``) komen in de kern. Een route van
        hooguit ``grens`` tussen twee kerncellen blijft binnen ``grens``/2 van de kern, dus een
        venster met die marge is genoeg; boven :data:`_GROOTSTE_MARGE_M` het hele raster.
        """
        self.omvat(np.concatenate([lezen, *(z for z, _ in zaadlijsten)]))
        rooster = self.raster.rooster
        nodig = grens / 2.0 + rooster.cel
        if nodig > _GROOTSTE_MARGE_M:
            venster = _Venster(rooster, (0, rooster.ny, 0, rooster.nx), self.raster._compacte_graaf, math.inf)
        else:
            if self._oud is None or self._oud.marge_m < nodig:
                marge = min(max(nodig * 1.3, _KLEINSTE_MARGE_M), _GROOTSTE_MARGE_M)
                m = int(math.ceil(marge / rooster.cel))
                r0, r1, k0, k1 = self._kern
                grenzen = (max(r0 - m, 0), min(r1 + m, rooster.ny), max(k0 - m, 0), min(k1 + m, rooster.nx))
                self._oud = _Venster(rooster, grenzen, _Hulpgraaf(_uitsnede(self.raster._matrix, rooster, grenzen)),
                                     marge)
            venster = self._oud
        rijen = venster.graaf.dijkstra([(venster.lokaal(z), w) for z, w in zaadlijsten], grens)
        return [_Veld(venster, rij) for rij in rijen]

    def _onbereikbaar(self, situatie: str, start: np.ndarray, doelcellen: np.ndarray) -> np.ndarray:
        """Of elk startpunt in een ander samenhangend deel ligt dan alle doelcellen."""
        if situatie == "voor" or not len(self.vrijgemaakt):
            labels = self.raster.componenten
        else:
            if self._componenten is None:
                self._componenten = _componenten(self.geblokkeerd)
            labels = self._componenten
        doel = np.unique(labels[doelcellen])
        return ~np.isin(labels[start], doel[doel > 0])

    def _ondergrens_via(self, start: np.ndarray, cellen: np.ndarray, waarden: np.ndarray,
                        voor: np.ndarray | None = None, voor_cellen: np.ndarray | None = None) -> np.ndarray:
        """Per startcel p een ondergrens van min over de cellen a van (vóór-afstand(p, a) + waarde(a)).

        De vóór-afstand is minstens de rechte afstand, en (met de afstanden vóór ``voor`` van p en
        ``voor_cellen`` van a tot dezelfde bestemming) minstens vóór(p) - vóór(a); dat laatste
        alleen als vóór(p) bekend is (een veld tot een grens kent grotere afstanden niet). Bij
        veel paren: de rechte afstand tot de dichtstbijzijnde randcel plus de kleinste waarde
        (minder scherp, even geldig).
        """
        nx, cel = self.raster.rooster.nx, self.raster.celgrootte_m
        if len(cellen) * len(start) > 200_000:
            if self._recht is None or self._recht[0] is not start:
                from scipy.spatial import cKDTree

                afstand, _ = cKDTree(np.column_stack(np.divmod(self._randcellen, nx))).query(
                    np.column_stack(np.divmod(start, nx)))
                self._recht = (start, afstand * cel)
            return self._recht[1] + waarden.min()
        rs, ks = np.divmod(start, nx)
        rc, kc = np.divmod(cellen, nx)
        afstand = cel * np.hypot(rs[:, None] - rc[None, :], ks[:, None] - kc[None, :])
        if voor is not None:
            bekend = np.isfinite(voor)
            afstand[bekend] = np.maximum(afstand[bekend], voor[bekend, None] - voor_cellen[None, :])
        return (afstand + waarden[None, :]).min(axis=1)

    # ------------------------------------------------------------------ afstanden

    def startcellen(self, x: Sequence[float] | np.ndarray,
                    y: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Als :meth:`Routeraster.startcellen`, maar ná (gelijk aan die van ``raster.met_oversteken(extra)``).

        Een punt in een vrijgemaakte cel start in zijn eigen cel. Ligt een vrijgemaakte cel even
        dichtbij of dichter bij een geblokkeerde cel dan de dichtstbijzijnde vrije cel van vóór,
        dan bepaalt de afstandstransformatie van het raster ná de startcel (zoals in een nieuw
        raster, ook bij gelijke afstand); anders blijft die van vóór.
        """
        x, y = np.asarray(x, float), np.asarray(y, float)
        cellen, start, _ = self.raster.startcellen(x, y)
        start = start.copy()
        eigen = self._vrij[cellen]
        start[eigen] = cellen[eigen]
        rest = np.flatnonzero(~eigen)
        if len(rest) and len(self.vrijgemaakt):
            nx = self.raster.rooster.nx
            rq, kq = np.divmod(cellen[rest], nx)
            rv, kv = np.divmod(start[rest], nx)
            rn, kn = np.divmod(self.vrijgemaakt, nx)
            nieuw = ((rq[:, None] - rn) ** 2 + (kq[:, None] - kn) ** 2).min(axis=1)
            oud = (rq - rv) ** 2 + (kq - kv) ** 2
            if (nieuw <= oud).any():
                # De afstandstransformatie (Maurer e.a., zoals in scipy) kiest per cel de eerste in
                # rij- en kolomvolgorde van de vrije cellen op de kleinste afstand; die liggen allemaal
                # binnen de afstand tot de vrije cel van vóór, dus een uitsnede met die marge (plus
                # één) geeft dezelfde keuze als het hele raster.
                m = int(math.ceil(math.sqrt(float(oud.max())))) + 1
                r0, k0 = max(int(rq.min()) - m, 0), max(int(kq.min()) - m, 0)
                r1, k1 = int(rq.max()) + m + 1, int(kq.max()) + m + 1
                dichtst = ndimage.distance_transform_edt(self.geblokkeerd[r0:r1, k0:k1], return_distances=False,
                                                         return_indices=True)
                start[rest] = (dichtst[0][rq - r0, kq - k0] + r0) * nx + dichtst[1][rq - r0, kq - k0] + k0
        return cellen, start, self.raster._extra(x, y, cellen, start)

    def na(self, veld_voor: np.ndarray, doelcellen: np.ndarray, start: np.ndarray) -> np.ndarray:
        """De routeafstand ná vanuit ``start`` naar een bestemming met een bekend afstandveld vóór.

        Parameters
        ----------
        veld_voor : ndarray
            :meth:`Routeraster.afstandveld` van de bestemming op het raster vóór (hele raster).
        doelcellen : ndarray of int
            De cellen van de bestemming (voor de controle op onbereikbaarheid).
        start : ndarray of int
            Startcellen ná (:meth:`startcellen`).

        Returns
        -------
        ndarray
            Afstand in m per startcel; ``inf`` als de bestemming ook ná onbereikbaar is.
        """
        return self.na_meer([(veld_voor, doelcellen)], start)[0]

    def na_meer(self, bestemmingen: Sequence[tuple[np.ndarray, np.ndarray]], start: np.ndarray) -> list[np.ndarray]:
        """:meth:`na` voor meer bestemmingen tegelijk (één Dijkstra-aanroep per stap).

        Parameters
        ----------
        bestemmingen : sequence of (ndarray, ndarray)
            Per bestemming ``(veld_voor, doelcellen)``.
        start : ndarray of int
            Startcellen ná (:meth:`startcellen`).

        Returns
        -------
        list of ndarray
        """
        start = np.asarray(start, dtype=np.int64)
        return [waarde for waarde, _ in self._na([(veld, math.inf, doel, start) for veld, doel in bestemmingen])]

    def beide(self, doelcellen: np.ndarray, start_voor: np.ndarray,
              start_na: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """De routeafstand vóór en ná naar een bestemming zonder bekend afstandveld (bijvoorbeeld 'de overkant').

        Vóór: een Dijkstra vanuit de bestemming op het raster vóór, begrensd op de grootste
        route via een bestaande oversteek (:meth:`_eerste_grens`); heeft een vertrekpunt dan nog
        geen zekere afstand, dan opnieuw met een :data:`_GROEI` keer zo hoge grens. Ná: als
        :meth:`na`, met de afstanden vóór tot die grens; een afstand ná boven de grens is pas
        zeker na een ronde met een hogere grens.

        Parameters
        ----------
        doelcellen : ndarray of int
            De cellen van de bestemming (vrij, vóór en ná).
        start_voor, start_na : ndarray of int
            Startcellen vóór (:meth:`Routeraster.startcellen`) en ná (:meth:`startcellen`).

        Returns
        -------
        voor, na : ndarray
            Afstand in m per startcel; ``inf`` als onbereikbaar.
        """
        doel = _oplopend(doelcellen)
        start_voor = np.asarray(start_voor, dtype=np.int64)
        start_na = np.asarray(start_na, dtype=np.int64)
        if not len(start_voor):
            return np.zeros(0), np.zeros(0)
        lezen = np.concatenate([self._randcellen, start_voor, start_na])
        self.omvat(np.concatenate([doel, lezen]))
        rooster = self.raster.rooster
        grens = self._eerste_grens(doel, start_voor)
        while True:
            veld = self._voor([(doel, np.zeros(len(doel)))], grens, lezen)[0]
            voor = veld[start_voor]
            onbekend = np.isinf(voor)  # boven de grens, of echt onbereikbaar
            if onbekend.any():
                onbekend[onbekend] = ~self._onbereikbaar("voor", start_voor[onbekend], doel)
            if not onbekend.any():
                [(na, zeker)] = self._na([(veld, grens, doel, start_na)])
                if zeker.all():
                    return voor, na
            if math.isinf(grens):  # pragma: no cover - over het hele raster is elke afstand zeker
                raise AssertionError("over het hele raster is elke afstand zeker")
            grens = grens * _GROEI if grens * _GROEI < rooster.cel * rooster.n else math.inf

    def beide_meer(self, bestemmingen: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]
                   ) -> list[tuple[np.ndarray, np.ndarray]]:
        """:meth:`beide` voor meer bestemmingen (elk met eigen startcellen), in één venster.

        Parameters
        ----------
        bestemmingen : sequence of (ndarray, ndarray, ndarray)
            Per bestemming ``(doelcellen, start_voor, start_na)``.

        Returns
        -------
        list of (ndarray, ndarray)
        """
        bestemmingen = [tuple(np.asarray(a, dtype=np.int64) for a in b) for b in bestemmingen]
        for doel, start_voor, start_na in bestemmingen:
            if len(start_voor):
                self.omvat(np.concatenate([doel, start_voor, start_na]))
        return [self.beide(*b) for b in bestemmingen]

    def _eerste_grens(self, doel: np.ndarray, start: np.ndarray) -> float:
        """Tot hoe ver de eerste Dijkstra vanuit ``doel`` rekent.

        Een route via een bestaande oversteek (baken) k is hooguit afstand(p, k) + afstand(k, doel);
        de grootste van die bovengrenzen over de startcellen is genoeg voor allemaal (plus een
        meter tegen de afronding van de opgeslagen velden). Zonder bovengrens (geen baken in de
        buurt, of een startcel die geen baken bereikt): de halve diagonaal van de rechthoek om
        doel en startcellen.
        """
        rooster = self.raster.rooster
        rij, kolom = np.divmod(np.concatenate([doel, start]), rooster.nx)
        diagonaal = rooster.cel * math.hypot(rij.max() - rij.min() + 1, kolom.max() - kolom.min() + 1)
        midden = int((rij.min() + rij.max()) // 2) * rooster.nx + int((kolom.min() + kolom.max()) // 2)
        boven = np.full(len(start), np.inf)
        for veld in self.raster._bakenvelden(midden, diagonaal):
            np.minimum(boven, veld[start].astype(float) + float(veld[doel].min()), out=boven)
        if np.isfinite(boven).all():
            return float(boven.max()) + 1.0
        return 0.5 * diagonaal

    def _na(self, taken: Sequence[tuple[np.ndarray | _Veld, float, np.ndarray, np.ndarray]]
            ) -> list[tuple[np.ndarray, np.ndarray]]:
        """Afstand ná per startcel, per taak ``(veld, bekend_tot, doelcellen, start)``.

        ``veld`` geeft per cel de afstand vóór; die is bekend tot ``bekend_tot`` (daarboven ``inf``).

        Returns
        -------
        list of (waarde, zeker)
            ``zeker`` per waarde: exact; een onzekere waarde wordt zeker met een hogere ``bekend_tot``.
        """
        randcellen = self._randcellen
        uit: list = [None] * len(taken)
        open_, zaden = [], {}
        for i, (veld, bekend_tot, doel, start) in enumerate(taken):
            voor = veld[start]
            waarden = veld[randcellen]
            bekend = np.isfinite(waarden)
            if not len(start) or not bekend.any():  # geen nieuwe stap leidt verder dan vóór
                uit[i] = (voor.copy(), self._zeker(voor, np.full(len(start), np.inf), bekend_tot, start, doel)[1])
            else:
                open_.append(i)
                zaden[i] = (randcellen[bekend], waarden[bekend])
        niveau = 0
        while open_:
            venster = self._venster(niveau)
            lokaal = venster.lokaal(randcellen)
            # stap 1: ná(a) voor de randcellen, in het venster
            eigen = venster.graaf.dijkstra([(venster.lokaal(zaden[i][0]), zaden[i][1]) for i in open_])
            per_taak, stap2 = {}, {}
            for i, rij in zip(open_, eigen):
                veld, bekend_tot, _, start = taken[i]
                z, w = zaden[i]
                na_rand = rij[lokaal]
                ondergrens = venster.rand(randcellen) + venster.rand(z).min() + w.min()
                exact = na_rand <= ondergrens
                weg = ~exact & np.isinf(na_rand)
                if weg.any():
                    exact[weg] = self._onbereikbaar("na", randcellen[weg], z)
                voor = veld[start]
                waarde = voor.copy()
                plek = np.minimum(np.searchsorted(randcellen, start), len(randcellen) - 1)
                is_rand = randcellen[plek] == start  # een startcel die zelf randcel is: ná(a) uit stap 1
                waarde[is_rand] = np.minimum(waarde[is_rand], na_rand[plek[is_rand]])
                per_taak[i] = (na_rand, ondergrens, exact, waarde)
                # Alleen een randcel die ná dichter bij de bestemming ligt dan vóór kan een vertrekpunt
                # helpen: via een andere is een route minstens vóór-afstand(p, a) + vóór(a) >= vóór(p).
                veld_a = veld[randcellen]
                bruikbaar = np.isfinite(na_rand) & (na_rand < veld_a)
                if bruikbaar.any():
                    van, startwaarden = randcellen[bruikbaar], na_rand[bruikbaar]
                    kans = ~is_rand & (self._ondergrens_via(start, van, startwaarden, voor, veld_a[bruikbaar])
                                       < waarde)
                    if kans.any():  # alleen te helpen als het vóór samenhangt met zo'n randcel
                        kans[kans] = ~self._onbereikbaar("voor", start[kans], van)
                    if kans.any():
                        stap2[i] = (van, startwaarden, kans)
            if stap2:
                self._naar_vertrekpunten(taken, stap2, per_taak)
            nog = []
            for i in open_:
                _, bekend_tot, doel, start = taken[i]
                na_rand, ondergrens, exact, waarde = per_taak[i]
                onzeker = np.full(len(start), np.inf)
                if not exact.all():  # ná(a) ligt tussen de ondergrens en wat het venster vond
                    onzeker = self._ondergrens_via(start, randcellen[~exact], np.minimum(na_rand, ondergrens)[~exact])
                binnen, zeker = self._zeker(waarde, onzeker, bekend_tot, start, doel)
                if binnen.all() or venster.heel:
                    uit[i] = (waarde, zeker)
                else:
                    nog.append(i)
            open_ = nog
            niveau += 1
        return uit

    def _naar_vertrekpunten(self, taken: Sequence, stap2: dict, per_taak: dict) -> None:
        """Stap 2: over het raster vóór vanuit de randcellen, tot elk kansrijk vertrekpunt zeker is.

        Per taak een Dijkstra met als grens de grootste afstand tot nu toe van een kansrijk
        vertrekpunt (verder helpt niet; boven ``bekend_tot`` hoeft niet); de startwaarden zijn
        verlaagd met de kleinste, zodat de grens ook de marge van het venster bepaalt. Bereikte
        zo'n punt de bestemming vóór niet, dan eerst :data:`_SCHATTING` keer de ondergrens van
        zijn afstand ná; ligt een kansrijk punt daarna nog boven de grens zonder dat zijn afstand
        tot nu toe eronder ligt, dan opnieuw met een :data:`_GROEI` keer zo hoge grens.
        """
        rooster = self.raster.rooster
        for i, (van, startwaarden, kans) in stap2.items():
            _, bekend_tot, _, start = taken[i]
            waarde = per_taak[i][3]
            laagste = float(startwaarden.min())
            hoogste = min(float(waarde[kans].max()), bekend_tot)
            if math.isinf(hoogste):  # een punt dat vóór de bestemming niet bereikt: eerst een schatting
                hoogste = (_SCHATTING * float(self._ondergrens_via(start[kans], van, startwaarden).max())
                           + 2 * rooster.cel)
            grens = hoogste - laagste
            while True:
                via = self._voor([(van, startwaarden - laagste)], grens, start)[0][start] + laagste
                np.minimum(waarde, via, out=waarde)
                bereikt = grens + laagste
                if not (kans & (via > bereikt) & (waarde > bereikt) & (bekend_tot > bereikt)).any():
                    break
                if math.isinf(grens):  # pragma: no cover - over het hele raster is elke afstand zeker
                    raise AssertionError("over het hele raster is elke afstand zeker")
                grens = grens * _GROEI if grens * _GROEI < rooster.cel * rooster.n else math.inf

    def _zeker(self, waarde: np.ndarray, onzeker: np.ndarray, bekend_tot: float, start: np.ndarray,
               doelcellen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(zeker wat stap 1 betreft, helemaal zeker) per waarde.

        Wat stap 1 betreft: niet boven de ondergrens via onzekere randcellen. Helemaal: ook niet
        boven ``bekend_tot``. Een oneindige waarde is zeker als het startpunt ná echt
        onbereikbaar is.
        """
        binnen = waarde <= onzeker
        zeker = binnen & (waarde <= bekend_tot)
        open_ = ~zeker & np.isinf(waarde)
        if open_.any():
            weg = self._onbereikbaar("na", start[open_], doelcellen)
            binnen[open_] |= weg
            zeker[open_] |= weg
        return binnen, zeker

    def hemelsbreed(self, doelcellen: np.ndarray, cellen: np.ndarray) -> np.ndarray:
        """De hemelsbrede afstand (op het raster zonder barrières) van elke cel tot de bestemming.

        Gelijk aan ``raster.afstandveld(doelcellen, vrij=True)[cellen]``, maar zonder Dijkstra.
        Zonder barrières is de afstand tussen twee cellen :func:`_vrije_stappen`, en een route
        naar de bestemming komt binnen via een *randcel* (een doelcel met een buur, tot een
        paardensprong ver, die geen doelcel is). De route is nooit korter dan de rechte afstand;
        dus als de kortste route naar een van de acht (recht) dichtstbijzijnde randcellen niet
        langer is dan de rechte afstand tot de achtste, is ze de kortste. Anders worden alle
        randcellen bekeken.
        """
        from scipy.spatial import cKDTree

        doel = _oplopend(doelcellen)
        cellen = np.asarray(cellen, dtype=np.int64)
        if not len(cellen) or not len(doel):
            return np.full(len(cellen), np.inf)
        nx = self.raster.rooster.nx
        rij, kolom = np.divmod(doel, nx)
        r0, k0 = int(rij.min()) - 2, int(kolom.min()) - 2
        binnen = np.zeros((int(rij.max()) - r0 + 3, int(kolom.max()) - k0 + 3), dtype=bool)
        binnen[rij - r0, kolom - k0] = True
        h, w = binnen.shape
        omringd = binnen.copy()  # de doelcellen liggen minstens twee cellen van de rand van dit blok
        for dy, dx in _STAPPEN.tolist():
            omringd[max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)] &= \
                binnen[max(0, dy):h - max(0, -dy), max(0, dx):w - max(0, -dx)]
        rr, kr = np.nonzero(binnen & ~omringd)
        rand = np.column_stack([rr + r0, kr + k0])
        punten = np.column_stack(np.divmod(cellen, nx))
        k = min(8, len(rand))
        recht, buur = cKDTree(rand).query(punten, k=k)
        recht, buur = recht.reshape(len(punten), k), buur.reshape(len(punten), k)
        verschil = punten[:, None, :] - rand[buur]
        uit = _vrije_stappen(verschil[..., 0], verschil[..., 1]).min(axis=1)
        twijfel = np.flatnonzero(recht[:, -1] < uit) if k < len(rand) else np.zeros(0, dtype=np.int64)
        for i in range(0, len(twijfel), 256):  # een verdere randcel kan nog korter zijn: alle randcellen
            rijen = twijfel[i:i + 256]
            verschil = punten[rijen, None, :] - rand[None, :, :]
            uit[rijen] = _vrije_stappen(verschil[..., 0], verschil[..., 1]).min(axis=1)
        uit *= self.raster.celgrootte_m
        plek = np.minimum(np.searchsorted(doel, cellen), len(doel) - 1)
        uit[doel[plek] == cellen] = 0.0
        return uit
