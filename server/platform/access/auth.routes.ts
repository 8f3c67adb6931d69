// Signing in and out, the second factor, the own account, sessions and API tokens. Thin:
// validate, one service call, present. Rules live in the services.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { UserActor } from './actor.ts';
import { RateLimitedError } from './auth.errors.ts';
import {
  changePasswordBodySchema,
  codeBodySchema,
  createdTokenSchema,
  createTokenBodySchema,
  enrolResponseSchema,
  meSchema,
  recoveryCodesSchema,
  sessionListSchema,
  sessionParamsSchema,
  sessionResponseSchema,
  signInBodySchema,
  signInResponseSchema,
  tokenListSchema,
  tokenParamsSchema,
  updateMeBodySchema,
  verifyBodySchema,
} from './auth.schema.ts';
import { AuthService, type AuthDependencies } from './auth.service.ts';
import { SESSION_COOKIE } from './credentials.ts';
import { MeService } from './me.service.ts';
import { requestContext } from './request-context.ts';
import { TokensService } from './tokens.service.ts';
import { TwoFactorService } from './two-factor.service.ts';

const noContent = { 204: z.null().describe('Done') };

/** The signed-in user; the route's declared access has already refused anyone else. */
function user(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return req.actor;
}

/** Runs a service call; a 429 carries Retry-After. */
async function limited<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RateLimitedError) void reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string): void {
  // Secure whenever the request came over HTTPS (directly, or through a trusted proxy).
  void reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.protocol === 'https' });
}

function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.protocol === 'https' });
}

/** Authentication, own account, sessions and tokens under /api/v1. */
export const authRoutes = (deps: AuthDependencies): FastifyPluginAsyncZod => async (app) => {
  const auth = new AuthService(deps);
  const twoFactor = new TwoFactorService(deps);
  const me = new MeService(deps);
  const tokens = new TokensService(deps);
  const tags = ['auth'];
  const pending = { signedIn: true, allowPendingTwoFactor: true } as const;

  app.post(
    '/auth/sign-in',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Sign in with email and password; opens a new session (cookie)', body: signInBodySchema, response: { 200: signInResponseSchema } },
    },
    async (req, reply) => {
      const result = await limited(reply, () => auth.signIn(req.body, requestContext(req), req.cookies[SESSION_COOKIE]));
      setSessionCookie(req, reply, result.sessionToken);
      return { user: result.user, twoFactor: result.twoFactor, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/auth/session',
    { config: { access: { public: true } }, schema: { tags, summary: 'Who is signed in, and the CSRF token for writes', response: { 200: sessionResponseSchema } } },
    async (req) => auth.session(req.actor),
  );

  app.post('/auth/sign-out', { config: { access: pending }, schema: { tags, summary: 'End the current session', response: noContent } }, async (req, reply) => {
    await auth.signOut(user(req), requestContext(req));
    clearSessionCookie(req, reply);
    return reply.code(204).send(null);
  });

  app.post(
    '/auth/two-factor/verify',
    { config: { access: pending }, schema: { tags, summary: 'Pass the second factor with a TOTP code or a recovery code', body: verifyBodySchema, response: noContent } },
    async (req, reply) => {
      await limited(reply, () => twoFactor.verify(user(req), req.body, requestContext(req)));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/two-factor/enrol',
    { config: { access: pending }, schema: { tags, summary: 'Start TOTP enrolment: a new secret and its QR code', response: { 200: enrolResponseSchema } } },
    async (req) => twoFactor.enrol(user(req)),
  );

  app.post(
    '/auth/two-factor/confirm',
    { config: { access: pending }, schema: { tags, summary: 'Confirm enrolment with a first code; returns the recovery codes once', body: codeBodySchema, response: { 200: recoveryCodesSchema } } },
    async (req, reply) => limited(reply, () => twoFactor.confirm(user(req), req.body.code, requestContext(req))),
  );

  app.delete(
    '/auth/two-factor',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Disable TOTP (only if no role requires it)', body: codeBodySchema, response: noContent } },
    async (req, reply) => {
      await limited(reply, () => twoFactor.disable(user(req), req.body.code, requestContext(req)));
      return reply.code(204).send(null);
    },
  );

  const account = ['account'];
  app.get('/me', { config: { access: pending }, schema: { tags: account, summary: 'The signed-in user', response: { 200: meSchema } } }, async (req) => me.me(user(req)));

  app.patch(
    '/me',
    { config: { access: { permission: 'account.manage_own' } }, schema: { tags: account, summary: 'Change display name or language', body: updateMeBodySchema, response: { 200: meSchema } } },
    async (req) => me.update(user(req), req.body, requestContext(req)),
  );

  app.post(
    '/me/password',
    { config: { access: { signedIn: true } }, schema: { tags: account, summary: 'Change the password; other sessions end', body: changePasswordBodySchema, response: noContent } },
    async (req, reply) => {
      await limited(reply, () => me.changePassword(user(req), req.body, requestContext(req)));
      return reply.code(204).send(null);
    },
  );

  app.get('/me/sessions', { config: { access: { signedIn: true } }, schema: { tags: account, summary: 'Open sessions', response: { 200: sessionListSchema } } }, async (req) => ({
    items: await me.sessions(user(req)),
  }));

  app.delete(
    '/me/sessions/:id',
    { config: { access: { signedIn: true } }, schema: { tags: account, summary: 'End one session', params: sessionParamsSchema, response: noContent } },
    async (req, reply) => {
      const { current } = await me.revokeSession(user(req), req.params.id, requestContext(req));
      if (current) clearSessionCookie(req, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/me/sessions/revoke-all',
    { config: { access: { signedIn: true } }, schema: { tags: account, summary: 'End every session, this one included', response: noContent } },
    async (req, reply) => {
      await me.revokeAllSessions(user(req), requestContext(req));
      clearSessionCookie(req, reply);
      return reply.code(204).send(null);
    },
  );

  const tokenTags = ['tokens'];
  app.get('/me/tokens', { config: { access: { permission: 'tokens.manage_own' } }, schema: { tags: tokenTags, summary: 'Own API tokens', response: { 200: tokenListSchema } } }, async (req) => ({
    items: await tokens.list(user(req)),
  }));

  app.post(
    '/me/tokens',
    {
      config: { access: { permission: 'tokens.manage_own' } },
      schema: { tags: tokenTags, summary: 'Create an API token (shown once)', body: createTokenBodySchema, response: { 200: createdTokenSchema } },
    },
    async (req) => tokens.create(user(req), req.body, requestContext(req)),
  );

  app.delete(
    '/me/tokens/:id',
    { config: { access: { permission: 'tokens.manage_own' } }, schema: { tags: tokenTags, summary: 'Revoke an API token', params: tokenParamsSchema, response: noContent } },
    async (req, reply) => {
      await tokens.revoke(user(req), req.params.id, requestContext(req));
      return reply.code(204).send(null);
    },
  );
};
