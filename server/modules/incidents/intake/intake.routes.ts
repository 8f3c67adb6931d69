import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContext } from '../../../platform/access/request-context.ts';
import { intakeQuerySchema, intakeSchema } from './intake.schema.ts';
import type { IntakeService } from './intake.service.ts';

/** The Coordinator's intake dashboard (global state_reports.read only; scoped readers get 403). */
export const intakeRoutes = (service: IntakeService): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/incidents/intake',
    {
      config: { access: { permission: 'state_reports.read' } },
      schema: {
        tags: ['incidents'],
        summary: 'Intake dashboard: States × years with counts, completeness, timeliness, open problems (the Coordinator)',
        querystring: intakeQuerySchema,
        response: { 200: intakeSchema },
      },
    },
    async (req) => service.dashboard(req.actor, req.query, requestContext(req)),
  );
};
