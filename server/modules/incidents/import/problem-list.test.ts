import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_LISTED_PROBLEMS, ProblemList } from './problem-list.ts';

test('every problem is counted, the first ones listed by line, and the rest announced', () => {
  const list = new ProblemList();
  // Found out of order, as overlapping batches find them.
  for (let line = MAX_LISTED_PROBLEMS + 500; line >= 1; line--) list.add({ line, column: 'prs_Gender', value: 'Robot', reason: 'not a value of HTCDS Gender' });
  const report = list.report();
  assert.equal(list.count, MAX_LISTED_PROBLEMS + 500);
  assert.equal(report.length, MAX_LISTED_PROBLEMS + 1);
  const lines = report.slice(0, -1).map((p) => p.line);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  assert.equal(report.at(-1)!.reason, '500 more problems are not listed; correct the ones above and import again.');
});

test('a short list is reported whole, without a note', () => {
  const list = new ProblemList();
  list.add({ line: 3, reason: 'b' }, { line: 0, reason: 'a' });
  assert.deepEqual(list.report(), [{ line: 0, reason: 'a' }, { line: 3, reason: 'b' }]);
});
