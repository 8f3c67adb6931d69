import { AppError } from '../errors.ts';

/** Too many attempts: answered 429 with a Retry-After header (seconds). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** The one answer to any failed sign-in, whatever the reason, so it tells nothing about accounts. */
export const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'The email address or password is not correct');
