"""Landgebruik: een 10 m-klassenraster in EPSG:28992, afgeleid uit de lagen of van de gebruiker.

Elke cel krijgt één klasse (:data:`KLASSEN`); de eigenschappen per klasse (vegetatiefractie
``f_veg``, sky view factor ``svf``, verhard aandeel, ``groen``, ``wonen``) staan met hun bron in
``analyse/parameters.toml``. De hitte- en groenanalyses rekenen alleen met dit raster.

Afgeleid uit de lagen (:func:`landgebruik_uit_lagen`), van laag naar hoog (latere winnen):
buitengebied (alles) < woongebied (``bestaand_stedelijk_gebied``) < bedrijventerrein
(``bedrijventerreinen`` met status bestaand) < centrum (``publiekshart`` en
``noordelijke_binnenstad``) < winkelcentrum (``wijkcentra`` + straal) < park en bos
(``groenstructuur`` naar type) < infrastructuur (``barrieres`` weg en spoor) < water
(``barrieres`` water). De lagen komen van de aanroeper (``laagdata``, in de praktijk
:func:`omgevingsvisie.lagen.huidige`, dus met de vervangen lagen).

Een echt landgebruiksraster (bijvoorbeeld uit de BGT of satellietbeelden, herleid naar de
codes van :data:`KLASSEN`) gaat vóór: met :func:`vervang_landgebruik` voor alle analyses,
of per aanroep met ``landgebruik(raster=PAD)``. Waar dat raster geen waarde heeft (0 of
nodata, of buiten zijn bereik) blijft de afgeleide klasse staan.

Voorbeelden
-----------
>>> from omgevingsvisie import lagen
>>> from omgevingsvisie.analyse.landgebruik import landgebruik
>>> lg = landgebruik(laagdata=lagen.huidige())
>>> lg.rooster.resolutie, lg.rooster.west % 10
(10.0, 0.0)
>>> lg2 = landgebruik(laagdata=lagen.huidige(), raster="gis/landgebruik_bgt.tif")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
from rasterio.warp import Resampling, reproject
from shapely.geometry.base import BaseGeometry

from .._errors import InvoerFout
from ..io import schrijf_met, stempel
from ..io.raster import open_raster
from ._laagdata import cachesleutel
from ._rooster import Rooster, geotiff, vlakken_uit_masker
from .parameters import Parameters, laad_analyse_parameters

__all__ = [
    "EIGENSCHAPPEN",
    "KLASSEN",
    "Landgebruik",
    "herstel_landgebruik",
    "landgebruik",
    "landgebruik_uit_lagen",
    "landgebruik_van",
    "vervang_landgebruik",
]

KLASSEN: dict[int, str] = {
    1: "buitengebied",
    2: "woongebied",
    3: "centrum",
    4: "bedrijventerrein",
    5: "winkelcentrum",
    6: "park",
    7: "bos",
    8: "infrastructuur",
    9: "water",
}
"""De vaste klassecodes (uint8) van het landgebruiksraster; 0 is 'geen gegevens'."""

EIGENSCHAPPEN: tuple[str, ...] = ("f_veg", "svf", "verhard", "groen", "wonen")
"""De eigenschappen per klasse (sectie ``klasse_<naam>`` in ``parameters.toml``)."""

KLEUREN: dict[int, tuple[int, int, int]] = {
    1: (233, 229, 176), 2: (237, 190, 160), 3: (190, 60, 50), 4: (150, 120, 160), 5: (220, 110, 60),
    6: (140, 200, 110), 7: (40, 120, 60), 8: (120, 120, 120), 9: (90, 160, 220),
}
"""Kleurentabel van het klassenraster (voor QGIS en andere viewers)."""

_BOS_TYPEN = {"bos", "landgoed"}

LAGEN: tuple[str, ...] = ("gemeentegrens", "bestaand_stedelijk_gebied", "bedrijventerreinen", "publiekshart",
                          "noordelijke_binnenstad", "wijkcentra", "groenstructuur", "barrieres")
"""De lagen waaruit het landgebruik wordt afgeleid (en waarop het bewaarde landgebruik sleutelt)."""


@dataclass(frozen=True)
class Landgebruik:
    """Een klassenraster met de eigenschappen per klasse.

    Attributes
    ----------
    klassen : numpy.ndarray
        uint8-codes van :data:`KLASSEN` over het hele rekengebied (gemeente plus marge).
    rooster : Rooster
        Het rooster van ``klassen``.
    gemeente : shapely geometry
        De gemeentegrens (EPSG:28992).
    tabellen : dict
        Per eigenschap een opzoektabel (index = klassecode).
    herkomst : str
        Waar de klassen vandaan komen (voor metadata en rapporten).
    """

    klassen: np.ndarray
    rooster: Rooster
    gemeente: BaseGeometry
    tabellen: dict[str, np.ndarray] = field(repr=False)
    herkomst: str = "afgeleid uit de lagen"
    _vlakken: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def eigenschap(self, naam: str, klassen: np.ndarray | None = None) -> np.ndarray:
        """De waarde van eigenschap ``naam`` per cel (float; ``groen`` en ``wonen`` als 0/1)."""
        return self.tabellen[naam][self.klassen if klassen is None else klassen]

    def masker(self, naam: str) -> np.ndarray:
        """Cellen waar een ja/nee-eigenschap (``groen``, ``wonen``) waar is."""
        return self.eigenschap(naam) > 0.5

    def groenvlakken(self, min_oppervlakte_m2: float) -> tuple[gpd.GeoDataFrame, np.ndarray]:
        """Aaneengesloten groen (4-buren) van minstens ``min_oppervlakte_m2``: vlakken en cellen.

        Het resultaat wordt per oppervlaktegrens bewaard (het landgebruik verandert niet).
        """
        sleutel = float(min_oppervlakte_m2)
        if sleutel not in self._vlakken:
            self._vlakken[sleutel] = vlakken_uit_masker(self.masker("groen"), self.rooster,
                                                        min_oppervlakte_m2=sleutel)
        return self._vlakken[sleutel]

    @property
    def gemeente_rooster(self) -> Rooster:
        """Het kleinste uitgelijnde rooster om de gemeente (het gebied van de uitvoer)."""
        return Rooster.om(self.gemeente.bounds, resolutie=self.rooster.resolutie)

    def gemeente_masker(self, rooster: Rooster | None = None) -> np.ndarray:
        """Cellen (van ``rooster``, standaard :attr:`gemeente_rooster`) met het midden in de gemeente."""
        return (rooster or self.gemeente_rooster).masker(self.gemeente)

    def geotiff(self) -> Callable[[Path], None]:
        """Schrijver ``schrijver(pad)`` van het klassenraster van de gemeente (uint8, 0 = buiten de gemeente)."""
        doel = self.gemeente_rooster
        klassen = self.klassen[self.rooster.uitsnede(doel)].copy()
        klassen[~self.gemeente_masker(doel)] = 0
        legenda = "; ".join(f"{code} = {naam}" for code, naam in KLASSEN.items())
        return geotiff(klassen, doel, nodata=0, eenheid="klasse", beschrijving="Landgebruiksklasse",
                       kleuren=KLEUREN, tags={"klassen": legenda, "herkomst": self.herkomst})

    def schrijf(self, pad: str | os.PathLike, *, overschrijf: bool) -> Path:
        """Schrijf het klassenraster van de gemeente als GeoTIFF (atomair, zie :meth:`geotiff`)."""
        return schrijf_met(pad, self.geotiff(), overschrijf=overschrijf)


def klasse_tabellen(parameters: Parameters) -> dict[str, np.ndarray]:
    """Opzoektabellen (index = klassecode, 0 = geen gegevens) per eigenschap uit de parameters."""
    tabellen = {}
    for eigenschap in EIGENSCHAPPEN:
        tabel = np.zeros(256, dtype=np.float64)
        for code, naam in KLASSEN.items():
            waarde = float(parameters(f"klasse_{naam}", eigenschap))
            if eigenschap in ("f_veg", "svf", "verhard") and not 0.0 <= waarde <= 1.0:
                raise InvoerFout(f"Parameter klasse_{naam}.{eigenschap} moet tussen 0 en 1 liggen, niet {waarde}.")
            tabel[code] = waarde
        tabellen[eigenschap] = tabel
    return tabellen


def _vormen(parameters: Parameters, laagdata: Mapping[str, gpd.GeoDataFrame]) -> list[tuple[BaseGeometry, int]]:
    """(geometrie, klassecode) van laag naar hoog: latere vormen overschrijven eerdere."""
    code = {naam: c for c, naam in KLASSEN.items()}
    p = lambda naam: float(parameters("landgebruik", naam))  # noqa: E731
    bedrijven = laagdata["bedrijventerreinen"]
    groen = laagdata["groenstructuur"]
    barrieres = laagdata["barrieres"]
    is_bos = groen["type"].isin(_BOS_TYPEN)
    lijnen = {soort: barrieres[barrieres["soort"] == soort].geometry for soort in ("weg", "spoor", "water")}
    lagenvolgorde = [
        ("woongebied", laagdata["bestaand_stedelijk_gebied"].geometry),
        ("bedrijventerrein", bedrijven[bedrijven["status"] == "bestaand"].geometry),
        ("centrum", laagdata["publiekshart"].geometry),
        ("centrum", laagdata["noordelijke_binnenstad"].geometry),
        ("winkelcentrum", laagdata["wijkcentra"].geometry.buffer(p("straal_winkelcentrum_m"))),
        ("park", groen[~is_bos].geometry),
        ("bos", groen[is_bos].geometry),
        ("infrastructuur", lijnen["weg"].buffer(p("breedte_weg_m") / 2, cap_style="flat")),
        ("infrastructuur", lijnen["spoor"].buffer(p("breedte_spoor_m") / 2, cap_style="flat")),
        ("water", lijnen["water"].buffer(p("breedte_water_m") / 2, cap_style="flat")),
    ]
    return [(g, code[klasse]) for klasse, reeks in lagenvolgorde for g in reeks if g is not None and not g.is_empty]


def landgebruik_uit_lagen(*, laagdata: Mapping[str, gpd.GeoDataFrame],
                          parameters: Parameters | None = None) -> Landgebruik:
    """Leid het landgebruik af uit de lagen (:data:`LAGEN`).

    Parameters
    ----------
    laagdata : mapping of str to GeoDataFrame
        De lagen, bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`.
    parameters : Parameters, optional
        Analyseparameters; standaard :func:`laad_analyse_parameters`.
    """
    from rasterio.features import rasterize

    parameters = parameters or laad_analyse_parameters()
    gemeente = laagdata["gemeentegrens"].union_all()
    rooster = Rooster.om(gemeente.bounds, resolutie=float(parameters("landgebruik", "resolutie_m")),
                         marge=float(parameters("landgebruik", "marge_m")))
    klassen = rasterize(_vormen(parameters, laagdata), out_shape=rooster.vorm, transform=rooster.transform,
                        fill=1, dtype="uint8")
    return Landgebruik(klassen, rooster, gemeente, klasse_tabellen(parameters))


def lees_landgebruik_raster(pad: str | os.PathLike, rooster: Rooster) -> np.ndarray:
    """Lees een eigen landgebruiksraster op ``rooster`` (dichtstbijzijnde cel; 0 = geen gegevens).

    Raises
    ------
    BestandOntbreekt
        Het bestand bestaat niet.
    InvoerFout
        Geen leesbaar raster, geen coördinatenstelsel, onbekende klassecodes, of het raster
        overlapt de gemeente niet.
    """
    pad = Path(pad)
    with open_raster(pad, wat="Landgebruiksraster") as bron:
        ruw = bron.read(1, masked=True)
        if np.issubdtype(ruw.dtype, np.floating) and np.any(ruw.compressed() % 1 != 0):
            raise InvoerFout(f"Landgebruiksraster {pad} bevat geen klassecodes maar kommagetallen; "
                             f"verwacht gehele codes {', '.join(f'{c} {n}' for c, n in KLASSEN.items())}.")
        codes = set(np.unique(ruw.compressed()).astype(int).tolist()) - {0}
        onbekend = sorted(codes - set(KLASSEN))
        if onbekend:
            raise InvoerFout(
                f"Landgebruiksraster {pad} bevat onbekende klassecodes: {', '.join(map(str, onbekend[:10]))}.",
                [f"toegestaan: 0 (geen gegevens) en {', '.join(f'{c} = {n}' for c, n in KLASSEN.items())}"])
        bronwaarden = ruw.filled(0).astype(np.uint8)
        doel = np.zeros(rooster.vorm, dtype=np.uint8)
        reproject(bronwaarden, doel, src_transform=bron.transform, src_crs=bron.crs, src_nodata=0,
                  dst_transform=rooster.transform, dst_crs="EPSG:28992", dst_nodata=0,
                  resampling=Resampling.nearest)
    return doel


_vervangend_raster: Path | None = None
_cache: dict[tuple, Landgebruik] = {}


def vervang_landgebruik(pad: str | os.PathLike, *, laagdata: Mapping[str, gpd.GeoDataFrame]) -> None:
    """Gebruik voortaan een eigen landgebruiksraster in alle analyses (zoals :func:`~omgevingsvisie.vervang_laag`).

    Het raster wordt meteen gecontroleerd op het landgebruik van ``laagdata``; bij een fout
    blijft het oude landgebruik in gebruik.
    """
    global _vervangend_raster
    pad = Path(pad)
    landgebruik(laagdata=laagdata, raster=pad)  # controleert (en bewaart in de cache)
    _vervangend_raster = pad


def herstel_landgebruik() -> None:
    """Leid het landgebruik weer af uit de lagen."""
    global _vervangend_raster
    _vervangend_raster = None


def landgebruik(*, laagdata: Mapping[str, gpd.GeoDataFrame], raster: str | os.PathLike | None = None,
                parameters: Parameters | None = None) -> Landgebruik:
    """Het landgebruik voor de analyses: een eigen raster waar dat gegevens heeft, anders uit de lagen.

    Met de standaardparameters wordt het resultaat bewaard zolang de lagen (:data:`LAGEN`, via
    :meth:`~omgevingsvisie.lagen.Laagdata.stempel`: ook een gewijzigd bestand van een vervangen
    laag) en het raster niet veranderen, zodat bijvoorbeeld een toets van veel initiatieven het
    maar één keer afleidt.

    Parameters
    ----------
    laagdata : mapping of str to GeoDataFrame
        De lagen, bijvoorbeeld :func:`omgevingsvisie.lagen.huidige`.
    raster : path-like, optional
        GeoTIFF met klassecodes van :data:`KLASSEN` (elk coördinatenstelsel; wordt met de
        dichtstbijzijnde cel naar het 10 m-rooster in EPSG:28992 gebracht). Standaard het
        raster van :func:`vervang_landgebruik`, als dat er is.
    parameters : Parameters, optional
        Analyseparameters (klasse-eigenschappen, celmaat); standaard de meegeleverde.
    """
    raster = Path(raster) if raster is not None else _vervangend_raster
    lagen_sleutel = cachesleutel(laagdata, LAGEN)
    sleutel = (lagen_sleutel, stempel(raster)) if parameters is None and lagen_sleutel is not None else None
    if sleutel is not None and sleutel in _cache:
        return _cache[sleutel]
    afgeleid = landgebruik_uit_lagen(laagdata=laagdata, parameters=parameters)
    resultaat = afgeleid
    if raster is not None:
        eigen = lees_landgebruik_raster(raster, afgeleid.rooster)
        in_gemeente = afgeleid.rooster.masker(afgeleid.gemeente)
        dekking = float(np.count_nonzero((eigen > 0) & in_gemeente)) / max(1, np.count_nonzero(in_gemeente))
        if dekking == 0:
            raise InvoerFout(f"Landgebruiksraster {raster} heeft geen gegevens binnen de gemeente.")
        klassen = np.where(eigen > 0, eigen, afgeleid.klassen).astype(np.uint8)
        resultaat = Landgebruik(klassen, afgeleid.rooster, afgeleid.gemeente, afgeleid.tabellen,
                                herkomst=f"raster {raster} ({dekking:.0%} van de gemeente), "
                                         "verder afgeleid uit de lagen")
    if sleutel is not None:
        _cache.clear()
        _cache[sleutel] = resultaat
    return resultaat


def landgebruik_van(lg: Landgebruik | None, laagdata: Mapping[str, gpd.GeoDataFrame] | None,
                    parameters: Parameters | None = None) -> Landgebruik:
    """``lg``, of anders :func:`landgebruik` van ``laagdata`` (voor de analyses met een optioneel ``lg``).

    Raises
    ------
    TypeError
        Als ``lg`` en ``laagdata`` allebei ontbreken.
    """
    if lg is not None:
        return lg
    if laagdata is None:
        raise TypeError("Geef het landgebruik (lg=...) of de lagen (laagdata=...) mee.")
    return landgebruik(laagdata=laagdata, parameters=parameters)
