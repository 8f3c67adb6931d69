// Runs the test files with node's test runner. Node 20 takes no globs, so the files are
// listed here; the database template is made once for the whole run (see helpers/database.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePgliteTemplate, makePostgresTemplate, dropPostgresTemplate } from './helpers/database.ts';

const browser = process.argv.includes('--browser');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function find(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') find(full, out);
    } else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const all = [...find('server'), ...find('test')].sort();
// The command-line tests (*cli.test.ts) drive `tiphub` on an embedded data directory whatever
// TEST_DATABASE_URL says, so the PostgreSQL pass leaves them to the embedded pass.
const embeddedOnly = (f: string): boolean => f.endsWith('cli.test.ts');
const files = (only.length ? all.filter((f) => only.some((o) => f.includes(o))) : all)
  .filter((f) => f.endsWith('.browser.test.ts') === browser)
  .filter((f) => !(process.env.TEST_DATABASE_URL && embeddedOnly(f)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const env = { ...process.env };
// Browser tests all run against the demonstration data: seed it once into the template
// instead of once per test server.
const demo = browser;
if (demo) env.TEST_TEMPLATE_HAS_DEMO = '1';
if (env.TEST_DATABASE_URL) {
  process.env.TEST_TEMPLATE_DB = env.TEST_TEMPLATE_DB = `tiphub_test_template_${process.pid}`;
  await makePostgresTemplate(env.TEST_DATABASE_URL, { demo });
  console.log('Tests run on PostgreSQL (TEST_DATABASE_URL).');
} else {
  const template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-test-')), 'template.tar');
  env.TEST_PGLITE_TEMPLATE = await makePgliteTemplate(template, { demo });
  console.log('Tests run on the embedded database (PGlite).');
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
if (env.TEST_DATABASE_URL) await dropPostgresTemplate(env.TEST_DATABASE_URL);
process.exit(result.status ?? 1);
