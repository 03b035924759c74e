import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app';
import { CheckboxField } from '../components/Field';
import { CodeLink, ListPage, listQuery } from '../components/ListPage';
import { Link } from '../components/Link';
import { TeamForm } from '../components/TeamForms';
import { teams } from '../lib/api';
import { can } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import type { SecurityTeam } from '../lib/schema';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import styles from './fire.module.css';

/** ?dissolved=1: dissolved teams listed too. */
const OWN = { dissolved: ['1'] } as const;

/**
 * /teams: the village security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở) of the user's
 * scope, found by commune or village and by code or name, with the villages each covers,
 * its founding decision and its members today; a form to found one for officers and
 * administrators.
 */
export function TeamsPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  const columns = useMemo(
    () => [t('teams.code'), t('teams.name'), t('teams.villages'), t('teams.decision'), t('teams.members_today')],
    [t],
  );

  return (
    <ListPage
      path="/teams"
      id="teams"
      messages="teams"
      countKey="teams.count"
      own={OWN}
      load={(f, signal) => teams.list(listQuery(f, { include_dissolved: f.dissolved }), signal)}
      besideSearch={({ filters, set }) => (
        <CheckboxField id="teams-dissolved" label={t('teams.filter_dissolved')} checked={filters.dissolved !== ''} onChecked={(on) => set({ dissolved: on ? '1' : '' })} />
      )}
      columns={columns}
      row={(team: SecurityTeam) => (
        <tr key={team.id} data-team-id={team.id}>
          <td data-label={columns[0]}>
            <CodeLink href={`/teams/${team.id}`} code={team.code} demo={team.demo} />
          </td>
          <td data-label={columns[1]}>
            {team.name}
            {team.dissolved_on ? (
              <span class={`muted ${styles.block}`}>{t('teams.dissolved_value', { date: formatDate(team.dissolved_on) })}</span>
            ) : null}
          </td>
          <td data-label={columns[2]}>{team.villages.map((v) => v.name).join(', ')}</td>
          <td data-label={columns[3]}>
            {team.decision_number || team.decision_on ? (
              t('teams.decision_value', { number: team.decision_number || '—', date: formatDate(team.decision_on) || '—' })
            ) : (
              <span class="muted">{t('teams.decision_none')}</span>
            )}
          </td>
          <td data-label={columns[4]}>{formatNumber(team.members)}</td>
        </tr>
      )}
      add={
        can(user, 'teams.keep')
          ? {
              id: 'team-add',
              form: ({ roots, loading, done }) => <TeamForm roots={roots} loading={loading} onDone={(_saved, confirmation) => done(confirmation)} />,
            }
          : undefined
      }
      actions={
        can(user, 'gradings.read') ? (
          <Link href="/teams/grading" class="button secondary" id="teams-grading-link">
            {t('grading.link')}
          </Link>
        ) : undefined
      }
    />
  );
}
