import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Layout } from './components/Layout';
import { auth, onUnauthenticated, setCsrfToken, setRequestLocale } from './lib/api';
import { createTranslator, storedLocale, storeLocale } from './lib/i18n';
import { matchPath, navigate, safeNext, type RouteParams } from './lib/router';
import type { Locale, Role, User } from './lib/types';
import { I18nContext, type I18nValue } from './lib/use-i18n';
import { useLocation } from './lib/use-location';
import { SessionContext, type SessionValue } from './lib/use-session';
import { AccountPage } from './pages/account';
import { AuditPage } from './pages/audit';
import { BoxesPage, BoxPage } from './pages/boxes';
import { DashboardPage } from './pages/dashboard';
import { ForbiddenPage } from './pages/forbidden';
import { LoginPage } from './pages/login';
import { MailboxPage } from './pages/mailbox';
import { MailboxKeysPage } from './pages/mailbox-keys';
import { NotFoundPage } from './pages/not-found';
import { TipPage } from './pages/tip';
import { RegisterTipPage } from './pages/tip-new';
import { UnitsPage } from './pages/units';
import { UsersPage } from './pages/users';

export interface PageProps {
  params: RouteParams;
}

interface Route {
  path: string;
  page: FunctionComponent<PageProps>;
  /** Shown without logging in (and skipped once logged in). */
  public?: boolean;
  /** Only these roles may open the page. */
  roles?: readonly Role[];
}

/** Paper mailboxes: officers keep them, reviewers and administrators read them. */
const BOX_READERS: readonly Role[] = ['officer', 'reviewer', 'admin'];

/** Every page of the app; anything else is the 404 page. */
const ROUTES: readonly Route[] = [
  { path: '/login', page: LoginPage, public: true },
  { path: '/', page: DashboardPage },
  { path: '/units', page: UnitsPage },
  { path: '/units/:id', page: UnitsPage },
  { path: '/mailbox', page: MailboxPage, roles: ['officer'] },
  // Before /mailbox/:id, which would take "keys", "new" or "boxes" for an id.
  { path: '/mailbox/keys', page: MailboxKeysPage, roles: ['officer'] },
  { path: '/mailbox/new', page: RegisterTipPage, roles: ['officer'] },
  { path: '/mailbox/boxes', page: BoxesPage, roles: BOX_READERS },
  { path: '/mailbox/boxes/:id', page: BoxPage, roles: BOX_READERS },
  { path: '/mailbox/:id', page: TipPage, roles: ['officer'] },
  { path: '/users', page: UsersPage, roles: ['admin'] },
  { path: '/audit', page: AuditPage, roles: ['auditor'] },
  { path: '/account', page: AccountPage },
];

function resolve(path: string): { route: Route; params: RouteParams } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const [user, setUser] = useState<User | null>(null);
  const [booted, setBooted] = useState(false);
  const location = useLocation();
  const here = location.path + (location.search.toString() ? `?${location.search}` : '');
  const hereRef = useRef(here);
  hereRef.current = here;

  const t = useMemo(() => {
    setRequestLocale(locale);
    return createTranslator(locale);
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const signIn = useCallback((next: User, csrfToken: string) => {
    setCsrfToken(csrfToken);
    setUser(next);
    // The account's language wins over the one picked before login.
    setLocaleState(next.locale);
    storeLocale(next.locale);
  }, []);

  const refresh = useCallback(async () => {
    const session = await auth.me();
    setCsrfToken(session.csrf_token);
    setUser(session.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } catch {
      // The session is gone either way; forget it locally.
    }
    setCsrfToken(null);
    setUser(null);
    navigate('/login?reason=logged_out');
  }, []);

  // Pick up an existing session once at start.
  useEffect(() => {
    auth
      .me(true)
      .then((session) => signIn(session.user, session.csrf_token))
      .catch(() => undefined)
      .finally(() => setBooted(true));
  }, [signIn]);

  // A 401 from any call but login: back to the login page, then back here.
  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setUser(null);
      const next = hereRef.current.startsWith('/login') ? '/' : hereRef.current;
      navigate(`/login?reason=expired&next=${encodeURIComponent(next)}`, { replace: true });
    });
    return () => onUnauthenticated(null);
  }, []);

  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      storeLocale(next);
      if (user && user.locale !== next) {
        auth
          .setLocale(next)
          .then((session) => {
            setCsrfToken(session.csrf_token);
            setUser(session.user);
          })
          .catch(() => undefined); // The UI already switched; a 401 is handled globally.
      }
    },
    [user],
  );

  const i18n = useMemo<I18nValue>(() => ({ locale, t, setLocale }), [locale, t, setLocale]);
  const session = useMemo<SessionValue>(
    () => ({ user, signIn, refresh, logout }),
    [user, signIn, refresh, logout],
  );

  const match = resolve(location.path);
  const Page = match?.route.page;

  // Moving to another page puts focus on <main>, so screen readers start there.
  const lastPage = useRef<unknown>(null);
  useEffect(() => {
    if (!booted) return;
    if (lastPage.current !== null && lastPage.current !== Page) {
      document.getElementById('main')?.focus();
    }
    lastPage.current = Page ?? 'not-found';
  }, [Page, booted]);

  let content;
  if (!booted) {
    content = (
      <p class="boot" role="status">
        {t('app.loading')}
      </p>
    );
  } else if (match?.route.public) {
    content = user ? (
      <Redirect to={safeNext(location.search.get('next'))} />
    ) : (
      <match.route.page params={match.params} />
    );
  } else if (!user) {
    content = <Redirect to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} />;
  } else if (!match || !Page) {
    content = (
      <Layout>
        <NotFoundPage params={{}} />
      </Layout>
    );
  } else if (match.route.roles && !match.route.roles.includes(user.role)) {
    content = (
      <Layout>
        <ForbiddenPage params={{ role: match.route.roles.join(',') }} />
      </Layout>
    );
  } else {
    content = (
      <Layout>
        <Page params={match.params} />
      </Layout>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>{content}</SessionContext.Provider>
    </I18nContext.Provider>
  );
}
