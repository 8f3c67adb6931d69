import type { ColumnType, Generated } from 'kysely';
import type { ActivityDocument } from './activities.schema.ts';

export type Json<T> = ColumnType<T, T | string, T | string>;

export const versionSources = ['api', 'import', 'demo'] as const;
export type VersionSource = (typeof versionSources)[number];

export interface ActivitiesTables {
  activities: {
    id: Generated<string>;
    iati_identifier: string;
    reporting_org_id: string;
    /** The whole activity as validated by activitySchema; the columns below are indexed copies. */
    document: Json<ActivityDocument>;
    title_text: string;
    status: number;
    published: boolean;
    /** ISO 3166-1 alpha-2 codes of the recipient countries (as IATI writes them). */
    country_codes: string[];
    pillars: string[];
    start_date: string | null;
    end_date: string | null;
    version: number;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  activity_versions: {
    activity_id: string;
    version: number;
    document: Json<ActivityDocument>;
    published: boolean;
    source: VersionSource;
    changed_by: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
  };
}
