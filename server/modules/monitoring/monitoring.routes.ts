import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/access/request-context.ts';
import {
  activityMapSchema,
  countryParamsSchema,
  countryProfileSchema,
  organisationParamsSchema,
  roundInputSchema,
  roundListSchema,
  roundParamsSchema,
  roundSchema,
  roundUpdateSchema,
  scorecardDetailSchema,
  scorecardListQuerySchema,
  scorecardListSchema,
} from './monitoring.schema.ts';
import type { MonitoringService } from './monitoring.service.ts';

/** Monitoring and transparency: public figures (drafts only for those who may see them), the calendar for the Coordinator. */
export const monitoringRoutes = (service: MonitoringService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['monitoring'];
  const open = { access: { public: true as const } };
  const manage = { access: { permission: 'monitoring.manage_calendar' as const } };

  app.get('/monitoring/rounds', { config: open, schema: { tags, summary: 'The reporting calendar: rounds, newest first', response: { 200: roundListSchema } } }, async () => ({
    items: await service.rounds(),
  }));
  app.post(
    '/monitoring/rounds',
    { config: manage, schema: { tags, summary: 'Add a reporting round (the due date may not be before the end of the period)', body: roundInputSchema, response: { 201: roundSchema } } },
    async (req, reply) => reply.code(201).send(await service.createRound(req.actor, req.body, requestContext(req))),
  );
  app.patch(
    '/monitoring/rounds/:id',
    { config: manage, schema: { tags, summary: 'Change a reporting round', params: roundParamsSchema, body: roundUpdateSchema, response: { 200: roundSchema } } },
    async (req) => service.updateRound(req.actor, req.params.id, req.body, requestContext(req)),
  );
  app.get(
    '/monitoring/scorecards',
    { config: open, schema: { tags, summary: 'A scorecard per organisation that reports activities, sorted as asked', querystring: scorecardListQuerySchema, response: { 200: scorecardListSchema } } },
    async (req) => service.scorecards(req.actor, req.query),
  );
  app.get(
    '/monitoring/scorecards/:organisationId',
    { config: open, schema: { tags, summary: "One organisation's scorecard, with each past reporting round", params: organisationParamsSchema, response: { 200: scorecardDetailSchema } } },
    async (req) => service.scorecard(req.actor, req.params.organisationId),
  );
  app.get(
    '/monitoring/countries/:iso3',
    { config: open, schema: { tags, summary: "A country's treaty status and the activities there", params: countryParamsSchema, response: { 200: countryProfileSchema } } },
    async (req) => service.country(req.actor, req.params.iso3),
  );
  app.get('/monitoring/map', { config: open, schema: { tags, summary: 'Activities per country and pillar (for the map)', response: { 200: activityMapSchema } } }, async (req) =>
    service.activityMap(req.actor),
  );
};
