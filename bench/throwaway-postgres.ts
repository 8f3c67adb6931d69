// A throwaway PostgreSQL server for benchmarks, started the way .ci/run starts it: data and
// socket folders owned by `postgres`, initdb with trust auth, pg_ctl on a free loopback port.
// PostgreSQL refuses to run as root, so as root the binaries run through `runuser -u postgres`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  /** Stops the server and removes its folders; safe to call twice. */
  stop: () => void;
}

/** Where initdb and pg_ctl are: PATH first, then Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const debian = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  for (const dir of [...onPath, ...debian]) {
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
}

/** Starts a fresh PostgreSQL server; it is stopped when the process exits. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('initdb/pg_ctl not found (Debian: apt-get install postgresql-15)');
  const asPostgres = process.getuid?.() === 0;
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-bench-pgdata-'));
  const sock = fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-bench-pgsock-'));
  if (asPostgres) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    fs.chownSync(data, uid, gid);
    fs.chownSync(sock, uid, gid);
  }
  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres);
      } catch {
        // Already gone: nothing to stop.
      }
    }
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(sock, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    const port = await freePort();
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], asPostgres);
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(data, 'server.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${sock}`, '-w', 'start'], asPostgres);
    running = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
