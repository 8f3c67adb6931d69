// Checks run in the browser before a step is saved, in the user's language; the server runs
// the same rules (incidents.rules.ts) and its field errors are mapped back onto the fields.
import type { ApiError } from '../api.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { ageBandBounds, eventStages, type AgeBand } from '../../../server/modules/incidents/incidents.values.ts';
import type { CaseContent } from './incidentsApi.ts';

export type StepId = 'entity' | 'event' | 'victims' | 'perpetrators' | 'links' | 'review';
export const steps: readonly StepId[] = ['entity', 'event', 'victims', 'perpetrators', 'links', 'review'];

/** A problem on one field: a path into the case document ("victims.0.ageBand") and a message. */
export interface Problem {
  field: string;
  key: MessageKey;
  /** The server's English reason, when the problem came from it. */
  detail?: string;
  /** Does not stop a draft from being saved; the server refuses the submission while it remains. */
  warning?: true;
}

const val = <T>(k: { value: T } | { reason: string }): T | undefined => ('value' in k ? k.value : undefined);
const ISO3 = /^[A-Z]{3}$/;

export function checkStep(step: StepId, c: CaseContent, today: string): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, key: MessageKey) => out.push({ field, key });
  const warn = (field: string, key: MessageKey) => out.push({ field, key, warning: true });
  if (step === 'entity' || step === 'review') {
    if (!c.externalId.trim()) add('externalId', 'incidents.rule.required');
  }
  if (step === 'event' || step === 'review') {
    const e = c.event;
    for (const f of ['recruitmentDate', 'exploitationStartDate', 'exploitationEndDate', 'detectionDate'] as const) {
      const d = val(e[f]);
      if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) add(`event.${f}`, 'incidents.rule.required');
      else if (d && d > today) add(`event.${f}`, 'incidents.rule.future');
    }
    const rec = val(e.recruitmentDate);
    const start = val(e.exploitationStartDate);
    const end = val(e.exploitationEndDate);
    if (rec && start && start < rec) add('event.exploitationStartDate', 'incidents.rule.exploitationBeforeRecruitment');
    if (start && end && end < start) add('event.exploitationEndDate', 'incidents.rule.endBeforeStart');
    const detection = val(e.detectionDate);
    if (rec && detection && detection < rec) add('event.detectionDate', 'incidents.rule.detectionBeforeRecruitment');
    let last = 0;
    e.places.forEach((p, i) => {
      const country = val(p.country);
      if (country !== undefined && !ISO3.test(country)) add(`event.places.${i}.country`, 'incidents.rule.country');
      const stage = eventStages.indexOf(p.stage);
      if (stage < last) add(`event.places.${i}.stage`, 'incidents.rule.chain');
      last = Math.max(last, stage);
    });
  }
  if (step === 'victims' || step === 'review') {
    if (c.victims.length === 0 && step === 'review') add('victims', 'incidents.rule.noVictim');
    c.victims.forEach((v, i) => {
      const age = val(v.age);
      const band: AgeBand | undefined = val(v.ageBand);
      const minor = val(v.minorAtExploitation);
      if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 120)) add(`victims.${i}.age`, 'incidents.rule.required');
      else if (age !== undefined && band) {
        const [lo, hi] = ageBandBounds[band];
        if (age < lo || (hi !== null && age > hi)) add(`victims.${i}.ageBand`, 'incidents.rule.ageBand');
      }
      if (age !== undefined && minor !== undefined && minor !== age < 18) add(`victims.${i}.minorAtExploitation`, 'incidents.rule.ageMinor');
      else if (band && minor !== undefined) {
        const hi = ageBandBounds[band][1];
        if ((hi !== null && hi < 18) !== minor) add(`victims.${i}.minorAtExploitation`, 'incidents.rule.bandMinor');
      }
      if (val(v.citizenships)?.some((code) => !ISO3.test(code))) add(`victims.${i}.citizenships`, 'incidents.rule.country');
      // The submission rules of incidents.rules.ts, shown while typing.
      const forms = val(v.exploitationForms);
      if (forms && val(v.sexExploitationTypes)?.length && !forms.includes('SexualExploitation')) warn(`victims.${i}.sexExploitationTypes`, 'incidents.rule.sexTypeWithoutForm');
      if (forms && val(v.forcedLabourIndustries)?.length && !forms.some((f) => f === 'ForcedLabour' || f === 'ChildLabour')) warn(`victims.${i}.forcedLabourIndustries`, 'incidents.rule.industryWithoutForm');
      if ('value' in v.traffickingStatus && 'reason' in v.statusDecidedBy && v.statusDecidedBy.reason === 'not_applicable') warn(`victims.${i}.statusDecidedBy`, 'incidents.rule.decidedByNotApplicable');
      if (forms?.length === 0 && val(v.traffickingStatus) === 'ActualVictimOfTrafficking') warn(`victims.${i}.exploitationForms`, 'incidents.rule.actualVictimForms');
    });
  }
  if (step === 'perpetrators' || step === 'review') {
    c.perpetrators.forEach((p, i) => {
      if (val(p.citizenships)?.some((code) => !ISO3.test(code))) add(`perpetrators.${i}.citizenships`, 'incidents.rule.country');
      if (p.kind === 'organisation' && 'value' in p.gender) warn(`perpetrators.${i}.gender`, 'incidents.rule.organisationGender');
      if (p.kind === 'organisation' && 'value' in p.ageBand) warn(`perpetrators.${i}.ageBand`, 'incidents.rule.organisationAge');
    });
  }
  return out;
}

/** The server's field errors ("body.victims.0.age", "victims.0.ageBand.value") as form problems. */
export function serverProblems(error: ApiError): Problem[] {
  return error.details
    .filter((d) => d.field)
    .map((d) => {
      let field = d.field!.replace(/^body\./, '');
      // Point at the whole value-or-reason field, not its inner "value" / list item.
      field = field.replace(/\.value(\.\d+)?$/, '').replace(/\.reason$/, '');
      return { field, key: 'incidents.rule.server', detail: d.reason };
    });
}

/** Which step shows a field (for links from the review list). */
export function stepOf(field: string): StepId {
  if (field.startsWith('event')) return 'event';
  if (field.startsWith('victims')) return 'victims';
  if (field.startsWith('perpetrators')) return 'perpetrators';
  if (field.startsWith('links')) return 'links';
  return 'entity';
}
