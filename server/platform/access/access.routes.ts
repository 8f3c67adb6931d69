import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import type { AppSettings } from '../settings.ts';
import { authRoutes } from './auth.routes.ts';
import { administrationRoutes } from './users.routes.ts';

/** What the identity and audit routes are built from. */
export interface AccessDependencies {
  database: Database;
  settings: AppSettings;
}

/** Identity, administration and audit routes under /api/v1. */
export const accessRoutes = (deps: AccessDependencies): FastifyPluginAsyncZod => async (api) => {
  await api.register(authRoutes(deps));
  await api.register(administrationRoutes(deps));
};
