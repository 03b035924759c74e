import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CameraCoverage } from '../components/CameraCoverage';
import { CameraMap } from '../components/CameraMap';
import { CameraSheet } from '../components/CameraSheet';
import { type Clicked, PointSearch, RouteSearch } from '../components/CameraSearch';
import { CardTable } from '../components/CardTable';
import { SelectField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { StatusMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { cameras } from '../lib/api';
import { cameraLabel } from '../lib/cameras';
import { formatDateTime, formatNumber } from '../lib/format';
import type { CameraCoverageGap, CameraStatus } from '../lib/schema';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useLocation } from '../lib/use-location';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import { cameraCodes, useCameraTaxonomies } from '../lib/taxonomies';

/** One empty list, so the map does not redraw its roads on every render while coverage loads. */
const NO_GAPS: readonly CameraCoverageGap[] = [];

/**
 * /cameras: the cameras of the user's scope with filters, the map of their view cones,
 * and (officers) "which cameras could have seen it?" by clicking the map or typing a point.
 */
export function CamerasPage(_: PageProps) {
  const { t } = useI18n();
  const taxonomies = useCameraTaxonomies().data;
  const user = useUser();
  const officer = user.role === 'officer';
  const manages = officer || user.role === 'admin';
  const mapped = officer || user.role === 'team_member';
  useTitle(t('cameras.title'));
  // The filters live in the address (?status=faulty&due=check), so the dashboard links here.
  const { search } = useLocation();
  const query = useMemo(() => {
    const params = new URLSearchParams(search);
    return {
      status: params.get('status') ?? '',
      due: params.get('due') ?? '',
      confirmed: params.get('confirmed') ?? '',
      q: params.get('q') ?? '',
    };
  }, [search]);
  const setQuery = (next: { status: string; due: string; confirmed: string; q: string }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
    const text = params.toString();
    navigate(text ? `/cameras?${text}` : '/cameras', { replace: true });
  };
  const [q, setQ] = useState(query.q);
  const [imported, setImported] = useState('');
  const list = useAsync(
    (signal) =>
      cameras.list(
        {
          ...(query.status ? { status: query.status as CameraStatus } : {}),
          ...(query.due ? { due: query.due as 'check' | 'reconfirm' } : {}),
          ...(query.confirmed === '0' || query.confirmed === '1' ? { confirmed: query.confirmed } : {}),
          ...(query.q ? { q: query.q } : {}),
          page_size: 500,
        },
        signal,
      ),
    [query],
  );
  // Coverage is for a commune or a village: the officer's and the team member's own unit.
  const coverage = useAsync(
    (signal) => (mapped ? cameras.coverage(user.unit_id, signal) : Promise.resolve(undefined)),
    [mapped, user.unit_id],
  );
  // A roads import redraws the map (its roads are read when it is drawn).
  const [roadsVersion, setRoadsVersion] = useState(0);
  const [seen, setSeen] = useState<ReadonlySet<number>>(new Set());
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [clicked, setClicked] = useState<Clicked | null>(null);
  const [routeText, setRouteText] = useState('');
  const [drawing, setDrawing] = useState(false);
  // The route drawn: the points clicked while drawing, then the route as the server read it.
  const [routeLine, setRouteLine] = useState<readonly { lat: number; lon: number }[]>([]);
  // A click on the map: a point of the route being drawn, else a search there.
  const mapClick = (lat: number, lon: number) => {
    if (!drawing) {
      setClicked({ lat, lon, at: Date.now() });
      return;
    }
    setRouteText((text) => `${text.trim() ? `${text.trim()}\n` : ''}${lat.toFixed(6)}, ${lon.toFixed(6)}`);
    setRouteLine((line) => [...line, { lat, lon }]);
  };
  const columns = useMemo(
    () => [t('cameras.code'), t('cameras.place'), t('cameras.village'), t('cameras.status'), t('cameras.sharing'), t('cameras.retention'), t('cameras.last_check')],
    [t],
  );

  return (
    <>
      <h1>{t('cameras.title')}</h1>
      <p>{t('cameras.intro')}</p>
      {manages ? (
        <p>
          <Link href="/cameras/new" class="button">
            {t('cameras.add')}
          </Link>
        </p>
      ) : null}

      {officer ? (
        <>
          <PointSearch
            clicked={clicked}
            onResult={(result) => {
              setSeen(new Set(result.seen.map((s) => s.camera.id)));
              setPoint({ lat: result.lat, lon: result.lon });
            }}
          />
          <RouteSearch
            points={routeText}
            onPoints={(text) => {
              setRouteText(text);
              if (!text.trim()) setRouteLine([]);
            }}
            drawing={drawing}
            onDrawing={setDrawing}
            onResult={(result) => {
              setSeen(new Set(result.seen.map((s) => s.camera.id)));
              setRouteLine(result.line.map(([lat, lon]) => ({ lat: lat ?? 0, lon: lon ?? 0 })));
              setDrawing(false);
            }}
          />
        </>
      ) : null}
      {mapped ? (
        <CameraMap
          key={roadsVersion}
          unitId={user.unit_id}
          gaps={coverage.data?.gaps ?? NO_GAPS}
          seen={seen}
          point={point}
          route={routeLine}
          {...(officer ? { onPoint: mapClick } : {})}
        />
      ) : (
        <p class="muted">{t('cameras.map_none')}</p>
      )}

      {mapped ? (
        <CameraCoverage
          state={coverage}
          {...(officer ? { roadsUnitId: user.unit_id } : {})}
          onRoadsImported={(confirmation) => {
            setImported(confirmation);
            coverage.reload();
            setRoadsVersion((v) => v + 1);
          }}
        />
      ) : null}
      <StatusMessage>{imported}</StatusMessage>
      <section aria-labelledby="cameras-heading">
        <h2 id="cameras-heading">{t('cameras.list')}</h2>
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ ...query, q });
          }}
        >
          <SelectField
            id="cameras-status"
            label={t('cameras.filter_status')}
            value={query.status}
            onValue={(value) => setQuery({ ...query, status: value })}
            options={[{ value: '', label: t('cameras.filter_all') }, ...cameraCodes(taxonomies, 'statuses').map((s) => ({ value: s, label: cameraLabel(t, 'status', s) }))]}
          />
          <SelectField
            id="cameras-due"
            label={t('cameras.filter_due')}
            value={query.due}
            onValue={(value) => setQuery({ ...query, due: value })}
            options={[
              { value: '', label: t('cameras.due_none') },
              { value: 'check', label: t('cameras.due_check_short') },
              { value: 'reconfirm', label: t('cameras.due_reconfirm_short') },
            ]}
          />
          <SelectField
            id="cameras-confirmed"
            label={t('cameras.filter_confirmed')}
            value={query.confirmed}
            onValue={(value) => setQuery({ ...query, confirmed: value })}
            options={[
              { value: '', label: t('cameras.filter_all') },
              { value: '0', label: t('cameras.waiting_short') },
              { value: '1', label: t('cameras.confirmed_short') },
            ]}
          />
          <TextField id="cameras-q" type="search" label={t('cameras.filter_q')} value={q} onValue={setQ} />
          <SubmitActions busy={list.loading} label={t('cameras.filter_submit')} />
        </form>
        <LoadStatus state={list} />
        {list.data ? <p id="cameras-count">{t('cameras.count', { count: formatNumber(list.data.total) })}</p> : null}
        {list.data && list.data.items.length === 0 ? <p id="cameras-empty">{t('cameras.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <CardTable id="cameras-table" labelledBy="cameras-heading" busy={list.loading} columns={columns}>
            {list.data.items.map((c) => (
              <tr key={c.id} data-camera-id={c.id} data-status={c.status}>
                <td data-label={columns[0]}>
                  <Link href={`/cameras/${c.id}`}>{c.code}</Link>
                  {c.demo ? <span class="muted"> ({t('cameras.demo')})</span> : null}
                  {c.confirmed ? null : <span class="muted waiting"> ({t('cameras.waiting_short')})</span>}
                </td>
                <td data-label={columns[1]}>{c.place}</td>
                <td data-label={columns[2]}>{c.village_name || t('cameras.no_village')}</td>
                <td data-label={columns[3]}>{cameraLabel(t, 'status', c.status)}</td>
                <td data-label={columns[4]}>{cameraLabel(t, 'sharing', c.sharing)}</td>
                <td data-label={columns[5]}>{t('cameras.retention_days', { days: formatNumber(c.retention_days) })}</td>
                <td data-label={columns[6]}>
                  {c.last_check_at ? formatDateTime(c.last_check_at) : <span class="muted">{t('cameras.never_checked')}</span>}
                </td>
              </tr>
            ))}
          </CardTable>
        ) : null}
      </section>
      {officer ? (
        <CameraSheet
          unitId={user.unit_id}
          officer={officer}
          onDone={(confirmation) => {
            setImported(confirmation);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
