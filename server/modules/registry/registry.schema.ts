// Requests and answers of the organisations registry (the API contract and OpenAPI document).
import { z } from 'zod';
import { languages, type Language } from '../../platform/i18n.ts';
import { membershipBodies, organisationTypes } from './registry.tables.ts';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((v) => v.toUpperCase());
const label = z.string().trim().min(1, 'must not be empty').max(300);
const acronymText = z.string().trim().min(1, 'must not be empty').max(40);
const isoDate = z.iso.date('a date as YYYY-MM-DD');

/** A name (or acronym) in any of the six UN languages; unknown language keys are refused. */
const perLanguage = <T extends z.ZodType<string>>(text: T) => z.strictObject(Object.fromEntries(languages.map((l) => [l, text.optional()])) as Record<Language, z.ZodOptional<T>>);
const namesOut = z.partialRecord(z.enum(languages), z.string());

/** IATI organisation identifiers: registration agency prefix and number, no spaces (e.g. XM-DAC-41123). */
const iatiOrgId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{2,149}$/, 'an IATI organisation identifier such as XM-DAC-41123 (letters, digits, . _ : / -)');
const website = z
  .url({ protocol: /^https?$/, error: 'an http or https address' })
  .max(500);

export const membershipFlagsSchema = z.object({
  globalPartnership: z.boolean().describe('A current member of the Global Partnership'),
  iawg: z.boolean().describe('A current member of the Inter-agency Working Group'),
});

export const organisationSchema = z.object({
  id: z.uuid(),
  type: z.enum(organisationTypes),
  name: z.string(),
  acronym: z.string().nullable(),
  countryIso3: z.string().nullable(),
  parentId: z.uuid().nullable(),
  iatiOrgId: z.string().nullable(),
  members: membershipFlagsSchema,
  demo: z.boolean().describe('Demonstration data, not real'),
});

export const membershipSchema = z.object({
  id: z.uuid(),
  body: z.enum(membershipBodies),
  joinedOn: z.string(),
  leftOn: z.string().nullable().describe('Null while current'),
  notes: z.string().nullable(),
  demo: z.boolean(),
});

export const organisationDetailSchema = organisationSchema.extend({
  names: namesOut.describe('The name in UN languages where known'),
  acronyms: namesOut,
  aliases: z.array(z.string()),
  website: z.string().nullable(),
  parent: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }).nullable(),
  memberships: z.array(membershipSchema).describe('Current and past memberships, newest first'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organisationListQuerySchema = z.object({
  type: z.enum(organisationTypes).optional(),
  country: iso3.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search in names, acronyms and aliases (accents and case ignored, near spellings match)'),
  member: z.enum(membershipBodies).optional().describe('Only current members of this body'),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const organisationListSchema = z.object({ items: z.array(organisationSchema), total: z.number().int() });
export const organisationCountsSchema = z.object({
  byType: z.array(z.object({ type: z.enum(organisationTypes), count: z.number().int() })),
});
export const organisationIdParamsSchema = z.object({ id: z.uuid() });
export const membershipParamsSchema = z.object({ id: z.uuid(), membershipId: z.uuid() });

const confirmDuplicate = z.boolean().default(false).describe('Create or save even though similar organisations exist (409 CONFLICT lists them otherwise)');

export const createOrganisationSchema = z.strictObject({
  type: z.enum(organisationTypes),
  name: label,
  acronym: acronymText.optional(),
  names: perLanguage(label).optional(),
  acronyms: perLanguage(acronymText).optional(),
  aliases: z.array(label).max(30).optional(),
  iatiOrgId: iatiOrgId.optional(),
  countryIso3: iso3.optional(),
  parentId: z.uuid().optional(),
  website: website.optional(),
  confirmDuplicate,
});

export const updateOrganisationSchema = z
  .strictObject({
    type: z.enum(organisationTypes).optional(),
    name: label.optional(),
    acronym: acronymText.nullable().optional(),
    names: perLanguage(label).optional(),
    acronyms: perLanguage(acronymText).optional(),
    aliases: z.array(label).max(30).optional(),
    iatiOrgId: iatiOrgId.nullable().optional(),
    countryIso3: iso3.nullable().optional(),
    parentId: z.uuid().nullable().optional(),
    website: website.nullable().optional(),
    confirmDuplicate,
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'confirmDuplicate'), { message: 'change at least one field' });

export const addMembershipSchema = z.strictObject({
  body: z.enum(membershipBodies),
  joinedOn: isoDate,
  notes: z.string().trim().max(2000).optional(),
});

export const endMembershipSchema = z.strictObject({
  leftOn: isoDate,
  notes: z.string().trim().max(2000).optional(),
});

export const focalPointSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'active']),
  roles: z.array(z.string()),
  demo: z.boolean(),
});
export const focalPointListSchema = z.object({ items: z.array(focalPointSchema) });

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type FocalPoint = z.infer<typeof focalPointSchema>;
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;
export type AddMembershipInput = z.infer<typeof addMembershipSchema>;
export type EndMembershipInput = z.infer<typeof endMembershipSchema>;
