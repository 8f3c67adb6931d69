// Full-text search over activities: checks the query, turns country codes and words into
// filters, and presents ranked hits with a highlighted snippet. Who sees which drafts is
// decided by the caller (ActivitiesService.draftVisibility, from policy.ts).
import Papa from 'papaparse';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { ReferenceService } from '../reference/reference.service.ts';
import type { DraftVisibility } from './activities.repository.ts';
import type { Narratives } from './activities.schema.ts';
import { ActivitySearchRepository, HIT_END, HIT_START, type SearchFilter, type SearchRow } from './activities.search.repository.ts';
import type { ActivitySearchCsvQuery, ActivitySearchHit, ActivitySearchQuery, ActivitySearchResult } from './activities.search.schema.ts';
import { searchTerms } from './activities.search.terms.ts';

/** A CSV download holds at most this many activities (the first by rank). */
export const SEARCH_CSV_MAX_ROWS = 10_000;

const statusNames: Record<number, string> = { 1: 'pipeline', 2: 'implementation', 3: 'finalisation', 4: 'closed', 5: 'cancelled', 6: 'suspended' };

export class ActivitySearchService {
  constructor(private readonly database: Database) {}

  private get repo(): ActivitySearchRepository {
    return new ActivitySearchRepository(this.database.db);
  }

  private async filter(query: ActivitySearchQuery, drafts: DraftVisibility): Promise<{ filter: SearchFilter; iso3Of: Map<string, string> }> {
    const countries = await new ReferenceService(this.database.db).countries();
    const iso3Of = new Map(countries.map((c) => [c.iso2, c.iso3]));
    const iso2Of = new Map(countries.map((c) => [c.iso3, c.iso2]));
    let countriesIso2: string[] | undefined;
    if (query.country) {
      const unknown = query.country.filter((c) => !iso2Of.has(c.toUpperCase()));
      if (unknown.length) throw new AppError('VALIDATION_FAILED', `Unknown country ${unknown.join(', ')}`, [{ field: 'querystring.country', reason: `unknown country code ${unknown.join(', ')}` }]);
      countriesIso2 = query.country.map((c) => iso2Of.get(c.toUpperCase())!);
    }
    let terms = null;
    if (query.q !== undefined) {
      terms = searchTerms(query.q);
      if (!terms.phrase) throw new AppError('VALIDATION_FAILED', 'The search has no words', [{ field: 'querystring.q', reason: 'needs at least one letter or digit' }]);
    }
    const corrections = terms ? await this.repo.corrections(terms.words, drafts) : undefined;
    return {
      iso3Of,
      filter: { terms, corrections, countriesIso2, organisations: query.organisation, pillars: query.pillar, statuses: query.status, from: query.from, to: query.to },
    };
  }

  async search(drafts: DraftVisibility, query: ActivitySearchQuery): Promise<ActivitySearchResult> {
    const { filter, iso3Of } = await this.filter(query, drafts);
    const rows = await this.repo.search(filter, drafts, { limit: query.limit, offset: query.offset, headlines: true });
    // A page past the end has no rows to carry the total.
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.repo.count(filter, drafts) : 0);
    return { items: rows.map((r) => hitOf(r, iso3Of, filter.terms?.substrings ?? [])), total, limit: query.limit, offset: query.offset };
  }

  /** The whole result set (up to SEARCH_CSV_MAX_ROWS, best first) as CSV, titles in `lang` where given. */
  async csv(drafts: DraftVisibility, query: ActivitySearchCsvQuery): Promise<string> {
    const { filter, iso3Of } = await this.filter(query, drafts);
    const rows = await this.repo.search(filter, drafts, { limit: SEARCH_CSV_MAX_ROWS, offset: 0, headlines: false });
    const fields = ['iati_identifier', 'title', 'reporting_organisation', 'countries', 'pillars', 'status', 'start_date', 'end_date', 'published', 'id'];
    const data = rows.map((r) => [
      r.iati_identifier,
      inLanguage(r.title, query.lang),
      r.reporting_org_name,
      r.country_codes.map((c) => iso3Of.get(c) ?? c).join(';'),
      r.pillars.join(';'),
      statusNames[r.status] ?? String(r.status),
      r.start_date ?? '',
      r.end_date ?? '',
      r.published ? 'yes' : 'no',
      r.id,
    ]);
    return `${Papa.unparse({ fields, data }, { newline: '\n', escapeFormulae: true })}\n`;
  }
}

/** The narrative in the language asked for, else English, else the first given. */
export function inLanguage(n: Narratives, lang: string): string {
  return n[lang] ?? n.en ?? Object.values(n)[0] ?? '';
}

function hitOf(r: SearchRow, iso3Of: Map<string, string>, substrings: string[]): ActivitySearchHit {
  return {
    id: r.id,
    iatiIdentifier: r.iati_identifier,
    reportingOrgId: r.reporting_org_id,
    reportingOrgName: r.reporting_org_name,
    title: r.title,
    status: r.status,
    published: r.published,
    countries: r.country_codes,
    countriesIso3: r.country_codes.map((c) => iso3Of.get(c) ?? c),
    pillars: r.pillars,
    startDate: r.start_date,
    endDate: r.end_date,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    rank: Math.round(r.rank * 10_000) / 10_000,
    snippet: snippetOf(r.headline, substrings),
  };
}

/**
 * Splits ts_headline's marked text into plain and hit pieces, and marks the substrings of
 * unspaced scripts (Chinese...) that the text-search headline cannot see.
 */
export function snippetOf(headline: string, substrings: string[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  const parts = headline.split(new RegExp(`(${HIT_START}[^${HIT_END}]*${HIT_END})`, 'u'));
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith(HIT_START)) pieces.push({ text: part.slice(1, -1), hit: true });
    else pieces.push(...markSubstrings(part, substrings));
  }
  // Adjacent pieces of the same kind read as one.
  return pieces.reduce<{ text: string; hit: boolean }[]>((out, p) => {
    const last = out[out.length - 1];
    if (last && last.hit === p.hit) last.text += p.text;
    else out.push({ ...p });
    return out;
  }, []);
}

function markSubstrings(text: string, substrings: string[]): { text: string; hit: boolean }[] {
  const wanted = substrings.filter(Boolean);
  if (!wanted.length) return [{ text, hit: false }];
  const escaped = wanted.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text
    .split(new RegExp(`(${escaped.join('|')})`, 'iu'))
    .filter(Boolean)
    .map((t) => ({ text: t, hit: wanted.some((w) => w.toLowerCase() === t.toLowerCase()) }));
}
