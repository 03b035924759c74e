// A unit's cameras on its map: the boundary (as the unit map draws it), every camera's
// view cone by status, and the cameras that could have seen the searched point in bold.
// A click on the map hands the point to `onPoint` (the search).
import { useEffect, useRef, useState } from 'preact/hooks';
import { cameras as camerasApi } from '../../lib/api';
import type { DrawnMap } from '../UnitMap/draw';
import { loadUnitLayers } from '../UnitMap/load';
import mapStyles from '../UnitMap/style.module.css';
import { useI18n } from '../../lib/use-i18n';
import { formatNumber } from '../../lib/format';
import type { CameraCoverageGap, CameraRoads } from '../../lib/schema';
import type { ConeLayer } from './cones';
import type { LineLayer } from './roads';
import styles from './style.module.css';

type Status = 'loading' | 'ready' | 'none' | 'error';

interface Props {
  unitId: number;
  /** The cameras to draw bold (the last search's). */
  seen: ReadonlySet<number>;
  /** The point last searched, marked on the map. */
  point: { lat: number; lon: number } | null;
  /** A route to draw (being drawn, or the last one searched). */
  route?: readonly { lat: number; lon: number }[];
  /** The stretches of road no working camera sees (from the coverage), drawn over the roads. */
  gaps?: readonly CameraCoverageGap[];
  onPoint?: (lat: number, lon: number) => void;
}

function Legend() {
  const { t } = useI18n();
  const item = (swatch: string, label: string) => (
    <li>
      <span class={`${styles.swatch} ${swatch}`} aria-hidden="true" />
      {label}
    </li>
  );
  return (
    <ul class={styles.legend} aria-label={t('cameras.map_hint')}>
      {item(styles.working ?? '', t('cameras.legend_working'))}
      {item(styles.faulty ?? '', t('cameras.legend_faulty'))}
      {item(styles.removed ?? '', t('cameras.legend_removed'))}
      {item(styles.seen ?? '', t('cameras.legend_seen'))}
      {item(styles.road ?? '', t('cameras.legend_road'))}
      {item(styles.gap ?? '', t('cameras.legend_gap'))}
    </ul>
  );
}

export function CameraMap({ unitId, seen, point, route, gaps, onPoint }: Props) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnMap | null>(null);
  const cones = useRef<ConeLayer | null>(null);
  const lines = useRef<{ module: typeof import('./roads'); roads: CameraRoads; layer: LineLayer | null } | null>(null);
  const clicked = useRef(onPoint);
  clicked.current = onPoint;
  const [status, setStatus] = useState<Status>('loading');
  const [truncated, setTruncated] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const [layers, coneModule, layer, roadModule, roads] = await Promise.all([
        loadUnitLayers(unitId, abort.signal),
        import('./cones'),
        camerasApi.cones(unitId, abort.signal),
        import('./roads'),
        // The map stands without its roads: a failed roads request only leaves them out.
        camerasApi.roads(unitId, abort.signal).catch((): CameraRoads => ({ type: 'FeatureCollection', features: [] })),
      ]);
      if (abort.signal.aborted || !element.current) return;
      const { draw, settings, own, children } = layers;
      if (!own && children.length === 0 && layer.features.length === 0) {
        setStatus('none');
        return;
      }
      drawn.current = draw.drawUnitMap(element.current, {
        settings,
        own,
        children,
        onPoint: (lat, lon) => clicked.current?.(lat, lon),
        labels: { zoomIn: t('map.zoom_in'), zoomOut: t('map.zoom_out') },
      });
      lines.current = { module: roadModule, roads, layer: null };
      cones.current = coneModule.drawCones(drawn.current.leaflet, layer.features);
      setTruncated(layer.truncated);
      setStatus('ready');
    })().catch(() => {
      if (!abort.signal.aborted) setStatus('error');
    });
    return () => {
      abort.abort();
      cones.current?.remove();
      cones.current = null;
      lines.current?.layer?.remove();
      lines.current = null;
      drawn.current?.remove();
      drawn.current = null;
      setStatus('loading');
    };
    // t only labels the controls: a language change need not redraw.
  }, [unitId]);

  // Roads under the gaps, redrawn when the coverage changes.
  useEffect(() => {
    const map = drawn.current?.leaflet;
    const drawnLines = lines.current;
    if (status !== 'ready' || !map || !drawnLines) return;
    drawnLines.layer?.remove();
    drawnLines.layer = drawnLines.module.drawRoads(map, drawnLines.roads, gaps ?? [], (gap) =>
      t('cameras.gap_tooltip', { road: gap.road, length: formatNumber(gap.length_m) }),
    );
  }, [status, gaps, t]);

  useEffect(() => {
    if (status !== 'ready') return;
    cones.current?.highlight(seen);
    if (point) drawn.current?.mark(point.lat, point.lon);
    drawn.current?.route(route ?? []);
  }, [status, seen, point, route]);

  return (
    <section class={mapStyles.section} aria-labelledby="camera-map-heading">
      <h2 id="camera-map-heading">{t('cameras.map_title')}</h2>
      {status === 'none' ? <p id="camera-map-none">{t('map.no_boundary')}</p> : null}
      {status === 'error' ? <p role="alert">{t('map.error')}</p> : null}
      <Legend />
      <div
        ref={element}
        id="camera-map"
        class={status === 'none' || status === 'error' ? mapStyles.hidden : mapStyles.map}
        role="region"
        aria-label={t('cameras.map_label')}
        data-status={status}
      />
      {status === 'ready' ? <p class="muted">{t('cameras.map_hint')}</p> : null}
      {truncated ? <p>{t('cameras.map_truncated')}</p> : null}
    </section>
  );
}
