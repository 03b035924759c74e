// The commune's camera sheet in and out, as .xlsx or CSV: the download (with contacts for
// officers, an audited choice) and the import of a sheet officers keep in Excel, checked first.
import { useState } from 'preact/hooks';
import { CsvImportForm } from '../CsvImportForm';
import { TextField } from '../Field';
import { cameras } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  /** The commune the sheet is about (the officer's). */
  unitId: number;
  officer: boolean;
  onDone: (confirmation: string) => void;
}

export function CameraSheet({ unitId, officer, onDone }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <section class="panel" aria-labelledby="camera-sheet-heading">
      <h2 id="camera-sheet-heading">{t('cameras.sheet_title')}</h2>
      <p>
        <a href={cameras.exportUrl('xlsx')} id="camera-export-xlsx" download>
          {t('cameras.export_xlsx')}
        </a>
        {' · '}
        <a href={cameras.exportUrl()} id="camera-export" download>
          {t('cameras.export')}
        </a>
      </p>
      {officer ? (
        // A plain form: the browser downloads the sheet; the reason goes to the audit log.
        <form method="get" action={cameras.exportUrl()} id="camera-export-contacts">
          <input type="hidden" name="contacts" value="1" />
          <TextField id="camera-export-reason" name="reason" label={t('cameras.export_reason')} required maxLength={500} value={reason} onValue={setReason} />
          <button type="submit" disabled={!reason.trim()} formAction={cameras.exportUrl('xlsx')} id="camera-export-contacts-xlsx">
            {t('cameras.export_contacts_xlsx')}
          </button>{' '}
          <button type="submit" disabled={!reason.trim()}>
            {t('cameras.export_contacts')}
          </button>
        </form>
      ) : null}
      <CsvImportForm
        id="camera-import-form"
        prefix="camera-import"
        labels={{
          heading: t('cameras.import'),
          file: t('cameras.import_file'),
          choose: t('cameras.import_choose'),
          submit: t('cameras.import_submit'),
          check: t('cameras.import_check'),
          errors: t('cameras.import_errors'),
          line: t('cameras.import_line'),
          field: t('cameras.import_field'),
          message: t('cameras.import_message'),
        }}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        send={async (file, dryRun) => {
          const r = await cameras.importSheet(unitId, file, dryRun);
          const values = {
            file: file.name,
            created: formatNumber(r.created),
            updated: formatNumber(r.updated),
            unchanged: formatNumber(r.unchanged),
            encoding: r.encoding,
          };
          return dryRun ? t('cameras.import_checked', values) : t('cameras.imported', values);
        }}
        onDone={onDone}
      />
    </section>
  );
}
