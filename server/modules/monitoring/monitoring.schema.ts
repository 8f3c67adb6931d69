// Requests and answers of monitoring and transparency (the API contract and OpenAPI document).
import { z } from 'zod';
import { pillars } from '../activities/activities.schema.ts';
import { requiredFields } from '../activities/activities.stats.ts';
import { languageNamesSchema } from '../reference/reference.schema.ts';
import { organisationTypes } from '../registry/registry.tables.ts';
import { countryTreatiesSchema } from '../treaties/treaties.schema.ts';

const isoDate = z.iso.date('a date as YYYY-MM-DD');
const share = z.number().min(0).max(1).nullable().describe('0 to 1; null when there is nothing to measure');

export const roundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string().describe('Activities are to be updated between the end of the period and this day'),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const roundListSchema = z.object({ items: z.array(roundSchema) });
export const roundInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  periodStart: isoDate,
  periodEnd: isoDate,
  dueDate: isoDate,
});
export const roundUpdateSchema = roundInputSchema.partial();
export const roundParamsSchema = z.object({ id: z.uuid() });

export const scorecardSortKeys = ['name', 'activities', 'complete', 'freshness', 'mandate', 'timeliness'] as const;
export const scorecardListQuerySchema = z.object({
  sort: z.enum(scorecardSortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

const roundOutcomeSchema = z.object({ roundId: z.uuid(), name: z.string(), periodEnd: z.string(), dueDate: z.string(), onTime: z.boolean() });

export const scorecardSchema = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), type: z.enum(organisationTypes) }),
  activities: z.number().int().describe('Activities counted: published ones, plus the drafts the reader may see'),
  published: z.number().int(),
  drafts: z.number().int().describe('Always 0 for readers who may not see the organisation\'s drafts'),
  complete: z.object({ count: z.number().int(), share, byField: z.record(z.enum(requiredFields), z.object({ count: z.number().int(), share })) }),
  freshness: z.object({
    medianDays: z.number().nullable().describe('Median of the days since each activity was last updated'),
    oldestDays: z.number().int().nullable().describe('Days since the least recently updated activity was updated'),
    lastUpdatedAt: z.string().nullable(),
  }),
  mandate: z.object({ count: z.number().int(), share }).describe('Activities linked to at least one mandate paragraph'),
  timeliness: z.object({
    roundsDue: z.number().int().describe('Past rounds (due date passed) since the organisation first reported'),
    onTime: z.number().int(),
    share,
    rounds: z.array(roundOutcomeSchema).describe('Each past round; listed for one organisation only'),
  }),
});
export const scorecardListSchema = z.object({
  asOf: z.string(),
  requiredFields: z.array(z.enum(requiredFields)),
  items: z.array(scorecardSchema),
});
export const scorecardDetailSchema = scorecardSchema.extend({ asOf: z.string(), requiredFields: z.array(z.enum(requiredFields)) });
export const organisationParamsSchema = z.object({ organisationId: z.uuid() });

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((v) => v.toUpperCase());
export const countryParamsSchema = z.object({ iso3 });

const count = z.number().int();
export const countryProfileSchema = z.object({
  country: z.object({ iso3: z.string(), iso2: z.string(), numeric: z.string(), names: languageNamesSchema }),
  treaties: countryTreatiesSchema.shape.instruments,
  activities: z.object({
    total: count,
    byPillar: z.array(z.object({ pillar: z.string(), count })),
    byStatus: z.array(z.object({ status: z.number().int(), count })),
    byOrganisation: z.array(z.object({ organisationId: z.uuid(), name: z.string(), acronym: z.string().nullable(), count })),
    latest: z.array(
      z.object({
        id: z.uuid(),
        iatiIdentifier: z.string(),
        reportingOrgId: z.uuid(),
        title: z.record(z.string(), z.string()),
        status: z.number().int(),
        published: z.boolean(),
        pillars: z.array(z.string()),
        updatedAt: z.string(),
      }),
    ),
  }),
});

export const activityMapSchema = z.object({
  pillars: z.array(z.enum(pillars)),
  items: z.array(
    z.object({
      countryIso3: z.string(),
      numeric: z.string().describe('ISO 3166-1 numeric (M49) code, to join map shapes'),
      names: languageNamesSchema,
      total: count.describe('Activities in the country, whatever their pillars'),
      byPillar: z.record(z.string(), count),
    }),
  ),
});

export type Round = z.infer<typeof roundSchema>;
export type RoundInput = z.infer<typeof roundInputSchema>;
export type RoundUpdate = z.infer<typeof roundUpdateSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
export type ScorecardList = z.infer<typeof scorecardListSchema>;
export type ScorecardListQuery = z.infer<typeof scorecardListQuerySchema>;
export type CountryProfile = z.infer<typeof countryProfileSchema>;
export type ActivityMap = z.infer<typeof activityMapSchema>;
