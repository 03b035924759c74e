import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import styles from './style.module.css';
import { Link } from '../Link';
import { LocaleSwitch } from '../LocaleSwitch';
import { OutboxStatus } from '../OutboxStatus';
import { can } from '../../lib/capabilities';
import { useI18n } from '../../lib/use-i18n';
import { useLocation } from '../../lib/use-location';
import { useSession } from '../../lib/use-session';
import { navigationFor } from '../../routes';

function matches(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(href + '/');
}

/** The entry of the page shown: the longest matching one (/mailbox/boxes over /mailbox). */
export function currentHref(hrefs: readonly string[], path: string): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    if (matches(href, path) && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

/** Header (name, user, outbox badge, language, logout), main navigation and the <main> landmark. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // Close the phone menu after choosing a page.
  useEffect(() => setMenuOpen(false), [path]);

  if (!user) return null;
  const items = navigationFor(user);
  const current = currentHref(
    items.map((item) => item.href),
    path,
  );

  return (
    <>
      <a class={styles.skip} href="#main">
        {t('app.skip_to_content')}
      </a>
      <header class={styles.header}>
        <div class={styles.bar}>
          <Link href="/" class={styles.brand}>
            {t('app.name')}
          </Link>
          <div class={styles.user} aria-label={t('header.user')} role="group">
            <strong id="current-user">{user.full_name || user.username}</strong>
            <span class={styles.role} id="current-role">
              {t(`role.${user.role}`)}
            </span>
          </div>
          <div class={styles.tools}>
            {can(user, 'offline.pack') ? <OutboxStatus userId={user.id} /> : null}
            <LocaleSwitch />
            <button type="button" id="logout" onClick={() => void logout()}>
              {t('header.logout')}
            </button>
          </div>
        </div>
      </header>
      <nav class={`${styles.nav} ${menuOpen ? styles.open : ''}`} aria-label={t('nav.label')}>
        <div class={styles.navInner}>
          <button
            type="button"
            class={styles.menuButton}
            aria-expanded={menuOpen ? 'true' : 'false'}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('nav.menu')}
          </button>
          <ul class={styles.links} id="main-nav">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main id="main" class={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
