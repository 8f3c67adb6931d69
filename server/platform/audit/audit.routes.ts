import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../access/request-context.ts';
import { AUDIT_ACTIONS, isAuditAction } from './audit.actions.ts';
import type { AuditViewerService } from './audit.viewer.ts';

const dateTime = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((v) => new Date(v));

const eventsQuerySchema = z.object({
  actor: z.uuid().optional().describe("The acting user's id"),
  action: z
    .string()
    .optional()
    .describe(`One action or several, comma-separated: ${AUDIT_ACTIONS.join(', ')}`)
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(',').map((a) => a.trim()).filter(Boolean);
      const unknown = list.filter((a) => !isAuditAction(a));
      if (unknown.length) {
        ctx.addIssue({ code: 'custom', message: `unknown action ${unknown.join(', ')}` });
        return z.NEVER;
      }
      return list.filter(isAuditAction);
    }),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: dateTime.optional().describe('Inclusive; ISO 8601 date or date-time'),
  to: dateTime.optional().describe('Exclusive; ISO 8601 date or date-time'),
  before: z.coerce.number().int().min(1).optional().describe("Paging: the previous page's nextBefore"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const eventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string().nullable(),
  hash: z.string(),
});

const verificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int(), lastId: z.number().int(), headHash: z.string() }),
  z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.string(), checked: z.number().int() }),
]);

/** The audit viewer: auditors and administrators (permission audit.read). */
export const auditRoutes = (service: AuditViewerService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['audit'];
  const config = { access: { permission: 'audit.read' as const } };
  app.get(
    '/audit/events',
    { config, schema: { tags, summary: 'Audit events, newest first, filtered; the read is itself audited', querystring: eventsQuerySchema, response: { 200: z.object({ events: z.array(eventSchema), nextBefore: z.number().int().nullable() }) } } },
    async (req) => {
      const { action, ...rest } = req.query;
      return service.events(req.actor, { ...rest, actions: action }, requestContext(req));
    },
  );
  app.get('/audit/verify', { config, schema: { tags, summary: "Recompute the audit log's hash chain", response: { 200: verificationSchema } } }, async (req) => service.verify(req.actor, requestContext(req)));
};
