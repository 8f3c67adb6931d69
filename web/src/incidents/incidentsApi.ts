// The incident-report endpoints of /api/v1, typed from the server's own schemas.
import type { z } from 'zod';
import type { Intake } from '../../../server/modules/incidents/intake/intake.schema.ts';
import type { CaseContent, CaseSummary, CaseView, retentionSchema, sharesSchema, statisticsSchema } from '../../../server/modules/incidents/incidents.schema.ts';
import type { CaseStatus } from '../../../server/modules/incidents/incidents.values.ts';
import { request } from '../api.ts';

export type { CaseContent, CaseSummary, CaseView, Intake, CaseStatus };
export type Statistics = z.infer<typeof statisticsSchema>;
export type Shares = z.infer<typeof sharesSchema>;
export type Retention = z.infer<typeof retentionSchema>;

export interface CaseFilter {
  state: string;
  status: CaseStatus | '';
  year: string;
}

export function listCases(filter: CaseFilter, signal?: AbortSignal) {
  const q = new URLSearchParams({ state: filter.state, limit: '200' });
  if (filter.status) q.set('status', filter.status);
  if (filter.year) q.set('year', filter.year);
  return request<{ items: CaseSummary[]; total: number }>('GET', `/api/v1/incidents/cases?${q.toString()}`, undefined, signal);
}

export const getStatistics = (state: string, signal?: AbortSignal) =>
  request<Statistics>('GET', `/api/v1/incidents/states/${encodeURIComponent(state)}/statistics`, undefined, signal);

export const getCase = (state: string, id: string, signal?: AbortSignal) =>
  request<CaseView>('GET', `/api/v1/incidents/cases/${encodeURIComponent(state)}/${encodeURIComponent(id)}`, undefined, signal);

export const createCase = (state: string, content: CaseContent) => request<CaseView>('POST', '/api/v1/incidents/cases', { reportingState: state, ...content });

export const updateCase = (state: string, id: string, content: CaseContent) =>
  request<CaseView>('PATCH', `/api/v1/incidents/cases/${encodeURIComponent(state)}/${encodeURIComponent(id)}`, content);

export const submitCase = (state: string, id: string) => request<CaseView>('POST', `/api/v1/incidents/cases/${encodeURIComponent(state)}/${encodeURIComponent(id)}/submit`);

export function getIntake(fromYear: number, toYear: number, signal?: AbortSignal) {
  return request<Intake>('GET', `/api/v1/incidents/intake?fromYear=${fromYear}&toYear=${toYear}`, undefined, signal);
}

const casePath = (state: string, id: string) => `/api/v1/incidents/cases/${encodeURIComponent(state)}/${encodeURIComponent(id)}`;

export const listShares = (state: string, id: string, signal?: AbortSignal) => request<Shares>('GET', `${casePath(state, id)}/shares`, undefined, signal);

export const shareCase = (state: string, id: string, organisationId: string) => request<{ shared: true }>('POST', `${casePath(state, id)}/shares`, { organisationId });

export const revokeShare = (state: string, id: string, organisationId: string) => request<{ revoked: true }>('DELETE', `${casePath(state, id)}/shares/${encodeURIComponent(organisationId)}`);

const retentionPath = (state: string) => `/api/v1/incidents/states/${encodeURIComponent(state)}/retention`;

export const getRetention = (state: string, signal?: AbortSignal) => request<Retention>('GET', retentionPath(state), undefined, signal);

export const setRetention = (state: string, retentionYears: number | null) => request<Retention>('PUT', retentionPath(state), { retentionYears });
