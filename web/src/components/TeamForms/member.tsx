// #team-member-new / #team-member-edit-<id>: a member of a security team, or a change to one
// (with the version edited; a 409 reloads the team and says so), the day they left included.
// The phone is taken as people type it and never shown back: on a change an empty phone
// keeps the stored one and "remove the phone" sends "". A person already in another team,
// or a second leader, is refused with that team or leader named, in the server's words.
import { useState } from 'preact/hooks';
import { CheckboxField, PhoneField, SelectField, TextAreaField, TextField } from '../Field';
import { AlertMessage, ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, teams } from '../../lib/api';
import { todayIso } from '../../lib/format';
import type { SecurityTeam, TeamMember, TeamMemberPosition } from '../../lib/schema';
import { namedFieldErrors, POSITIONS, positionLabel, splitNamed } from '../../lib/teams';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function MemberForm({
  team,
  member,
  onDone,
  onStale,
  onCancel,
}: {
  team: SecurityTeam;
  /** The member changed; absent for a new one. */
  member?: TeamMember;
  onDone: (confirmation: string) => void;
  /** Someone else changed the member since it was loaded (409): load the team again. */
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({
    full_name: member?.full_name ?? '',
    birth_date: member?.birth_date ?? '',
    position: (member?.position ?? 'member') as TeamMemberPosition,
    residence: member?.residence ?? '',
    phone: '',
    joined_on: member?.joined_on ?? todayIso(),
    left_on: member?.left_on ?? '',
    note: member?.note ?? '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [phonePublic, setPhonePublic] = useState(member?.phone_public ?? false);
  const [removePhone, setRemovePhone] = useState(false);
  const { error, busy, run } = useAction();
  const fe = namedFieldErrors(t, error);
  const { named, rest } = splitNamed(error);
  const id = member ? `team-member-edit-${member.id}` : 'team-member-new';
  const fields: Record<string, string> = {
    full_name: t('teams.member_name'),
    birth_date: t('teams.birth_date'),
    position: t('teams.position'),
    residence: t('teams.residence'),
    phone: t('teams.phone'),
    phone_public: t('teams.phone_public'),
    joined_on: t('teams.joined_on'),
    left_on: t('teams.left_on'),
    note: t('teams.note'),
    version: t('teams.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const phone = f.phone.trim();
    const input = {
      full_name: f.full_name.trim(),
      birth_date: f.birth_date,
      position: f.position,
      residence: f.residence.trim(),
      ...(removePhone ? { phone: '' } : phone ? { phone } : {}),
      phone_public: phonePublic,
      joined_on: f.joined_on,
      left_on: f.left_on || null,
      note: f.note.trim(),
    };
    void run(async () => {
      try {
        if (member) {
          const saved = await teams.updateMember(member.id, { ...input, version: member.version });
          onDone(t('teams.member_saved', { name: saved.full_name }));
        } else {
          const saved = await teams.addMember(team.id, input);
          onDone(t('teams.member_added', { name: saved.full_name, code: team.code }));
        }
      } catch (caught) {
        if (member && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{member ? t('teams.member_edit_title', { name: member.full_name }) : t('teams.member_new_title', { code: team.code })}</h3>
      <ErrorMessage error={rest} fields={fields} />
      {named.length > 0 ? (
        <div id={`${id}-named`}>
          <AlertMessage title={t('teams.member_refused')}>
            {named.map((e) => `${fields[e.field] ?? e.field}: ${e.message}`).join(' · ')}
          </AlertMessage>
        </div>
      ) : null}
      <div class="form-grid">
        <TextField id={`${id}-name`} label={fields.full_name} required maxLength={200} value={f.full_name} onValue={set('full_name')} error={fe.full_name} autocomplete="off" />
        <TextField id={`${id}-birth`} type="date" label={fields.birth_date} required value={f.birth_date} onValue={set('birth_date')} error={fe.birth_date} />
        <SelectField
          id={`${id}-position`}
          label={fields.position}
          required
          value={f.position}
          onValue={set('position')}
          options={POSITIONS.map((p) => ({ value: p, label: positionLabel(t, p) }))}
          error={fe.position}
        />
      </div>
      <TextField id={`${id}-residence`} label={fields.residence} hint={t('teams.residence_hint')} maxLength={300} value={f.residence} onValue={set('residence')} error={fe.residence} autocomplete="off" />
      <PhoneField
        id={`${id}-phone`}
        label={fields.phone}
        keepHint={t('teams.phone_keep_hint')}
        hint={t('teams.phone_hint')}
        removeLabel={t('teams.phone_remove')}
        hasPhone={!!member?.has_phone}
        value={f.phone}
        onValue={set('phone')}
        error={fe.phone}
        remove={removePhone}
        onRemove={setRemovePhone}
      />
      <CheckboxField
        id={`${id}-phone-public`}
        label={fields.phone_public}
        hint={t('teams.phone_public_hint')}
        checked={phonePublic}
        onChecked={setPhonePublic}
        error={fe.phone_public}
      />
      <div class="form-grid">
        <TextField id={`${id}-joined`} type="date" label={fields.joined_on} required value={f.joined_on} onValue={set('joined_on')} error={fe.joined_on} />
        <TextField id={`${id}-left`} type="date" label={fields.left_on} hint={t('teams.left_on_hint')} value={f.left_on} onValue={set('left_on')} error={fe.left_on} />
      </div>
      <TextAreaField id={`${id}-note`} label={fields.note} maxLength={2000} rows={2} value={f.note} onValue={set('note')} error={fe.note} />
      <SubmitActions busy={busy} label={member ? t('teams.save') : t('teams.member_add')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
