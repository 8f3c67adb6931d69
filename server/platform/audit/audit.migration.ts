import { sql, type Kysely } from 'kysely';

/**
 * The audit log: `audit_events` (append-only, hash-chained) and `audit_head` (the chain's
 * last link, locked by every append so concurrent writers cannot fork the chain).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    // Not an identity: ids come from audit_head under its lock, so they are gapless
    // (a sequence leaves gaps on rollback, and then a gap would prove nothing).
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('actor_organisation_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'`))
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('changes', 'jsonb')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('correlation_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull().check(sql`prev_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('hash', 'text', (c) => c.notNull().check(sql`hash ~ '^[0-9a-f]{64}$'`))
    .execute();
  // The audit viewer filters by actor, entity, action and time, newest first.
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['actor_user_id', 'id']).execute();
  await db.schema.createIndex('audit_events_entity_idx').on('audit_events').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_events_action_idx').on('audit_events').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_events_occurred_at_idx').on('audit_events').column('occurred_at').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_id', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, ${'0'.repeat(64)})`.execute(db);

  // Append-only, enforced by the database itself so no code path (or psql session of the
  // application's role) can rewrite history. Tests simulate an attacker by disabling these.
  await sql`
    CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`.execute(db);

  // The head only moves forward and never disappears.
  await sql`
    CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NEW.last_id > OLD.last_id THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_head only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only()`.execute(db);
}
