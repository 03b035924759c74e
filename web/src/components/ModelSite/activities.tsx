// #model-activities: the site's activity log of the last year, newest first, and for those
// who may write in it (the site's `may_record`) the form recording one.
import { CardTable } from '../CardTable';
import { LoadStatus } from '../LoadStatus';
import { ActivityForm } from '../ModelForms';
import { ToggleSlot } from '../Toggle';
import { models } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { activityKindLabel } from '../../lib/models';
import type { ModelSite } from '../../lib/schema';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  site: ModelSite;
  /** The user may write in the site's log (its `may_record`). */
  records: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  onRecorded: (confirmation: string) => void;
}

export function ActivitiesSection({ site, records, open, onOpen, onRecorded }: Props) {
  const { t } = useI18n();
  const log = useAsync((signal) => models.activities(site.id, {}, signal), [site.id]);
  const items = log.data?.items ?? [];
  const columns = [t('models.held_on'), t('models.activity_kind'), t('models.activity_participants'), t('models.activity_content')];
  return (
    <section aria-labelledby="model-activities-heading" id="model-activities">
      <h2 id="model-activities-heading">{t('models.activities')}</h2>
      <p class="muted">{t('models.activities_intro')}</p>
      <LoadStatus state={log} />
      {log.data && items.length === 0 ? <p id="model-activities-none">{t('models.activities_none')}</p> : null}
      {items.length > 0 ? (
        <CardTable id="model-activities-table" labelledBy="model-activities-heading" busy={log.loading} columns={columns}>
          {items.map((a) => (
            <tr key={a.id} data-activity-id={a.id}>
              <td data-label={columns[0]}>{formatDate(a.held_on)}</td>
              <td data-label={columns[1]}>{activityKindLabel(t, a.kind)}</td>
              <td data-label={columns[2]}>{formatNumber(a.participants)}</td>
              <td data-label={columns[3]}>{a.content}</td>
            </tr>
          ))}
        </CardTable>
      ) : null}
      {records ? (
        <ToggleSlot id="model-activity-toggle" slot="model-activity-slot" open={open} label={t('models.activity_open')} onOpen={onOpen}>
          <ActivityForm
            site={site}
            onDone={(confirmation) => {
              log.reload();
              onRecorded(confirmation);
            }}
            onCancel={() => onOpen(false)}
          />
        </ToggleSlot>
      ) : null}
    </section>
  );
}
