// Synthetic case-level incident reports: about 30 States over 2003-2025, with flows along
// realistic corridors (origin → transit → destination), plausible shares by sex, age and form
// of exploitation, consent flags and every workflow status. Nothing here describes real cases:
// every case's external id starts with DEMO- and its reporting body says "synthetic".
// Loaded in bulk (COPY) for speed: the same rows the service would write, projection included.
import type { Tx } from '../../platform/db/database.ts';
import type { DemoContributor } from '../../platform/demo/demo.ts';
import { Random } from '../../platform/demo/random.ts';
import { sealDemoIdentifiers, type DemoPerson } from './incidents.demo-identifiers.ts';
import type { CaseContent, PerpetratorInput, VictimInput } from './incidents.schema.ts';
import { projectCase } from './incidents.service.ts';
import { ageBandBounds, isicSections, type AgeBand, type CaseStatus, type ExploitationForm } from './incidents.values.ts';

type Isic = (typeof isicSections)[number];

export const DEMO_FIRST_YEAR = 2003;
export const DEMO_LAST_YEAR = 2025;
/** The synthetic marker on every demo case's reporting body. */
export const DEMO_ENTITY_SUFFIX = '(synthetic demonstration data)';
/** "Today" for the demo workflow, so the data does not depend on the day it is seeded. */
const DEMO_TODAY = '2026-11-29';

type Form = ExploitationForm;
interface Corridor {
  origins: string[];
  transit: string[];
  destinations: string[];
  /** Forms of exploitation and their weights along this corridor. */
  forms: [Form, number][];
  /** Industries (ISIC sections) of forced labour here. */
  industries: Isic[];
  /** From this year on (e.g. scam compounds). */
  since?: number;
}

// Corridors loosely after the patterns UNODC's global reports describe; weights are invented.
const corridors: Corridor[] = [
  { origins: ['NGA', 'GHA', 'CIV'], transit: ['NER', 'LBY'], destinations: ['ITA', 'ESP', 'FRA'], forms: [['SexualExploitation', 7], ['ForcedLabour', 2], ['ForcedBegging', 1]], industries: ['A', 'T'] },
  { origins: ['KEN', 'UGA', 'ETH'], transit: [], destinations: ['SAU', 'ARE', 'QAT'], forms: [['ForcedLabour', 8], ['Servitude', 2], ['SexualExploitation', 1]], industries: ['T', 'I'] },
  { origins: ['NPL', 'BGD'], transit: ['IND'], destinations: ['ARE', 'MYS', 'QAT'], forms: [['ForcedLabour', 9], ['SexualExploitation', 1]], industries: ['F', 'C', 'A'] },
  { origins: ['VNM', 'KHM', 'MMR'], transit: ['THA'], destinations: ['MYS', 'THA', 'CHN'], forms: [['ForcedLabour', 5], ['SexualExploitation', 3], ['ForcedMarriage', 2]], industries: ['A', 'C'] },
  { origins: ['IDN', 'PHL', 'VNM', 'CHN'], transit: ['THA'], destinations: ['KHM', 'MMR', 'LAO'], forms: [['ForcedCriminality', 9], ['ForcedLabour', 1]], industries: ['J'], since: 2019 },
  { origins: ['UKR', 'ROU', 'MDA', 'BGR'], transit: ['POL', 'HUN'], destinations: ['DEU', 'GBR', 'NLD'], forms: [['SexualExploitation', 6], ['ForcedLabour', 3], ['ForcedCriminality', 1]], industries: ['A', 'F', 'H'] },
  { origins: ['HND', 'GTM', 'SLV'], transit: ['MEX'], destinations: ['USA', 'MEX'], forms: [['ForcedLabour', 5], ['SexualExploitation', 4], ['ForcedCriminality', 1]], industries: ['A', 'I'] },
  { origins: ['COL', 'VEN', 'PRY'], transit: ['ECU'], destinations: ['ARG', 'ESP', 'CHL'], forms: [['SexualExploitation', 6], ['ForcedLabour', 4]], industries: ['A', 'C'] },
  { origins: ['PHL'], transit: [], destinations: ['JPN', 'ARE', 'SAU'], forms: [['ForcedLabour', 6], ['SexualExploitation', 3], ['Servitude', 1]], industries: ['T', 'C'] },
  { origins: ['ZAF', 'MOZ', 'ZWE'], transit: [], destinations: ['ZAF'], forms: [['SexualExploitation', 4], ['ForcedLabour', 4], ['ChildLabour', 2]], industries: ['A', 'B'] },
  { origins: ['IND', 'PAK'], transit: [], destinations: ['IND', 'PAK'], forms: [['ForcedLabour', 5], ['ChildLabour', 3], ['ForcedMarriage', 1], ['OrganRemoval', 1]], industries: ['C', 'A', 'F'] },
];

