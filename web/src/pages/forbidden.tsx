import type { PageProps } from '../app';
import { Link } from '../components/Link';
import { useI18n } from '../lib/use-i18n';
import { useTitle } from '../lib/use-title';
import { type Role } from '../lib/schema';
import { ROLES } from '../lib/enums';

/** A page the user may not open; params.role names the roles that may ("a,b"), if the route has roles. */
export function ForbiddenPage({ params }: PageProps) {
  const { t } = useI18n();
  useTitle(t('forbidden.title'));
  const roles = (params.role ?? '')
    .split(',')
    .map((name) => ROLES.find((r): r is Role => r === name))
    .filter((r): r is Role => r !== undefined);
  const [role] = roles;
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      {roles.length === 1 && role ? (
        <p>{t('forbidden.body', { role: t(`role.${role}`) })}</p>
      ) : null}
      {roles.length > 1 ? (
        <p>{t('forbidden.body_roles', { roles: roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
      ) : null}
      <p>
        <Link href="/">{t('not_found.home')}</Link>
      </p>
    </>
  );
}
