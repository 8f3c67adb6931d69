import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

// One-time tokens travel in links (/accept-invitation?token=..., /auth/invitation/<token>):
// they must never reach a log file.
const TOKEN_IN_URL = /(\/invitation\/)[^/?#]+|([?&]token=)[^&#]*/g;

/** A URL fit for the log: one-time tokens replaced. */
export function loggableUrl(url: string): string {
  return url.replace(TOKEN_IN_URL, (_m, path?: string, query?: string) => `${path ?? query}[redacted]`);
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  headers?: Record<string, unknown>;
}

/** The process logger (JSON lines on stdout); secrets, cookies and tokens in URLs are redacted. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    serializers: {
      // Only what helps to follow a request; never headers, so no cookie or bearer token.
      req: (req: LoggedRequest) => ({ method: req.method, url: loggableUrl(req.url ?? ''), remoteAddress: req.ip, userAgent: req.headers?.['user-agent'] }),
      err: pino.stdSerializers.err,
    },
    redact: ['*.password', '*.newPassword', '*.currentPassword', '*.token', '*.code', '*.recoveryCode'],
  });
}
