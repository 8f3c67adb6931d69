import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DraftVisibility } from './activities.repository.ts';
import type { ActivityDocument } from './activities.schema.ts';
import type { SearchTerms } from './activities.search.terms.ts';

// All SQL of activity search. The search columns (search_vector, search_text,
// organisation_ids) and activity_search_words are written by the trigger of
// activities-search.migration.ts and are referenced here as raw SQL because no code writes them.

export interface SearchFilter {
  terms: SearchTerms | null;
  /**
   * Words of `terms` that no visible activity contains, each with the title words most like
   * it (none when nothing is close): the search looks for those instead (typos).
   */
  corrections?: ReadonlyMap<string, string[]> | undefined;
  /** ISO 3166-1 alpha-2, as the activities table keeps them. */
  countriesIso2?: string[] | undefined;
  organisations?: string[] | undefined;
  pillars?: string[] | undefined;
  statuses?: number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface SearchRow {
  id: string;
  iati_identifier: string;
  reporting_org_id: string;
  reporting_org_name: string;
  title: ActivityDocument['title'];
  status: number;
  published: boolean;
  country_codes: string[];
  pillars: string[];
  start_date: string | null;
  end_date: string | null;
  version: number;
  updated_at: Date;
  rank: number;
  headline: string;
  total: number;
}

/** Marks the matched words in ts_headline output; control characters never occur in narratives' words. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

const array = (values: readonly string[], type: 'text' | 'uuid') => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`))}]::${sql.raw(type)}[]`;

type Page = { limit: number; offset: number; headlines: boolean };

export class ActivitySearchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The to_tsquery expression of the words: each as a prefix, or a misspelt one as any of its
   * corrections; `any` joins them with | (rank and highlight) instead of & (match).
   */
  private wordQuery(filter: SearchFilter, any: boolean): string | null {
    const parts = (filter.terms?.words ?? []).flatMap((w) => {
      const corrected = filter.corrections?.get(w);
      if (!corrected) return [`'${w}':*`];
      if (!corrected.length) return any ? [] : [`'${w}'`];
      return [`(${corrected.map((c) => `'${c}'`).join(' | ')})`];
    });
    return parts.length ? parts.join(any ? ' | ' : ' & ') : null;
  }

  private rankQuery(filter: SearchFilter): RawBuilder<unknown> | null {
    const query = this.wordQuery(filter, true);
    return query ? sql`to_tsquery('tiphub_search', ${query})` : null;
  }

  private conditions(filter: SearchFilter, drafts: DraftVisibility): RawBuilder<unknown>[] {
    const where: RawBuilder<unknown>[] = [];
    if (!drafts.all) where.push(drafts.organisations.length ? sql`(a.published OR a.reporting_org_id = ANY(${array(drafts.organisations, 'uuid')}))` : sql`a.published`);
    if (filter.countriesIso2?.length) where.push(sql`a.country_codes && ${array(filter.countriesIso2, 'text')}`);
    if (filter.pillars?.length) where.push(sql`a.pillars && ${array(filter.pillars, 'text')}`);
    if (filter.organisations?.length) where.push(sql`a.organisation_ids && ${array(filter.organisations, 'uuid')}`);
    if (filter.statuses?.length) where.push(sql`a.status IN (${sql.join(filter.statuses)})`);
    if (filter.from || filter.to) {
      // Overlap with the range; a missing end means still running, a missing start means
      // started before anyone recorded; an activity with no dates at all cannot be placed.
      where.push(sql`(a.start_date IS NOT NULL OR a.end_date IS NOT NULL)`);
      if (filter.to) where.push(sql`(a.start_date IS NULL OR a.start_date <= ${filter.to}::date)`);
      if (filter.from) where.push(sql`(a.end_date IS NULL OR a.end_date >= ${filter.from}::date)`);
    }
    const terms = filter.terms;
    if (terms) {
      // Every word must match somewhere, as a prefix, or, misspelt, as one of its corrections.
      const words = this.wordQuery(filter, false);
      if (words) where.push(sql`a.search_vector @@ to_tsquery('tiphub_search', ${words})`);
      for (const s of terms.substrings) where.push(sql`a.search_text LIKE '%' || lower(unaccent(${s})) || '%'`);
    }
    return where;
  }

  async search(filter: SearchFilter, drafts: DraftVisibility, page: Page): Promise<SearchRow[]> {
    const { rows } = await this.statement(filter, drafts, page).execute(this.db);
    return rows;
  }

