import { sql, type Kysely } from 'kysely';

/** The case tables whose keys to their parent case row become ON DELETE CASCADE. */
const children = ['incident_case_versions', 'incident_events', 'incident_event_places', 'incident_victims', 'incident_perpetrators', 'incident_links', 'case_shares'];
const parents = ['incident_cases', 'incident_events', 'incident_victims', 'incident_perpetrators'];

/**
 * A case's rows go with it. No API deletes a case (corrections are versions); this is for
 * removing demonstration data, which is flagged on `incident_cases` only, in one statement.
 * The keys keep their columns (reporting_state first: the sharding rule holds).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const fks = await sql<{ table_name: string; name: string; def: string }>`
    SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
     WHERE c.contype = 'f'
       AND c.conrelid::regclass::text IN (${sql.join(children)})
       AND c.confrelid::regclass::text IN (${sql.join(parents)})
     ORDER BY 1, 2`.execute(db);
  for (const fk of fks.rows) {
    if (/ON DELETE/i.test(fk.def)) continue;
    await sql`ALTER TABLE ${sql.table(fk.table_name)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(fk.table_name)} ADD CONSTRAINT ${sql.ref(fk.name)} ${sql.raw(fk.def)} ON DELETE CASCADE`.execute(db);
  }
}
