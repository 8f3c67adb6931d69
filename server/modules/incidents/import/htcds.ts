// HTCDS v2.0 columns (CSV or XLSX), one row per victim: the case (`cas_`), the reporting entity
// (`rep_`), the trafficking event (`hte_`), the person and victim context (`prs_`, `vic_`), the
// support plan (`spl_`), consent (`con_`) and, optionally, one perpetrator (`per_`) linked to the
// victim. Rows with the same case id and reporting entity are one case per row: a case with
// several victims is exported as one row per victim, each with its own case id (e.g. C1-V2).
// Columns are found by header name (any order, any case); unknown columns are ignored with a warning.
import type { CaseContent, Identifiers } from '../incidents.schema.ts';
import {
  ageBands,
  assistanceTypes,
  eventStages,
  exploitationForms,
  genders,
  iccsCodes,
  isicSections,
  methodsOfControl,
  perpetratorKinds,
  perpetratorRoles,
  prosecutionOutcomes,
  recruitmentMethods,
  relationshipsToTrafficker,
  reportingEntityTypes,
  sexExploitationTypes,
  statusDecidedBy,
  traffickingStatuses,
  type Known,
} from '../incidents.values.ts';
import type { CaseFormat, FormatContext, HeaderResult, MappedCase } from './case-import.ts';
import { boolCell, codeList, countriesCell, countryCell, dateCell, intCell, manyOf, oneOf, RowProblems, textCell } from './cells.ts';
import type { ImportProblem } from './import-types.ts';
import { importWith } from './run.ts';
import type { TableRow } from './text-input.ts';

/** Every column of the layout; `required` ones must be in the header. */
export const htcdsColumns = {
  cas_ID: { required: true, note: "The case's id in the reporting body's system" },
  rep_State: { required: false, note: 'Reporting State, ISO 3166-1 alpha-3 (else --reporter)' },
  rep_EntityType: { required: true, note: reportingEntityTypes.join(' | ') },
  rep_EntityName: { required: false, note: 'The body, e.g. "Anti-Trafficking Unit, National Police"' },
  cas_IccsCode: { required: false, note: iccsCodes.join(' | ') },
  cas_DateOfIdentification: { required: true, note: 'YYYY-MM-DD; the summary counts victims by its year' },
  hte_RecruitmentDate: { required: false, note: 'YYYY-MM-DD' },
  hte_ExploitationStartDate: { required: false, note: 'YYYY-MM-DD' },
  hte_ExploitationEndDate: { required: false, note: 'YYYY-MM-DD' },
  hte_RecruitmentCountry: { required: false, note: 'ISO alpha-3' },
  hte_TransitCountries: { required: false, note: 'ISO alpha-3, several joined with ; or |' },
  hte_ExploitationCountry: { required: false, note: 'ISO alpha-3' },
  vic_Ref: { required: false, note: 'The victim within the case (default V1)' },
  prs_GivenNames: { required: false, note: 'Identifier: sealed at rest' },
  prs_FamilyName: { required: false, note: 'Identifier: sealed at rest' },
  prs_IdentityNumber: { required: false, note: 'Identifier: sealed at rest' },
  prs_BirthDate: { required: false, note: 'Identifier: sealed at rest' },
  prs_Contact: { required: false, note: 'Identifier: sealed at rest' },
  prs_Gender: { required: true, note: genders.join(' | ') },
  prs_Age: { required: false, note: 'Years when the exploitation began' },
  prs_AgeBand: { required: false, note: ageBands.join(' | ') },
  vic_MinorAtExploitation: { required: false, note: '1/0' },
  prs_Citizenship: { required: false, note: 'ISO alpha-3, several joined with ; or |' },
  vic_TraffickingStatus: { required: true, note: traffickingStatuses.join(' | ') },
  vic_StatusDecidedBy: { required: false, note: statusDecidedBy.join(' | ') },
  vic_TypeOfExploitation: { required: true, note: exploitationForms.join(' | ') },
  vic_TypeOfSexExploitation: { required: false, note: sexExploitationTypes.join(' | ') },
  vic_ForcedLabourIndustry: { required: false, note: 'ISIC Rev.4 sections A-U' },
  vic_MethodsOfControl: { required: false, note: methodsOfControl.join(' | ') },
  vic_MethodOfRecruitment: { required: false, note: recruitmentMethods.join(' | ') },
  vic_RelationshipToTrafficker: { required: false, note: relationshipsToTrafficker.join(' | ') },
  spl_AssistanceReceived: { required: false, note: assistanceTypes.join(' | ') },
  con_ConsentToShare: { required: false, note: '1/0 (blank: no)' },
  con_ConsentToCount: { required: false, note: '1/0 (blank: no)' },
  per_Ref: { required: false, note: 'The perpetrator within the case (default P1)' },
  per_Kind: { required: false, note: perpetratorKinds.join(' | ') },
  per_GivenNames: { required: false, note: 'Identifier: sealed at rest' },
  per_FamilyName: { required: false, note: 'Identifier: sealed at rest' },
  per_IdentityNumber: { required: false, note: 'Identifier: sealed at rest' },
  per_RoleInProcess: { required: false, note: perpetratorRoles.join(' | ') },
  per_Gender: { required: false, note: genders.join(' | ') },
  per_AgeBand: { required: false, note: ageBands.join(' | ') },
  per_Citizenship: { required: false, note: 'ISO alpha-3, several joined with ; or |' },
  per_ProsecutionOutcome: { required: false, note: prosecutionOutcomes.join(' | ') },
} as const;
export type HtcdsColumn = keyof typeof htcdsColumns;

