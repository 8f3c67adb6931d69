import type { Generated } from 'kysely';

export interface MonitoringTables {
  reporting_rounds: {
    id: Generated<string>;
    name: string;
    /** Dates as YYYY-MM-DD (the driver keeps `date` columns as text). */
    period_start: string;
    period_end: string;
    due_date: string;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
