import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/access/request-context.ts';
import {
  addMembershipSchema,
  createOrganisationSchema,
  endMembershipSchema,
  focalPointListSchema,
  membershipParamsSchema,
  organisationCountsSchema,
  organisationDetailSchema,
  organisationIdParamsSchema,
  organisationListQuerySchema,
  organisationListSchema,
  updateOrganisationSchema,
} from './registry.schema.ts';
import type { RegistryService } from './registry.service.ts';

/** The partnership register: organisations, their memberships and focal points. */
export const registryRoutes = (service: RegistryService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry'];
  const manage = { access: { permission: 'organisations.manage' as const } };
  app.get(
    '/organisations',
    { config: { access: { public: true } }, schema: { tags, summary: 'Organisations of the partnership, filtered and searched', querystring: organisationListQuerySchema, response: { 200: organisationListSchema } } },
    async (req) => service.organisations(req.query),
  );
  app.get('/organisations/counts', { config: { access: { public: true } }, schema: { tags, summary: 'Organisations by type', response: { 200: organisationCountsSchema } } }, async () => ({
    byType: await service.countsByType(),
  }));
  app.get(
    '/organisations/:id',
    { config: { access: { public: true } }, schema: { tags, summary: 'One organisation with names, aliases and memberships', params: organisationIdParamsSchema, response: { 200: organisationDetailSchema } } },
    async (req) => service.organisation(req.params.id),
  );
  app.post(
    '/organisations',
    {
      config: manage,
      schema: { tags, summary: 'Register an organisation (409 CONFLICT lists look-alikes unless confirmDuplicate)', body: createOrganisationSchema, response: { 201: organisationDetailSchema } },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.actor, req.body, requestContext(req))),
  );
  app.patch(
    '/organisations/:id',
    { config: manage, schema: { tags, summary: 'Change an organisation', params: organisationIdParamsSchema, body: updateOrganisationSchema, response: { 200: organisationDetailSchema } } },
    async (req) => service.update(req.actor, req.params.id, req.body, requestContext(req)),
  );
  app.post(
    '/organisations/:id/memberships',
    {
      config: manage,
      schema: { tags, summary: 'Record joining the Global Partnership or the IAWG', params: organisationIdParamsSchema, body: addMembershipSchema, response: { 201: organisationDetailSchema } },
    },
    async (req, reply) => reply.code(201).send(await service.addMembership(req.actor, req.params.id, req.body, requestContext(req))),
  );
  app.post(
    '/organisations/:id/memberships/:membershipId/end',
    { config: manage, schema: { tags, summary: 'End a current membership', params: membershipParamsSchema, body: endMembershipSchema, response: { 200: organisationDetailSchema } } },
    async (req) => service.endMembership(req.actor, req.params.id, req.params.membershipId, req.body, requestContext(req)),
  );
  app.get(
    '/organisations/:id/focal-points',
    {
      config: { access: { signedIn: true } },
      schema: { tags, summary: "The organisation's users and their roles (its own users and the secretariat only)", params: organisationIdParamsSchema, response: { 200: focalPointListSchema } },
    },
    async (req) => ({ items: await service.focalPoints(req.actor, req.params.id) }),
  );
};
