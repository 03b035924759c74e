// Leaflet drawing of unit boundaries, loaded only when a map is shown (its own chunk).
// The basemap, when antq has one, is the PMTiles archive antq serves, drawn by
// protomaps-leaflet with Vietnamese labels; nothing is fetched from another site.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { leafletLayer } from 'protomaps-leaflet';
import type { BoundaryFeature, MapSettings } from '../../lib/schema';

export interface DrawOptions {
  settings: MapSettings;
  /** The unit itself, drawn bold. */
  own: BoundaryFeature | null;
  /** Its children, drawn thin, named on hover. */
  children: BoundaryFeature[];
  onPoint: (lat: number, lon: number) => void;
  labels: { zoomIn: string; zoomOut: string };
}

export interface DrawnMap {
  /** The Leaflet map, for layers drawn on top (camera cones). */
  leaflet: L.Map;
  remove: () => void;
  /** Marks the point last asked about. */
  mark: (lat: number, lon: number) => void;
  /** Draws a route (replacing the last one; none with fewer than one point). */
  route: (points: readonly { lat: number; lon: number }[], options?: RouteOptions) => void;
}

export interface RouteOptions {
  /** Each point marked too (a route being drawn click by click: the first click shows). */
  vertices?: boolean;
  /** The map brought to the route. */
  fit?: boolean;
}

/** A name as text: Leaflet would read a string as HTML. */
function textOf(name: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = name;
  return span;
}

/** The server's Feature as Leaflet's GeoJSON types have it. */
function asGeoJson(f: BoundaryFeature): GeoJSON.Feature<GeoJSON.MultiPolygon> {
  return {
    type: 'Feature',
    properties: f.properties,
    geometry: { type: 'MultiPolygon', coordinates: f.geometry.coordinates as GeoJSON.Position[][][] },
  };
}

function bounds(features: BoundaryFeature[]): L.LatLngBounds | null {
  let out: L.LatLngBounds | null = null;
  for (const f of features) {
    const [w, s, e, n] = f.bbox;
    const b = L.latLngBounds([s, w], [n, e]);
    out = out ? out.extend(b) : b;
  }
  return out;
}

function addBasemap(map: L.Map, settings: MapSettings): void {
  if (!settings.basemap) return;
  // protomaps-leaflet extends the global Leaflet it finds on window.
  (window as unknown as { L: typeof L }).L = L;
  leafletLayer({ url: settings.basemap, flavor: 'light', lang: 'vi', attribution: settings.attribution }).addTo(map);
}

export function drawUnitMap(element: HTMLElement, options: DrawOptions): DrawnMap {
  const map = L.map(element, { zoomControl: false, attributionControl: true });
  map.attributionControl.setPrefix(false);  // Leaflet's own credit links to its site
  L.control.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut }).addTo(map);
  addBasemap(map, options.settings);
  for (const child of options.children) {
    L.geoJSON(asGeoJson(child), {
      style: { color: '#4a5a6a', weight: 1, fillColor: '#2f6f4f', fillOpacity: 0.04 },
    })
      .bindTooltip(textOf(child.properties.name), { sticky: true })
      .addTo(map);
  }
  if (options.own) {
    L.geoJSON(asGeoJson(options.own), {
      style: { color: '#a4161a', weight: 3, fill: false },
      interactive: false,
    }).addTo(map);
  }
  const all = options.own ? [options.own] : options.children;
  const box = bounds(all);
  if (box) map.fitBounds(box, { padding: [8, 8] });
  let marker: L.CircleMarker | null = null;
  let route: L.LayerGroup | null = null;
  map.on('click', (e: L.LeafletMouseEvent) => options.onPoint(e.latlng.lat, e.latlng.lng));
  return {
    leaflet: map,
    remove: () => map.remove(),
    mark: (lat, lon) => {
      marker?.remove();
      marker = L.circleMarker([lat, lon], { radius: 6, color: '#a4161a', weight: 2, interactive: false }).addTo(map);
    },
    route: (points, options = {}) => {
      route?.remove();
      route = null;
      if (points.length === 0) return;
      const line = points.map((p) => [p.lat, p.lon] as L.LatLngTuple);
      const layers: L.Layer[] = [L.polyline(line, { color: '#1d3557', weight: 4, dashArray: '8 6', interactive: false })];
      if (options.vertices) {
        for (const at of line) layers.push(L.circleMarker(at, { radius: 4, color: '#1d3557', weight: 2, interactive: false }));
      }
      route = L.layerGroup(layers).addTo(map);
      if (options.fit) map.fitBounds(L.latLngBounds(line), { padding: [24, 24], maxZoom: 17 });
    },
  };
}
