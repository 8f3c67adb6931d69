// The scorecard table's columns: how each sorts and what goes into the CSV download.
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Scorecard } from './monitoringApi.ts';

export type SortKey = 'name' | 'activities' | 'complete' | 'freshness' | 'mandate' | 'timeliness';
export type SortOrder = 'asc' | 'desc';

export const columns: { key: SortKey; labelKey: MessageKey; value: (s: Scorecard) => number | string | null }[] = [
  { key: 'name', labelKey: 'monitoring.scorecards.organisation', value: (s) => s.organisation.name },
  { key: 'activities', labelKey: 'monitoring.scorecards.activities', value: (s) => s.activities },
  { key: 'complete', labelKey: 'monitoring.scorecards.complete', value: (s) => s.complete.share },
  { key: 'freshness', labelKey: 'monitoring.scorecards.freshness', value: (s) => s.freshness.medianDays },
  { key: 'mandate', labelKey: 'monitoring.scorecards.mandate', value: (s) => s.mandate.share },
  { key: 'timeliness', labelKey: 'monitoring.scorecards.timeliness', value: (s) => s.timeliness.share },
];

/** Sorted copy; missing values (nothing to measure) last in either order, ties by name. */
export function sortScorecards(items: readonly Scorecard[], key: SortKey, order: SortOrder, compare: (a: string, b: string) => number): Scorecard[] {
  const value = columns.find((c) => c.key === key)!.value;
  const direction = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (typeof x === 'string' && typeof y === 'string' ? compare(x, y) : Number(x) - Number(y)) * direction;
    }
    return compare(a.organisation.name, b.organisation.name);
  });
}

const quote = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The scorecards as CSV (one row per organisation; shares as decimals 0 to 1). */
export function scorecardsCsv(items: readonly Scorecard[]): string {
  const header = ['organisation_id', 'organisation', 'acronym', 'type', 'activities', 'published', 'drafts', 'complete', 'complete_share', 'median_days_since_update', 'oldest_days_since_update', 'linked_to_mandate', 'mandate_share', 'rounds_due', 'rounds_on_time', 'timeliness_share'];
  const lines = items.map((s) =>
    [
      s.organisation.id,
      s.organisation.name,
      s.organisation.acronym,
      s.organisation.type,
      s.activities,
      s.published,
      s.drafts,
      s.complete.count,
      s.complete.share,
      s.freshness.medianDays,
      s.freshness.oldestDays,
      s.mandate.count,
      s.mandate.share,
      s.timeliness.roundsDue,
      s.timeliness.onTime,
      s.timeliness.share,
    ]
      .map(quote)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
