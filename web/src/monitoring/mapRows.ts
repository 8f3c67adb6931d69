import type { LocalizedNames } from '../i18n/languages.ts';
import type { ActivityMap } from './monitoringApi.ts';

export interface MapRow {
  iso3: string;
  numeric: string;
  names: LocalizedNames;
  count: number;
}

/** The count per country for one pillar, or for all pillars when `pillar` is empty. */
export function mapRows(map: ActivityMap, pillar: string): MapRow[] {
  return map.items.map((i) => ({ iso3: i.countryIso3, numeric: i.numeric, names: i.names, count: pillar ? (i.byPillar[pillar] ?? 0) : i.total }));
}
