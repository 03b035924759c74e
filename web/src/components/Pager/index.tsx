import styles from './style.module.css';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next buttons and "Trang 2/7 · 321 mục". */
export function Pager({ page, pageSize, total, onPage }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class={styles.pager} aria-label={t('common.pagination')}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous_page')}
      </button>
      <span>
        {t('common.page_of', {
          page: formatNumber(page),
          pages: formatNumber(pages),
          total: formatNumber(total),
        })}
      </span>
      <button
        type="button"
        class="secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('common.next_page')}
      </button>
    </nav>
  );
}
