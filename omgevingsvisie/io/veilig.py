"""De randen van het programma veilig: wat binnenkomt is een gewoon bestand, wat weggaat is onschadelijk.

Naar binnen: :func:`controleer_invoerbestand` weigert meteen een FIFO, apparaat of socket
(zo'n bestand openen kan eeuwig blokkeren) en zegt het als een symbolische koppeling nergens
heen wijst. Naar buiten:

- :func:`csv_cel` en :func:`csv_tabel` neutraliseren CSV-injectie volgens het OWASP-advies: een
  tekstcel die begint met ``=``, ``+``, ``-``, ``@``, een tab, een CR of een ander controleteken
  krijgt een voorloop-``'``, zodat een spreadsheet haar als tekst toont en niet als formule
  uitvoert. Getallen blijven getallen (ook negatieve);
- :func:`zichtbaar` maakt controletekens (ANSI-escapes, CR, backspace, bidi-omkeringen)
  zichtbaar als ``\\x1b``, ``\\r``, ``\\u202e`` voor de terminal en Markdown;
- :func:`nfc` normaliseert een naam (Unicode NFC) zodat ``"é"`` en ``"e" + "◌́"`` dezelfde naam zijn;
- :func:`os_fout_tekst` zegt in het Nederlands wat een :class:`OSError` betekent.

Deze module laadt geen zware pakketten (geen pandas of GDAL bij import).

>>> csv_cel("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cel("-2"), csv_cel(-2), csv_cel("Havenkade")
("'-2", -2, 'Havenkade')
>>> zichtbaar("\\x1b[2JRood")
'\\\\x1b[2JRood'
>>> nfc("Cafe\\u0301") == "Caf\\u00e9"
True
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import BestandOntbreekt, InvoerFout

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULETEKENS", "controleer_invoerbestand", "csv_cel", "csv_tabel", "nfc", "os_fout_tekst",
           "zichtbaar"]

FORMULETEKENS = frozenset("=+-@\t\r")
"""Beginletters waarmee een spreadsheet een cel als formule leest (OWASP, CSV Injection)."""

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Onzichtbare tekens die de leesrichting omkeren (bekend van 'Trojan Source')."""


def _is_controleteken(teken: str) -> bool:
    return unicodedata.category(teken) == "Cc" or teken in _BIDI


def zichtbaar(tekst: Any, *, behoud: str = "") -> str:
    """Tekst met elk controleteken zichtbaar ge-escaped, veilig voor de terminal.

    Parameters
    ----------
    tekst : object
        Wordt eerst ``str``.
    behoud : str
        Controletekens die blijven staan, bijvoorbeeld ``"\\n"`` voor een melding van meer regels.

    Returns
    -------
    str
        ESC wordt ``\\x1b``, CR ``\\r``, tab ``\\t``, een bidi-teken ``\\u202e``; andere tekst blijft gelijk.

    >>> zichtbaar("a\\rb\\tc\\u202ed")
    'a\\\\rb\\\\tc\\\\u202ed'
    >>> zichtbaar("regel 1\\nregel 2", behoud="\\n")
    'regel 1\\nregel 2'
    """
    t = str(tekst)
    if not any(_is_controleteken(c) and c not in behoud for c in t):
        return t
    uit = []
    for c in t:
        if c in behoud or not _is_controleteken(c):
            uit.append(c)
        elif c in "\t\n\r":
            uit.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[c])
        elif ord(c) <= 0xFF:
            uit.append(f"\\x{ord(c):02x}")
        else:
            uit.append(f"\\u{ord(c):04x}")
    return "".join(uit)


def csv_cel(waarde: Any) -> Any:
    """Eén CSV-cel onschadelijk voor spreadsheets (OWASP): alleen tekstcellen veranderen.

    Een tekst die begint met een teken uit :data:`FORMULETEKENS` of een ander controleteken
    krijgt een voorloop-``'``; controletekens verderop worden zichtbaar (:func:`zichtbaar`,
    tab en regeleinde blijven, die quote de CSV-schrijver). Getallen, ``None`` en andere
    waarden blijven ongewijzigd.
    """
    if not isinstance(waarde, str) or not waarde:
        return waarde
    if waarde[0] in FORMULETEKENS or _is_controleteken(waarde[0]):
        return "'" + zichtbaar(waarde, behoud="\t\n\r")
    return zichtbaar(waarde, behoud="\t\n\r")


