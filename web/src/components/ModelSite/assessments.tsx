// #model-assessments: the site's yearly assessments, newest first, and the form assessing a year.
import { CardTable } from '../CardTable';
import { AssessmentForm } from '../ModelForms';
import { ToggleSlot } from '../Toggle';
import { formatDate } from '../../lib/format';
import { ratingLabel } from '../../lib/models';
import { useI18n } from '../../lib/use-i18n';
import type { SectionProps } from './section';

export function AssessmentsSection({ site, keeps, open, setOpen, onDone, onStale }: SectionProps) {
  const { t } = useI18n();
  const columns = [t('models.assessment_year'), t('models.rating'), t('models.assessed_on'), t('models.assessment_note')];
  return (
    <section aria-labelledby="model-assessments-heading" id="model-assessments">
      <h2 id="model-assessments-heading">{t('models.assessments')}</h2>
      {site.assessments.length === 0 ? <p id="model-assessments-none">{t('models.assessments_none')}</p> : null}
      {site.assessments.length > 0 ? (
        <CardTable id="model-assessments-table" labelledBy="model-assessments-heading" columns={columns}>
          {site.assessments.map((a) => (
            <tr key={a.year} data-year={a.year}>
              <td data-label={columns[0]}>{a.year}</td>
              <td data-label={columns[1]}>{ratingLabel(t, a.rating)}</td>
              <td data-label={columns[2]}>{formatDate(a.assessed_on)}</td>
              <td data-label={columns[3]}>{a.note || '—'}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {keeps ? (
        <ToggleSlot id="model-assessment-toggle" slot="model-assessment-slot" open={open === 'assessment'} label={t('models.assessment_open')} onOpen={(o) => setOpen(o ? 'assessment' : null)}>
          <AssessmentForm key={site.version} site={site} onDone={onDone} onStale={onStale} onCancel={() => setOpen(null)} />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