  /** How the database answers a search (for the benchmark): the page query, analysed. */
  async explain(filter: SearchFilter, drafts: DraftVisibility, page: Page): Promise<string> {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, COSTS OFF) ${this.statement(filter, drafts, page)}`.execute(this.db);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  private statement(filter: SearchFilter, drafts: DraftVisibility, page: Page) {
    const where = this.conditions(filter, drafts);
    const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
    // Text-search rank of the words (corrections of misspelt ones included), computed for
    // every match: the ranking needs it, and its cost grows with the number of matches.
    const query = this.rankQuery(filter);
    const rank = query ? sql`ts_rank_cd(a.search_vector, ${query})` : sql`0`;
    // The snippet comes from the descriptions when the words are there, else from the titles
    // (in whichever language matched: a French title for a French word).
    const titles = sql`activity_narratives(a.document->'title')`;
    const descriptions = sql`activity_narratives(a.document->'description')`;
    const snippetSource = query
      ? sql`CASE WHEN to_tsvector('tiphub_search', ${descriptions}) @@ ${query} THEN ${descriptions} ELSE ${titles} END`
      : sql`CASE WHEN ${descriptions} <> '' THEN ${descriptions} ELSE ${titles} END`;
    // Headlines are costly: only the page's rows get one (the CSV needs none).
    const headline = !page.headlines
      ? sql`''`
      : query
        ? sql`ts_headline('tiphub_search', ${snippetSource}, ${query}, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`
        : sql`left(${snippetSource}, 240)`;
    // The page is chosen on the narrow columns first; the documents are read for its rows only.
    return sql<SearchRow>`
      WITH page AS (
        SELECT a.id, ${rank} AS rank, a.updated_at, count(*) OVER () AS total
        FROM activities a
        ${whereSql}
        ORDER BY rank DESC, a.updated_at DESC, a.id
        LIMIT ${page.limit} OFFSET ${page.offset}
      )
      SELECT a.id, a.iati_identifier, a.reporting_org_id, o.name AS reporting_org_name, a.document->'title' AS title, a.status, a.published,
             a.country_codes, a.pillars, a.start_date::text AS start_date, a.end_date::text AS end_date, a.version, a.updated_at,
             p.rank::float8 AS rank, p.total::int AS total, ${headline} AS headline
      FROM page p
      JOIN activities a ON a.id = p.id
      JOIN organisations o ON o.id = a.reporting_org_id
      ORDER BY p.rank DESC, p.updated_at DESC, p.id`;
  }

  /**
   * Misspelt words: those no activity the reader may see contains, each with up to three title
   * words at least 45 % alike by trigrams (so "prosecuters" finds "prosecutors", but
   * "inspection" does not become "protection"). Words of three letters or fewer are left alone.
   */
  async corrections(words: readonly string[], drafts: DraftVisibility): Promise<Map<string, string[]>> {
    const corrections = new Map<string, string[]>();
    const visible = this.conditions({ terms: null }, drafts);
    for (const w of new Set(words)) {
      if ([...w].length <= 3) continue;
      const { rows } = await sql<{ found: boolean }>`
        SELECT EXISTS (
          SELECT 1 FROM activities a
          WHERE a.search_vector @@ to_tsquery('tiphub_search', ${`'${w}':*`}) ${visible.length ? sql`AND ${sql.join(visible, sql` AND `)}` : sql``}
        ) AS found`.execute(this.db);
      if (rows[0]?.found) continue;
      const { rows: alike } = await sql<{ word: string }>`
        WITH typed AS (SELECT lower(unaccent(${w})) AS t)
        SELECT word FROM activity_search_words, typed
        WHERE word % typed.t AND similarity(word, typed.t) >= 0.45
        ORDER BY similarity(word, typed.t) DESC, word
        LIMIT 3`.execute(this.db);
      // Title words are lexemes of the same configuration: letters, marks and digits only.
      corrections.set(w, alike.map((r) => r.word).filter((c) => /^[\p{L}\p{M}\p{N}]+$/u.test(c)));
    }
    return corrections;
  }

  /** The number of matches, when the page is past the end and so carries no total. */
  async count(filter: SearchFilter, drafts: DraftVisibility): Promise<number> {
    const where = this.conditions(filter, drafts);
    const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM activities a ${whereSql}`.execute(this.db);
    return rows[0]?.n ?? 0;
  }
}
