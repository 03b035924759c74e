import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { CheckboxField, SelectField } from '../components/Field';
import { Link } from '../components/Link';
import { CodeLink, ListPage, listQuery } from '../components/ListPage';
import { LoadStatus } from '../components/LoadStatus';
import { SiteForm } from '../components/ModelForms';
import { models } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate } from '../lib/format';
import type { ModelSite, ModelType } from '../lib/schema';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import styles from './fire.module.css';

/** The list of sites once the types are here: its filters name them. */
function SitesList({ types }: { types: readonly ModelType[] }) {
  const { t } = useI18n();
  const user = useUser();
  // ?type_id=<a type>&ended=1: the address's own filters, with the values they may take.
  const own = useMemo(() => ({ type_id: types.map((type) => String(type.id)), ended: ['1'] as const }), [types]);
  const columns = useMemo(
    () => [t('models.code'), t('models.site_name'), t('models.type'), t('models.site_unit'), t('models.participants'), t('models.launched_on')],
    [t],
  );
  // Automatic types have no manual site to list.
  const listed = types.filter((type) => !type.automatic);

  return (
    <ListPage
      path="/models/sites"
      id="model-sites"
      messages="model_sites"
      countKey="model_sites.count"
      own={own}
      load={(f, signal) => models.sites(listQuery(f, { type_id: f.type_id ? Number(f.type_id) : '', include_ended: f.ended }), signal)}
      fields={({ filters, set }) => (
        <SelectField
          id="model-sites-type"
          label={t('models.type')}
          value={filters.type_id}
          onValue={(type_id) => set({ type_id })}
          placeholder={t('model_sites.filter_type_all')}
          options={listed.map((type) => ({ value: String(type.id), label: type.name }))}
        />
      )}
      besideSearch={({ filters, set }) => (
        <CheckboxField id="model-sites-ended" label={t('model_sites.filter_ended')} checked={filters.ended !== ''} onChecked={(on) => set({ ended: on ? '1' : '' })} />
      )}
      columns={columns}
      row={(site: ModelSite) => (
        <tr key={site.id} data-site-id={site.id}>
          <td data-label={columns[0]}>
            <CodeLink href={`/models/sites/${site.id}`} code={site.code} demo={site.demo} />
          </td>
          <td data-label={columns[1]}>
            {site.name}
            {site.ended_on ? <span class={`muted ${styles.block}`}>{t('models.ended_value', { date: formatDate(site.ended_on) })}</span> : null}
          </td>
          <td data-label={columns[2]}>{site.type_name}</td>
          <td data-label={columns[3]}>{site.unit_name}</td>
          <td data-label={columns[4]}>{site.participants.map((p) => p.unit_name).join(', ') || '—'}</td>
          <td data-label={columns[5]}>{formatDate(site.launched_on)}</td>
        </tr>
      )}
      add={
        can(user, 'models.keep')
          ? {
              id: 'model-site-add',
              form: ({ roots, loading, done }) => <SiteForm types={types} roots={roots} loading={loading} onDone={(_saved, confirmation) => done(confirmation)} />,
            }
          : undefined
      }
      actions={
        <>
          <Link href="/models" class="button secondary" id="model-sites-counts-link">
            {t('models.counts_link')}
          </Link>
          <Link href="/models/types" class="button secondary" id="model-sites-types-link">
            {t('models.types_link')}
          </Link>
        </>
      }
    />
  );
}

/**
 * /models/sites: the sites of self-management models entered by hand in the user's scope (a
 * linked site also in each of its units' scopes), found by unit, type, code or name, ended
 * ones on demand; a form adding one for those who keep sites.
 */
export function ModelSitesPage(_: PageProps) {
  const types = useAsync((signal) => models.types(signal), []);
  if (!types.data) return <LoadStatus state={types} />;
  return <SitesList types={types.data.items} />;
}
