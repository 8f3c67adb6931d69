// The API contract of aggregate reports (and their OpenAPI document).
import { z } from 'zod';
import { ages, categoryKinds, dimensions, FIRST_YEAR, indicators, LAST_YEAR, reportStatuses, sexes } from './aggregates.values.ts';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((s) => s.toUpperCase());
const year = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);

/** A count (0 means known none), a suppressed small count (`<5`: below 5, bound kept), or unknown. */
export const aggregateValueSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('count'), count: z.number().int().min(0).max(100_000_000) }),
    z.strictObject({ kind: z.literal('suppressed'), below: z.number().int().min(1).max(1000).describe('The published bound: `<5` is below 5') }),
    z.strictObject({ kind: z.literal('unknown') }),
  ])
  .describe('Zero, unknown and suppressed are distinct; a value not sent at all was not reported');
export type AggregateValue = z.infer<typeof aggregateValueSchema>;

export const aggregateCellSchema = z.strictObject({
  indicator: z.enum(indicators),
  dimension: z.enum(dimensions),
  category: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("'total' for the total dimension; a form of exploitation; an ISO alpha-3 code or an area name for citizenship and repatriation"),
  sex: z.enum(sexes),
  age: z.enum(ages),
  value: aggregateValueSchema,
});
export type AggregateCell = z.infer<typeof aggregateCellSchema>;

export const putReportSchema = z.strictObject({
  values: z.array(aggregateCellSchema).min(1).max(20_000).describe('The whole report for the year: replaces the previous version (which is kept)'),
});

export const reportParamsSchema = z.object({ state: iso3, year });
export const stateParamsSchema = z.object({ state: iso3 });
export const returnReportSchema = z.strictObject({ comments: z.string().trim().min(1).max(5000) });

export const valuesQuerySchema = z.object({
  indicator: z.enum(indicators).optional(),
  dimension: z.enum(dimensions).optional(),
  from: year.optional().describe('First year (inclusive)'),
  to: year.optional().describe('Last year (inclusive)'),
});
export type ValuesQuery = z.infer<typeof valuesQuerySchema>;

const reportHead = z.object({
  reportingState: z.string(),
  year: z.number().int(),
  status: z.enum(reportStatuses),
  version: z.number().int(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComments: z.string().nullable(),
  synthetic: z.boolean().describe('Demonstration data, not a real report'),
});
export type ReportHead = z.infer<typeof reportHead>;

export const storedCellSchema = aggregateCellSchema.extend({
  categoryKind: z.enum(categoryKinds),
  externalId: z.string().nullable(),
});
export type StoredCell = z.infer<typeof storedCellSchema>;

export const reportSchema = reportHead.extend({ values: z.array(storedCellSchema) });
export type ReportView = z.infer<typeof reportSchema>;

export const stateValuesSchema = z.object({
  reportingState: z.string(),
  reports: z.array(reportHead),
  values: z.array(storedCellSchema.extend({ year: z.number().int() })),
});
export type StateValues = z.infer<typeof stateValuesSchema>;

export const reportListQuerySchema = z.object({ state: iso3.optional(), status: z.enum(reportStatuses).optional() });
export const reportListSchema = z.object({ items: z.array(reportHead) });

export const versionsSchema = z.object({
  items: z.array(z.object({ version: z.number().int(), source: z.string(), createdAt: z.string(), values: z.array(storedCellSchema) })),
});

export const summarySchema = z.object({
  reportingState: z.string(),
  items: z.array(
    z.object({
      indicator: z.enum(indicators),
      year: z.number().int(),
      total: aggregateValueSchema.nullable().describe('The total (dimension, sex and age all total); null when not reported'),
      values: z.number().int().describe('Values reported for the indicator and year'),
      suppressed: z.number().int(),
      unknown: z.number().int(),
    }),
  ),
});
export type Summary = z.infer<typeof summarySchema>;

export const mappingListQuerySchema = z.object({ status: z.enum(['mapped', 'unmapped', 'all']).default('all') });
export const mappingSchema = z.object({
  name: z.string(),
  kind: z.enum(['country', 'area', 'unmapped']),
  iso3: z.string().nullable(),
  source: z.enum(['default', 'reviewed', 'seen']),
  timesSeen: z.number().int(),
  updatedAt: z.string(),
});
export type MappingView = z.infer<typeof mappingSchema>;
export const mappingListSchema = z.object({ items: z.array(mappingSchema) });
export const setMappingSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('The name as written in files'),
    kind: z.enum(['country', 'area']).describe('country: maps to iso3; area: kept as a sub-regional category'),
    iso3: iso3.optional(),
  })
  .refine((m) => (m.kind === 'country') === (m.iso3 !== undefined), { message: 'iso3 is required for a country and not allowed for an area', path: ['iso3'] });

export const areaValuesQuerySchema = valuesQuerySchema.extend({ area: z.string().max(200).optional() });
export const areaValuesSchema = z.object({ items: z.array(storedCellSchema.extend({ area: z.string(), areaCode: z.string().nullable(), year: z.number().int() })) });
