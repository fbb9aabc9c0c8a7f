"""De catalogus: welke lagen de toolkit kent en waaraan elke laag moet voldoen.

Dit is het schema uit ONTWERP §3. De gegevens zelf (geometrie en metadata) staan in
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
    waarden : dict
        Toegestane waarden per attribuut, waar de regels op die waarden rekenen.
    binnen_gemeente : bool
        Of elke feature binnen (of tegen) de gemeentegrens moet liggen.
    omschrijving : str
        Korte Nederlandse omschrijving voor lijsten en foutmeldingen.
    """

    naam: str
    geometrie: str
    attributen: tuple[str, ...]
    omschrijving: str
    waarden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    binnen_gemeente: bool = True

    def toegestane_geometrieen(self) -> tuple[str, ...]:
        """Geometrietypen die in deze laag mogen voorkomen."""
        if self.geometrie == "Mixed":
            return ("Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point", "MultiPoint")
        return (self.geometrie, "Multi" + self.geometrie)


_SCHEMAS = (
    LaagSchema("gemeentegrens", "Polygon", ("naam",), "grens van de gemeente Assen"),
    LaagSchema("bestaand_stedelijk_gebied", "Polygon", ("naam",),
               "bestaand stedelijk gebied (inbreiding, Ladder duurzame verstedelijking)"),
    LaagSchema("wijken", "Polygon", ("statcode", "naam"), "CBS-wijken 2023"),
    LaagSchema("buurten", "Polygon", ("statcode", "naam", "wijk"), "CBS-buurten 2023"),
    LaagSchema("focusgebieden", "Polygon", ("naam", "opgave", "paragraaf"),
               "focusgebieden van de Omgevingsvisie (§3.4)"),
    LaagSchema("publiekshart", "Polygon", ("naam",),
               "publiekshart tussen Koopmansplein, de Vaart en de Brink (§3.2B)"),
    LaagSchema("noordelijke_binnenstad", "Polygon", ("naam",),
               "transformatiegebied noordelijke binnenstad"),
    LaagSchema("wijkcentra", "Point", ("naam",), "wijkcentra en wijkwinkelcentra"),
    LaagSchema("bedrijventerreinen", "Polygon", ("naam", "status", "max_milieucategorie", "profiel"),
               "bedrijventerreinen en werklocaties",
               waarden={"status": ("bestaand", "gepland", "zoekgebied")}),
    LaagSchema("groenstructuur", "Polygon", ("naam", "type"), "bestaande groenstructuur",
               waarden={"type": ("bos", "park", "landgoed", "groene_vinger", "recreatie", "beekdal")}),
    LaagSchema("groene_verbindingen", "LineString", ("naam",),
               "groen netwerk tussen binnenstad, wijken en buitengebied"),
    LaagSchema("natura2000", "Polygon", ("naam", "soort"),
               "Natura 2000-gebieden en Nationaal Park Drentsche Aa",
               waarden={"soort": ("natura2000", "nationaal_park")}, binnen_gemeente=False),
    LaagSchema("hittestress", "Polygon", ("naam", "reden"), "gebieden met hittestress (§2.7)"),
    LaagSchema("barrieres", "LineString", ("naam", "soort"), "barrières voor fiets en voetganger (§2.10)",
               waarden={"soort": ("weg", "water", "spoor")}),
    LaagSchema("barrieregebieden", "Polygon", ("naam",), "werkgebieden die een barrière vormen (§2.10)"),
    LaagSchema("oversteken", "Point", ("naam", "barriere"), "bestaande oversteken van barrières"),
    LaagSchema("tt_geluidszone", "Polygon", ("naam",), "indicatieve geluidszone TT Circuit"),
    LaagSchema("woningbouwlocaties", "Polygon", ("naam", "woningen_gepland", "periode"),
               "woningbouwlocaties"),
    LaagSchema("energie_zoekgebieden", "Polygon", ("naam",), "zoekgebieden zonneparken en energie"),
    LaagSchema("visiekaart_2040", "Mixed", ("principe", "element", "toelichting"),
               "elementen van de Visiekaart 2040", waarden={"principe": PRINCIPES}),
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
