// Turns a State's values for one indicator into per-year rows of one breakdown (by sex, age or
// form), as the chart and the table show them. Not reported, unknown and suppressed stay apart.
import { formCategories, type AggregateValue, type ValueCell } from './aggregatesApi.ts';

export const breakdowns = ['sex', 'age', 'form'] as const;
export type Breakdown = (typeof breakdowns)[number];

/** The parts of each breakdown, in display order. */
export const partsOf: Record<Breakdown, readonly string[]> = {
  sex: ['female', 'male', 'other', 'unknown'],
  age: ['minor', 'adult', 'unknown'],
  form: formCategories,
};

export interface YearRow {
  year: number;
  total: AggregateValue | null;
  parts: Record<string, AggregateValue | null>;
}

const isTotal = (v: ValueCell) => v.dimension === 'total' && v.sex === 'total' && v.age === 'total';

function partOf(v: ValueCell, by: Breakdown): string | null {
  if (by === 'sex') return v.dimension === 'total' && v.age === 'total' && v.sex !== 'total' ? v.sex : null;
  if (by === 'age') return v.dimension === 'total' && v.sex === 'total' && v.age !== 'total' ? v.age : null;
  return v.dimension === 'form' && v.sex === 'total' && v.age === 'total' ? v.category : null;
}

/** One row per reported year, oldest first; parts never given are null (not reported). */
export function yearRows(values: readonly ValueCell[], by: Breakdown): { rows: YearRow[]; parts: string[] } {
  const byYear = new Map<number, YearRow>();
  const used = new Set<string>();
  for (const v of values) {
    let row = byYear.get(v.year);
    if (!row) byYear.set(v.year, (row = { year: v.year, total: null, parts: {} }));
    if (isTotal(v)) row.total = v.value;
    const part = partOf(v, by);
    if (part) {
      row.parts[part] = v.value;
      used.add(part);
    }
  }
  const parts = partsOf[by].filter((p) => used.has(p));
  // Years between the first and the last without a report stay visible as gaps, not skipped.
  const years = [...byYear.keys()];
  for (let y = Math.min(...years); y < Math.max(...years); y++) if (!byYear.has(y)) byYear.set(y, { year: y, total: null, parts: {} });
  return { rows: [...byYear.values()].sort((a, b) => a.year - b.year), parts };
}

/** The count to draw (suppressed and unknown draw nothing: they are marked, not guessed). */
export const drawable = (v: AggregateValue | null | undefined): number => (v && v.kind === 'count' ? v.count : 0);
