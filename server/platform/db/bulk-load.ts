// Encoding for bulk loads: rows become PostgreSQL COPY text format, which both engines read
// (PGlite from a blob, PostgreSQL from a stream). See Database.transaction's bulkLoad.

/** Where rows go: a table and its columns, in the order values come in each row. */
export interface BulkTarget {
  table: string;
  columns: readonly string[];
}

const CHUNK_BYTES = 1 << 20;
const encoder = new TextEncoder();
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Encodes rows as COPY text format in chunks of about 1 MiB. */
export function* encodeCopyText(rows: Iterable<readonly unknown[]>): Generator<Uint8Array> {
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += '\t';
      line += encodeValue(row[i]);
    }
    line += '\n';
    parts.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      yield encoder.encode(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield encoder.encode(parts.join(''));
}

/** One value in COPY text format: `\N` for null, escapes for backslash and control characters. */
export function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPE.test(value) ? escapeText(value) : value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value instanceof Date) return value.toISOString();
      // Arrays are PostgreSQL arrays; pass JSON arrays for a jsonb column as a string.
      if (Array.isArray(value)) return escapeText(arrayLiteral(value));
      return escapeText(JSON.stringify(value));
  }
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    const text = Array.isArray(v) ? arrayLiteral(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replace(/(["\\])/g, '\\$1')}"`;
  });
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
