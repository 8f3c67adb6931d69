// The mandate and reporting-round forms check what the server checks (so the reader learns of
// a problem at the field before sending), and find the server's field errors whichever way the
// server spells the path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMandateSchema } from '../../server/modules/mandates/mandates.schema.ts';
import { roundProblems as serverRoundProblems } from '../../server/modules/monitoring/monitoring.service.ts';
import { ApiError } from '../../web/src/api.ts';
import { emptyDraft, inputOf, newParagraph, problemsOf, serverReason, type MandateDraft } from '../../web/src/mandates/mandateDraft.ts';
import { roundProblems } from '../../web/src/monitoring/roundRules.ts';

function draftWith(labels: string[], edit: (d: MandateDraft) => void = () => {}): MandateDraft {
  const d = emptyDraft('en');
  Object.assign(d, { symbol: 'A/RES/99/1', body: 'general_assembly', adoptedOn: '2026-01-15', title: { en: 'A title' } });
  d.paragraphs = labels.map((l) => ({ ...newParagraph(l), summary: { en: `Text of ${l}` } }));
  edit(d);
  return d;
}

void test('paragraph numbers: the form accepts exactly what the server schema accepts', () => {
  for (const label of ['1', '5(a)', '6 (b)(ii)', '12(A)', '5(a', 'a', '5a', '1234', '5()', '']) {
    const server = createMandateSchema.safeParse(inputOf(draftWith([label]))).success;
    const form = !problemsOf(draftWith([label]), true).has('paragraphs[0].label');
    assert.equal(form, server, `label "${label}": form ${form}, server ${server}`);
  }
});

void test('the form flags the second of two paragraphs numbered alike, after canonicalising', () => {
  const problems = problemsOf(draftWith(['5(a)', '6', '5 (A)']), true);
  assert.deepEqual(problems.get('paragraphs[2].label'), { key: 'mandates.form.labelDuplicate', params: { position: 1 } });
  assert.equal(problems.has('paragraphs[0].label'), false);
});

void test('titles and paragraph texts need one language; texts of unticked languages are not sent', () => {
  const noTitle = problemsOf(draftWith(['1'], (d) => (d.title = { fr: 'Titre' })), true);
  assert.equal(noTitle.get('title')?.key, 'mandates.form.textNone', 'French is not ticked');
  const input = inputOf(draftWith(['1'], (d) => ((d.languages = ['en', 'ar']), (d.title = { en: ' A title ', ar: '', fr: 'Titre' }))));
  assert.deepEqual(input.title, { en: 'A title' });
  assert.equal(problemsOf(draftWith(['1'], (d) => (d.languages = [])), true).get('languages')?.key, 'mandates.form.languagesNone');
  assert.equal(problemsOf(draftWith(['1'], (d) => (d.paragraphs[0]!.summary = { en: '  ' })), true).get('paragraphs[0].summary')?.key, 'mandates.form.textNone');
});

void test('the symbol is checked only when registering (it cannot change afterwards)', () => {
  assert.equal(problemsOf(draftWith(['1'], (d) => (d.symbol = 'A/')), true).get('symbol')?.key, 'mandates.form.symbolInvalid');
  assert.equal(problemsOf(draftWith(['1'], (d) => (d.symbol = 'A/')), false).has('symbol'), false);
  assert.equal(createMandateSchema.safeParse(inputOf(draftWith(['1'], (d) => (d.symbol = 'A/')))).success, false);
});

void test('server field errors are found in either spelling, inner ones at their control only unless exact', () => {
  const error = new ApiError('VALIDATION_FAILED', 'bad', 400, 'x', [
    { field: 'body.paragraphs[1].label', reason: 'duplicate label "5(a)"' },
    { field: 'body.paragraphs.2.summary.en', reason: 'too long' },
    { field: 'body.title', reason: 'at least one language' },
  ]);
  assert.equal(serverReason(error, 'paragraphs[1].label'), 'duplicate label "5(a)"');
  assert.equal(serverReason(error, 'paragraphs[2].summary.en'), 'too long');
  assert.equal(serverReason(error, 'paragraphs[2].summary', true), undefined);
  assert.equal(serverReason(error, 'title', true), 'at least one language');
  assert.equal(serverReason(error, 'paragraphs', true), undefined);
  assert.equal(serverReason(new Error('x'), 'title'), undefined);
});

void test('reporting rounds: the form refuses the dates the server refuses, at the same fields', () => {
  const cases = [
    { periodStart: '2026-01-01', periodEnd: '2026-06-30', dueDate: '2026-07-31' },
    { periodStart: '2026-01-01', periodEnd: '2026-01-01', dueDate: '2026-01-01' },
    { periodStart: '2026-07-01', periodEnd: '2026-06-30', dueDate: '2026-07-31' },
    { periodStart: '2026-01-01', periodEnd: '2026-06-30', dueDate: '2026-06-29' },
  ];
  for (const c of cases) {
    const form = Object.keys(roundProblems({ name: 'R', ...c })).sort();
    const server = serverRoundProblems({ name: 'R', period_start: c.periodStart, period_end: c.periodEnd, due_date: c.dueDate })
      .map((p) => p.field!.replace('body.', ''))
      .sort();
    assert.deepEqual(form, server, JSON.stringify(c));
  }
  assert.deepEqual(roundProblems({ name: ' ', periodStart: '', periodEnd: '2026-01-01', dueDate: '2026-01-01' }), { name: 'monitoring.rounds.required', periodStart: 'monitoring.rounds.dateRequired' });
});
