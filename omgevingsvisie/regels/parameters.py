"""Het parameterbestand van het regelboek: elke drempel met haar bron en haar domein.

De standaardwaarden staan in ``parameters.toml`` naast deze module. Een gemeente kan een
eigen TOML-bestand opgeven met alleen de waarden die ze anders wil; de rest komt uit de
standaard. Regels lezen hun drempels uitsluitend hier (geen getallen in regelcode).

Elke parameter heeft in het TOML-bestand een ``domein`` (een naam uit :data:`DOMEINEN`): wat
een waarde betekenis geeft. Een eigen bestand wordt daartegen gecontroleerd — afstanden ≥ 0 en
eindig (geen ``inf`` of ``nan``), percentages 0–100, stappen > 0, functies uit
:data:`~omgevingsvisie.catalogus.FUNCTIES`, VNG-milieucategorieën — en op samenhang
(:data:`SAMENHANG`: richtafstanden die met de categorie oplopen, …). Namen uit de lagen
(focusgebieden, bedrijventerreinen) en de rastergrootte kan alleen de aanroeper controleren die
de lagen kent: :meth:`Parameters.controleer_lagen`, of ``laad_parameters(..., laagdata=...)``.
Alle problemen komen tegelijk, met regel en naam.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import InvoerFout
from ..catalogus import FUNCTIES, MILIEUCATEGORIEEN
from ..io.grenzen import GRENZEN
from ..io.toml import lees_toml
from ..tekst import getal

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DOMEINEN", "SAMENHANG", "STANDAARD", "Domein", "Parameter", "Parameters", "laad_parameters"]

STANDAARD = Path(__file__).with_name("parameters.toml")


@dataclass(frozen=True)
class Domein:
    """Welke waarden een parameter betekenis geven.

    Attributes
    ----------
    uitleg : str
        Het domein in woorden, voor in de melding (``"een afstand in m, ≥ 0"``).
    soort : str
        ``"getal"``, ``"aantal"`` (geheel getal), ``"ja_nee"``, ``"naam"`` (één tekst),
        ``"lijst"`` (van ``element``) of ``"tabel"`` (``sleutels`` → ``element``).
    minimum, maximum : float, optional
        Het bereik van een getal (inclusief).
    groter_dan : float, optional
        Een strikte ondergrens (een stap of celgrootte > 0).
    keuzes : tuple of str
        Vaste namen (functies, milieucategorieën); leeg is vrije tekst.
    laag : str, optional
        De naam moet voorkomen in het attribuut ``naam`` van deze laag (alleen te controleren
        met de lagen: :meth:`Parameters.controleer_lagen`).
    element, sleutels : Domein, optional
        Het domein van de elementen van een lijst of de waarden van een tabel, en van de
        sleutels van een tabel.
    """

    uitleg: str
    soort: str
    minimum: float | None = None
    maximum: float | None = None
    groter_dan: float | None = None
    keuzes: tuple[str, ...] = ()
    laag: str | None = None
    element: Domein | None = None
    sleutels: Domein | None = None


_FUNCTIE = Domein("een functie", "naam", keuzes=FUNCTIES)
_FOCUSGEBIED = Domein("een focusgebied uit de laag focusgebieden", "naam", laag="focusgebieden")
_MILIEUCATEGORIE = Domein("een VNG-milieucategorie", "naam", keuzes=MILIEUCATEGORIEEN)
_AFSTAND = Domein("een afstand in m, ≥ 0 en eindig", "getal", minimum=0.0)

DOMEINEN: dict[str, Domein] = {
    "afstand": _AFSTAND,
    "oppervlakte": Domein("een oppervlakte, ≥ 0 en eindig", "getal", minimum=0.0),
    "niet_negatief": Domein("een getal ≥ 0 en eindig", "getal", minimum=0.0),
    "positief": Domein("een getal > 0 en eindig", "getal", groter_dan=0.0),
    "stap": Domein("een stap of celgrootte in m, > 0 en eindig", "getal", groter_dan=0.0),
    "percentage": Domein("een percentage van 0 tot en met 100", "getal", minimum=0.0, maximum=100.0),
    "fractie": Domein("een fractie van 0 tot en met 1", "getal", minimum=0.0, maximum=1.0),
    "aandeel": Domein("een aandeel groter dan 0 en hooguit 1", "getal", groter_dan=0.0, maximum=1.0),
    "omrijfactor": Domein("een omrijfactor ≥ 1 en eindig", "getal", minimum=1.0),
    "aantal": Domein("een geheel getal ≥ 0", "aantal", minimum=0),
    "ja_nee": Domein("true of false", "ja_nee"),
    "teksten": Domein("een lijst van teksten", "lijst", element=Domein("een niet-lege tekst", "naam")),
    "functies": Domein("een lijst van functies", "lijst", element=_FUNCTIE),
    "milieucategorie": _MILIEUCATEGORIE,
    "richtafstanden": Domein("een tabel milieucategorie → afstand in m", "tabel", sleutels=_MILIEUCATEGORIE,
                             element=_AFSTAND),
    "focusgebied": _FOCUSGEBIED,
    "focusgebieden": Domein("een lijst van focusgebieden", "lijst", element=_FOCUSGEBIED),
    "functies_per_focusgebied": Domein("een tabel focusgebied → lijst van functies", "tabel", sleutels=_FOCUSGEBIED,
                                       element=Domein("een lijst van functies", "lijst", element=_FUNCTIE)),
    "bedrijventerrein": Domein("een bedrijventerrein uit de laag bedrijventerreinen", "naam", laag="bedrijventerreinen"),
}
"""De domeinen waar ``domein = "..."`` in de parameterbestanden naar verwijst."""


@dataclass(frozen=True)
class Parameter:
    """Eén drempel: waarde, eenheid, bron en domein (een naam uit :data:`DOMEINEN`)."""

    waarde: Any
    eenheid: str
    bron: str
    domein: str = ""


class Parameters:
    """Alle parameters, per regel-id en naam.

    Voorbeelden
    -----------
    >>> p = laad_parameters()
    >>> p("GS7", "afstand_m")
    300.0
    >>> p.parameter("GS7", "afstand_m").bron[:8]
    '3-30-300'
    >>> p.parameter("GS7", "afstand_m").domein
    'afstand'
    """

    def __init__(self, tabel: dict[str, dict[str, Parameter]], *, herkomst: str = str(STANDAARD)):
        self._tabel = tabel
        self.herkomst = herkomst

    def parameter(self, regel: str, naam: str) -> Parameter:
        try:
            return self._tabel[regel][naam]
        except KeyError:
            raise KeyError(f"Parameter {regel}.{naam} staat niet in {self.herkomst}") from None

    def __call__(self, regel: str, naam: str) -> Any:
        return self.parameter(regel, naam).waarde

    def van_regel(self, regel: str) -> dict[str, Parameter]:
        """Alle parameters van één regel (voor rapporten: welke drempels golden)."""
        return dict(self._tabel.get(regel, {}))

    def problemen_met_lagen(self, laagdata: Mapping[str, gpd.GeoDataFrame]) -> list[str]:
        """Wat alleen met de lagen te controleren is: namen uit de lagen en de rastergrootte.

        Parameters
        ----------
        laagdata : mapping
            De lagen van de toets of analyse (een :class:`~omgevingsvisie.lagen.Laagdata`).

        Returns
        -------
        list of str
            Bijvoorbeeld ``"DS4.focusgebied: 'Asen-Zuid' is geen focusgebied in de laag
            focusgebieden (bedoelt u 'Assen-Zuid'?); bekend: ..."``; leeg als alles klopt.
        """
        namen: dict[str, list[str]] = {}

        def bekend(laag: str) -> list[str]:
            if laag not in namen:
                namen[laag] = [str(n) for n in laagdata[laag]["naam"]] if laag in laagdata else []
            return namen[laag]

        problemen = []
        for regel, params in self._tabel.items():
            for naam, p in params.items():
                domein = DOMEINEN.get(p.domein)
                if domein is not None:
                    problemen += [f"{regel}.{naam}{plek}: {melding}"
                                  for plek, melding in _laagproblemen(p.waarde, domein, bekend)]
        return problemen + _rastergrootte(self, laagdata)

    def controleer_lagen(self, laagdata: Mapping[str, gpd.GeoDataFrame]) -> None:
        """Als :meth:`problemen_met_lagen`, maar met een :class:`InvoerFout` bij problemen."""
        problemen = self.problemen_met_lagen(laagdata)
        if problemen:
            raise InvoerFout(f"De parameters ({self.herkomst}) passen niet bij de lagen:", problemen)


def _lees(pad: Path) -> dict:
    return lees_toml(pad, wat="Parameterbestand")


def _als_parameter(waarde: dict) -> Parameter:
    return Parameter(waarde["waarde"], waarde.get("eenheid", ""), waarde["bron"], waarde.get("domein", ""))


def laad_parameters(eigen: str | os.PathLike | None = None, *,
                    standaard: str | os.PathLike = STANDAARD,
                    laagdata: Mapping[str, gpd.GeoDataFrame] | None = None) -> Parameters:
    """Lees de standaardparameters, eventueel aangevuld met een eigen bestand.

    ``standaard`` is het bestand met de standaardwaarden: het regelboek
    (``parameters.toml`` hier), of een ander bestand van dezelfde vorm, zoals
    ``omgevingsvisie/analyse/parameters.toml`` van de analyses.

    In het eigen bestand mag een parameter als volledige tabel
    (``{ waarde = 400, bron = "Groenvisie Assen 2025" }``) of als kale waarde staan; een kale
    waarde krijgt als bron het eigen bestand. Een tabel-waarde (zoals ``MI1.richtafstanden_m``)
    vult de standaardtabel aan: ``richtafstanden_m = { "4.2" = 400.0 }`` wijzigt alleen 4.2.
    Het domein van een parameter ligt vast in het standaardbestand.

    Parameters
    ----------
    eigen : path-like, optional
        Het eigen parameterbestand.
    standaard : path-like
        Het bestand met de standaardwaarden.
    laagdata : mapping, optional
        De lagen waarmee gerekend wordt; dan worden ook de namen uit de lagen en de
        rastergrootte gecontroleerd (:meth:`Parameters.problemen_met_lagen`).

    Raises
    ------
    InvoerFout
        Met alle problemen tegelijk, elk met regel en naam: onbekende regels of parameters,
        een waarde van een ander type dan de standaard, een waarde buiten haar domein (zie
        :data:`DOMEINEN`), onderling tegenstrijdige waarden (:data:`SAMENHANG`) en, met
        ``laagdata``, namen die niet in de lagen voorkomen.
    """
    standaard = Path(standaard)
    tabel = {regel: {naam: _als_parameter(w) for naam, w in params.items()}
             for regel, params in _lees(standaard).items()}
    herkomst, problemen = str(standaard), []
    if eigen is not None:
        eigen = Path(eigen)
        herkomst = f"{standaard.name} + {eigen}"
        problemen = _vul_aan(tabel, eigen)
    parameters = Parameters(tabel, herkomst=herkomst)
    if not problemen:  # onbekende namen of typen eerst: daarop rekenen de controles hieronder niet
        problemen = _domeinproblemen(tabel) + [m for _, controle in SAMENHANG for m in controle(parameters)]
        if laagdata is not None:
            problemen += parameters.problemen_met_lagen(laagdata)
    if problemen:
        raise InvoerFout(f"Parameterbestand {eigen if eigen is not None else standaard} bevat fouten:", problemen)
    return parameters


def _vul_aan(tabel: dict[str, dict[str, Parameter]], eigen: Path) -> list[str]:
    """Zet de waarden uit het eigen bestand in ``tabel``; geeft de problemen met namen en typen."""
    problemen = []
    for regel, params in _lees(eigen).items():
        if regel not in tabel or not isinstance(params, dict):
            problemen.append(f"onbekende regel [{regel}]{_bedoelt(regel, tabel)}; bekend: {', '.join(tabel)}")
            continue
        for naam, waarde in params.items():
            if naam not in tabel[regel]:
                problemen.append(f"{regel}.{naam}: onbekende parameter{_bedoelt(naam, tabel[regel])}; "
                                 f"bekend: {', '.join(tabel[regel])}")
                continue
            oud = tabel[regel][naam]
            if isinstance(waarde, dict) and "waarde" in waarde:
                if waarde.get("domein", oud.domein) != oud.domein:
                    problemen.append(f"{regel}.{naam}: het domein ligt vast ({oud.domein}); laat 'domein' weg")
                    continue
                nieuw = Parameter(waarde["waarde"], waarde.get("eenheid", oud.eenheid),
                                  waarde.get("bron", f"Eigen parameterbestand {eigen.name}"), oud.domein)
            else:
                nieuw = Parameter(waarde, oud.eenheid, f"Eigen parameterbestand {eigen.name}", oud.domein)
            if not _zelfde_soort(nieuw.waarde, oud.waarde):
                problemen.append(f"{regel}.{naam}: verwacht {_soortnaam(oud.waarde)}, gekregen {nieuw.waarde!r}")
                continue
            if isinstance(oud.waarde, dict):
                # een tabel (richtafstanden per categorie, functies per focusgebied) wordt aangevuld,
                # niet vervangen: anders ontbreken de niet-genoemde sleutels (KeyError in MI1/DS4)
                nieuw = Parameter({**oud.waarde, **nieuw.waarde}, nieuw.eenheid, nieuw.bron, nieuw.domein)
            tabel[regel][naam] = nieuw
    return problemen


def _domeinproblemen(tabel: dict[str, dict[str, Parameter]]) -> list[str]:
    problemen = []
    for regel, params in tabel.items():
        for naam, p in params.items():
            domein = DOMEINEN.get(p.domein)
            if domein is None:
                problemen.append(f"{regel}.{naam}: onbekend domein {p.domein!r} in het standaardbestand; "
                                 f"bekend: {', '.join(DOMEINEN)}")
                continue
            problemen += [f"{regel}.{naam}{plek}: {melding}" for plek, melding in _waardeproblemen(p.waarde, domein)]
    return problemen


def _waardeproblemen(waarde: Any, domein: Domein) -> list[tuple[str, str]]:
    """(plek in de waarde, melding) voor alles wat buiten het domein valt, zonder de lagen."""
    if domein.soort == "getal":
        melding = _getalprobleem(waarde, domein)
        return [("", melding)] if melding else []
    if domein.soort == "aantal":
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde) \
                or not float(waarde).is_integer():
            return [("", f"{waarde!r} is geen geheel getal; verwacht {domein.uitleg}")]
        melding = _getalprobleem(waarde, domein)
        return [("", melding)] if melding else []
    if domein.soort == "ja_nee":
        return [] if isinstance(waarde, bool) else [("", f"{waarde!r} is geen ja/nee-waarde; verwacht {domein.uitleg}")]
    if domein.soort == "naam":
        if not isinstance(waarde, str) or not waarde.strip():
            return [("", f"{waarde!r} is geen naam; verwacht {domein.uitleg}")]
        if domein.keuzes and waarde not in domein.keuzes:
            return [("", f"'{waarde}' is geen {domein.uitleg.removeprefix('een ')}{_bedoelt(waarde, domein.keuzes)}; "
                         f"toegestaan: {', '.join(domein.keuzes)}")]
        return []
    if domein.soort == "lijst":
        if not isinstance(waarde, list):
            return [("", f"verwacht {domein.uitleg}, gekregen {waarde!r}")]
        problemen = [(f"[{i}]", m) for i, w in enumerate(waarde) for _, m in _waardeproblemen(w, domein.element)]
        dubbel = sorted({str(w) for i, w in enumerate(waarde) if w in waarde[:i]})
        if dubbel:
            problemen.append(("", f"staat meer dan eens in de lijst: {', '.join(dubbel)}"))
        return problemen
    if domein.soort == "tabel":
        if not isinstance(waarde, dict):
            return [("", f"verwacht {domein.uitleg}, gekregen {waarde!r}")]
        problemen = []
        for sleutel, w in waarde.items():
            problemen += [(f'."{sleutel}"', m) for _, m in _waardeproblemen(sleutel, domein.sleutels)]
            problemen += [(f'."{sleutel}"{plek}', m) for plek, m in _waardeproblemen(w, domein.element)]
        return problemen
    raise ValueError(f"onbekende soort domein {domein.soort!r}")


def _getalprobleem(waarde: Any, domein: Domein) -> str | None:
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        return f"{waarde!r} is geen getal; verwacht {domein.uitleg}"
    if not math.isfinite(waarde):
        return f"{waarde!r} is geen eindig getal; verwacht {domein.uitleg}"
    if domein.groter_dan is not None and not waarde > domein.groter_dan:
        return f"{_toon(waarde)} is niet groter dan {_toon(domein.groter_dan)}; verwacht {domein.uitleg}"
    if domein.minimum is not None and waarde < domein.minimum:
        return f"{_toon(waarde)} is kleiner dan {_toon(domein.minimum)}; verwacht {domein.uitleg}"
    if domein.maximum is not None and waarde > domein.maximum:
        return f"{_toon(waarde)} is groter dan {_toon(domein.maximum)}; verwacht {domein.uitleg}"
    return None


def _laagproblemen(waarde: Any, domein: Domein, bekend: Callable[[str], list[str]]) -> list[tuple[str, str]]:
    """(plek, melding) voor namen die in een laag moeten voorkomen maar er niet in staan."""
    if domein.soort == "naam" and domein.laag is not None:
        namen = bekend(domein.laag)
        if waarde in namen:
            return []
        soort = domein.uitleg.removeprefix("een ").split(" uit ")[0]
        return [("", f"'{waarde}' is geen {soort} in de laag {domein.laag}{_bedoelt(waarde, namen)}; "
                     f"bekend: {', '.join(namen) or '(geen)'}")]
    if domein.soort == "lijst" and isinstance(waarde, list):
        return [(f"[{i}]", m) for i, w in enumerate(waarde) for _, m in _laagproblemen(w, domein.element, bekend)]
    if domein.soort == "tabel" and isinstance(waarde, dict):
        uit = []
        for sleutel, w in waarde.items():
            uit += [(f'."{sleutel}"', m) for _, m in _laagproblemen(sleutel, domein.sleutels, bekend)]
            uit += [(f'."{sleutel}"{plek}', m) for plek, m in _laagproblemen(w, domein.element, bekend)]
        return uit
    return []


def _rastergrootte(p: Parameters, laagdata: Mapping[str, gpd.GeoDataFrame]) -> list[str]:
    """Rasters en steekproeven over de gemeente die boven de grens ``rastercellen`` zouden uitkomen."""
    if "gemeentegrens" not in laagdata:
        return []
    x0, y0, x1, y1 = laagdata["gemeentegrens"].total_bounds
    marge = _waarde(p, "landgebruik", "marge_m", 0.0)
    grens = GRENZEN["rastercellen"]
    problemen = []
    for regel, naam, wat in (("landgebruik", "resolutie_m", "het landgebruiksraster"),
                             ("barrieres", "celgrootte_m", "het routeraster"),
                             ("woningen", "puntafstand_m", "de steekproef van woningpunten")):
        stap = _waarde(p, regel, naam, None)
        if stap is None or not isinstance(stap, (int, float)) or not stap > 0:
            continue
        cellen = math.ceil((x1 - x0 + 2 * marge) / stap) * math.ceil((y1 - y0 + 2 * marge) / stap)
        if grens.te_veel(cellen):
            problemen.append(f"{regel}.{naam}: " + grens.melding(
                cellen, f"{wat} over de gemeente met {getal(stap, 3)} m", advies="Kies een grotere waarde"))
    return problemen


def _waarde(p: Parameters, regel: str, naam: str, standaard: Any) -> Any:
    return p(regel, naam) if naam in p.van_regel(regel) else standaard


# --------------------------------------------------------------------------- samenhang


def _richtafstanden_lopen_op(p: Parameters) -> list[str]:
    if "richtafstanden_m" not in p.van_regel("MI1"):
        return []
    richt = p("MI1", "richtafstanden_m")
    reeks = [(c, richt[c]) for c in MILIEUCATEGORIEEN if c in richt]
    return [f"MI1.richtafstanden_m: categorie {c2} ({getal(a2)} m) heeft een kleinere richtafstand dan de lichtere "
            f"categorie {c1} ({getal(a1)} m); richtafstanden lopen op met de categorie"
            for (c1, a1), (c2, a2) in zip(reeks, reeks[1:]) if a2 < a1]


def _trz_passend_of_concurrerend(p: Parameters) -> list[str]:
    params = p.van_regel("DS5")
    if not {"passende_functies", "concurrerende_functies"} <= set(params):
        return []
    beide = sorted(set(p("DS5", "passende_functies")) & set(p("DS5", "concurrerende_functies")))
    return [f"DS5.passende_functies en DS5.concurrerende_functies noemen allebei {', '.join(beide)}; "
            "een functie is passend of concurrerend, niet allebei"] if beide else []


def _venster_minstens_een_cel(p: Parameters) -> list[str]:
    venster, resolutie = _waarde(p, "uhi", "venster_m", None), _waarde(p, "landgebruik", "resolutie_m", None)
    if venster is None or resolutie is None or not venster >= resolutie:
        return [] if venster is None or resolutie is None else [
            f"uhi.venster_m ({getal(venster, 1)} m) is kleiner dan landgebruik.resolutie_m ({getal(resolutie, 1)} m): "
            "het middelingsvenster moet minstens één cel zijn"]
    return []


def _nieuwbouw_niet_opener_dan_onbebouwd(p: Parameters) -> list[str]:
    nieuw, open_ = _waarde(p, "uhi", "svf_nieuwbouw", None), _waarde(p, "uhi", "svf_onbebouwd", None)
    if nieuw is not None and open_ is not None and nieuw > open_:
        return [f"uhi.svf_nieuwbouw ({getal(nieuw, 2)}) is groter dan uhi.svf_onbebouwd ({getal(open_, 2)}): "
                "gebouwen kunnen de hemel niet verder openen dan geen gebouwen"]
    return []


SAMENHANG: list[tuple[str, Callable[[Parameters], list[str]]]] = [
    ("richtafstanden lopen op met de milieucategorie", _richtafstanden_lopen_op),
    ("een functie in de TRZ is passend of concurrerend, niet allebei", _trz_passend_of_concurrerend),
    ("het middelingsvenster is minstens één rastercel", _venster_minstens_een_cel),
    ("svf_nieuwbouw ≤ svf_onbebouwd", _nieuwbouw_niet_opener_dan_onbebouwd),
]
"""Controles over parameters heen: (omschrijving, functie die de problemen geeft)."""


# --------------------------------------------------------------------------- hulp


def _zelfde_soort(nieuw: Any, standaard: Any) -> bool:
    if isinstance(standaard, bool) or isinstance(nieuw, bool):
        return isinstance(nieuw, bool) and isinstance(standaard, bool)
    if isinstance(standaard, (int, float)):
        return isinstance(nieuw, (int, float))
    return isinstance(nieuw, type(standaard))


def _soortnaam(waarde: Any) -> str:
    return {bool: "true/false", int: "een getal", float: "een getal", str: "een tekst", list: "een lijst",
            dict: "een tabel"}.get(type(waarde), type(waarde).__name__)


def _toon(x: float) -> str:
    return getal(x, 6)


def _bedoelt(woord: Any, opties: Any) -> str:
    gelijkend = difflib.get_close_matches(str(woord), [str(o) for o in opties], n=1, cutoff=0.75)
    return f" (bedoelt u '{gelijkend[0]}'?)" if gelijkend else ""
