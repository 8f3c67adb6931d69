import { sql, type Generated, type Kysely } from 'kysely';

export interface FoundationTables {
  demo_runs: {
    id: Generated<number>;
    seed: number;
    generator_version: string;
    created_at: Generated<Date>;
    /** Set by `tiphub demo remove`; a removed run is never seeded again on start. */
    removed_at: Date | null;
  };
}

/** Extensions both engines must have, and the record of demonstration data runs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await db.schema
    .createTable('demo_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('generator_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_at', 'timestamptz')
    .execute();
}
