// The reporting calendar's write endpoints (permission monitoring.manage_calendar).
import type { Round, RoundInput, RoundUpdate } from '../../../server/modules/monitoring/monitoring.schema.ts';
import { request } from '../api.ts';

export type { Round, RoundInput };

export const createRound = (input: RoundInput) => request<Round>('POST', '/api/v1/monitoring/rounds', input);
export const updateRound = (id: string, changes: RoundUpdate) => request<Round>('PATCH', `/api/v1/monitoring/rounds/${encodeURIComponent(id)}`, changes);
