import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkDataDir, ConfigError, loadConfig, readEnvironment } from './config.ts';

test('defaults: embedded database in ./.data on 127.0.0.1:8080 with demo data', () => {
  const config = loadConfig({});
  assert.equal(config.databaseKind, 'pglite');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, path.resolve('.data'));
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.demo, true);
});

test('a PostgreSQL server turns demo data off by default, and DEMO can turn it on', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@db/tiphub' }).demo, false);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@db/tiphub', DEMO: 'on' }).demo, true);
  assert.equal(loadConfig({ DEMO: 'false' }).demo, false);
});

test('every problem is listed at once', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO: 'maybe' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const fields = err.problems.map((p) => p.split(':')[0]).sort();
      assert.deepEqual(fields, ['DATABASE_URL', 'DEMO', 'LOG_LEVEL', 'PORT']);
      assert.match(err.message, /PORT: must be a number \(got "eighty"\)/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT: must be between 0 and 65535/);
});

test('.env is read, and the real environment wins over it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-env-'));
  fs.writeFileSync(path.join(dir, '.env'), 'PORT=9001\nHOST=0.0.0.0\n');
  const env = readEnvironment(dir, { PORT: '9002' });
  const config = loadConfig(env);
  assert.equal(config.port, 9002);
  assert.equal(config.host, '0.0.0.0');
});

test('a data directory that cannot be created is reported, and nothing is created', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-dd-')), 'a-file');
  fs.writeFileSync(file, 'x');
  assert.match(checkDataDir(file)[0] ?? '', /exists and is not a directory/);
  assert.match(checkDataDir(path.join(file, 'below'))[0] ?? '', /not writable \(ENOTDIR\)/);
  assert.equal(fs.existsSync(path.join(file, 'below')), false);
  assert.deepEqual(checkDataDir(path.join(path.dirname(file), 'new', 'deeper')), []);
});
