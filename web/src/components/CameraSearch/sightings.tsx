// The cameras a search found, or left out with their reasons: a table each, with the
// distance and bearing, the status then and how long the footage is kept; along a route,
// also where and when the route passed.
import { CardTable } from '../CardTable';
import { Link } from '../Link';
import { cameraLabel } from '../../lib/cameras';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { CameraRouteSighting, CameraSighting } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

type Row = CameraSighting | CameraRouteSighting;

const isRoute = (s: Row): s is CameraRouteSighting => 'along_m' in s;

export function Sightings({ id, title, items, withReasons }: {
  id: string;
  title: string;
  items: readonly Row[];
  withReasons: boolean;
}) {
  const { t } = useI18n();
  const route = items.some(isRoute);
  const columns = [
    t('cameras.code'),
    t('cameras.place'),
    t('cameras.distance'),
    t('cameras.bearing'),
    t('cameras.status_then'),
    t('cameras.kept_until'),
    ...(route ? [t('cameras.route_passed')] : []),
    ...(withReasons ? [t('cameras.reasons')] : []),
  ];
  return (
    <>
      <h3 id={`${id}-heading`}>{title}</h3>
      <CardTable id={id} labelledBy={`${id}-heading`} columns={columns}>
        {items.map((s) => (
          <tr key={s.camera.id} data-camera-id={s.camera.id}>
            <td data-label={columns[0]}>
              <Link href={`/cameras/${s.camera.id}`}>{s.camera.code}</Link>
              {s.camera.confirmed ? null : <span class="muted waiting"> ({t('cameras.waiting_short')})</span>}
            </td>
            <td data-label={columns[1]}>{s.camera.place}</td>
            <td data-label={columns[2]}>{t('cameras.metres', { metres: formatNumber(Math.round(s.distance_m)) })}</td>
            <td data-label={columns[3]}>{t('cameras.degrees', { degrees: formatNumber(Math.round(s.bearing_deg)) })}</td>
            <td data-label={columns[4]}>{s.status_then ? cameraLabel(t, 'status', s.status_then) : '—'}</td>
            <td data-label={columns[5]}>{formatDateTime(s.footage_kept_until)}</td>
            {route ? (
              <td data-label={t('cameras.route_passed')} class="passed">
                {isRoute(s) && s.enters_at
                  ? t('cameras.route_passed_value', {
                      along: formatNumber(Math.round(s.along_m)),
                      from: formatDateTime(s.enters_at),
                      to: formatDateTime(s.leaves_at).slice(-5),
                    })
                  : '—'}
              </td>
            ) : null}
            {withReasons ? (
              <td data-label={t('cameras.reasons')} class="reasons">
                {s.reasons.map((r) => cameraLabel(t, 'reason', r)).join('; ')}
              </td>
            ) : null}
          </tr>
        ))}
      </CardTable>
    </>
  );
}

