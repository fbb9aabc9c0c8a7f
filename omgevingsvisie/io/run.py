"""Een run is één transactie: alle uitvoer van één commando komt er helemaal, of helemaal niet.

:func:`run` opent een transactie op één uitvoermap (de map waarin de doelen komen):

1. **Eén run per map.** Het slot ``.omgevingsvisie.lock`` in die map (``fcntl.flock``, zonder
   wachten): loopt er al een run, dan volgt meteen :class:`~omgevingsvisie.UitvoerBezet`. Het
   slot verdwijnt met de run; blijft het bestand na een harde kill (SIGKILL) staan, dan is het
   niet meer vergrendeld en neemt de volgende run het over.
2. **Alles eerst in een tijdelijke map**, ``.omgevingsvisie-run-XXXXXXXX`` in de uitvoermap zelf
   (dus op hetzelfde bestandssysteem, ook als de uitvoermap een aankoppelpunt is; ``os.replace``
   kan dan niet mislukken op "ander apparaat").
3. **Elk doel gecontroleerd vóór er iets geschreven wordt** (:meth:`Run.reserveer`; alle
   problemen in één melding): een invoerbestand is nooit een doel, ook niet met ``overschrijf``
   (vergeleken met ``os.path.samefile``, dus ook via een symbolische of harde koppeling); op de
   plaats van een doel staat geen map; een bestaand doel alleen met ``overschrijf``
   (:class:`~omgevingsvisie.UitvoerBestaat`); twee schrijvers voor hetzelfde doel zijn een
   interne fout.
4. **Neerzetten binnen het slot**: aan het eind van het ``with``-blok worden alle doelen opnieuw
   gecontroleerd (wat er intussen buiten de toolkit om verscheen, telt mee) en daarna per
   bestand met ``os.replace`` op zijn plaats gezet. Mislukt één replace, dan worden de al
   geplaatste bestanden teruggezet (de vorige versie via een harde koppeling in de tijdelijke map).
5. **Altijd opruimen** (ook bij een fout, SIGINT of SIGTERM): de tijdelijke map en het slot
   verdwijnen, en mappen die de run zelf aanmaakte ook, als er niets in kwam.

Met ``signalen=True`` (de CLI) maken SIGINT en SIGTERM van de run een nette afbreking:
:class:`Afgebroken` (een ``KeyboardInterrupt``), zodat de opruiming loopt. Tijdens het
neerzetten en opruimen worden ze uitgesteld; komt er dan een, dan is de nieuwe uitvoer al
compleet en volgt :class:`Afgebroken` met ``voltooid=True``. Een SIGKILL of stroomuitval tijdens
het neerzetten zelf (een reeks renames) kan een mengsel achterlaten; daartegen helpt niets in
een proces.

De schrijvers in :mod:`omgevingsvisie.io.uitvoer` (``atomair_pad``, ``schrijf_tekst``,
``schrijf_met``, ``controleer_doelen``) doen mee met de run die in deze context (draad) voor
hun map loopt; loopt er geen, dan is elk bestand een eigen, kleine run. Zo hoeven rapporten,
kaarten, analyses en exports niets van runs te weten: de CLI opent er één om het hele commando.

Voorbeeld
---------
>>> with run("uit", overschrijf=False, invoer=["plannen.geojson"]) as r:  # doctest: +SKIP
...     r.reserveer(["uit/a.json", "uit/toetskaart.html"])    # weigert vóór het rekenwerk
...     r.pad("uit/a.json").write_text("{}")                  # pas na het blok in uit/
"""

from __future__ import annotations

import contextvars
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .._errors import InvoerFout, UitvoerBestaat, UitvoerBezet

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: een slot met O_EXCL
    fcntl = None

__all__ = ["LOCKNAAM", "TIJDELIJK_VOORVOEGSEL", "Afgebroken", "Run", "actieve_run", "run"]

LOCKNAAM = ".omgevingsvisie.lock"
"""Het slotbestand in de uitvoermap zolang een run loopt."""
TIJDELIJK_VOORVOEGSEL = ".omgevingsvisie-run-"
"""Begin van de naam van de tijdelijke map van een run (in de uitvoermap)."""
SIGNALEN = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM"}
"""De signalen die een run met ``signalen=True`` netjes afbreken, met hun naam voor de melding."""

