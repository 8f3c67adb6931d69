import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { renderAccessMatrix } from './access-matrix.ts';

test('docs/access.md is the matrix the code defines (run `npm run docs:access` after changing roles)', () => {
  assert.equal(fs.readFileSync('docs/access.md', 'utf8'), renderAccessMatrix());
});
