import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiProvider } from '../api/ApiContext.js';
import { call, createApiClient } from '../api/client.js';
import type { LoginAnswer, User } from '../api/types.js';

/** A logged-in session as kept in the tab: the API's login answer. */
type Session = LoginAnswer;

const KEY = 'carbonbase.session';

// sessionStorage, not localStorage: a session ends with the tab, so a shared office computer does
// not stay logged in, and each tab may hold a different account.
function loadSession(now = new Date()): Session | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    if (!text) return undefined;
    const session = JSON.parse(text) as Session;
    if (typeof session.token !== 'string' || new Date(session.expiresAt) <= now) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return session;
  } catch {
    return undefined;
  }
}

function saveSession(session: Session | undefined): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the session lives in memory for this page only.
  }
}

interface Auth {
  readonly user: User | undefined;
  /** True after the API refused the session (expired or revoked), until the next login. */
  readonly expired: boolean;
  readonly login: (tenant: string, login: string, password: string) => Promise<User>;
  readonly logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthProvider>');
  return auth;
}

/** The logged-in user; only for components under <RequireAuth>. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside a logged-in page');
  return user;
}

/**
 * Holds the session and the one API client of the app. The client reads the token at each
 * request, and any 401 outside the login form ends the session, which sends the user to login.
 */
export function AuthProvider({ children, baseUrl }: { children: ReactNode; baseUrl?: string }) {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [expired, setExpired] = useState(false);
  const token = useRef(session?.token);

  const end = useCallback((why: 'logout' | 'expired') => {
    token.current = undefined;
    saveSession(undefined);
    setSession(undefined);
    setExpired(why === 'expired');
  }, []);

  const api = useMemo(
    () =>
      createApiClient({
        baseUrl: baseUrl ?? window.location.origin,
        token: () => token.current,
        onUnauthorized: () => end('expired'),
      }),
    [baseUrl, end],
  );

  const auth = useMemo<Auth>(
    () => ({
      user: session?.user,
      expired,
      login: async (tenant, login, password) => {
        const answer = await call(
          api.POST('/api/v1/auth/login', { body: { tenant, login, password } }),
        );
        token.current = answer.token;
        saveSession(answer);
        setSession(answer);
        setExpired(false);
        return answer.user;
      },
      logout: async () => {
        // The token is revoked on the server; the session ends here whatever the answer.
        await call(api.POST('/api/v1/auth/logout')).catch(() => undefined);
        end('logout');
      },
    }),
    [api, session, expired, end],
  );

  return (
    <AuthContext.Provider value={auth}>
      <ApiProvider client={api}>{children}</ApiProvider>
    </AuthContext.Provider>
  );
}
