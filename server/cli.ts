// The `tiphub` command line. Each command reads the same configuration as the server.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DatabaseUnreachableError, openDatabase, type Database } from './platform/db/database.ts';
import { migrationStatus } from './platform/db/migrator.ts';
import { verifyAuditChain } from './platform/audit/audit.service.ts';
import { prepareDatabase } from './platform/db/prepare.ts';
import { demoContributors } from './platform/demo/contributors.ts';
import { demoStatus, removeDemo, seedDemo } from './platform/demo/demo.ts';
import { startServer, StartupError } from './main.ts';
import { settingsFrom } from './platform/settings.ts';
import { adminCommand, adminUsage } from './platform/access/admin.cli.ts';
import { importIncidentsCommand, incidentsCommand, incidentsImportUsage, incidentsUsage } from './modules/incidents/incidents.cli.ts';
import { exportTreatiesCommand, importTreatiesCommand, treatiesExportUsage, treatiesImportUsage } from './modules/treaties/treaties.cli.ts';
import { activitiesExportUsage, activitiesImportUsage, exportActivitiesCommand, importActivitiesCommand } from './modules/activities/activities.cli.ts';

const usage = `Usage: tiphub <command>

  start              start the server (migrations run first)
  migrate            apply pending database migrations
  demo seed [--seed N]  load demonstration data (deterministic for a seed)
  demo remove        delete exactly the demonstration data
  db status          engine, location, migrations applied and pending
  audit verify [--anchor COUNT:HASH]
                     recompute the audit log's hash chain; exit 0 intact, 1 broken
  audit anchor       verify, then print the head hash, event count and time to keep
${adminUsage}
${incidentsUsage}
${incidentsImportUsage}
${treatiesImportUsage}
${treatiesExportUsage}
${activitiesImportUsage}
${activitiesExportUsage}

Configuration comes from environment variables (and .env): DATABASE_URL, DATA_DIR,
PORT, HOST, LOG_LEVEL, DEMO. See README.md.`;

type Command = (args: string[], config: Config) => Promise<number>;

/** `tiphub import KIND ...` and `tiphub export KIND ...`: one entry per kind of data. */
const importers: Record<string, Command> = { treaties: importTreatiesCommand, activities: importActivitiesCommand, incidents: importIncidentsCommand };
const exporters: Record<string, Command> = { treaties: exportTreatiesCommand, activities: exportActivitiesCommand };

function byKind(verb: 'import' | 'export', kinds: Record<string, Command>): Command {
  return (args, config) => {
    const [kind, ...rest] = args;
    const command = kind ? kinds[kind] : undefined;
    if (!command) return Promise.resolve(fail(`Unknown ${verb} "${kind ?? ''}". Use one of: ${Object.keys(kinds).map((k) => `${verb} ${k}`).join(', ')}.`));
    return command(rest, config);
  };
}

