// A group's member households: chosen among the village's households, sent as the whole
// list at once. Outside 5–15 households the server answers with a warning naming the rule;
// the form then asks why and sends the same list again with the reason. A household already
// in another group is refused with that group named, in the server's words.
import { useState } from 'preact/hooks';
import { CheckboxField, TextAreaField } from '../Field';
import { LoadStatus } from '../LoadStatus';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, fire, households, localValidation } from '../../lib/api';
import { memberProblems } from '../../lib/fire';
import { formatNumber } from '../../lib/format';
import { fieldErrors } from '../../lib/i18n';
import type { FireGroup, FireGroupDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import styles from './style.module.css';

/** The most households one village's list brings (the server's page size limit). */
const VILLAGE_PAGE = 500;

/** The village's households as checkboxes; `chosen` are ticked. */
export function HouseholdChooser({
  id,
  villageId,
  chosen,
  onChosen,
  error,
}: {
  id: string;
  villageId: number;
  chosen: ReadonlySet<number>;
  onChosen: (chosen: Set<number>) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const list = useAsync((signal) => households.list({ unit_id: villageId, page_size: VILLAGE_PAGE }, signal), [villageId]);
  const toggle = (householdId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(householdId);
    else next.delete(householdId);
    onChosen(next);
  };
  const items = list.data?.items ?? [];
  return (
    <fieldset id={id} aria-describedby={`${id}-count`}>
      <legend>{t('fire.members_legend')}</legend>
      <p class="muted">{t('fire.members_hint')}</p>
      <LoadStatus state={list} />
      {list.data && items.length === 0 ? <p id={`${id}-empty`}>{t('fire.members_none_in_village')}</p> : null}
      <ul class={styles.choices}>
        {items.map((h) => (
          <li key={h.id} data-household-id={h.id}>
            <CheckboxField
              id={`${id}-${h.id}`}
              label={
                <>
                  <span class={styles.code}>{h.code}</span> {h.head_name}
                  {h.address ? <span class="muted"> · {h.address}</span> : null}
                </>
              }
              checked={chosen.has(h.id)}
              onChecked={(on) => toggle(h.id, on)}
            />
          </li>
        ))}
      </ul>
      <p id={`${id}-count`} class={styles.count}>
        {t('fire.members_chosen', { count: formatNumber(chosen.size) })}
      </p>
      {error ? <p class={styles.error}>{error}</p> : null}
    </fieldset>
  );
}

/**
 * The member list's refusals shown by the list, above the form's button: the households
 * taken by another group (named), and the size warning with the reason field once the
 * server gave it. The form's other problems go in its ErrorMessage (`memberProblems().rest`).
 */
export function MemberWarnings({
  id,
  error,
  sizeWarning,
  reason,
  onReason,
}: {
  id: string;
  error: unknown;
  /** The server's size warning, kept once given (the reason field stays with it). */
  sizeWarning: string | null;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useI18n();
  const problems = memberProblems(t, error);
  const fe = fieldErrors(t, problems.rest);
  return (
    <>
      {problems.taken.length > 0 ? (
        <div id={`${id}-taken`}>
          <AlertMessage title={t('fire.taken_title')}>{problems.taken.join(' · ')}</AlertMessage>
        </div>
      ) : null}
      {sizeWarning !== null ? (
        <div class="panel" role="alert" id={`${id}-size`}>
          <p>
            <strong>{t('fire.size_title')}</strong>: {sizeWarning}
          </p>
          <p>{t('fire.size_intro')}</p>
          <TextAreaField
            id={`${id}-reason`}
            label={t('fire.size_reason')}
            required
            maxLength={2000}
            rows={2}
            value={reason}
            onValue={onReason}
            error={fe.size_reason}
          />
        </div>
      ) : null}
    </>
  );
}

/**
 * The size warning a failed save carried, to keep with the form; `previous` when it
 * carried none (a missing reason is refused before sending, the warning stays).
 */
export function sizeWarningOf(t: Parameters<typeof memberProblems>[0], caught: unknown, previous: string | null): string | null {
  return memberProblems(t, caught).size ?? previous;
}

/** The local refusal of a list sent again without the reason asked for. */
export const REASON_REQUIRED = () => localValidation([{ field: 'size_reason', code: 'required' }]);

/** #fire-members: the group's whole member list, with the group's version. */
export function MembersForm({
  group,
  onDone,
  onStale,
}: {
  group: FireGroupDetail;
  onDone: (group: FireGroup, confirmation: string) => void;
  /** Someone else changed the group since it was loaded (409): load it again. */
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(group.houses.map((h) => h.household_id)));
  // A group already outside the rule keeps its reason in the form, sent again with the list.
  const [sizeWarning, setSizeWarning] = useState<string | null>(group.size_reason ? t('fire.size_kept') : null);
  const [reason, setReason] = useState(group.size_reason);
  const { error, setError, busy, run } = useAction();
  const fields = { household_ids: t('fire.members_legend'), members: t('fire.members_legend'), size_reason: t('fire.size_reason'), leader_household_id: t('fire.leader') };
  const fe = fieldErrors(t, error);

  const submit = (event: Event) => {
    event.preventDefault();
    if (sizeWarning !== null && reason.trim() === '') {
      setError(REASON_REQUIRED());
      return;
    }
    void run(async () => {
      try {
        const saved = await fire.setMembers(group.id, {
          household_ids: [...chosen].sort((a, b) => a - b),
          ...(sizeWarning !== null ? { size_reason: reason.trim() } : {}),
          version: group.version,
        });
        onDone(saved, t('fire.members_saved', { code: saved.code, count: formatNumber(saved.members) }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        setSizeWarning(sizeWarningOf(t, caught, sizeWarning));
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id="fire-members" noValidate onSubmit={submit} aria-labelledby="fire-members-heading">
      <h3 id="fire-members-heading">{t('fire.members_title', { code: group.code })}</h3>
      <ErrorMessage error={memberProblems(t, error).rest} fields={fields} />
      <HouseholdChooser id="fire-members-households" villageId={group.village_id} chosen={chosen} onChosen={setChosen} error={fe.leader_household_id} />
      <MemberWarnings id="fire-members" error={error} sizeWarning={sizeWarning} reason={reason} onReason={setReason} />
      <SubmitActions busy={busy} label={t('fire.members_submit')} />
    </form>
  );
}
