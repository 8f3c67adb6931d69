// Protection of direct identifiers: a data key per State (AES-256-GCM), sealed under a key
// derived from the master key, and a pseudonymous person key (keyed HMAC) that lets the same
// person be found in two reports without decrypting either.
import { createHmac, randomBytes } from 'node:crypto';
import { deriveKey, open, seal } from '../../platform/crypto/secret-box.ts';
import type { CaseContent, Identifiers } from './incidents.schema.ts';

/** What one sealed identifier blob is bound to: a copy moved to another row does not open. */
export const identifiersContext = (state: string, caseId: string, role: 'victim' | 'perpetrator', ref: string) => `incident-identifiers:${state}:${caseId}:${role}:${ref}`;

/** A new State data key and its sealed form for `incident_state_keys`. */
export function newStateKey(masterKey: Buffer, state: string): { key: Buffer; wrapped: string } {
  const key = randomBytes(32);
  return { key, wrapped: seal(deriveKey(masterKey, 'state-data-key'), key.toString('base64'), `state-key:${state}`) };
}

export function unwrapStateKey(masterKey: Buffer, state: string, wrapped: string): Buffer {
  return Buffer.from(open(deriveKey(masterKey, 'state-data-key'), wrapped, `state-key:${state}`), 'base64');
}

export function sealIdentifiers(stateKey: Buffer, context: string, identifiers: Identifiers): string {
  return seal(stateKey, JSON.stringify(identifiers), context);
}

export function openIdentifiers(stateKey: Buffer, context: string, sealed: string): Identifiers {
  return JSON.parse(open(stateKey, sealed, context)) as Identifiers;
}

/** Lower-case, accents removed, anything but letters and digits a space, spaces collapsed. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The pseudonymous person key: HMAC-SHA256 (key derived from the master key, purpose
 * 'person-key') over the normalised names (their words sorted, so given and family name
 * may come in either order), the birth date and the identity number. Null when there is
 * too little to tell people apart: a name with a birth date or an identity number is needed.
 */
export function personKey(masterKey: Buffer, identifiers: Identifiers | null | undefined): string | null {
  if (!identifiers) return null;
  const name = normaliseName([identifiers.givenNames ?? '', identifiers.familyName ?? ''].join(' '))
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
  const idNumber = (identifiers.identityNumber ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const birth = identifiers.birthDate ?? '';
  if (!name || (!birth && !idNumber)) return null;
  return createHmac('sha256', deriveKey(masterKey, 'person-key')).update(`${name}\u0000${birth}\u0000${idNumber}`).digest('base64url');
}

/** A person's sealed identifiers and person key as stored by a case version, by `role:ref`. */
export type PreviousIdentifiers = Map<string, { sealed: string; personKey: string | null }>;

/**
 * Protects the people of one case version: new identifiers are sealed under the State key and
 * get their person key; none given (undefined) keeps the previous version's, person key
 * included (recomputing would mean decrypting); null erases them. `sealed` collects what the
 * version stores, by `role:ref`. The State key is asked for only when something is sealed.
 */
export function personSealer(masterKey: Buffer, stateKey: () => Buffer, state: string, caseId: string, previous: PreviousIdentifiers) {
  const sealed: Record<string, string> = {};
  const protect = (role: 'victim' | 'perpetrator', person: { ref: string; identifiers?: Identifiers | null | undefined }) => {
    const name = `${role}:${person.ref}`;
    let box: string | null = null;
    let pk: string | null = null;
    if (person.identifiers) {
      box = sealIdentifiers(stateKey(), identifiersContext(state, caseId, role, person.ref), person.identifiers);
      pk = personKey(masterKey, person.identifiers);
    } else if (person.identifiers === undefined && previous.has(name)) {
      ({ sealed: box, personKey: pk } = previous.get(name)!);
    }
    if (box) sealed[name] = box;
    return { sealed: box, pk };
  };
  return { sealed, protect };
}


/** The case document as stored: the content without the people's identifiers. */
export type StoredDocument = Omit<CaseContent, 'victims' | 'perpetrators'> & {
  victims: Omit<CaseContent['victims'][number], 'identifiers'>[];
  perpetrators: Omit<CaseContent['perpetrators'][number], 'identifiers'>[];
};

/** What a case version stores in clear: everything but the identifiers (sealed apart). */
export function storedDocument(content: CaseContent): StoredDocument {
  return {
    reportingEntity: content.reportingEntity,
    externalId: content.externalId,
    event: content.event,
    links: content.links,
    victims: content.victims.map(({ identifiers: _i, ...v }) => v),
    perpetrators: content.perpetrators.map(({ identifiers: _i, ...p }) => p),
  };
}
