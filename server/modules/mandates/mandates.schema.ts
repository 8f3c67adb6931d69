import { z } from 'zod';
import { narrativesSchema } from '../activities/activities.schema.ts';
import { mandateBodies } from './mandates.tables.ts';

export { mandateBodies };

const isoDate = z.iso.date();
const atLeastOne = (n: Record<string, string>) => Object.keys(n).length > 0;
const narratives = narrativesSchema.refine(atLeastOne, 'at least one language');

/** "A/RES/61/180", "E/CN.15/2021/L.3/Rev.1", "A/HRC/RES/53/7", "CTOC/COP/2020/L.5". */
export const symbolSchema = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9./()\- ]*$/, 'a document symbol such as A/RES/61/180 (letters, digits, / . - ( ) and spaces)');

/** Operative paragraph labels: "1", "5(a)", "6(b)(ii)"; spaces and case are tolerated on input. */
export const labelSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().regex(/^\d{1,3}(\([a-z0-9]{1,8}\))*$/, 'a paragraph number, optionally with sub-items, e.g. 5 or 6(b)'));

export const paragraphInputSchema = z.object({
  label: labelSchema,
  summary: narratives.describe('A short summary of the paragraph in our own words, in several languages'),
});

export const createMandateSchema = z.object({
  symbol: symbolSchema,
  body: z.enum(mandateBodies),
  adoptedOn: isoDate,
  title: narratives,
  demonstrationSummaries: z.boolean().default(false).describe('The summaries are demonstration text'),
  paragraphs: z.array(paragraphInputSchema).max(500),
});
/** The symbol never changes: activities refer to the mandate by it. Paragraphs, when given, replace the list. */
export const updateMandateSchema = createMandateSchema.omit({ symbol: true }).partial();

export const paragraphSchema = z.object({ label: z.string(), position: z.number().int(), summary: narrativesSchema, reference: z.string().describe('How an activity refers to it') });
export const mandateSchema = z.object({
  id: z.uuid(),
  symbol: z.string(),
  body: z.enum(mandateBodies),
  adoptedOn: z.string(),
  title: narrativesSchema,
  demonstrationSummaries: z.boolean(),
  demo: z.boolean(),
  paragraphs: z.array(paragraphSchema),
  updatedAt: z.string(),
});

export const mandateListQuerySchema = z.object({ body: z.enum(mandateBodies).optional() });
export const mandateListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      symbol: z.string(),
      body: z.enum(mandateBodies),
      adoptedOn: z.string(),
      title: narrativesSchema,
      demonstrationSummaries: z.boolean(),
      paragraphs: z.number().int(),
      covered: z.number().int().describe('Paragraphs with at least one activity the reader may see'),
    }),
  ),
});

export const mandateIdParamsSchema = z.object({ id: z.uuid() });
export const coverageQuerySchema = z.object({
  symbol: z.string().trim().min(1).max(80),
  perParagraph: z.coerce.number().int().min(1).max(500).default(50).describe('Activities listed per paragraph (all are counted)'),
});

export const linkedActivitySchema = z.object({
  id: z.uuid(),
  iatiIdentifier: z.string(),
  title: narrativesSchema,
  reportingOrgName: narrativesSchema,
  status: z.number().int(),
  published: z.boolean(),
});
export const coverageSchema = mandateSchema.omit({ paragraphs: true }).extend({
  paragraphs: z.array(paragraphSchema.extend({ total: z.number().int().describe('Linked activities the reader may see'), activities: z.array(linkedActivitySchema) })),
  covered: z.number().int(),
  uncovered: z.number().int(),
});

export const activityLinksParamsSchema = z.object({ id: z.uuid() });
export const activityLinksBodySchema = z.object({
  // PUT replaces the whole set; an empty list unlinks the activity from every paragraph.
  references: z.array(z.string().max(200)).max(200).default([]).describe('e.g. ["A/RES/61/180 para 6(b)"]'),
});
export const activityLinksSchema = z.object({ activityId: z.uuid(), version: z.number().int(), references: z.array(z.string()) });

export type CreateMandateInput = z.infer<typeof createMandateSchema>;
export type UpdateMandateInput = z.infer<typeof updateMandateSchema>;
export type Mandate = z.infer<typeof mandateSchema>;
export type MandateList = z.infer<typeof mandateListSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type LinkedActivity = z.infer<typeof linkedActivitySchema>;
