import { FactsPanel } from '../DetailFrame';
import { formatDate } from '../../lib/format';
import type { ModelSiteDetail } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

/** #model-site-facts: what the site is, where, since when. */
export function SiteFacts({ site }: { site: ModelSiteDetail }) {
  const { t } = useI18n();
  return (
    <FactsPanel
      id="model-site-facts"
      heading={t('models.facts')}
      facts={[
        [t('models.code'), site.code],
        [t('models.site_name'), site.name],
        [t('models.type'), site.type_name],
        [t('models.site_unit'), site.unit_name],
        [t('models.launched_on'), formatDate(site.launched_on)],
        [t('models.ended_on'), formatDate(site.ended_on) || '—'],
        [t('models.note'), site.note || '—'],
      ]}
    />
  );
}
