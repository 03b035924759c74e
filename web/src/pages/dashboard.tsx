import type { PageProps } from '../app';
import { CameraMaintenance } from '../components/CameraMaintenance';
import { DeadlinesPanel } from '../components/DeadlinesPanel';
import { FireDue } from '../components/FireDue';
import { GradingDue } from '../components/GradingDue';
import { Link } from '../components/Link';
import { ErrorMessage } from '../components/Notice';
import { StatusCounts } from '../components/StatusCounts';
import { units } from '../lib/api';
import { can, type SessionUser } from '../lib/capabilities';
import { formatDate, formatNumber } from '../lib/format';
import { countOf } from '../lib/mailbox';
import { loadTipOverview } from '../lib/tip-overview';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useUser } from '../lib/use-session';
import { useTitle } from '../lib/use-title';

/** An officer's mailbox at a glance: the deadlines, then the tips per status, from one request. */
function MailboxOverview() {
  const { t } = useI18n();
  const overview = useAsync(loadTipOverview, []);
  return (
    <>
      <DeadlinesPanel overview={overview} />
      {overview.data ? (
        <section class="panel" aria-labelledby="status-counts-heading">
          <h2 id="status-counts-heading">{t('mailbox.by_status')}</h2>
          {countOf(overview.data.counts) === 0 ? (
            <p id="status-counts-empty">{t('mailbox.empty')}</p>
          ) : (
            <StatusCounts
              counts={overview.data.counts}
              href={(status) => (status ? `/mailbox?status=${status}` : '/mailbox')}
              labelledBy="status-counts-heading"
            />
          )}
        </section>
      ) : null}
    </>
  );
}

/**
 * How much of the fire-safety due lists the dashboard shows, by the session's capabilities:
 * the lists item by item to those who go to the houses (households.witness: officers, village
 * teams); the counts only to those who read the households without keeping them
 * (households.read without households.write: reviewers); nothing to the others. Not
 * "everybody else who reads": administrators read and keep households across their whole
 * scope, a country's lists on every visit, and have never been shown them here.
 */
function fireDueShown(user: SessionUser): 'lists' | 'counts' | null {
  if (can(user, 'households.witness')) return 'lists';
  if (can(user, 'households.read') && !can(user, 'households.write')) return 'counts';
  return null;
}

export function DashboardPage(_: PageProps) {
  const { t } = useI18n();
  const user = useUser();
  useTitle(t('dashboard.title'));
  // page_size=1: only the total is wanted.
  const count = useAsync((signal) => units.list({ page_size: 1 }, signal), [user.unit_id]);
  const fireDue = fireDueShown(user);

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p class="lead" id="welcome">
        <strong>{t('dashboard.welcome', { name: user.full_name || user.username })}</strong>{' '}
        {t('dashboard.intro', { unit: user.unit_name })}
      </p>
      {/* Only officers may read tips (the others get 403 from /api/v1/tips). */}
      {user.role === 'officer' ? <MailboxOverview /> : null}
      {user.role === 'officer' || user.role === 'team_member' || user.role === 'admin' ? (
        <CameraMaintenance />
      ) : null}
      {fireDue ? <FireDue lists={fireDue === 'lists'} /> : null}
      {/* Officers grade their commune's members (the scope of an officer is a commune). */}
      {can(user, 'gradings.grade') ? <GradingDue communeId={user.unit_id} /> : null}
      <section class="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('dashboard.summary')}</h2>
        <dl class="facts">
          <dt>{t('dashboard.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('dashboard.role')}</dt>
          <dd id="dashboard-role">{t(`role.${user.role}`)}</dd>
          <dt>{t('dashboard.scope')}</dt>
          <dd id="dashboard-scope">
            <Link href={`/units/${user.unit_id}`}>{user.unit_name}</Link>
          </dd>
          <dt>{t('dashboard.units_in_scope')}</dt>
          <dd id="dashboard-unit-count">
            {count.data
              ? formatNumber(count.data.total)
              : count.error
                ? t('common.none')
                : t('common.loading')}
          </dd>
          <dt>{t('dashboard.totp')}</dt>
          <dd>
            {user.totp_enabled ? (
              t('dashboard.totp_on')
            ) : (
              <>
                {t('dashboard.totp_off')}. <Link href="/account">{t('dashboard.totp_advice')}</Link>
              </>
            )}
          </dd>
          <dt>{t('dashboard.member_since')}</dt>
          <dd>{formatDate(user.created_at)}</dd>
        </dl>
        <ErrorMessage error={count.error} />
      </section>
      <p class="actions">
        <Link href="/units" class="button">
          {t('dashboard.go_units')}
        </Link>
        <Link href="/account" class="button secondary">
          {t('dashboard.go_account')}
        </Link>
      </p>
    </>
  );
}
