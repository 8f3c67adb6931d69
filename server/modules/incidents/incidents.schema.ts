// The API contract of case-level incident reports (and their OpenAPI document).
import { z } from 'zod';
import {
  ageBands,
  assistanceTypes,
  caseStatuses,
  eventStages,
  exploitationForms,
  genders,
  iccsCodes,
  isicSections,
  methodsOfControl,
  missingReasons,
  perpetratorKinds,
  perpetratorRoles,
  prosecutionOutcomes,
  recruitmentMethods,
  relationshipsToTrafficker,
  reportingEntityTypes,
  sexExploitationTypes,
  statusDecidedBy,
  traffickingStatuses,
} from './incidents.values.ts';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((s) => s.toUpperCase());
const isoDate = z.iso.date();
const ref = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, - or _, at most 20');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A value, or why there is none. A known empty list (`{ value: [] }`) means "known none". */
export function known<T extends z.ZodType>(value: T) {
  return z.union([z.strictObject({ value }), z.strictObject({ reason: z.enum(missingReasons) })]);
}
const set = <T extends readonly [string, ...string[]]>(values: T) => known(z.array(z.enum(values)).max(values.length));

/** Direct identifiers: encrypted at rest, never in lists, decrypted only for permitted readers. */
export const identifiersSchema = z
  .strictObject({
    givenNames: text(200).optional(),
    familyName: text(200).optional(),
    otherNames: z.array(text(200)).max(10).optional().describe('Aliases and other spellings'),
    identityNumber: text(100).optional().describe('Passport or national identity number'),
    birthDate: isoDate.optional().describe('Exact date of birth'),
    contact: text(500).optional().describe('Phone, e-mail or address'),
  })
  .describe('Direct identifiers (encrypted at rest; returned only with ?identified=true to permitted readers)');

const eventSchema = z.strictObject({
  iccsCode: known(z.enum(iccsCodes)).describe('ICCS 0204 or a subclass 02041-02044'),
  recruitmentDate: known(isoDate),
  exploitationStartDate: known(isoDate),
  exploitationEndDate: known(isoDate),
  detectionDate: known(isoDate),
  places: z
    .array(
      z.strictObject({
        stage: z.enum(eventStages).describe('HTCDS hte_Type'),
        country: known(iso3),
        area: text(200).optional().describe('Sub-national area (free text or an ISO 3166-2 code)'),
      }),
    )
    .max(20)
    .describe('The origin → transit → destination chain, in order'),
});

const victimSchema = z.strictObject({
  ref: ref.describe('This victim within the case (e.g. V1)'),
  identifiers: identifiersSchema.nullable().optional().describe('Omitted on a correction: kept from the previous version; null: erased'),
  gender: known(z.enum(genders)),
  age: known(z.number().int().min(0).max(120)).describe('Age in years when the exploitation began'),
  ageBand: known(z.enum(ageBands)).describe('Age band when the exploitation began'),
  minorAtExploitation: known(z.boolean()),
  citizenships: known(z.array(iso3).max(10)),
  traffickingStatus: known(z.enum(traffickingStatuses)),
  statusDecidedBy: known(z.enum(statusDecidedBy)),
  exploitationForms: set(exploitationForms),
  sexExploitationTypes: set(sexExploitationTypes),
  forcedLabourIndustries: set(isicSections).describe('ISIC Rev.4 sections'),
  methodsOfControl: set(methodsOfControl),
  recruitmentMethod: known(z.enum(recruitmentMethods)),
  relationshipToTrafficker: known(z.enum(relationshipsToTrafficker)),
  assistanceReceived: set(assistanceTypes),
  consentToShare: z.boolean().describe('The victim agreed that the record may be shared with named organisations'),
  consentToCount: z.boolean().describe('The victim agreed to be counted in statistics'),
});

const perpetratorSchema = z.strictObject({
  ref: ref.describe('This perpetrator within the case (e.g. P1)'),
  identifiers: identifiersSchema.nullable().optional(),
  kind: z.enum(perpetratorKinds),
  roles: set(perpetratorRoles).describe('HTCDS RoleInProcess'),
  gender: known(z.enum(genders)),
  ageBand: known(z.enum(ageBands)),
  citizenships: known(z.array(iso3).max(10)),
  prosecutionOutcome: known(z.enum(prosecutionOutcomes)),
});

const reportingEntitySchema = z.strictObject({
  type: z.enum(reportingEntityTypes),
  name: text(200).optional().describe('The body, e.g. "Anti-Trafficking Unit, National Police"'),
  organisationId: z.uuid().optional().describe('The body in the partnership register, if it is there'),
});

