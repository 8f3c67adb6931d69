import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/access/request-context.ts';
import {
  activityLinksBodySchema,
  activityLinksParamsSchema,
  activityLinksSchema,
  coverageQuerySchema,
  coverageSchema,
  createMandateSchema,
  mandateIdParamsSchema,
  mandateListQuerySchema,
  mandateListSchema,
  mandateSchema,
  updateMandateSchema,
} from './mandates.schema.ts';
import type { MandatesService } from './mandates.service.ts';

/** Mandates (para 6, first function): public reading and coverage; the Coordinator manages them. */
export const mandatesRoutes = (service: MandatesService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['mandates'];
  const open = { access: { public: true as const } };
  const manage = { access: { permission: 'mandates.manage' as const } };

  app.get('/mandates', { config: open, schema: { tags, summary: 'Mandates, newest first, with how many paragraphs visible activities cover', querystring: mandateListQuerySchema, response: { 200: mandateListSchema } } }, async (req) =>
    service.list(req.actor, req.query.body),
  );

  app.get(
    '/mandates/coverage',
    {
      config: open,
      schema: { tags, summary: 'One mandate (by symbol) with, per operative paragraph, the activities that implement it', querystring: coverageQuerySchema, response: { 200: coverageSchema } },
    },
    async (req) => service.coverage(req.actor, req.query.symbol, req.query.perParagraph),
  );

  app.get('/mandates/:id', { config: open, schema: { tags, summary: 'One mandate and its operative paragraphs', params: mandateIdParamsSchema, response: { 200: mandateSchema } } }, async (req) =>
    service.get(req.params.id),
  );

  app.post('/mandates', { config: manage, schema: { tags, summary: 'Register a mandate with its operative paragraphs', body: createMandateSchema, response: { 201: mandateSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body, requestContext(req))),
  );

  app.patch(
    '/mandates/:id',
    { config: manage, schema: { tags, summary: 'Change a mandate; paragraphs, when given, replace the list', params: mandateIdParamsSchema, body: updateMandateSchema, response: { 200: mandateSchema } } },
    async (req) => service.update(req.actor, req.params.id, req.body, requestContext(req)),
  );

  app.put(
    '/activities/:id/mandate-links',
    {
      config: { access: { permission: 'activities.manage' as const } },
      schema: {
        tags: ['activities', ...tags],
        summary: 'Replace the paragraphs an activity implements (makes a new activity version)',
        params: activityLinksParamsSchema,
        body: activityLinksBodySchema,
        response: { 200: activityLinksSchema },
      },
    },
    async (req) => service.setActivityLinks(req.actor, req.params.id, req.body.references, requestContext(req)),
  );
};
