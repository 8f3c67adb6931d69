// The monitoring endpoints of /api/v1 (public; drafts only for readers allowed to see them).
import type { ActivityMap, CountryProfile, Round, Scorecard, ScorecardList } from '../../../server/modules/monitoring/monitoring.schema.ts';
import { request } from '../api.ts';

export type { ActivityMap, CountryProfile, Round, Scorecard, ScorecardList };
export type ScorecardDetail = Scorecard & { asOf: string; requiredFields: ScorecardList['requiredFields'] };
export type RequiredField = ScorecardList['requiredFields'][number];

export const getActivityMap = (signal?: AbortSignal) => request<ActivityMap>('GET', '/api/v1/monitoring/map', undefined, signal);
export const getScorecards = (signal?: AbortSignal) => request<ScorecardList>('GET', '/api/v1/monitoring/scorecards', undefined, signal);
export const getScorecard = (organisationId: string, signal?: AbortSignal) =>
  request<ScorecardDetail>('GET', `/api/v1/monitoring/scorecards/${encodeURIComponent(organisationId)}`, undefined, signal);
export const getCountryProfile = (iso3: string, signal?: AbortSignal) =>
  request<CountryProfile>('GET', `/api/v1/monitoring/countries/${encodeURIComponent(iso3)}`, undefined, signal);
export const getRounds = async (signal?: AbortSignal) => (await request<{ items: Round[] }>('GET', '/api/v1/monitoring/rounds', undefined, signal)).items;
