// What the offline pages share: the signed-in user, the village's pack they work on (its
// records marked "chờ gửi" while their entries wait), the entry opened again for editing
// (`?entry=` from the outbox list's "Sửa"), and the notice when no usable pack is held.
import { useMemo } from 'preact/hooks';
import { BackLink, Link } from '../../components/Link';
import { InfoMessage, StatusMessage } from '../../components/Notice';
import type { OfflinePack } from '../../lib/offline-pack';
import { pendingRecords } from '../../lib/offline-records';
import type { OutboxEntry } from '../../lib/outbox';
import { useI18n } from '../../lib/use-i18n';
import { useLocation } from '../../lib/use-location';
import { navigate } from '../../lib/router';
import { chosenVillage, useOutboxEntries, useVillagePack, type VillagePack } from '../../lib/use-offline';
import { useUser } from '../../lib/use-session';
import type { SessionUser } from '../../lib/capabilities';
import styles from './offline.module.css';

export interface OfflinePageState {
  user: SessionUser;
  village: VillagePack;
  /** The pack when it may be used (held, not older than 30 days); null otherwise. */
  pack: OfflinePack | null;
  entries: OutboxEntry[] | null;
  pending: { ids: Set<string>; households: Set<number> };
  /** The entry named by `?entry=` (null while the outbox is read, or when it is gone). */
  editing: OutboxEntry | null;
  editId: string | null;
}

export function useOfflinePage(): OfflinePageState {
  const user = useUser();
  const village = useVillagePack(chosenVillage(user));
  const { entries } = useOutboxEntries(user.id);
  const pending = useMemo(() => pendingRecords(entries ?? []), [entries]);
  const editId = useLocation().search.get('entry');
  const editing = editId ? (entries?.find((e) => e.id === editId) ?? null) : null;
  const pack = village.state?.kind === 'ready' ? village.state.stored.pack : null;
  return { user, village, pack, entries, pending, editing, editId };
}

/** The way back to /offline, and the page's heading. */
export function OfflineHeading({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <BackLink href="/offline" label={t('offline.back')} />
      <h1>{title}</h1>
    </>
  );
}

/** Said instead of a form while the pack is read, or when none may be used. */
export function PackNeeded({ state }: { state: OfflinePageState }) {
  const { t } = useI18n();
  if (state.village.state === null) return <p role="status">{t('common.loading')}</p>;
  return (
    <InfoMessage>
      <span id="offline-needs-pack">{t('offline.needs_pack')}</span> <Link href="/offline">{t('offline.back')}</Link>
    </InfoMessage>
  );
}

/** "chờ gửi", next to a record whose entry has not reached the server. */
export function PendingMark() {
  const { t } = useI18n();
  return <span class={styles.pending}>{t('offline.pending')}</span>;
}

/** An entry asked for by `?entry=` that the outbox no longer holds (sent or dropped meanwhile). */
export function EntryGone({ state }: { state: OfflinePageState }) {
  const { t } = useI18n();
  if (!state.editId || state.entries === null || state.editing) return null;
  return <InfoMessage>{t('offline.entry_gone')}</InfoMessage>;
}

/** The phone's time of a record: kept from the entry being corrected, else now. */
export function deviceAt(editing: OutboxEntry | null): number {
  return typeof editing?.body.device_at === 'number' ? editing.body.device_at : Date.now();
}

/**
 * After a record is queued: a corrected entry goes back to the outbox list; a new one says
 * what was saved (`said`) and readies the form for the next (`next`).
 */
export function afterQueued(editing: OutboxEntry | null, said: () => void, next: () => void): void {
  if (editing) {
    navigate('/offline');
    return;
  }
  said();
  next();
}

/** A form page's top: the way back and heading, an entry gone or being corrected, what was saved. */
export function OfflineFormTop({ title, state, said }: { title: string; state: OfflinePageState; said: string }) {
  const { t } = useI18n();
  return (
    <>
      <OfflineHeading title={title} />
      <EntryGone state={state} />
      {state.editing ? <InfoMessage>{t('offline.editing')}</InfoMessage> : null}
      <StatusMessage>{said}</StatusMessage>
    </>
  );
}
