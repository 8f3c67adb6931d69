import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from './platform/db/database.ts';
import type { App } from './platform/http/app-type.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerAccessControl } from './platform/http/access-hook.ts';
import { SessionAuthenticator } from './platform/access/session-authenticator.ts';
import { accessRoutes } from './platform/access/access.routes.ts';
import type { AppSettings } from './platform/settings.ts';
import { languages } from './platform/i18n.ts';
import { demoStatus } from './platform/demo/demo.ts';
import { ReferenceService } from './modules/reference/reference.service.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { RegistryService } from './modules/registry/registry.service.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { ActivitiesService } from './modules/activities/activities.service.ts';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { activityImportRoutes } from './modules/activities/activities.import.routes.ts';
import { ActivityFilesService } from './modules/activities/iati/activity-files.ts';
import { IncidentsService } from './modules/incidents/incidents.service.ts';
import { RetentionSchedule } from './modules/incidents/retention-schedule.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { incidentImportRoutes } from './modules/incidents/incidents.import.routes.ts';
import { ImportJobs } from './modules/incidents/import/import-jobs.ts';
import { AggregatesService } from './modules/incidents/aggregates/aggregates.service.ts';
import { aggregatesRoutes } from './modules/incidents/aggregates/aggregates.routes.ts';
import { IntakeService } from './modules/incidents/intake/intake.service.ts';
import { intakeRoutes } from './modules/incidents/intake/intake.routes.ts';
import { TreatiesService } from './modules/treaties/treaties.service.ts';
import { treatiesRoutes } from './modules/treaties/treaties.routes.ts';
import { MandatesService } from './modules/mandates/mandates.service.ts';
import { mandatesRoutes } from './modules/mandates/mandates.routes.ts';
import { MonitoringService } from './modules/monitoring/monitoring.service.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';

export const VERSION = '0.1.0';
const BODY_LIMIT_BYTES = 1 << 20;

export interface AppDependencies {
  database: Database;
  logger: Logger;
  settings: AppSettings;
  /** Built web app to serve at `/`; skipped when the folder does not exist (API-only tests). */
  webDir?: string | undefined;
}

/** Builds the HTTP application. It never listens: main.ts does, tests inject. */
export async function buildApp({ database, logger, settings, webDir }: AppDependencies): Promise<App> {
  const app = Fastify({
    // typescript 7 needs this to infer FastifyBaseLogger; the linter (typescript 5.9) does not.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two checkers disagree
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a proxy that terminates HTTPS, its X-Forwarded-Proto makes cookies Secure.
    trustProxy: settings.trustProxy,
    // The correlation id: taken from a trusted proxy's header when present, else new.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,128}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  registerErrorHandling(app, { spaFallback: serveWeb });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-correlation-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  const authenticator = new SessionAuthenticator(database.db, settings);
  app.addHook('onClose', async () => authenticator.close());
  registerAccessControl(app, authenticator);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TIP Hub API',
        version: VERSION,
        description: 'Coordination platform of the Global Partnership against Slavery and Trafficking in Persons.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and which database engine is in use',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    // Answers without touching the database, so it stays responsive during a long query.
    async () => ({ status: 'ok' as const, database: database.kind }),
  );

  const reference = new ReferenceService(database.db);
  const registry = new RegistryService(database);
  const treaties = new TreatiesService(database);
  // Erases identifiers past each State's retention period: first shortly after the app is
  // ready, then every settings.retentionSweepHours; stopped (and awaited) before the database closes.
  const retention = new RetentionSchedule(() => new IncidentsService(database, settings).applyRetention(), settings.retentionSweepHours, app.log);
  app.addHook('onReady', async () => retention.start());
  app.addHook('onClose', async () => retention.stop());

  await app.register(
    async (api) => {
      api.get(
        '/meta',
        {
          config: { access: { public: true } },
          schema: {
            tags: ['platform'],
            summary: 'What this installation is',
            response: {
              200: z.object({
                name: z.literal('TIP Hub'),
                version: z.string(),
                database: z.enum(['pglite', 'postgres']),
                demo: z.boolean().describe('Demonstration data is loaded'),
                languages: z.array(z.enum(languages)),
              }),
            },
          },
        },
        async () => ({
          name: 'TIP Hub' as const,
          version: VERSION,
          database: database.kind,
          demo: (await demoStatus(database)).loaded,
          languages: [...languages],
        }),
      );
      await api.register(referenceRoutes(reference));
      await api.register(registryRoutes(registry));
      await api.register(activitiesRoutes(new ActivitiesService(database)));
      await api.register(activityImportRoutes(new ActivityFilesService(database)));
      await api.register(treatiesRoutes(treaties));
      await api.register(mandatesRoutes(new MandatesService(database)));
      await api.register(monitoringRoutes(new MonitoringService(database)));
      await api.register(incidentsRoutes(new IncidentsService(database, settings)));
      await api.register(incidentImportRoutes(new ImportJobs(database, settings, (err, jobId) => app.log.error({ err, jobId }, 'incident import failed'))));
      await api.register(aggregatesRoutes(new AggregatesService(database)));
      await api.register(intakeRoutes(new IntakeService(database)));
      await api.register(accessRoutes({ database, settings }));
    },
    { prefix: '/api/v1' },
  );

  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  return app;
}