/** The case document without the reporting State (which is in the URL on corrections). */
export const caseContentSchema = z
  .strictObject({
    reportingEntity: reportingEntitySchema,
    externalId: text(100).describe("The case's id in the reporting body's own system; unique per reporting entity"),
    event: eventSchema,
    victims: z.array(victimSchema).max(500),
    perpetrators: z.array(perpetratorSchema).max(500),
    links: z
      .array(z.strictObject({ victim: ref, perpetrator: ref }))
      .max(5000)
      .describe('Which perpetrator acted against which victim; all belong to the one event'),
  })
  .superRefine((doc, ctx) => {
    const refs = (items: { ref: string }[], path: 'victims' | 'perpetrators') => {
      const seen = new Set<string>();
      items.forEach((p, i) => {
        if (seen.has(p.ref)) ctx.addIssue({ code: 'custom', path: [path, i, 'ref'], message: `ref ${p.ref} is used twice` });
        seen.add(p.ref);
      });
      return seen;
    };
    const victims = refs(doc.victims, 'victims');
    const perpetrators = refs(doc.perpetrators, 'perpetrators');
    doc.links.forEach((l, i) => {
      if (!victims.has(l.victim)) ctx.addIssue({ code: 'custom', path: ['links', i, 'victim'], message: `no victim with ref ${l.victim}` });
      if (!perpetrators.has(l.perpetrator)) ctx.addIssue({ code: 'custom', path: ['links', i, 'perpetrator'], message: `no perpetrator with ref ${l.perpetrator}` });
    });
  });

/** A complete case as a State's system would send it (fictitious people); also the tests' base case. */
export const createCaseExample = {
  reportingState: 'KEN',
  reportingEntity: { type: 'police', name: 'Anti-Trafficking Unit, National Police' },
  externalId: 'ATU-2024-0042',
  event: {
    iccsCode: { value: '02042' },
    recruitmentDate: { value: '2024-01-10' },
    exploitationStartDate: { value: '2024-02-01' },
    exploitationEndDate: { value: '2024-09-30' },
    detectionDate: { reason: 'unknown' },
    places: [
      { stage: 'Recruitment', country: { value: 'UGA' }, area: 'Kampala' },
      { stage: 'Transit', country: { value: 'KEN' } },
      { stage: 'Exploitation', country: { value: 'SAU' } },
    ],
  },
  victims: [
    {
      ref: 'V1',
      identifiers: { givenNames: 'Example', familyName: 'Person', birthDate: '2001-05-04' },
      gender: { value: 'Feminine' },
      age: { value: 22 },
      ageBand: { value: '21-23' },
      minorAtExploitation: { value: false },
      citizenships: { value: ['UGA'] },
      traffickingStatus: { value: 'ActualVictimOfTrafficking' },
      statusDecidedBy: { value: 'Police' },
      exploitationForms: { value: ['ForcedLabour'] },
      sexExploitationTypes: { reason: 'not_applicable' },
      forcedLabourIndustries: { value: ['T'] },
      methodsOfControl: { value: ['WithholdsDocuments'] },
      recruitmentMethod: { value: 'ThroughAnOnlineAdvertisement' },
      relationshipToTrafficker: { reason: 'not_collected' },
      assistanceReceived: { value: ['Accommodation'] },
      consentToShare: false,
      consentToCount: true,
    },
  ],
  perpetrators: [
    {
      ref: 'P1',
      kind: 'individual',
      roles: { value: ['RecruiterOrIntermediary'] },
      gender: { value: 'Masculine' },
      ageBand: { value: '39-47' },
      citizenships: { value: ['KEN'] },
      prosecutionOutcome: { value: 'UnderInvestigation' },
    },
  ],
  links: [{ victim: 'V1', perpetrator: 'P1' }],
};

export const createCaseSchema = caseContentSchema
  .safeExtend({ reportingState: iso3.describe('The reporting State (ISO 3166-1 alpha-3)') })
  .meta({ example: createCaseExample });

export type CaseContent = z.infer<typeof caseContentSchema>;
export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type VictimInput = CaseContent['victims'][number];
export type PerpetratorInput = CaseContent['perpetrators'][number];
export type Identifiers = z.infer<typeof identifiersSchema>;

// Responses ------------------------------------------------------------------------------

const deidentified = <T extends z.ZodObject>(s: T) => s.omit({ identifiers: true });
const victimOut = deidentified(victimSchema).extend({
  countable: z.boolean().describe('False when the victim did not consent to be counted: statistics leave the record out'),
  identifiers: identifiersSchema.nullable().optional().describe('Only with ?identified=true for permitted readers; null when none or erased'),
});
const perpetratorOut = deidentified(perpetratorSchema).extend({ identifiers: identifiersSchema.nullable().optional() });

