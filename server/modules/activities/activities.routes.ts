import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/access/request-context.ts';
import {
  activityIdParamsSchema,
  activityListQuerySchema,
  activityListSchema,
  activitySchema,
  createActivitySchema,
  diffQuerySchema,
  diffSchema,
  historySchema,
  importQuerySchema,
  importReportSchema,
  updateActivitySchema,
} from './activities.schema.ts';
import { activitySearchCsvQuerySchema, activitySearchQuerySchema, activitySearchResultSchema } from './activities.search.schema.ts';
import type { ActivitiesService } from './activities.service.ts';

/** IATI files are larger than API bodies (1 MiB): real publishers' files run to tens of MB. */
export const IATI_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/** The activity register: public reading of published activities, managed writes, IATI XML. */
export const activitiesRoutes = (service: ActivitiesService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['activities'];
  const publicAccess = { access: { public: true as const } };
  const manage = { access: { permission: 'activities.manage' as const } };

  // Only inside this plugin: XML bodies arrive as text for the import route.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: IATI_BODY_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  app.get(
    '/activities',
    { config: publicAccess, schema: { tags, summary: 'Activities: published ones, and drafts of the reader\'s organisation', querystring: activityListQuerySchema, response: { 200: activityListSchema } } },
    async (req) => {
      const { items, total } = await service.list(req.actor, req.query);
      return { items, total, limit: req.query.limit, offset: req.query.offset };
    },
  );

  app.get(
    '/activities/search',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Full-text search in every language, with filters; ranked hits with a highlighted snippet',
        description: 'Published activities, and drafts of the organisations where the reader may read unpublished activities.',
        querystring: activitySearchQuerySchema,
        response: { 200: activitySearchResultSchema },
      },
    },
    async (req) => service.search(req.actor, req.query),
  );

  app.get(
    '/activities/search.csv',
    {
      config: publicAccess,
      schema: { tags, summary: 'The whole result set of a search as CSV (at most 10,000 activities, best first)', querystring: activitySearchCsvQuerySchema, produces: ['text/csv'] },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tiphub-activities.csv"')
        .send(await service.searchCsv(req.actor, req.query)),
  );

  app.get(
    '/activities/export.xml',
    {
      config: publicAccess,
      schema: { tags, summary: 'Published activities as IATI 2.03 XML', querystring: z.object({ organisation: z.uuid().optional() }), produces: ['application/xml'] },
    },
    async (req, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tiphub-activities.xml"')
        .send(await service.exportIati(req.query.organisation)),
  );

  app.post(
    '/activities/import/iati',
    {
      config: manage,
      bodyLimit: IATI_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Import an IATI 2.03 activity file (XML body); a report graded per activity',
        querystring: importQuerySchema,
        body: z.string().min(1, 'an IATI XML file'),
        response: { 200: importReportSchema },
      },
    },
    async (req) => service.importIati(req.actor, req.body, { dryRun: req.query.dryRun, asOrganisationId: req.query.organisationId }, requestContext(req)),
  );

  app.get('/activities/:id', { config: publicAccess, schema: { tags, summary: 'One activity', params: activityIdParamsSchema, response: { 200: activitySchema } } }, async (req) =>
    service.get(req.actor, req.params.id),
  );

  app.get(
    '/activities/:id/history',
    { config: publicAccess, schema: { tags, summary: 'Versions of an activity', params: activityIdParamsSchema, response: { 200: historySchema } } },
    async (req) => service.history(req.actor, req.params.id),
  );

  app.get(
    '/activities/:id/diff',
    { config: publicAccess, schema: { tags, summary: 'Field-level changes between two versions', params: activityIdParamsSchema, querystring: diffQuerySchema, response: { 200: diffSchema } } },
    async (req) => service.diff(req.actor, req.params.id, req.query.from, req.query.to),
  );

  app.post(
    '/activities',
    { config: manage, schema: { tags, summary: 'Create an activity (version 1)', body: createActivitySchema, response: { 201: activitySchema } } },
    async (req, reply) => reply.code(201).send(await service.create(req.actor, req.body, requestContext(req))),
  );

  app.patch(
    '/activities/:id',
    { config: manage, schema: { tags, summary: 'Change an activity; each change makes a new version', params: activityIdParamsSchema, body: updateActivitySchema, response: { 200: activitySchema } } },
    async (req) => service.update(req.actor, req.params.id, req.body, requestContext(req)),
  );
};
