// The case form's own checks agree with the server's submission rules (the form warns on the
// very fields the server would refuse), and the pick lists find countries by name or code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateForSubmission } from '../../server/modules/incidents/incidents.rules.ts';
import type { CaseContent } from '../../server/modules/incidents/incidents.schema.ts';
import { checkStep } from '../../web/src/incidents/formRules.ts';
import { emptyDraft, newPerpetrator } from '../../web/src/incidents/model.ts';
import { matchOptions } from '../../web/src/shared/matchOptions.ts';

const today = '2026-11-30';

function caseWith(edit: (c: CaseContent) => void): CaseContent {
  const c = structuredClone(emptyDraft().content);
  c.externalId = 'RULES-1';
  edit(c);
  return c;
}

const cases: [string, (c: CaseContent) => void, string][] = [
  [
    'a type of sexual exploitation without that form',
    (c) => {
      c.victims[0]!.exploitationForms = { value: ['ForcedLabour'] };
      c.victims[0]!.sexExploitationTypes = { value: ['Prostitution'] };
    },
    'victims.0.sexExploitationTypes',
  ],
  [
    'an industry without forced or child labour',
    (c) => {
      c.victims[0]!.exploitationForms = { value: ['SexualExploitation'] };
      c.victims[0]!.forcedLabourIndustries = { value: ['T'] };
    },
    'victims.0.forcedLabourIndustries',
  ],
  [
    'a decided status whose body is "not applicable"',
    (c) => {
      c.victims[0]!.traffickingStatus = { value: 'PossibleVictimOfTrafficking' };
      c.victims[0]!.statusDecidedBy = { reason: 'not_applicable' };
    },
    'victims.0.statusDecidedBy',
  ],
  [
    'an identified victim with no form of exploitation',
    (c) => {
      c.victims[0]!.traffickingStatus = { value: 'ActualVictimOfTrafficking' };
      c.victims[0]!.exploitationForms = { value: [] };
    },
    'victims.0.exploitationForms',
  ],
  [
    'an organisation with a sex',
    (c) => {
      c.perpetrators = [{ ...newPerpetrator('P1'), kind: 'organisation', gender: { value: 'Masculine' } }];
    },
    'perpetrators.0.gender',
  ],
  [
    'an organisation with an age band',
    (c) => {
      c.perpetrators = [{ ...newPerpetrator('P1'), kind: 'organisation', ageBand: { value: '30-38' } }];
    },
    'perpetrators.0.ageBand',
  ],
  [
    'a minor with an adult age band',
    (c) => {
      c.victims[0]!.minorAtExploitation = { value: true };
      c.victims[0]!.ageBand = { value: '21-23' };
    },
    'victims.0.minorAtExploitation',
  ],
  [
    'detection before recruitment',
    (c) => {
      c.event.recruitmentDate = { value: '2024-03-01' };
      c.event.detectionDate = { value: '2024-01-01' };
    },
    'event.detectionDate',
  ],
];

for (const [name, edit, field] of cases) {
  void test(`form and server both flag ${name}`, () => {
    const doc = caseWith(edit);
    assert.ok(validateForSubmission(doc, today).some((p) => p.field === field), `server flags ${field}`);
    assert.ok(checkStep('review', doc, today).some((p) => p.field === field), `form flags ${field}`);
  });
}

void test('warnings never stop a draft: only the review step treats them as blocking', () => {
  const doc = caseWith((c) => {
    c.victims[0]!.exploitationForms = { value: ['ForcedLabour'] };
    c.victims[0]!.sexExploitationTypes = { value: ['Prostitution'] };
  });
  const onStep = checkStep('victims', doc, today);
  assert.deepEqual(
    onStep.map((p) => [p.field, p.warning]),
    [['victims.0.sexExploitationTypes', true]],
  );
  // A clean document passes both.
  const clean = caseWith(() => undefined);
  assert.deepEqual(checkStep('review', clean, today), []);
  assert.deepEqual(validateForSubmission(clean, today), []);
});

void test('the pick list finds a country by its name without accents, by part of it, or by code', () => {
  const options = [
    { value: 'CIV', label: 'Côte d’Ivoire', keywords: 'CIV CI Côte d’Ivoire' },
    { value: 'KEN', label: 'Kenia', keywords: 'KEN KE Kenya' },
    { value: 'NER', label: 'Níger', keywords: 'NER NE Niger' },
    { value: 'NGA', label: 'Nigeria', keywords: 'NGA NG Nigeria' },
  ];
  assert.deepEqual(
    matchOptions(options, 'cote', 10).map((o) => o.value),
    ['CIV'],
  );
  assert.deepEqual(
    matchOptions(options, 'kenya', 10).map((o) => o.value),
    ['KEN'],
  );
  assert.deepEqual(
    matchOptions(options, 'ken', 10).map((o) => o.value),
    ['KEN'],
  );
  assert.deepEqual(
    matchOptions(options, 'nig', 10).map((o) => o.value),
    ['NER', 'NGA'],
  );
  assert.deepEqual(
    matchOptions(options, 'nga', 10).map((o) => o.value),
    ['NGA'],
  );
  assert.deepEqual(
    matchOptions(options, 'zzz', 10).map((o) => o.value),
    [],
  );
  assert.equal(matchOptions(options, '', 2).length, 2);
});
