/** Stable error codes of the API; clients may rely on them. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  /** Sign-in refused: wrong email or password (the same answer whichever). */
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem in a request or a file: where it is and why it is wrong. */
export interface ErrorDetail {
  /** Field path (e.g. `body.countries.0.iso2`) or column name. */
  field?: string;
  /** 1-based line in an imported file. */
  line?: number;
  value?: unknown;
  reason: string;
}

/** The single error type of the application: a stable code, a message safe to show, details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found`);
  }
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; correlationId: string };
}
