// A route on a unit's map: the unit's boundary with its children's (as the unit map draws
// them), and one route over it, dashed. While a route is being drawn (`onPoint`), each
// click on the map hands its point over and the route's points are marked; otherwise the
// map is brought to the route shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrawnMap } from '../UnitMap/draw';
import { loadUnitLayers } from '../UnitMap/load';
import styles from '../UnitMap/style.module.css';
import { useI18n } from '../../lib/use-i18n';

type Status = 'loading' | 'ready' | 'none' | 'error';

interface Props {
  id: string;
  /** The unit whose boundary is drawn (a team's commune). */
  unitId: number;
  /** The map's name, read out ("Bản đồ lộ trình tuần tra"). */
  label: string;
  /** The route drawn; none when empty. */
  route: readonly { lat: number; lon: number }[];
  /** Set while a route is being drawn: a click on the map adds its point. */
  onPoint?: ((lat: number, lon: number) => void) | undefined;
}

export function RouteMap({ id, unitId, label, route, onPoint }: Props) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnMap | null>(null);
  const clicked = useRef(onPoint);
  clicked.current = onPoint;
  const [status, setStatus] = useState<Status>('loading');
  const drawing = onPoint !== undefined;

  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const { draw, settings, own, children } = await loadUnitLayers(unitId, abort.signal);
      if (abort.signal.aborted || !element.current) return;
      if (!own && children.length === 0) {
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
      setStatus('ready');
    })().catch(() => {
      if (!abort.signal.aborted) setStatus('error');
    });
    return () => {
      abort.abort();
      drawn.current?.remove();
      drawn.current = null;
      setStatus('loading');
    };
    // t only labels the controls: a language change need not redraw.
  }, [unitId]);

  useEffect(() => {
    if (status !== 'ready') return;
    // A route being drawn stays where the user is; a route shown is brought into view.
    drawn.current?.route(route, drawing ? { vertices: true } : { fit: route.length > 1 });
  }, [status, route, drawing]);

  return (
    <div class={styles.section}>
      {status === 'none' ? <p id={`${id}-none`}>{t('map.no_boundary')}</p> : null}
      {status === 'error' ? <p role="alert">{t('map.error')}</p> : null}
      <div
        ref={element}
        id={id}
        class={status === 'none' || status === 'error' ? styles.hidden : styles.map}
        role="region"
        aria-label={label}
        data-status={status}
        data-drawing={drawing ? 'true' : 'false'}
      />
    </div>
  );
}
