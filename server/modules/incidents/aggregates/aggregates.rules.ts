// What makes an aggregate report well formed (on every save) and consistent (on submission).
import type { ErrorDetail } from '../../../platform/errors.ts';
import type { AggregateCell } from './aggregates.schema.ts';
import type { StoredValue } from './aggregates.tables.ts';
import { formCategories, type Age, type CategoryKind, type Sex } from './aggregates.values.ts';

const forms: ReadonlySet<string> = new Set(formCategories);

/** The cell's identity within a State's year. */
export const cellKey = (c: Pick<StoredValue, 'indicator' | 'dimension' | 'category' | 'sex' | 'age'>) => `${c.indicator}|${c.dimension}|${c.category}|${c.sex}|${c.age}`;

/**
 * Checks categories against the dimension and turns API cells into stored values. Countries
 * are ISO alpha-3 codes that exist; any other place name is kept as an area (a sub-region).
 */
export function toStoredValues(cells: AggregateCell[], countries: ReadonlySet<string>): { values: StoredValue[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const values: StoredValue[] = [];
  const seen = new Map<string, number>();
  cells.forEach((c, i) => {
    const field = `values.${i}`;
    let category = c.category;
    let categoryKind: CategoryKind;
    if (c.dimension === 'total') {
      categoryKind = 'total';
      if (category !== 'total') problems.push({ field: `${field}.category`, value: category, reason: "the total dimension has the single category 'total'" });
    } else if (c.dimension === 'form') {
      categoryKind = 'form';
      if (!forms.has(category)) problems.push({ field: `${field}.category`, value: category, reason: `not a form of exploitation (one of ${formCategories.join(', ')})` });
    } else if (/^[A-Za-z]{3}$/.test(category)) {
      category = category.toUpperCase();
      categoryKind = 'country';
      if (!countries.has(category)) problems.push({ field: `${field}.category`, value: c.category, reason: 'not an ISO 3166-1 alpha-3 code of a country' });
    } else {
      categoryKind = 'area';
    }
    const value: StoredValue = {
      indicator: c.indicator,
      dimension: c.dimension,
      category,
      categoryKind,
      sex: c.sex,
      age: c.age,
      kind: c.value.kind,
      count: c.value.kind === 'count' ? c.value.count : null,
      bound: c.value.kind === 'suppressed' ? c.value.below : null,
      externalId: null,
    };
    const key = cellKey(value);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field, value: key, reason: `the same cell is already given at values.${first}` });
    else seen.set(key, i);
    values.push(value);
  });
  return { values, problems };
}

const sexParts: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
const ageParts: readonly Age[] = ['adult', 'minor', 'unknown'];

/**
 * The automatic validation rules run when a State submits (per indicator, dimension and
 * category): counts by sex add up to the total when every part is a known count (female, male
 * and unknown given; other if given); the same by age; known parts never exceed the total;
 * minors never exceed the total. Suppressed and unknown parts make the sum unknowable, so the
 * equality is then not checked. (Convicted ≤ prosecuted is not a rule: they are different
 * cohorts across years.)
 */
export function validateForSubmission(values: StoredValue[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byKey = new Map(values.map((v) => [cellKey(v), v]));
  const get = (base: StoredValue, sex: Sex, age: Age) => byKey.get(cellKey({ ...base, sex, age }));
  const where = (v: StoredValue) => `${v.indicator} / ${v.dimension} / ${v.category}`;
  for (const total of values) {
    if (total.kind !== 'count') continue;
    const label = `${where(total)} (sex ${total.sex}, age ${total.age})`;
    if (total.sex === 'total') {
      const parts = sexParts.map((s) => get(total, s, total.age));
      problems.push(...partsRule(parts, total, 'sex', ['female', 'male', 'unknown'], label));
    }
    if (total.age === 'total') {
      const parts = ageParts.map((a) => get(total, total.sex, a));
      problems.push(...partsRule(parts, total, 'age', ['adult', 'minor', 'unknown'], label));
      const minors = get(total, total.sex, 'minor');
      if (minors?.kind === 'count' && minors.count! > total.count!) {
        problems.push({ field: cellKey(minors), value: minors.count, reason: `${label}: minors (${minors.count}) exceed the total (${total.count})` });
      }
    }
  }
  return problems;
}

function partsRule(parts: (StoredValue | undefined)[], total: StoredValue, by: 'sex' | 'age', required: string[], label: string): ErrorDetail[] {
  const given = parts.filter((p): p is StoredValue => p !== undefined);
  const known = given.filter((p) => p.kind === 'count');
  const sum = known.reduce((s, p) => s + p.count!, 0);
  if (sum > total.count!) {
    return [{ field: cellKey(total), value: total.count, reason: `${label}: the known counts by ${by} (${sum}) exceed the total (${total.count})` }];
  }
  const complete = required.every((r) => given.some((p) => (by === 'sex' ? p.sex : p.age) === r)) && known.length === given.length;
  if (complete && sum !== total.count) {
    const detail = known.map((p) => `${by === 'sex' ? p.sex : p.age} ${p.count}`).join(' + ');
    return [{ field: cellKey(total), value: total.count, reason: `${label}: the counts by ${by} (${detail} = ${sum}) do not add up to the total (${total.count})` }];
  }
  return [];
}
