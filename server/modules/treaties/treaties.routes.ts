import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/access/request-context.ts';
import {
  actionInputSchema,
  actionKeyParamsSchema,
  countryParamsSchema,
  countryTreatiesSchema,
  importQuerySchema,
  importResultSchema,
  instrumentListSchema,
  instrumentQuerySchema,
  statusListSchema,
} from './treaties.schema.ts';
import type { TreatiesService } from './treaties.service.ts';

/** Treaty status (para 2): public views, changes and CSV import for the secretariat, CSV export. */
export const treatiesRoutes = (service: TreatiesService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['treaties'];
  const open = { access: { public: true as const } };
  const manage = { access: { permission: 'organisations.manage' as const } };
  // CSV bodies arrive as text; the 1 MiB body limit of the app applies.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get('/treaties/instruments', { config: open, schema: { tags, summary: 'The instruments tracked, with names in the six UN languages', response: { 200: instrumentListSchema } } }, async () => ({
    items: await service.instruments(),
  }));
  app.get(
    '/treaties/status',
    { config: open, schema: { tags, summary: "Every State's standing on one instrument (for the map)", querystring: instrumentQuerySchema, response: { 200: statusListSchema } } },
    async (req) => service.status(req.query.instrument),
  );
  app.get(
    '/treaties/not-party',
    { config: open, schema: { tags, summary: 'States not yet party to one instrument, signatories first', querystring: instrumentQuerySchema, response: { 200: statusListSchema } } },
    async (req) => service.notParty(req.query.instrument),
  );
  app.get(
    '/treaties/countries/:iso3',
    { config: open, schema: { tags, summary: "One State's standing and actions on every instrument", params: countryParamsSchema, response: { 200: countryTreatiesSchema } } },
    async (req) => service.country(req.params.iso3),
  );
  app.get(
    '/treaties/export.csv',
    { config: open, schema: { tags, summary: 'Every recorded action as CSV (country_iso3,instrument,action,date,notes,demo)', produces: ['text/csv'] } },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="treaty-actions.csv"')
        .send(await service.exportCsv()),
  );
  app.post(
    '/treaties/actions',
    { config: manage, schema: { tags, summary: "Record a State's signature, ratification, accession, ...", body: actionInputSchema, response: { 201: countryTreatiesSchema } } },
    async (req, reply) => reply.code(201).send(await service.addAction(req.actor, req.body, requestContext(req))),
  );
  app.delete(
    '/treaties/actions/:iso3/:instrument/:action/:date',
    { config: manage, schema: { tags, summary: 'Delete a recorded action (to correct a mistake)', params: actionKeyParamsSchema, response: { 200: countryTreatiesSchema } } },
    async (req) =>
      service.removeAction(req.actor, { country_iso3: req.params.iso3, instrument: req.params.instrument, action: req.params.action, action_date: req.params.date }, requestContext(req)),
  );
  app.post(
    '/treaties/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Import actions from CSV (country_iso3,instrument,action,date,notes): all rows or none; re-importing changes nothing',
        consumes: ['text/csv'],
        querystring: importQuerySchema,
        body: z.string().describe('CSV text with a header row'),
        response: { 200: importResultSchema },
      },
    },
    async (req) => service.importCsv(req.actor, req.body, { dryRun: req.query.dryRun, source: 'api' }, requestContext(req)),
  );
};
