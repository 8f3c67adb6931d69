import fs from 'node:fs';
import { renderAccessMatrix } from './access-matrix.ts';

fs.writeFileSync('docs/access.md', renderAccessMatrix());
console.log('Wrote docs/access.md');
