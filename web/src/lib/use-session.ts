import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionUser } from './capabilities';
import type { Session } from './schema';

export interface SessionValue {
  /** The logged-in user with the session's capabilities; null before login. */
  user: SessionUser | null;
  /** Store the user, capabilities and CSRF token of a fresh login or /auth/me answer. */
  signIn: (session: Session) => void;
  /** Re-read /auth/me (after enabling 2FA, for instance). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>({
  user: null,
  signIn: () => undefined,
  refresh: async () => undefined,
  logout: async () => undefined,
});

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** The logged-in user on pages that are only rendered after login. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside a logged-in page');
  return user;
}
