// CTDC's k-anonymised "Global Dataset" layout (IOM): semicolon-separated, one row per victim,
// flags 0/1/-99 (-99: unknown or not collected), `;`-joined multi-values in quoted
// `...Concatenated` cells, age bands written `9--17`, countries as ISO alpha-2. The file does not
// name the reporting State (give --reporter) nor carry case ids: a `caseId` column is used when
// present, else the line number (so re-importing the same file is idempotent). Only the year of
// registration is known, not the date: the detection date is "not collected".
import type { CaseContent } from '../incidents.schema.ts';
import { exploitationForms, isicSections, methodsOfControl, sexExploitationTypes, type ExploitationForm, type Known } from '../incidents.values.ts';
import type { CaseFormat, FormatContext, HeaderResult, MappedCase } from './case-import.ts';
import { codeList, countryCell, manyOf, missingReason, oneOf, type RowProblems } from './cells.ts';
import { headerIndex } from './htcds.ts';
import { importWith } from './run.ts';
import type { TableRow } from './text-input.ts';

type Isic = (typeof isicSections)[number];
type Control = (typeof methodsOfControl)[number];
type SexType = (typeof sexExploitationTypes)[number];

const exploitFlags: Record<string, ExploitationForm[]> = {
  isForcedLabour: ['ForcedLabour'],
  isSexualExploit: ['SexualExploitation'],
  isOtherExploit: ['Other'],
  isSexAndLabour: ['SexualExploitation', 'ForcedLabour'],
  isForcedMarriage: ['ForcedMarriage'],
  isForcedMilitary: ['ForcedMilitaryByNonStateActors'],
  isOrganRemoval: ['OrganRemoval'],
  isSlaveryAndPractices: ['Servitude'],
};

const controlFlags: Record<string, Control | null> = {
  meansOfControlDebtBondage: 'DebtBondage',
  meansOfControlTakesEarnings: 'TakesEarnings',
  meansOfControlRestrictsFinancialAccess: 'RestrictsFinancialAccess',
  meansOfControlThreats: 'PhysicalThreats',
  meansOfControlPsychologicalAbuse: 'PsychologicalAbuse',
  meansOfControlPhysicalAbuse: 'PhysicalAbuse',
  meansOfControlSexualAbuse: 'SexualAbuse',
  meansOfControlFalsePromises: 'FalsePromises',
  meansOfControlPsychoactiveSubstances: 'PsychoactiveSubstance',
  meansOfControlRestrictsMovement: 'Other',
  meansOfControlRestrictsMedicalCare: 'RestrictsMedicalCare',
  meansOfControlExcessiveWorkingHours: 'ExcessiveWorkingHours',
  meansOfControlUsesChildren: 'ThreatensChildrenFamily',
  meansOfControlThreatOfLawEnforcement: 'ThreatsLawEnforcement',
  meansOfControlWithholdsNecessities: 'WithholdsNecessities',
  meansOfControlWithholdsDocuments: 'WithholdsDocuments',
  meansOfControlOther: 'Other',
  meansOfControlNotSpecified: null,
};

/** CTDC labour sectors → ISIC Rev.4 sections; sectors that are forms of exploitation add the form. */
const labourFlags: Record<string, { isic?: Isic; form?: ExploitationForm } | null> = {
  typeOfLabourAgriculture: { isic: 'A' },
  typeOfLabourAquafarming: { isic: 'A' },
  typeOfLabourBegging: { form: 'ForcedBegging' },
  typeOfLabourConstruction: { isic: 'F' },
  typeOfLabourDomesticWork: { isic: 'T' },
  typeOfLabourHospitality: { isic: 'I' },
  typeOfLabourIllicitActivities: { form: 'ForcedCriminality' },
  typeOfLabourManufacturing: { isic: 'C' },
  typeOfLabourMiningOrDrilling: { isic: 'B' },
  typeOfLabourPeddling: { isic: 'G' },
  typeOfLabourTransportation: { isic: 'H' },
  typeOfLabourOther: null,
  typeOfLabourNotSpecified: null,
};

