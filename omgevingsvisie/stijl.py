"""Eén kleurenschema voor alle uitvoer: folium-kaarten, QGIS-stijlen (QML) en rapporten.

Kleuren zijn hex-strings (``#rrggbb``). Kaarten en QGIS-stijlen lezen ze hier, zodat een laag
in de browser en in QGIS er hetzelfde uitziet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stijl:
    """Hoe een laag of legenda-element wordt getekend.

    Attributes
    ----------
    vulling : str or None
        Vulkleur van vlakken (of punten); ``None`` = geen vulling.
    lijn : str
        Lijnkleur (omtrek van vlakken, lijnen, rand van punten).
    dekking : float
        Dekking van de vulling, 0–1.
    lijndikte : float
        Lijndikte in pixels (kaart) of millimeters × 0,26 (QGIS).
    streep : str or None
        Streeppatroon als ``"6 4"`` (lijnlengte, tussenruimte in px), of ``None``.
    """

    vulling: str | None
    lijn: str
    dekking: float = 0.45
    lijndikte: float = 1.5
    streep: str | None = None


PRINCIPE_KLEUREN = {
    "Groene stad van het Noorden": "#2e7d32",
    "Dynamische stad": "#c62828",
    "Verbonden stad": "#1565c0",
}

STATUS_KLEUREN = {
    "voldoet": "#2e7d32",
    "aandachtspunt": "#ef6c00",
    "strijdig": "#c62828",
    "niet_van_toepassing": "#9e9e9e",
    "onvoldoende_gegevens": "#6a1b9a",
}

OORDEEL_KLEUREN = {
    "voldoet": STATUS_KLEUREN["voldoet"],
    "aandachtspunten": STATUS_KLEUREN["aandachtspunt"],
    "strijdig": STATUS_KLEUREN["strijdig"],
}

LAAG_STIJLEN: dict[str, Stijl] = {
    "gemeentegrens": Stijl(None, "#424242", 0.0, 2.5, "8 4"),
    "bestaand_stedelijk_gebied": Stijl("#bdbdbd", "#757575", 0.25, 0.8),
    "wijken": Stijl(None, "#616161", 0.0, 1.5),
    "buurten": Stijl(None, "#9e9e9e", 0.0, 0.6),
    "focusgebieden": Stijl("#ffcdd2", "#b71c1c", 0.25, 2.5),
    "publiekshart": Stijl("#d81b60", "#880e4f", 0.5, 1.5),
    "noordelijke_binnenstad": Stijl("#f48fb1", "#ad1457", 0.4, 1.0),
    "wijkcentra": Stijl("#1565c0", "#0d47a1", 0.9, 1.0),
    "bedrijventerreinen": Stijl("#9575cd", "#4527a0", 0.45, 1.0),
    "groenstructuur": Stijl("#66bb6a", "#1b5e20", 0.55, 1.0),
    "groene_verbindingen": Stijl(None, "#43a047", 0.0, 4.0, "8 6"),
    "natura2000": Stijl("#a5d6a7", "#1b5e20", 0.35, 1.5, "4 3"),
    "hittestress": Stijl("#ff7043", "#bf360c", 0.45, 1.0),
    "barrieres": Stijl(None, "#212121", 0.0, 4.0),
    "barrieregebieden": Stijl("#5d4037", "#3e2723", 0.35, 1.0, "6 3"),
    "oversteken": Stijl("#00acc1", "#006064", 0.95, 1.0),
    "tt_geluidszone": Stijl("#ffb300", "#e65100", 0.2, 1.5, "6 4"),
    "woningbouwlocaties": Stijl("#ffa726", "#e65100", 0.5, 1.2),
    "energie_zoekgebieden": Stijl("#fdd835", "#f57f17", 0.5, 1.2),
    "visiekaart_2040": Stijl("#90a4ae", "#455a64", 0.4, 1.5),
}

BARRIERE_KLEUREN = {"weg": "#212121", "water": "#1e88e5", "spoor": "#6d4c41"}

GROEN_KLEUREN = {
    "bos": "#2e7d32", "park": "#66bb6a", "landgoed": "#558b2f", "groene_vinger": "#9ccc65",
    "recreatie": "#26a69a", "beekdal": "#4db6ac",
}

BEDRIJVEN_KLEUREN = {"bestaand": "#7e57c2", "gepland": "#b39ddb", "zoekgebied": "#d1c4e9"}

# Legenda-elementen van de visiekaart: kleur per element, in de tint van het principe.
ELEMENT_KLEUREN = {
    "Netwerk dat bestaande stedelijke groenstructuren verbind met (natuur in) buitengebied": "#43a047",
    "Bestaande groenstructuren versterken": "#2e7d32",
    "Bossenstrategie en landschapselementen": "#1b5e20",
    "Ecologisch energielandschap en/of parkachtig werklandschap met energieopwekking": "#c0ca33",
    "Stimulering kringlooplandbouw": "#dce775",
    "Versterking binnenstad: groei in kwaliteit": "#b71c1c",
    "Transformatie Havenkwartier": "#e53935",
    "Transformatie noordelijke binnenstad": "#f06292",
    "Wijkvernieuwing, startend met Lariks": "#ff8a65",
    "Kloosterakker": "#ffb74d",
    "Uitbreiding Kloosterveen": "#ffcc80",
    "Zoekgebied uitbreiding Kloosterveen": "#ffe0b2",
    "Kloosterveen": "#ffe082",
    "Vrijkomende plekken benutten voor meer diversiteit in de wijken": "#8d6e63",
    "Sterke wijken: aandacht voor verduurzaming bestaande en nieuwe woningvoorraad": "#ffcdd2",
    "Gemixte werklocaties: versterking ruimtelijke kwaliteit en verduurzaming": "#9575cd",
    "Nieuwe en/of courante bedrijventerreinen: blijvende focus op aanscherping profiel": "#5e35b1",
    "Regionale (zorg)voorzieningen": "#ad1457",
    "Toeristisch Recreatieve Zone": "#ff7043",
    "Snelle infrastructuur auto": "#424242",
    "Auto te gast in de stad": "#f8bbd0",
    "Doorfietsroute Assen-Groningen": "#e91e63",
    "Intercityverbinding Groningen-Assen-Zwolle": "#6d4c41",
    "Goede landelijke- en regionale spoorverbinding": "#8d6e63",
    "Aantrekkelijk groen netwerk als verbinding tussen binnenstad, wijken en buitengebied": "#1e88e5",
    "Binnenstad als pleisterplaats voor de gehele stad": "#0d47a1",
    "Sterke wijkcentra": "#1565c0",
    "Dekkend aanbod sportvoorzieningen": "#00897b",
}


def element_kleur(element: str, principe: str | None = None) -> str:
    """Kleur van een legenda-element; onbekende elementen krijgen de kleur van hun principe."""
    return ELEMENT_KLEUREN.get(element) or PRINCIPE_KLEUREN.get(principe or "", "#757575")

# Soorten oversteken van barrières (laag ``oversteken``, attribuut ``soort``).
OVERSTEEK_KLEUREN = {"brug": "#00acc1", "tunnel": "#5e35b1", "viaduct": "#546e7a", "gelijkvloers": "#fb8c00"}

# Groen dat door een barrière wordt afgesneden (``groenstructuur.afgesneden_door`` ingevuld).
AFGESNEDEN_STIJL = Stijl("#66bb6a", "#c62828", 0.55, 3.0, "6 4")

# Kleurverloop van koel naar heet voor een hitte-raster (UHI), van laag naar hoog.
HITTE_KLEUREN = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")

# Klassen van een kaart per wijk (choropleth), van laag naar hoog; grijs = geen gegevens.
KLASSE_KLEUREN = ("#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")
GEEN_GEGEVENS_KLEUR = "#e0e0e0"
