import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over activities. A trigger keeps the search columns in step with the
 * document on every write path at once: the service's insert and update, the IATI import's
 * multi-row insert, demonstration data and COPY bulk loads (COPY fires row triggers too), so
 * no caller can forget them. unaccent is not IMMUTABLE, which rules out generated columns.
 *
 * - `tiphub_search`: the `simple` configuration (no stemming, so every language tokenises the
 *   same way: Arabic, Russian, Chinese...) with `unaccent` before it, so "Cote" finds "Côte".
 * - `search_vector`: titles (weight A) and descriptions (weight B) in every language.
 * - `search_text`: the same narratives lower-cased and unaccented, for substring (trigram)
 *   matching of Chinese and Japanese, which have no spaces between words.
 * - `activity_search_words`: every word of every title (as the search vector has it), with a
 *   trigram index: a word no activity contains is taken for a misspelling and replaced by the
 *   title words most similar to it, so typos are searched through the text-search index too.
 * - `organisation_ids`: reporting and participating organisations, for the organisation filter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TEXT SEARCH CONFIGURATION tiphub_search (COPY = simple)`.execute(db);
  await sql`ALTER TEXT SEARCH CONFIGURATION tiphub_search ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple`.execute(db);

  // Narratives ({ en: '...', fr: '...' }) as one text, in language-code order.
  await sql`
    CREATE FUNCTION activity_narratives(n jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(string_agg(value, ' ' ORDER BY key), '')
      FROM jsonb_each_text(CASE WHEN jsonb_typeof(n) = 'object' THEN n ELSE '{}'::jsonb END)
    $$`.execute(db);

  await db.schema
    .alterTable('activities')
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema.createTable('activity_search_words').addColumn('word', 'text', (c) => c.primaryKey()).execute();
  await sql`CREATE INDEX activity_search_words_trgm_idx ON activity_search_words USING gin (word gin_trgm_ops)`.execute(db);

  await sql`
    CREATE FUNCTION activities_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      titles text := activity_narratives(NEW.document->'title');
      descriptions text := activity_narratives(NEW.document->'description');
      title_vector tsvector := to_tsvector('tiphub_search', titles);
    BEGIN
      NEW.search_vector := setweight(title_vector, 'A') || setweight(to_tsvector('tiphub_search', descriptions), 'B');
      -- Words are only added: a word no title uses any more corrects to nothing that matches.
      INSERT INTO activity_search_words (word)
        SELECT w FROM unnest(tsvector_to_array(title_vector)) AS w WHERE char_length(w) > 3
        ON CONFLICT DO NOTHING;
      NEW.search_text := lower(unaccent(titles || ' ' || descriptions));
      NEW.organisation_ids := ARRAY(
        SELECT DISTINCT o FROM (
          SELECT NEW.reporting_org_id AS o
          UNION ALL
          SELECT (p->>'organisationId')::uuid
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW.document->'participatingOrgs') = 'array' THEN NEW.document->'participatingOrgs' ELSE '[]'::jsonb END) p
          WHERE p->>'organisationId' IS NOT NULL
        ) s ORDER BY o
      );
      RETURN NEW;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER activities_search_refresh BEFORE INSERT OR UPDATE OF document, reporting_org_id ON activities
    FOR EACH ROW EXECUTE FUNCTION activities_search_refresh()`.execute(db);

  // Rows written before this migration (demonstration data, imports) get their columns now.
  await sql`UPDATE activities SET document = document`.execute(db);

  await sql`CREATE INDEX activities_search_vector_idx ON activities USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX activities_search_text_trgm_idx ON activities USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX activities_organisation_ids_idx ON activities USING gin (organisation_ids)`.execute(db);
  // Unranked lists (filters only) come newest first.
  await sql`CREATE INDEX activities_updated_idx ON activities (updated_at DESC, id)`.execute(db);
}
