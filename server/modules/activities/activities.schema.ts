import { z } from 'zod';
import { exploitationForms } from '../incidents/incidents.values.ts';

// The activity document: a superset of an IATI 2.03 activity. Codes are IATI's where IATI has
// a codelist (statuses, roles, transaction types); the anti-trafficking vocabularies are ours.

export const pillars = ['prevention', 'protection', 'prosecution', 'partnership', 'demand_reduction', 'recovery_reintegration', 'technical_assistance'] as const;
// The forms of exploitation are HTCDS's value set, kept once with the other value sets.
export { exploitationForms };
export const targetGroups = [
  'women',
  'girls',
  'children',
  'men',
  'boys',
  'migrants',
  'refugees_idps',
  'workers',
  'victims_survivors',
  'law_enforcement',
  'judiciary',
  'officials',
  'civil_society',
  'private_sector',
  'general_public',
] as const;

/** Sector vocabularies: IATI 1 (OECD DAC 5-digit purpose codes) and ours (the pillars). */
export const sectorVocabularies = ['1', 'tip'] as const;

const isoDate = z.iso.date();
const lang = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 language code');
/** Text in several languages: `{ en: '...', fr: '...' }`. */
export const narrativesSchema = z.record(lang, z.string().trim().min(1).max(20_000));
const percentage = z.number().min(0).max(100).nullable();
const money = z.object({ value: z.number(), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'), valueDate: isoDate });

export const participatingOrgSchema = z
  .object({
    role: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe('1 funding, 2 accountable, 3 extending, 4 implementing'),
    organisationId: z.uuid().nullable(),
    ref: z.string().trim().min(1).max(200).nullable(),
    type: z.string().regex(/^\d{2}$/).nullable().describe('IATI OrganisationType code'),
    name: narrativesSchema,
  })
  .refine((o) => o.organisationId || o.ref || Object.keys(o.name).length > 0, { message: 'needs an organisationId, a ref or a name' });

const dimensionsSchema = z.record(z.string().min(1).max(100), z.string().max(200));
const measuredValue = z.object({ value: z.number().nullable(), dimensions: dimensionsSchema.describe('disaggregation, e.g. { sex: "female" }') });

export const indicatorSchema = z.object({
  measure: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).describe('IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative'),
  ascending: z.boolean(),
  title: narrativesSchema,
  baseline: z.object({ year: z.number().int().min(1900).max(2200), value: z.number().nullable(), dimensions: dimensionsSchema }).nullable(),
  periods: z.array(z.object({ start: isoDate, end: isoDate, targets: z.array(measuredValue), actuals: z.array(measuredValue) })),
});

export const activityDocumentSchema = z.object({
  iatiIdentifier: z.string().trim().min(3).max(200),
  reportingOrg: z.object({ ref: z.string().trim().min(1).max(200).nullable(), type: z.string().regex(/^\d{2}$/).nullable(), name: narrativesSchema }),
  title: narrativesSchema.refine((n) => Object.keys(n).length > 0, 'at least one language'),
  description: narrativesSchema,
  status: z.number().int().min(1).max(6).describe('IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended'),
  dates: z.object({ plannedStart: isoDate.nullable(), actualStart: isoDate.nullable(), plannedEnd: isoDate.nullable(), actualEnd: isoDate.nullable() }),
  participatingOrgs: z.array(participatingOrgSchema),
  recipientCountries: z.array(z.object({ code: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'), percentage })),
  recipientRegions: z.array(z.object({ code: z.string().regex(/^\d{3}$/), vocabulary: z.enum(['1', '2']).describe('1 OECD DAC, 2 UN M49'), percentage })),
  sectors: z.array(z.object({ vocabulary: z.enum(sectorVocabularies), code: z.string(), percentage })),
  targetGroups: z.array(z.enum(targetGroups)),
  exploitationForms: z.array(z.enum(exploitationForms)),
  traffickingMarker: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable().describe('0 not targeted, 1 significant objective, 2 principal objective'),
  budgets: z.array(z.object({ type: z.union([z.literal(1), z.literal(2)]), status: z.union([z.literal(1), z.literal(2)]), periodStart: isoDate, periodEnd: isoDate, ...money.shape })),
  transactions: z.array(
    z.object({
      ref: z.string().max(200).nullable(),
      type: z.number().int().min(1).max(13).describe('IATI TransactionType'),
      date: isoDate,
      ...money.shape,
      description: narrativesSchema,
      providerOrg: z.object({ ref: z.string().nullable(), name: narrativesSchema }).nullable(),
      receiverOrg: z.object({ ref: z.string().nullable(), name: narrativesSchema }).nullable(),
    }),
  ),
  results: z.array(
    z.object({
      type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(9)]).describe('IATI ResultType: 1 output, 2 outcome, 3 impact, 9 other'),
      title: narrativesSchema,
      description: narrativesSchema,
      indicators: z.array(indicatorSchema),
    }),
  ),
  mandateLinks: z.array(z.string().trim().min(1).max(200)).describe('Operative paragraphs implemented, as text references (e.g. "A/RES/61/180 para 6")'),
  documents: z.array(z.object({ url: z.url(), format: z.string().max(100), title: narrativesSchema, categories: z.array(z.string().regex(/^[AB]\d{2}$/)) })),
  contacts: z.array(
    z.object({
      type: z.string().regex(/^\d$/).nullable(),
      organisation: narrativesSchema,
      personName: narrativesSchema,
      telephone: z.string().max(100).nullable(),
      email: z.email().nullable(),
      website: z.url().nullable(),
    }),
  ),
});

export type ActivityDocument = z.infer<typeof activityDocumentSchema>;
export type Narratives = z.infer<typeof narrativesSchema>;

/** A new activity: the document, whose lists may be left out, plus who reports it and whether it is public. */
export const createActivitySchema = activityDocumentSchema.partial().required({ iatiIdentifier: true, title: true, status: true }).extend({
  reportingOrgId: z.uuid(),
  published: z.boolean().default(false),
});
export const updateActivitySchema = activityDocumentSchema.omit({ iatiIdentifier: true }).partial().extend({ published: z.boolean().optional() });

export const activitySchema = z.object({
  id: z.uuid(),
  reportingOrgId: z.uuid(),
  published: z.boolean(),
  version: z.number().int(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  document: activityDocumentSchema,
});

export const activitySummarySchema = z.object({
  id: z.uuid(),
  iatiIdentifier: z.string(),
  reportingOrgId: z.uuid(),
  title: narrativesSchema,
  status: z.number().int(),
  published: z.boolean(),
  countries: z.array(z.string()),
  pillars: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const activityListQuerySchema = z.object({
  country: z.string().regex(/^[A-Za-z]{2,3}$/, 'an ISO 3166-1 alpha-2 or alpha-3 code').optional(),
  organisation: z.uuid().optional(),
  pillar: z.enum(pillars).optional(),
  status: z.coerce.number().int().min(1).max(6).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const activityListSchema = z.object({ items: z.array(activitySummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const activityIdParamsSchema = z.object({ id: z.uuid() });
export const historySchema = z.object({
  items: z.array(z.object({ version: z.number().int(), published: z.boolean(), source: z.string(), changedBy: z.string().nullable(), createdAt: z.string() })),
});
export const diffQuerySchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const diffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ path: z.string().describe('e.g. recipientCountries[1].percentage'), kind: z.enum(['added', 'removed', 'changed']), from: z.unknown(), to: z.unknown() })),
});

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  organisationId: z.uuid().optional().describe('Report every activity of the file as this organisation'),
});
export const problemSchema = z.object({ severity: z.enum(['critical', 'error', 'warning']), path: z.string(), reason: z.string() });
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  activities: z.array(
    z.object({
      index: z.number().int().describe('1-based position in the file'),
      iatiIdentifier: z.string().nullable(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
      activityId: z.uuid().nullable(),
      problems: z.array(problemSchema),
    }),
  ),
  fileProblems: z.array(problemSchema),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
});

export type CreateActivityInput = z.infer<typeof createActivitySchema>;
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;
export type Activity = z.infer<typeof activitySchema>;
export type ActivitySummary = z.infer<typeof activitySummarySchema>;
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type ActivityDiff = z.infer<typeof diffSchema>;

/** An empty document with every list present, to complete partial input. */
export function emptyDocument(iatiIdentifier: string): ActivityDocument {
  return {
    iatiIdentifier,
    reportingOrg: { ref: null, type: null, name: {} },
    title: {},
    description: {},
    status: 1,
    dates: { plannedStart: null, actualStart: null, plannedEnd: null, actualEnd: null },
    participatingOrgs: [],
    recipientCountries: [],
    recipientRegions: [],
    sectors: [],
    targetGroups: [],
    exploitationForms: [],
    traffickingMarker: null,
    budgets: [],
    transactions: [],
    results: [],
    mandateLinks: [],
    documents: [],
    contacts: [],
  };
}
