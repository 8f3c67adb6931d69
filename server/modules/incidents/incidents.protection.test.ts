import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { caseDocument } from '../../../test/helpers/incidents.ts';
import { identifiersContext, newStateKey, normaliseName, openIdentifiers, personKey, sealIdentifiers, unwrapStateKey } from './incidents.protection.ts';
import { validateForSubmission } from './incidents.rules.ts';
import { caseContentSchema, type CaseContent } from './incidents.schema.ts';
import { AUDIT_ACTIONS } from '../../platform/audit/audit.actions.ts';
import { redact } from '../../platform/audit/redact.ts';

const master = randomBytes(32);

test('a State key unwraps only with the same master key and State; identifiers open only in their row', () => {
  const { key, wrapped } = newStateKey(master, 'KEN');
  assert.deepEqual(unwrapStateKey(master, 'KEN', wrapped), key);
  assert.throws(() => unwrapStateKey(master, 'UGA', wrapped));
  assert.throws(() => unwrapStateKey(randomBytes(32), 'KEN', wrapped));
  const ctx = identifiersContext('KEN', 'case-1', 'victim', 'V1');
  const sealed = sealIdentifiers(key, ctx, { familyName: 'Nakato' });
  assert.ok(!sealed.includes('Nakato'));
  assert.deepEqual(openIdentifiers(key, ctx, sealed), { familyName: 'Nakato' });
  assert.throws(() => openIdentifiers(key, identifiersContext('KEN', 'case-1', 'victim', 'V2'), sealed));
});

test('person keys: same person despite case, accents, spacing and name order; different people differ', () => {
  assert.equal(normaliseName('  JOSÉ   María-García '), 'jose maria garcia');
  const a = personKey(master, { givenNames: 'Zoë', familyName: 'Ñúñez', birthDate: '2000-01-01' });
  assert.ok(a);
  assert.equal(personKey(master, { givenNames: 'nunez', familyName: 'ZOE', birthDate: '2000-01-01' }), a);
  assert.notEqual(personKey(master, { givenNames: 'Zoë', familyName: 'Ñúñez', birthDate: '2000-01-02' }), a);
  assert.notEqual(personKey(randomBytes(32), { givenNames: 'Zoë', familyName: 'Ñúñez', birthDate: '2000-01-01' }), a, 'keyed: another installation gets another key');
  assert.equal(personKey(master, { familyName: 'Ñúñez' }), null, 'a name alone is too little');
  assert.equal(personKey(master, null), null);
});

const content = (overrides: Record<string, unknown> = {}): CaseContent => {
  const { reportingState: _s, ...doc } = caseDocument('KEN', overrides);
  return caseContentSchema.parse(doc);
};

test('the submission rules accept a consistent case and name each inconsistency', () => {
  assert.deepEqual(validateForSubmission(content(), '2025-06-01'), []);
  const base = caseDocument('KEN');
  const victim = (base.victims as Record<string, unknown>[])[0]!;
  const fields = (doc: CaseContent) => validateForSubmission(doc, '2025-06-01').map((p) => p.field);
  assert.deepEqual(fields(content({ victims: [{ ...victim, age: { value: 30 } }] })), ['victims.0.ageBand']);
  assert.deepEqual(fields(content({ victims: [{ ...victim, ageBand: { value: '9-17' }, age: { reason: 'unknown' } }] })), ['victims.0.minorAtExploitation']);
  assert.deepEqual(fields(content({ victims: [] , links: [] })), ['victims']);
  assert.deepEqual(fields(content({ victims: [{ ...victim, exploitationForms: { value: ['SexualExploitation'] }, forcedLabourIndustries: { reason: 'not_applicable' } }] })), ['event.iccsCode']);
  const event = base.event as Record<string, unknown>;
  assert.deepEqual(fields(content({ event: { ...event, exploitationEndDate: { value: '2024-01-15' } } })), ['event.exploitationEndDate']);
  assert.deepEqual(fields(content({ event: { ...event, places: [{ stage: 'Exploitation', country: { value: 'SAU' } }, { stage: 'Recruitment', country: { reason: 'unknown' } }] } })), ['event.places.1.stage']);
  // Unknown is not a problem: rules check only what is known.
  assert.deepEqual(fields(content({ event: { ...event, recruitmentDate: { reason: 'not_collected' }, exploitationStartDate: { reason: 'unknown' } } })), []);
});

test('value-or-reason: every missing-value reason is accepted and a bare null is not', () => {
  for (const reason of ['not_collected', 'unknown', 'not_applicable', 'suppressed']) {
    const base = caseDocument('KEN');
    const victim = (base.victims as Record<string, unknown>[])[0]!;
    assert.ok(content({ victims: [{ ...victim, gender: { reason } }] }));
  }
  const { reportingState: _s, ...doc } = caseDocument('KEN');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  assert.equal(caseContentSchema.safeParse({ ...doc, victims: [{ ...victim, gender: null }] }).success, false);
  assert.equal(caseContentSchema.safeParse({ ...doc, victims: [{ ...victim, gender: { value: 'Feminine', reason: 'unknown' } }] }).success, false);
});

test('case audit actions exist and identifier fields are redacted in audit changes', () => {
  for (const a of ['case.read', 'case.create', 'case.update', 'case.submit', 'case.accept', 'case.return']) assert.ok((AUDIT_ACTIONS as readonly string[]).includes(a), a);
  const out = redact({ identifiers: { familyName: 'X' }, givenNames: 'Y', otherNames: ['Z'], identityNumber: '1', birthDate: 'd', contact: 'c', personKey: 'k', gender: 'Feminine' }) as Record<string, unknown>;
  assert.deepEqual(out, { identifiers: '[redacted]', givenNames: '[redacted]', otherNames: '[redacted]', identityNumber: '[redacted]', birthDate: '[redacted]', contact: '[redacted]', personKey: '[redacted]', gender: 'Feminine' });
});