/** Columns whose values are identifiers: a problem report never repeats them. */
export const secretColumns = new Set<string>(['prs_GivenNames', 'prs_FamilyName', 'prs_IdentityNumber', 'prs_BirthDate', 'prs_Contact', 'per_GivenNames', 'per_FamilyName', 'per_IdentityNumber']);

const lookups = {
  entity: codeList(reportingEntityTypes),
  iccs: codeList(iccsCodes),
  gender: codeList(genders, { female: 'Feminine', male: 'Masculine', woman: 'Feminine', man: 'Masculine', f: 'Feminine', m: 'Masculine' }),
  ageBand: codeList(ageBands, { '0--8': '0-8', '9--17': '9-17', '18--20': '18-20', '21--23': '21-23', '24--26': '24-26', '27--29': '27-29', '30--38': '30-38', '39--47': '39-47' }),
  status: codeList(traffickingStatuses),
  decidedBy: codeList(statusDecidedBy),
  form: codeList(exploitationForms),
  sexType: codeList(sexExploitationTypes),
  isic: codeList(isicSections),
  control: codeList(methodsOfControl),
  recruitment: codeList(recruitmentMethods),
  relation: codeList(relationshipsToTrafficker),
  assistance: codeList(assistanceTypes),
  kind: codeList(perpetratorKinds),
  role: codeList(perpetratorRoles),
  outcome: codeList(prosecutionOutcomes),
};

const refPattern = /^[A-Za-z0-9_-]{1,20}$/;
const hasValue = (k: Known<unknown>) => 'value' in k;

/** Columns by header name; unknown and repeated headers reported. */
export function headerIndex<C extends string>(header: TableRow, known: Record<C, { required: boolean }>): { index: Map<C, number>; problems: ImportProblem[]; warnings: ImportProblem[] } {
  const byLower = new Map<string, C>(Object.keys(known).map((c) => [c.toLowerCase(), c as C]));
  const index = new Map<C, number>();
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  header.cells.forEach((raw, i) => {
    const name = raw.trim().replace(/^\uFEFF/, '');
    const column = byLower.get(name.toLowerCase());
    if (!column) {
      if (name) warnings.push({ line: header.line, column: name, reason: 'not a column of this format: ignored' });
      return;
    }
    if (index.has(column)) problems.push({ line: header.line, column: name, reason: 'the column appears twice' });
    else index.set(column, i);
  });
  const missing = (Object.entries(known) as [C, { required: boolean }][]).filter(([c, spec]) => spec.required && !index.has(c)).map(([c]) => c);
  if (missing.length) problems.push({ line: header.line, column: missing.join(', '), reason: `required column${missing.length > 1 ? 's' : ''} missing from the header: ${missing.join(', ')}` });
  return { index, problems, warnings };
}

export const htcdsFormat: CaseFormat = {
  format: 'htcds',
  readHeader(header: TableRow, ctx: FormatContext): HeaderResult {
    const { index, problems, warnings } = headerIndex(header, htcdsColumns);
    if (!index.has('rep_State') && !ctx.reporter) {
      problems.push({ line: header.line, column: 'rep_State', reason: 'the file does not name the reporting State: add a rep_State column or give --reporter ISO3' });
    }
    return { problems, warnings, mapRow: (row, p) => mapHtcdsRow(row, p, index, ctx) };
  },
};

