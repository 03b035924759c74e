import { useState } from 'preact/hooks';

export interface Action {
  /** What the last run threw (or a local validation problem set with setError). */
  error: unknown;
  setError: (error: unknown) => void;
  /** A run is under way: disable the submit button. */
  busy: boolean;
  /** Runs `action`, keeping its error; resolves to true when it succeeded. */
  run: (action: () => Promise<void>) => Promise<boolean>;
}

/** A form's request: one at a time, busy meanwhile, its error kept for the form to show. */
export function useAction(): Action {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}
