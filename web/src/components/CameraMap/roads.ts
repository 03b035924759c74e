// A commune's roads and the stretches no working camera sees, on its camera map (Leaflet,
// loaded with the map's chunk): roads thin and grey, gaps thick, red and dashed (colour is
// never the only cue), each named on hover.
import L from 'leaflet';
import type { CameraCoverageGap, CameraRoads } from '../../lib/schema';

const ROAD: L.PathOptions = { color: '#6b6b6b', weight: 2, opacity: 0.8 };
const GAP: L.PathOptions = { color: '#b3261e', weight: 5, opacity: 0.85, dashArray: '8 6' };

export interface LineLayer {
  remove: () => void;
}

function named(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function drawLine(map: L.Map, coordinates: number[][], style: L.PathOptions, name: string): L.Polyline {
  const line = L.polyline(
    coordinates.map(([lon, lat]) => [lat ?? 0, lon ?? 0] as L.LatLngTuple),
    { ...style, interactive: true, bubblingMouseEvents: true },
  );
  line.bindTooltip(named(name), { sticky: true });
  return line.addTo(map);
}

/** The roads, then the gaps over them; `gapName` words a gap's tooltip. */
export function drawRoads(
  map: L.Map,
  roads: CameraRoads,
  gaps: readonly CameraCoverageGap[],
  gapName: (gap: CameraCoverageGap) => string,
): LineLayer {
  const lines: L.Polyline[] = [];
  for (const road of roads.features) lines.push(drawLine(map, road.geometry.coordinates, ROAD, road.properties.name));
  for (const gap of gaps) lines.push(drawLine(map, gap.geometry.coordinates, GAP, gapName(gap)));
  return { remove: () => lines.forEach((line) => line.remove()) };
}
