// The real application on a fresh database with demonstration data, listening on a free
// loopback port: for browser tests and anything that needs real HTTP.
import path from 'node:path';
import { buildApp } from '../../server/app.ts';
import { demoContributors } from '../../server/platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../server/platform/demo/demo.ts';
import { createLogger } from '../../server/platform/logger.ts';
import { templateHasDemo, testDatabase } from './database.ts';
import { demoTestMasterKey, testSettings } from './settings.ts';

export interface TestServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startTestServer(options: { demo?: boolean } = {}): Promise<TestServer> {
  const database = await testDatabase();
  const demo = options.demo ?? true;
  if (demo !== templateHasDemo()) {
    if (demo) await seedDemo(database, demoContributors, undefined, { masterKey: demoTestMasterKey });
    else await removeDemo(database, demoContributors);
  }
  const app = await buildApp({ database, logger: createLogger('silent'), settings: testSettings({ masterKey: demoTestMasterKey }), webDir: path.resolve(process.env.WEB_OUT_DIR ?? 'dist/web') });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
