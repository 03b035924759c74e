// A unit on the map: its boundary in bold with its children's, on the offline basemap
// when antq has one, else on a plain background. A click on the map asks the server which
// commune (and village) the point is in and says it, with a link to that unit.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../Link';
import { units } from '../../lib/api';
import { formatNumber, unitLabel } from '../../lib/format';
import type { Location } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';
import type { DrawnMap } from './draw';
import { loadUnitLayers } from './load';
import styles from './style.module.css';

type Status = 'loading' | 'ready' | 'none' | 'error';

interface Asked {
  lat: number;
  lon: number;
  answer: Location | null; // null while asking
}

function Answer({ asked }: { asked: Asked }) {
  const { t } = useI18n();
  const where = { lat: asked.lat.toFixed(5), lon: asked.lon.toFixed(5) };
  if (!asked.answer) return <>{t('map.locating', where)}</>;
  const { commune, village, exact, distance_m } = asked.answer;
  if (!commune) return <>{t('map.nowhere', where)}</>;
  return (
    <>
      {t('map.located', where)}{' '}
      <Link href={`/units/${commune.id}`}>{unitLabel(commune)}</Link>
      {village ? (
        <>
          {', '}
          <Link href={`/units/${village.id}`}>{unitLabel(village)}</Link>
        </>
      ) : null}
      {exact ? null : ` ${t('map.nearest', { metres: formatNumber(Math.round(distance_m)) })}`}
    </>
  );
}

export function UnitMap({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnMap | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [asked, setAsked] = useState<Asked | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let asking: AbortController | null = null;  // the last click's question; an older answer is dropped
    const ask = (lat: number, lon: number) => {
      asking?.abort();
      const mine = new AbortController();
      asking = mine;
      drawn.current?.mark(lat, lon);
      setAsked({ lat, lon, answer: null });
      units.locate(lat, lon, mine.signal).then(
        (answer) => {
          if (!mine.signal.aborted && !abort.signal.aborted) setAsked({ lat, lon, answer });
        },
        () => {
          if (!mine.signal.aborted && !abort.signal.aborted) setAsked(null);
        },
      );
    };
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
        onPoint: ask,
        labels: { zoomIn: t('map.zoom_in'), zoomOut: t('map.zoom_out') },
      });
      setStatus('ready');
    })().catch(() => {
      if (!abort.signal.aborted) setStatus('error');
    });
    return () => {
      abort.abort();
      asking?.abort();
      drawn.current?.remove();
      drawn.current = null;
      setAsked(null);
      setStatus('loading');
    };
    // t only labels the controls: a language change need not redraw.
  }, [unitId]);

  return (
    <section class={styles.section} aria-labelledby="unit-map-heading">
      <h3 id="unit-map-heading">{t('map.title')}</h3>
      {status === 'none' ? <p id="unit-map-none">{t('map.no_boundary')}</p> : null}
      {status === 'error' ? <p role="alert">{t('map.error')}</p> : null}
      <div
        ref={element}
        id="unit-map"
        class={status === 'none' || status === 'error' ? styles.hidden : styles.map}
        role="region"
        aria-label={t('map.label')}
        data-status={status}
      />
      {status === 'ready' ? <p class="muted">{t('map.hint')}</p> : null}
      <p id="unit-map-answer" role="status" aria-live="polite">
        {asked ? <Answer asked={asked} /> : null}
      </p>
    </section>
  );
}
