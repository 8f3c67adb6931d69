import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from './request-context.ts';
import {
  acceptedInvitationSchema,
  acceptInvitationSchema,
  createdUserSchema,
  createUserSchema,
  grantInputSchema,
  grantParamsSchema,
  invitationParamsSchema,
  invitationSchema,
  mailDeliverySchema,
  outboxQuerySchema,
  outboxSchema,
  passwordResetCompleteSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  revokedSchema,
  tokenListQuerySchema,
  tokenListSchema,
  updateUserSchema,
  userDetailSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
} from './users.schema.ts';
import { UserAdminService } from './users.service.ts';
import { InvitationService, PASSWORD_RESET_REQUESTED, PasswordResetService } from './invitations.service.ts';
import { AuditViewerService } from '../audit/audit.viewer.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import type { AccessDependencies } from './access.routes.ts';

/** User administration: users, role grants, invitations, sessions, API tokens, the outbox. */
export const userAdminRoutes = (service: UserAdminService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['administration'];
  const read = { access: { permission: 'users.read' as const } };
  const manage = { access: { permission: 'users.manage' as const } };

  app.get('/admin/users', { config: read, schema: { tags, summary: 'Users, filtered and paged', querystring: userListQuerySchema, response: { 200: userListSchema } } }, async (req) => {
    const { items, total } = await service.list(req.actor, req.query);
    return { items, total, limit: req.query.limit, offset: req.query.offset };
  });

  app.get('/admin/users/:id', { config: read, schema: { tags, summary: 'One user with grants, session count and API tokens', params: userIdParamsSchema, response: { 200: userDetailSchema } } }, async (req) =>
    service.get(req.actor, req.params.id),
  );

  app.post(
    '/admin/users',
    { config: manage, schema: { tags, summary: 'Invite a new user (status invited) and mail the invitation', body: createUserSchema, response: { 201: createdUserSchema } } },
    async (req, reply) => reply.code(201).send(await service.create(req.actor, req.body, requestContext(req))),
  );

  app.patch(
    '/admin/users/:id',
    { config: manage, schema: { tags, summary: 'Change name, language or status (suspending revokes sessions and tokens)', params: userIdParamsSchema, body: updateUserSchema, response: { 200: userDetailSchema } } },
    async (req) => service.update(req.actor, req.params.id, req.body, requestContext(req)),
  );

  app.post(
    '/admin/users/:id/invitation',
    { config: manage, schema: { tags, summary: 'Send the invitation again; earlier links stop working', params: userIdParamsSchema, response: { 200: mailDeliverySchema } } },
    async (req) => service.resendInvitation(req.actor, req.params.id, requestContext(req)),
  );

  app.post(
    '/admin/users/:id/grants',
    { config: manage, schema: { tags, summary: 'Grant a role (with its State or organisation scope)', params: userIdParamsSchema, body: grantInputSchema, response: { 201: userDetailSchema } } },
    async (req, reply) => reply.code(201).send(await service.addGrant(req.actor, req.params.id, req.body, requestContext(req))),
  );

  app.delete('/admin/users/:id/grants/:grantId', { config: manage, schema: { tags, summary: 'Revoke a role grant', params: grantParamsSchema, response: { 200: userDetailSchema } } }, async (req) =>
    service.removeGrant(req.actor, req.params.id, req.params.grantId, requestContext(req)),
  );

  app.post(
    '/admin/users/:id/sessions/revoke',
    { config: manage, schema: { tags, summary: "Sign the user out everywhere (revoke all the user's sessions)", params: userIdParamsSchema, response: { 200: revokedSchema } } },
    async (req) => ({ revoked: await service.revokeSessions(req.actor, req.params.id, requestContext(req)) }),
  );

  app.get('/admin/tokens', { config: manage, schema: { tags, summary: 'API tokens of all users (active ones unless active=false)', querystring: tokenListQuerySchema, response: { 200: tokenListSchema } } }, async (req) => ({
    items: await service.listTokens(req.actor, { userId: req.query.userId, activeOnly: req.query.active, limit: req.query.limit, offset: req.query.offset }),
  }));

  app.delete('/admin/tokens/:id', { config: manage, schema: { tags, summary: 'Revoke an API token', params: userIdParamsSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await service.revokeToken(req.actor, req.params.id, requestContext(req));
    return reply.code(204).send(null);
  });

  app.get('/admin/outbox', { config: manage, schema: { tags, summary: 'The mail outbox, newest first', querystring: outboxQuerySchema, response: { 200: outboxSchema } } }, async (req) =>
    service.outbox(req.actor, req.query),
  );
};

/** Public: accepting an invitation, resetting a forgotten password. */
export const accountRecoveryRoutes = (invitations: InvitationService, resets: PasswordResetService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['authentication'];
  const open = { access: { public: true as const } };

  app.get('/auth/invitation/:token', { config: open, schema: { tags, summary: 'Who a live invitation is for (404 when invalid, expired or used)', params: invitationParamsSchema, response: { 200: invitationSchema } } }, async (req) =>
    invitations.describe(req.params.token),
  );

  app.post('/auth/invitation/accept', { config: open, schema: { tags, summary: 'Accept an invitation: set the password, activate the account', body: acceptInvitationSchema, response: { 200: acceptedInvitationSchema } } }, async (req) =>
    invitations.accept(req.body.token, req.body.password, requestContext(req)),
  );

  app.post(
    '/auth/password-reset/request',
    { config: open, schema: { tags, summary: 'Mail a reset link; the same answer whether or not the account exists', body: passwordResetRequestSchema, response: { 202: passwordResetRequestedSchema } } },
    async (req, reply) => {
      await resets.request(req.body.email, requestContext(req));
      return reply.code(202).send({ message: PASSWORD_RESET_REQUESTED });
    },
  );

  app.post(
    '/auth/password-reset/complete',
    { config: open, schema: { tags, summary: "Set a new password with a reset link's token; signs out every session", body: passwordResetCompleteSchema, response: { 200: passwordResetDoneSchema } } },
    async (req) => resets.complete(req.body.token, req.body.newPassword, requestContext(req)),
  );
};

/** User administration, invitations, password resets and the audit viewer, as one plugin. */
export const administrationRoutes = (deps: AccessDependencies): FastifyPluginAsyncZod => async (app) => {
  await app.register(userAdminRoutes(new UserAdminService(deps.database, deps.settings)));
  await app.register(accountRecoveryRoutes(new InvitationService(deps.database), new PasswordResetService(deps.database, deps.settings)));
  await app.register(auditRoutes(new AuditViewerService(deps.database)));
};
