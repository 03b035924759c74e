// The village's boundary drawn as plain SVG from the pack's GeoJSON, with no base map and no
// network (the offline patrol form): each click on it hands over its point, and the route's
// points so far are drawn over it. Keyboard and screen-reader users type the points into the
// route field instead, which this drawing only mirrors.
import { useMemo, useRef } from 'preact/hooks';
import styles from './style.module.css';
import type { BoundaryFeature } from '../../lib/schema';

interface Props {
  id: string;
  /** Read out: what the drawing is and that a click adds a point. */
  label: string;
  boundary: BoundaryFeature;
  route: readonly { lat: number; lon: number }[];
  onPoint: (lat: number, lon: number) => void;
}

const WIDTH = 1000;
const PAD = 0.04;

/** How longitudes and latitudes map to the drawing: an equirectangular view of the bounding box. */
interface Frame {
  minLon: number;
  maxLat: number;
  /** Drawing units per degree of latitude; per degree of longitude it is this times cos(latitude). */
  scale: number;
  kx: number;
  height: number;
}

export function frameOf(boundary: BoundaryFeature): Frame {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of boundary.geometry.coordinates) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lon === undefined || lat === undefined) continue;
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  const padLon = (maxLon - minLon) * PAD || 0.001;
  const padLat = (maxLat - minLat) * PAD || 0.001;
  minLon -= padLon;
  maxLon += padLon;
  minLat -= padLat;
  maxLat += padLat;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * kx);
  return { minLon, maxLat, scale, kx, height: (maxLat - minLat) * scale };
}

export function toXY(frame: Frame, lat: number, lon: number): [number, number] {
  return [(lon - frame.minLon) * frame.kx * frame.scale, (frame.maxLat - lat) * frame.scale];
}

export function toLatLon(frame: Frame, x: number, y: number): [number, number] {
  return [frame.maxLat - y / frame.scale, frame.minLon + x / (frame.kx * frame.scale)];
}

export function BoundarySketch({ id, label, boundary, route, onPoint }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const frame = useMemo(() => frameOf(boundary), [boundary]);
  const outline = useMemo(
    () =>
      boundary.geometry.coordinates
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              ring
                .map(([lon, lat], i) => {
                  const [x, y] = toXY(frame, lat ?? 0, lon ?? 0);
                  return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
                })
                .join(' ') + ' Z',
          ),
        )
        .join(' '),
    [boundary, frame],
  );
  const points = route.map((p) => toXY(frame, p.lat, p.lon));

  const click = (event: MouseEvent) => {
    const element = svg.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    // The drawing keeps its proportions (width 100%, height from the viewBox), so one ratio serves both axes.
    const x = ((event.clientX - rect.left) / rect.width) * WIDTH;
    const y = ((event.clientY - rect.top) / rect.height) * frame.height;
    const [lat, lon] = toLatLon(frame, x, y);
    onPoint(lat, lon);
  };

  return (
    <svg
      ref={svg}
      id={id}
      class={styles.sketch}
      viewBox={`0 0 ${WIDTH} ${frame.height.toFixed(1)}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-points={route.length}
      onClick={click}
    >
      <path d={outline} class={styles.boundary} fill-rule="evenodd" />
      {points.length > 1 ? <polyline class={styles.route} points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} /> : null}
      {points.map(([x, y], i) => (
        <circle key={i} class={styles.point} cx={x.toFixed(1)} cy={y.toFixed(1)} r={10} />
      ))}
    </svg>
  );
}