def csv_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """Een kopie van ``tabel`` met :func:`csv_cel` op elke tekstcel (kolomnamen ook)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    uit = tabel.copy()
    for k in uit.columns:
        if is_object_dtype(uit[k]) or is_string_dtype(uit[k]):
            uit[k] = uit[k].map(csv_cel).astype(object)
    return uit.rename(columns=csv_cel)


def nfc(tekst: str) -> str:
    """De naam in Unicode-normaalvorm NFC (samengestelde tekens), zoals voor dubbele namen nodig."""
    return unicodedata.normalize("NFC", tekst)


_OS_FOUTEN = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (onvoldoende rechten)",
    errno.EPERM: "niet toegestaan (onvoldoende rechten)",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.ELOOP: "te veel symbolische koppelingen (een kring?)",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "lees- of schrijffout van het apparaat",
    errno.EXDEV: "verplaatsen tussen verschillende schijven kan niet",
    errno.EMFILE: "te veel open bestanden",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ETXTBSY: "het bestand is in gebruik",
}


def os_fout_tekst(fout: OSError) -> str:
    """Wat een :class:`OSError` betekent, in het Nederlands, met het pad als dat bekend is.

    >>> os_fout_tekst(OSError(errno.ENOSPC, "No space left on device", "uit/plan.html"))
    'uit/plan.html: de schijf is vol'
    >>> os_fout_tekst(OSError(errno.ENOLINK, "Link has been severed"))
    'fout van het besturingssysteem (Link has been severed)'
    """
    uitleg = _OS_FOUTEN.get(fout.errno) or f"fout van het besturingssysteem ({fout.strerror or fout})"
    # bij hernoemen (os.replace) is het doel (filename2) het pad dat de gebruiker kent
    paden = [p for p in (getattr(fout, "filename2", None), fout.filename) if p is not None]
    if fout.errno == errno.ENOENT and paden and os.path.islink(paden[0]):
        uitleg = f"is een symbolische koppeling naar {os.readlink(paden[0])}, dat niet bestaat"
    elif fout.errno == errno.EEXIST and paden and os.path.islink(paden[0]) and not os.path.exists(paden[0]):
        uitleg = f"is een symbolische koppeling naar {os.readlink(paden[0])}, dat niet bestaat"
    return f"{zichtbaar(os.fsdecode(paden[0]))}: {uitleg}" if paden else uitleg


_SOORTEN = ((stat.S_ISFIFO, "een FIFO (named pipe)"), (stat.S_ISCHR, "een apparaat"),
            (stat.S_ISBLK, "een blokapparaat"), (stat.S_ISSOCK, "een socket"))


def controleer_invoerbestand(pad: str | os.PathLike, *, wat: str = "Bestand", map_mag: bool = False) -> Path:
    """Controleer vóór het openen dat ``pad`` een gewoon bestand is (of een map, als dat mag).

    Een FIFO, apparaat of socket wordt meteen geweigerd: openen kan blokkeren tot er een
    schrijver komt. Volgt symbolische koppelingen; een koppeling die nergens heen wijst
    wordt zo genoemd.

    Parameters
    ----------
    pad : path-like
    wat : str
        Hoe het bestand in meldingen heet (``"Bestand"``, ``"Parameterbestand"`` …).
    map_mag : bool
        Een map is ook goed (GDAL leest een map met shapefiles als één bron).

    Raises
    ------
    BestandOntbreekt
        Het bestand bestaat niet (ook: een hangende koppeling).
    InvoerFout
        Het is een speciaal bestand, een map (zonder ``map_mag``) of niet te bekijken.
    """
    pad = Path(pad)
    try:
        info = os.stat(pad)
    except FileNotFoundError:
        if os.path.islink(pad):
            raise BestandOntbreekt(f"{wat} {pad} is een symbolische koppeling naar {os.readlink(pad)}, "
                                   "dat niet bestaat.") from None
        raise BestandOntbreekt(f"{wat} niet gevonden: {pad}") from None
    except OSError as fout:
        raise InvoerFout(f"{wat} kan niet worden gelezen: {os_fout_tekst(fout)}.") from None
    if stat.S_ISREG(info.st_mode) or (map_mag and stat.S_ISDIR(info.st_mode)):
        return pad
    if stat.S_ISDIR(info.st_mode):
        raise InvoerFout(f"{wat} {pad} is een map; geef een bestand op.")
    soort = next((naam for test, naam in _SOORTEN if test(info.st_mode)), "geen gewoon bestand")
    raise InvoerFout(f"{wat} {pad} is {soort}, geen gewoon bestand; dat wordt niet gelezen "
                     "(het zou kunnen blijven wachten). Geef een gewoon bestand op.")
