import styles from './style.module.css';
import { useI18n } from '../../lib/use-i18n';
import { useUpdateOffer } from '../../lib/sw-register';

/** "Có phiên bản mới — Tải lại", on every page once a new version of the app waits. */
export function UpdateBanner() {
  const { t } = useI18n();
  const apply = useUpdateOffer();
  if (!apply) return null;
  return (
    <div class={styles.banner} role="status" id="update-banner">
      <span>{t('update.available')}</span>
      <button type="button" onClick={apply}>
        {t('update.reload')}
      </button>
    </div>
  );
}
