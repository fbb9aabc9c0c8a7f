"""Afstanden vóór en ná een nieuwe oversteek, met alleen plaatselijk rekenwerk (:class:`VoorNa`).

Een nieuwe oversteek verandert het raster maar plaatselijk; :class:`VoorNa` rekent de afstanden
ná vanuit de bewaarde afstandvelden vóór en een paar kleine Dijkstra's rond de oversteek, met
dezelfde uitkomst als een nieuw raster (:meth:`~.raster.Routeraster.met_oversteken`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import ndimage

from .._rooster import Rooster
from .graaf import _STAPPEN, _componenten, _compact, _Hulpgraaf, _uitsnede, _venstergraaf, _vrije_stappen
from .oversteken import Oversteek
from .raster import Routeraster

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


class _Venster:
    """Een rechthoekig deel van het rooster (rijen ``r0:r1``, kolommen ``k0:k1``) met zijn graaf."""

    def __init__(self, rooster: Rooster, grenzen: tuple[int, int, int, int], graaf: _Hulpgraaf,
                 marge_m: float = 0.0):
        self.r0, self.r1, self.k0, self.k1 = grenzen
        self.nx = rooster.breedte
        self.h, self.w = self.r1 - self.r0, self.k1 - self.k0
        self.heel = grenzen == (0, rooster.hoogte, 0, rooster.breedte)
        self.graaf, self.marge_m = graaf, marge_m
        # Ondergrens (m) van de rechte afstand van een celmidden tot elke cel buiten het venster;
        # aan een kant waar het venster tot de rand van het rooster loopt, ligt niets.
        rij, kolom = np.arange(self.r0, self.r1), np.arange(self.k0, self.k1)
        boven = rij - self.r0 + 1.0 if self.r0 > 0 else np.full(self.h, np.inf)
        onder = self.r1 - rij + 0.0 if self.r1 < rooster.hoogte else np.full(self.h, np.inf)
        links = kolom - self.k0 + 1.0 if self.k0 > 0 else np.full(self.w, np.inf)
        rechts = self.k1 - kolom + 0.0 if self.k1 < rooster.breedte else np.full(self.w, np.inf)
        self._rand_rij = rooster.resolutie * np.minimum(boven, onder)
        self._rand_kolom = rooster.resolutie * np.minimum(links, rechts)

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
        rij, kolom = np.divmod(self.vrijgemaakt, rooster.breedte)
        r0, r1 = max(rij.min() - 2, 0), min(rij.max() + 3, rooster.hoogte)
        k0, k1 = max(kolom.min() - 2, 0), min(kolom.max() + 3, rooster.breedte)
        nieuw = np.zeros((r1 - r0, k1 - k0), dtype=bool)
        nieuw[rij - r0, kolom - k0] = True
        rond = ndimage.binary_dilation(nieuw, structure=np.ones((5, 5), dtype=bool))
        rond &= ~self.geblokkeerd[r0:r1, k0:k1]
        rr, kk = np.nonzero(rond)
        return (rr + r0) * rooster.breedte + (kk + k0)

    def omvat(self, cellen: np.ndarray) -> None:
        """Neem ``cellen`` op in de kern: de cellen waarvan afstanden vóór worden opgevraagd.

        Een venster van het raster vóór ligt om de kern; roep dit aan voordat er gerekend wordt
        (met alle vertrekpunten en bestemmingen), anders wordt het venster later opnieuw gebouwd.
        """
        cellen = np.asarray(cellen, dtype=np.int64)
        if not len(cellen):
            return
        rij, kolom = np.divmod(cellen, self.raster.rooster.breedte)
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
            rij, kolom = np.divmod(self._randcellen, rooster.breedte)
            i = len(self._vensters)
            m = int(math.ceil(self._marges[i] / rooster.resolutie)) if i < len(self._marges) else rooster.hoogte + rooster.breedte
            grenzen = (max(int(rij.min()) - m, 0), min(int(rij.max()) + 1 + m, rooster.hoogte),
                       max(int(kolom.min()) - m, 0), min(int(kolom.max()) + 1 + m, rooster.breedte))
            if grenzen == (0, rooster.hoogte, 0, rooster.breedte):
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
        nodig = grens / 2.0 + rooster.resolutie
        if nodig > _GROOTSTE_MARGE_M:
            venster = _Venster(rooster, (0, rooster.hoogte, 0, rooster.breedte), self.raster._compacte_graaf, math.inf)
        else:
            if self._oud is None or self._oud.marge_m < nodig:
                marge = min(max(nodig * 1.3, _KLEINSTE_MARGE_M), _GROOTSTE_MARGE_M)
                m = int(math.ceil(marge / rooster.resolutie))
                r0, r1, k0, k1 = self._kern
                grenzen = (max(r0 - m, 0), min(r1 + m, rooster.hoogte), max(k0 - m, 0), min(k1 + m, rooster.breedte))
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
        nx, cel = self.raster.rooster.breedte, self.raster.celgrootte_m
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
            nx = self.raster.rooster.breedte
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
            grens = grens * _GROEI if grens * _GROEI < rooster.resolutie * rooster.aantal else math.inf

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
        rij, kolom = np.divmod(np.concatenate([doel, start]), rooster.breedte)
        diagonaal = rooster.resolutie * math.hypot(rij.max() - rij.min() + 1, kolom.max() - kolom.min() + 1)
        midden = int((rij.min() + rij.max()) // 2) * rooster.breedte + int((kolom.min() + kolom.max()) // 2)
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
                           + 2 * rooster.resolutie)
            grens = hoogste - laagste
            while True:
                via = self._voor([(van, startwaarden - laagste)], grens, start)[0][start] + laagste
                np.minimum(waarde, via, out=waarde)
                bereikt = grens + laagste
                if not (kans & (via > bereikt) & (waarde > bereikt) & (bekend_tot > bereikt)).any():
                    break
                if math.isinf(grens):  # pragma: no cover - over het hele raster is elke afstand zeker
                    raise AssertionError("over het hele raster is elke afstand zeker")
                grens = grens * _GROEI if grens * _GROEI < rooster.resolutie * rooster.aantal else math.inf

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
        nx = self.raster.rooster.breedte
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

