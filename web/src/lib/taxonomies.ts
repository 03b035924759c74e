// The mailbox's taxonomies — its kinds, statuses, channels and identity modes, in the order
// to show them, with the rules that go with them — as the server serves them
// (GET /api/v1/mailbox/taxonomies), so that the web app keeps no copy. Asked for once per
// page load and shared by every component; a failed load is asked for again next time.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { mailbox } from './api';
import type { MailboxTaxonomies, TipChannel, TipKind, TipStatus } from './schema';
import type { AsyncState } from './use-async';

let pending: Promise<MailboxTaxonomies> | null = null;
let loaded: MailboxTaxonomies | undefined;

/** The taxonomies, from the server the first time, then from memory. */
export function loadTaxonomies(): Promise<MailboxTaxonomies> {
  pending ??= mailbox.taxonomies().then(
    (taxonomies) => {
      loaded = taxonomies;
      return taxonomies;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Forgets them (tests start each case from the server's answer). */
export function resetTaxonomies(): void {
  pending = null;
  loaded = undefined;
}

/** The taxonomies as a page's request: at once once loaded, "loading" before, or the error. */
export function useTaxonomies(): AsyncState<MailboxTaxonomies> {
  const [state, setState] = useState<Omit<AsyncState<MailboxTaxonomies>, 'reload'>>(() => ({
    data: loaded,
    error: null,
    loading: loaded === undefined,
  }));
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state.data) return;
    let live = true;
    setState({ data: undefined, error: null, loading: true });
    loadTaxonomies().then(
      (data) => {
        if (live) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (live) setState({ data: undefined, error, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}

/** The statuses in the workflow's order. */
export const statusCodes = (taxonomies: MailboxTaxonomies): TipStatus[] =>
  taxonomies.statuses.map((status) => status.code);

export const kindCodes = (taxonomies: MailboxTaxonomies): TipKind[] =>
  taxonomies.kinds.map((kind) => kind.code);

/** The channels an officer registers a tip from (not "web", the residents' own form). */
export const registrableChannels = (taxonomies: MailboxTaxonomies): TipChannel[] =>
  taxonomies.channels.filter((channel) => channel.registrable).map((channel) => channel.code);
