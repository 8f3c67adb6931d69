import type { Kysely } from 'kysely';

/** The last TOTP step a user's code was accepted for: a code (or an older one) never works twice. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}
