// /offline: working with no signal (plan D8). The village's pack on this phone (its age, a
// refresh while online, refused once older than 30 days), the forms that work on it, and
// every record of the user waiting in the outbox, with what became of it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../../app';
import { SelectField } from '../../components/Field';
import { Link } from '../../components/Link';
import { AlertMessage, ErrorMessage, InfoMessage, StatusMessage } from '../../components/Notice';
import { OutboxList } from '../../components/OutboxList';
import { units } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { isActiveVillage } from '../../lib/households';
import { PACK_MAX_AGE_DAYS } from '../../lib/offline-pack';
import { offlineCapable } from '../../lib/sw-register';
import type { UnitNode } from '../../lib/schema';
import { useAction } from '../../lib/use-action';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';
import { chooseVillage, chosenVillage, storedPacks, useOnline, useVillagePack } from '../../lib/use-offline';
import { useSession, useUser } from '../../lib/use-session';
import { useTitle } from '../../lib/use-title';
import styles from './offline.module.css';

function villagesOf(roots: readonly UnitNode[]): { id: number; name: string }[] {
  const out: { id: number; name: string }[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (isActiveVillage(node)) out.push({ id: node.id, name: node.name });
    stack.push(...node.children);
  }
  return out;
}

const day = (ms: number) => formatDateTime(new Date(ms).toISOString()).slice(0, 10);

export function OfflinePage(_: PageProps) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { refresh: signInAgain } = useSession();
  useTitle(t('offline.title'));
  const online = useOnline();
  const [villageId, setVillageId] = useState(() => chosenVillage(user));
  const village = useVillagePack(villageId);
  const { error, busy, run } = useAction();
  const [said, setSaid] = useState('');

  // The villages to choose from: those of the scope (online), and those with a pack here.
  const tree = useAsync(
    (signal) => (online && user.role !== 'team_member' ? units.tree(false, signal) : Promise.resolve(null)),
    [online, user.role],
  );
  const packs = useAsync(() => storedPacks(), [village.state]);
  const villages = useMemo(() => {
    const byId = new Map<number, string>();
    for (const v of villagesOf(tree.data?.roots ?? [])) byId.set(v.id, v.name);
    for (const p of packs.data ?? []) byId.set(p.village_id, p.pack.village.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [tree.data, packs.data]);
  const only = villages.length === 1 ? villages[0] : undefined;
  useEffect(() => {
    if (villageId !== null || !only) return;
    chooseVillage(only.id);
    setVillageId(only.id);
  }, [villageId, only]);

  const refresh = (quiet: boolean) =>
    void run(async () => {
      setSaid('');
      const changed = await village.refresh(locale);
      if (!quiet) setSaid(changed ? t('offline.refreshed') : t('offline.unchanged'));
    });
  // Opened online, the pack is brought up to date (an unchanged one costs a 304).
  useEffect(() => {
    if (online && villageId !== null) refresh(true);
  }, [online, villageId]);

  const state = village.state;
  const pack = state?.kind === 'ready' ? state.stored.pack : null;

  return (
    <>
      <h1>{t('offline.title')}</h1>
      <p>{t('offline.intro')}</p>
      {offlineCapable() ? null : (
        <div id="offline-unsupported">
          <InfoMessage>{t('offline.unsupported')}</InfoMessage>
        </div>
      )}
      {villages.length > 1 || (villageId === null && villages.length === 0 && user.role !== 'team_member') ? (
        <SelectField
          id="offline-village"
          label={t('offline.village')}
          value={villageId === null ? '' : String(villageId)}
          placeholder={t('offline.village_choose')}
          options={villages.map((v) => ({ value: String(v.id), label: v.name }))}
          onValue={(value) => {
            const id = Number(value);
            if (!id) return;
            chooseVillage(id);
            setVillageId(id);
          }}
        />
      ) : null}
      <section aria-labelledby="pack-heading" id="pack">
        <h2 id="pack-heading">{t('offline.pack_title')}</h2>
        {villageId === null ? <p>{t('offline.village_none')}</p> : null}
        {state === null && villageId !== null ? <p role="status">{t('common.loading')}</p> : null}
        {state?.kind === 'missing' && villageId !== null ? <p id="pack-missing">{t('offline.pack_missing')}</p> : null}
        {state?.kind === 'expired' ? (
          <div id="pack-expired">
            <AlertMessage title={t('offline.pack_expired', { date: day(state.fetchedAt), max: PACK_MAX_AGE_DAYS })} />
          </div>
        ) : null}
        {state?.kind === 'ready' ? (
          <>
            <p id="pack-village">{t('offline.pack_of', { village: state.stored.pack.village.name, commune: state.stored.pack.commune.name })}</p>
            <p id="pack-age">{t('offline.pack_age', { date: day(state.stored.fetched_at), days: formatNumber(state.ageDays) })}</p>
          </>
        ) : null}
        <StatusMessage>{said}</StatusMessage>
        <ErrorMessage error={error} />
        {villageId !== null && online ? (
          <div class="actions">
            <button type="button" id="pack-refresh" disabled={busy} onClick={() => refresh(false)}>
              {busy ? t('offline.refreshing') : state?.kind === 'missing' ? t('offline.download') : t('offline.refresh')}
            </button>
          </div>
        ) : null}
        {!online ? <p id="pack-offline">{t('offline.refresh_offline')}</p> : null}
      </section>
      {pack ? (
        <nav aria-labelledby="offline-forms-heading">
          <h2 id="offline-forms-heading">{t('offline.forms_title')}</h2>
          <ul class={styles.links}>
            <li>
              <Link href="/offline/patrol" id="offline-patrol-link">{t('offline.patrol_link')}</Link>
            </li>
            <li>
              <Link href="/offline/drill" id="offline-drill-link">{t('offline.drill_link')}</Link>
            </li>
            <li>
              <Link href="/offline/registration" id="offline-registration-link">{t('offline.registration_link')}</Link>
            </li>
            <li>
              <Link href="/offline/extinguisher-check" id="offline-check-link">{t('offline.check_link')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <OutboxList userId={user.id} pack={pack} onSignIn={() => void signInAgain().catch(() => undefined)} />
    </>
  );
}