/** The ~30 reporting States; the demo State focal point's State is added to them. */
const reportingStates = [
  'NGA', 'GHA', 'ITA', 'ESP', 'FRA', 'KEN', 'UGA', 'ETH', 'ARE', 'SAU', 'NPL', 'BGD', 'MYS', 'THA', 'VNM',
  'KHM', 'PHL', 'UKR', 'ROU', 'DEU', 'GBR', 'NLD', 'HND', 'GTM', 'MEX', 'USA', 'COL', 'ARG', 'ZAF', 'IND',
];

const entityTypes: [CaseContent['reportingEntity']['type'], string, number][] = [
  ['police', 'Anti-Trafficking Police Unit', 5],
  ['prosecution', 'Office of the Prosecutor', 2],
  ['labour_inspection', 'Labour Inspectorate', 1],
  ['ngo_national_referral', 'NGO shelter under the national referral mechanism', 2],
  ['social_services', 'Child protection services', 1],
  ['immigration_border', 'Border and immigration service', 1],
];

const controls = ['PhysicalThreats', 'DebtBondage', 'FalsePromises', 'PhysicalAbuse', 'TakesEarnings', 'PsychologicalAbuse', 'ExcessiveWorkingHours', 'WithholdsDocuments'] as const;
const recruitment = ['ThroughOnlineSocialNetworks', 'ThroughAnOnlineAdvertisement', 'ThroughFamilyOrFamilyEvents', 'ThroughFriendsOrSocialEvents', 'AtWork', 'Other'] as const;
const assistance = ['Accommodation', 'MedicalCare', 'PsychosocialSupport', 'LegalAssistance', 'Repatriation', 'Reintegration'] as const;

function weighted<T>(rng: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items.at(-1)![0];
}

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const minDate = (a: string, b: string) => (a < b ? a : b);

/** A UUID from the seeded stream, so the same seed gives the same ids. */
function uuid(rng: Random): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Corridors a State takes part in: as destination (detects arrivals) or origin (returnees). */
function corridorsOf(state: string): Corridor[] {
  const found = corridors.filter((c) => c.destinations.includes(state) || c.origins.includes(state) || c.transit.includes(state));
  // A State on no corridor still detects domestic trafficking.
  return found.length ? found : [{ origins: [state], transit: [], destinations: [state], forms: [['ForcedLabour', 5], ['SexualExploitation', 5]], industries: ['A', 'C'] }];
}