const sexFlags: Record<string, SexType> = {
  typeOfSexProstitution: 'Prostitution',
  typeOfSexPornography: 'Pornography',
  typeOfSexRemoteInteractiveServices: 'RemoteInteractiveServices',
  typeOfSexPrivateSexualServices: 'PrivateSexualServices',
};

const relationFlags = ['recruiterRelationFamily', 'recruiterRelationIntimatePartner', 'recruiterRelationFriend', 'recruiterRelationOther', 'recruiterRelationUnknown'] as const;

const spec = (required: boolean) => ({ required });
export const ctdcColumns = {
  caseId: spec(false),
  yearOfRegistration: spec(true),
  Datasource: spec(false),
  gender: spec(true),
  ageBroad: spec(true),
  majorityStatus: spec(false),
  majorityStatusAtExploit: spec(false),
  majorityEntry: spec(false),
  citizenship: spec(true),
  CountryOfExploitation: spec(false),
  meansOfControlConcatenated: spec(false),
  typeOfExploitConcatenated: spec(false),
  typeOfLabourConcatenated: spec(false),
  typeOfSexConcatenated: spec(false),
  isAbduction: spec(false),
  ...Object.fromEntries([...Object.keys(exploitFlags), ...Object.keys(controlFlags), ...Object.keys(labourFlags), ...Object.keys(sexFlags), ...relationFlags].map((c) => [c, spec(false)])),
} as Record<string, { required: boolean }>;

const gender = codeList(['Feminine', 'Masculine', 'NonConforming', 'TransgenderFeminine', 'TransgenderMasculine', 'NonSpecifiedUnknown'] as const, {
  female: 'Feminine',
  male: 'Masculine',
  woman: 'Feminine',
  man: 'Masculine',
  girl: 'Feminine',
  boy: 'Masculine',
  transgender: 'NonConforming',
  'transgender/nonconforming': 'NonConforming',
  'trans/transgender/nonconforming': 'NonConforming',
});
const ageBand = codeList(['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const, {
  '0--8': '0-8',
  '9--17': '9-17',
  '18--20': '18-20',
  '21--23': '21-23',
  '24--26': '24-26',
  '27--29': '27-29',
  '30--38': '30-38',
  '39--47': '39-47',
});
const form = codeList(exploitationForms, { 'forced labour': 'ForcedLabour', 'sexual exploitation': 'SexualExploitation', 'forced marriage': 'ForcedMarriage', 'forced military': 'ForcedMilitaryByNonStateActors', 'organ removal': 'OrganRemoval', 'slavery and similar practices': 'Servitude', 'other': 'Other' });
const control = codeList(methodsOfControl, Object.fromEntries(Object.entries(controlFlags).filter(([, v]) => v).map(([k, v]) => [k.replace('meansOfControl', ''), v!])) as Record<string, Control>);
const sexType = codeList(sexExploitationTypes);
const isic = codeList(isicSections, Object.fromEntries(Object.entries(labourFlags).flatMap(([k, v]) => (v?.isic ? [[k.replace('typeOfLabour', ''), v.isic]] : []))) as Record<string, Isic>);

/** A 0/1/-99 flag: true, false, or undefined when unknown / not collected. */
function flag(p: RowProblems, column: string, cell: string): boolean | undefined {
  const s = cell.trim();
  if (s === '1' || /^true$/i.test(s)) return true;
  if (s === '0' || /^false$/i.test(s)) return false;
  if (missingReason(s)) return undefined;
  p.add(column, s, 'a flag must be 1, 0 or -99 (unknown)');
  return undefined;
}

