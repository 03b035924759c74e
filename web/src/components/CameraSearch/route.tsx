// #camera-route: "which cameras could have seen them pass?" along a route typed one point
// per line or drawn by clicking the map, with a corridor, a start and an end or a speed.
import { useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { cameras, localValidation } from '../../lib/api';
import { formatNumber, vietnamLocalInput } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { CameraRouteResult } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { Sightings } from './sightings';

const WIDTHS = [0, 20, 50, 100, 200] as const;

interface Props {
  /** The route's points as typed, one per line (map clicks add lines). */
  points: string;
  onPoints: (text: string) => void;
  drawing: boolean;
  onDrawing: (drawing: boolean) => void;
  onResult: (result: CameraRouteResult) => void;
}

export function RouteSearch({ points, onPoints, drawing, onDrawing, onResult }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState(() => vietnamLocalInput(Date.now() - 3600 * 1000));
  const [to, setTo] = useState('');
  const [speed, setSpeed] = useState('30');
  const [width, setWidth] = useState('50');
  const [excluded, setExcluded] = useState(true);
  const [result, setResult] = useState<CameraRouteResult | null>(null);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const labels = {
    reason: t('cameras.search_reason'),
    line: t('cameras.route_points'),
    from: t('cameras.route_from'),
    to: t('cameras.route_to'),
    speed_kmh: t('cameras.route_speed'),
    width: t('cameras.route_width'),
  };
  const lines = points.split('\n').map((l) => l.trim()).filter(Boolean);

  const submit = (event: Event) => {
    event.preventDefault();
    const missing: { field: string; code: string }[] = [];
    if (!reason.trim()) missing.push({ field: 'reason', code: 'required' });
    if (lines.length < 2) missing.push({ field: 'line', code: 'too_few_points' });
    if (missing.length) {
      setError(localValidation(missing));
      return;
    }
    void run(async () => {
      const found = await cameras.searchRoute({
        line: lines,
        width: Number(width),
        from,
        ...(to ? { to } : {}),
        ...(!to && speed ? { speed_kmh: Number(speed) } : {}),
        excluded,
        reason: reason.trim(),
      });
      setResult(found);
      onResult(found);
    });
  };

  return (
    <section class="panel" aria-labelledby="camera-route-heading">
      <h2 id="camera-route-heading">{t('cameras.route_title')}</h2>
      <p>{t('cameras.route_intro')}</p>
      <form id="camera-route" noValidate onSubmit={submit}>
        <ErrorMessage error={error} fields={labels} />
        <TextField id="route-reason" label={labels.reason} required maxLength={500} value={reason} onValue={setReason} error={fe.reason} />
        <TextAreaField id="route-points" label={labels.line} hint={t('cameras.route_points_hint')} value={points} onValue={onPoints} rows={4} error={fe.line} />
        <p>
          <button type="button" id="route-draw" aria-pressed={drawing ? 'true' : 'false'} onClick={() => onDrawing(!drawing)}>
            {t('cameras.route_draw')}
          </button>{' '}
          <button type="button" id="route-clear" onClick={() => onPoints('')}>
            {t('cameras.route_clear')}
          </button>
        </p>
        {drawing ? <p role="status">{t('cameras.route_drawing')}</p> : null}
        <div class="form-grid">
          <TextField id="route-from" type="datetime-local" label={labels.from} required value={from} onValue={setFrom} error={fe.from} />
          <TextField id="route-to" type="datetime-local" label={labels.to} value={to} onValue={setTo} error={fe.to} />
          <TextField id="route-speed" type="number" min={1} max={200} label={labels.speed_kmh} value={speed} onValue={setSpeed} error={fe.speed_kmh} />
          <SelectField
            id="route-width"
            label={labels.width}
            value={width}
            onValue={setWidth}
            options={WIDTHS.map((w) => ({ value: String(w), label: t('cameras.metres', { metres: formatNumber(w) }) }))}
            error={fe.width}
          />
        </div>
        <CheckboxField id="route-excluded" label={t('cameras.search_excluded')} checked={excluded} onChecked={setExcluded} />
        <SubmitActions busy={busy} label={t('cameras.route_submit')} />
      </form>
      <div id="camera-route-result" role="status" aria-live="polite">
        {busy ? t('cameras.searching') : null}
        {result && !busy ? (
          <>
            <p id="camera-route-summary">
              {t('cameras.route_summary', { length: formatNumber(result.length_m), speed: formatNumber(result.speed_kmh) })}
            </p>
            {result.seen.length === 0 ? <p>{t('cameras.seen_none')}</p> : null}
            {result.seen.length > 0 ? (
              <Sightings id="camera-route-seen" title={t('cameras.seen_title', { count: formatNumber(result.seen.length) })} items={result.seen} withReasons={false} />
            ) : null}
            {result.excluded.length > 0 ? (
              <Sightings id="camera-route-excluded" title={t('cameras.excluded_title', { count: formatNumber(result.excluded.length) })} items={result.excluded} withReasons />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