function victim(rng: Random, ref: string, form: Form, origin: string, industries: Isic[]): VictimInput {
  const female = form === 'SexualExploitation' ? 0.9 : form === 'ForcedMarriage' ? 0.97 : form === 'Servitude' ? 0.75 : form === 'ForcedCriminality' ? 0.3 : 0.38;
  const genderUnknown = rng.chance(0.04);
  const gender = genderUnknown ? null : rng.chance(female) ? 'Feminine' : rng.chance(0.99) ? 'Masculine' : 'TransgenderFeminine';
  const minorShare = form === 'ChildLabour' ? 1 : form === 'ForcedBegging' ? 0.6 : form === 'ForcedMarriage' ? 0.5 : 0.22;
  const band: AgeBand | null = rng.chance(0.06)
    ? null
    : rng.chance(minorShare)
      ? (rng.chance(0.15) ? '0-8' : '9-17')
      : weighted<AgeBand>(rng, [['18-20', 3], ['21-23', 3], ['24-26', 3], ['27-29', 2], ['30-38', 3], ['39-47', 1], ['48+', 0.5]]);
  const [lo, hi] = band ? ageBandBounds[band] : [0, 0];
  const age = band && rng.chance(0.7) ? rng.int(lo, hi ?? lo + 15) : null;
  const forms: Form[] = [form];
  if (form === 'SexualExploitation' && rng.chance(0.1)) forms.push('ForcedLabour');
  const sexual = forms.includes('SexualExploitation');
  const labour = forms.some((f) => f === 'ForcedLabour' || f === 'ChildLabour');
  const status = rng.chance(0.8) ? 'ActualVictimOfTrafficking' : 'PossibleVictimOfTrafficking';
  return {
    ref,
    gender: gender ? { value: gender } : { reason: 'unknown' },
    age: age !== null ? { value: age } : { reason: rng.chance(0.5) ? 'unknown' : 'not_collected' },
    ageBand: band ? { value: band } : { reason: 'unknown' },
    minorAtExploitation: band ? { value: (ageBandBounds[band][1] ?? 99) < 18 } : { reason: 'unknown' },
    citizenships: rng.chance(0.07) ? { reason: 'not_collected' } : { value: [origin] },
    traffickingStatus: { value: status },
    statusDecidedBy: { value: weighted(rng, [['Police', 5], ['CourtOrProsecution', 2], ['NGO', 2], ['NonPoliceGovernmentalOrganization', 1]] as const) },
    exploitationForms: rng.chance(0.03) ? { reason: 'unknown' } : { value: forms },
    sexExploitationTypes: sexual ? { value: [rng.chance(0.8) ? 'Prostitution' : rng.pick(['Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const)] } : { reason: 'not_applicable' },
    forcedLabourIndustries: labour ? { value: [rng.pick(industries)] } : { reason: 'not_applicable' },
    methodsOfControl: rng.chance(0.15) ? { reason: 'not_collected' } : { value: rng.sample(controls, rng.int(1, 3)) },
    recruitmentMethod: rng.chance(0.2) ? { reason: 'unknown' } : { value: rng.pick(recruitment) },
    relationshipToTrafficker: rng.chance(0.3) ? { reason: 'not_collected' } : { value: weighted(rng, [['Unacquainted', 5], ['Acquainted', 3], ['Familial', 2]] as const) },
    assistanceReceived: rng.chance(0.2) ? { reason: 'not_collected' } : { value: rng.sample(assistance, rng.int(1, 3)) },
    consentToShare: rng.chance(0.45),
    consentToCount: rng.chance(0.93),
  };
}

function perpetrator(rng: Random, ref: string, origin: string, destination: string): PerpetratorInput {
  const organisation = rng.chance(0.05);
  return {
    ref,
    kind: organisation ? 'organisation' : 'individual',
    roles: { value: rng.sample(['RecruiterOrIntermediary', 'Transporter', 'Exploiter', 'ControlledIndividual', 'BrokerTravelAgent'] as const, rng.int(1, 2)) },
    gender: organisation ? { reason: 'not_applicable' } : rng.chance(0.1) ? { reason: 'unknown' } : { value: rng.chance(0.7) ? 'Masculine' : 'Feminine' },
    ageBand: organisation ? { reason: 'not_applicable' } : rng.chance(0.3) ? { reason: 'unknown' } : { value: rng.pick(['24-26', '27-29', '30-38', '39-47', '48+'] as const) },
    citizenships: rng.chance(0.2) ? { reason: 'unknown' } : { value: [rng.chance(0.6) ? origin : destination] },
    prosecutionOutcome: rng.chance(0.3) ? { reason: 'unknown' } : { value: rng.pick(['UnderInvestigation', 'Prosecuted', 'Convicted', 'Acquitted', 'Dismissed'] as const) },
  };
}

const iccsFor = (form: Form) => (form === 'SexualExploitation' ? '02041' : form === 'OrganRemoval' ? '02043' : ['ForcedLabour', 'ChildLabour', 'Servitude', 'ForcedBegging', 'ForcedCriminality'].includes(form) ? '02042' : '02044');

/** Status for a case about `year`: old years settled, recent ones in the workflow. */
function statusFor(rng: Random, year: number): CaseStatus {
  if (year === DEMO_LAST_YEAR) return weighted(rng, [['draft', 3], ['submitted', 4], ['returned', 1], ['accepted', 2]]);
  if (year >= DEMO_LAST_YEAR - 2) return weighted(rng, [['draft', 1], ['submitted', 3], ['returned', 1], ['accepted', 8]]);
  return rng.chance(0.97) ? 'accepted' : 'returned';
}

const returnComments = [
  'Please give the victims’ citizenship, or say why it is not known.',
  'The age band and the minor status disagree in the source file; please check.',
  'The place of exploitation is missing from the chain.',
];

type Rows = Record<'cases' | 'versions' | 'events' | 'places' | 'victims' | 'perpetrators' | 'links', unknown[][]>;

/** One synthetic case, appended to the bulk rows; its people are listed for the identifiers pass. */
function addCase(rng: Random, rows: Rows, people: DemoPerson[], state: string, year: number, seq: number): void {
  const open = corridorsOf(state).filter((c) => !c.since || year >= c.since);
  const corridor = rng.pick(open.length ? open : corridorsOf(state));
  const destination = corridor.destinations.includes(state) ? state : rng.pick(corridor.destinations);
  const origin = corridor.origins.includes(state) && destination !== state ? state : rng.pick(corridor.origins);
  const form = weighted(rng, corridor.forms);
  const id = uuid(rng);
  const [entityType, entityName] = weighted(rng, entityTypes.map(([t, n, w]) => [[t, n] as const, w]));

  // Dates: recruitment → exploitation → detection within the year of detection.
  const detection = minDate(`${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, '2025-12-31');
  const start = addDays(detection, -rng.int(30, 700));
  const recruited = addDays(start, -rng.int(5, 120));
  const end = addDays(detection, -rng.int(0, 10));
  const dateOr = (d: string, p: number) => (rng.chance(p) ? { reason: 'unknown' as const } : { value: d });

  const places: CaseContent['event']['places'] = [{ stage: 'Recruitment', country: { value: origin } }];
  if (corridor.transit.length && origin !== destination && rng.chance(0.7)) places.push({ stage: 'Transit', country: { value: rng.pick(corridor.transit) } });
  places.push({ stage: 'Exploitation', country: rng.chance(0.03) ? { reason: 'unknown' } : { value: destination } });

  const victimCount = weighted(rng, [[1, 14], [2, 4], [3, 2], [5, 1]]);
  const victims = Array.from({ length: victimCount }, (_, i) => victim(rng, `V${i + 1}`, form, origin, corridor.industries));
  const perpetratorCount = weighted(rng, [[0, 3], [1, 5], [2, 2]]);
  const perpetrators = Array.from({ length: perpetratorCount }, (_, i) => perpetrator(rng, `P${i + 1}`, origin, destination));
  const links = perpetrators.flatMap((p) => victims.filter(() => rng.chance(0.8)).map((v) => ({ victim: v.ref, perpetrator: p.ref })));

  const content: CaseContent = {
    reportingEntity: { type: entityType, name: `${entityName} ${DEMO_ENTITY_SUFFIX}` },
    externalId: `DEMO-${state}-${year}-${String(seq).padStart(4, '0')}`,
    event: {
      iccsCode: { value: iccsFor(form) },
      recruitmentDate: dateOr(recruited, 0.25),
      exploitationStartDate: dateOr(start, 0.15),
      exploitationEndDate: dateOr(end, 0.3),
      detectionDate: { value: detection },
      places,
    },
    victims,
    perpetrators,
    links,
  };

  const status = statusFor(rng, year);
  const createdAt = new Date(`${minDate(addDays(detection, rng.int(5, 90)), DEMO_TODAY)}T10:00:00Z`);
  // Most States report within the 90 days after the year ends; some are late.
  const submittedOn = minDate(addDays(`${year}-12-31`, rng.chance(0.75) ? rng.int(5, 88) : rng.int(95, 400)), DEMO_TODAY);
  const submittedAt = status === 'draft' ? null : new Date(`${submittedOn}T12:00:00Z`);
  const reviewedAt = status === 'accepted' || status === 'returned' ? new Date(`${minDate(addDays(submittedOn, rng.int(3, 60)), DEMO_TODAY)}T09:00:00Z`) : null;
  const updatedAt = reviewedAt ?? submittedAt ?? createdAt;
  rows.cases.push([state, id, entityType, content.reportingEntity.name, null, content.externalId, status, 1, null, createdAt, updatedAt, submittedAt, reviewedAt, null, status === 'returned' ? rng.pick(returnComments) : null, null, true]);
  // The stored document is the de-identified content; sealed identifiers, if any, are added
  // to the version's identifiers column and the people's rows by sealDemoIdentifiers.
  const version = [state, id, 1, JSON.stringify(content), '{}', null, createdAt];
  rows.versions.push(version);
  const sealedOfCase: Record<string, string> = {};
  // Writes one person's sealed identifiers and person key into the rows not yet loaded
  // (person_key and identifiers_sealed are the last two columns of both people tables, see columns).
  const storeInto = (row: unknown[], role: 'victim' | 'perpetrator', ref: string) => (sealed: string, personKey: string | null) => {
    row[row.length - 2] = personKey;
    row[row.length - 1] = sealed;
    sealedOfCase[`${role}:${ref}`] = sealed;
    version[4] = JSON.stringify(sealedOfCase);
  };

  const p = projectCase(content, () => ({ sealed: null, pk: null }));
  const json = (v: unknown) => JSON.stringify(v);
  rows.events.push([state, id, p.event.iccs_code, p.event.recruitment_date, p.event.exploitation_start_date, p.event.exploitation_end_date, p.event.detection_date, json(p.event.reasons)]);
  for (const pl of p.places) rows.places.push([state, id, pl.seq, pl.stage, pl.country_iso3, pl.area, json(pl.reasons)]);
  for (const v of p.victims) {
    const row = [state, id, v.ref, v.gender, v.age_years, v.age_band, v.minor_at_exploitation, v.citizenships, v.trafficking_status, v.status_decided_by, v.exploitation_forms, v.sex_exploitation_types, v.forced_labour_industries, v.methods_of_control, v.recruitment_method, v.relationship_to_trafficker, v.assistance_received, v.consent_to_share, v.consent_to_count, json(v.reasons), null, null];
    rows.victims.push(row);
    people.push({ state, caseId: id, year, role: 'victim', ref: v.ref, gender: v.gender, age: v.age_years, ageBand: v.age_band, store: storeInto(row, 'victim', v.ref) });
  }
  for (const x of p.perpetrators) {
    const row = [state, id, x.ref, x.kind, x.roles, x.gender, x.age_band, x.citizenships, x.prosecution_outcome, json(x.reasons), null, null];
    rows.perpetrators.push(row);
    // An organisation has no personal identifiers.
    if (x.kind === 'individual') people.push({ state, caseId: id, year, role: 'perpetrator', ref: x.ref, gender: x.gender, age: null, ageBand: x.age_band, store: storeInto(row, 'perpetrator', x.ref) });
  }
  for (const l of p.links) rows.links.push([state, id, l.victim_ref, l.perpetrator_ref]);
}

/** The State of the demo State focal point (the same pick as access.demo.ts), if any. */
async function focalPointState(tx: Tx): Promise<string | null> {
  const row = await tx.db.selectFrom('organisations').select('country_iso3').where('is_demo', '=', true).where('type', '=', 'state_body').where('country_iso3', 'is not', null).orderBy('country_iso3').executeTakeFirst();
  return row?.country_iso3 ?? null;
}

const columns = {
  incident_cases: ['reporting_state', 'id', 'entity_type', 'entity_name', 'entity_organisation_id', 'external_id', 'status', 'version', 'created_by', 'created_at', 'updated_at', 'submitted_at', 'reviewed_at', 'reviewed_by', 'review_comments', 'identifiers_erased_at', 'is_demo'],
  incident_case_versions: ['reporting_state', 'case_id', 'version', 'document', 'identifiers', 'created_by', 'created_at'],
  incident_events: ['reporting_state', 'case_id', 'iccs_code', 'recruitment_date', 'exploitation_start_date', 'exploitation_end_date', 'detection_date', 'reasons'],
  incident_event_places: ['reporting_state', 'case_id', 'seq', 'stage', 'country_iso3', 'area', 'reasons'],
  incident_victims: ['reporting_state', 'case_id', 'ref', 'gender', 'age_years', 'age_band', 'minor_at_exploitation', 'citizenships', 'trafficking_status', 'status_decided_by', 'exploitation_forms', 'sex_exploitation_types', 'forced_labour_industries', 'methods_of_control', 'recruitment_method', 'relationship_to_trafficker', 'assistance_received', 'consent_to_share', 'consent_to_count', 'reasons', 'person_key', 'identifiers_sealed'],
  incident_perpetrators: ['reporting_state', 'case_id', 'ref', 'kind', 'roles', 'gender', 'age_band', 'citizenships', 'prosecution_outcome', 'reasons', 'person_key', 'identifiers_sealed'],
  incident_links: ['reporting_state', 'case_id', 'victim_ref', 'perpetrator_ref'],
} as const;

/**
 * Synthetic case-level reports (about 2,000 cases); removed with their rows (ON DELETE CASCADE).
 * Given the master key, recent cases also carry sealed synthetic identifiers (see
 * incidents.demo-identifiers.ts); the State data keys it creates stay, like any State's.
 */
export const incidentsDemo: DemoContributor = {
  name: 'incidents',
  // Versions, events, places, victims, perpetrators, links and shares go with their case.
  tables: ['incident_cases'],
  async seed(tx, rng, context) {
    const focal = await focalPointState(tx);
    const known = new Set((await tx.db.selectFrom('countries').select('iso3').execute()).map((c) => c.iso3));
    const states = [...new Set([...(focal ? [focal] : []), ...reportingStates])].filter((s) => known.has(s));
    const rows: Rows = { cases: [], versions: [], events: [], places: [], victims: [], perpetrators: [], links: [] };
    const people: DemoPerson[] = [];
    for (const state of states) {
      // Reporting starts at different times; volumes grow over the years.
      const firstYear = state === focal ? DEMO_FIRST_YEAR : rng.int(DEMO_FIRST_YEAR, 2014);
      const scale = state === focal ? 5 : rng.int(1, 4);
      for (let year = firstYear; year <= DEMO_LAST_YEAR; year++) {
        if (state !== focal && rng.chance(0.12)) continue; // a year without a report
        const growth = 1 + (year - DEMO_FIRST_YEAR) / 12;
        const n = Math.max(state === focal ? 2 : 0, Math.round(scale * growth * (0.5 + rng.next()) * 0.7));
        for (let k = 1; k <= n; k++) addCase(rng, rows, people, state, year, k);
      }
    }
    // Identifiers draw from their own stream, taken after every case: the cases stay the same with or without them.
    const identitiesRng = new Random(rng.int(1, 0x7fffffff));
    if (context?.masterKey) await sealDemoIdentifiers(tx, identitiesRng, context.masterKey, people, focal);
    await tx.bulkLoad({ table: 'incident_cases', columns: columns.incident_cases }, rows.cases);
    await tx.bulkLoad({ table: 'incident_case_versions', columns: columns.incident_case_versions }, rows.versions);
    await tx.bulkLoad({ table: 'incident_events', columns: columns.incident_events }, rows.events);
    await tx.bulkLoad({ table: 'incident_event_places', columns: columns.incident_event_places }, rows.places);
    await tx.bulkLoad({ table: 'incident_victims', columns: columns.incident_victims }, rows.victims);
    await tx.bulkLoad({ table: 'incident_perpetrators', columns: columns.incident_perpetrators }, rows.perpetrators);
    await tx.bulkLoad({ table: 'incident_links', columns: columns.incident_links }, rows.links);
  },
};
