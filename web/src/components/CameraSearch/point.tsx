// #camera-search: "which cameras could have seen it?" at a point typed or clicked on the
// map, with the reason, the time and the radius.
import { useEffect, useState } from 'preact/hooks';
import { CheckboxField, SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { cameras, localValidation } from '../../lib/api';
import { DEFAULT_RADIUS, SEARCH_RADII } from '../../lib/cameras';
import { formatNumber, vietnamLocalInput } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { CameraSearchResult } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import { navigate } from '../../lib/router';
import { FootageCreateForm } from '../FootageForms';
import { Sightings } from './sightings';

export interface Clicked {
  lat: number;
  lon: number;
  /** When it was clicked: a new click searches again at the same point. */
  at: number;
}

interface Props {
  onResult: (result: CameraSearchResult) => void;
  clicked: Clicked | null;
}

/** #camera-search: the reason, the time, the radius, and a point typed or clicked. */
export function PointSearch({ onResult, clicked }: Props) {
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
            {result.seen.length > 0 ? (
              <FootageCreateForm
                key={`${result.lat}-${result.lon}-${result.at}`}
                sightings={result.seen}
                at={result.at}
                reason={reason.trim()}
                point={{ lat: result.lat, lon: result.lon }}
                onDone={(created) => navigate(`/footage/${created.id}`)}
              />
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

