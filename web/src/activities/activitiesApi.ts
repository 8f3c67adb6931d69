// The activity endpoints of /api/v1: search (public; drafts only for readers allowed to see
// them), one activity, its versions and the changes between two of them.
import type { Activity, ActivityDiff } from '../../../server/modules/activities/activities.schema.ts';
import type { ActivitySearchHit, ActivitySearchResult } from '../../../server/modules/activities/activities.search.schema.ts';
import { request } from '../api.ts';

export type { Activity, ActivityDiff, ActivitySearchHit, ActivitySearchResult };
export type ActivityDocument = Activity['document'];
export interface ActivityVersion {
  version: number;
  published: boolean;
  source: string;
  changedBy: string | null;
  createdAt: string;
}

/** The search filters as the page keeps them in its address (`/activities?q=...&country=...`). */
export interface SearchFilters {
  q: string;
  country: string;
  organisation: string;
  pillar: string;
  status: string;
  from: string;
  to: string;
}

export const emptyFilters: SearchFilters = { q: '', country: '', organisation: '', pillar: '', status: '', from: '', to: '' };
export const PAGE_SIZE = 20;

/** The filters as query parameters, empty ones left out. */
export function filterParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string][]) if (value.trim()) params.set(key, value.trim());
  return params;
}

export function searchActivities(filters: SearchFilters, offset: number, signal?: AbortSignal): Promise<ActivitySearchResult> {
  const params = filterParams(filters);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(offset));
  return request<ActivitySearchResult>('GET', `/api/v1/activities/search?${params.toString()}`, undefined, signal);
}

/** Where the CSV of the whole result set is downloaded from. */
export function searchCsvUrl(filters: SearchFilters, lang: string): string {
  const params = filterParams(filters);
  params.set('lang', lang);
  return `/api/v1/activities/search.csv?${params.toString()}`;
}

export const getActivity = (id: string, signal?: AbortSignal) => request<Activity>('GET', `/api/v1/activities/${encodeURIComponent(id)}`, undefined, signal);
export const getHistory = async (id: string, signal?: AbortSignal) =>
  (await request<{ items: ActivityVersion[] }>('GET', `/api/v1/activities/${encodeURIComponent(id)}/history`, undefined, signal)).items;
export const getDiff = (id: string, from: number, to: number, signal?: AbortSignal) =>
  request<ActivityDiff>('GET', `/api/v1/activities/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`, undefined, signal);
