import type { PageProps } from '../app';
import { Link } from '../components/Link';
import { useI18n } from '../lib/use-i18n';
import { useLocation } from '../lib/use-location';
import { useTitle } from '../lib/use-title';

export function NotFoundPage(_: PageProps) {
  const { t } = useI18n();
  const { path } = useLocation();
  useTitle(t('not_found.title'));
  return (
    <>
      <h1>{t('not_found.title')}</h1>
      <p>{t('not_found.body', { path })}</p>
      <p>
        <Link href="/">{t('not_found.home')}</Link>
      </p>
    </>
  );
}
