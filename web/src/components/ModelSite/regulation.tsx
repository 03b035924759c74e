// #model-regulation: the site's regulation document to download, and its upload.
import { RegulationForm } from '../ModelForms';
import { ToggleSlot } from '../Toggle';
import { models } from '../../lib/api';
import { formatFileSize } from '../../lib/files';
import { useI18n } from '../../lib/use-i18n';
import type { SectionProps } from './section';

export function RegulationSection({ site, keeps, open, setOpen, onDone }: SectionProps) {
  const { t } = useI18n();
  const doc = site.regulation;
  return (
    <section aria-labelledby="model-regulation-heading" id="model-regulation">
      <h2 id="model-regulation-heading">{t('models.regulation')}</h2>
      {doc ? (
        <p>
          <a href={models.regulationUrl(site.id)} download id="model-regulation-download">
            {t('models.regulation_download', { name: doc.name })}
          </a>{' '}
          <span class="muted">({formatFileSize(doc.size)})</span>
        </p>
      ) : (
        <p id="model-regulation-none">{t('models.regulation_none')}</p>
      )}
      {keeps ? (
        <ToggleSlot id="model-regulation-toggle" slot="model-regulation-slot" open={open === 'regulation'} label={doc ? t('models.regulation_replace') : t('models.regulation_upload')} onOpen={(o) => setOpen(o ? 'regulation' : null)}>
          <RegulationForm site={site} onDone={onDone} onCancel={() => setOpen(null)} />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
