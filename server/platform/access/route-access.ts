import type { Permission } from './permissions.ts';

/**
 * What a route needs, declared in its `config.access`. Every /api route must declare one;
 * the app refuses to start otherwise, so no route is open by omission.
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any signed-in user (own account pages);
 * - a permission: the actor must hold it somewhere; the service checks the record's scope.
 */
export type RouteAccess = { public: true } | { signedIn: true; allowPendingTwoFactor?: boolean } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