export const ctdcFormat: CaseFormat = {
  format: 'ctdc',
  delimiter: ';',
  readHeader(header: TableRow, ctx: FormatContext): HeaderResult {
    const { index, problems, warnings } = headerIndex(header, ctdcColumns);
    if (!ctx.reporter) problems.push({ line: header.line, column: '--reporter', reason: 'CTDC files do not name the reporting State: give --reporter ISO3' });
    if (!index.has('caseId')) warnings.push({ line: header.line, column: 'caseId', reason: 'no caseId column: each row is identified by its line number, so re-import the same file unchanged to stay idempotent' });
    return { problems, warnings, mapRow: (row, p) => mapCtdcRow(row, p, index, ctx) };
  },
};

function mapCtdcRow(row: TableRow, p: RowProblems, index: Map<string, number>, ctx: FormatContext): MappedCase | null {
  const has = (c: string) => index.has(c);
  const cell = (c: string) => {
    const i = index.get(c);
    return i === undefined ? '' : (row.cells[i] ?? '');
  };
  const thisYear = Number(ctx.today.slice(0, 4));
  const yearCell = cell('yearOfRegistration').trim();
  const year = /^\d{4}$/.test(yearCell) ? Number(yearCell) : NaN;
  if (!(year >= 1990 && year <= thisYear)) p.add('yearOfRegistration', yearCell, year > thisYear ? 'is in the future' : `not a year from 1990 to ${thisYear}`);

  // Forms of exploitation: the flags, else the concatenated column; labour sectors may add forms.
  const flagged = (columns: Record<string, unknown>) => Object.keys(columns).filter(has);
  const forms = new Set<ExploitationForm>();
  let formsKnown = false;
  for (const c of flagged(exploitFlags)) {
    const f = flag(p, c, cell(c));
    if (f !== undefined) formsKnown = true;
    if (f) exploitFlags[c]!.forEach((x) => forms.add(x));
  }
  if (!formsKnown && has('typeOfExploitConcatenated')) {
    const k = manyOf(p, 'typeOfExploitConcatenated', cell('typeOfExploitConcatenated'), form, 'the CTDC forms of exploitation');
    if ('value' in k) {
      formsKnown = true;
      k.value.forEach((x) => forms.add(x));
    }
  }
  const industries = new Set<Isic>();
  let industriesKnown = false;
  for (const c of flagged(labourFlags)) {
    const f = flag(p, c, cell(c));
    if (f !== undefined) industriesKnown = true;
    const target = labourFlags[c];
    if (f && target?.isic) industries.add(target.isic);
    if (f && target?.form) {
      forms.add(target.form);
      formsKnown = true;
    }
  }
  if (!industriesKnown && has('typeOfLabourConcatenated')) {
    const k = manyOf(p, 'typeOfLabourConcatenated', cell('typeOfLabourConcatenated').replace(/\b(Other|Not specified|NotSpecified|Begging|Illicit activities|IllicitActivities)\b;?/gi, ''), isic, 'the CTDC labour sectors');
    if ('value' in k) {
      industriesKnown = k.value.length > 0;
      k.value.forEach((x) => industries.add(x));
    }
  }
  const controls = new Set<Control>();
  let controlsKnown = false;
  for (const c of flagged(controlFlags)) {
    const f = flag(p, c, cell(c));
    if (f !== undefined && controlFlags[c]) controlsKnown = true;
    if (f && controlFlags[c]) controls.add(controlFlags[c]);
  }
  if (!controlsKnown && has('meansOfControlConcatenated')) {
    const k = manyOf(p, 'meansOfControlConcatenated', cell('meansOfControlConcatenated').replace(/\bNot ?specified\b;?/gi, ''), control, 'the CTDC means of control');
    if ('value' in k && k.value.length) {
      controlsKnown = true;
      k.value.forEach((x) => controls.add(x));
    }
  }
  const sexTypes = new Set<SexType>();
  let sexKnown = false;
  for (const c of flagged(sexFlags)) {
    const f = flag(p, c, cell(c));
    if (f !== undefined) sexKnown = true;
    if (f) sexTypes.add(sexFlags[c]!);
  }
  if (!sexKnown && has('typeOfSexConcatenated')) {
    const k = manyOf(p, 'typeOfSexConcatenated', cell('typeOfSexConcatenated'), sexType, 'the CTDC types of sexual exploitation');
    if ('value' in k) {
      sexKnown = true;
      k.value.forEach((x) => sexTypes.add(x));
    }
  }
  let relationship: Known<'Familial' | 'Acquainted' | 'Unacquainted'> = { reason: 'unknown' };
  for (const c of relationFlags.filter(has)) {
    if (flag(p, c, cell(c)) && 'reason' in relationship) {
      if (c === 'recruiterRelationFamily') relationship = { value: 'Familial' };
      else if (c === 'recruiterRelationIntimatePartner' || c === 'recruiterRelationFriend') relationship = { value: 'Acquainted' };
    }
  }

  const minorCell = (cell('majorityStatusAtExploit') || cell('majorityStatus')).trim().toLowerCase();
  const minor: Known<boolean> = minorCell === 'minor' ? { value: true } : minorCell === 'adult' ? { value: false } : { reason: missingReason(minorCell) ?? 'unknown' };
  if (minorCell && !['minor', 'adult'].includes(minorCell) && !missingReason(minorCell)) p.add(has('majorityStatusAtExploit') ? 'majorityStatusAtExploit' : 'majorityStatus', minorCell, 'Adult, Minor or -99 expected');

  const citizenship = countryCell(p, 'citizenship', cell('citizenship').trim() === '00' ? '-99' : cell('citizenship'), ctx.countries, true);
  const exploitationCountry = cell('CountryOfExploitation');
  const places: CaseContent['event']['places'] = exploitationCountry.trim() ? [{ stage: 'Exploitation', country: countryCell(p, 'CountryOfExploitation', exploitationCountry, ctx.countries, true) }] : [];
  const known = <T>(isKnown: boolean, value: T): Known<T> => (isKnown ? { value } : { reason: 'unknown' });

  const victim: CaseContent['victims'][number] = {
    ref: 'V1',
    gender: oneOf(p, 'gender', cell('gender'), gender, 'the CTDC genders'),
    age: { reason: 'not_collected' },
    ageBand: oneOf(p, 'ageBroad', cell('ageBroad'), ageBand, 'the CTDC age bands'),
    minorAtExploitation: minor,
    citizenships: 'value' in citizenship ? { value: [citizenship.value] } : citizenship,
    traffickingStatus: { reason: 'not_collected' },
    statusDecidedBy: { reason: 'not_collected' },
    exploitationForms: known(formsKnown, [...forms]),
    sexExploitationTypes: known(sexKnown, [...sexTypes]),
    forcedLabourIndustries: known(industriesKnown, [...industries]),
    methodsOfControl: known(controlsKnown, [...controls]),
    recruitmentMethod: { reason: 'not_collected' },
    relationshipToTrafficker: relationship,
    assistanceReceived: { reason: 'not_collected' },
    consentToShare: false,
    // The CTDC public dataset is published for statistics: its rows may be counted.
    consentToCount: true,
  };
  const caseId = cell('caseId').trim();
  if (caseId.length > 100) p.add('caseId', caseId, 'longer than 100 characters');
  if (p.items.length || !ctx.reporter) return null;
  return {
    state: ctx.reporter,
    year,
    content: {
      reportingEntity: { type: 'other', name: 'CTDC global dataset' },
      externalId: caseId || `line-${row.line}`,
      event: {
        iccsCode: { reason: 'not_collected' },
        recruitmentDate: { reason: 'not_collected' },
        exploitationStartDate: { reason: 'not_collected' },
        exploitationEndDate: { reason: 'not_collected' },
        detectionDate: { reason: 'not_collected' },
        places,
      },
      victims: [victim],
      perpetrators: [],
      links: [],
    },
  };
}

/** `tiphub import incidents FILE --format ctdc --reporter ISO3`. */
export const importCtdc = importWith(ctdcFormat);
