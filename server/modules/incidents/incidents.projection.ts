// Case documents keep "not collected", "unknown" and "not applicable" apart from values; the
// projection tables hold a value column (null when there is none) and a `reasons` map per row.
import type { Reasons } from './incidents.tables.ts';
import type { Known } from './incidents.values.ts';

/** Splits value-or-reason fields into projection columns (value or null) and their reasons. */
export function splitter() {
  const reasons: Reasons = {};
  const col = <T>(field: string, k: Known<T>): T | null => {
    if ('value' in k) return k.value;
    reasons[field] = k.reason;
    return null;
  };
  return { reasons, col };
}
