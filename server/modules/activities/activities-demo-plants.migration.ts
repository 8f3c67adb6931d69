import { sql, type Generated, type Kysely } from 'kysely';

/**
 * The near-duplicate activity pairs the demo generator planted on purpose (same country,
 * pillar and overlapping period, reworded, another organisation), so that duplicate detection
 * can be measured against a known answer. Only the demo writes here; rows go with the demo.
 */
export interface DemoPlantsTables {
  demo_planted_duplicates: {
    id: Generated<number>;
    original_id: string;
    duplicate_id: string;
    /** The shared recipient country (ISO 3166-1 alpha-2) and pillar. */
    country_code: string;
    pillar: string;
    is_demo: Generated<boolean>;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demo_planted_duplicates')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('original_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('duplicate_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('pillar', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(true).check(sql`is_demo`))
    .execute();
}
