// Creates an embedded database directory (PostgreSQL's initdb) and exits. Run in a throwaway
// process: creating leaves about 200 MB in the process that did it (wasm memory and allocator
// arenas are not given back), which the server would otherwise carry for its whole life.
import { PGlite } from '@electric-sql/pglite';

try {
  const db = await PGlite.create({ dataDir: process.argv[2] });
  await db.close();
} catch (err) {
  // PGlite's file system errors carry only a number; say at least that much on the last line.
  process.stderr.write(`${err instanceof Error && err.message ? err.message : `file system error ${err?.errno ?? String(err)}`}\n`);
  process.exit(1);
}
