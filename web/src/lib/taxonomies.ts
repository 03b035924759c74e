// The server's taxonomies, so that the web app keeps no copy: the mailbox's kinds, statuses,
// channels and identity modes with the rules that go with them
// (GET /api/v1/mailbox/taxonomies), and the camera registry's codes
// (GET /api/v1/cameras/taxonomies), each in the order to show them. Asked for once per
// page load and shared by every component; a failed load is asked for again next time.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { cameras, mailbox } from './api';
import type { CameraTaxonomies, MailboxTaxonomies, TipChannel, TipKind, TipStatus } from './schema';
import type { AsyncState } from './use-async';

/** A list the server serves, asked for once per page load and shared by every component;
 * a failed load is asked for again next time. */
function shared<T>(fetch: () => Promise<T>) {
  let pending: Promise<T> | null = null;
  let loaded: T | undefined;
  const load = (): Promise<T> => {
    pending ??= fetch().then(
      (value) => {
        loaded = value;
        return value;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const reset = (): void => {
    pending = null;
    loaded = undefined;
  };
  /** As a page's request: at once once loaded, "loading" before, or the error. */
  const use = (): AsyncState<T> => {
    const [state, setState] = useState<Omit<AsyncState<T>, 'reload'>>(() => ({
      data: loaded,
      error: null,
      loading: loaded === undefined,
    }));
    const [generation, setGeneration] = useState(0);
    useEffect(() => {
      if (state.data) return;
      let live = true;
      setState({ data: undefined, error: null, loading: true });
      load().then(
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
  };
  return { load, reset, use };
}

const mailboxLists = shared(() => mailbox.taxonomies());
const cameraLists = shared(() => cameras.taxonomies());

/** The mailbox's taxonomies, from the server the first time, then from memory. */
export const loadTaxonomies: () => Promise<MailboxTaxonomies> = mailboxLists.load;
/** Forgets them (tests start each case from the server's answer). */
export const resetTaxonomies: () => void = mailboxLists.reset;
/** The mailbox's taxonomies as a page's request. */
export const useTaxonomies: () => AsyncState<MailboxTaxonomies> = mailboxLists.use;

/** The camera registry's codes (owner kinds, statuses, sharing, storage, funding, check
 * results) in the order forms offer them: GET /api/v1/cameras/taxonomies. */
export const loadCameraTaxonomies: () => Promise<CameraTaxonomies> = cameraLists.load;
export const resetCameraTaxonomies: () => void = cameraLists.reset;
export const useCameraTaxonomies: () => AsyncState<CameraTaxonomies> = cameraLists.use;

/** The codes of one camera taxonomy ("statuses" → ['working', 'faulty', 'removed']). */
export function cameraCodes<K extends keyof CameraTaxonomies>(
  taxonomies: CameraTaxonomies | undefined,
  list: K,
): CameraTaxonomies[K][number]['code'][] {
  return (taxonomies?.[list] ?? []).map((entry) => entry.code);
}

/** The statuses in the workflow's order. */
export const statusCodes = (taxonomies: MailboxTaxonomies): TipStatus[] =>
  taxonomies.statuses.map((status) => status.code);

export const kindCodes = (taxonomies: MailboxTaxonomies): TipKind[] =>
  taxonomies.kinds.map((kind) => kind.code);

/** The channels an officer registers a tip from (not "web", the residents' own form). */
export const registrableChannels = (taxonomies: MailboxTaxonomies): TipChannel[] =>
  taxonomies.channels.filter((channel) => channel.registrable).map((channel) => channel.code);
