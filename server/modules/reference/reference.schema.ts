import { z } from 'zod';
import { languages } from '../../platform/i18n.ts';

export const languageNamesSchema = z.object(Object.fromEntries(languages.map((l) => [l, z.string()])) as Record<(typeof languages)[number], z.ZodString>);

export const regionSchema = z.object({
  code: z.string().length(3).describe('UN M49 code'),
  type: z.enum(['world', 'region', 'subregion', 'intermediate']),
  parentCode: z.string().length(3).nullable(),
  names: languageNamesSchema,
});

export const countrySchema = z.object({
  iso2: z.string().length(2),
  iso3: z.string().length(3),
  numeric: z.string().length(3).describe('ISO 3166-1 numeric, equal to the UN M49 code'),
  names: languageNamesSchema,
  regionCode: z.string().nullable(),
  subregionCode: z.string().nullable(),
  intermediateRegionCode: z.string().nullable(),
  unMember: z.boolean(),
  unStatus: z.enum(['member', 'observer', 'none']),
});

export const regionListSchema = z.object({ items: z.array(regionSchema) });
export const countryListSchema = z.object({ items: z.array(countrySchema) });
export const countryParamsSchema = z.object({
  code: z.string().regex(/^([A-Za-z]{2,3}|\d{3})$/, 'an ISO 3166-1 alpha-2, alpha-3 or numeric code'),
});

export type Region = z.infer<typeof regionSchema>;
export type Country = z.infer<typeof countrySchema>;
