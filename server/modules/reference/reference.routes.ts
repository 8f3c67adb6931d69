import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countryListSchema, countryParamsSchema, countrySchema, regionListSchema } from './reference.schema.ts';
import type { ReferenceService } from './reference.service.ts';

/** Public reference data: M49 regions and countries with names in the six UN languages. */
export const referenceRoutes = (service: ReferenceService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['reference'];
  app.get('/reference/regions', { config: { access: { public: true } }, schema: { tags, summary: 'UN M49 regions and sub-regions', response: { 200: regionListSchema } } }, async () => ({
    items: await service.regions(),
  }));
  app.get('/reference/countries', { config: { access: { public: true } }, schema: { tags, summary: 'Countries and areas (ISO 3166-1, M49)', response: { 200: countryListSchema } } }, async () => ({
    items: await service.countries(),
  }));
  app.get(
    '/reference/countries/:code',
    { config: { access: { public: true } }, schema: { tags, summary: 'One country by ISO alpha-2, alpha-3 or numeric code', params: countryParamsSchema, response: { 200: countrySchema } } },
    async (req) => service.country(req.params.code),
  );
};
