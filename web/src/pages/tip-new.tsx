import { useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { BackLink, Link } from '../components/Link';
import { LoadStatus } from '../components/LoadStatus';
import { ErrorMessage, InfoMessage, StatusMessage } from '../components/Notice';
import { RegisterTipForm, type RegisterDefaults } from '../components/RegisterTipForm';
import { boxes, units } from '../lib/api';
import { communesOf } from '../lib/boxes';
import type { TipChannel, TipRegistered } from '../lib/schema';
import { registrableChannels, useTaxonomies } from '../lib/taxonomies';
import { useAsync } from '../lib/use-async';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useTitle } from '../lib/use-title';

/** ?channel=box&opening=12 (from a box's page) preselects the channel and the opening; a
 *  channel not among `channels` (those an officer registers from) is left out. */
export function readRegisterParams(
  search: URLSearchParams,
  channels: readonly TipChannel[],
): {
  channel: TipChannel | '';
  openingId: number | null;
} {
  const channel = channels.find((c) => c === search.get('channel')) ?? '';
  const opening = search.get('opening') ?? '';
  const openingId = /^\d+$/.test(opening) && Number(opening) > 0 ? Number(opening) : null;
  return { channel: openingId !== null ? 'box' : channel, openingId };
}

/** /mailbox/new (officers): register a tip received through another channel. */
export function RegisterTipPage(_: PageProps) {
  const { t } = useI18n();
  useTitle(t('register.title'));
  const { search } = useLocation();
  const taxonomies = useTaxonomies();
  const params = readRegisterParams(
    search,
    taxonomies.data ? registrableChannels(taxonomies.data) : [],
  );
  const tree = useAsync((signal) => units.tree(false, signal), []);
  const communes = useMemo(() => communesOf(tree.data?.roots ?? []), [tree.data]);
  // The commune of a preselected opening.
  const opening = useAsync(
    (signal) =>
      params.openingId === null ? Promise.resolve(null) : boxes.opening(params.openingId, signal),
    [params.openingId],
  );
  const [done, setDone] = useState<{ result: TipRegistered; files: number } | null>(null);
  // A new form after each registration keeps the commune, channel and opening.
  const [round, setRound] = useState(0);
  const [defaults, setDefaults] = useState<RegisterDefaults | null>(null);

  const ready =
    tree.data && taxonomies.data && (params.openingId === null || !opening.loading);
  const initial: RegisterDefaults = defaults ?? {
    unitId: opening.data?.unit_id ?? null,
    channel: params.channel,
    openingId: opening.data ? opening.data.id : null,
  };

  const registered = (result: TipRegistered, files: number) => {
    setDone({ result, files });
    setDefaults({
      unitId: result.tip.unit_id,
      channel: result.tip.channel === 'web' ? '' : result.tip.channel,
      openingId: result.tip.box_opening_id ?? null,
    });
    setRound((n) => n + 1);
    document.getElementById('main')?.focus();
  };

  const tipId = done?.result.tip.id;
  return (
    <>
      <BackLink href="/mailbox" label={t('register.back')} />
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <StatusMessage>
        {done && tipId !== undefined
          ? done.files > 0
            ? t('register.done_files', { id: tipId, count: done.files })
            : t('register.done', { id: tipId })
          : ''}
      </StatusMessage>
      {done && tipId !== undefined ? (
        <div class="panel" id="register-done">
          {done.result.receipt ? (
            <p id="register-receipt">{t('register.receipt', { receipt: done.result.receipt })}</p>
          ) : null}
          <p class="actions">
            <Link href={`/mailbox/${tipId}`} class="button" id="register-open-tip">
              {t('register.open_tip', { id: tipId })}
            </Link>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setDone(null);
                document.getElementById('register-kind')?.focus();
              }}
            >
              {t('register.another')}
            </button>
          </p>
        </div>
      ) : null}
      <ErrorMessage error={tree.error} />
      {taxonomies.error ? <LoadStatus state={taxonomies} /> : null}
      <ErrorMessage error={opening.error} />
      {!ready && !tree.error && !taxonomies.error ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
      {ready && communes.length === 0 ? (
        <InfoMessage>{t('register.no_communes')}</InfoMessage>
      ) : null}
      {ready && taxonomies.data && communes.length > 0 && !done ? (
        <RegisterTipForm
          key={round}
          communes={communes}
          defaults={initial}
          taxonomies={taxonomies.data}
          onDone={registered}
        />
      ) : null}
    </>
  );
}
