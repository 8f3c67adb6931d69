// The form's model of a case: the API's case document, plus the identifiers typed in this
// session (sent once, sealed by the server, never shown back here).
import type { CaseContent, CaseView } from './incidentsApi.ts';

export type Victim = CaseContent['victims'][number];
export type Perpetrator = CaseContent['perpetrators'][number];
export type Place = CaseContent['event']['places'][number];
export type Reason = 'not_collected' | 'unknown' | 'not_applicable';
export type Known<T> = { value: T } | { reason: Reason | 'suppressed' };

/** Names typed for a person in this session; empty means "keep what the server has". */
export interface TypedIdentifiers {
  givenNames: string;
  familyName: string;
}

export interface Draft {
  content: CaseContent;
  identifiers: Record<string, TypedIdentifiers>;
}

const notCollected = { reason: 'not_collected' as const };

export function newVictim(ref: string): Victim {
  return {
    ref,
    gender: notCollected,
    age: notCollected,
    ageBand: notCollected,
    minorAtExploitation: notCollected,
    citizenships: notCollected,
    traffickingStatus: notCollected,
    statusDecidedBy: notCollected,
    exploitationForms: notCollected,
    sexExploitationTypes: notCollected,
    forcedLabourIndustries: notCollected,
    methodsOfControl: notCollected,
    recruitmentMethod: notCollected,
    relationshipToTrafficker: notCollected,
    assistanceReceived: notCollected,
    consentToShare: false,
    consentToCount: false,
  };
}

export function newPerpetrator(ref: string): Perpetrator {
  return { ref, kind: 'individual', roles: notCollected, gender: notCollected, ageBand: notCollected, citizenships: notCollected, prosecutionOutcome: notCollected };
}

export function emptyDraft(): Draft {
  return {
    content: {
      reportingEntity: { type: 'police' },
      externalId: '',
      event: { iccsCode: { value: '0204' }, recruitmentDate: notCollected, exploitationStartDate: notCollected, exploitationEndDate: notCollected, detectionDate: notCollected, places: [] },
      victims: [newVictim('V1')],
      perpetrators: [],
      links: [],
    },
    identifiers: {},
  };
}

/** A saved case back into the form (identifiers are never in it). */
export function draftOf(view: CaseView): Draft {
  const d = view.document;
  return {
    content: {
      reportingEntity: d.reportingEntity,
      externalId: d.externalId,
      event: d.event,
      victims: d.victims.map(({ countable: _c, identifiers: _i, ...v }) => v) as CaseContent['victims'],
      perpetrators: d.perpetrators.map(({ identifiers: _i, ...p }) => p) as CaseContent['perpetrators'],
      links: d.links,
    },
    identifiers: {},
  };
}

/** What is sent: people with typed names carry them; the others keep the server's (omitted). */
export function payloadOf(draft: Draft): CaseContent {
  const ids = (role: string, ref: string) => {
    const typed = draft.identifiers[`${role}:${ref}`];
    if (!typed || (!typed.givenNames.trim() && !typed.familyName.trim())) return {};
    return { identifiers: { ...(typed.givenNames.trim() ? { givenNames: typed.givenNames.trim() } : {}), ...(typed.familyName.trim() ? { familyName: typed.familyName.trim() } : {}) } };
  };
  const c = draft.content;
  const refs = new Set(c.victims.map((v) => v.ref));
  const perps = new Set(c.perpetrators.map((p) => p.ref));
  return {
    ...c,
    externalId: c.externalId.trim(),
    victims: c.victims.map((v) => ({ ...v, ...ids('victim', v.ref) })),
    perpetrators: c.perpetrators.map((p) => ({ ...p, ...ids('perpetrator', p.ref) })),
    links: c.links.filter((l) => refs.has(l.victim) && perps.has(l.perpetrator)),
  };
}

/** The next free ref with this prefix (V1, V2 ...). */
export function nextRef(prefix: string, taken: { ref: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((x) => x.ref === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
