import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import styles from './style.module.css';
import { formatFileSize } from '../../lib/files';
import { useI18n } from '../../lib/use-i18n';

interface Common {
  id: string;
  label: ComponentChildren;
  /** A localized message shown under the control (from problem.errors[]). */
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
}

export function describedBy(
  id: string,
  error?: string,
  hint?: ComponentChildren,
): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | undefined;
  hint?: ComponentChildren;
}) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} class={styles.hint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} class={styles.error}>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The field's <label>, saying "(bắt buộc)" after the text of a required one. */
function FieldLabel({
  id,
  label,
  required,
  labelId,
}: Pick<Common, 'id' | 'label' | 'required'> & { labelId?: string }) {
  const { t } = useI18n();
  return (
    <label class={styles.label} for={id} id={labelId}>
      {label}
      {required ? <span class={styles.required}> ({t('common.required')})</span> : null}
    </label>
  );
}

/** A field's frame for a control made elsewhere (the unit picker): label, hint, error. */
export function FieldFrame({
  id,
  label,
  required,
  labelId,
  error,
  hint,
  children,
}: Common & { labelId?: string; children: ComponentChildren }) {
  return (
    <div class={styles.field}>
      <FieldLabel id={id} label={label} required={required} labelId={labelId} />
      {children}
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

/** The class of a control whose value was refused. */
export const invalidClass = styles.invalid;

/** What every control carries: required, invalid with its error, described by hint and error. */
function controlAttrs({ id, error, hint, required }: Omit<Common, 'label'>) {
  return {
    required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
}

type InputProps = Common &
  Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'onInput' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
  };

/** A labelled text-like input with its hint and error underneath. */
export function TextField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onValue,
  ...rest
}: InputProps) {
  return (
    <div class={styles.field}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={rest.name ?? id}
        value={value}
        {...controlAttrs({ id, error, hint, required })}
        class={error ? styles.invalid : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
        {...rest}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

type TextAreaProps = Common & {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
};

export function TextAreaField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onValue,
  rows,
  maxLength,
}: TextAreaProps) {
  return (
    <div class={styles.field}>
      <FieldLabel id={id} label={label} required={required} />
      <textarea
        id={id}
        name={id}
        value={value}
        rows={rows ?? 3}
        maxLength={maxLength}
        {...controlAttrs({ id, error, hint, required })}
        class={error ? styles.invalid : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Shown but not choosable. */
  disabled?: boolean;
}

type SelectProps = Common & {
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  /** A first, empty choice such as "— Choose a unit —". */
  placeholder?: string;
  disabled?: boolean;
};

export function SelectField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onValue,
  options,
  placeholder,
  disabled,
}: SelectProps) {
  return (
    <div class={styles.field}>
      <FieldLabel id={id} label={label} required={required} />
      <select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        {...controlAttrs({ id, error, hint, required })}
        class={error ? styles.invalid : undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

type CheckboxProps = Omit<Common, 'required'> & {
  checked: boolean;
  onChecked: (checked: boolean) => void;
};

export function CheckboxField({ id, label, error, hint, checked, onChecked }: CheckboxProps) {
  return (
    <div>
      <div class={styles.check}>
        <input
          type="checkbox"
          id={id}
          name={id}
          checked={checked}
          {...controlAttrs({ id, error, hint })}
          onChange={(event) => onChecked(event.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

type DateProps = Common & {
  /** The text as typed: dd/mm/yyyy (read it with parseDateInput). */
  value: string;
  onValue: (value: string) => void;
};

/** A date typed as dd/mm/yyyy whatever the browser's language (native pickers follow it). */
export function DateField({ hint, ...props }: DateProps) {
  const { t } = useI18n();
  return (
    <TextField
      {...props}
      hint={
        <>
          {t('common.date_hint')}
          {hint ? <> {hint}</> : null}
        </>
      }
      inputMode="numeric"
      autocomplete="off"
      maxLength={10}
      placeholder="dd/mm/yyyy"
    />
  );
}

type FileProps = Common & {
  /** The files chosen so far (listed under the input with their sizes). */
  files: readonly File[];
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
};

/** A labelled file picker; choosing again replaces the choice, an empty list clears it. */
export function FileField({
  id,
  label,
  error,
  hint,
  required,
  files,
  onFiles,
  accept,
  multiple,
}: FileProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (files.length === 0 && input.current) input.current.value = '';
  }, [files]);
  return (
    <div class={styles.field}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        ref={input}
        type="file"
        id={id}
        name={id}
        accept={accept}
        multiple={multiple}
        {...controlAttrs({ id, error, hint, required })}
        onChange={(event) => onFiles(Array.from(event.currentTarget.files ?? []))}
      />
      <Extras id={id} error={error} hint={hint} />
      {files.length > 0 ? (
        <ul class={styles.files} id={`${id}-chosen`} aria-label={t('register.files_chosen')}>
          {files.map((file, index) => (
            <li key={index}>
              {file.name} <span class={styles.hint}>({formatFileSize(file.size)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface PhoneProps {
  id: string;
  label: string;
  /** Shown while the record has a phone: typing one replaces it. */
  keepHint: string;
  /** Shown while it has none. */
  hint: string;
  removeLabel: string;
  /** Whether the stored record has a phone (never the phone itself). */
  hasPhone: boolean;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  remove: boolean;
  onRemove: (remove: boolean) => void;
}

/**
 * A sealed phone as households and team members keep it: the server never sends it back,
 * so the field is empty; typing replaces it, and "remove" (only when there is one) erases it.
 */
export function PhoneField({ id, label, keepHint, hint, removeLabel, hasPhone, value, onValue, error, remove, onRemove }: PhoneProps) {
  return (
    <>
      <TextField
        id={id}
        type="tel"
        label={label}
        hint={hasPhone ? keepHint : hint}
        maxLength={40}
        value={value}
        onValue={onValue}
        error={error}
        autocomplete="off"
        disabled={remove}
      />
      {hasPhone ? <CheckboxField id={`${id}-remove`} label={removeLabel} checked={remove} onChecked={onRemove} /> : null}
    </>
  );
}
