// Runs the real `tiphub` command line in a child process, as an operator would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './database.ts';

const bin = path.resolve('bin/tiphub.js');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Standard output, then standard error. */
  all: string;
}

/**
 * `tiphub ...args` with only PATH, HOME and `env` in its environment, from an empty working
 * directory: the developer's own DATABASE_URL or .env must not leak in. No terminal on stdin.
 */
export function runTiphub(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: tempDir('tiphub-cwd-'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err, all: out + err }));
  });
}
