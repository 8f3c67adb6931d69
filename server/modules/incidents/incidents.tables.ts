import type { ColumnType, Generated } from 'kysely';
import type { CaseStatus, MissingReason } from './incidents.values.ts';

/** jsonb: written as a JSON string, read back parsed. */
type Jsonb<T> = ColumnType<T, string, string>;

/** For each field without a value, why (not collected, unknown, not applicable, suppressed). */
export type Reasons = Record<string, MissingReason>;

/**
 * Case-level incident reports (IC-TIP's four units). Every table holds one State's data and
 * leads its primary key, and every key between them, with `reporting_state` (the sharding rule).
 * `incident_case_versions` keeps every version of the case document (de-identified, identifiers
 * sealed apart); the event, victim, perpetrator and link tables are the current version's
 * projection for queries (statistics, duplicates), rebuilt when a new version is saved.
 * In the projection a value column is null exactly when `reasons` says why.
 */
export interface IncidentsTables {
  /** Each State's data key (AES-256), sealed under a key derived from the master key. */
  incident_state_keys: {
    reporting_state: string;
    wrapped_key: string;
    created_at: Generated<Date>;
  };
  incident_state_settings: {
    reporting_state: string;
    /** Years after reporting when identifiers are erased; null keeps them. */
    retention_years: number | null;
    updated_at: Generated<Date>;
  };
  incident_cases: {
    reporting_state: string;
    id: Generated<string>;
    entity_type: string;
    entity_name: string;
    entity_organisation_id: string | null;
    external_id: string;
    status: CaseStatus;
    version: number;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    submitted_at: Date | null;
    reviewed_at: Date | null;
    reviewed_by: string | null;
    review_comments: string | null;
    identifiers_erased_at: Date | null;
    is_demo: Generated<boolean>;
    /** The bulk import that wrote the case; hidden until that run is published (import/visibility.ts). */
    import_run: Generated<string | null>;
  };
  incident_case_versions: {
    reporting_state: string;
    case_id: string;
    version: number;
    /** The de-identified case document as submitted (the API's shape, without identifiers). */
    document: Jsonb<unknown>;
    /** `victim:<ref>` / `perpetrator:<ref>` → identifiers sealed under the State's data key. */
    identifiers: Jsonb<Record<string, string>>;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  incident_events: {
    reporting_state: string;
    case_id: string;
    iccs_code: string | null;
    recruitment_date: string | null;
    exploitation_start_date: string | null;
    exploitation_end_date: string | null;
    detection_date: string | null;
    reasons: Jsonb<Reasons>;
  };
  incident_event_places: {
    reporting_state: string;
    case_id: string;
    seq: number;
    stage: string;
    country_iso3: string | null;
    area: string | null;
    reasons: Jsonb<Reasons>;
  };
  incident_victims: {
    reporting_state: string;
    case_id: string;
    ref: string;
    gender: string | null;
    age_years: number | null;
    age_band: string | null;
    minor_at_exploitation: boolean | null;
    citizenships: string[] | null;
    trafficking_status: string | null;
    status_decided_by: string | null;
    exploitation_forms: string[] | null;
    sex_exploitation_types: string[] | null;
    forced_labour_industries: string[] | null;
    methods_of_control: string[] | null;
    recruitment_method: string | null;
    relationship_to_trafficker: string | null;
    assistance_received: string[] | null;
    consent_to_share: boolean;
    consent_to_count: boolean;
    reasons: Jsonb<Reasons>;
    person_key: string | null;
    identifiers_sealed: string | null;
  };
  incident_perpetrators: {
    reporting_state: string;
    case_id: string;
    ref: string;
    kind: string;
    roles: string[] | null;
    gender: string | null;
    age_band: string | null;
    citizenships: string[] | null;
    prosecution_outcome: string | null;
    reasons: Jsonb<Reasons>;
    person_key: string | null;
    identifiers_sealed: string | null;
  };
  incident_links: {
    reporting_state: string;
    case_id: string;
    victim_ref: string;
    perpetrator_ref: string;
  };
  /** A State's decision to show one case to one organisation (agency, NGO). */
  case_shares: {
    reporting_state: string;
    case_id: string;
    organisation_id: string;
    shared_by: string | null;
    shared_at: Generated<Date>;
  };
}
