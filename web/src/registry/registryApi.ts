// The organisations registry endpoints of /api/v1 (the directory is public; focal points need a session).
import type { z } from 'zod';
import type {
  CreateOrganisationInput,
  createOrganisationSchema,
  FocalPoint,
  Organisation,
  OrganisationDetail,
  organisationListQuerySchema,
} from '../../../server/modules/registry/registry.schema.ts';
import { organisationTypes, membershipBodies } from '../../../server/modules/registry/registry.tables.ts';
import { ApiError, request } from '../api.ts';

export type { FocalPoint, Organisation, OrganisationDetail };
export type OrganisationFilters = Partial<Pick<z.input<typeof organisationListQuerySchema>, 'type' | 'country' | 'q' | 'member'>>;
export type NewOrganisation = Omit<z.input<typeof createOrganisationSchema>, 'confirmDuplicate'>;
export type { CreateOrganisationInput };
export { membershipBodies, organisationTypes };

export function listOrganisations(filters: OrganisationFilters, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  const query = params.toString();
  return request<{ items: Organisation[]; total: number }>('GET', `/api/v1/organisations${query ? `?${query}` : ''}`, undefined, signal);
}
export const getOrganisation = (id: string, signal?: AbortSignal) => request<OrganisationDetail>('GET', `/api/v1/organisations/${encodeURIComponent(id)}`, undefined, signal);
export const getFocalPoints = async (id: string, signal?: AbortSignal) =>
  (await request<{ items: FocalPoint[] }>('GET', `/api/v1/organisations/${encodeURIComponent(id)}/focal-points`, undefined, signal)).items;
export const createOrganisation = (input: NewOrganisation, confirmDuplicate: boolean) => request<OrganisationDetail>('POST', '/api/v1/organisations', { ...input, confirmDuplicate });

/** A look-alike the API names in its 409 answer (`details[].value`). */
export interface LookAlike {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  countryIso3: string | null;
  similarity: number;
  acronymMatch: boolean;
  /** The API's explanation, in English. */
  reason: string;
}

/** The look-alikes of a 409 CONFLICT answer to a create; empty for any other failure. */
export function lookAlikesOf(error: unknown): LookAlike[] {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return [];
  return error.details.flatMap((d) => {
    const value = (d as { value?: unknown }).value;
    if (typeof value !== 'object' || value === null || !('id' in value) || !('name' in value)) return [];
    return [{ ...(value as Omit<LookAlike, 'reason'>), reason: d.reason }];
  });
}
