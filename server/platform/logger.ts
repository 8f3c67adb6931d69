import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** The process logger (JSON lines on stdout); secrets and cookies are redacted. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
  });
}
