// Turns an HXL row into an activity document. A 3W row says much less than an IATI activity,
// so for an activity that exists the row only overwrites what its columns say and keeps the
// rest (budgets, transactions, other results, percentages of an unchanged country list).
import { emptyDocument, type ActivityDocument } from '../activities.schema.ts';
import type { HxlRow } from './hxl-parse.ts';
import { ADM1_DIMENSION, HXL_INDICATOR_TITLE, HXL_RESULT_TITLE } from './hxl-vocabulary.ts';

type Result = ActivityDocument['results'][number];

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export const isHxlResult = (r: Result) => r.title.en === HXL_RESULT_TITLE;

/** The new document: `existing` changed by the row, or a new activity made of the row alone. */
export function documentFromRow(row: HxlRow, existing: ActivityDocument | null): ActivityDocument {
  const doc: ActivityDocument = structuredClone(existing) ?? {
    ...emptyDocument(row.identifier),
    reportingOrg: { ref: row.org.ref, type: null, name: row.org.name },
    status: 2,
    // In a 3W table #org is who does the work: the implementing organisation.
    participatingOrgs: [{ role: 4, organisationId: null, ref: row.org.ref, type: null, name: row.org.name }],
  };
  doc.title = { ...doc.title, ...row.title };
  doc.description = { ...doc.description, ...row.description };
  if (row.status !== undefined) doc.status = row.status;
  Object.assign(doc.dates, row.dates);

  if (row.countries !== undefined) {
    const had = doc.recipientCountries.map((c) => c.code);
    // Same countries: keep the percentages an IATI file may have given them.
    if (!sameSet(had, row.countries)) doc.recipientCountries = row.countries.map((code) => ({ code, percentage: row.countries!.length === 1 ? 100 : null }));
  }
  if (row.sectors !== undefined) {
    for (const vocabulary of ['tip', '1'] as const) {
      const given = row.sectors.filter((s) => s.vocabulary === vocabulary).map((s) => s.code);
      const had = doc.sectors.filter((s) => s.vocabulary === vocabulary);
      if (sameSet(had.map((s) => s.code), given)) continue;
      doc.sectors = [...doc.sectors.filter((s) => s.vocabulary !== vocabulary), ...given.map((code) => ({ vocabulary, code, percentage: null }))];
    }
  }

  if (row.targeted !== undefined || row.reached !== undefined || row.adm1 !== undefined) {
    const old = doc.results.find(isHxlResult);
    const oldPeriod = old?.indicators[0]?.periods[0];
    const targeted = row.targeted !== undefined ? row.targeted : (oldPeriod?.targets[0]?.value ?? null);
    const reached = row.reached !== undefined ? row.reached : (oldPeriod?.actuals[0]?.value ?? null);
    const adm1 = row.adm1 !== undefined ? row.adm1 : (oldPeriod?.targets[0]?.dimensions[ADM1_DIMENSION] ?? oldPeriod?.actuals[0]?.dimensions[ADM1_DIMENSION] ?? null);
    const start = doc.dates.actualStart ?? doc.dates.plannedStart;
    const end = doc.dates.actualEnd ?? doc.dates.plannedEnd;
    const others = doc.results.filter((r) => !isHxlResult(r));
    if ((targeted === null && reached === null) || !start || !end) doc.results = others;
    else {
      const dimensions: Record<string, string> = adm1 ? { [ADM1_DIMENSION]: adm1 } : {};
      const result: Result = {
        type: 1,
        title: { en: HXL_RESULT_TITLE },
        description: {},
        indicators: [
          {
            measure: 1,
            ascending: true,
            title: { en: HXL_INDICATOR_TITLE },
            baseline: null,
            periods: [
              {
                start,
                end,
                targets: targeted === null ? [] : [{ value: targeted, dimensions }],
                actuals: reached === null ? [] : [{ value: reached, dimensions }],
              },
            ],
          },
        ],
      };
      const at = doc.results.findIndex(isHxlResult);
      doc.results = at < 0 ? [...others, result] : doc.results.map((r, i) => (i === at ? result : r));
    }
  }
  return doc;
}

/** What an activity's HXL row holds, read back from its document (the export). */
export function hxlFigures(doc: ActivityDocument): { targeted: number | null; reached: number | null; adm1: string | null } {
  const period = doc.results.find(isHxlResult)?.indicators[0]?.periods[0];
  const t = period?.targets[0];
  const a = period?.actuals[0];
  return { targeted: t?.value ?? null, reached: a?.value ?? null, adm1: t?.dimensions[ADM1_DIMENSION] ?? a?.dimensions[ADM1_DIMENSION] ?? null };
}
