import type { ComponentChildren } from 'preact';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  /** A request is under way: the button is disabled and says "Đang gửi…". */
  busy: boolean;
  label: string;
  /** The button's class, e.g. "danger". */
  class?: string;
  /** Other buttons after the submit button (cancel, close). */
  children?: ComponentChildren;
}

/** A form's row of actions: its submit button first, then any others. */
export function SubmitActions({ busy, label, class: className, children }: Props) {
  const { t } = useI18n();
  return (
    <div class="actions">
      <button type="submit" class={className} disabled={busy}>
        {busy ? t('common.sending') : label}
      </button>
      {children}
    </div>
  );
}
