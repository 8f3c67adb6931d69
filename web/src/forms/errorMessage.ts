import { ApiError } from '../api.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';

/** Translations by API error code; a form may override some (sign-in says "wrong email or password"). */
export type ErrorMessages = Partial<Record<string, MessageKey>>;

const byCode: ErrorMessages = {
  VALIDATION_FAILED: 'error.validation',
  BAD_REQUEST: 'error.validation',
  UNAUTHENTICATED: 'error.unauthenticated',
  INVALID_CREDENTIALS: 'error.invalidCredentials',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  CONFLICT: 'error.conflict',
  NETWORK: 'error.network',
};

/** A sentence for the reader, in their language, for any failure of an API call. */
export function errorMessage(t: I18n['t'], error: unknown, overrides: ErrorMessages = {}): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter ? t('error.rateLimitedWait', { seconds: error.retryAfter }) : t('error.rateLimited');
  }
  const key = overrides[error.code] ?? byCode[error.code];
  return key ? t(key) : t('error.generic');
}

/** The API's reason for one field (its path ends with `name`: "body.email" for "email"). */
export function fieldReason(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => d.field === name || d.field?.endsWith(`.${name}`))?.reason;
}
