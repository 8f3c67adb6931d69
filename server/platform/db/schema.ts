// The database's tables as Kysely sees them. Each module declares its own tables in its
// repository folder; this file joins them into the one `DB` type.
import type { FoundationTables } from './migrations/0001-foundation.ts';
import type { ReferenceTables } from '../../modules/reference/reference.tables.ts';
import type { RegistryTables } from '../../modules/registry/registry.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { AccessTables } from '../access/access.tables.ts';
import type { TreatyTables } from '../../modules/treaties/treaties.tables.ts';
import type { ActivitiesTables } from '../../modules/activities/activities.tables.ts';
import type { IncidentsTables } from '../../modules/incidents/incidents.tables.ts';
import type { AggregatesTables } from '../../modules/incidents/aggregates/aggregates.tables.ts';
import type { IncidentImportTables } from '../../modules/incidents/import/import.tables.ts';
import type { IncidentImportRunsTables } from '../../modules/incidents/import/import-runs.tables.ts';
import type { IncidentImportJobsTables } from '../../modules/incidents/import/import-jobs.tables.ts';
import type { DemoPlantsTables } from '../../modules/activities/activities-demo-plants.migration.ts';
import type { MandatesTables } from '../../modules/mandates/mandates.tables.ts';
import type { MonitoringTables } from '../../modules/monitoring/monitoring.tables.ts';

export interface DB extends FoundationTables, ReferenceTables, RegistryTables, AuditTables, AccessTables, TreatyTables, IncidentsTables, AggregatesTables, ActivitiesTables, MandatesTables, DemoPlantsTables, IncidentImportTables, IncidentImportRunsTables, IncidentImportJobsTables, MonitoringTables {}
