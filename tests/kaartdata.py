"""Kleine, zelfgemaakte invoer voor de kaarttests: een hitte-raster en toetsresultaten."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import Point, box

from omgevingsvisie.bevinding import Bevinding, ToetsResultaat

XSS = ('<script>document.body.dataset.xss="script"</script>'
       '<img src=x onerror="document.body.dataset.xss=\'img\'"> {{ 7*7 }} {% raw %}')
"""Een naam die, als hij niet als tekst werd behandeld, een script zou draaien (of de
sjablonen van folium zou breken)."""

UHI_MIN, UHI_MAX = 20.0, 30.0


def maak_uhi_raster(pad: Path, *, crs: str | None = "EPSG:28992") -> Path:
    """Een synthetisch hitte-raster (60 × 50 cellen van 100 m over Assen-centrum) in °C.

    Waarden lopen van 20 °C (noordwest) tot 30 °C (zuidoost); de 10 × 10 cellen in de
    noordoosthoek zijn nodata.
    """
    breedte, hoogte = 60, 50
    rijen, kolommen = np.mgrid[0:hoogte, 0:breedte]
    waarden = UHI_MIN + (rijen + kolommen) / (hoogte - 1 + breedte - 1) * (UHI_MAX - UHI_MIN)
    waarden = waarden.astype("float32")
    waarden[:10, -10:] = -9999
    with rasterio.open(pad, "w", driver="GTiff", width=breedte, height=hoogte, count=1, dtype="float32",
                       crs=crs, transform=from_origin(230000, 560000, 100, 100), nodata=-9999) as uit:
        uit.write(waarden, 1)
        uit.update_tags(1, eenheid="°C")
    return pad


def voorbeeld_resultaten(naam: str = "Stadsvilla's Vaart", *, tekst: str = "") -> list[ToetsResultaat]:
    """Twee getoetste initiatieven bij de binnenstad, met bevindingen met en zonder geometrie.

    ``tekst`` wordt aan namen, titels, toelichtingen en waarden geplakt (voor de XSS-test).
    """
    plan = box(233800, 556700, 234100, 556950)
    overlap = plan.intersection(box(233900, 556700, 234000, 556800))
    eerste = ToetsResultaat(
        {"naam": naam + tekst, "oppervlakte_m2": plan.area, "focusgebieden": ["Binnenstad"]}, plan, [
            Bevinding("GS1", "Groene stad van het Noorden", "Bestaand groen blijft" + tekst, "strijdig",
                      "Het plan neemt 10.000 m² groen in" + tekst, "Omgevingsvisie Assen 2021, §3.1A",
                      {"overlap_m2": 1234.5, "groen" + tekst: tekst or "park"}, overlap, ("groenstructuur",)),
            Bevinding("DS1", "Dynamische stad", "Binnen de focusgebieden", "voldoet",
                      "Het plan ligt in focusgebied Binnenstad.", "Omgevingsvisie Assen 2021, §3.4", {},
                      None, ("focusgebieden",)),
            Bevinding("VS1", "Verbonden stad", "Wijkcentrum dichtbij", "aandachtspunt",
                      "Het dichtstbijzijnde wijkcentrum ligt op 800 m.", "Omgevingsvisie Assen 2021, §3.3",
                      {"afstand_m": 800}, Point(234000, 556800).buffer(20).exterior, ("wijkcentra",)),
        ])
    tweede_plan = box(234300, 557300, 234500, 557500)
    tweede = ToetsResultaat({"naam": "Havenkade"}, tweede_plan, [
        Bevinding("MI1", "Milieu", "Geluid TT Circuit", "niet_van_toepassing", "Buiten de geluidszone.",
                  "Omgevingsvisie Assen 2021, §2.12", {}, None, ("tt_geluidszone",)),
        Bevinding("GS2", "Groene stad van het Noorden", "Groen in het plan", "onvoldoende_gegevens",
                  "Het aandeel groen is niet opgegeven.", "Omgevingsvisie Assen 2021, §3.1A", {},
                  tweede_plan.centroid, ("groenstructuur",)),
    ])
    return [eerste, tweede]
