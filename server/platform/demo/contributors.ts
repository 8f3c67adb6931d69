import { registryDemo } from '../../modules/registry/registry.demo.ts';
import { activitiesDemo } from '../../modules/activities/activities.demo.ts';
import { treatiesDemo } from '../../modules/treaties/treaties.demo.ts';
import { accessDemo } from '../access/access.demo.ts';
import type { DemoContributor } from './demo.ts';

/** Every module's demonstration data, in dependency order (seeded first to last, removed last to first). */
export const demoContributors: readonly DemoContributor[] = [registryDemo, activitiesDemo, accessDemo, treatiesDemo];
