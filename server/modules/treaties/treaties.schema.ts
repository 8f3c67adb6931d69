// Requests and answers of treaty status (the API contract and OpenAPI document).
import { z } from 'zod';
import { languageNamesSchema } from '../reference/reference.schema.ts';
import { treatyActions } from './treaties.tables.ts';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((v) => v.toUpperCase());
const instrumentCode = z.string().trim().min(1).max(40).describe('Instrument code, e.g. UNTOC-TIP (see /treaties/instruments)');
const demo = z.boolean().describe('Synthetic demonstration value, not the real treaty status');

export const instrumentSchema = z.object({
  code: z.string(),
  shortName: z.string(),
  names: languageNamesSchema,
  adoptedOn: z.string(),
  parentCode: z.string().nullable().describe('The convention a protocol supplements'),
  actions: z.array(z.enum(treatyActions)).describe('Actions a State can take on it'),
});
export const instrumentListSchema = z.object({ items: z.array(instrumentSchema) });

export const treatyStatusValues = ['party', 'signatory', 'none'] as const;

/** One State's standing on one instrument. */
const standing = {
  status: z.enum(treatyStatusValues).describe('party: ratified, acceded, accepted, approved or succeeded; signatory: signed only'),
  signedOn: z.string().nullable(),
  partyOn: z.string().nullable().describe('Date of the first act that made it a party'),
  how: z.enum(treatyActions).nullable().describe('That act'),
  demo,
};

export const countryStatusSchema = z.object({ countryIso3: z.string(), countryNames: languageNamesSchema, ...standing });
export const instrumentQuerySchema = z.object({ instrument: instrumentCode });
export const statusListSchema = z.object({
  instrument: instrumentSchema,
  counts: z.object({ party: z.number().int(), signatory: z.number().int(), none: z.number().int() }),
  demo: z.boolean().describe('Some values are synthetic demonstration data'),
  items: z.array(countryStatusSchema).describe('UN Member and observer States, and any other country with a recorded action'),
});

export const actionSchema = z.object({ action: z.enum(treatyActions), date: z.string(), notes: z.string().nullable(), demo });
export const countryTreatiesSchema = z.object({
  countryIso3: z.string(),
  countryNames: languageNamesSchema,
  instruments: z.array(z.object({ instrument: z.string(), shortName: z.string(), ...standing, actions: z.array(actionSchema) })),
});
export const countryParamsSchema = z.object({ iso3 });

export const actionInputSchema = z.strictObject({
  countryIso3: iso3,
  instrument: instrumentCode,
  action: z.enum(treatyActions),
  date: z.iso.date('a date as YYYY-MM-DD'),
  notes: z.string().trim().max(2000).optional(),
});
export const actionKeyParamsSchema = z.object({
  iso3,
  instrument: instrumentCode,
  action: z.enum(treatyActions),
  date: z.iso.date('a date as YYYY-MM-DD'),
});

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .describe('Check and count, commit nothing'),
});
export const importResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int().describe('Rows whose notes changed'),
  unchanged: z.number().int(),
});

export type Instrument = z.infer<typeof instrumentSchema>;
export type CountryStatus = z.infer<typeof countryStatusSchema>;
export type StatusList = z.infer<typeof statusListSchema>;
export type CountryTreaties = z.infer<typeof countryTreatiesSchema>;
export type ActionInput = z.infer<typeof actionInputSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
