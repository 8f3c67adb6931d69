import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access/policy.ts';
import { requestContext } from '../../platform/access/request-context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  caseContentSchema,
  caseListQuerySchema,
  caseListSchema,
  caseParamsSchema,
  caseReadQuerySchema,
  caseSchema,
  createCaseSchema,
  duplicatesSchema,
  retentionInputSchema,
  retentionSchema,
  returnCaseSchema,
  shareCaseSchema,
  shareParamsSchema,
  sharesSchema,
  stateParamsSchema,
  statisticsQuerySchema,
  statisticsSchema,
  sharedCaseListSchema,
  versionsSchema,
} from './incidents.schema.ts';
import type { IncidentsService } from './incidents.service.ts';

/** How a State's own case system uses this API; shown on the intake endpoints of the OpenAPI document. */
const API_TOKENS = [
  "A State's own case-management system reports with an API token instead of a browser session:",
  'a focal point creates one at `POST /api/v1/me/tokens` with `permissions: ["state_reports.submit"]`',
  '(add `state_reports.read` to read cases back) and sends it as `Authorization: Bearer <token>`;',
  'no CSRF header is needed with a token. The token acts for its owner and only within the owner\'s State.',
  'Typical flow: `POST /incidents/cases` (a draft), `PATCH /incidents/cases/{state}/{id}` to correct it',
  '(each correction is a new version), `POST /incidents/cases/{state}/{id}/submit`; a refused submission',
  'answers 400 with every problem as `{ field, reason }`. `externalId` makes a re-sent case a 409, not a duplicate.',
  'Identifiers (names, numbers, birth date, contact) are encrypted at rest and never returned in lists.',
].join(' ');

