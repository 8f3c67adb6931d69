import type { Auth } from './AuthProvider.tsx';
import type { Permission } from './permissions.ts';

/** Who may open a page: everyone (undefined), any signed-in user, or holders of any listed permission. */
export type PageAccess = 'signedIn' | { anyOf: readonly Permission[] };

export type AccessDecision = 'allowed' | 'signIn' | 'twoFactor' | 'forbidden';

export function decideAccess(access: PageAccess | undefined, auth: Pick<Auth, 'user' | 'pendingTwoFactor' | 'can'>): AccessDecision {
  if (!access) return 'allowed';
  if (!auth.user) return auth.pendingTwoFactor ? 'twoFactor' : 'signIn';
  if (access === 'signedIn') return 'allowed';
  return access.anyOf.some((p) => auth.can(p)) ? 'allowed' : 'forbidden';
}
