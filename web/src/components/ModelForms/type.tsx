// #model-type-new / #model-type-edit-<id>: a type of self-management model an administrator
// adds ("Tiếng kẻng an ninh"), or a change to one with its version (a 409 reloads the list
// and says so). A built-in type keeps its code, name and kind: they are shown, not asked,
// and sent back as read; an automatic type is never linked.
import { useState } from 'preact/hooks';
import styles from './style.module.css';
import { FactList } from '../DetailFrame';
import { CheckboxField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError, models } from '../../lib/api';
import { fieldErrors } from '../../lib/i18n';
import { typeKindLabel } from '../../lib/models';
import type { ModelType } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function TypeForm({
  type,
  onDone,
  onStale,
  onCancel,
}: {
  /** The type changed; absent for a new one. */
  type?: ModelType;
  onDone: (confirmation: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({
    code: type?.code ?? '',
    name: type?.name ?? '',
    description: type?.description ?? '',
    sort: String(type?.sort ?? 100),
  });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const [linked, setLinked] = useState(type?.linked ?? false);
  const [active, setActive] = useState(type?.active ?? true);
  const { error, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const fixed = type?.builtin ?? false;
  const id = type ? `model-type-edit-${type.id}` : 'model-type-new';
  const fields = {
    code: t('model_types.code'),
    name: t('model_types.name'),
    description: t('model_types.description'),
    linked: t('model_types.linked'),
    active: t('model_types.active'),
    sort: t('model_types.sort'),
    version: t('models.version'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const input = {
      code: f.code.trim().toUpperCase(),
      name: f.name.trim(),
      description: f.description.trim(),
      linked,
      active,
      sort: f.sort.trim() === '' ? 100 : Number(f.sort),
    };
    void run(async () => {
      try {
        const saved = type ? await models.updateType(type.id, { ...input, version: type.version }) : await models.createType(input);
        onDone(type ? t('model_types.saved', { name: saved.name }) : t('model_types.created', { name: saved.name, code: saved.code }));
      } catch (caught) {
        if (type && caught instanceof ApiError && caught.status === 409) {
          onStale();
          return;
        }
        throw caught;
      }
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{type ? t('model_types.edit_title', { name: type.name }) : t('model_types.new_title')}</h2>
      <ErrorMessage error={error} fields={fields} />
      {type && fixed ? (
        <div class={styles.fixed} id={`${id}-fixed`}>
          <p class="muted">{t('model_types.builtin_hint')}</p>
          <FactList facts={[[fields.code, type.code], [fields.name, type.name], [t('model_types.kind'), typeKindLabel(t, type)]]} />
        </div>
      ) : (
        <>
          <div class="form-grid">
            <TextField id={`${id}-code`} label={fields.code} required hint={t('model_types.code_hint')} maxLength={20} value={f.code} onValue={set('code')} error={fe.code} autocomplete="off" />
            <TextField id={`${id}-name`} label={fields.name} required maxLength={200} value={f.name} onValue={set('name')} error={fe.name} autocomplete="off" />
          </div>
          {type?.automatic ? null : (
            <CheckboxField id={`${id}-linked`} label={fields.linked} hint={t('model_types.linked_hint')} checked={linked} onChecked={setLinked} error={fe.linked} />
          )}
        </>
      )}
      <TextAreaField id={`${id}-description`} label={fields.description} maxLength={2000} rows={2} value={f.description} onValue={set('description')} error={fe.description} />
      <div class="form-grid">
        <TextField id={`${id}-sort`} type="number" inputMode="numeric" min={0} max={10000} label={fields.sort} hint={t('model_types.sort_hint')} value={f.sort} onValue={set('sort')} error={fe.sort} />
      </div>
      <CheckboxField id={`${id}-active`} label={fields.active} hint={t('model_types.active_hint')} checked={active} onChecked={setActive} error={fe.active} />
      <SubmitActions busy={busy} label={type ? t('models.save') : t('model_types.add_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
