import { sql, type Kysely } from 'kysely';

/**
 * The reporting calendar the Coordinator sets: rounds with a period and a due date.
 * Cross-State and small (a reference table under Citus); nothing points at it from State data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reporting_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique().check(sql`length(name) between 1 and 200`))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('reporting_rounds_period_order', sql`period_start <= period_end`)
    .addCheckConstraint('reporting_rounds_due_after_period', sql`due_date >= period_end`)
    .execute();
}