function mapHtcdsRow(row: TableRow, p: RowProblems, index: Map<HtcdsColumn, number>, ctx: FormatContext): MappedCase | null {
  const cell = (c: HtcdsColumn) => {
    const i = index.get(c);
    return i === undefined ? '' : (row.cells[i] ?? '');
  };
  const { countries, today } = ctx;

  const stateCell = cell('rep_State').trim().toUpperCase();
  const state = stateCell || ctx.reporter || '';
  if (stateCell && !countries.iso3.has(stateCell)) p.add('rep_State', stateCell, 'not an ISO 3166-1 alpha-3 code of a country');
  if (!state) p.add('rep_State', '', 'no reporting State: fill rep_State or give --reporter ISO3');
  const externalId = textCell(p, 'cas_ID', cell('cas_ID'), 100);
  if (!externalId) p.add('cas_ID', cell('cas_ID'), 'the case id is required');
  const entityType = oneOf(p, 'rep_EntityType', cell('rep_EntityType'), lookups.entity, 'the reporting entity types');
  if (!hasValue(entityType) && !p.items.some((i) => i.column === 'rep_EntityType')) p.add('rep_EntityType', cell('rep_EntityType'), 'the reporting entity type is required');
  const entityName = textCell(p, 'rep_EntityName', cell('rep_EntityName'), 200);

  const detection = dateCell(p, 'cas_DateOfIdentification', cell('cas_DateOfIdentification'), today);
  if (!hasValue(detection) && !p.items.some((i) => i.column === 'cas_DateOfIdentification')) p.add('cas_DateOfIdentification', cell('cas_DateOfIdentification'), 'the date of identification is required (the summary counts by its year)');

  const places: CaseContent['event']['places'] = [];
  const recruitmentCountry = cell('hte_RecruitmentCountry');
  if (recruitmentCountry.trim()) places.push({ stage: eventStages[0], country: countryCell(p, 'hte_RecruitmentCountry', recruitmentCountry, countries) });
  const transit = countriesCell(p, 'hte_TransitCountries', cell('hte_TransitCountries'), countries);
  if ('value' in transit) for (const c of transit.value) places.push({ stage: eventStages[1], country: { value: c } });
  const exploitationCountry = cell('hte_ExploitationCountry');
  if (exploitationCountry.trim()) places.push({ stage: eventStages[2], country: countryCell(p, 'hte_ExploitationCountry', exploitationCountry, countries) });

  const event: CaseContent['event'] = {
    iccsCode: oneOf(p, 'cas_IccsCode', cell('cas_IccsCode'), lookups.iccs, 'ICCS 0204 codes'),
    recruitmentDate: dateCell(p, 'hte_RecruitmentDate', cell('hte_RecruitmentDate'), today),
    exploitationStartDate: dateCell(p, 'hte_ExploitationStartDate', cell('hte_ExploitationStartDate'), today),
    exploitationEndDate: dateCell(p, 'hte_ExploitationEndDate', cell('hte_ExploitationEndDate'), today),
    detectionDate: detection,
    places,
  };

  const victimRef = cell('vic_Ref').trim() || 'V1';
  if (!refPattern.test(victimRef)) p.add('vic_Ref', victimRef, 'letters, digits, - or _, at most 20');
  const victimIds = identifiers(p, 'prs', cell, today);
  const victim: CaseContent['victims'][number] = {
    ref: victimRef,
    ...(victimIds ? { identifiers: victimIds } : {}),
    gender: oneOf(p, 'prs_Gender', cell('prs_Gender'), lookups.gender, 'HTCDS Gender'),
    age: intCell(p, 'prs_Age', cell('prs_Age'), 0, 120),
    ageBand: oneOf(p, 'prs_AgeBand', cell('prs_AgeBand'), lookups.ageBand, 'the age bands'),
    minorAtExploitation: boolCell(p, 'vic_MinorAtExploitation', cell('vic_MinorAtExploitation')),
    citizenships: countriesCell(p, 'prs_Citizenship', cell('prs_Citizenship'), countries),
    traffickingStatus: oneOf(p, 'vic_TraffickingStatus', cell('vic_TraffickingStatus'), lookups.status, 'HTCDS TraffickingStatus'),
    statusDecidedBy: oneOf(p, 'vic_StatusDecidedBy', cell('vic_StatusDecidedBy'), lookups.decidedBy, 'the deciding bodies'),
    exploitationForms: manyOf(p, 'vic_TypeOfExploitation', cell('vic_TypeOfExploitation'), lookups.form, 'HTCDS TypeOfExploitation'),
    sexExploitationTypes: manyOf(p, 'vic_TypeOfSexExploitation', cell('vic_TypeOfSexExploitation'), lookups.sexType, 'HTCDS TypeOfSexExploitation'),
    forcedLabourIndustries: manyOf(p, 'vic_ForcedLabourIndustry', cell('vic_ForcedLabourIndustry'), lookups.isic, 'ISIC Rev.4 sections'),
    methodsOfControl: manyOf(p, 'vic_MethodsOfControl', cell('vic_MethodsOfControl'), lookups.control, 'HTCDS MethodsOfControl'),
    recruitmentMethod: oneOf(p, 'vic_MethodOfRecruitment', cell('vic_MethodOfRecruitment'), lookups.recruitment, 'HTCDS MethodOfRecruitment'),
    relationshipToTrafficker: oneOf(p, 'vic_RelationshipToTrafficker', cell('vic_RelationshipToTrafficker'), lookups.relation, 'HTCDS RelationshipToTrafficker'),
    assistanceReceived: manyOf(p, 'spl_AssistanceReceived', cell('spl_AssistanceReceived'), lookups.assistance, 'the assistance types'),
    consentToShare: consent(p, 'con_ConsentToShare', cell('con_ConsentToShare')),
    consentToCount: consent(p, 'con_ConsentToCount', cell('con_ConsentToCount')),
  };

  const perpetrators: CaseContent['perpetrators'] = [];
  const links: CaseContent['links'] = [];
  const perColumns: HtcdsColumn[] = ['per_Kind', 'per_GivenNames', 'per_FamilyName', 'per_IdentityNumber', 'per_RoleInProcess', 'per_Gender', 'per_AgeBand', 'per_Citizenship', 'per_ProsecutionOutcome'];
  if (perColumns.some((c) => cell(c).trim() !== '')) {
    const perRef = cell('per_Ref').trim() || 'P1';
    if (!refPattern.test(perRef)) p.add('per_Ref', perRef, 'letters, digits, - or _, at most 20');
    const kind = oneOf(p, 'per_Kind', cell('per_Kind') || 'individual', lookups.kind, 'individual | organisation');
    const perIds = identifiers(p, 'per', cell, today);
    perpetrators.push({
      ref: perRef,
      ...(perIds ? { identifiers: perIds } : {}),
      kind: 'value' in kind ? kind.value : 'individual',
      roles: manyOf(p, 'per_RoleInProcess', cell('per_RoleInProcess'), lookups.role, 'HTCDS RoleInProcess'),
      gender: oneOf(p, 'per_Gender', cell('per_Gender'), lookups.gender, 'HTCDS Gender'),
      ageBand: oneOf(p, 'per_AgeBand', cell('per_AgeBand'), lookups.ageBand, 'the age bands'),
      citizenships: countriesCell(p, 'per_Citizenship', cell('per_Citizenship'), countries),
      prosecutionOutcome: oneOf(p, 'per_ProsecutionOutcome', cell('per_ProsecutionOutcome'), lookups.outcome, 'the prosecution outcomes'),
    });
    links.push({ victim: victimRef, perpetrator: perRef });
  }

  if (p.items.length || !externalId || !('value' in entityType) || !('value' in detection) || !state) return null;
  return {
    state,
    year: Number(detection.value.slice(0, 4)),
    content: {
      reportingEntity: { type: entityType.value, ...(entityName ? { name: entityName } : {}) },
      externalId,
      event,
      victims: [victim],
      perpetrators,
      links,
    },
  };
}

