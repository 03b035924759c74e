import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Layout } from './components/Layout';
import { UpdateBanner } from './components/UpdateBanner';
import { auth, onUnauthenticated, setCsrfToken, setRequestLocale } from './lib/api';
import { type SessionUser, sessionUser } from './lib/capabilities';
import { createTranslator, storedLocale, storeLocale } from './lib/i18n';
import { bootSession, forgetUser, lastUser, rememberUser, type Boot } from './lib/offline-boot';
import { forgetPacks, unsentCount } from './lib/offline-sync';
import { matchPath, navigate, safeNext, type RouteParams } from './lib/router';
import type { Locale, Session } from './lib/schema';
import { I18nContext, useI18n as useI18nValue, type I18nValue } from './lib/use-i18n';
import { useLocation } from './lib/use-location';
import { SessionContext, type SessionValue } from './lib/use-session';
import { ForbiddenPage } from './pages/forbidden';
import { NotFoundPage } from './pages/not-found';
import { mayOpen, ROUTES, type PageComponent, type Route } from './routes';

export type { PageProps } from './routes';

function resolve(path: string): { route: Route; params: RouteParams } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

// Pages loaded so far, by route: a page is fetched once, the first time it is opened.
const loaded = new Map<Route, PageComponent>();

/**
 * The page of `route`, null while its module loads (it re-renders when it has), or
 * 'failed' when it could not be fetched (no network, or a newer version replaced it).
 */
function usePage(route: Route | undefined): PageComponent | 'failed' | null {
  const [failed, setFailed] = useState<Route | null>(null);
  const [, setVersion] = useState(0);
  const page = route ? loaded.get(route) : undefined;
  useEffect(() => {
    if (!route || loaded.has(route)) return;
    let live = true;
    route.load().then(
      (component) => {
        loaded.set(route, component);
        if (live) setVersion((v) => v + 1);
      },
      () => {
        if (live) setFailed(route);
      },
    );
    return () => {
      live = false;
    };
  }, [route, page]);
  if (route && failed === route && !page) return 'failed';
  return page ?? null;
}

/** A page whose code could not be fetched: say so and offer to load the app again. */
function PageLoadFailed() {
  const { t } = useI18nValue();
  return (
    <div role="alert">
      <h1>{t('error.network_title')}</h1>
      <p>{t('error.network_detail')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** A page that needs the server, opened with no network: say so and offer to try again. */
function NeedsNetwork({ onRetry }: { onRetry: () => Promise<void> }) {
  const { t } = useI18nValue();
  const [trying, setTrying] = useState(false);
  const retry = () => {
    setTrying(true);
    void onRetry().finally(() => setTrying(false));
  };
  return (
    <div id="needs-network">
      <h1>{t('offline.needs_network')}</h1>
      <p>{t('offline.needs_network_detail')}</p>
      <button type="button" onClick={retry} disabled={trying}>
        {trying ? t('offline.trying') : t('common.retry')}
      </button>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [booted, setBooted] = useState(false);
  // Booted with no network from the user this phone kept (lib/offline-boot.ts).
  const [offline, setOffline] = useState(false);
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

  // The session as the server answered it: its token, its user and what they may do.
  const keep = useCallback((session: Session) => {
    const signedIn = sessionUser(session);
    setCsrfToken(session.csrf_token);
    setUser(signedIn);
    setOffline(false);
    void rememberUser(signedIn);
  }, []);

  const signIn = useCallback(
    (session: Session) => {
      keep(session);
      // The account's language wins over the one picked before login.
      setLocaleState(session.user.locale);
      storeLocale(session.user.locale);
    },
    [keep],
  );

  const refresh = useCallback(async () => {
    keep(await auth.me());
  }, [keep]);

  const logout = useCallback(async () => {
    // Records not yet sent stay on the phone, under their user, for the next sign-in; the
    // user is told so before leaving, never left to find them gone.
    const unsent = user ? await unsentCount(user.id) : 0;
    if (unsent > 0 && !window.confirm(t('offline.signout_confirm', { count: unsent }))) return;
    try {
      await auth.logout();
    } catch {
      // The session is gone either way; forget it locally.
    }
    setCsrfToken(null);
    setUser(null);
    setOffline(false);
    await forgetUser();
    await forgetPacks();
    navigate('/login?reason=logged_out');
  }, [user, t]);

  // The session, or with no network the user kept; again on "Thử lại" and when the network returns.
  const startSession = useCallback(async () => {
    const boot: Boot = await bootSession(() => auth.me(true), lastUser);
    if (boot.mode === 'online') {
      signIn(boot.session);
    } else if (boot.mode === 'offline') {
      setUser(boot.user);
      setOffline(true);
    } else {
      setUser(null);
      setOffline(false);
    }
  }, [signIn]);

  // Pick up an existing session once at start.
  useEffect(() => {
    startSession()
      .catch(() => undefined)
      .finally(() => setBooted(true));
  }, [startSession]);

  useEffect(() => {
    if (!offline) return;
    const reconnect = () => void startSession().catch(() => undefined);
    window.addEventListener('online', reconnect);
    return () => window.removeEventListener('online', reconnect);
  }, [offline, startSession]);

  // A 401 from any call but login: back to the login page, then back here. The server
  // answered, so a boot with no network is over too: else the sign-in page, not marked
  // `offline`, would stay blank (a session that expired while the phone was cut off).
  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setUser(null);
      setOffline(false);
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
          .then(keep)
          .catch(() => undefined); // The UI already switched; a 401 is handled globally.
      }
    },
    [user, keep],
  );

  const i18n = useMemo<I18nValue>(() => ({ locale, t, setLocale }), [locale, t, setLocale]);
  const session = useMemo<SessionValue>(
    () => ({ user, signIn, refresh, logout }),
    [user, signIn, refresh, logout],
  );

  const match = resolve(location.path);
  // With no network only the pages marked `offline` open: the others need the API.
  const needsNetwork = offline && !match?.route.offline;
  const loadedPage = usePage(needsNetwork ? undefined : match?.route);
  const Page = loadedPage === 'failed' ? PageLoadFailed : loadedPage;

  // Moving to another page puts focus on <main>, so screen readers start there.
  const lastPage = useRef<unknown>(null);
  useEffect(() => {
    if (!booted || (match && !needsNetwork && !Page)) return; // its page is still loading
    const shown = needsNetwork ? 'needs-network' : (Page ?? 'not-found');
    if (lastPage.current !== null && lastPage.current !== shown) {
      document.getElementById('main')?.focus();
    }
    lastPage.current = shown;
  }, [Page, booted, needsNetwork]);

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
    ) : Page ? (
      <Page params={match.params} />
    ) : null;
  } else if (!user) {
    content = <Redirect to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} />;
  } else if (needsNetwork) {
    content = (
      <Layout>
        <NeedsNetwork onRetry={startSession} />
      </Layout>
    );
  } else if (!match) {
    content = (
      <Layout>
        <NotFoundPage params={{}} />
      </Layout>
    );
  } else if (!mayOpen(match.route, user)) {
    content = (
      <Layout>
        {/* The roles that may open it, where the page has a role list; a capability's
            holders are the server's to know (the page then names none). */}
        <ForbiddenPage params={match.route.roles ? { role: match.route.roles.join(',') } : {}} />
      </Layout>
    );
  } else {
    content = (
      <Layout>
        {Page ? (
          <Page params={match.params} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </Layout>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <UpdateBanner />
        {content}
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
