import type { ColumnType, Generated } from 'kysely';
import type { Age, CategoryKind, Dimension, Indicator, ReportStatus, Sex, ValueKind } from './aggregates.values.ts';

/** jsonb: written as a JSON string, read back parsed. */
type Jsonb<T> = ColumnType<T, string, string>;

/** One stored value: a count, a suppressed count below `bound`, or unknown. */
export interface StoredValue {
  indicator: Indicator;
  dimension: Dimension;
  category: string;
  categoryKind: CategoryKind;
  sex: Sex;
  age: Age;
  kind: ValueKind;
  count: number | null;
  bound: number | null;
  externalId: string | null;
}

interface ValueColumns {
  year: number;
  indicator: Indicator;
  dimension: Dimension;
  category: string;
  category_kind: CategoryKind;
  sex: Sex;
  age: Age;
  value_kind: ValueKind;
  count: number | null;
  bound: number | null;
  external_id: string | null;
  is_demo: Generated<boolean>;
}

/**
 * Aggregate reports. `aggregate_report_versions` keeps every version's values whole (nothing
 * is overwritten); `aggregate_values` is the current version's projection for queries.
 */
export interface AggregatesTables {
  aggregate_reports: {
    reporting_state: string;
    year: number;
    status: ReportStatus;
    version: number;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    submitted_at: Date | null;
    reviewed_at: Date | null;
    reviewed_by: string | null;
    review_comments: string | null;
    is_demo: Generated<boolean>;
  };
  aggregate_report_versions: {
    reporting_state: string;
    year: number;
    version: number;
    /** 'api', 'glotip' or 'demo'. */
    source: string;
    values: Jsonb<StoredValue[]>;
    created_by: string | null;
    created_at: Generated<Date>;
    is_demo: Generated<boolean>;
  };
  aggregate_values: ValueColumns & { reporting_state: string };
  /** Sub-regional figures: `area` is the M49 code when the name is an M49 area, else the name. */
  aggregate_area_values: ValueColumns & { area: string; area_code: string | null; updated_at: Generated<Date> };
  /** Free-text names (citizenship, country of repatriation) → ISO code, or kept as an area. */
  glotip_name_mappings: {
    name_key: string;
    name: string;
    kind: 'country' | 'area' | 'unmapped';
    iso3: string | null;
    source: 'default' | 'reviewed' | 'seen';
    times_seen: Generated<number>;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
}
