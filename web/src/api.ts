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

interface ErrorBody {
  error: { code: string; message: string; correlationId?: string };
}

/** A failed call: `code` is the API's stable error code, or NETWORK / BAD_RESPONSE from here. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly correlationId: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('NETWORK', `Could not reach ${path}`, undefined, undefined);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = isErrorBody(body) ? body.error : undefined;
    throw new ApiError(error?.code ?? 'BAD_RESPONSE', error?.message ?? `${path} answered ${response.status}`, response.status, error?.correlationId);
  }
  if (body === undefined) throw new ApiError('BAD_RESPONSE', `${path} did not answer JSON`, response.status, undefined);
  return body as T;
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
