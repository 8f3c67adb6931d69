import { sql, type Kysely } from 'kysely';

/**
 * What a bulk import needs to be idempotent: for each case it wrote, a keyed fingerprint of the
 * source row (HMAC under a key derived from the master key, so the identifiers it covers cannot
 * be guessed from it). A re-import of an unchanged row is recognised without decrypting anything;
 * a changed row becomes a new version. `reporting_state` leads the key (the sharding rule).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_import_fingerprints (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      version integer NOT NULL,
      fingerprint text NOT NULL,
      PRIMARY KEY (reporting_state, case_id),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
}
