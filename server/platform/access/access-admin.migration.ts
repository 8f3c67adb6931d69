import { sql, type Kysely } from 'kysely';

/**
 * A grant outlives the administrator who made it: `granted_by` becomes null when that user is
 * deleted (e.g. a demonstration administrator who invited real users, when demo data is removed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE role_grants
    DROP CONSTRAINT role_grants_granted_by_fkey,
    ADD CONSTRAINT role_grants_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES users (id) ON DELETE SET NULL`.execute(db);
}