_ACTIEF: contextvars.ContextVar[tuple[Run, ...]] = contextvars.ContextVar("omgevingsvisie_runs", default=())


class Afgebroken(KeyboardInterrupt):
    """Een run is afgebroken door een signaal (SIGINT of SIGTERM).

    Attributes
    ----------
    signaal : int
        Het signaalnummer; de CLI stopt met exitcode ``128 + signaal`` (130 bij Ctrl-C, 143 bij SIGTERM).
    map : Path or None
        De uitvoermap van de run.
    voltooid : bool
        ``True`` als het signaal kwam terwijl de nieuwe uitvoer al werd neergezet (die is dan
        compleet); anders is de vorige toestand van de map ongewijzigd.
    """

    def __init__(self, signaal: int, map_: Path | None = None, *, voltooid: bool = False):
        self.signaal, self.map, self.voltooid = signaal, map_, voltooid
        super().__init__(SIGNALEN.get(signaal, f"signaal {signaal}"))

    @property
    def exitcode(self) -> int:
        """``128 + signaal``, zoals een shell het meldt."""
        return 128 + self.signaal


def _echt(pad: os.PathLike | str) -> str:
    return os.path.realpath(os.path.abspath(pad))


def _zelfde(a: os.PathLike | str, b: os.PathLike | str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return _echt(a) == _echt(b)


def actieve_run(map_: os.PathLike | str) -> Run | None:
    """De run die in deze context voor ``map_`` loopt, of ``None``."""
    echt = _echt(map_)
    for r in reversed(_ACTIEF.get()):
        if r.echte_map == echt:
            return r
    return None


class Run:
    """De transactie van één run op één uitvoermap; maak hem met :func:`run`.

    Attributes
    ----------
    map : Path
        De uitvoermap (absoluut).
    overschrijf : bool
        Bestaande doelen mogen worden vervangen.
    """

    def __init__(self, map_: os.PathLike | str, *, overschrijf: bool, invoer: Iterable[os.PathLike | str | None] = ()):
        self.genoemd = Path(map_)
        self.map = Path(os.path.abspath(map_))
        self.overschrijf = overschrijf
        self.echte_map = _echt(self.map)
        self._invoer = [Path(p) for p in invoer if p is not None]
        self._doelen: dict[Path, bool] = {}
        self._uitgegeven: set[Path] = set()
        self._aangemaakt: list[Path] = []
        self._slot: int | None = None
        self._tijdelijk: Path | None = None
        self._kritiek = False
        self._uitgesteld: int | None = None
        self._vorige_handlers: dict[int, object] = {}

    # ------------------------------------------------------------------ publiek

    @property
    def doelen(self) -> list[Path]:
        """De gereserveerde doelen, gesorteerd."""
        return sorted(self._doelen)

    def invoer(self, *paden: os.PathLike | str | None) -> None:
        """Meld extra invoerbestanden (die nooit een doel mogen zijn); ``None`` wordt overgeslagen."""
        self._invoer += [Path(p) for p in paden if p is not None]

    def reserveer(self, doelen: Iterable[os.PathLike | str], *, overschrijf: bool | None = None) -> list[Path]:
        """Controleer ``doelen`` nu (vóór er iets geschreven wordt) en houd ze vast voor deze run.

        Parameters
        ----------
        doelen : iterable of path-like
            Bestanden direct in :attr:`map`.
        overschrijf : bool, optional
            Strenger dan de run mag (``False``), ruimer niet.

        Raises
        ------
        InvoerFout
            Als een doel een invoerbestand of een map is, of buiten de uitvoermap ligt.
        UitvoerBestaat
            Als een doel al bestaat en overschrijven niet mag.
        """
        mag = self.overschrijf and (overschrijf is None or overschrijf)
        nieuw = {self._doel(d): mag for d in doelen}
        self._controleer(nieuw)
        for doel, m in nieuw.items():
            self._doelen[doel] = self._doelen.get(doel, True) and m
        return list(nieuw)

    def pad(self, doel: os.PathLike | str, *, overschrijf: bool | None = None) -> Path:
        """Het tijdelijke pad voor ``doel`` (bestaat nog niet); na de run staat het op ``doel``."""
        [doel] = self.reserveer([doel], overschrijf=overschrijf)
        if doel in self._uitgegeven:
            raise RuntimeError(f"Interne fout: {doel.name} wordt in één run twee keer geschreven.")
        self._uitgegeven.add(doel)
        return self._tijdelijk / doel.name

    # ------------------------------------------------------------------ controles

    def _doel(self, doel: os.PathLike | str) -> Path:
        doel = Path(doel)
        if _echt(doel.parent) != self.echte_map:
            raise InvoerFout(f"Het uitvoerbestand {doel} ligt niet in de uitvoermap {self.genoemd}.")
        return self.map / doel.name

    def _controleer(self, doelen: dict[Path, bool]) -> None:
        invoer = [p for p in self._invoer if os.path.lexists(p)]
        eigen, is_invoer, mappen, bestaand = [], [], [], []
        for doel, mag in sorted(doelen.items()):
            if doel.name == LOCKNAAM or doel.name.startswith(TIJDELIJK_VOORVOEGSEL):
                eigen.append(doel.name)
            elif not os.path.lexists(doel):
                continue
            elif any(_zelfde(p, doel) for p in invoer):
                is_invoer.append(f"{doel} is ook invoer ({next(p for p in invoer if _zelfde(p, doel))})")
            elif os.path.isdir(doel):
                mappen.append(str(doel))
            elif not mag:
                bestaand.append(str(doel))
        if eigen:
            raise InvoerFout("Deze namen zijn voor omgevingsvisie zelf gereserveerd: " + ", ".join(eigen))
        if is_invoer:
            raise InvoerFout("Invoer wordt nooit overschreven, ook niet met --overschrijf; kies een andere "
                             "uitvoermap of zet de invoer ergens anders:", is_invoer)
        if mappen:
            raise InvoerFout("Op de plaats van een uitvoerbestand staat een map: " + ", ".join(mappen))
        if bestaand:
            raise UitvoerBestaat("Uitvoer bestaat al; gebruik --overschrijf om te vervangen: " + ", ".join(bestaand))

    # ------------------------------------------------------------------ openen, neerzetten, opruimen

    def _open(self) -> None:
        if os.path.lexists(self.map) and not self.map.is_dir():
            raise InvoerFout(f"De uitvoer {self.genoemd} is geen map (een bestand of een verbroken koppeling); "
                             "geef een map op.")
        ontbrekend, p = [], self.map
        while not os.path.lexists(p):
            ontbrekend.append(p)
            p = p.parent
        for m in reversed(ontbrekend):
            m.mkdir()
            self._aangemaakt.append(m)
        self.echte_map = _echt(self.map)
        self._slot = _neem_slot(self.map, self.genoemd)
        self._tijdelijk = Path(tempfile.mkdtemp(prefix=TIJDELIJK_VOORVOEGSEL, dir=self.map))

    def _zet_neer(self) -> None:
        self._controleer(self._doelen)
        ontbreekt = [d.name for d in self._doelen if not os.path.lexists(self._tijdelijk / d.name)]
        if ontbreekt:
            raise RuntimeError("Interne fout: gereserveerde uitvoer is niet geschreven: " + ", ".join(sorted(ontbreekt)))
        vorige = Path(tempfile.mkdtemp(prefix=".vorige-", dir=self._tijdelijk))
        geplaatst: list[tuple[Path, Path | None, bool]] = []
        try:
            for doel in sorted(self._doelen):
                bestond, kopie = os.path.lexists(doel), None
                if bestond:
                    kopie = vorige / doel.name
                    try:
                        os.link(doel, kopie, follow_symlinks=False)
                    except OSError:
                        kopie = None
                os.replace(self._tijdelijk / doel.name, doel)
                geplaatst.append((doel, kopie, bestond))
        except BaseException:
            for doel, kopie, bestond in reversed(geplaatst):
                try:
                    if kopie is not None:
                        os.replace(kopie, doel)
                    elif not bestond:
                        os.unlink(doel)
                except OSError:
                    pass
            raise

    def _ruim_op(self) -> None:
        if self._tijdelijk is not None:
            shutil.rmtree(self._tijdelijk, ignore_errors=True)
        if self._slot is not None:
            try:
                os.unlink(self.map / LOCKNAAM)  # eerst weg, dan los: wie het oude bestand nog vastpakt, ziet dat
            except OSError:
                pass
            os.close(self._slot)
        for m in reversed(self._aangemaakt):
            try:
                m.rmdir()
            except OSError:
                break

    # ------------------------------------------------------------------ signalen

    def _bij_signaal(self, signaal: int, frame) -> None:
        if self._kritiek:
            self._uitgesteld = self._uitgesteld or signaal
            return
        raise Afgebroken(signaal, self.genoemd)

    def _installeer_signalen(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for s in SIGNALEN:
            self._vorige_handlers[s] = signal.signal(s, self._bij_signaal)

    def _herstel_signalen(self) -> None:
        for s, handler in self._vorige_handlers.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)


def _neem_slot(map_: Path, genoemd: Path) -> int:
    """Het slot van ``map_`` (een open bestandsdescriptor), of :class:`UitvoerBezet`."""
    pad = map_ / LOCKNAAM
    bezet = UitvoerBezet(f"In {genoemd} loopt al een andere run van omgevingsvisie (slot {pad.name}); wacht tot "
                         "die klaar is of kies een andere uitvoermap.")
    if fcntl is None:  # pragma: no cover - Windows
        try:
            fd = os.open(pad, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise bezet from None
        os.write(fd, f"{os.getpid()}\n".encode())
        return fd
    while True:
        fd = os.open(pad, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise bezet from None
        try:  # is het vergrendelde bestand nog het bestand op het pad? (de vorige run kan het net gewist hebben)
            op_pad, open_ = os.stat(pad), os.fstat(fd)
            if (op_pad.st_dev, op_pad.st_ino) == (open_.st_dev, open_.st_ino):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


@contextmanager
def run(map_: os.PathLike | str, *, overschrijf: bool, invoer: Iterable[os.PathLike | str | None] = (),
        signalen: bool = False) -> Iterator[Run]:
    """Een run op ``map_``: alles of niets, één tegelijk, nooit over invoer heen.

    Loopt er in deze context al een run voor ``map_``, dan doet dit blok daarin mee (de
    buitenste run zet alles neer); anders opent het een eigen run.

    Parameters
    ----------
    map_ : path-like
        De uitvoermap; ontbrekende mappen worden aangemaakt (en weer verwijderd als er niets in komt).
    overschrijf : bool
        Bestaande doelen vervangen.
    invoer : iterable of path-like
        Invoerbestanden van de run: nooit een doel, ook niet met ``overschrijf`` (``None`` telt niet).
    signalen : bool
        SIGINT en SIGTERM breken de run netjes af met :class:`Afgebroken` (alleen in de hoofddraad).

    Yields
    ------
    Run

    Raises
    ------
    UitvoerBezet
        Als er in ``map_`` al een run loopt.
    Afgebroken
        Na SIGINT of SIGTERM (met ``signalen=True``), als alles is opgeruimd.
    """
    lopend = actieve_run(map_)
    if lopend is not None:
        lopend.invoer(*invoer)
        yield lopend
        return
    r = Run(map_, overschrijf=overschrijf, invoer=invoer)
    token = None
    try:
        if signalen:
            r._installeer_signalen()
        r._open()
        token = _ACTIEF.set((*_ACTIEF.get(), r))
        yield r
        r._kritiek = True
        r._zet_neer()
    finally:
        r._kritiek = True
        if token is not None:
            _ACTIEF.reset(token)
        try:
            r._ruim_op()
        finally:
            r._herstel_signalen()
    if r._uitgesteld is not None:
        raise Afgebroken(r._uitgesteld, r.genoemd, voltooid=True)
