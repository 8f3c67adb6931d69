import { z } from 'zod';
import { organisationTypes } from './registry.tables.ts';

export const organisationSchema = z.object({
  id: z.uuid(),
  type: z.enum(organisationTypes),
  name: z.string(),
  acronym: z.string().nullable(),
  countryIso3: z.string().nullable(),
  demo: z.boolean().describe('Demonstration data, not real'),
});

export const organisationListQuerySchema = z.object({
  type: z.enum(organisationTypes).optional(),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code').optional(),
});

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });
export const organisationCountsSchema = z.object({
  byType: z.array(z.object({ type: z.enum(organisationTypes), count: z.number().int() })),
});

export type Organisation = z.infer<typeof organisationSchema>;
