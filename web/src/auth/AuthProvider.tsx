import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken } from '../api.ts';
import { getSession, signOut as apiSignOut, type Me, type Session, type TwoFactorState } from './accessApi.ts';
import type { Permission } from './permissions.ts';

export interface Auth {
  status: 'loading' | 'ready';
  /** The signed-in user once any second factor is passed; null otherwise. */
  user: Me | null;
  /** Signed in with the password, still to verify or enrol a second factor. */
  pendingTwoFactor: 'required' | 'enrol' | null;
  can: (permission: Permission) => boolean;
  /** Takes a session answer (sign-in, two-factor) as the current one. */
  accept: (session: Session) => void;
  /** Reloads the session from the server (after profile changes, two-factor, ...). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

const anonymous: Session = { user: null, twoFactor: 'not_required', csrfToken: null };

function isPassed(state: TwoFactorState): boolean {
  return state === 'not_required' || state === 'passed';
}

/** Loads GET /auth/session once at start and owns the session (user, CSRF token, permissions). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(anonymous);
  const [status, setStatus] = useState<Auth['status']>('loading');

  const accept = useCallback((next: Session) => {
    // Some answers (two-factor verify) may leave out the token: keep the one we have then.
    if (next.csrfToken !== undefined) setCsrfToken(next.csrfToken);
    setSession(next);
    setStatus('ready');
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await getSession());
    } catch {
      // No session endpoint (or no network): behave as signed out; pages say what failed.
      accept(anonymous);
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      accept(anonymous);
    }
  }, [accept]);

  const value = useMemo<Auth>(() => {
    const passed = isPassed(session.twoFactor);
    const user = session.user && passed ? session.user : null;
    const granted = new Set<string>(user?.permissions ?? []);
    return {
      status,
      user,
      pendingTwoFactor: session.user && !passed ? (session.twoFactor === 'enrol' ? 'enrol' : 'required') : null,
      can: (permission) => granted.has(permission),
      accept,
      refresh,
      signOut,
    };
  }, [session, status, accept, refresh, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