/** Case-level incident reports from States' focal points and their systems (API tokens). */
export const incidentsRoutes = (service: IncidentsService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['incidents'];
  const submit = { access: { permission: 'state_reports.submit' as const } };
  const review = { access: { permission: 'state_reports.review' as const } };

  // The State is in the URL: an actor scoped to another State learns nothing, not even whether
  // the body would have been valid (answered before body validation; the service checks again).
  app.addHook('preValidation', async (req) => {
    const params = req.params as { state?: unknown; id?: unknown };
    const access = req.routeOptions.config.access;
    if (typeof params.state !== 'string' || !access || !('permission' in access)) return;
    if (!can(req.actor, access.permission, { countryIso3: params.state.toUpperCase() })) {
      throw AppError.notFound(`Case ${params.state.toUpperCase()}/${String(params.id)}`);
    }
  });

  app.post(
    '/incidents/cases',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Report a case (saved as a draft, version 1)',
        description: API_TOKENS,
        body: createCaseSchema,
        response: { 201: caseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor, req.body, requestContext(req))),
  );

  app.get(
    '/incidents/cases',
    { config: { access: { permission: 'cases.read_deidentified' } }, schema: { tags, summary: 'Cases the caller may read (de-identified summaries)', querystring: caseListQuerySchema, response: { 200: caseListSchema } } },
    async (req) => {
      const { items, total } = await service.list(req.actor, req.query, requestContext(req));
      return { items, total, limit: req.query.limit, offset: req.query.offset };
    },
  );

  app.get(
    '/incidents/cases/:state/:id',
    {
      config: { access: { permission: 'cases.read_deidentified' } },
      schema: { tags, summary: 'One case, de-identified unless ?identified=true (audited)', params: caseParamsSchema, querystring: caseReadQuerySchema, response: { 200: caseSchema } },
    },
    async (req) => service.get(req.actor, req.params.state, req.params.id, req.query.identified, requestContext(req)),
  );

  app.get(
    '/incidents/cases/:state/:id/versions',
    { config: { access: { permission: 'state_reports.read' } }, schema: { tags, summary: 'Every version of the case document (de-identified)', params: caseParamsSchema, response: { 200: versionsSchema } } },
    async (req) => service.versions(req.actor, req.params.state, req.params.id, requestContext(req)),
  );

  app.patch(
    '/incidents/cases/:state/:id',
    { config: submit, schema: { tags, summary: 'Correct a draft or returned case (a new version; nothing is overwritten)', params: caseParamsSchema, body: caseContentSchema, response: { 200: caseSchema } } },
    async (req) => service.update(req.actor, req.params.state, req.params.id, req.body, requestContext(req)),
  );

  app.post(
    '/incidents/cases/:state/:id/submit',
    { config: submit, schema: { tags, summary: 'Submit to the Coordinator; refused with every validation problem listed', description: API_TOKENS, params: caseParamsSchema, response: { 200: caseSchema } } },
    async (req) => service.submit(req.actor, req.params.state, req.params.id, requestContext(req)),
  );

  app.post(
    '/incidents/cases/:state/:id/accept',
    { config: review, schema: { tags, summary: 'Accept a submitted case (the Coordinator)', params: caseParamsSchema, response: { 200: caseSchema } } },
    async (req) => service.accept(req.actor, req.params.state, req.params.id, requestContext(req)),
  );

  app.post(
    '/incidents/cases/:state/:id/return',
    { config: review, schema: { tags, summary: 'Return a submitted case to the State with comments', params: caseParamsSchema, body: returnCaseSchema, response: { 200: caseSchema } } },
    async (req) => service.returnToState(req.actor, req.params.state, req.params.id, req.body.comments, requestContext(req)),
  );

  app.post(
    '/incidents/cases/:state/:id/shares',
    { config: submit, schema: { tags, summary: 'Share a case with an organisation (only consenting victims are shown to it)', params: caseParamsSchema, body: shareCaseSchema, response: { 200: z.object({ shared: z.literal(true) }) } } },
    async (req) => service.share(req.actor, req.params.state, req.params.id, req.body.organisationId, requestContext(req)),
  );

  app.get(
    '/incidents/cases/:state/:id/shares',
    { config: submit, schema: { tags, summary: 'The organisations the case is shared with', params: caseParamsSchema, response: { 200: sharesSchema } } },
    async (req) => service.shares(req.actor, req.params.state, req.params.id, requestContext(req)),
  );

  app.delete(
    '/incidents/cases/:state/:id/shares/:organisationId',
    { config: submit, schema: { tags, summary: 'Revoke a share: the organisation no longer sees the case (audited)', params: shareParamsSchema, response: { 200: z.object({ revoked: z.literal(true) }) } } },
    async (req) => service.revokeShare(req.actor, req.params.state, req.params.id, req.params.organisationId, requestContext(req)),
  );

  app.get(
    '/incidents/states/:state/statistics',
    {
      config: { access: { permission: 'state_reports.read' } },
      schema: { tags, summary: "A State's own counts by year, form, sex and age band (victims with consent to count)", params: stateParamsSchema, querystring: statisticsQuerySchema, response: { 200: statisticsSchema } },
    },
    async (req) => service.stateStatistics(req.actor, req.params.state, req.query.status, requestContext(req)),
  );

  app.get(
    '/incidents/states/:state/retention',
    { config: submit, schema: { tags, summary: "The State's retention period for identifiers", params: stateParamsSchema, response: { 200: retentionSchema } } },
    async (req) => service.retention(req.actor, req.params.state),
  );

  app.put(
    '/incidents/states/:state/retention',
    {
      config: submit,
      schema: {
        tags,
        summary: "Set the State's retention period (its focal points and the Coordinator's administrators; audited)",
        description: 'After this many years from reporting, `tiphub incidents retention apply` erases the identifiers and person keys of its cases; the de-identified rest is kept.',
        params: stateParamsSchema,
        body: retentionInputSchema,
        response: { 200: retentionSchema },
      },
    },
    async (req) => service.updateRetention(req.actor, req.params.state, req.body.retentionYears, requestContext(req)),
  );

  app.get(
    '/incidents/shared-cases',
    { config: { access: { permission: 'submissions.read_shared' } }, schema: { tags, summary: "Cases States shared with the caller's organisation (de-identified, consenting victims only)", response: { 200: sharedCaseListSchema } } },
    async (req) => service.sharedWithMe(req.actor, requestContext(req)),
  );

  app.get(
    '/incidents/duplicates',
    { config: { access: { permission: 'cases.read_deidentified' } }, schema: { tags, summary: 'Person keys seen in more than one case (Coordinator only; no identifiers)', response: { 200: duplicatesSchema } } },
    async (req) => service.duplicates(req.actor, requestContext(req)),
  );
};
