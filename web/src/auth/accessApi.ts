// The identity endpoints of /api/v1 (sign-in, two-factor, own account, sessions, tokens).
import { request, type OrganisationType } from '../api.ts';
import type { Language } from '../i18n/languages.ts';
import type { Permission, Role } from './permissions.ts';

export interface RoleGrant {
  /** Present on grants listed by the administration API. */
  id?: string;
  role: Role;
  countryIso3: string | null;
  organisationId: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  organisation: { id: string; name: string; acronym: string | null; type: OrganisationType };
  roles: RoleGrant[];
  twoFactorEnabled: boolean;
  permissions: Permission[];
}

/** The server says 'not_required' once the factor is passed; 'passed' is accepted as the same. */
export type TwoFactorState = 'not_required' | 'required' | 'enrol' | 'passed';

export interface Session {
  user: Me | null;
  twoFactor: TwoFactorState;
  csrfToken: string | null;
}

export interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
  expiresAt?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[] | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  /** Owner, on the administrators' lists. */
  userId?: string;
  userEmail?: string;
}

export interface Invitation {
  email: string;
  displayName: string;
  organisationName: string;
  preferredLanguage: Language;
}

const base = '/api/v1';

export const getSession = (signal?: AbortSignal) => request<Session>('GET', `${base}/auth/session`, undefined, signal);
export const signIn = (email: string, password: string) => request<Session>('POST', `${base}/auth/sign-in`, { email, password });
export const signOut = () => request<void>('POST', `${base}/auth/sign-out`, {});

export const verifyTwoFactor = (input: { code: string } | { recoveryCode: string }) => request<Session | undefined>('POST', `${base}/auth/two-factor/verify`, input);
export const startEnrolment = () => request<Enrolment>('POST', `${base}/auth/two-factor/enrol`, {});
export const confirmEnrolment = (code: string) => request<{ recoveryCodes: string[] }>('POST', `${base}/auth/two-factor/confirm`, { code });
export const disableTwoFactor = (code: string) => request<void>('DELETE', `${base}/auth/two-factor`, { code });

export const requestPasswordReset = (email: string) => request<void>('POST', `${base}/auth/password-reset/request`, { email });
export const completePasswordReset = (token: string, newPassword: string) => request<void>('POST', `${base}/auth/password-reset/complete`, { token, newPassword });

export const getInvitation = (token: string, signal?: AbortSignal) => request<Invitation>('GET', `${base}/auth/invitation/${encodeURIComponent(token)}`, undefined, signal);
export const acceptInvitation = (token: string, password: string) => request<void>('POST', `${base}/auth/invitation/accept`, { token, password });

export const getMe = (signal?: AbortSignal) => request<Me>('GET', `${base}/me`, undefined, signal);
export const updateMe = (patch: { displayName?: string; preferredLanguage?: Language }) => request<Me>('PATCH', `${base}/me`, patch);
export const changePassword = (currentPassword: string, newPassword: string) => request<void>('POST', `${base}/me/password`, { currentPassword, newPassword });

export const getMySessions = async (signal?: AbortSignal) => (await request<{ items: SessionInfo[] }>('GET', `${base}/me/sessions`, undefined, signal)).items;
export const revokeMySession = (id: string) => request<void>('DELETE', `${base}/me/sessions/${encodeURIComponent(id)}`);
export const revokeAllMySessions = () => request<void>('POST', `${base}/me/sessions/revoke-all`, {});

export const getMyTokens = async (signal?: AbortSignal) => (await request<{ items: ApiToken[] }>('GET', `${base}/me/tokens`, undefined, signal)).items;
export const createMyToken = (input: { name: string; expiresInDays: number; permissions?: Permission[] }) =>
  request<ApiToken & { token: string }>('POST', `${base}/me/tokens`, input);
export const revokeMyToken = (id: string) => request<void>('DELETE', `${base}/me/tokens/${encodeURIComponent(id)}`);
