import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';

/** What authentication found on a request. */
export interface Authentication {
  actor: Actor;
  /** Set when the actor came from a session cookie: writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
}

/** Finds who is behind a request (session cookie or `Authorization: Bearer` token). */
export interface Authenticator {
  authenticate(req: FastifyRequest): Promise<Authentication>;
}
