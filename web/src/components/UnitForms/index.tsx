import { useState } from 'preact/hooks';
import styles from './style.module.css';
import { CsvImportForm } from '../CsvImportForm';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { NO_UNITS, UnitPicker, unitSearchOf } from '../UnitPicker';
import { localValidation, units, type UnitPatch } from '../../lib/api';
import { fieldErrors, type Translator } from '../../lib/i18n';
import { formatDate, formatNumber, parseDateInput, todayIso, unitLabel } from '../../lib/format';
import { resolveUnitRefs, type UnitIndex } from '../../lib/unit-index';
import { isWithin } from '../../lib/unit-search';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import {
  type Unit,
  type UnitKind,
  type UnitNode,
} from '../../lib/schema';

/** Confirmation sentence for the page's status line. */
type Done = (message: string, changedUnitId?: number) => void;

function unitFieldLabels(t: Translator): Record<string, string> {
  return {
    code: t('units.code'),
    name: t('units.name'),
    kind: t('units.kind'),
    designation: t('units.designation'),
    parent_id: t('units.parent'),
    valid_from: t('units.valid_from'),
    valid_to: t('units.valid_to'),
    remote: t('units.remote'),
    note: t('units.note'),
  };
}

const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = {
  country: 'province',
  province: 'commune',
  district: 'commune',
};

// ---- Add a child unit ---------------------------------------------------------------------

interface CreateProps {
  parent: Unit;
  /** The kinds the user may add under `parent` (the unit's `child_kinds`, from the server). */
  kinds: readonly UnitKind[];
  onDone: Done;
}

