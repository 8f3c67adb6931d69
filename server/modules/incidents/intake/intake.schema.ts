// The API contract of the Coordinator's intake dashboard.
import { z } from 'zod';

/** Days after the end of the reporting year within which a case counts as delivered on time. */
export const DEFAULT_DEADLINE_DAYS = 90;

export const intakeQuerySchema = z
  .object({
    fromYear: z.coerce.number().int().min(1990).max(2100).default(2003),
    toYear: z.coerce.number().int().min(1990).max(2100).default(new Date().getUTCFullYear()),
    deadlineDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(730)
      .default(DEFAULT_DEADLINE_DAYS)
      .describe('A case is on time when submitted within this many days after 31 December of its year'),
  })
  .refine((q) => q.fromYear <= q.toYear, { message: 'fromYear must not be after toYear', path: ['fromYear'] });

const share = z.number().min(0).max(1).nullable();

export const intakeSchema = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  deadlineDays: z.number().int(),
  cells: z
    .array(
      z.object({
        state: z.string(),
        year: z.number().int().describe('Year of detection, else of the start of exploitation, else of the report'),
        drafts: z.number().int(),
        submitted: z.number().int().describe('Awaiting review'),
        accepted: z.number().int(),
        returned: z.number().int(),
        victims: z.number().int().describe('Victims in cases that reached the Coordinator'),
        completeness: share.describe('Share of the key fields known (sex, age, form, citizenship) over those victims'),
        fields: z.object({ sex: share, age: share, form: share, citizenship: share }),
        timeliness: share.describe('Share of delivered cases submitted within deadlineDays of the end of the year'),
      }),
    )
    .describe('One per State and year with any case'),
  problems: z.array(
    z.object({
      kind: z.enum(['returned', 'rule']),
      state: z.string(),
      caseId: z.uuid(),
      externalId: z.string(),
      year: z.number().int(),
      detail: z.string().describe("The Coordinator's comments, or the rule's field and reason"),
      field: z.string().nullable(),
    }),
  ),
  problemsTruncated: z.boolean(),
});
export type Intake = z.infer<typeof intakeSchema>;
