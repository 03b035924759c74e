// A CSV sheet sent as it is (UTF-8 or Windows-1258: the server tells them apart), with a
// "check first" button that writes nothing and lists every bad row by its line.
import { useRef, useState } from 'preact/hooks';
import { CardTable } from '../CardTable';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { ApiError } from '../../lib/api';
import { fieldErrorMessage } from '../../lib/i18n';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';
import styles from './style.module.css';

export interface CsvImportLabels {
  heading: string;
  file: string;
  choose: string;
  submit: string;
  check: string;
  errors: string;
  line: string;
  field: string;
  message: string;
}

interface Props {
  /** The form's id; its parts are `${prefix}-file`, `${prefix}-errors`, `${prefix}-check`, `${prefix}-checked`. */
  id: string;
  prefix: string;
  labels: CsvImportLabels;
  /** Sends the file; resolves to the sentence to show ("checked: 3 new …" or "imported …"). */
  send: (file: File, dryRun: boolean) => Promise<string>;
  onDone: (confirmation: string) => void;
  /** The file types offered (CSV unless given). */
  accept?: string;
  /** false: the file has no lines to name (GeoJSON); every error is listed by its field. */
  lines?: boolean;
}

export function CsvImportForm({ id, prefix, labels, send, onDone, accept = '.csv,text/csv', lines = true }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { error, setError, busy, run } = useAction();
  const [missing, setMissing] = useState(false);
  const [checked, setChecked] = useState('');
  // Which button sent the form: "check" writes nothing and lists every bad row.
  const dryRun = useRef(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const checkOnly = dryRun.current; // read and reset first, whatever happens next
    dryRun.current = false;
    setError(null);
    setChecked('');
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void run(async () => {
      const sentence = await send(file, checkOnly);
      if (checkOnly) setChecked(sentence);
      else onDone(sentence);
    });
  };

  const lineErrors = error instanceof ApiError ? error.errors.filter((e) => !lines || e.line !== undefined) : [];
  const columns = lines ? [labels.line, labels.field, labels.message] : [labels.field, labels.message];

  return (
    <form class="panel" id={id} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{labels.heading}</h3>
      <ErrorMessage error={error} />
      {lineErrors.length > 0 ? (
        <CardTable
          id={`${prefix}-errors`}
          caption={<caption class={styles.caption}>{labels.errors}</caption>}
          columns={columns}
        >
          {lineErrors.map((entry, i) => (
            <tr key={i}>
              {lines ? <td data-label={labels.line}>{entry.line}</td> : null}
              <td data-label={labels.field}>
                <code>{entry.field}</code>
              </td>
              <td data-label={labels.message}>{fieldErrorMessage(t, entry)}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      <div class={styles.file}>
        <label for={`${prefix}-file`}>{labels.file}</label>
        <input
          type="file"
          id={`${prefix}-file`}
          name={`${prefix}-file`}
          accept={accept}
          aria-invalid={missing ? 'true' : undefined}
          aria-describedby={missing ? `${prefix}-file-error` : undefined}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {missing ? (
          <span id={`${prefix}-file-error`} class={styles.error}>
            {labels.choose}
          </span>
        ) : null}
      </div>
      {checked ? (
        <p role="status" id={`${prefix}-checked`}>
          {checked}
        </p>
      ) : null}
      <SubmitActions busy={busy} label={labels.submit}>
        <button type="submit" class="secondary" id={`${prefix}-check`} disabled={busy} onClick={() => (dryRun.current = true)}>
          {labels.check}
        </button>
      </SubmitActions>
    </form>
  );
}
