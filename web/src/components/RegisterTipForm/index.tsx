// #register-form: an officer records a tip received through another channel (in person,
// phone, post, VNeID, another agency, a letter from a paper mailbox), with attachments.
import { useEffect, useState } from 'preact/hooks';
import styles from './style.module.css';
import { CommunePicker, useCommuneChoice, VillagePicker } from '../CommuneFields';
import {
  CheckboxField,
  FileField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../Field';
import { Link } from '../Link';
import { ErrorMessage, InfoMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { boxes, localValidation, tips, type TipRegisterInput } from '../../lib/api';
import { lettersLeft, openingLabel, recentOpenings } from '../../lib/boxes';
import { ACCEPTED_FILES, MAX_FILES } from '../../lib/files';
import { fieldErrors, type Translator } from '../../lib/i18n';
import type {
  IdentityMode,
  MailboxTaxonomies,
  Opening,
  TipChannel,
  TipKind,
  TipRegistered,
  UnitNode,
} from '../../lib/schema';
import { registrableChannels } from '../../lib/taxonomies';
import { useAction } from '../../lib/use-action';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

const MAX_DESCRIPTION = 10000;

/** Every opening of a commune's boxes (taken-down boxes too: their letters still count). */
export async function communeOpenings(unitId: number, signal?: AbortSignal): Promise<Opening[]> {
  const list = await boxes.list(unitId, signal);
  const all = await Promise.all(
    list.items.filter((box) => box.openings > 0).map((box) => boxes.openings(box.id, signal)),
  );
  return all.flatMap((answer) => answer.items);
}

export interface RegisterDefaults {
  unitId: number | null;
  channel: TipChannel | '';
  openingId: number | null;
}

interface Props {
  /** The communes the officer covers, with their villages. */
  communes: readonly UnitNode[];
  defaults: RegisterDefaults;
  /** The server's kinds, channels and identity modes (lib/taxonomies.ts). */
  taxonomies: MailboxTaxonomies;
  onDone: (result: TipRegistered, files: number) => void;
}

export function RegisterTipForm({ communes, defaults, taxonomies, onDone }: Props) {
  const { t } = useI18n();
  const choice = useCommuneChoice(communes, defaults.unitId);
  const { unitId } = choice;
  const [channel, setChannel] = useState<string>(defaults.channel);
  const [openingId, setOpeningId] = useState(
    defaults.openingId !== null ? String(defaults.openingId) : '',
  );
  const [kind, setKind] = useState('');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  const [where, setWhere] = useState('');
  const [identityMode, setIdentityMode] = useState<IdentityMode>('anonymous');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [wantsOutcome, setWantsOutcome] = useState(false);
  const [issueReceipt, setIssueReceipt] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const box = channel === 'box';
  const openings = useAsync(
    (signal) => (box && unitId ? communeOpenings(Number(unitId), signal) : Promise.resolve(null)),
    [box, unitId],
  );
  const offered = openings.data
    ? recentOpenings(openings.data, undefined, openingId ? Number(openingId) : null)
    : [];
  // An opening of another commune (after changing it), or one whose letters are all
  // registered (the last one was just registered), is no longer a choice.
  useEffect(() => {
    if (!openings.data || !openingId) return;
    const chosen = openings.data.find((o) => String(o.id) === openingId);
    if (!chosen || lettersLeft(chosen) === 0) setOpeningId('');
  }, [openings.data, openingId]);

  const labels: Record<string, string> = {
    unit_id: t('register.unit'),
    channel: t('register.channel'),
    box_opening_id: t('register.opening'),
    kind: t('register.kind'),
    village_id: t('register.village'),
    description: t('register.description'),
    when: t('register.when'),
    where: t('register.where'),
    identity_mode: t('register.identity_mode'),
    'identity.name': t('register.identity_name'),
    'identity.phone': t('register.identity_phone'),
    'identity.address': t('register.identity_address'),
    files: t('register.files'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const missing: { field: string; code: string }[] = [];
    if (!unitId) missing.push({ field: 'unit_id', code: 'required' });
    if (!channel) missing.push({ field: 'channel', code: 'required' });
    if (box && !openingId) missing.push({ field: 'box_opening_id', code: 'required' });
    if (!kind) missing.push({ field: 'kind', code: 'required' });
    if (!description.trim()) missing.push({ field: 'description', code: 'required' });
    if (identityMode !== 'anonymous' && !name.trim())
      missing.push({ field: 'identity.name', code: 'required' });
    if (files.length > MAX_FILES) missing.push({ field: 'files', code: 'too_many_files' });
    if (missing.length) {
      setError(localValidation(missing));
      return;
    }
    const input: TipRegisterInput = {
      unit_id: Number(unitId),
      kind: kind as TipKind,
      channel: channel as TipChannel,
      description: description.trim(),
      identity_mode: identityMode,
    };
    if (choice.villageId) input.village_id = Number(choice.villageId);
    if (when.trim()) input.when = when.trim();
    if (where.trim()) input.where = where.trim();
    if (identityMode !== 'anonymous')
      input.identity = { name: name.trim(), phone: phone.trim(), address: address.trim() };
    if (wantsOutcome) input.wants_outcome = true;
    if (issueReceipt) input.issue_receipt = true;
    if (box) input.box_opening_id = Number(openingId);
    void run(async () => {
      const result = await tips.register(input, files);
      onDone(result, files.length);
    }).then((ok) => {
      // The counts of letters may have changed (another officer registered one).
      if (!ok && box) openings.reload();
    });
  };

  const channelOptions: Option[] = registrableChannels(taxonomies).map((c) => ({
    value: c,
    label: t(`tip_channel.${c}`),
  }));
  const kindOptions: Option[] = taxonomies.kinds.map(({ code }) => ({
    value: code,
    label: t(`tip_kind.${code}`),
  }));
  const modeOptions: Option[] = taxonomies.identity_modes.map(({ code }) => ({
    value: code,
    label: t(`identity_mode.${code}`),
  }));

  return (
    <form id="register-form" onSubmit={submit} noValidate aria-label={t('register.title')}>
      <ErrorMessage error={error} fields={labels} />
      <div class="form-grid">
        <CommunePicker
          id="register-unit"
          label={labels.unit_id}
          choice={choice}
          placeholder={t('register.choose_unit')}
          error={fe.unit_id}
        />
        <SelectField
          id="register-channel"
          label={labels.channel}
          value={channel}
          onValue={setChannel}
          options={channelOptions}
          placeholder={t('register.choose_channel')}
          error={fe.channel}
          required
        />
      </div>
      {box ? (
        <div class={styles.opening}>
          {!unitId ? (
            <p class="muted" id="register-opening-wait">
              {t('register.choose_unit_first')}
            </p>
          ) : openings.loading && !openings.data ? (
            <p role="status">{t('common.loading')}</p>
          ) : openings.error ? (
            <ErrorMessage error={openings.error} />
          ) : offered.length === 0 ? (
            <InfoMessage>
              <span id="register-openings-none">{t('register.openings_none')}</span>{' '}
              <Link href="/mailbox/boxes">{t('register.openings_link')}</Link>
            </InfoMessage>
          ) : (
            <SelectField
              id="register-opening"
              label={labels.box_opening_id}
              hint={t('register.opening_hint')}
              value={openingId}
              onValue={setOpeningId}
              options={openingOptions(t, offered)}
              placeholder={t('register.choose_opening')}
              error={fe.box_opening_id}
              required
            />
          )}
        </div>
      ) : null}
      <div class="form-grid">
        <SelectField
          id="register-kind"
          label={labels.kind}
          value={kind}
          onValue={setKind}
          options={kindOptions}
          placeholder={t('register.choose_kind')}
          error={fe.kind}
          required
        />
        <VillagePicker
          id="register-village"
          label={labels.village_id}
          choice={choice}
          placeholder={t('register.village_none')}
          error={fe.village_id}
        />
      </div>
      <TextAreaField
        id="register-description"
        label={labels.description}
        hint={t('register.description_hint')}
        value={description}
        onValue={setDescription}
        error={fe.description}
        required
        rows={6}
        maxLength={MAX_DESCRIPTION}
      />
      <div class="form-grid">
        <TextField
          id="register-when"
          label={labels.when}
          value={when}
          onValue={setWhen}
          error={fe.when}
          maxLength={500}
          autocomplete="off"
        />
        <TextField
          id="register-where"
          label={labels.where}
          value={where}
          onValue={setWhere}
          error={fe.where}
          maxLength={500}
          autocomplete="off"
        />
      </div>
      <fieldset>
        <legend>{t('register.tipster')}</legend>
        <p class="muted">{t('register.identity_hint')}</p>
        <div class={styles.narrow}>
          <SelectField
            id="register-identity-mode"
            label={labels.identity_mode}
            value={identityMode}
            onValue={(value) => setIdentityMode(value as IdentityMode)}
            options={modeOptions}
            error={fe.identity_mode}
            required
          />
        </div>
        {identityMode !== 'anonymous' ? (
          <div class="form-grid">
            <TextField
              id="register-identity-name"
              label={labels['identity.name']}
              value={name}
              onValue={setName}
              error={fe['identity.name']}
              required
              maxLength={200}
              autocomplete="off"
            />
            <TextField
              id="register-identity-phone"
              type="tel"
              label={labels['identity.phone']}
              value={phone}
              onValue={setPhone}
              error={fe['identity.phone']}
              maxLength={30}
              autocomplete="off"
            />
            <TextField
              id="register-identity-address"
              label={labels['identity.address']}
              value={address}
              onValue={setAddress}
              error={fe['identity.address']}
              maxLength={500}
              autocomplete="off"
            />
          </div>
        ) : null}
        <CheckboxField
          id="register-wants-outcome"
          label={t('register.wants_outcome')}
          checked={wantsOutcome}
          onChecked={setWantsOutcome}
        />
        <CheckboxField
          id="register-issue-receipt"
          label={t('register.issue_receipt')}
          checked={issueReceipt}
          onChecked={setIssueReceipt}
        />
      </fieldset>
      <FileField
        id="register-files"
        label={labels.files}
        hint={t('register.files_hint', { max: MAX_FILES })}
        files={files}
        onFiles={setFiles}
        accept={ACCEPTED_FILES}
        multiple
        error={fe.files}
      />
      <SubmitActions busy={busy} label={t('register.submit')} />
    </form>
  );
}

/** The openings as choices; those whose letters are all registered cannot be chosen. */
function openingOptions(t: Translator, openings: readonly Opening[]): Option[] {
  return openings.map((opening) => {
    const full = lettersLeft(opening) === 0;
    return {
      value: String(opening.id),
      label: openingLabel(t, opening) + (full ? ` — ${t('register.opening_full')}` : ''),
      disabled: full,
    };
  });
}
