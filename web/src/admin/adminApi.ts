// The administration endpoints of /api/v1 (users.read to look, users.manage to change).
import { request } from '../api.ts';
import type { ApiToken, RoleGrant } from '../auth/accessApi.ts';
import type { Role } from '../auth/permissions.ts';
import type { Language } from '../i18n/languages.ts';

export type UserStatus = 'invited' | 'active' | 'suspended';
export const userStatuses: readonly UserStatus[] = ['invited', 'active', 'suspended'];

/** A user in the administrators' list (GET /admin/users). */
export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  preferredLanguage: Language;
  status: UserStatus;
  twoFactorEnrolled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  demo: boolean;
  roles: Role[];
}

export interface AdminGrant extends RoleGrant {
  id: string;
  grantedBy: string | null;
  createdAt: string;
}

/** One user with grants, sessions and tokens (GET /admin/users/:id and every change to it). */
export interface AdminUserDetail extends AdminUser {
  grants: AdminGrant[];
  activeSessions: number;
  tokens: ApiToken[];
}

/** Whether an e-mail went out by SMTP or was kept in the outbox. */
export interface MailDelivery {
  transport: 'smtp' | 'outbox';
  sent: boolean;
  error: string | null;
}

export interface GrantInput {
  role: Role;
  countryIso3?: string;
  organisationId?: string;
}

export interface UserFilters {
  q?: string;
  status?: string;
  organisationId?: string;
  role?: string;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  transport: 'smtp' | 'outbox';
  sentAt: string | null;
  error: string | null;
  createdAt: string;
}

const base = '/api/v1/admin';

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const listUsers = async (filters: UserFilters, signal?: AbortSignal) =>
  (await request<{ items: AdminUser[] }>('GET', `${base}/users${query({ ...filters })}`, undefined, signal)).items;
export const getUser = (id: string, signal?: AbortSignal) => request<AdminUserDetail>('GET', `${base}/users/${encodeURIComponent(id)}`, undefined, signal);
export const createUser = (input: { email: string; displayName: string; organisationId: string; preferredLanguage: Language; grants: GrantInput[] }) =>
  request<{ user: AdminUserDetail; invitation: MailDelivery }>('POST', `${base}/users`, input);
export const updateUser = (id: string, patch: { displayName?: string; preferredLanguage?: Language; status?: UserStatus }) =>
  request<AdminUserDetail>('PATCH', `${base}/users/${encodeURIComponent(id)}`, patch);
export const addGrant = (id: string, grant: GrantInput) => request<AdminUserDetail>('POST', `${base}/users/${encodeURIComponent(id)}/grants`, grant);
export const removeGrant = (id: string, grantId: string) => request<AdminUserDetail>('DELETE', `${base}/users/${encodeURIComponent(id)}/grants/${encodeURIComponent(grantId)}`);
export const resendInvitation = (id: string) => request<MailDelivery>('POST', `${base}/users/${encodeURIComponent(id)}/invitation`, {});
export const revokeUserSessions = (id: string) => request<{ revoked: number }>('POST', `${base}/users/${encodeURIComponent(id)}/sessions/revoke`, {});
export const listAllTokens = async (signal?: AbortSignal) => (await request<{ items: ApiToken[] }>('GET', `${base}/tokens?active=false`, undefined, signal)).items;
export const revokeAnyToken = (id: string) => request<void>('DELETE', `${base}/tokens/${encodeURIComponent(id)}`);
export const listOutbox = async (signal?: AbortSignal) => (await request<{ items: OutboxMail[] }>('GET', `${base}/outbox`, undefined, signal)).items;
