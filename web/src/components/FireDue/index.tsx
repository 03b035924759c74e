// The dashboard's fire-safety panel: extinguishers expired and expiring (until the day the
// server names), groups without a drill this year and member houses without an
// extinguisher in service, in the user's scope. Those who go to the houses (officers, village
// teams) see each list's first items, linked to the group or household; others the counts.
import type { ComponentChildren } from 'preact';
import { Link } from '../Link';
import { LoadStatus } from '../LoadStatus';
import { fire } from '../../lib/api';
import { kindLabel } from '../../lib/fire';
import { formatDate, formatNumber } from '../../lib/format';
import type { DueExtinguisher, FireDue as Due } from '../../lib/schema';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import styles from './style.module.css';

/** Items shown per list; the server gives up to 50. */
const SHOWN = 5;

function Items({ total, children, shown }: { total: number; shown: number; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <ul class={styles.items}>{children}</ul>
      {total > shown ? <p class="muted">{t('fire.due_more', { count: formatNumber(total - shown) })}</p> : null}
    </>
  );
}

function ExtinguisherItems({ list }: { list: Due['expired'] }) {
  const { t } = useI18n();
  const items = list.items.slice(0, SHOWN);
  const line = (e: DueExtinguisher) => (
    <li key={e.id} data-extinguisher-id={e.id}>
      <Link href={e.group_id === null ? `/households/${e.household_id}` : `/fire-groups/${e.group_id}`}>
        {e.household_code}
      </Link>{' '}
      {e.head_name} · {kindLabel(t, e.kind)}
      {e.count > 1 ? ` × ${formatNumber(e.count)}` : ''} · {t('fire.due_expires', { date: formatDate(e.expires_on) })}
    </li>
  );
  return (
    <Items total={list.total} shown={items.length}>
      {items.map(line)}
    </Items>
  );
}

export function FireDue({ lists }: { /** Show each list's first items (officers, village teams); else counts only. */ lists: boolean }) {
  const { t } = useI18n();
  const due = useAsync((signal) => fire.due(null, signal), []);
  const data = due.data;
  const rows = data
    ? ([
        ['expired', t('fire.due_expired'), data.expired.total],
        ['expiring', t('fire.due_expiring', { date: formatDate(data.expiring_until) }), data.expiring.total],
        ['without_drill', t('fire.due_without_drill'), data.without_drill.total],
        ['without_extinguisher', t('fire.due_without_extinguisher'), data.without_extinguisher.total],
      ] as const)
    : [];
  return (
    <section class="panel" aria-labelledby="fire-due-heading" id="fire-due">
      <h2 id="fire-due-heading">{t('fire.due_title')}</h2>
      <LoadStatus state={due} />
      {data && !lists ? (
        <dl class="facts" id="fire-due-counts">
          {rows.map(([key, label, count]) => (
            <div key={key} data-due={key}>
              <dt>{label}</dt>
              <dd>{formatNumber(count)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {data && lists
        ? rows.map(([key, label, count]) => (
            <section key={key} data-due={key} aria-labelledby={`fire-due-${key}`}>
              <h3 id={`fire-due-${key}`} class={styles.heading}>
                {label}: <span class={styles.count}>{formatNumber(count)}</span>
              </h3>
              {key === 'expired' ? <ExtinguisherItems list={data.expired} /> : null}
              {key === 'expiring' ? <ExtinguisherItems list={data.expiring} /> : null}
              {key === 'without_drill' ? (
                <Items total={data.without_drill.total} shown={Math.min(SHOWN, data.without_drill.items.length)}>
                  {data.without_drill.items.slice(0, SHOWN).map((g) => (
                    <li key={g.id} data-group-id={g.id}>
                      <Link href={`/fire-groups/${g.id}`}>{g.code}</Link> {g.name} ·{' '}
                      {g.last_drill_on ? t('fire.last_drill_on', { date: formatDate(g.last_drill_on) }) : t('fire.never_drilled')}
                    </li>
                  ))}
                </Items>
              ) : null}
              {key === 'without_extinguisher' ? (
                <Items total={data.without_extinguisher.total} shown={Math.min(SHOWN, data.without_extinguisher.items.length)}>
                  {data.without_extinguisher.items.slice(0, SHOWN).map((h) => (
                    <li key={h.household_id} data-household-id={h.household_id}>
                      <Link href={`/households/${h.household_id}`}>{h.code}</Link> {h.head_name} ·{' '}
                      <Link href={`/fire-groups/${h.group_id}`}>{t('fire.due_group_link')}</Link>
                    </li>
                  ))}
                </Items>
              ) : null}
            </section>
          ))
        : null}
      <p class="actions">
        <Link href="/fire-groups" class="button secondary" id="fire-due-link">
          {t('fire.due_open')}
        </Link>
      </p>
    </section>
  );
}