const commands: Record<string, Command> = {
  admin: adminCommand,
  incidents: incidentsCommand,
  import: byKind('import', importers),
  export: byKind('export', exporters),
  start: async (_args, config) => {
    await serveUntilSignalled(config);
    return 0;
  },
  migrate: (_args, config) =>
    withDatabase(config, async (database) => {
      const applied = await prepareDatabase(database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }),
  demo: async (args, config) => {
    const { values, positionals } = parseArgs({ args, options: { seed: { type: 'string' } }, allowPositionals: true });
    const action = positionals[0];
    if (action === 'seed') {
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed)) return fail(`--seed must be a whole number, got ${values.seed}`);
      return withDatabase(config, async (database) => {
        await prepareDatabase(database);
        // The master key seals the demo cases' synthetic identifiers, as the server would.
        const seeded = await seedDemo(database, demoContributors, seed, { masterKey: settingsFrom(config).settings.masterKey });
        console.log(seeded ? 'Demonstration data loaded.' : 'Demonstration data is already loaded; run "tiphub demo remove" first.');
        return 0;
      });
    }
    if (action === 'remove') {
      return withDatabase(config, async (database) => {
        await prepareDatabase(database);
        const removed = await removeDemo(database, demoContributors);
        console.log(`Removed ${removed} demonstration records.`);
        return 0;
      });
    }
    return fail(`Unknown demo action "${action ?? ''}". Use "demo seed" or "demo remove".`);
  },
  db: async (args, config) => {
    if (args[0] !== 'status') return fail(`Unknown db action "${args[0] ?? ''}". Use "db status".`);
    return withDatabase(config, async (database) => {
      const migrations = await migrationStatus(database.db);
      const demo = await demoStatus(database);
      console.log(`Engine:     ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server'}`);
      for (const m of migrations) console.log(`Migration:  ${m.executedAt ? 'applied ' : 'PENDING '} ${m.name}`);
      console.log(`Demo data:  ${demo.loaded ? `loaded (seed ${demo.seed}, generator ${demo.generatorVersion})` : 'not loaded'}`);
      return migrations.some((m) => !m.executedAt) ? 2 : 0;
    });
  },
  audit: async (args, config) => {
    const { values, positionals } = parseArgs({ args, options: { anchor: { type: 'string' } }, allowPositionals: true });
    const action = positionals[0];
    if (action !== 'verify' && action !== 'anchor') return fail(`Unknown audit action "${action ?? ''}". Use "audit verify" or "audit anchor".`);
    let anchor: { count: number; headHash: string } | undefined;
    if (values.anchor !== undefined) {
      const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(values.anchor);
      if (!m) return fail('--anchor must be COUNT:HASH as printed by "tiphub audit anchor"');
      anchor = { count: Number(m[1]), headHash: m[2]!.toLowerCase() };
    }
    return withDatabase(config, async (database) => {
      // Exit 1 means "tampered"; a database that is merely not migrated must not look like that.
      if ((await migrationStatus(database.db)).some((m) => !m.executedAt)) {
        console.error('The database has pending migrations; run "tiphub migrate" first.');
        return 2;
      }
      const result = await verifyAuditChain(database.db, { anchor });
      if (!result.ok) {
        console.error(`Audit log BROKEN at event ${result.brokenAt}: ${result.reason}`);
        console.error(`(${result.checked} events before it are intact.)`);
        return 1;
      }
      if (action === 'verify') {
        console.log(`Audit log intact: ${result.count} events, head hash ${result.headHash}${anchor ? `, anchor ${anchor.count}:${anchor.headHash} holds` : ''}.`);
      } else {
        // Whoever keeps these lines can later run "tiphub audit verify --anchor COUNT:HASH".
        console.log(`TIP Hub audit anchor`);
        console.log(`time:   ${new Date().toISOString()}`);
        console.log(`count:  ${result.count}`);
        console.log(`head:   ${result.headHash}`);
        console.log(`anchor: ${result.count}:${result.headHash}`);
      }
      return 0;
    });
  },
};

/** Runs the server; on SIGTERM or SIGINT drains requests and closes the database before exiting. */
async function serveUntilSignalled(config: Config): Promise<void> {
  const starting = startServer(config);
  let signalled = false;
  const shutdown = async (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.error(`${signal} received: finishing requests and closing the database...`);
    // A stuck request or start-up must not keep the process forever.
    setTimeout(() => process.exit(1), 15_000).unref();
    // A signal during start-up waits for the current write (migration, demo data) to commit.
    const server = await starting.catch(() => undefined);
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await starting;
}

async function withDatabase(config: Config, fn: (database: Database) => Promise<number>): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function fail(message: string): number {
  console.error(message);
  console.error(`\n${usage}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) return fail(`Unknown command "${name}".`);
  const config = loadConfig();
  return command(rest, config);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== 'start') process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof StartupError || err instanceof DatabaseUnreachableError) {
      console.error(`\n${err.message}\n`);
      if (err instanceof DatabaseUnreachableError) {
        console.error('DATABASE_URL names a PostgreSQL server; TIP Hub does not fall back to the embedded database.\nStart the server or fix DATABASE_URL, or unset it to use the embedded database.\n');
      }
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
