// The application over a fresh test database, for `app.inject` tests.
import { buildApp } from '../../server/app.ts';
import type { Database } from '../../server/platform/db/database.ts';
import type { AppSettings } from '../../server/platform/settings.ts';
import type { App } from '../../server/platform/http/app-type.ts';
import { createLogger } from '../../server/platform/logger.ts';
import { testDatabase } from './database.ts';
import { testSettings } from './settings.ts';

export interface TestApp {
  app: App;
  database: Database;
  /** What the app runs with (its master key): a second app over the same database is a restart. */
  settings: AppSettings;
  close(): Promise<void>;
}

export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  const settings = testSettings();
  const app = await buildApp({ database, logger: createLogger('silent'), settings });
  return {
    app,
    database,
    settings,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
