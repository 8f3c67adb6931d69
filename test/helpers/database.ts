// A fresh, migrated database for each test file: a PGlite clone of a template by default,
// or, when TEST_DATABASE_URL is set, a new PostgreSQL database made from a template database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/platform/db/database.ts';
import { prepareDatabase } from '../../server/platform/db/prepare.ts';
import { demoContributors } from '../../server/platform/demo/contributors.ts';
import { seedDemo } from '../../server/platform/demo/demo.ts';
import { demoTestMasterKey } from './settings.ts';

/** One template per test run (run-tests.ts names it), so runs side by side never share one. */
const templateDbName = (): string => process.env.TEST_TEMPLATE_DB ?? 'tiphub_test_template';

/** True when the run's template already holds the demonstration data (browser runs seed it once, not per server). */
export const templateHasDemo = (): boolean => process.env.TEST_TEMPLATE_HAS_DEMO === '1';

/** Which engine the tests run on. */
export const testEngine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** Opens a new database with every migration applied; close it when done. */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return postgresClone(url);
  const template = process.env.TEST_PGLITE_TEMPLATE ?? (await makePgliteTemplate(path.join(os.tmpdir(), `tiphub-template-${process.pid}.tar`)));
  return openDatabase({ dataDir: 'memory://', loadDataDirFile: template });
}

/** Migrates a new in-memory PGlite (and seeds the demonstration data when asked) and dumps it to `file` (once per test run). */
export async function makePgliteTemplate(file: string, options: { demo?: boolean } = {}): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await prepareDatabase(database);
    if (options.demo) await seedDemo(database, demoContributors, undefined, { masterKey: demoTestMasterKey });
    await database.dump(file);
  } finally {
    await database.close();
  }
  return file;
}

/** Creates (or re-creates) the migrated template database on a PostgreSQL server. */
export async function makePostgresTemplate(url: string, options: { demo?: boolean } = {}): Promise<void> {
  await withAdmin(url, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDbName()}`);
    await admin.query(`CREATE DATABASE ${templateDbName()}`);
  });
  const database = await openDatabase({ url: withDatabaseName(url, templateDbName()), poolSize: 2 });
  try {
    await prepareDatabase(database);
    if (options.demo) await seedDemo(database, demoContributors, undefined, { masterKey: demoTestMasterKey });
  } finally {
    await database.close();
  }
}

async function postgresClone(url: string): Promise<Database> {
  const name = `tiphub_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDbName()}`));
  const database = await openDatabase({ url: withDatabaseName(url, name), poolSize: 4 });
  const close = database.close.bind(database);
  return {
    ...database,
    close: async () => {
      await close();
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Drops the run's template database (the end of a test run). */
export async function dropPostgresTemplate(url: string): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${templateDbName()} WITH (FORCE)`));
}

/** An empty database on the server at `url` (no migrations), for tests of the start-up itself. */
export async function createBlankPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tiphub_blank_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  return { url: withDatabaseName(url, name), drop: () => withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A temporary directory removed after the test file. */
export function tempDir(prefix = 'tiphub-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
