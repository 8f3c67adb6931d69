// The API contract of authentication, the own account, sessions and API tokens.
import { z } from 'zod';
import { organisationTypes } from '../../modules/registry/registry.tables.ts';
import { languages } from '../i18n.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { permissions, roles } from './permissions.ts';

const email = z.string().trim().toLowerCase().min(3).max(320);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);

export const twoFactorStatusSchema = z
  .enum(['not_required', 'required', 'enrol'])
  .describe('What the session still needs: nothing, a code (TOTP is enabled), or enrolment (a role requires TOTP)');
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: z.enum(languages),
  organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), type: z.enum(organisationTypes) }),
  roles: z.array(z.object({ role: z.enum(roles), countryIso3: z.string().nullable(), organisationId: z.uuid().nullable() })),
  twoFactorEnabled: z.boolean(),
  permissions: z.array(z.enum(permissions)).describe('What this session (or token) may do right now'),
});
export type Me = z.infer<typeof meSchema>;

export const signInBodySchema = z.object({ email, password });
export const signInResponseSchema = z.object({ user: meSchema, twoFactor: twoFactorStatusSchema, csrfToken: z.string() });
export const sessionResponseSchema = z.object({ user: meSchema.nullable(), twoFactor: twoFactorStatusSchema, csrfToken: z.string().nullable() });

export const verifyBodySchema = z.union([
  z.object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') }).strict(),
  z.object({ recoveryCode: z.string().trim().min(4).max(64) }).strict(),
]);
export const codeBodySchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') });
export const enrolResponseSchema = z.object({
  secret: z.string().describe('Base32, for typing into an authenticator app'),
  otpauthUrl: z.string(),
  qrSvg: z.string().describe('The otpauth URL as an SVG QR code'),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).length(10).describe('Shown once; each works once') });

export const updateMeBodySchema = z
  .object({ displayName: z.string().trim().min(1).max(200).optional(), preferredLanguage: z.enum(languages).optional() })
  .strict();
export const changePasswordBodySchema = z.object({ currentPassword: password, newPassword });

export const sessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });
export const sessionParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) });

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters, to recognise the token'),
  permissions: z.array(z.enum(permissions)).nullable().describe("Null: everything the owner may do"),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const tokenListSchema = z.object({ items: z.array(tokenSchema) });
export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(365),
  permissions: z.array(z.enum(permissions)).min(1).optional(),
});
export const createdTokenSchema = tokenSchema.extend({ token: z.string().describe('Shown once: store it now') });
export const tokenParamsSchema = z.object({ id: z.uuid() });
