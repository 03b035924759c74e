import { ErrorMessage } from '../Notice';
import type { AsyncState } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

/**
 * Where a request of the page stands: "Đang tải…" until its first answer, then nothing,
 * or the error with a button that asks again.
 */
export function LoadStatus({ state }: { state: AsyncState<unknown> }) {
  const { t } = useI18n();
  return (
    <>
      {state.loading && state.data === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
      <ErrorMessage error={state.error} />
      {state.error ? (
        <button type="button" class="secondary" onClick={state.reload}>
          {t('common.retry')}
        </button>
      ) : null}
    </>
  );
}
