import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../access/actor.ts';
import type { Authenticator } from '../access/authenticator.ts';
import { authorize } from '../access/policy.ts';
import type { RouteAccess } from '../access/route-access.ts';
import { AppError } from '../errors.ts';
import type { App } from './app-type.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making the request; anonymous until authenticated. */
    actor: Actor;
  }
  interface FastifyInstance {
    /** Every /api route with what it needs, in registration order (for tests and docs). */
    routeAccessTable: RouteAccessEntry[];
  }
}

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

// Routes registered by libraries, which cannot carry our config: the API's own documentation.
const LIBRARY_ROUTES = /^\/api\/docs(\/|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route must say who may call it (`config.access`); registering one that does not
 * fails at start-up. Before each handler: authenticate, check the declared access, and check
 * the CSRF token on writes authenticated by a cookie.
 */
export function registerAccessControl(app: App, authenticator: Authenticator): void {
  // Fastify refuses object defaults on the request prototype (they would be shared): set it per request.
  app.decorateRequest('actor', null as never);

  const table: RouteAccessEntry[] = [];
  app.decorate('routeAccessTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || LIBRARY_ROUTES.test(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  // onRequest, before the body is parsed and validated: an outsider learns nothing, not even what a valid body looks like.
  app.addHook('onRequest', async (req) => {
    req.actor = anonymous;
    const access = req.routeOptions.config.access;
    if (!access) return; // library routes and the web app's files
    const { actor, csrfToken } = await authenticator.authenticate(req);
    if (csrfToken && !SAFE_METHODS.has(req.method) && !csrfMatches(req, csrfToken)) {
      // A public write (e.g. signing in again) may carry an old cookie without its token: treat it as anonymous.
      if ('public' in access) return;
      throw new AppError('FORBIDDEN', 'Missing or wrong X-CSRF-Token header for a request signed in with a cookie');
    }
    req.actor = actor;
    enforce(access, actor);
  });
}

function enforce(access: RouteAccess, actor: Actor): void {
  if ('public' in access) return;
  if ('signedIn' in access) {
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    if (!access.allowPendingTwoFactor && !actor.twoFactorSatisfied) throw new AppError('FORBIDDEN', 'Complete two-factor authentication to do this');
    return;
  }
  authorize(actor, access.permission);
}

function csrfMatches(req: FastifyRequest, expected: string): boolean {
  const given = req.headers['x-csrf-token'];
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
