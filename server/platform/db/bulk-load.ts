// Encoding for bulk loads: rows become PostgreSQL COPY text format, which both engines read
// (PGlite from a blob, PostgreSQL from a stream). See Database.transaction's bulkLoad.

/** Where rows go: a table and its columns, in the order values come in each row. */
export interface BulkTarget {
  table: string;
  columns: readonly string[];
}

// Measured (bench/bulk-load.ts): appending to one string per chunk and encoding it with
// Buffer.from is about 3x cheaper than a string per row joined with TextEncoder, mostly GC.
const CHUNK_CHARS = 1 << 20;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Encodes rows as COPY text format in chunks of about 1 MiB. */
export function* encodeCopyText(rows: Iterable<readonly unknown[]>): Generator<Uint8Array> {
  let text = '';
  for (const row of rows) {
    const n = row.length;
    for (let i = 0; i < n; i++) {
      if (i > 0) text += '\t';
      const value = row[i];
      // Inline fast paths for the common types; encodeValue has the full rules.
      if (typeof value === 'number') text += String(value);
      else if (typeof value === 'string') text += NEEDS_ESCAPE.test(value) ? escapeText(value) : value;
      else text += encodeValue(value);
    }
    text += '\n';
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (text.length > 0) yield Buffer.from(text, 'utf8');
}

/** One value in COPY text format: `\\N` for null, escapes for backslash and control characters. */
export function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? escapeText(value) : value;
  return escapeText(literal(value));
}

/** The unescaped text PostgreSQL reads for a non-null value. */
function literal(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value instanceof Date) return value.toISOString();
      // Arrays are PostgreSQL arrays; pass JSON arrays for a jsonb column as a string.
      if (Array.isArray(value)) return arrayLiteral(value);
      return JSON.stringify(value);
  }
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${literal(v).replace(/(["\\])/g, '\\$1')}"`));
  return `{${items.join(',')}}`;
}

export function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  const out = new Uint8Array(list.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of list) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Double-quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
