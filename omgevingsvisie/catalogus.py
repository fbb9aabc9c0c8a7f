"""De catalogus: welke lagen de toolkit kent en waaraan elke laag moet voldoen.

Dit is het schema uit ONTWERP §3, met per attribuut zijn **domein** (:class:`Domein`): welke
waarden betekenis hebben (de VNG-milieucategorieën, de statussen van een bedrijventerrein, een
aantal woningen ≥ 0, …). Hier staat ook het vocabulaire dat initiatieven en parameters delen:
:data:`FUNCTIES` en :data:`MILIEUCATEGORIEEN`. De gegevens zelf (geometrie en metadata) staan in
``lagen/bron/*.geojson`` en in ``omgevingsvisie/data/assen_2040.gpkg``; een gemeente mag elke laag
vervangen door eigen data onder dezelfde naam, zolang die aan dit schema voldoet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CRS = "EPSG:28992"
"""Het rekenstelsel van alle lagen: RD New, in meters."""

GEMEENTE_TOLERANTIE_M = 350.0
"""Hoe ver een feature buiten de gemeentegrens mag uitsteken voordat validatie klaagt.

De CBS-grenzen zijn gegeneraliseerd (nauwkeurigheid ca. 100–300 m, zie
bronnen/REFERENTIE_README.md): de gegeneraliseerde buurten steken tot ruim 300 m buiten de
gegeneraliseerde wijken uit, en echte gemeentelijke data volgt de kadastrale grens. Fouten
in coördinaten (verkeerd stelsel, verwisselde x/y) liggen kilometers ver weg.
"""

PRINCIPES = ("Groene stad van het Noorden", "Dynamische stad", "Verbonden stad")

FUNCTIES: tuple[str, ...] = (
    "wonen", "zorgwonen", "detailhandel_dagelijks", "detailhandel_niet_dagelijks", "horeca",
    "kantoor", "bedrijf", "leisure", "cultuur", "onderwijs", "zorg", "sport", "zonnepark",
    "windturbine", "groen", "water", "parkeren",
)
"""De functies die een initiatief kan hebben (ONTWERP §4)."""

MILIEUCATEGORIEEN: tuple[str, ...] = ("1", "2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3", "6")
"""Milieucategorieën van de VNG-uitgave "Bedrijven en milieuzonering" (normen.md 6), van licht naar zwaar."""


@dataclass(frozen=True)
class Domein:
    """Wat een attribuut van een laag mag bevatten: zijn betekenis, niet alleen zijn aanwezigheid.

    Attributes
    ----------
    soort : str
        ``"tekst"`` (vrije tekst in geldige codering), ``"keuze"`` (een van ``keuzes``,
        letterlijk), ``"geheel"`` (geheel getal) of ``"code"`` (tekst volgens ``patroon``).
    keuzes : tuple of str
        De toegestane waarden bij ``"keuze"``.
    minimum, maximum : float, optional
        Het bereik bij ``"geheel"``.
    patroon : str, optional
        Reguliere expressie (hele waarde) bij ``"code"``.
    voorbeeld : str
        Een goede waarde, voor in de melding.
    bron : str
        Waar de keuzes of het bereik vandaan komen.

    Examples
    --------
    >>> SCHEMAS["bedrijventerreinen"].domein("max_milieucategorie").keuzes[:3]
    ('1', '2', '3.1')
    >>> SCHEMAS["woningbouwlocaties"].domein("woningen_gepland").minimum
    0
    >>> SCHEMAS["wijken"].domein("naam").soort
    'tekst'
    """

    soort: str = "tekst"
    keuzes: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    patroon: str | None = None
    voorbeeld: str = ""
    bron: str = ""


TEKST = Domein()
"""Vrije tekst; de validatie controleert alleen de codering (geen U+FFFD, mojibake of stuurtekens)."""


def _keuze(*keuzes: str, bron: str) -> Domein:
    return Domein("keuze", keuzes=tuple(keuzes), bron=bron)


@dataclass(frozen=True)
class LaagSchema:
    """Wat de toolkit van een laag verwacht.

    Attributes
    ----------
    naam : str
        Naam van de laag (tabelnaam in de GeoPackage, bestandsnaam in ``lagen/bron``).
    geometrie : str
        ``"Polygon"``, ``"LineString"``, ``"Point"`` of ``"Mixed"``; de Multi-variant is
        steeds ook toegestaan.
    attributen : tuple of str
        Verplichte attributen.
    domeinen : dict
        Per attribuut zijn :class:`Domein`, waar de regels, analyses of kaarten op de betekenis
        rekenen; een attribuut zonder domein is vrije tekst (:data:`TEKST`).
    binnen_gemeente : bool
        Of elke feature binnen (of tegen) de gemeentegrens moet liggen.
    omschrijving : str
        Korte Nederlandse omschrijving voor lijsten en foutmeldingen.
    """

    naam: str
    geometrie: str
    attributen: tuple[str, ...]
    omschrijving: str
    domeinen: dict[str, Domein] = field(default_factory=dict)
    binnen_gemeente: bool = True

    def domein(self, veld: str) -> Domein:
        """Het domein van een attribuut (vrije tekst als er geen is vastgelegd)."""
        return self.domeinen.get(veld, TEKST)

    def toegestane_geometrieen(self) -> tuple[str, ...]:
        """Geometrietypen die in deze laag mogen voorkomen."""
        if self.geometrie == "Mixed":
            return ("Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point", "MultiPoint")
        return (self.geometrie, "Multi" + self.geometrie)


_SCHEMAS = (
    LaagSchema("gemeentegrens", "Polygon", ("naam",), "grens van de gemeente Assen"),
    LaagSchema("bestaand_stedelijk_gebied", "Polygon", ("naam",),
               "bestaand stedelijk gebied (inbreiding, Ladder duurzame verstedelijking)"),
    LaagSchema("wijken", "Polygon", ("statcode", "naam"), "CBS-wijken 2023",
               domeinen={"statcode": Domein("code", patroon=r"WK\d{6}", voorbeeld="WK010601",
                                            bron="CBS Wijk- en buurtkaart: WK + gemeentecode (4) + wijknummer (2)")}),
    LaagSchema("buurten", "Polygon", ("statcode", "naam", "wijk"), "CBS-buurten 2023",
               domeinen={"statcode": Domein("code", patroon=r"BU\d{8}", voorbeeld="BU01060000",
                                            bron="CBS Wijk- en buurtkaart: BU + gemeentecode (4) + wijk (2) + buurt (2)")}),
    LaagSchema("focusgebieden", "Polygon", ("naam", "opgave", "paragraaf"),
               "focusgebieden van de Omgevingsvisie (§3.4)"),
    LaagSchema("publiekshart", "Polygon", ("naam",),
               "publiekshart tussen Koopmansplein, de Vaart en de Brink (§3.2B)"),
    LaagSchema("noordelijke_binnenstad", "Polygon", ("naam",),
               "transformatiegebied noordelijke binnenstad"),
    LaagSchema("wijkcentra", "Point", ("naam",), "wijkcentra en wijkwinkelcentra"),
    LaagSchema("bedrijventerreinen", "Polygon", ("naam", "status", "max_milieucategorie", "profiel"),
               "bedrijventerreinen en werklocaties",
               domeinen={"status": _keuze("bestaand", "gepland", "zoekgebied",
                                          bron="Omgevingsvisie Assen 2021, opgaven Werken (DS3, MI1)"),
                         "max_milieucategorie": _keuze(*MILIEUCATEGORIEEN,
                                                       bron="VNG Bedrijven en milieuzonering (2009), normen.md 6 (MI1)")}),
    LaagSchema("groenstructuur", "Polygon", ("naam", "type"), "bestaande groenstructuur",
               domeinen={"type": _keuze("bos", "park", "landgoed", "groene_vinger", "recreatie", "beekdal",
                                        bron="Klassen van het landgebruik (analyse/landgebruik.py)")}),
    LaagSchema("groene_verbindingen", "LineString", ("naam",),
               "groen netwerk tussen binnenstad, wijken en buitengebied"),
    LaagSchema("natura2000", "Polygon", ("naam", "soort"),
               "Natura 2000-gebieden en Nationaal Park Drentsche Aa",
               domeinen={"soort": _keuze("natura2000", "nationaal_park", bron="ONTWERP §3 (GS2)")},
               binnen_gemeente=False),
    LaagSchema("hittestress", "Polygon", ("naam", "reden"), "gebieden met hittestress (§2.7)"),
    LaagSchema("barrieres", "LineString", ("naam", "soort"), "barrières voor fiets en voetganger (§2.10)",
               domeinen={"soort": _keuze("weg", "water", "spoor", bron="Omgevingsvisie Assen 2021, §2.10")}),
    LaagSchema("barrieregebieden", "Polygon", ("naam",), "werkgebieden die een barrière vormen (§2.10)"),
    LaagSchema("oversteken", "Point", ("naam", "barriere"), "bestaande oversteken van barrières"),
    LaagSchema("tt_geluidszone", "Polygon", ("naam",), "indicatieve geluidszone TT Circuit"),
    LaagSchema("woningbouwlocaties", "Polygon", ("naam", "woningen_gepland", "periode"),
               "woningbouwlocaties",
               domeinen={"woningen_gepland": Domein("geheel", minimum=0, voorbeeld="500",
                                                    bron="Een aantal woningen (ONTWERP §3)")}),
    LaagSchema("energie_zoekgebieden", "Polygon", ("naam",), "zoekgebieden zonneparken en energie"),
    LaagSchema("visiekaart_2040", "Mixed", ("principe", "element", "toelichting"),
               "elementen van de Visiekaart 2040",
               domeinen={"principe": _keuze(*PRINCIPES, bron="Omgevingsvisie Assen 2021, de drie principes")}),
)

SCHEMAS: dict[str, LaagSchema] = {s.naam: s for s in _SCHEMAS}
"""Alle lagen van ONTWERP §3, op naam."""

LAAGNAMEN: tuple[str, ...] = tuple(SCHEMAS)


def gpkg_tabellen(naam: str) -> tuple[str, ...]:
    """Tabelnamen waarin een laag in de GeoPackage staat.

    Een GeoPackage-tabel heeft één geometrietype; ``visiekaart_2040`` heeft vlakken, lijnen
    en punten en staat daarom in drie tabellen (ONTWERP §3: "per geometry type").
    """
    if SCHEMAS[naam].geometrie == "Mixed":
        return tuple(f"{naam}_{deel}" for deel in ("vlak", "lijn", "punt"))
    return (naam,)
