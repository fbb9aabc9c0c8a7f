"""Met welke lagen is getoetst: de ``lagen``-sleutel van het rapport en de voettekst.

Het rapport leest het lagenregister niet zelf; de aanroeper geeft de lagen mee als
:class:`~omgevingsvisie.lagen.Laagdata`, die weet of een laag meegeleverd is, eigen data van
de gemeente of (in tests) een gegeven GeoDataFrame.

Voorbeeld
---------
>>> from omgevingsvisie import lagen
>>> info = beschrijf_lagen(["groenstructuur"], laagdata=lagen.huidige())
>>> info["indicatief"], info["gebruikt"], info["vervangen"]
(True, ['groenstructuur'], {})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..bevinding import ToetsResultaat
from ..catalogus import LAAGNAMEN

if TYPE_CHECKING:
    from ..lagen import Laagdata

__all__ = ["LAGEN_BRON", "beschrijf_lagen", "gebruikte_lagen", "lagen_info_voor"]

LAGEN_BRON = ("Omgevingsvisie Assen 2021 „Assen nog mooier”, Visiekaart 2040: indicatieve vertaling "
              "in omgevingsvisie/data/assen_2040.gpkg (omgevingsvisie-assen)")
EIGEN_BRON = "Eigen data van de gemeente (zie 'vervangen')"
MEEGELEVERD = "meegeleverd"
"""De herkomst (:meth:`~omgevingsvisie.lagen.Laagdata.herkomst`) van de indicatieve lagen van het pakket."""


def gebruikte_lagen(resultaten: Iterable[ToetsResultaat]) -> list[str]:
    """De lagen (uit de catalogus) die de bevindingen noemen, in catalogusvolgorde."""
    namen = {n for r in resultaten for b in r.bevindingen for n in b.lagen}
    return [n for n in LAAGNAMEN if n in namen]


def beschrijf_lagen(namen: Iterable[str] = (), *, laagdata: Laagdata) -> dict[str, Any]:
    """Beschrijf de lagen waarmee getoetst is, voor de ``lagen``-sleutel van het rapport.

    Parameters
    ----------
    namen : iterable of str
        De gebruikte lagen; leeg = alle lagen van de catalogus. Namen buiten de catalogus
        tellen niet mee.
    laagdata : Laagdata
        De lagen waarmee getoetst is: welke meegeleverd zijn (met hun datum) en welke eigen
        data of gegeven GeoDataFrames.

    Returns
    -------
    dict
        ``bron`` (tekst), ``versie`` (datum van de meegeleverde lagen, of ``None`` als geen
        meegeleverde laag is gebruikt), ``indicatief`` (``True`` zodra één gebruikte laag de
        meegeleverde, indicatieve laag is), ``gebruikt`` (namen) en ``vervangen`` (naam → bron
        van de eigen data).
    """
    gekozen = set(namen)
    gebruikt = [n for n in LAAGNAMEN if n in gekozen]
    relevant = gebruikt or list(LAAGNAMEN)
    meegeleverd = [n for n in relevant if laagdata.herkomst(n) == MEEGELEVERD]
    versie = max((laagdata.metadata(n).get("datum", "") for n in meegeleverd), default="") or None
    return {"bron": LAGEN_BRON if meegeleverd else EIGEN_BRON, "versie": versie, "indicatief": bool(meegeleverd),
            "gebruikt": gebruikt,
            "vervangen": {n: laagdata.metadata(n)["bron"] for n in relevant if n not in meegeleverd}}


def lagen_info_voor(resultaten: Iterable[ToetsResultaat], *, laagdata: Laagdata | None = None,
                    lagen_info: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """``lagen_info`` als die is gegeven, anders :func:`beschrijf_lagen` van de gebruikte lagen.

    Raises
    ------
    TypeError
        Als ``laagdata`` en ``lagen_info`` allebei ontbreken.
    """
    if lagen_info is not None:
        return lagen_info
    if laagdata is None:
        raise TypeError("Geef laagdata (de lagen waarmee getoetst is) of lagen_info mee.")
    return beschrijf_lagen(gebruikte_lagen(resultaten), laagdata=laagdata)
