// Rules an activity document must follow beyond its shape; shared by the API (400) and the
// IATI import (graded per activity).
import { pillars, type ActivityDocument } from './activities.schema.ts';

export interface RuleProblem {
  /** Path in the document, e.g. `recipientCountries[1].code`. */
  path: string;
  reason: string;
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
// Percentages are decimals; a sum a rounding hair over 100 is still 100.
const over100 = (values: (number | null)[]) => sum(values) > 100.0001;

/** Problems that make a document unacceptable; `countryExists` checks ISO alpha-2 codes. */
export function ruleProblems(doc: ActivityDocument, countryExists: (iso2: string) => boolean): RuleProblem[] {
  const problems: RuleProblem[] = [];
  doc.recipientCountries.forEach((c, i) => {
    if (!countryExists(c.code)) problems.push({ path: `recipientCountries[${i}].code`, reason: `unknown country code ${c.code}` });
  });
  if (over100(doc.recipientCountries.map((c) => c.percentage))) problems.push({ path: 'recipientCountries', reason: `percentages add up to ${sum(doc.recipientCountries.map((c) => c.percentage))}, more than 100` });
  if (over100(doc.recipientRegions.map((r) => r.percentage))) problems.push({ path: 'recipientRegions', reason: `percentages add up to ${sum(doc.recipientRegions.map((r) => r.percentage))}, more than 100` });
  for (const vocabulary of new Set(doc.sectors.map((s) => s.vocabulary))) {
    const values = doc.sectors.filter((s) => s.vocabulary === vocabulary).map((s) => s.percentage);
    if (over100(values)) problems.push({ path: 'sectors', reason: `percentages of vocabulary ${vocabulary} add up to ${sum(values)}, more than 100` });
  }
  doc.sectors.forEach((s, i) => {
    if (s.vocabulary === '1' && !/^\d{5}$/.test(s.code)) problems.push({ path: `sectors[${i}].code`, reason: `${s.code} is not a 5-digit DAC purpose code` });
    if (s.vocabulary === 'tip' && !(pillars as readonly string[]).includes(s.code)) problems.push({ path: `sectors[${i}].code`, reason: `${s.code} is not one of ${pillars.join(', ')}` });
  });
  const { plannedStart, plannedEnd, actualStart, actualEnd } = doc.dates;
  if (plannedStart && plannedEnd && plannedStart > plannedEnd) problems.push({ path: 'dates.plannedEnd', reason: 'planned end is before planned start' });
  if (actualStart && actualEnd && actualStart > actualEnd) problems.push({ path: 'dates.actualEnd', reason: 'actual end is before actual start' });
  doc.budgets.forEach((b, i) => {
    if (b.periodStart > b.periodEnd) problems.push({ path: `budgets[${i}].periodEnd`, reason: 'period ends before it starts' });
  });
  doc.results.forEach((r, i) =>
    r.indicators.forEach((ind, j) =>
      ind.periods.forEach((p, k) => {
        if (p.start > p.end) problems.push({ path: `results[${i}].indicators[${j}].periods[${k}].end`, reason: 'period ends before it starts' });
      }),
    ),
  );
  return problems;
}

/** The pillars (our sector vocabulary) an activity addresses. */
export function pillarsOf(doc: ActivityDocument): string[] {
  return [...new Set(doc.sectors.filter((s) => s.vocabulary === 'tip').map((s) => s.code))].sort();
}
