// #model-linked: a linked site's other units (each since the day it joined) and its standing
// unit year by year, with the form choosing a year's standing unit.
import { CardTable } from '../CardTable';
import { StandingForm } from '../ModelForms';
import { ToggleSlot } from '../Toggle';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';
import type { SectionProps } from './section';

export function LinkedUnits({ site, keeps, open, setOpen, onDone }: SectionProps) {
  const { t } = useI18n();
  const unitColumns = [t('models.participant_unit'), t('models.joined_on')];
  const standingColumns = [t('models.standing_year'), t('models.standing_unit')];
  return (
    <section aria-labelledby="model-linked-heading" id="model-linked">
      <h2 id="model-linked-heading">{t('models.participants')}</h2>
      {site.participants.length === 0 ? <p id="model-participants-none">{t('models.participants_none')}</p> : null}
      {site.participants.length > 0 ? (
        <CardTable id="model-participants" labelledBy="model-linked-heading" columns={unitColumns}>
          {site.participants.map((p) => (
            <tr key={p.unit_id} data-unit-id={p.unit_id}>
              <td data-label={unitColumns[0]}>{p.unit_name}</td>
              <td data-label={unitColumns[1]}>{formatDate(p.joined_on)}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      <h3 id="model-standing-heading">{t('models.standing')}</h3>
      <p class="muted">{t('models.standing_intro')}</p>
      {site.standing.length === 0 ? <p id="model-standing-none">{t('models.standing_none')}</p> : null}
      {site.standing.length > 0 ? (
        <CardTable id="model-standing" labelledBy="model-standing-heading" columns={standingColumns}>
          {site.standing.map((s) => (
            <tr key={s.year} data-year={s.year}>
              <td data-label={standingColumns[0]}>{s.year}</td>
              <td data-label={standingColumns[1]}>{s.unit_name}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {keeps ? (
        <ToggleSlot id="model-standing-toggle" slot="model-standing-slot" open={open === 'standing'} label={t('models.standing_set')} onOpen={(o) => setOpen(o ? 'standing' : null)}>
          <StandingForm site={site} onDone={onDone} onCancel={() => setOpen(null)} />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
