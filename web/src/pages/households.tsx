import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { SelectField } from '../components/Field';
import { HouseholdForm } from '../components/HouseholdForms';
import { HouseholdSheet } from '../components/HouseholdSheet';
import { Link } from '../components/Link';
import { CodeLink, ListPage, listQuery } from '../components/ListPage';
import { unitSearchOf } from '../components/UnitPicker';
import { households } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import { communeOf } from '../lib/households';
import type { Household } from '../lib/schema';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import styles from './households.module.css';

/** ?registered=1 registered this year, 0 not yet (the registrations page links here with it). */
const OWN = { registered: ['0', '1'] } as const;

/**
 * /households: the households of the user's scope (a team member's village), found by code,
 * head or address and by whether they registered this year; a form to add one, and for
 * officers and administrators the commune's sheet in and out.
 */
export function HouseholdsPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const columns = useMemo(
    () => [
      t('community.code'),
      t('community.head_name'),
      t('community.village'),
      t('community.members'),
      t('community.registered_this_year'),
      t('community.phone'),
    ],
    [t],
  );

  return (
    <ListPage
      path="/households"
      id="households"
      messages="community"
      countKey="community.count"
      own={OWN}
      load={(f, signal) => households.list(listQuery(f, { registered: f.registered }), signal)}
      fields={({ filters, set }) => (
        <SelectField
          id="households-registered"
          label={t('community.filter_registered')}
          value={filters.registered}
          onValue={(value) => set({ registered: value as typeof filters.registered })}
          options={[
            { value: '', label: t('community.filter_all') },
            { value: '1', label: t('community.filter_registered_yes') },
            { value: '0', label: t('community.filter_registered_no') },
          ]}
        />
      )}
      columns={columns}
      row={(h: Household) => (
        <tr key={h.id} data-household-id={h.id} data-registered={h.registration ? '1' : '0'}>
          <td data-label={columns[0]}>
            <CodeLink href={`/households/${h.id}`} code={h.code} demo={h.demo} />
          </td>
          <td data-label={columns[1]}>
            {h.head_name}
            {h.address ? <span class={`muted ${styles.address}`}>{h.address}</span> : null}
          </td>
          <td data-label={columns[2]}>{h.village_name}</td>
          <td data-label={columns[3]}>{formatNumber(h.members)}</td>
          <td data-label={columns[4]}>
            {h.registration ? (
              <span class={styles.yes}>
                <span aria-hidden="true">✓ </span>
                <span class="visually-hidden">{t('community.registered_on_sr')} </span>
                {formatDate(h.registration.registered_on)}
              </span>
            ) : (
              <span class="muted">{t('community.not_registered')}</span>
            )}
          </td>
          <td data-label={columns[5]}>{h.has_phone ? t('common.yes') : t('common.no')}</td>
        </tr>
      )}
      add={
        can(user, 'households.write')
          ? {
              id: 'household-add',
              form: ({ roots, loading, done }) => (
                <HouseholdForm roots={roots} loading={loading} role={user.role} onDone={(_saved, confirmation) => done(confirmation)} />
              ),
            }
          : undefined
      }
      actions={
        <Link href="/households/registrations" class="button secondary" id="households-report-link">
          {t('community.report_link')}
        </Link>
      }
      after={({ filters, roots, say, reload }) =>
        can(user, 'households.sheets') ? (
          <HouseholdSheet
            unitId={filters.unitId}
            // The commune of the unit chosen (a village's), else of the user's own unit.
            commune={communeOf(unitSearchOf(roots).byId, filters.unitId ?? user.unit_id)}
            withPhones={can(user, 'households.phones')}
            onDone={(confirmation) => {
              say(confirmation);
              reload();
            }}
          />
        ) : null
      }
    />
  );
}
