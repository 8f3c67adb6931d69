import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationCountsSchema, organisationListQuerySchema, organisationListSchema } from './registry.schema.ts';
import type { RegistryService } from './registry.service.ts';

/** The partnership register: public list of organisations. */
export const registryRoutes = (service: RegistryService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry'];
  app.get(
    '/organisations',
    { config: { access: { public: true } }, schema: { tags, summary: 'Organisations of the partnership', querystring: organisationListQuerySchema, response: { 200: organisationListSchema } } },
    async (req) => ({ items: await service.organisations(req.query) }),
  );
  app.get('/organisations/counts', { config: { access: { public: true } }, schema: { tags, summary: 'Organisations by type', response: { 200: organisationCountsSchema } } }, async () => ({
    byType: await service.countsByType(),
  }));
};
