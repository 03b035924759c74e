import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { CardTable } from '../components/CardTable';
import { CheckboxField, SelectField, TextField, type Option } from '../components/Field';
import { PhoneFields, phoneChange } from '../components/PhoneFields';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, StatusMessage } from '../components/Notice';
import { SubmitActions } from '../components/SubmitActions';
import { Pager } from '../components/Pager';
import { NO_UNITS, UnitPicker } from '../components/UnitPicker';
import { localValidation, users, units, type UserPatch } from '../lib/api';
import { fieldErrors, type Translator } from '../lib/i18n';
import { type Role, type UnitNode, type User } from '../lib/schema';
import { ROLES } from '../lib/enums';
import { useAsync } from '../lib/use-async';
import { useDebounced } from '../lib/use-debounced';
import { useAction } from '../lib/use-action';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';

const PAGE_SIZE = 50;

function userFieldLabels(t: Translator): Record<string, string> {
  return {
    username: t('users.username'),
    full_name: t('users.full_name'),
    role: t('users.role'),
    unit_id: t('users.unit'),
    password: t('users.password'),
    disabled: t('users.status'),
    phone: t('account.phone'),
    sms_opt_in: t('account.sms'),
  };
}

/** Accounts belong to units in force. */
const activeUnit = (unit: UnitNode) => unit.active;

