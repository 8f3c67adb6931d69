// The aggregate report endpoints of /api/v1 (state_reports.read).
import type { z } from 'zod';
import type { reportListSchema, stateValuesSchema } from '../../../server/modules/incidents/aggregates/aggregates.schema.ts';
import { request } from '../api.ts';

export type StateValues = z.infer<typeof stateValuesSchema>;
export type ValueCell = StateValues['values'][number];
export type ReportHead = z.infer<typeof reportListSchema>['items'][number];
export type AggregateValue = ValueCell['value'];

export { indicators, formCategories } from '../../../server/modules/incidents/aggregates/aggregates.values.ts';
export type { Indicator } from '../../../server/modules/incidents/aggregates/aggregates.values.ts';

export const listReports = async (signal?: AbortSignal) => (await request<{ items: ReportHead[] }>('GET', '/api/v1/aggregates/reports', undefined, signal)).items;

export const getStateValues = (state: string, indicator: string, signal?: AbortSignal) =>
  request<StateValues>('GET', `/api/v1/aggregates/reports/${encodeURIComponent(state)}?indicator=${encodeURIComponent(indicator)}`, undefined, signal);
