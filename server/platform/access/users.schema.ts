// Request and response schemas of user administration, invitations and password resets.
import { z } from 'zod';
import { languages } from '../i18n.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { roles } from './permissions.ts';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((v) => v.toUpperCase());
const email = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
const displayName = z.string().trim().min(1).max(200);
const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);
/** One-time tokens are 43 base64url characters; anything else cannot be one. */
const oneTimeToken = z.string().min(1).max(200);

export const userStatuses = ['invited', 'active', 'suspended'] as const;

export const grantInputSchema = z.object({
  role: z.enum(roles),
  countryIso3: iso3.optional(),
  organisationId: z.uuid().optional(),
});
export type GrantInput = z.infer<typeof grantInputSchema>;

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(roles),
  countryIso3: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  grantedBy: z.uuid().nullable(),
  createdAt: z.string(),
});

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  preferredLanguage: z.enum(languages),
  status: z.enum(userStatuses),
  twoFactorEnrolled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  demo: z.boolean(),
  roles: z.array(z.enum(roles)),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userEmail: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters, to recognise the token; never usable'),
  permissions: z.array(z.string()).nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const userDetailSchema = userSummarySchema.extend({
  grants: z.array(grantSchema),
  activeSessions: z.number().int(),
  tokens: z.array(apiTokenSchema),
});

const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(userStatuses).optional(),
  organisationId: z.uuid().optional(),
  role: z.enum(roles).optional(),
  ...paging,
});

export const userListSchema = z.object({ items: z.array(userSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const createUserSchema = z.object({
  email,
  displayName,
  organisationId: z.uuid(),
  preferredLanguage: z.enum(languages).default('en'),
  grants: z.array(grantInputSchema).min(1, 'a user needs at least one role').max(20),
});

export const updateUserSchema = z
  .object({
    displayName: displayName.optional(),
    preferredLanguage: z.enum(languages).optional(),
    status: z.enum(['active', 'suspended']).optional(),
  })
  .refine((v) => v.displayName !== undefined || v.preferredLanguage !== undefined || v.status !== undefined, { message: 'nothing to change' });

export const userIdParamsSchema = z.object({ id: z.uuid() });
export const grantParamsSchema = z.object({ id: z.uuid(), grantId: z.uuid() });

export const mailDeliverySchema = z.object({
  transport: z.enum(['smtp', 'outbox']),
  sent: z.boolean(),
  error: z.string().nullable(),
});

export const createdUserSchema = z.object({ user: userDetailSchema, invitation: mailDeliverySchema });
export const revokedSchema = z.object({ revoked: z.number().int() });

export const tokenListQuerySchema = z.object({
  userId: z.uuid().optional(),
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  ...paging,
});
export const tokenListSchema = z.object({ items: z.array(apiTokenSchema) });

export const outboxQuerySchema = z.object({ to: z.string().trim().max(254).optional(), ...paging });
export const outboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      body: z.string(),
      transport: z.enum(['smtp', 'outbox']),
      sentAt: z.string().nullable(),
      error: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

// --- Invitations and password resets (public) ---

export const invitationParamsSchema = z.object({ token: oneTimeToken });
export const invitationSchema = z.object({ email: z.string(), displayName: z.string(), organisationName: z.string(), preferredLanguage: z.enum(languages) });
export const acceptInvitationSchema = z.object({ token: oneTimeToken, password });
export const acceptedInvitationSchema = z.object({ email: z.string() });

export const passwordResetRequestSchema = z.object({ email: z.string().trim().max(254) });
export const passwordResetRequestedSchema = z.object({ message: z.string() });
export const passwordResetCompleteSchema = z.object({ token: oneTimeToken, newPassword: password });
export const passwordResetDoneSchema = z.object({ email: z.string() });

export type UserSummary = z.infer<typeof userSummarySchema>;
export type UserDetail = z.infer<typeof userDetailSchema>;
export type ApiTokenView = z.infer<typeof apiTokenSchema>;
export type MailDelivery = z.infer<typeof mailDeliverySchema>;
