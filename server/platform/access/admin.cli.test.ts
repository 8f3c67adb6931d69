import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase, type Database } from '../db/database.ts';
import { tempDir } from '../../../test/helpers/database.ts';
import { verifyPassword } from './passwords.ts';
import { runTiphub } from '../../../test/helpers/cli.ts';

// The CLI runs on an embedded database in a directory of its own, whichever engine the other
// tests use: the command's exit code, output and effect are under test.
let dataDir: string;

async function withDataDir<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const tiphub = (...args: string[]) => runTiphub(args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

before(() => {
  dataDir = path.join(tempDir('tiphub-admin-cli-'), 'data');
  // Start from the migrated, empty template when the runner made one (saves an initdb).
  const template = process.env.TEST_PGLITE_TEMPLATE;
  if (template) {
    fs.mkdirSync(dataDir, { recursive: true });
    return openDatabase({ dataDir, loadDataDirFile: template }).then((d) => d.close());
  }
  return undefined;
});

after(() => {
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

test('admin create makes the first coordinator_admin on an empty database and prints a generated password', async () => {
  const run = await tiphub('admin', 'create', '--email', 'Chief@Example.org', '--name', 'Chief Coordinator', '--organisation-name', 'Office of the Coordinator');
  assert.equal(run.code, 0, run.out + run.err);
  const password = /Password: (\S+)/.exec(run.out)?.[1];
  assert.ok(password && password.length >= 12, run.out);

  await withDataDir(async (database) => {
    const user = await database.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.display_name', 'users.status', 'users.password_hash', 'organisations.name', 'organisations.type'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { email: user.email, name: user.display_name, status: user.status, organisation: user.name, type: user.type },
      { email: 'chief@example.org', name: 'Chief Coordinator', status: 'active', organisation: 'Office of the Coordinator', type: 'secretariat' },
    );
    assert.ok(await verifyPassword(user.password_hash, password), 'the printed password is the one stored');
    const grants = await database.db.selectFrom('role_grants').select(['role', 'country_iso3', 'organisation_id']).where('user_id', '=', user.id).execute();
    assert.deepEqual(grants, [{ role: 'coordinator_admin', country_iso3: null, organisation_id: null }]);
    const actions = await database.db.selectFrom('audit_events').select('action').orderBy('id').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['organisation.create', 'user.create', 'role.grant'],
    );
  });
});

test('a second admin create is refused with exit code 1 and changes nothing', async () => {
  const run = await tiphub('admin', 'create', '--email', 'second@example.org', '--generate-password');
  assert.equal(run.code, 1, run.out + run.err);
  assert.match(run.err, /administrator exists already/);
  assert.doesNotMatch(run.out, /Password:/);
  await withDataDir(async (database) => {
    const users = await database.db.selectFrom('users').select('email').execute();
    assert.deepEqual(users, [{ email: 'chief@example.org' }]);
  });
});

test('admin create without a valid e-mail address or action is a usage error (exit 2)', async () => {
  assert.equal((await tiphub('admin', 'create', '--email', 'not-an-address')).code, 2);
  assert.equal((await tiphub('admin', 'create')).code, 2);
  assert.equal((await tiphub('admin', 'delete', '--email', 'a@example.org')).code, 2);
});
