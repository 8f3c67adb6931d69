import { sql, type Kysely } from 'kysely';
import { ages, categoryKinds, dimensions, indicators, reportStatuses, sexes, valueKinds } from './aggregates.values.ts';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Aggregate reports: a State's counts for a year. `reporting_state` leads every key (the
 * sharding rule). Sub-regional figures (an area, not a State) live apart in
 * `aggregate_area_values`, a cross-State table nothing points into. The GLOTIP name mapping is
 * a small reference table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE aggregate_reports (
      reporting_state char(3) NOT NULL REFERENCES countries (iso3),
      year integer NOT NULL,
      status text NOT NULL CHECK (status IN (${list(reportStatuses)})),
      version integer NOT NULL CHECK (version >= 1),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by uuid REFERENCES users (id),
      review_comments text,
      is_demo boolean NOT NULL DEFAULT false,
      PRIMARY KEY (reporting_state, year)
    )`.execute(db);
  await sql`
    CREATE TABLE aggregate_report_versions (
      reporting_state char(3) NOT NULL,
      year integer NOT NULL,
      version integer NOT NULL,
      source text NOT NULL,
      "values" jsonb NOT NULL,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      is_demo boolean NOT NULL DEFAULT false,
      PRIMARY KEY (reporting_state, year, version),
      FOREIGN KEY (reporting_state, year) REFERENCES aggregate_reports (reporting_state, year)
    )`.execute(db);
  const valueColumns = sql`
      indicator text NOT NULL CHECK (indicator IN (${list(indicators)})),
      dimension text NOT NULL CHECK (dimension IN (${list(dimensions)})),
      category text NOT NULL,
      category_kind text NOT NULL CHECK (category_kind IN (${list(categoryKinds)})),
      sex text NOT NULL CHECK (sex IN (${list(sexes)})),
      age text NOT NULL CHECK (age IN (${list(ages)})),
      value_kind text NOT NULL CHECK (value_kind IN (${list(valueKinds)})),
      count integer CHECK (count >= 0),
      bound integer CHECK (bound >= 1),
      external_id text,
      is_demo boolean NOT NULL DEFAULT false,
      CHECK ((value_kind = 'count') = (count IS NOT NULL)),
      CHECK ((value_kind = 'suppressed') = (bound IS NOT NULL))`;
  await sql`
    CREATE TABLE aggregate_values (
      reporting_state char(3) NOT NULL,
      year integer NOT NULL,
      ${valueColumns},
      PRIMARY KEY (reporting_state, year, indicator, dimension, category, sex, age),
      FOREIGN KEY (reporting_state, year) REFERENCES aggregate_reports (reporting_state, year)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX aggregate_values_external_idx ON aggregate_values (reporting_state, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE aggregate_area_values (
      area text NOT NULL,
      area_code text REFERENCES m49_areas (code),
      year integer NOT NULL,
      ${valueColumns},
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (area, year, indicator, dimension, category, sex, age)
    )`.execute(db);
  await sql`
    CREATE TABLE glotip_name_mappings (
      name_key text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('country', 'area', 'unmapped')),
      iso3 char(3) REFERENCES countries (iso3),
      source text NOT NULL CHECK (source IN ('default', 'reviewed', 'seen')),
      times_seen integer NOT NULL DEFAULT 0,
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'country') = (iso3 IS NOT NULL))
    )`.execute(db);
}
