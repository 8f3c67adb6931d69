// Cost of authentication and permission checks on a read route, measured side by side:
// requests per second of the same handler behind `users.read` (session cookie resolved,
// grants loaded, permission checked) and as a public route, in the same run.
//   npm run bench:auth            (embedded PGlite)
//   BENCH_DATABASE_URL=postgres://... npm run bench:auth   (also PostgreSQL; else a throwaway server if initdb is there)
import { spawn } from 'node:child_process';
import { buildApp } from '../server/app.ts';
import { hashSecret, newSecret, SESSION_COOKIE } from '../server/platform/access/credentials.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/platform/db/prepare.ts';
import { createLogger } from '../server/platform/logger.ts';
import { ReferenceService } from '../server/modules/reference/reference.service.ts';
import { testSettings } from '../test/helpers/settings.ts';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 10;

interface Result {
  engine: string;
  publicRps: number;
  checkedRps: number;
}

/** An active administrator with a session that has passed two-factor, written directly. */
async function adminSession(database: Database): Promise<string> {
  const org = await database.db.insertInto('organisations').values({ type: 'secretariat', name: 'Bench secretariat' }).returning('id').executeTakeFirstOrThrow();
  const user = await database.db
    .insertInto('users')
    .values({ email: 'bench@example.org', display_name: 'Bench', organisation_id: org.id, preferred_language: 'en', status: 'active', password_hash: null, totp_secret_sealed: null, totp_enabled_at: null, last_sign_in_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db.insertInto('role_grants').values({ user_id: user.id, role: 'coordinator_admin', country_iso3: null, organisation_id: null, granted_by: null }).execute();
  const token = newSecret();
  await database.db
    .insertInto('sessions')
    .values({ id: hashSecret(token), user_id: user.id, csrf_token: newSecret(), two_factor_passed: true, ip: null, user_agent: null, expires_at: new Date(Date.now() + 3600_000), revoked_at: null })
    .execute();
  return token;
}

/** Runs autocannon in a child process (so the load generator does not share our event loop). */
function load(url: string, headers: Record<string, string>): Promise<number> {
  const args = ['autocannon', '--json', '-c', String(CONNECTIONS), '-d', String(SECONDS), ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const report = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
      if (report.non2xx > 0 || report.errors > 0) return reject(new Error(`autocannon saw ${report.non2xx} non-2xx answers and ${report.errors} errors`));
      resolve(report.requests.average);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(engine: string, database: Database): Promise<Result> {
  await prepareDatabase(database);
  const session = await adminSession(database);
  // The production default: resolved credentials are trusted for 5 s (see credential-cache.ts).
  const app = await buildApp({ database, logger: createLogger('silent'), settings: testSettings({ session: { idleMinutes: 30, absoluteHours: 12, cacheSeconds: 5 } }) });
  const reference = new ReferenceService(database.db);
  // One handler, two doors: the only difference is the access check in front of it.
  const handler = async () => reference.country('BLR');
  app.get('/api/v1/bench/public', { config: { access: { public: true } } }, handler);
  app.get('/api/v1/bench/checked', { config: { access: { permission: 'users.read' } } }, handler);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = { cookie: `${SESSION_COOKIE}=${session}` };
  try {
    await load(`${base}/api/v1/bench/checked`, cookie); // warm-up, and proof the session works
    const pub: number[] = [];
    const checked: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      pub.push(await load(`${base}/api/v1/bench/public`, {}));
      checked.push(await load(`${base}/api/v1/bench/checked`, cookie));
    }
    return { engine, publicRps: median(pub), checkedRps: median(checked) };
  } finally {
    await app.close();
    await database.close();
  }
}

const results: Result[] = [];
console.log(`Each figure: median of ${ROUNDS} runs of ${SECONDS} s with ${CONNECTIONS} connections (autocannon).`);
results.push(await measure('PGlite', await openDatabase({ dataDir: 'memory://' })));
let url = process.env.BENCH_DATABASE_URL;
let stop: (() => void) | undefined;
if (!url && findPostgresBin()) {
  const server = await startThrowawayPostgres();
  url = server.url;
  stop = () => server.stop();
}
if (url) {
  try {
    results.push(await measure('PostgreSQL', await openDatabase({ url })));
  } finally {
    stop?.();
  }
} else console.log('PostgreSQL skipped: no BENCH_DATABASE_URL and no initdb/pg_ctl.');

console.log('\n| Engine | public route (req/s) | authenticated + permission-checked (req/s) | ratio (target >= 0.8) |');
console.log('|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.engine} | ${r.publicRps.toFixed(0)} | ${r.checkedRps.toFixed(0)} | ${(r.checkedRps / r.publicRps).toFixed(2)} |`);
