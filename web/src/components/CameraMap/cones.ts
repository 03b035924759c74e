// The cameras' view cones on a unit map (Leaflet, loaded with the map's own chunk): one
// wedge per camera as the server computed it, coloured and outlined by status (colour is
// never the only cue: faulty is dashed, removed dotted), the cameras that could have seen
// the searched point drawn bold.
import L from 'leaflet';
import type { CameraCone, CameraStatus } from '../../lib/schema';

const STYLE: Record<CameraStatus, L.PathOptions> = {
  working: { color: '#1f6b45', fillColor: '#2f8f5f', fillOpacity: 0.25, weight: 1 },
  faulty: { color: '#a04a00', fillColor: '#d9822b', fillOpacity: 0.2, weight: 1.5, dashArray: '6 4' },
  removed: { color: '#555', fillColor: '#999', fillOpacity: 0.12, weight: 1.5, dashArray: '2 4' },
};
const SEEN: L.PathOptions = { color: '#a4161a', weight: 3, fillOpacity: 0.4 };

export interface ConeLayer {
  /** Draws the cameras in `seen` bold, the others as their status says. */
  highlight: (seen: ReadonlySet<number>) => void;
  remove: () => void;
}

function label(cone: CameraCone): HTMLElement {
  const span = document.createElement('span');
  span.textContent = `${cone.properties.code} — ${cone.properties.place}`;
  return span;
}

export function drawCones(map: L.Map, cones: readonly CameraCone[]): ConeLayer {
  const layers = new Map<number, L.GeoJSON>();
  for (const cone of cones) {
    const style = STYLE[cone.properties.status];
    const feature: GeoJSON.Feature<GeoJSON.MultiPolygon> = {
      type: 'Feature',
      properties: cone.properties,
      geometry: { type: 'MultiPolygon', coordinates: cone.geometry.coordinates as GeoJSON.Position[][][] },
    };
    const layer = L.geoJSON(feature, { style, interactive: true, bubblingMouseEvents: true });
    layer.bindTooltip(label(cone), { sticky: true });
    layer.addTo(map);
    layers.set(cone.properties.id, layer);
  }
  return {
    highlight: (seen) => {
      for (const cone of cones) {
        const base = STYLE[cone.properties.status];
        layers.get(cone.properties.id)?.setStyle(seen.has(cone.properties.id) ? { ...base, ...SEEN } : base);
      }
    },
    remove: () => {
      for (const layer of layers.values()) layer.remove();
      layers.clear();
    },
  };
}
