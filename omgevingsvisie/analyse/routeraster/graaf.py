"""Het netwerk van het routeraster: een zestien-richtingengraaf op ``scipy.sparse.csgraph``.

Een route gaat van cel naar cel in zestien richtingen (de acht buren en de acht
paardensprongen); een schuine stap mag alleen als ook de cellen waar hij langs scheert vrij
zijn. Hier staan de graaf van het hele rooster (:class:`_Graaf`), die van een venster
(:func:`_venstergraaf`, :func:`_uitsnede`), de graaf met hulpknopen voor Dijkstra's met
startwaarden (:class:`_Hulpgraaf`), de samenhang (:func:`_componenten`) en de lengte van de
kortste route zonder barrières (:func:`_vrije_stappen`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import ndimage, sparse
from scipy.sparse.csgraph import dijkstra

from .._rooster import Rooster

#: De zestien stappen (rij, kolom): acht buren en acht paardensprongen.
_STAPPEN = np.array([(0, 1), (1, 0), (1, 1), (1, -1), (1, 2), (2, 1), (2, -1), (1, -2)])
_STAPPEN = np.concatenate([_STAPPEN, -_STAPPEN])


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


class _Graaf:
    """De zestien-richtingengraaf van een rooster; per scenario alleen nieuwe gewichten."""

    def __init__(self, rooster: Rooster):
        n, nx, ny = rooster.aantal, rooster.breedte, rooster.hoogte
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
        self.lengte = np.where(binnen, rooster.resolutie * np.hypot(_STAPPEN[:, 0], _STAPPEN[:, 1]), np.inf)
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


def _uitsnede(matrix: sparse.csr_matrix, rooster: Rooster, grenzen: tuple[int, int, int, int]) -> sparse.csr_matrix:
    """De graaf van :meth:`_Graaf.matrix` (zestien plaatsen per cel) binnen een venster.

    Dezelfde gewichten; een stap naar buiten het venster kost oneindig.
    """
    r0, r1, k0, k1 = grenzen
    h, w = r1 - r0, k1 - k0
    n = h * w
    gewicht = matrix.data.reshape(rooster.hoogte, rooster.breedte, len(_STAPPEN))[r0:r1, k0:k1, :].copy()
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

