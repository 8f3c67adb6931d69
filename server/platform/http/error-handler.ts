import type { FastifyError } from 'fastify';
import type { App } from './app-type.ts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail } from '../errors.ts';

// Fastify's own client errors, by code, and what we call them.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** One place that turns every thrown thing into `{ error: { code, message, correlationId } }`. */
export function registerErrorHandling(app: App, options: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const body = (code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody => ({
      error: { code, message, ...(details?.length ? { details } : {}), correlationId: req.id },
    });

    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // The library's own type for these resolves to `any` under NodeNext; name the shape we use.
      const issues = err.validation as readonly { instancePath: string; message?: string }[];
      const details = issues.map((v) => ({
        field: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        reason: v.message ?? 'is not valid',
      }));
      return reply.code(400).send(body('VALIDATION_FAILED', 'The request is not valid', details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, cause: err.cause }, 'response does not match its schema');
      return reply.code(500).send(body('INTERNAL', 'Something went wrong on our side. Quote the correlation id when reporting it.'));
    }
    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) return reply.code(errorStatus[known]).send(body(known, err.message));
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body('BAD_REQUEST', err.message));
    }
    // Everything else is our fault: log it whole, answer with nothing internal.
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'Something went wrong on our side. Quote the correlation id when reporting it.'));
  });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app: any other GET outside /api gets its page.
    if (options.spaFallback && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}`, correlationId: req.id } };
    return reply.code(404).send(body);
  });
}
