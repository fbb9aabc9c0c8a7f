"""Kortste routes voor fietser en voetganger op een raster met barrières.

Het rekengebied (meestal de gemeente) wordt een raster van vierkante cellen. Een cel is
geblokkeerd als er een barrièrelijn doorheen loopt (elke aangeraakte cel), als haar middelpunt
in een barrièregebied ligt of als ze buiten het rekengebied valt. Een oversteek maakt een
barrière plaatselijk weer vrij:

- een **punt** op een barrièrelijn opent alleen díe lijn, over een schijf met een straal van
  1,5 cel rond het punt (een doorgang van drie cellen breed); ligt het punt in een
  barrièregebied, dan loopt de doorgang aan beide kanten van de lijn langs de kortste rechte
  weg naar de rand van het gebied (andere barrièrelijnen blijven dicht);
- een **punt** waarvan ``barriere`` een barrièregebied noemt, is een poort: het gebied wordt
  doorsneden langs de kortste koorde door dat punt (drie cellen breed);
- een **lijn** (een nieuwe verbinding) opent alle barrières die ze kruist, drie cellen breed.

Een route gaat van cel naar cel in zestien richtingen (de acht buren en de acht
paardensprongen); een schuine stap mag alleen als ook de cellen waar hij langs scheert vrij
zijn, zodat een route nooit tussen twee geblokkeerde cellen door glipt. De afstanden komen
uit één Dijkstra per bestemming (``scipy.sparse.csgraph``), vanuit alle cellen van de
bestemming tegelijk, en gelden dus voor elk vertrekpunt tegelijk.

Zestien richtingen maken een route hooguit 2,7 % langer dan de rechte lijn. Daarom wordt de
hemelsbrede afstand op hetzelfde raster gemeten, zonder barrières: de omrijfactor is de
verhouding tussen twee afstanden die met dezelfde maat zijn gemeten, en is precies 1 als er
niets in de weg ligt.

Een nieuwe oversteek verandert het raster maar plaatselijk; :class:`VoorNa` rekent de afstanden
ná vanuit de bewaarde afstandvelden vóór en een paar kleine Dijkstra's rond de oversteek, met
dezelfde uitkomst als een nieuw raster (:meth:`Routeraster.met_oversteken`).

De modules, per begrip:

- :mod:`.oversteken` — :class:`Oversteek` en de vorm van een doorgang (:func:`kortste_koorde`);
- :mod:`.graaf` — het netwerk: de zestien-richtingengraaf op ``scipy.sparse.csgraph``;
- :mod:`.raster` — :class:`Routeraster`: barrières en oversteken op het rooster van de
  analyses (:class:`~omgevingsvisie.analyse._rooster.Rooster`) en de afstanden;
- :mod:`.voorna` — :class:`VoorNa`: de afstanden ná een nieuwe oversteek, plaatselijk.

Voorbeelden
-----------
>>> from shapely.geometry import LineString, Point, box
>>> rivier = LineString([(0, 500), (2000, 500)])
>>> raster = Routeraster(domein=box(0, 0, 2000, 1000), barrieres={"rivier": rivier},
...                      oversteken=[Oversteek(Point(1500, 500), "rivier")], celgrootte_m=10)
>>> route, hemelsbreed = raster.afstanden([500], [400], raster.doelcellen(Point(500, 600)))
>>> round(float(route[0] / hemelsbreed[0]), 1)
10.2
"""


from .oversteken import Oversteek, kortste_koorde
from .raster import Routeraster
from .voorna import VoorNa

__all__ = ["Oversteek", "Routeraster", "VoorNa", "kortste_koorde"]