export const caseDocumentSchema = z.object({
  reportingEntity: reportingEntitySchema,
  externalId: z.string(),
  event: eventSchema,
  victims: z.array(victimOut),
  perpetrators: z.array(perpetratorOut),
  links: z.array(z.object({ victim: z.string(), perpetrator: z.string() })),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

const caseMeta = {
  id: z.uuid(),
  reportingState: z.string(),
  status: z.enum(caseStatuses),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComments: z.string().nullable(),
  identifiersErased: z.boolean().describe('Identifiers were erased under the State’s retention setting'),
};

export const caseSchema = z.object({ ...caseMeta, identified: z.boolean().describe('Identifiers are included'), document: caseDocumentSchema });
export type CaseView = z.infer<typeof caseSchema>;

export const caseSummarySchema = z.object({
  ...caseMeta,
  reportingEntity: reportingEntitySchema,
  externalId: z.string(),
  victims: z.number().int(),
  perpetrators: z.number().int(),
  uncountedVictims: z.number().int().describe('Victims without consent to be counted'),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListQuerySchema = z.object({
  state: iso3.optional(),
  status: z.enum(caseStatuses).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional().describe('Year of detection, else of the start of exploitation, else of the report'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const caseListSchema = z.object({ items: z.array(caseSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const caseParamsSchema = z.object({ state: iso3, id: z.uuid() });
export const caseReadQuerySchema = z.object({
  identified: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Include direct identifiers (needs cases.read_identified for the State; audited)'),
});

export const versionsSchema = z.object({
  items: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.uuid().nullable(), document: caseDocumentSchema })),
});

export const returnCaseSchema = z.strictObject({ comments: text(5000).describe('What the State must correct') });
export const shareCaseSchema = z.strictObject({ organisationId: z.uuid() });

export const sharedCaseSchema = z.object({
  id: z.uuid(),
  reportingState: z.string(),
  status: z.enum(caseStatuses),
  version: z.number().int(),
  sharedAt: z.string(),
  event: eventSchema,
  victims: z.array(deidentified(victimSchema)).describe('Only victims who consented to sharing'),
});
export const sharedCaseListSchema = z.object({ items: z.array(sharedCaseSchema) });

export const duplicatesSchema = z.object({
  items: z.array(
    z.object({
      personKey: z.string().describe('Pseudonymous: a keyed hash, not reversible'),
      role: z.enum(['victim', 'perpetrator']),
      cases: z.array(z.object({ reportingState: z.string(), caseId: z.uuid(), ref: z.string() })),
    }),
  ),
});

// Sharing, retention and a State's own figures --------------------------------------------

export const shareParamsSchema = z.object({ state: iso3, id: z.uuid(), organisationId: z.uuid() });
export const sharesSchema = z.object({
  items: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), sharedAt: z.string() })),
});

export const stateParamsSchema = z.object({ state: iso3 });
export const retentionSchema = z.object({
  reportingState: z.string(),
  retentionYears: z.number().int().nullable().describe('Years after reporting when identifiers are erased; null keeps them'),
  updatedAt: z.string().nullable(),
});
export const retentionInputSchema = z
  .strictObject({
    retentionYears: z.number().int().min(1).max(200).nullable().describe('1 to 200 years, or null to keep identifiers'),
  })
  .meta({ example: { retentionYears: 10 } });

export const statisticsQuerySchema = z.object({
  status: z
    .string()
    .default('submitted,accepted,returned')
    .transform((s, ctx) => {
      const parts = [...new Set(s.split(',').map((p) => p.trim()).filter(Boolean))];
      const bad = parts.filter((p) => !(caseStatuses as readonly string[]).includes(p));
      if (bad.length || parts.length === 0) {
        ctx.addIssue({ code: 'custom', message: `comma-separated statuses among ${caseStatuses.join(', ')}` });
        return z.NEVER;
      }
      return parts as (typeof caseStatuses)[number][];
    })
    .describe('Case statuses to count, comma-separated (default: every status but draft)'),
});
export const statisticsSchema = z.object({
  reportingState: z.string(),
  statuses: z.array(z.enum(caseStatuses)),
  counts: z
    .array(
      z.object({
        dimension: z.enum(['total', 'form', 'sex', 'ageBand']),
        year: z.number().int(),
        key: z.string().nullable().describe('The form, gender or age band; null when not known'),
        n: z.number().int(),
      }),
    )
    .describe('Victims with consent to be counted; a victim counts under each of its forms'),
});
