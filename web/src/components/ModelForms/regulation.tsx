// #model-regulation-form: a site's regulation document (quy chế hoạt động, phối hợp), a PDF,
// a DOCX or a photo, replacing the one before, at most the site's `limits.regulation_bytes`.
// The server checks what the file really is.
import { useState } from 'preact/hooks';
import { FileField } from '../Field';
import { ErrorMessage } from '../Notice';
import { SubmitActions } from '../SubmitActions';
import { localValidation, models } from '../../lib/api';
import { formatFileSize } from '../../lib/files';
import { fieldErrors } from '../../lib/i18n';
import { REGULATION_TYPES } from '../../lib/models';
import type { ModelSiteDetail } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useI18n } from '../../lib/use-i18n';

export function RegulationForm({ site, onDone, onCancel }: { site: ModelSiteDetail; onDone: (confirmation: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const { error, setError, busy, run } = useAction();
  const fe = fieldErrors(t, error);
  const id = 'model-regulation-form';
  const fields = { file: t('models.regulation_file'), name: t('models.regulation_file') };

  const submit = (event: Event) => {
    event.preventDefault();
    const file = files[0];
    if (!file || file.size === 0) {
      setError(localValidation([{ field: 'file', code: 'required' }]));
      return;
    }
    if (file.size > site.limits.regulation_bytes) {
      setError(localValidation([{ field: 'file', code: 'file_too_large' }]));
      return;
    }
    void run(async () => {
      await models.setRegulation(site.id, file);
      onDone(t('models.regulation_saved', { name: file.name }));
    });
  };

  return (
    <form class="panel" id={id} noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{site.regulation ? t('models.regulation_replace') : t('models.regulation_upload')}</h3>
      <ErrorMessage error={error} fields={fields} />
      <FileField
        id={`${id}-file`}
        label={fields.file}
        required
        hint={t('models.regulation_hint', { max: formatFileSize(site.limits.regulation_bytes) })}
        accept={REGULATION_TYPES}
        files={files}
        onFiles={(chosen) => setFiles(chosen.slice(0, 1))}
        error={fe.file}
      />
      <SubmitActions busy={busy} label={t('models.regulation_submit')}>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
