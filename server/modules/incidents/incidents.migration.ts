import { sql, type Kysely } from 'kysely';
import { caseStatuses, eventStages, perpetratorKinds } from './incidents.values.ts';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Case-level incident reports. `reporting_state` leads every primary key and every foreign key
 * between case tables, so a Citus deployment can distribute them by State; they point only at
 * reference tables (countries, organisations, users).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_state_keys (
      reporting_state char(3) PRIMARY KEY REFERENCES countries (iso3),
      wrapped_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE incident_state_settings (
      reporting_state char(3) PRIMARY KEY REFERENCES countries (iso3),
      retention_years integer CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 200),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE incident_cases (
      reporting_state char(3) NOT NULL REFERENCES countries (iso3),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      entity_type text NOT NULL,
      entity_name text NOT NULL DEFAULT '',
      entity_organisation_id uuid REFERENCES organisations (id),
      external_id text NOT NULL,
      status text NOT NULL CHECK (status IN (${list(caseStatuses)})),
      version integer NOT NULL CHECK (version >= 1),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by uuid REFERENCES users (id),
      review_comments text,
      identifiers_erased_at timestamptz,
      is_demo boolean NOT NULL DEFAULT false,
      PRIMARY KEY (reporting_state, id),
      UNIQUE (reporting_state, entity_type, entity_name, external_id)
    )`.execute(db);
  await sql`CREATE INDEX incident_cases_status_idx ON incident_cases (reporting_state, status)`.execute(db);
  await sql`
    CREATE TABLE incident_case_versions (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      version integer NOT NULL,
      document jsonb NOT NULL,
      identifiers jsonb NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (reporting_state, case_id, version),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
  await sql`
    CREATE TABLE incident_events (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      iccs_code text,
      recruitment_date date,
      exploitation_start_date date,
      exploitation_end_date date,
      detection_date date,
      reasons jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (reporting_state, case_id),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
  await sql`
    CREATE TABLE incident_event_places (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      seq integer NOT NULL,
      stage text NOT NULL CHECK (stage IN (${list(eventStages)})),
      country_iso3 char(3) REFERENCES countries (iso3),
      area text,
      reasons jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (reporting_state, case_id, seq),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_events (reporting_state, case_id)
    )`.execute(db);
  await sql`
    CREATE TABLE incident_victims (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      ref text NOT NULL,
      gender text,
      age_years integer,
      age_band text,
      minor_at_exploitation boolean,
      citizenships text[],
      trafficking_status text,
      status_decided_by text,
      exploitation_forms text[],
      sex_exploitation_types text[],
      forced_labour_industries text[],
      methods_of_control text[],
      recruitment_method text,
      relationship_to_trafficker text,
      assistance_received text[],
      consent_to_share boolean NOT NULL,
      consent_to_count boolean NOT NULL,
      reasons jsonb NOT NULL DEFAULT '{}',
      person_key text,
      identifiers_sealed text,
      PRIMARY KEY (reporting_state, case_id, ref),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
  await sql`CREATE INDEX incident_victims_person_key_idx ON incident_victims (person_key) WHERE person_key IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE incident_perpetrators (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      ref text NOT NULL,
      kind text NOT NULL CHECK (kind IN (${list(perpetratorKinds)})),
      roles text[],
      gender text,
      age_band text,
      citizenships text[],
      prosecution_outcome text,
      reasons jsonb NOT NULL DEFAULT '{}',
      person_key text,
      identifiers_sealed text,
      PRIMARY KEY (reporting_state, case_id, ref),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
  await sql`CREATE INDEX incident_perpetrators_person_key_idx ON incident_perpetrators (person_key) WHERE person_key IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE incident_links (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      victim_ref text NOT NULL,
      perpetrator_ref text NOT NULL,
      PRIMARY KEY (reporting_state, case_id, victim_ref, perpetrator_ref),
      FOREIGN KEY (reporting_state, case_id, victim_ref) REFERENCES incident_victims (reporting_state, case_id, ref),
      FOREIGN KEY (reporting_state, case_id, perpetrator_ref) REFERENCES incident_perpetrators (reporting_state, case_id, ref)
    )`.execute(db);
  await sql`
    CREATE TABLE case_shares (
      reporting_state char(3) NOT NULL,
      case_id uuid NOT NULL,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      shared_by uuid REFERENCES users (id),
      shared_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (reporting_state, case_id, organisation_id),
      FOREIGN KEY (reporting_state, case_id) REFERENCES incident_cases (reporting_state, id)
    )`.execute(db);
  await sql`CREATE INDEX case_shares_organisation_idx ON case_shares (organisation_id)`.execute(db);
}