/** POST /units under `parent`; an officer may only add villages, agencies, enterprises, schools. */
export function UnitCreateForm({ parent, kinds, onDone }: CreateProps) {
  const { t } = useI18n();
  const usual = CHILD_KIND[parent.kind] ?? 'residential_area';
  const defaultKind = kinds.includes(usual) ? usual : (kinds[0] ?? usual);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>(defaultKind);
  const [designation, setDesignation] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [remote, setRemote] = useState(parent.remote);
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);

  const submit = (event: Event) => {
    event.preventDefault();
    const from = parseDateInput(validFrom);
    if (from === null) {
      setError(localValidation([{ field: 'valid_from', code: 'invalid_date' }]));
      return;
    }
    void run(async () => {
      const created = await units.create({
        code: code.trim(),
        name: name.trim(),
        kind: kind as UnitKind,
        parent_id: parent.id,
        remote,
        ...(designation.trim() ? { designation: designation.trim() } : {}),
        ...(from ? { valid_from: from } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setCode('');
      setName('');
      setDesignation('');
      setValidFrom('');
      setNote('');
      onDone(t('units.created', { name: unitLabel(created), code: created.code }), created.id);
    });
  };

  return (
    <form
      class="panel"
      id="unit-create-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="unit-create-heading"
    >
      <h3 id="unit-create-heading">{t('units.add_child', { name: unitLabel(parent) })}</h3>
      <ErrorMessage error={error} fields={unitFieldLabels(t)} />
      <div class="form-grid">
        <TextField
          id="new-unit-name"
          label={t('units.name')}
          value={name}
          onValue={setName}
          error={fe.name}
          required
          maxLength={200}
        />
        <TextField
          id="new-unit-code"
          label={t('units.code')}
          value={code}
          onValue={setCode}
          error={fe.code}
          required
          maxLength={32}
          autocapitalize="none"
          spellcheck={false}
        />
        <SelectField
          id="new-unit-kind"
          label={t('units.kind')}
          value={kind}
          onValue={setKind}
          error={fe.kind}
          required
          options={kinds.map((k) => ({ value: k, label: t(`unit_kind.${k}`) }))}
        />
        <TextField
          id="new-unit-designation"
          label={t('units.designation')}
          hint={t('units.designation_hint')}
          value={designation}
          onValue={setDesignation}
          error={fe.designation}
          maxLength={64}
        />
        <DateField
          id="new-unit-valid-from"
          label={t('units.valid_from')}
          value={validFrom}
          onValue={setValidFrom}
          error={fe.valid_from}
        />
      </div>
      <CheckboxField
        id="new-unit-remote"
        label={t('units.remote')}
        checked={remote}
        onChecked={setRemote}
        error={fe.remote}
      />
      <TextAreaField
        id="new-unit-note"
        label={t('units.note')}
        value={note}
        onValue={setNote}
        error={fe.note}
        rows={2}
        maxLength={2000}
      />
      {fe.parent_id ? <p class={styles.error}>{`${t('units.parent')}: ${fe.parent_id}`}</p> : null}
      <SubmitActions busy={busy} label={t('units.add_submit')} />
    </form>
  );
}

// ---- Edit a unit --------------------------------------------------------------------------

interface EditProps {
  unit: Unit;
  /** The user's unit tree, to move the unit under another one. */
  roots?: readonly UnitNode[];
  /** The current parent's name, for a parent outside the tree. */
  parentName?: string | undefined;
  onDone: Done;
}

/** PATCH /units/{id} with only the fields that changed. */
export function UnitEditForm({ unit, roots = NO_UNITS, parentName, onDone }: EditProps) {
  const { t } = useI18n();
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code);
  const [designation, setDesignation] = useState(unit.designation ?? '');
  const [parentId, setParentId] = useState<number | null>(unit.parent_id);
  const [validTo, setValidTo] = useState(formatDate(unit.valid_to));
  const [remote, setRemote] = useState(unit.remote);
  const [note, setNote] = useState(unit.note ?? '');
  const { error, setError, busy, run } = useAction();
  const [nothing, setNothing] = useState(false);
  const fe = fieldErrors(t, error);

  const submit = (event: Event) => {
    event.preventDefault();
    const patch: UnitPatch = {};
    if (name.trim() !== unit.name) patch.name = name.trim();
    if (code.trim() !== unit.code) patch.code = code.trim();
    if (designation.trim() !== (unit.designation ?? '')) patch.designation = designation.trim();
    if (parentId !== unit.parent_id) {
      if (parentId === null) {
        setError(localValidation([{ field: 'parent_id', code: 'required' }]));
        return;
      }
      patch.parent_id = parentId;
    }
    const to = parseDateInput(validTo);
    if (to === null) {
      setError(localValidation([{ field: 'valid_to', code: 'invalid_date' }]));
      return;
    }
    if (to !== (unit.valid_to ?? '')) patch.valid_to = to || null;
    if (remote !== unit.remote) patch.remote = remote;
    if (note.trim() !== (unit.note ?? '')) patch.note = note.trim();
    if (Object.keys(patch).length === 0) {
      setError(null);
      setNothing(true);
      return;
    }
    setNothing(false);
    void run(async () => {
      const updated = await units.update(unit.id, patch);
      onDone(t('units.updated', { name: unitLabel(updated) }), updated.id);
    });
  };

  return (
    <form
      class="panel"
      id="unit-edit-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="unit-edit-heading"
    >
      <h3 id="unit-edit-heading">{t('units.edit', { name: unitLabel(unit) })}</h3>
      <ErrorMessage error={error} fields={unitFieldLabels(t)} />
      {nothing ? <p role="status">{t('units.no_changes')}</p> : null}
      <div class="form-grid">
        <TextField
          id="edit-unit-name"
          label={t('units.name')}
          value={name}
          onValue={setName}
          error={fe.name}
          required
          maxLength={200}
        />
        <TextField
          id="edit-unit-code"
          label={t('units.code')}
          value={code}
          onValue={setCode}
          error={fe.code}
          required
          maxLength={32}
          autocapitalize="none"
          spellcheck={false}
        />
        <TextField
          id="edit-unit-designation"
          label={t('units.designation')}
          value={designation}
          onValue={setDesignation}
          error={fe.designation}
          maxLength={64}
        />
        <UnitPicker
          id="edit-unit-parent"
          label={t('units.parent')}
          hint={t('units.parent_hint')}
          roots={roots}
          // A unit moves under a unit in force, never under itself or what lies below it.
          accept={(candidate) =>
            candidate.active && !isWithin(unitSearchOf(roots), candidate.id, unit.id)
          }
          value={parentId}
          onValue={setParentId}
          valueLabel={parentName}
          error={fe.parent_id}
          required={unit.parent_id !== null}
        />
        <DateField
          id="edit-unit-valid-to"
          label={t('units.valid_to')}
          hint={t('units.valid_to_hint')}
          value={validTo}
          onValue={setValidTo}
          error={fe.valid_to}
        />
      </div>
      <CheckboxField
        id="edit-unit-remote"
        label={t('units.remote')}
        checked={remote}
        onChecked={setRemote}
        error={fe.remote}
      />
      <TextAreaField
        id="edit-unit-note"
        label={t('units.note')}
        value={note}
        onValue={setNote}
        error={fe.note}
        rows={2}
        maxLength={2000}
      />
      <SubmitActions busy={busy} label={t('common.save')} />
    </form>
  );
}

// ---- Merge units (admin) --------------------------------------------------------------------

interface MergeProps {
  index: UnitIndex;
  /** The tree `index` was made from: the target is chosen in it. */
  roots?: readonly UnitNode[];
  selected: Unit | null;
  onDone: Done;
}

/** POST /units/merge: sources typed as codes or IDs (or taken from the tree), the target
 *  chosen with the unit picker. */
export function UnitMergeForm({ index, roots = NO_UNITS, selected, onDone }: MergeProps) {
  const { t } = useI18n();
  const [sources, setSources] = useState('');
  const [targetId, setTargetId] = useState<number | null>(null);
  const [date, setDate] = useState(formatDate(todayIso()));
  const [basis, setBasis] = useState('');
  const { error, setError, busy, run } = useAction();

  const sourceRefs = resolveUnitRefs(sources, index);
  const fe = fieldErrors(t, error);
  const localErrors: Record<string, string> = {};
  if (sourceRefs.unknown.length)
    localErrors.source_ids = t('units.merge_unknown', { list: sourceRefs.unknown.join(', ') });

  const ready = sourceRefs.ids.length > 0 && targetId !== null && sourceRefs.unknown.length === 0;

  const addSelected = () => {
    if (!selected) return;
    const present = resolveUnitRefs(sources, index).ids.includes(selected.id);
    if (!present)
      setSources(sources.trim() ? `${sources.trim()}, ${selected.code}` : selected.code);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setError(null);
    const effective = parseDateInput(date);
    if (!ready || targetId === null || !effective) {
      setError(
        localValidation([
          ...(sourceRefs.ids.length === 0 && !sourceRefs.unknown.length
            ? [{ field: 'source_ids', code: 'required' }]
            : []),
          ...(targetId === null ? [{ field: 'target_id', code: 'required' }] : []),
          ...(!effective
            ? [{ field: 'effective_date', code: effective === '' ? 'required' : 'invalid_date' }]
            : []),
        ]),
      );
      return;
    }
    void run(async () => {
      const merged = await units.merge({
        source_ids: sourceRefs.ids,
        target_id: targetId,
        effective_date: effective,
        basis: basis.trim(),
      });
      setSources('');
      setTargetId(null);
      setBasis('');
      onDone(
        t('units.merged', { count: formatNumber(sourceRefs.ids.length), name: unitLabel(merged) }),
        merged.id,
      );
    });
  };

  const labels = {
    source_ids: t('units.merge_sources'),
    target_id: t('units.merge_target'),
    effective_date: t('units.merge_date'),
    basis: t('units.merge_basis'),
  };

  return (
    <form
      class="panel"
      id="unit-merge-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="unit-merge-heading"
    >
      <h3 id="unit-merge-heading">{t('units.merge')}</h3>
      <p>{t('units.merge_help')}</p>
      <ErrorMessage error={error} fields={labels} />
      <TextField
        id="merge-sources"
        label={labels.source_ids}
        value={sources}
        onValue={setSources}
        error={localErrors.source_ids ?? fe.source_ids}
        required
        autocapitalize="none"
        spellcheck={false}
      />
      {selected ? (
        <div class="actions">
          <button type="button" class="secondary" id="merge-add-selected" onClick={addSelected}>
            {t('units.merge_add_selected', { name: unitLabel(selected) })}
          </button>
        </div>
      ) : null}
      <UnitPicker
        id="merge-target"
        label={labels.target_id}
        roots={roots}
        accept={(unit) => unit.active && !sourceRefs.ids.includes(unit.id)}
        value={targetId}
        onValue={setTargetId}
        error={fe.target_id}
        required
      />
      {selected ? (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            id="merge-use-selected"
            onClick={() => setTargetId(selected.id)}
          >
            {t('units.merge_use_selected', { name: unitLabel(selected) })}
          </button>
        </div>
      ) : null}
      <div class="form-grid">
        <DateField
          id="merge-date"
          label={labels.effective_date}
          value={date}
          onValue={setDate}
          error={fe.effective_date}
          required
        />
        <TextField
          id="merge-basis"
          label={labels.basis}
          hint={t('units.merge_basis_hint')}
          value={basis}
          onValue={setBasis}
          error={fe.basis}
          required
          maxLength={500}
        />
      </div>
      {ready && targetId !== null ? (
        <p class={styles.preview} id="merge-preview">
          {t('units.merge_preview', {
            sources: sourceRefs.ids.map(index.nameOf).join(', '),
            target: index.nameOf(targetId),
          })}
        </p>
      ) : null}
      <SubmitActions busy={busy} label={t('units.merge_submit')} />
    </form>
  );
}

// ---- CSV import ---------------------------------------------------------------------------

/** POST /units/import with the chosen file as text/csv; shows counts or the rejected lines. */
export function UnitImportForm({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  return (
    <CsvImportForm
      id="unit-import-form"
      prefix="import"
      labels={{
        heading: t('units.import'),
        file: t('units.import_file'),
        choose: t('units.import_choose'),
        submit: t('units.import_submit'),
        check: t('units.import_check'),
        errors: t('units.import_errors'),
        line: t('units.import_line'),
        field: t('units.import_field'),
        message: t('units.import_message'),
      }}
      send={async (file, dryRun) => {
        const result = await units.importCsv(file, dryRun);
        const values = {
          file: file.name,
          created: formatNumber(result.created),
          updated: formatNumber(result.updated),
          encoding: result.encoding,
        };
        return dryRun ? t('units.import_checked', values) : t('units.imported', values);
      }}
      onDone={onDone}
    />
  );
}
