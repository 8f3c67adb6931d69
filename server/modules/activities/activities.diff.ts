// Field-level difference between two versions of an activity document.

export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  from: unknown;
  to: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf that differs; lists compare position by position (`sectors[2].code`). */
export function diffDocuments(from: unknown, to: unknown, path = ''): FieldChange[] {
  if (Array.isArray(from) && Array.isArray(to)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(from.length, to.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= from.length) out.push({ path: at, kind: 'added', from: null, to: to[i] });
      else if (i >= to.length) out.push({ path: at, kind: 'removed', from: from[i], to: null });
      else out.push(...diffDocuments(from[i], to[i], at));
    }
    return out;
  }
  if (isObject(from) && isObject(to)) {
    const out: FieldChange[] = [];
    for (const key of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in from)) out.push({ path: at, kind: 'added', from: null, to: to[key] });
      else if (!(key in to)) out.push({ path: at, kind: 'removed', from: from[key], to: null });
      else out.push(...diffDocuments(from[key], to[key], at));
    }
    return out;
  }
  return sameJson(from, to) ? [] : [{ path: path || '(document)', kind: 'changed', from: from ?? null, to: to ?? null }];
}

/** Equality of JSON values regardless of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}
