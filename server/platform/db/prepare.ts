import type { Database } from './database.ts';
import { migrateToLatest } from './migrator.ts';
import { ReferenceService } from '../../modules/reference/reference.service.ts';

/** Brings a database up to date: pending migrations, then the packaged reference data. */
export async function prepareDatabase(database: Database): Promise<string[]> {
  const applied = await migrateToLatest(database.db);
  await new ReferenceService(database.db).sync();
  return applied;
}
