import type { PageProps } from '../app';
import { Link } from '../components/Link';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';
import { ROLES, type Role } from '../lib/types';

/** A page the user's role may not open; params.role names the role that may. */
export function ForbiddenPage({ params }: PageProps) {
  const { t } = useI18n();
  useTitle(t('forbidden.title'));
  const role = ROLES.find((r): r is Role => r === params.role);
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      {role ? <p>{t('forbidden.body', { role: t(`role.${role}`) })}</p> : null}
      <p>
        <Link href="/">{t('not_found.home')}</Link>
      </p>
    </>
  );
}
