// Generated HTCDS rows (synthetic people, fictitious names) for tests and the benchmark: the
// header and one row per victim, deterministic for a row number.
import { htcdsColumns, type HtcdsColumn } from './htcds.ts';

export const sampleHeader = Object.keys(htcdsColumns) as HtcdsColumn[];

const forms = ['SexualExploitation', 'ForcedLabour', 'ForcedCriminality', 'ForcedBegging', 'SexualExploitation|ForcedLabour'];
const genders = ['Feminine', 'Masculine', 'Feminine', 'NonSpecifiedUnknown'];
const bands = ['9-17', '18-20', '21-23', '24-26', '30-38'];
const origins = ['UGA', 'ETH', 'NPL', 'PHL', 'VNM', 'NGA'];
const given = ['Amina', 'José', 'Nakato', 'Lin', 'Olga', 'Fatima', 'Chidi', 'Mai'];
const family = ['Achieng', 'Okello', 'Nguyen', 'Santos', 'Ivanova', 'Haddad'];

/** One row's values by column, for row number `i` (1-based) of a file reported by `state`. */
export function sampleRow(i: number, state = 'KEN', overrides: Partial<Record<HtcdsColumn, string>> = {}): Record<HtcdsColumn, string> {
  const year = 2010 + (i % 15);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const minor = i % 5 === 0;
  const row: Record<string, string> = {
    cas_ID: `C-${i}`,
    rep_State: state,
    rep_EntityType: 'police',
    rep_EntityName: 'Anti-Trafficking Unit',
    cas_IccsCode: '0204',
    cas_DateOfIdentification: `${year}-${month}-15`,
    hte_RecruitmentDate: `${year - 1}-${month}-01`,
    hte_ExploitationStartDate: `${year - 1}-${month}-20`,
    hte_ExploitationEndDate: '',
    hte_RecruitmentCountry: origins[i % origins.length]!,
    hte_TransitCountries: i % 3 === 0 ? 'TZA' : '',
    hte_ExploitationCountry: state,
    vic_Ref: 'V1',
    prs_GivenNames: given[i % given.length]!,
    prs_FamilyName: `${family[i % family.length]}-${i}`,
    prs_IdentityNumber: `P${String(i).padStart(8, '0')}`,
    prs_BirthDate: `${year - (minor ? 15 : 25)}-0${1 + (i % 9)}-1${i % 10}`,
    prs_Contact: i % 4 === 0 ? `+2547${String(i).padStart(8, '0')}` : '',
    prs_Gender: genders[i % genders.length]!,
    prs_Age: minor ? '15' : '',
    prs_AgeBand: minor ? '9-17' : bands[1 + (i % 4)]!,
    vic_MinorAtExploitation: minor ? '1' : '0',
    prs_Citizenship: origins[i % origins.length]!,
    vic_TraffickingStatus: i % 7 === 0 ? 'PossibleVictimOfTrafficking' : 'ActualVictimOfTrafficking',
    vic_StatusDecidedBy: 'Police',
    vic_TypeOfExploitation: forms[i % forms.length]!,
    vic_TypeOfSexExploitation: (forms[i % forms.length] ?? '').startsWith('Sexual') ? 'Prostitution' : 'NotApplicable',
    vic_ForcedLabourIndustry: (forms[i % forms.length] ?? '').includes('ForcedLabour') ? 'A|T' : 'NotApplicable',
    vic_MethodsOfControl: 'DebtBondage|WithholdsDocuments',
    vic_MethodOfRecruitment: 'ThroughFriendsOrSocialEvents',
    vic_RelationshipToTrafficker: 'Acquainted',
    spl_AssistanceReceived: 'Accommodation|MedicalCare',
    con_ConsentToShare: i % 2 === 0 ? '1' : '0',
    con_ConsentToCount: i % 10 === 0 ? '0' : '1',
    per_Ref: 'P1',
    per_Kind: 'individual',
    per_GivenNames: i % 2 === 0 ? 'Samuel' : '',
    per_FamilyName: i % 2 === 0 ? `Trader-${i % 1000}` : '',
    per_IdentityNumber: '',
    per_RoleInProcess: 'RecruiterOrIntermediary|Exploiter',
    per_Gender: 'Masculine',
    per_AgeBand: '39-47',
    per_Citizenship: state,
    per_ProsecutionOutcome: 'UnderInvestigation',
  };
  return { ...(row as Record<HtcdsColumn, string>), ...overrides };
}

/** A CSV cell: quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text of `rows` under `columns`. */
export function sampleCsv(rows: Record<string, string>[], columns: readonly string[] = sampleHeader, delimiter = ','): string {
  const lines = [columns.join(delimiter)];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c] ?? '', delimiter)).join(delimiter));
  return `${lines.join('\n')}\n`;
}
