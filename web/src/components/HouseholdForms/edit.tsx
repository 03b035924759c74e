// #household-form: a new household or a change to one. The phone is taken as people type it
// (the server makes it E.164 or names what is wrong with it) and only with the household's
// consent, whose day, channel and text version the form asks once a phone is typed. On a
// change an empty phone keeps the stored one; "remove the phone" sends "" (the consent stays).
import { useState } from 'preact/hooks';
import { PhoneField, SelectField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { UnitPicker } from '../UnitPicker';
import { ApiError, households, localValidation } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { CONSENT_CHANNELS, channelLabel, defaultChannel, isActiveVillage, onlyVillage } from '../../lib/households';
import { fieldErrors } from '../../lib/i18n';
import type { Household, HouseholdConsent, HouseholdInput, Role, UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  /** The user's scoped unit tree (GET /units/tree): the villages offered. */
  roots: readonly UnitNode[];
  /** The tree is still on its way. */
  loading?: boolean;
  /** The household being changed; absent for a new one. */
  household?: Household;
  /** The role of the person typing (the consent's likely channel). */
  role: Role;
  onDone: (household: Household, confirmation: string) => void;
  /** Someone else changed the household since it was loaded (409): load it again. */
  onStale?: () => void;
}


export function HouseholdForm({ roots, loading, household, role, onDone, onStale }: Props) {
  const { t } = useI18n();
  const [village, setVillage] = useState<number | null>(household?.village_id ?? null);
  const [f, setF] = useState({
    head_name: household?.head_name ?? '',
    address: household?.address ?? '',
    members: String(household?.members ?? 1),
    phone: '',
    consent_on: household?.consent?.on ?? todayIso(),
    consent_channel: household?.consent?.channel ?? defaultChannel(role),
    consent_text: household?.consent?.text_version ?? '',
    since_on: household?.since_on ?? '',
    left_on: household?.left_on ?? '',
    note: household?.note ?? '',
  });
  const [removePhone, setRemovePhone] = useState(false);
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const villageId = village ?? (household ? null : onlyVillage(roots));
  const withConsent = f.phone.trim() !== '' && !removePhone;
  const id = household ? `household-edit` : 'household-new';
  const labels: Record<string, string> = {
    village_id: t('community.village'),
    head_name: t('community.head_name'),
    address: t('community.address'),
    members: t('community.members'),
    phone: t('community.phone'),
    consent: t('community.consent'),
    'consent.on': t('community.consent_on'),
    'consent.channel': t('community.consent_channel'),
    'consent.text_version': t('community.consent_text_version'),
    since_on: t('community.since_on'),
    left_on: t('community.left_on'),
    note: t('community.note'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (villageId === null) {
      setError(localValidation([{ field: 'village_id', code: 'required' }]));
      return;
    }
    const consent: HouseholdConsent = {
      on: f.consent_on,
      channel: f.consent_channel as HouseholdConsent['channel'],
      text_version: f.consent_text.trim(),
    };
    const members = f.members.trim();
    const input: HouseholdInput = {
      village_id: villageId,
      head_name: f.head_name.trim(),
      address: f.address.trim(),
      members: members === '' ? 1 : Number(members),
      since_on: f.since_on || null,
      note: f.note.trim(),
      ...(household ? { left_on: f.left_on || null } : {}),
      ...(removePhone ? { phone: '' } : f.phone.trim() ? { phone: f.phone.trim() } : {}),
      ...(withConsent ? { consent } : {}),
    };
    void run(async () => {
      try {
        const saved = household
          ? await households.update(household.id, { ...input, version: household.version })
          : await households.create(input);
        onDone(saved, t(household ? 'community.saved' : 'community.created', { code: saved.code }));
      } catch (caught) {
        // The page loads the household again and says why; the form starts over from it.
        if (household && onStale && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id="household-form" noValidate onSubmit={submit} aria-labelledby="household-form-heading">
      <h2 id="household-form-heading">
        {household ? t('community.edit_title', { code: household.code }) : t('community.new_title')}
      </h2>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <UnitPicker
          id={`${id}-village`}
          label={labels.village_id}
          roots={roots}
          loading={loading}
          accept={isActiveVillage}
          value={villageId}
          onValue={setVillage}
          {...(household ? { valueLabel: household.village_name } : {})}
          placeholder={t('community.choose_village')}
          error={fe.village_id}
          required
        />
        <TextField id={`${id}-head`} label={labels.head_name} required maxLength={200} value={f.head_name} onValue={set('head_name')} error={fe.head_name} autocomplete="off" />
        <TextField id={`${id}-address`} label={labels.address} maxLength={300} value={f.address} onValue={set('address')} error={fe.address} autocomplete="off" />
        <TextField id={`${id}-members`} type="number" min={1} max={99} inputMode="numeric" label={labels.members} value={f.members} onValue={set('members')} error={fe.members} />
      </div>
      <PhoneField
        id={`${id}-phone`}
        label={labels.phone}
        keepHint={t('community.phone_keep_hint')}
        hint={t('community.phone_hint')}
        removeLabel={t('community.phone_remove')}
        hasPhone={!!household?.has_phone}
        value={f.phone}
        onValue={set('phone')}
        error={fe.phone}
        remove={removePhone}
        onRemove={setRemovePhone}
      />
      {withConsent ? (
        <fieldset id={`${id}-consent`}>
          <legend>{t('community.consent_legend')}</legend>
          <div class="form-grid">
            <TextField id={`${id}-consent-on`} type="date" label={labels['consent.on']} required value={f.consent_on} onValue={set('consent_on')} error={fe['consent.on'] ?? fe.consent} />
            <SelectField
              id={`${id}-consent-channel`}
              label={labels['consent.channel']}
              required
              value={f.consent_channel}
              onValue={set('consent_channel')}
              options={CONSENT_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
              error={fe['consent.channel']}
            />
            <TextField id={`${id}-consent-text`} label={labels['consent.text_version']} hint={t('community.consent_text_hint')} maxLength={50} value={f.consent_text} onValue={set('consent_text')} error={fe['consent.text_version']} autocomplete="off" />
          </div>
        </fieldset>
      ) : null}
      <div class="form-grid">
        <TextField id={`${id}-since`} type="date" label={labels.since_on} value={f.since_on} onValue={set('since_on')} error={fe.since_on} />
        {household ? (
          <TextField id={`${id}-left`} type="date" label={labels.left_on} hint={t('community.left_on_hint')} value={f.left_on} onValue={set('left_on')} error={fe.left_on} />
        ) : null}
      </div>
      <TextField id={`${id}-note`} label={labels.note} maxLength={2000} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={household ? t('community.save') : t('community.add')} />
    </form>
  );
}
