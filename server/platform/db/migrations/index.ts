import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as reference from '../../../modules/reference/reference.migration.ts';
import * as registry from '../../../modules/registry/registry.migration.ts';
import * as audit from '../../audit/audit.migration.ts';
import * as access from '../../access/access.migration.ts';
import * as access2 from '../../access/access-2.migration.ts';
import * as accessAdmin from '../../access/access-admin.migration.ts';
import * as registry2 from '../../../modules/registry/registry-2.migration.ts';
import * as treaties from '../../../modules/treaties/treaties.migration.ts';
import * as activities from '../../../modules/activities/activities.migration.ts';
import * as incidents from '../../../modules/incidents/incidents.migration.ts';
import * as mandates from '../../../modules/mandates/mandates.migration.ts';
import * as activitiesSearch from '../../../modules/activities/activities-search.migration.ts';
import * as monitoring from '../../../modules/monitoring/monitoring.migration.ts';
import * as incidentAggregates from '../../../modules/incidents/aggregates/aggregates.migration.ts';
import * as incidentImports from '../../../modules/incidents/import/import.migration.ts';
import * as demoPlants from '../../../modules/activities/activities-demo-plants.migration.ts';
import * as incidents2 from '../../../modules/incidents/incidents-2.migration.ts';
import * as incidentImportRuns from '../../../modules/incidents/import/import-runs.migration.ts';
import * as incidentImportJobs from '../../../modules/incidents/import/import-jobs.migration.ts';

/**
 * Every migration, in order. Listed statically (no directory scan) so that the same list
 * runs at boot, in tests and in CI on both engines. Forward only: never edit a landed one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-foundation': foundation,
  '2026-11-29-0002-reference': reference,
  '2026-11-29-0003-registry': registry,
  '2026-11-29-0004-audit': audit,
  '2026-11-29-0005-access': access,
  '2026-11-29-0006-access-2': access2,
  '2026-11-29-0007-access-admin': accessAdmin,
  '2026-11-29-0008-registry-2': registry2,
  '2026-11-29-0009-treaties': treaties,
  '2026-11-29-0010-activities': activities,
  '2026-11-29-0011-incidents': incidents,
  '2026-11-29-0012-mandates': mandates,
  '2026-11-29-0013-activities-search': activitiesSearch,
  '2026-11-29-0014-monitoring': monitoring,
  '2026-11-29-0015-incident-aggregates': incidentAggregates,
  '2026-11-29-0016-incident-imports': incidentImports,
  '2026-11-29-0017-demo-plants': demoPlants,
  '2026-11-29-0018-incidents-2': incidents2,
  '2026-11-30-0019-incident-import-runs': incidentImportRuns,
  '2026-12-07-0020-incident-import-jobs': incidentImportJobs,
};
