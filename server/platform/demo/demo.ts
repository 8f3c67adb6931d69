import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.ts';
import { Random } from './random.ts';

/** Bump when generated data changes shape, so a database shows which generator made its demo data. */
export const DEMO_GENERATOR_VERSION = '2'; // 2: demo cases carry sealed synthetic identifiers
export const DEFAULT_DEMO_SEED = 20061219; // A/RES/61/180 was adopted on 19 December 2006.

/**
 * A module's part of the demonstration data. Every row it inserts has `is_demo = true`,
 * and `tables` lists those tables in the order they can be emptied (dependants first).
 */
export interface DemoContributor {
  name: string;
  tables: readonly string[];
  seed(tx: Tx, rng: Random, context?: DemoContext): Promise<void>;
}

/**
 * What seeding may use beyond the database. Callers that hold the settings pass the master
 * key, so demo cases get sealed identifiers; without it they get none.
 */
export interface DemoContext {
  masterKey?: Buffer | undefined;
}

export interface DemoStatus {
  loaded: boolean;
  seed: number | null;
  generatorVersion: string | null;
  loadedAt: Date | null;
}

export async function demoStatus(database: Database): Promise<DemoStatus> {
  const run = await database.db.selectFrom('demo_runs').selectAll().where('removed_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
  return { loaded: !!run, seed: run?.seed ?? null, generatorVersion: run?.generator_version ?? null, loadedAt: run?.created_at ?? null };
}

/** True until demo data was seeded once: on first start only, even if it was removed since. */
export async function neverSeeded(database: Database): Promise<boolean> {
  return !(await database.db.selectFrom('demo_runs').select('id').limit(1).executeTakeFirst());
}

/** Seeds every contributor's data in one transaction; does nothing when demo data is already there. */
export async function seedDemo(database: Database, contributors: readonly DemoContributor[], seed = DEFAULT_DEMO_SEED, context: DemoContext = {}): Promise<boolean> {
  if ((await demoStatus(database)).loaded) return false;
  await database.transaction(async (tx) => {
    for (const contributor of contributors) {
      // Each contributor gets its own stream so adding one never changes another's data.
      await contributor.seed(tx, new Random(seed ^ hash(contributor.name)), context);
    }
    await tx.db.insertInto('demo_runs').values({ seed, generator_version: DEMO_GENERATOR_VERSION }).execute();
  });
  return true;
}

/** Deletes exactly the rows demo seeding made (flagged `is_demo`), in one transaction. */
export async function removeDemo(database: Database, contributors: readonly DemoContributor[]): Promise<number> {
  return database.transaction(async (tx) => {
    let removed = 0;
    for (const contributor of [...contributors].reverse()) {
      for (const table of contributor.tables) {
        const result = await sql`DELETE FROM ${sql.table(table)} WHERE is_demo`.execute(tx.db);
        removed += Number(result.numAffectedRows ?? 0);
      }
    }
    await tx.db.updateTable('demo_runs').set({ removed_at: new Date() }).where('removed_at', 'is', null).execute();
    return removed;
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