/** /users (admin): the accounts, a form to create one and one to edit the chosen one. */
export function UsersPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('users.title'));
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<User | null>(null);
  const q = useDebounced(query.trim(), 300);

  useEffect(() => setPage(1), [q, role]);

  const list = useAsync(
    (signal) => users.list({ q, role: role as Role | '', page, page_size: PAGE_SIZE }, signal),
    [q, role, page],
  );
  // Every unit the admin may give an account: the whole scoped tree (cached by the server).
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const unitRoots = tree.data?.roots ?? NO_UNITS;
  const roleOptions: Option[] = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));

  const done = (message: string) => {
    setStatus(message);
    list.reload();
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      <StatusMessage>{status}</StatusMessage>

      <section aria-labelledby="users-list-heading">
        <h2 id="users-list-heading">{t('users.list')}</h2>
        <form role="search" class="form-grid" onSubmit={(event) => event.preventDefault()}>
          <TextField
            id="user-search"
            type="search"
            label={t('users.search')}
            value={query}
            onValue={setQuery}
            autocomplete="off"
          />
          <SelectField
            id="user-role-filter"
            label={t('users.role_filter')}
            value={role}
            onValue={setRole}
            options={roleOptions}
            placeholder={t('users.all_roles')}
          />
        </form>
        <LoadStatus state={list} />
        {list.data && list.data.items.length === 0 ? <p>{t('users.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <CardTable
            id="users-table"
            labelledBy="users-list-heading"
            columns={[
              t('users.username'),
              t('users.full_name'),
              t('users.role'),
              t('users.unit'),
              t('users.totp'),
              t('users.status'),
              t('users.actions'),
            ]}
          >
            {list.data.items.map((user) => (
              <tr key={user.id} data-username={user.username}>
                <td data-label={t('users.username')}>
                  <code>{user.username}</code>
                </td>
                <td data-label={t('users.full_name')}>{user.full_name}</td>
                <td data-label={t('users.role')}>{t(`role.${user.role}`)}</td>
                <td data-label={t('users.unit')}>{user.unit_name}</td>
                <td data-label={t('users.totp')}>
                  {user.totp_enabled ? t('users.totp_on') : t('users.totp_off')}
                </td>
                <td data-label={t('users.status')}>
                  {user.disabled ? t('users.disabled') : t('users.active')}
                </td>
                <td data-label={t('users.actions')}>
                  <button
                    type="button"
                    class="secondary"
                    data-edit-user={user.username}
                    aria-label={t('users.edit_button', { username: user.username })}
                    onClick={() => setEditing(user)}
                  >
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </CardTable>
        ) : null}
        {list.data ? (
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        ) : null}
      </section>

      <ErrorMessage error={tree.error} />

      {editing ? (
        <UserEditForm
          key={editing.id}
          user={editing}
          roleOptions={roleOptions}
          unitRoots={unitRoots}
          unitsLoading={tree.loading}
          onClose={() => setEditing(null)}
          onDone={(message, updated) => {
            setEditing(updated);
            done(message);
          }}
        />
      ) : null}
      <UserCreateForm
        roleOptions={roleOptions}
        unitRoots={unitRoots}
        unitsLoading={tree.loading}
        onDone={done}
      />
    </>
  );
}

interface FormProps {
  roleOptions: Option[];
  /** The units an account may belong to (the admin's scoped tree). */
  unitRoots: readonly UnitNode[];
  unitsLoading: boolean;
}

function UserCreateForm({
  roleOptions,
  unitRoots,
  unitsLoading,
  onDone,
}: FormProps & { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const submit = (event: Event) => {
    event.preventDefault();
    if (unitId === null) {
      setError(localValidation([{ field: 'unit_id', code: 'required' }]));
      return;
    }
    void run(async () => {
      const created = await users.create({
        username: username.trim(),
        full_name: fullName.trim(),
        role: role as Role,
        unit_id: unitId,
        password,
      });
      setUsername('');
      setFullName('');
      setPassword('');
      onDone(t('users.created', { username: created.username }));
    });
  };

  return (
    <form
      class="panel"
      id="user-create-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="user-create-heading"
    >
      <h2 id="user-create-heading">{t('users.create')}</h2>
      <ErrorMessage error={error} fields={userFieldLabels(t)} />
      <div class="form-grid">
        <TextField
          id="new-username"
          label={t('users.username')}
          value={username}
          onValue={setUsername}
          error={fe.username}
          required
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          maxLength={64}
        />
        <TextField
          id="new-full-name"
          label={t('users.full_name')}
          value={fullName}
          onValue={setFullName}
          error={fe.full_name}
          required
          autocomplete="off"
          maxLength={200}
        />
        <SelectField
          id="new-role"
          label={t('users.role')}
          value={role}
          onValue={setRole}
          options={roleOptions}
          placeholder={t('users.choose_role')}
          error={fe.role}
          required
        />
        <UnitPicker
          id="new-unit"
          label={t('users.unit')}
          roots={unitRoots}
          loading={unitsLoading}
          value={unitId}
          onValue={setUnitId}
          accept={activeUnit}
          error={fe.unit_id}
          required
        />
        <TextField
          id="new-password"
          type="password"
          label={t('users.password')}
          value={password}
          onValue={setPassword}
          error={fe.password}
          required
          autocomplete="new-password"
        />
      </div>
      <SubmitActions busy={busy} label={t('users.create_submit')} />
    </form>
  );
}

interface EditProps extends FormProps {
  user: User;
  onClose: () => void;
  onDone: (message: string, updated: User) => void;
}

function UserEditForm({
  user,
  roleOptions,
  unitRoots,
  unitsLoading,
  onClose,
  onDone,
}: EditProps) {
  const { t } = useI18n();
  const [fullName, setFullName] = useState(user.full_name);
  const [role, setRole] = useState<string>(user.role);
  const [unitId, setUnitId] = useState<number | null>(user.unit_id);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState(user.phone_national ?? '');
  const [sms, setSms] = useState(user.sms_opt_in);
  const { error, setError, busy, run } = useAction();
  const [nothing, setNothing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fe = fieldErrors(t, error);

  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    if (unitId === null) {
      setError(localValidation([{ field: 'unit_id', code: 'required' }]));
      return;
    }
    const patch: UserPatch = {};
    if (fullName.trim() !== user.full_name) patch.full_name = fullName.trim();
    if (role !== user.role) patch.role = role as Role;
    if (unitId !== user.unit_id) patch.unit_id = unitId;
    if (disabled !== user.disabled) patch.disabled = disabled;
    if (password) patch.password = password;
    const phoneChanged = phoneChange(phone, user.phone_national);
    if (phoneChanged !== undefined) patch.phone = phoneChanged;
    if (sms !== user.sms_opt_in) patch.sms_opt_in = sms;
    if (Object.keys(patch).length === 0) {
      setError(null);
      setNothing(true);
      return;
    }
    setNothing(false);
    void run(async () => {
      const updated = await users.update(user.id, patch);
      const name = { username: updated.username };
      const sentences: string[] = [];
      if (patch.full_name !== undefined || patch.role !== undefined || patch.unit_id !== undefined)
        sentences.push(t('users.updated', name));
      if (patch.disabled !== undefined)
        sentences.push(patch.disabled ? t('users.locked', name) : t('users.unlocked', name));
      if (patch.password !== undefined) sentences.push(t('users.password_reset', name));
      if (patch.phone !== undefined || patch.sms_opt_in !== undefined) sentences.push(t('users.phone_saved', name));
      setPassword('');
      onDone(sentences.join(' '), updated);
    });
  };

  return (
    <form
      class="panel"
      id="user-edit-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="user-edit-heading"
    >
      <h2 id="user-edit-heading" ref={headingRef} tabIndex={-1}>
        {t('users.edit', { username: user.username })}
      </h2>
      <ErrorMessage
        error={error}
        fields={{ ...userFieldLabels(t), password: t('users.reset_password') }}
      />
      {nothing ? <p role="status">{t('units.no_changes')}</p> : null}
      <div class="form-grid">
        <TextField
          id="edit-full-name"
          label={t('users.full_name')}
          value={fullName}
          onValue={setFullName}
          error={fe.full_name}
          required
          maxLength={200}
        />
        <SelectField
          id="edit-role"
          label={t('users.role')}
          value={role}
          onValue={setRole}
          options={roleOptions}
          error={fe.role}
          required
        />
        <UnitPicker
          id="edit-unit"
          label={t('users.unit')}
          roots={unitRoots}
          loading={unitsLoading}
          value={unitId}
          onValue={setUnitId}
          accept={activeUnit}
          // The account's unit may have ended since (merged): its name still shows.
          valueLabel={user.unit_name}
          error={fe.unit_id}
          required
        />
        <TextField
          id="edit-password"
          type="password"
          label={t('users.reset_password')}
          value={password}
          onValue={setPassword}
          error={fe.password}
          autocomplete="new-password"
        />
      </div>
      <PhoneFields id="edit" phone={phone} onPhone={setPhone} sms={sms} onSms={setSms} errors={fe} />
      <CheckboxField
        id="edit-disabled"
        label={t('users.lock')}
        checked={disabled}
        onChecked={setDisabled}
        error={fe.disabled}
      />
      <SubmitActions busy={busy} label={t('common.save')}>
        <button type="button" class="secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </SubmitActions>
    </form>
  );
}
