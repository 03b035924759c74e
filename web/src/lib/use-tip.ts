import { useCallback, useState } from 'preact/hooks';
import { tips } from './api';
import type { TipDetail } from './schema';
import { useAsync } from './use-async';

export interface TipState {
  tip: TipDetail | undefined;
  error: unknown;
  loading: boolean;
  /** Read the tip again from the server. */
  reload: () => void;
  /**
   * Show the tip as an action returned it (or as `update` makes it from the one shown),
   * without reading it again.
   */
  replace: (next: TipDetail | ((shown: TipDetail) => TipDetail)) => void;
}

/**
 * One tip (GET /tips/{id}) with its history and conversation. Actions that answer with
 * the tip (assign, transition) or a message replace it locally, so each action costs one
 * request (and one audited read fewer).
 */
export function useTip(id: number | null): TipState {
  const state = useAsync(
    (signal) => (id === null ? Promise.resolve(undefined) : tips.get(id, signal)),
    [id],
  );
  // A local version is tied to the server answer it was made from: a reload drops it.
  const [local, setLocal] = useState<{ base: TipDetail | undefined; tip: TipDetail } | null>(null);
  const data = state.data;
  const replace = useCallback(
    (next: TipDetail | ((shown: TipDetail) => TipDetail)) =>
      setLocal((previous) => {
        const shown = previous && previous.base === data ? previous.tip : data;
        if (typeof next !== 'function') return { base: data, tip: next };
        return shown ? { base: data, tip: next(shown) } : previous;
      }),
    [data],
  );
  const tip = local && local.base === data && local.tip.id === id ? local.tip : data;
  return { tip, error: state.error, loading: state.loading, reload: state.reload, replace };
}
