import { registryDemo } from '../../modules/registry/registry.demo.ts';
import { activitiesDemo } from '../../modules/activities/activities.demo.ts';
import { mandatesDemo } from '../../modules/mandates/mandates.demo.ts';
import { treatiesDemo } from '../../modules/treaties/treaties.demo.ts';
import { monitoringDemo } from '../../modules/monitoring/monitoring.demo.ts';
import { accessDemo } from '../access/access.demo.ts';
import { incidentsDemo } from '../../modules/incidents/incidents.demo.ts';
import { aggregatesDemo } from '../../modules/incidents/aggregates/aggregates.demo.ts';
import type { DemoContributor } from './demo.ts';

/** Every module's demonstration data, in dependency order (seeded first to last, removed last to first). */
export const demoContributors: readonly DemoContributor[] = [registryDemo, activitiesDemo, mandatesDemo, monitoringDemo, accessDemo, treatiesDemo, incidentsDemo, aggregatesDemo];
