import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CameraMap } from '../components/CameraMap';
import { CardTable } from '../components/CardTable';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { cameras, localValidation } from '../lib/api';
import { cameraLabel, DEFAULT_RADIUS, SEARCH_RADII } from '../lib/cameras';
import { formatDateTime, formatNumber, vietnamLocalInput } from '../lib/format';
import { fieldErrors } from '../lib/i18n';
import type { CameraSearchResult, CameraSighting, CameraStatus } from '../lib/schema';
import { useAction } from '../lib/use-action';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';

const STATUSES: readonly CameraStatus[] = ['working', 'faulty', 'removed'];

function Sightings({ id, title, items, withReasons }: {
  id: string;
  title: string;
  items: readonly CameraSighting[];
  withReasons: boolean;
}) {
  const { t } = useI18n();
  const columns = [
    t('cameras.code'),
    t('cameras.place'),
    t('cameras.distance'),
    t('cameras.bearing'),
    t('cameras.status_then'),
    t('cameras.kept_until'),
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
            </td>
            <td data-label={columns[1]}>{s.camera.place}</td>
            <td data-label={columns[2]}>{t('cameras.metres', { metres: formatNumber(Math.round(s.distance_m)) })}</td>
            <td data-label={columns[3]}>{t('cameras.degrees', { degrees: formatNumber(Math.round(s.bearing_deg)) })}</td>
            <td data-label={columns[4]}>{s.status_then ? cameraLabel(t, 'status', s.status_then) : '—'}</td>
            <td data-label={columns[5]}>{formatDateTime(s.footage_kept_until)}</td>
            {withReasons ? (
              <td data-label={columns[6]} class="reasons">
                {s.reasons.map((r) => cameraLabel(t, 'reason', r)).join('; ')}
              </td>
            ) : null}
          </tr>
        ))}
      </CardTable>
    </>
  );
}

interface SearchProps {
  onResult: (result: CameraSearchResult) => void;
  clicked: { lat: number; lon: number; at: number } | null;
}

/** #camera-search: the reason, the time, the radius, and a point typed or clicked. */
function SearchForm({ onResult, clicked }: SearchProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [at, setAt] = useState(() => vietnamLocalInput(Date.now()));
  const [radius, setRadius] = useState(String(DEFAULT_RADIUS));
  const [point, setPoint] = useState('');
  const [excluded, setExcluded] = useState(true);
  const [result, setResult] = useState<CameraSearchResult | null>(null);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = { reason: t('cameras.search_reason'), at: t('cameras.search_at'), radius: t('cameras.search_radius'), point: t('cameras.search_point') };

  const search = (where: { point: string } | { lat: number; lon: number }) => {
    const missing: { field: string; code: string }[] = [];
    if (!reason.trim()) missing.push({ field: 'reason', code: 'required' });
    if (!at) missing.push({ field: 'at', code: 'required' });
    if ('point' in where && !where.point.trim()) missing.push({ field: 'point', code: 'required' });
    if (missing.length) {
      setError(localValidation(missing));
      return;
    }
    void run(async () => {
      const found = await cameras.search({
        ...where,
        at,
        radius: Number(radius),
        excluded: excluded ? '1' : '0',
        reason: reason.trim(),
      });
      setResult(found);
      onResult(found);
    });
  };

  // A click on the map searches there (after the form's own checks).
  useEffect(() => {
    if (!clicked) return;
    setPoint(`${clicked.lat.toFixed(6)}, ${clicked.lon.toFixed(6)}`);
    search({ lat: clicked.lat, lon: clicked.lon });
    // Only a new click searches; the form's fields are read as they are then.
  }, [clicked]);

  return (
    <section class="panel" aria-labelledby="camera-search-heading">
      <h2 id="camera-search-heading">{t('cameras.search_title')}</h2>
      <p>{t('cameras.search_intro')}</p>
      <form
        id="camera-search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          search({ point });
        }}
      >
        <ErrorMessage error={error} fields={labels} />
        <TextField id="search-reason" label={labels.reason} required maxLength={500} value={reason} onValue={setReason} error={fe.reason} />
        <div class="form-grid">
          <TextField id="search-at" type="datetime-local" label={labels.at} required value={at} onValue={setAt} error={fe.at} />
          <SelectField
            id="search-radius"
            label={labels.radius}
            value={radius}
            onValue={setRadius}
            options={SEARCH_RADII.map((r) => ({ value: String(r), label: t('cameras.metres', { metres: formatNumber(r) }) }))}
            error={fe.radius}
          />
        </div>
        <TextField
          id="search-point"
          label={labels.point}
          hint={t('cameras.search_point_hint')}
          value={point}
          onValue={setPoint}
          error={fe.point ?? fe.lat ?? fe.lon}
          autocomplete="off"
        />
        <CheckboxField id="search-excluded" label={t('cameras.search_excluded')} checked={excluded} onChecked={setExcluded} />
        <SubmitActions busy={busy} label={t('cameras.search_submit')} />
        <p class="muted">{t('cameras.search_click')}</p>
      </form>
      <div id="camera-search-result" role="status" aria-live="polite">
        {busy ? t('cameras.searching') : null}
        {result && !busy ? (
          <>
            {result.seen.length === 0 ? <p id="camera-seen-none">{t('cameras.seen_none')}</p> : null}
            {result.seen.length > 0 ? (
              <Sightings id="camera-seen" title={t('cameras.seen_title', { count: formatNumber(result.seen.length) })} items={result.seen} withReasons={false} />
            ) : null}
            {result.excluded.length > 0 ? (
              <Sightings id="camera-excluded" title={t('cameras.excluded_title', { count: formatNumber(result.excluded.length) })} items={result.excluded} withReasons />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/**
 * /cameras: the cameras of the user's scope with filters, the map of their view cones,
 * and (officers) "which cameras could have seen it?" by clicking the map or typing a point.
 */
export function CamerasPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const officer = user.role === 'officer';
  const manages = officer || user.role === 'admin';
  const mapped = officer || user.role === 'team_member';
  useTitle(t('cameras.title'));
  const [q, setQ] = useState('');
  const [query, setQuery] = useState({ status: '', q: '' });
  const list = useAsync(
    (signal) =>
      cameras.list(
        { ...(query.status ? { status: query.status as CameraStatus } : {}), ...(query.q ? { q: query.q } : {}), page_size: 500 },
        signal,
      ),
    [query],
  );
  const [seen, setSeen] = useState<ReadonlySet<number>>(new Set());
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [clicked, setClicked] = useState<{ lat: number; lon: number; at: number } | null>(null);
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
        <SearchForm
          clicked={clicked}
          onResult={(result) => {
            setSeen(new Set(result.seen.map((s) => s.camera.id)));
            setPoint({ lat: result.lat, lon: result.lon });
          }}
        />
      ) : null}
      {mapped ? (
        <CameraMap
          unitId={user.unit_id}
          seen={seen}
          point={point}
          {...(officer ? { onPoint: (lat: number, lon: number) => setClicked({ lat, lon, at: Date.now() }) } : {})}
        />
      ) : (
        <p class="muted">{t('cameras.map_none')}</p>
      )}

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
            options={[{ value: '', label: t('cameras.filter_all') }, ...STATUSES.map((s) => ({ value: s, label: cameraLabel(t, 'status', s) }))]}
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
    </>
  );
}
