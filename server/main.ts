import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { App } from './platform/http/app-type.ts';
import { checkDataDir, type Config } from './platform/config.ts';
import { openDatabase, redactUrl, type Database } from './platform/db/database.ts';
import { prepareDatabase } from './platform/db/prepare.ts';
import { demoContributors } from './platform/demo/contributors.ts';
import { neverSeeded, seedDemo } from './platform/demo/demo.ts';
import { createLogger } from './platform/logger.ts';
import { settingsFrom } from './platform/settings.ts';

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  /** Stops taking requests, lets in-flight ones finish, closes the database cleanly. */
  stop(): Promise<void>;
}

/** Opens the database the configuration names, prepares it, and listens. */
export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  if (config.databaseKind === 'pglite') {
    const problems = checkDataDir(config.dataDir);
    if (problems.length > 0) throw new StartupError(problems);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { settings, masterKeyCreated } = settingsFrom(config);
    if (masterKeyCreated) logger.warn({ file: config.masterKeyFile }, 'created a new master key: back it up apart from the database, sealed data cannot be read without it');
    const applied = await prepareDatabase(database);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    if (config.demo && (await neverSeeded(database))) {
      await seedDemo(database, demoContributors, undefined, { masterKey: settings.masterKey });
      logger.info('demonstration data seeded (first start)');
    }
    const app = await buildApp({ database, logger, settings, webDir: config.webDir });
    const address = await app.listen({ port: config.port, host: config.host });
    logger.info({ address, database: config.databaseKind, where: config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir }, 'TIP Hub is listening');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url: address,
      stop: () =>
        (stopping ??= (async () => {
          await app.close();
          await database.close();
        })()),
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** A start-up problem the operator can fix; printed as a list, without a stack trace. */
export class StartupError extends Error {
  constructor(readonly problems: string[]) {
    super(`TIP Hub cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
