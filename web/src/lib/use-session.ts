import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from './schema';

export interface SessionValue {
  /** The logged-in user; null before login. */
  user: User | null;
  /** Store the user (and CSRF token) of a fresh login or /auth/me answer. */
  signIn: (user: User, csrfToken: string) => void;
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
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside a logged-in page');
  return user;
}
