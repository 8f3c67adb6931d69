import Papa from 'papaparse';
import type { StateValues } from './aggregatesApi.ts';

/** Every value of the State for the indicator shown, language-neutral codes; synthetic reports say so. */
export function aggregatesCsv(data: StateValues): string {
  const synthetic = new Map(data.reports.map((r) => [r.year, r.synthetic]));
  return Papa.unparse({
    fields: ['reporting_state', 'year', 'indicator', 'dimension', 'category', 'sex', 'age', 'value_kind', 'count', 'suppressed_below', 'synthetic'],
    data: data.values.map((v) => [
      data.reportingState,
      v.year,
      v.indicator,
      v.dimension,
      v.category,
      v.sex,
      v.age,
      v.value.kind,
      v.value.kind === 'count' ? v.value.count : '',
      v.value.kind === 'suppressed' ? v.value.below : '',
      synthetic.get(v.year) ? 'true' : 'false',
    ]),
  });
}
