import { z } from 'zod';
import { activitySummarySchema, pillars } from './activities.schema.ts';

// Full-text search over activities: the query string and the answer (also the OpenAPI).

/** A query-string list: `?pillar=protection,prevention` or `?pillar=protection&pillar=prevention`. */
const list = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, 'at least one value').max(max, `at most ${max} values`));

const isoDate = z.iso.date('a date as YYYY-MM-DD');

export const activitySearchQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'a word or more').max(200).optional().describe('Words in any language; accents and case are ignored; misspelt title words still match'),
    country: list(z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code'), 50).optional().describe('Recipient countries, ISO 3166-1 alpha-3, comma-separated (any of them)'),
    organisation: list(z.uuid('an organisation id'), 20).optional().describe('Reporting or participating organisations (any of them)'),
    pillar: list(z.enum(pillars), pillars.length).optional().describe('Pillars (any of them)'),
    status: list(z.string().regex(/^[1-6]$/, 'an IATI ActivityStatus code, 1 to 6').transform(Number), 6).optional().describe('IATI ActivityStatus codes (any of them)'),
    from: isoDate.optional().describe('Activities running on or after this date'),
    to: isoDate.optional().describe('Activities running on or before this date'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
  });

/** The same filters without paging, for the CSV download of a whole result set. */
export const activitySearchCsvQuerySchema = activitySearchQuerySchema.safeExtend({
  lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).default('en').describe('Language of the titles, with fallback'),
});

export const snippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() })).describe('Where the words matched, as pieces of text; hit pieces are the matched words');

export const activitySearchHitSchema = activitySummarySchema.extend({
  countriesIso3: z.array(z.string()),
  reportingOrgName: z.string(),
  rank: z.number().describe('Higher is better; 0 when no words were given'),
  snippet: snippetSchema,
});

export const activitySearchResultSchema = z.object({
  items: z.array(activitySearchHitSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export type ActivitySearchQuery = z.infer<typeof activitySearchQuerySchema>;
export type ActivitySearchCsvQuery = z.infer<typeof activitySearchCsvQuerySchema>;
export type ActivitySearchHit = z.infer<typeof activitySearchHitSchema>;
export type ActivitySearchResult = z.infer<typeof activitySearchResultSchema>;