/** Consent is given only by a clear yes; blank or unknown means no consent. */
function consent(p: RowProblems, column: string, cell: string): boolean {
  const k = boolCell(p, column, cell);
  return 'value' in k && k.value;
}

/** The person's identifiers from `prs_` or `per_` columns; problems never echo the value. */
function identifiers(p: RowProblems, prefix: 'prs' | 'per', cell: (c: HtcdsColumn) => string, today: string): Identifiers | undefined {
  const ids: Identifiers = {};
  const given = textCell(p, `${prefix}_GivenNames`, cell(`${prefix}_GivenNames`), 200, true);
  const family = textCell(p, `${prefix}_FamilyName`, cell(`${prefix}_FamilyName`), 200, true);
  const number = textCell(p, `${prefix}_IdentityNumber`, cell(`${prefix}_IdentityNumber`), 100, true);
  if (given) ids.givenNames = given;
  if (family) ids.familyName = family;
  if (number) ids.identityNumber = number;
  if (prefix === 'prs') {
    const birthCell = cell('prs_BirthDate');
    if (birthCell.trim()) {
      const birth = dateCell(p, 'prs_BirthDate', birthCell, today, true);
      if ('value' in birth) ids.birthDate = birth.value;
    }
    const contact = textCell(p, 'prs_Contact', cell('prs_Contact'), 500, true);
    if (contact) ids.contact = contact;
  }
  return Object.keys(ids).length ? ids : undefined;
}

/** `tiphub import incidents FILE --format htcds`. */
export const importHtcds = importWith(htcdsFormat);
