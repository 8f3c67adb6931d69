import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import type { AppSettings } from '../settings.ts';

/** What the identity and audit routes are built from. */
export interface AccessDependencies {
  database: Database;
  settings: AppSettings;
}

/** Identity, administration and audit routes under /api/v1. */
export const accessRoutes = (_deps: AccessDependencies): FastifyPluginAsyncZod => async () => {};
