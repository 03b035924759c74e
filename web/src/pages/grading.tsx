import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { invalidClass, TextAreaField, TextField } from '../components/Field';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { AlertMessage, ErrorMessage, InfoMessage, StatusMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { Toggle } from '../components/Toggle';
import { NO_UNITS, UnitPicker } from '../components/UnitPicker';
import { teams, units } from '../lib/api';
import { communesOf } from '../lib/boxes';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import {
  eligibilityLabel,
  gradeChoices,
  type Grade,
  gradeLabel,
  gradingRefusals,
  gradingUrl,
  isGrade,
  isStale,
  quotaOf,
  quotaText,
  sheetOpen,
} from '../lib/grading';
import { fieldErrors } from '../lib/i18n';
import { navigate } from '../lib/router';
import type { GradingSheet, MemberGrade, UnitNode } from '../lib/schema';
import { positionLabel } from '../lib/teams';
import { useAction } from '../lib/use-action';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';
import styles from './grading.module.css';

// The years the server takes (its `year: out_of_range` otherwise).
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

interface Filters {
  /** null: the user's own commune, or the only one in scope. */
  communeId: number | null;
  /** null: the year the server answers (its window open today, else the last one closed). */
  year: number | null;
}

/** The commune and year live in the address (?commune_id=12&year=2026), so "back" keeps them. */
function readFilters(search: URLSearchParams): Filters {
  const commune = search.get('commune_id') ?? '';
  const year = search.get('year') ?? '';
  return {
    communeId: /^\d+$/.test(commune) ? Number(commune) : null,
    year: /^\d{4}$/.test(year) ? Number(year) : null,
  };
}

/** The commune shown before one is chosen: the user's own (an officer's), else the only one in scope. */
function defaultCommune(communes: readonly UnitNode[], unitId: number): number | null {
  if (communes.some((c) => c.id === unitId)) return unitId;
  return communes.length === 1 ? (communes[0]?.id ?? null) : null;
}

/** A member's grade and note as being edited (what the row's form sends). */
interface Draft {
  grade: '' | Grade;
  note: string;
}

const draftOf = (m: MemberGrade): Draft => ({ grade: m.grade ?? '', note: m.note });

/** The sheet's window, status, reopening reason and running numbers, with the quota's warning. */
function Summary({ sheet, communeName }: { sheet: GradingSheet; communeName: string }) {
  const { t } = useI18n();
  const quota = quotaText(t, quotaOf(sheet));
  const facts: [string, string, ComponentChildren][] = [
    ['grading-commune', t('grading.commune'), communeName || '—'],
    [
      'grading-window',
      t('grading.window'),
      <>
        {t('grading.window_value', { from: formatDate(sheet.window_from), to: formatDate(sheet.window_to) })}{' '}
        <span class={sheet.window_open ? styles.open : styles.closed}>
          ({sheet.window_open ? t('grading.window_open') : t('grading.window_closed')})
        </span>
      </>,
    ],
    [
      'grading-status',
      t('grading.status'),
      <span class={sheet.status === 'final' ? styles.final : styles.draft}>
        {sheet.status === 'final' ? t('grading.status_final') : t('grading.status_draft')}
      </span>,
    ],
    ...(sheet.reopen_reason ? [['grading-reopen-reason', t('grading.reopen_reason'), sheet.reopen_reason] as [string, string, ComponentChildren]] : []),
  ];
  const numbers: [string, string, number][] = [
    ['grading-excellent', gradeLabel(t, 'excellent'), sheet.excellent],
    ['grading-good', gradeLabel(t, 'good'), sheet.good],
    ['grading-complete', gradeLabel(t, 'complete'), sheet.complete],
    ['grading-incomplete', gradeLabel(t, 'incomplete'), sheet.incomplete],
    ['grading-ungraded', t('grading.ungraded'), sheet.ungraded],
    ['grading-max-excellent', t('grading.max_excellent'), sheet.max_excellent],
  ];
  return (
    <>
      <dl class="facts" id="grading-facts" aria-label={t('grading.facts')}>
        {facts.map(([id, label, value]) => (
          <Fragment key={id}>
            <dt>{label}</dt>
            <dd id={id}>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <section class="panel" aria-labelledby="grading-numbers-heading">
        <h3 id="grading-numbers-heading">{t('grading.numbers')}</h3>
        <dl class={`facts ${styles.numbers}`} id="grading-numbers">
          {numbers.map(([id, label, value]) => (
            <Fragment key={id}>
              <dt>{label}</dt>
              <dd id={id}>{formatNumber(value)}</dd>
            </Fragment>
          ))}
        </dl>
        <p class="muted" id="grading-quota">
          {t('grading.max_excellent_hint')} {quota}.
        </p>
      </section>
      {sheet.quota_ok ? null : (
        <div id="grading-quota-warning">
          <AlertMessage title={t('grading.quota_broken_title')}>{t('grading.quota_broken', { quota })}</AlertMessage>
        </div>
      )}
    </>
  );
}

/** A 409: the sheet changed since it was read; nothing was written. */
function Stale({ onReload }: { onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div id="grading-stale">
      <AlertMessage title={t('grading.stale_title')}>{t('grading.stale')}</AlertMessage>
      <p class="actions">
        <button type="button" id="grading-reload" onClick={onReload}>
          {t('grading.reload')}
        </button>
      </p>
    </div>
  );
}

/** A refusal of the API: its field errors in the user's words (the quota's numbers too), or the problem. */
function Refusal({ id, title, error, sheet }: { id: string; title: string; error: unknown; sheet: GradingSheet }) {
  const { t } = useI18n();
  const refusals = gradingRefusals(t, error, sheet);
  if (!error) return null;
  if (refusals.length === 0) return <ErrorMessage error={error} />;
  return (
    <div id={id}>
      <AlertMessage title={title}>
        {refusals.length === 1 ? (
          refusals[0]
        ) : (
          <>
            {refusals.map((r) => (
              <span key={r} class={styles.block}>
                {r}
              </span>
            ))}
          </>
        )}
      </AlertMessage>
    </div>
  );
}

interface RowProps {
  member: MemberGrade;
  /** Officers grade (a select and a note); others read. */
  grades: boolean;
  /** The sheet takes grades now (a draft in its window). */
  open: boolean;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  busy: boolean;
  error: unknown;
  sheet: GradingSheet;
  onSave: () => void;
  columns: readonly string[];
}

/** One member: team, name and position, eligibility, grade and note (with the row's form for officers). */
function MemberRow({ member: m, grades, open, draft, onDraft, busy, error, sheet, onSave, columns }: RowProps) {
  const { t } = useI18n();
  const id = `grading-row-${m.member_id}`;
  const refusal = error ? gradingRefusals(t, error, sheet).join(' ') : '';
  const gradeCell = grades ? (
    <>
      <label class="visually-hidden" for={`${id}-grade`}>
        {t('grading.grade_of', { name: m.full_name })}
      </label>
      <select
        id={`${id}-grade`}
        name="grade"
        form={id}
        class={refusal ? `${styles.grade} ${invalidClass}` : styles.grade}
        value={draft.grade}
        disabled={!open || busy}
        aria-invalid={refusal ? 'true' : undefined}
        aria-describedby={refusal ? `${id}-error` : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onDraft({ ...draft, grade: isGrade(value) ? value : '' });
        }}
      >
        {gradeChoices(m).map((g) => (
          <option key={g} value={g}>
            {gradeLabel(t, g)}
          </option>
        ))}
      </select>
      {!m.eligible && m.grade ? <span class={`muted ${styles.block}`}>({t('grading.not_counted')})</span> : null}
      {refusal ? (
        <span id={`${id}-error`} class={styles.rowError}>
          {refusal}
        </span>
      ) : null}
    </>
  ) : (
    <>
      {gradeLabel(t, m.grade)}
      {!m.eligible && m.grade ? <span class="muted"> ({t('grading.not_counted')})</span> : null}
    </>
  );
  const noteCell = grades ? (
    <>
      <label class="visually-hidden" for={`${id}-note`}>
        {t('grading.note_of', { name: m.full_name })}
      </label>
      <input
        id={`${id}-note`}
        name="note"
        form={id}
        class={styles.note}
        maxLength={500}
        autocomplete="off"
        value={draft.note}
        disabled={!open || busy}
        onInput={(event) => onDraft({ ...draft, note: event.currentTarget.value })}
      />
    </>
  ) : (
    m.note || '—'
  );
  const cells: ComponentChildren[] = [
    <>
      <Link href={`/teams/${m.team_id}`} class={styles.code}>
        {m.team_code}
      </Link>
      <span class={`muted ${styles.block}`}>{m.team_name}</span>
    </>,
    <>
      {m.full_name}
      <span class={`muted ${styles.block}`}>{positionLabel(t, m.position)}</span>
    </>,
    <span class={m.eligible ? undefined : styles.ineligible}>{eligibilityLabel(t, m)}</span>,
    gradeCell,
    noteCell,
    ...(grades
      ? [
          <>
            <form
              id={id}
              onSubmit={(event) => {
                event.preventDefault();
                onSave();
              }}
            >
              <button type="submit" class="secondary" disabled={!open || busy}>
                {busy ? t('common.sending') : t('grading.save')}
                <span class="visually-hidden"> ({m.full_name})</span>
              </button>
            </form>
            {error && !refusal ? <ErrorMessage error={error} /> : null}
          </>,
        ]
      : []),
  ];
  return (
    <tr data-member-id={m.member_id} data-eligible={m.eligible ? 'true' : 'false'}>
      {cells.map((content, index) => (
        <td key={index} data-label={columns[index]}>
          {content}
        </td>
      ))}
    </tr>
  );
}

/** "Chốt kết quả" for a draft, "Mở lại" (with its reason) for a final year: officers, in the window. */
function Decisions({ sheet, onSheet, onStale, setStatus }: {
  sheet: GradingSheet;
  onSheet: (sheet: GradingSheet) => void;
  onStale: () => void;
  setStatus: (status: string) => void;
}) {
  const { t } = useI18n();
  const finalising = useAction();
  const reopening = useAction();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  // A refusal holds for the sheet it was about: a grade changed since hides it in the same
  // render (an effect would leave it on screen for a frame) and then clears it.
  const sheetKey = `${sheet.commune_id}/${sheet.year}/${sheet.version}`;
  const askedFor = useRef(sheetKey);
  const current = askedFor.current === sheetKey;
  const finaliseError = current ? finalising.error : null;
  const reopenError = current ? reopening.error : null;
  const fe = fieldErrors(t, reopenError);
  useEffect(() => {
    finalising.setError(null);
    reopening.setError(null);
  }, [sheetKey]);
  const base = { commune_id: sheet.commune_id, year: sheet.year, version: sheet.version };

  const finalise = () => {
    askedFor.current = sheetKey;
    setStatus('');
    void finalising.run(async () => {
      try {
        onSheet(await teams.finaliseGrading(base));
        setStatus(t('grading.finalised', { year: sheet.year }));
      } catch (caught) {
        if (isStale(caught)) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };
  const reopen = (event: Event) => {
    event.preventDefault();
    askedFor.current = sheetKey;
    setStatus('');
    void reopening.run(async () => {
      try {
        onSheet(await teams.reopenGrading({ ...base, reason: reason.trim() }));
        setAsking(false);
        setReason('');
        setStatus(t('grading.reopened', { year: sheet.year }));
      } catch (caught) {
        if (isStale(caught)) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  if (!sheet.window_open) return null;
  if (sheet.status === 'draft') {
    // Nobody graded yet (version 0): nothing to finalise.
    if (sheet.version === 0) return null;
    return (
      <section aria-labelledby="grading-finalise-heading">
        <h3 id="grading-finalise-heading" class="visually-hidden">
          {t('grading.finalise')}
        </h3>
        <Refusal id="grading-refusal" title={t('grading.finalise_refused')} error={finaliseError} sheet={sheet} />
        <p class="actions">
          <button type="button" id="grading-finalise" disabled={finalising.busy} aria-describedby="grading-finalise-hint" onClick={finalise}>
            {finalising.busy ? t('common.sending') : t('grading.finalise')}
          </button>
          <span id="grading-finalise-hint" class="muted">
            {t('grading.finalise_hint')}
          </span>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="grading-reopen-heading">
      <h3 id="grading-reopen-heading" class="visually-hidden">
        {t('grading.reopen_title')}
      </h3>
      <p class="actions">
        <Toggle id="grading-reopen-toggle" controls="grading-reopen-slot" open={asking} label={t('grading.reopen')} onOpen={setAsking} />
      </p>
      <div id="grading-reopen-slot">
        {asking ? (
          <form class="panel" id="grading-reopen" noValidate onSubmit={reopen} aria-labelledby="grading-reopen-form-heading">
            <h3 id="grading-reopen-form-heading">{t('grading.reopen_title')}</h3>
            <ErrorMessage error={reopenError} fields={{ reason: t('grading.reopen_reason'), year: t('grading.year') }} />
            <TextAreaField
              id="grading-reopen-reason-input"
              label={t('grading.reopen_reason')}
              hint={t('grading.reopen_reason_hint')}
              required
              maxLength={500}
              rows={2}
              value={reason}
              onValue={setReason}
              error={fe.reason}
            />
            <SubmitActions busy={reopening.busy} label={t('grading.reopen_submit')}>
              <button type="button" class="secondary" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </button>
            </SubmitActions>
          </form>
        ) : null}
      </div>
    </section>
  );
}

/**
 * /teams/grading: the yearly grading of a commune's security team members (xếp loại thành
 * viên Tổ bảo vệ ANTT): the window and status, the running numbers with a warning while
 * "xuất sắc" breaks the quota (a draft may, finalising may not), and every member with
 * their eligibility and grade. Officers grade each member (the row's form), finalise and
 * reopen with a reason; reviewers and administrators read. The commune is the user's own,
 * or picked when the scope holds more.
 */
export function GradingPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const grades = can(user, 'gradings.grade');
  useTitle(t('grading.title'));
  const { search } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const set = (change: Partial<Filters>) => navigate(gradingUrl({ ...filters, ...change }), { replace: true });

  const tree = useAsync((signal) => units.tree(false, signal), []);
  const communes = useMemo(() => communesOf(tree.data?.roots ?? NO_UNITS), [tree.data]);
  const communeIds = useMemo(() => new Set(communes.map((c) => c.id)), [communes]);
  const communeId = filters.communeId ?? defaultCommune(communes, user.unit_id);
  const communeName = communes.find((c) => c.id === communeId)?.name ?? '';

  const loaded = useAsync(
    (signal) =>
      communeId === null
        ? Promise.resolve(null)
        : teams.grading({ commune_id: communeId, ...(filters.year !== null ? { year: filters.year } : {}) }, signal),
    [communeId, filters.year],
  );
  // The sheet shown: as loaded, then as each grade, finalising or reopening answers it.
  const [sheet, setSheet] = useState<GradingSheet | null>(null);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, unknown>>({});
  const [saving, setSaving] = useState<number | null>(null);
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => {
    setSheet(loaded.data ?? null);
    setDrafts({});
    setRowErrors({});
  }, [loaded.data]);

  // The year field shows the year answered (the server's current one when none was asked).
  const [yearText, setYearText] = useState(filters.year === null ? '' : String(filters.year));
  useEffect(() => {
    if (loaded.data) setYearText(String(loaded.data.year));
  }, [loaded.data]);

  const reload = () => {
    setStale(false);
    setStatus('');
    loaded.reload();
  };
  const columns = useMemo(
    () => [
      t('grading.team'),
      t('grading.member'),
      t('grading.eligibility'),
      t('grading.grade'),
      t('grading.note'),
      ...(grades ? [t('teams.actions')] : []),
    ],
    [t, grades],
  );

  const save = async (m: MemberGrade) => {
    if (!sheet) return;
    const draft = drafts[m.member_id] ?? draftOf(m);
    setSaving(m.member_id);
    setStatus('');
    setStale(false);
    setRowErrors((errors) => ({ ...errors, [m.member_id]: null }));
    try {
      const next = await teams.grade(m.member_id, { year: sheet.year, grade: draft.grade, note: draft.note.trim() });
      setSheet(next);
      setDrafts((all) => {
        const rest = { ...all };
        delete rest[m.member_id];
        return rest;
      });
      const saved = next.members.find((x) => x.member_id === m.member_id);
      setStatus(t('grading.saved', { name: m.full_name, grade: gradeLabel(t, saved ? saved.grade : draft.grade) }));
    } catch (caught) {
      if (isStale(caught)) setStale(true);
      else setRowErrors((errors) => ({ ...errors, [m.member_id]: caught }));
    } finally {
      setSaving(null);
    }
  };

  const open = sheet !== null && sheetOpen(sheet);
  const ready = !tree.loading || tree.data !== undefined;

  return (
    <>
      <BackLink href="/teams" label={t('grading.back')} />
      <h1>{t('grading.title')}</h1>
      <p>{t('grading.intro')}</p>
      <form
        role="search"
        aria-label={t('grading.filters')}
        class={`form-grid ${styles.filters}`}
        onSubmit={(event) => {
          event.preventDefault();
          const year = Number(yearText.trim());
          set({ year: yearText.trim() !== '' && Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null });
        }}
      >
        {communes.length > 1 ? (
          <UnitPicker
            id="grading-commune-picker"
            label={t('grading.commune')}
            roots={tree.data?.roots ?? NO_UNITS}
            loading={tree.loading}
            accept={(unit) => communeIds.has(unit.id)}
            value={communeId}
            onValue={(value) => set({ communeId: value })}
            placeholder={t('grading.choose_commune')}
          />
        ) : null}
        <div>
          <TextField
            id="grading-year"
            type="number"
            inputMode="numeric"
            min={FIRST_YEAR}
            max={LAST_YEAR}
            label={t('grading.year')}
            hint={t('grading.year_hint')}
            value={yearText}
            onValue={setYearText}
          />
          <SubmitActions busy={loaded.loading && communeId !== null} label={t('grading.submit')} />
        </div>
      </form>
      <LoadStatus state={tree} />
      {ready && tree.data && communes.length === 0 ? <InfoMessage>{t('grading.no_communes')}</InfoMessage> : null}
      {ready && communes.length > 0 && communeId === null ? (
        <p id="grading-choose" class="muted">
          {t('grading.commune_needed')}
        </p>
      ) : null}
      {communeId !== null ? <LoadStatus state={loaded} /> : null}
      {sheet ? (
        <section aria-labelledby="grading-heading" id="grading-sheet" data-version={sheet.version}>
          <h2 id="grading-heading">{t('grading.heading', { year: sheet.year })}</h2>
          <div id="grading-done">
            <StatusMessage>{status}</StatusMessage>
          </div>
          {stale ? <Stale onReload={reload} /> : null}
          <Summary sheet={sheet} communeName={communeName} />
          {sheet.status === 'final' ? <InfoMessage>{t('grading.final_note')}</InfoMessage> : null}
          {!sheet.window_open ? <InfoMessage>{t('grading.closed_note')}</InfoMessage> : null}
          {sheet.status === 'draft' && sheet.ungraded > 0 ? (
            <p id="grading-ungraded-note">{t('grading.ungraded_note', { count: formatNumber(sheet.ungraded) })}</p>
          ) : null}
          {grades ? (
            <Decisions sheet={sheet} onSheet={setSheet} onStale={() => setStale(true)} setStatus={setStatus} />
          ) : (
            <p class="muted" id="grading-read-only">
              {t('grading.read_only_note')}
            </p>
          )}
          <h3 id="grading-members-heading">{t('grading.members', { count: formatNumber(sheet.members.length) })}</h3>
          {sheet.members.length === 0 ? (
            <p id="grading-empty">{t('grading.members_none')}</p>
          ) : (
            <CardTable id="grading-table" labelledBy="grading-members-heading" busy={loaded.loading} columns={columns}>
              {sheet.members.map((m) => (
                <MemberRow
                  key={m.member_id}
                  member={m}
                  grades={grades}
                  open={open}
                  draft={drafts[m.member_id] ?? draftOf(m)}
                  onDraft={(draft) => setDrafts((all) => ({ ...all, [m.member_id]: draft }))}
                  busy={saving === m.member_id}
                  error={rowErrors[m.member_id] ?? null}
                  sheet={sheet}
                  onSave={() => void save(m)}
                  columns={columns}
                />
              ))}
            </CardTable>
          )}
        </section>
      ) : null}
    </>
  );
}
