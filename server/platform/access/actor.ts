import type { Language } from '../i18n.ts';
import type { Permission, Role } from './permissions.ts';

/** One role a user holds, with its scope (a State's alpha-3 code or an organisation id). */
export interface Grant {
  role: Role;
  countryIso3: string | null;
  organisationId: string | null;
}

/** Who is making a request. */
export type Actor = AnonymousActor | UserActor;

export interface AnonymousActor {
  kind: 'anonymous';
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  organisationId: string;
  language: Language;
  grants: Grant[];
  /** How the request was authenticated. */
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /** An API token may be narrower than its owner: only these permissions, if set. */
  tokenPermissions: readonly Permission[] | null;
  /** False while a user whose roles require a second factor has not passed (or enrolled) it. */
  twoFactorSatisfied: boolean;
}

export const anonymous: AnonymousActor = { kind: 'anonymous' };
