// The commune's camera sheet in and out: the download (with contacts for officers, an
// audited choice) and the import of a sheet officers keep in Excel, checked first.
import { CsvImportForm } from '../CsvImportForm';
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
  return (
    <section class="panel" aria-labelledby="camera-sheet-heading">
      <h2 id="camera-sheet-heading">{t('cameras.sheet_title')}</h2>
      <p>
        <a href={cameras.exportUrl(false)} id="camera-export" download>
          {t('cameras.export')}
        </a>
        {officer ? (
          <>
            {' · '}
            <a href={cameras.exportUrl(true)} id="camera-export-contacts" download>
              {t('cameras.export_contacts')}
            </a>
          </>
        ) : null}
      </p>
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
        send={async (file, dryRun) => {
          const r = await cameras.importCsv(unitId, file, dryRun);
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
