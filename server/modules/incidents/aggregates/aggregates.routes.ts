import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { can } from '../../../platform/access/policy.ts';
import { requestContext } from '../../../platform/access/request-context.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  areaValuesQuerySchema,
  areaValuesSchema,
  mappingListQuerySchema,
  mappingListSchema,
  mappingSchema,
  putReportSchema,
  reportListQuerySchema,
  reportListSchema,
  reportParamsSchema,
  reportSchema,
  returnReportSchema,
  setMappingSchema,
  stateParamsSchema,
  stateValuesSchema,
  summarySchema,
  valuesQuerySchema,
  versionsSchema,
} from './aggregates.schema.ts';
import type { AggregatesService } from './aggregates.service.ts';

/** Aggregate reports (counts) from States that do not send cases, and the GLOTIP name mapping. */
export const aggregatesRoutes = (service: AggregatesService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['aggregates'];
  const read = { access: { permission: 'state_reports.read' as const } };
  const submit = { access: { permission: 'state_reports.submit' as const } };
  const review = { access: { permission: 'state_reports.review' as const } };

  // The State is in the URL: an actor scoped to another State learns nothing, not even whether
  // the body would have been valid (answered before body validation; the service checks again).
  app.addHook('preValidation', async (req) => {
    const params = req.params as { state?: unknown };
    const access = req.routeOptions.config.access;
    if (typeof params.state !== 'string' || !access || !('permission' in access)) return;
    if (!can(req.actor, access.permission, { countryIso3: params.state.toUpperCase() })) {
      throw AppError.notFound(`Aggregate reports of ${params.state.toUpperCase()}`);
    }
  });

  app.get(
    '/aggregates/reports',
    { config: read, schema: { tags, summary: 'Aggregate reports the caller may read (State, year, status, version)', querystring: reportListQuerySchema, response: { 200: reportListSchema } } },
    async (req) => ({ items: await service.list(req.actor, req.query) }),
  );

  app.get(
    '/aggregates/reports/:state',
    { config: read, schema: { tags, summary: "A State's reports and current values (filters: indicator, dimension, years)", params: stateParamsSchema, querystring: valuesQuerySchema, response: { 200: stateValuesSchema } } },
    async (req) => service.stateValues(req.actor, req.params.state, req.query),
  );

  app.get(
    '/aggregates/reports/:state/summary',
    { config: read, schema: { tags, summary: 'Per indicator and year: the total and how many values were reported, suppressed or unknown', params: stateParamsSchema, querystring: valuesQuerySchema, response: { 200: summarySchema } } },
    async (req) => service.summary(req.actor, req.params.state, req.query),
  );

  app.get(
    '/aggregates/reports/:state/:year',
    { config: read, schema: { tags, summary: "One year's report with its current values", params: reportParamsSchema, response: { 200: reportSchema } } },
    async (req) => service.report(req.actor, req.params.state, req.params.year),
  );

  app.put(
    '/aggregates/reports/:state/:year',
    { config: submit, schema: { tags, summary: "Create or replace a year's report (a new version as a draft; earlier versions are kept)", params: reportParamsSchema, body: putReportSchema, response: { 200: reportSchema } } },
    async (req) => service.put(req.actor, req.params.state, req.params.year, req.body.values, requestContext(req)),
  );

  app.get(
    '/aggregates/reports/:state/:year/versions',
    { config: read, schema: { tags, summary: 'Every version of the report', params: reportParamsSchema, response: { 200: versionsSchema } } },
    async (req) => service.versions(req.actor, req.params.state, req.params.year),
  );

  app.post(
    '/aggregates/reports/:state/:year/submit',
    { config: submit, schema: { tags, summary: 'Submit to the Coordinator; refused with every validation problem listed', params: reportParamsSchema, response: { 200: reportSchema } } },
    async (req) => service.submit(req.actor, req.params.state, req.params.year, requestContext(req)),
  );

  app.post(
    '/aggregates/reports/:state/:year/accept',
    { config: review, schema: { tags, summary: 'Accept a submitted report (the Coordinator)', params: reportParamsSchema, response: { 200: reportSchema } } },
    async (req) => service.accept(req.actor, req.params.state, req.params.year, requestContext(req)),
  );

  app.post(
    '/aggregates/reports/:state/:year/return',
    { config: review, schema: { tags, summary: 'Return a submitted report to the State with comments', params: reportParamsSchema, body: returnReportSchema, response: { 200: reportSchema } } },
    async (req) => service.returnToState(req.actor, req.params.state, req.params.year, req.body.comments, requestContext(req)),
  );

  app.get(
    '/aggregates/areas',
    { config: read, schema: { tags, summary: 'Sub-regional figures (areas, not States; the Coordinator only)', querystring: areaValuesQuerySchema, response: { 200: areaValuesSchema } } },
    async (req) => service.areaValues(req.actor, req.query),
  );

  app.get(
    '/aggregates/glotip-names',
    { config: read, schema: { tags, summary: 'The GLOTIP name mapping: free-text place names → ISO codes or areas, and names met but not mapped', querystring: mappingListQuerySchema, response: { 200: mappingListSchema } } },
    async (req) => ({ items: await service.mappings(req.actor, req.query.status) }),
  );

  app.put(
    '/aggregates/glotip-names',
    { config: review, schema: { tags, summary: 'Map a name to a country, or keep it as an area (reviewed mappings win over defaults)', body: setMappingSchema, response: { 200: mappingSchema } } },
    async (req) => service.setMapping(req.actor, req.body, requestContext(req)),
  );
};
