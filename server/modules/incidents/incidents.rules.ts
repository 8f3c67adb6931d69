// The automatic validation rules run when a State submits a case. Each problem names the
// field (a path into the case document) and the reason; submission is refused while any remain.
import type { ErrorDetail } from '../../platform/errors.ts';
import type { CaseContent } from './incidents.schema.ts';
import { ageBandBounds, eventStages, type ExploitationForm, type Known } from './incidents.values.ts';

const valueOf = <T>(k: Known<T>): T | undefined => ('value' in k ? k.value : undefined);

/** ICCS subclass → the form of exploitation at least one victim must have. */
const iccsForms: Record<string, ExploitationForm[]> = {
  '02041': ['SexualExploitation'],
  '02042': ['ForcedLabour', 'ChildLabour', 'Servitude', 'ForcedBegging', 'ForcedCriminality'],
  '02043': ['OrganRemoval'],
};

/** Checks a case document for submission; `today` is 'YYYY-MM-DD'. Empty when it may be submitted. */
export function validateForSubmission(doc: CaseContent, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (field: string, reason: string, value?: unknown) => problems.push({ field, reason, ...(value === undefined ? {} : { value }) });
  const notFuture = (field: string, date: string | undefined) => {
    if (date && date > today) add(field, 'is in the future', date);
  };

  const e = doc.event;
  const recruitment = valueOf(e.recruitmentDate);
  const start = valueOf(e.exploitationStartDate);
  const end = valueOf(e.exploitationEndDate);
  const detection = valueOf(e.detectionDate);
  notFuture('event.recruitmentDate', recruitment);
  notFuture('event.exploitationStartDate', start);
  notFuture('event.exploitationEndDate', end);
  notFuture('event.detectionDate', detection);
  if (recruitment && start && start < recruitment) add('event.exploitationStartDate', `exploitation cannot begin (${start}) before recruitment (${recruitment})`, start);
  if (start && end && end < start) add('event.exploitationEndDate', `exploitation cannot end (${end}) before it began (${start})`, end);
  if (recruitment && detection && detection < recruitment) add('event.detectionDate', `detection (${detection}) cannot precede recruitment (${recruitment})`, detection);

  // The chain runs origin → transit → destination: stages in that order.
  let lastStage = 0;
  e.places.forEach((p, i) => {
    const stage = eventStages.indexOf(p.stage);
    if (stage < lastStage) add(`event.places.${i}.stage`, `${p.stage} cannot come after ${eventStages[lastStage]} in the chain recruitment → transit → exploitation`, p.stage);
    lastStage = Math.max(lastStage, stage);
  });

  if (doc.victims.length === 0) add('victims', 'a case needs at least one victim to be submitted');

  const iccs = valueOf(e.iccsCode);
  const required = iccs ? iccsForms[iccs] : undefined;
  if (required && doc.victims.length > 0) {
    const forms = doc.victims.flatMap((v) => valueOf(v.exploitationForms) ?? []);
    const unknownForms = doc.victims.some((v) => !('value' in v.exploitationForms));
    if (!unknownForms && !forms.some((f) => required.includes(f))) add('event.iccsCode', `ICCS ${iccs} needs a victim with a form of exploitation among ${required.join(', ')}`, iccs);
  }

  doc.victims.forEach((v, i) => {
    const at = `victims.${i}`;
    const age = valueOf(v.age);
    const band = valueOf(v.ageBand);
    const minor = valueOf(v.minorAtExploitation);
    if (age !== undefined && band !== undefined) {
      const [lo, hi] = ageBandBounds[band];
      if (age < lo || (hi !== null && age > hi)) add(`${at}.ageBand`, `age ${age} is outside the band ${band}`, band);
    }
    if (age !== undefined && minor !== undefined && minor !== age < 18) add(`${at}.minorAtExploitation`, `age ${age} means the victim was ${age < 18 ? '' : 'not '}a minor`, minor);
    if (band !== undefined && minor !== undefined) {
      const upper = ageBandBounds[band][1];
      const childBand = upper !== null && upper < 18;
      if (childBand !== minor) add(`${at}.minorAtExploitation`, `the age band ${band} ${childBand ? 'is' : 'is not'} a minor's, but minorAtExploitation is ${minor}`, minor);
    }
    if ('value' in v.traffickingStatus && 'reason' in v.statusDecidedBy && v.statusDecidedBy.reason === 'not_applicable') {
      add(`${at}.statusDecidedBy`, 'a trafficking status was decided by someone: give the body, or unknown / not collected');
    }
    const forms = valueOf(v.exploitationForms);
    const sexTypes = valueOf(v.sexExploitationTypes);
    if (forms && sexTypes && sexTypes.length > 0 && !forms.includes('SexualExploitation')) add(`${at}.sexExploitationTypes`, 'given, but SexualExploitation is not among the forms of exploitation');
    const industries = valueOf(v.forcedLabourIndustries);
    if (forms && industries && industries.length > 0 && !forms.some((f) => f === 'ForcedLabour' || f === 'ChildLabour')) add(`${at}.forcedLabourIndustries`, 'given, but neither ForcedLabour nor ChildLabour is among the forms of exploitation');
    if (forms && forms.length === 0 && 'value' in v.traffickingStatus && v.traffickingStatus.value === 'ActualVictimOfTrafficking') {
      add(`${at}.exploitationForms`, 'an actual victim of trafficking has at least one form of exploitation (or give a reason it is missing)');
    }
  });

  doc.perpetrators.forEach((p, i) => {
    if (p.kind === 'organisation') {
      if ('value' in p.gender) add(`perpetrators.${i}.gender`, 'an organisation has no gender: use not_applicable', p.gender.value);
      if ('value' in p.ageBand) add(`perpetrators.${i}.ageBand`, 'an organisation has no age: use not_applicable', p.ageBand.value);
    }
  });
  return problems;
}

/**
 * Checks on the identifiers, run when a version is saved: they are sealed afterwards, and the
 * submission rules work on the de-identified document.
 */
export function identifierProblems(doc: CaseContent, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const check = (field: string, birth: string | undefined) => {
    // The value is not echoed: identifiers stay out of error bodies and logs.
    if (birth && birth > today) problems.push({ field, reason: 'is in the future' });
  };
  doc.victims.forEach((v, i) => check(`body.victims.${i}.identifiers.birthDate`, v.identifiers?.birthDate));
  doc.perpetrators.forEach((p, i) => check(`body.perpetrators.${i}.identifiers.birthDate`, p.identifiers?.birthDate));
  return problems;
}
