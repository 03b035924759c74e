import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { DetailFrame, useDetail } from '../components/DetailFrame';
import { SiteForm } from '../components/ModelForms';
import {
  ActivitiesSection,
  AssessmentsSection,
  BoardSection,
  LinkedUnits,
  type Open,
  RegulationSection,
  type SectionProps,
  SiteFacts,
  TeamsSection,
} from '../components/ModelSite';
import { ToggleSlot } from '../components/Toggle';
import { models } from '../lib/api';
import { siteTitle } from '../lib/models';
import type { ModelSiteDetail } from '../lib/schema';
import { useI18n } from '../lib/use-i18n';

/** #model-site-edit-slot: the site's own fields and other units (found in the whole country). */
function SiteEdit({ site, open, setOpen, onDone, onStale }: SectionProps) {
  const { t } = useI18n();
  return (
    <ToggleSlot id="model-site-edit-toggle" slot="model-site-edit-slot" open={open === 'edit'} label={t('models.site_edit')} onOpen={(o) => setOpen(o ? 'edit' : null)}>
      <SiteForm
        key={site.version}
        site={site}
        onDone={(_saved, confirmation) => onDone(confirmation)}
        onStale={onStale}
        onCancel={() => setOpen(null)}
      />
    </ToggleSlot>
  );
}

/**
 * /models/sites/:id: one site of a self-management model: what it is and where, its other
 * units and standing unit per year (a linked site), its steering board, its teams and their
 * members, its activity log, its yearly assessments and its regulation document. Those who
 * keep the site (its `may_keep`) change it; those who may write in its log (its `may_record`)
 * record activities.
 */
export function ModelSitePage({ params }: PageProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const detail = useDetail(params, models.site);
  const site = detail.state.data;
  const parts = (record: ModelSiteDetail): SectionProps => ({
    site: record,
    keeps: record.may_keep,
    open,
    setOpen,
    onDone: (confirmation) => {
      detail.changed(confirmation);
      setOpen(null);
    },
    onSite: (saved, confirmation) => {
      detail.shown(saved, confirmation);
      setOpen(null);
    },
    onStale: () => {
      detail.conflict();
      setOpen(null);
    },
  });

  return (
    <DetailFrame
      back={{ href: '/models/sites', label: t('models.back_sites') }}
      title={site ? siteTitle(site) : t('model_sites.title')}
      detail={detail}
      staleTitle={t('models.stale')}
      demoNote={t('models.demo_note')}
    >
      {(record) => (
        <>
          <SiteFacts site={record} />
          {record.may_keep ? <SiteEdit {...parts(record)} /> : null}
          {record.linked ? <LinkedUnits {...parts(record)} /> : null}
          <BoardSection {...parts(record)} />
          <TeamsSection {...parts(record)} />
          <ActivitiesSection
            site={record}
            records={record.may_record}
            open={open === 'activity'}
            onOpen={(o) => setOpen(o ? 'activity' : null)}
            onRecorded={parts(record).onDone}
          />
          <AssessmentsSection {...parts(record)} />
          <RegulationSection {...parts(record)} />
        </>
      )}
    </DetailFrame>
  );
}
