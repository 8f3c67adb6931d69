// The browser's view of the TIP Hub HTTP API: response types as the server documents them
// (see /api/docs) and one fetch helper that turns every failure into an ApiError.
import type { Language, LocalizedNames } from './i18n/languages.ts';

export interface Meta {
  name: string;
  version: string;
  database: 'pglite' | 'postgres';
  demo: boolean;
  languages: Language[];
}

export interface Region {
  /** M49 code, three characters ("002"). */
  code: string;
  type: 'region' | 'subregion' | 'intermediate';
  parentCode: string | null;
  names: LocalizedNames;
}

export interface Country {
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric = M49 code, three characters ("004"). */
  numeric: string;
  names: LocalizedNames;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  unMember: boolean;
}

/** One problem with one field of a request, as the API reports it (`field` like "body.email"). */
export interface ErrorDetail {
  field?: string;
  reason: string;
}

interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[]; correlationId?: string };
}

/** A failed call: `code` is the API's stable error code, or NETWORK / BAD_RESPONSE from here. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly correlationId: string | undefined,
    readonly details: readonly ErrorDetail[] = [],
    /** Seconds to wait before trying again (from Retry-After on 429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The session's CSRF token: the one place that knows it, so every cookie-authenticated write
// carries it without each caller remembering. Set from GET /auth/session and sign-in.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API; non-GET requests send the CSRF header and a JSON body. 204 answers give undefined. */
export async function request<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('NETWORK', `Could not reach ${path}`, undefined, undefined);
  }
  const text = await response.text().catch(() => '');
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = isErrorBody(parsed) ? parsed.error : undefined;
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiError(
      error?.code ?? 'BAD_RESPONSE',
      error?.message ?? `${path} answered ${response.status}`,
      response.status,
      error?.correlationId,
      error?.details ?? [],
      retryAfter,
    );
  }
  if (text && parsed === undefined) throw new ApiError('BAD_RESPONSE', `${path} did not answer JSON`, response.status, undefined);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, undefined, signal);
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null;
}

export function getMeta(signal?: AbortSignal): Promise<Meta> {
  return getJson<Meta>('/api/v1/meta', signal);
}

export async function getRegions(signal?: AbortSignal): Promise<Region[]> {
  return (await getJson<{ items: Region[] }>('/api/v1/reference/regions', signal)).items;
}

export async function getCountries(signal?: AbortSignal): Promise<Country[]> {
  return (await getJson<{ items: Country[] }>('/api/v1/reference/countries', signal)).items;
}

export type OrganisationType = 'secretariat' | 'state_body' | 'un_entity' | 'igo' | 'ngo' | 'research' | 'donor' | 'private_sector';

export interface Organisation {
  id: string;
  type: OrganisationType;
  name: string;
  acronym: string | null;
  countryIso3: string | null;
}

export async function getOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  return (await getJson<{ items: Organisation[] }>('/api/v1/organisations', signal)).items;
}
