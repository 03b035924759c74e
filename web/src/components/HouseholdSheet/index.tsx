// A commune's household sheet in and out, as .xlsx or CSV: the download (with phones for
// officers, an audited choice with a reason) and the import of the sheet a commune keeps in
// Excel, checked first, every bad row named by its line.
import { useState } from 'preact/hooks';
import { CsvImportForm } from '../CsvImportForm';
import { TextField } from '../Field';
import { households } from '../../lib/api';
import { formatNumber, unitLabel } from '../../lib/format';
import type { UnitNode } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  /** The unit the download covers (a commune or a village); null: the user's whole scope. */
  unitId: number | null;
  /** The commune a sheet is imported into; null until one is chosen. */
  commune: UnitNode | null;
  /** Officers may download the phones too. */
  withPhones: boolean;
  onDone: (confirmation: string) => void;
}

export function HouseholdSheet({ unitId, commune, withPhones, onDone }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const scope = unitId === null ? {} : { unit_id: unitId };
  return (
    <section class="panel" aria-labelledby="household-sheet-heading">
      <h2 id="household-sheet-heading">{t('community.sheet_title')}</h2>
      <p>
        <a href={households.exportUrl('xlsx', scope)} id="household-export-xlsx" download>
          {t('community.export_xlsx')}
        </a>
        {' · '}
        <a href={households.exportUrl('csv', scope)} id="household-export" download>
          {t('community.export_csv')}
        </a>
      </p>
      {withPhones ? (
        // A plain form: the browser downloads the sheet; the reason goes to the audit log.
        <form method="get" action={households.exportUrl('csv')} id="household-export-phones">
          {unitId === null ? null : <input type="hidden" name="unit_id" value={String(unitId)} />}
          <input type="hidden" name="phones" value="1" />
          <TextField id="household-export-reason" name="reason" label={t('community.export_reason')} required maxLength={500} value={reason} onValue={setReason} />
          <div class="actions">
            <button type="submit" disabled={!reason.trim()} formAction={households.exportUrl('xlsx')} id="household-export-phones-xlsx">
              {t('community.export_phones_xlsx')}
            </button>
            <button type="submit" disabled={!reason.trim()} class="secondary">
              {t('community.export_phones_csv')}
            </button>
          </div>
        </form>
      ) : null}
      {commune ? (
        <CsvImportForm
          key={commune.id}
          id="household-import-form"
          prefix="household-import"
          labels={{
            heading: t('community.import_title', { unit: unitLabel(commune) }),
            file: t('community.import_file'),
            choose: t('community.import_choose'),
            submit: t('community.import_submit'),
            check: t('community.import_check'),
            errors: t('community.import_errors'),
            line: t('community.import_line'),
            field: t('community.import_field'),
            message: t('community.import_message'),
          }}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          send={async (file, dryRun) => {
            const r = await households.importSheet(commune.id, file, dryRun);
            const values = {
              file: file.name,
              created: formatNumber(r.created),
              updated: formatNumber(r.updated),
              unchanged: formatNumber(r.unchanged),
              registrations: formatNumber(r.registrations),
              encoding: r.encoding,
            };
            return dryRun ? t('community.import_checked', values) : t('community.imported', values);
          }}
          onDone={onDone}
        />
      ) : (
        <p class="muted" id="household-import-choose-commune">
          {t('community.import_needs_commune')}
        </p>
      )}
    </section>
  );
}
