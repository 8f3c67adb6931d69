// The treaty status endpoints of /api/v1 (public).
import type { z } from 'zod';
import type { instrumentListSchema, statusListSchema } from '../../../server/modules/treaties/treaties.schema.ts';
import { request } from '../api.ts';

export type StatusList = z.infer<typeof statusListSchema>;
export type Instrument = z.infer<typeof instrumentListSchema>['items'][number];
export type CountryStatus = StatusList['items'][number];
export type TreatyStatus = CountryStatus['status'];

/** Where every recorded action can be downloaded (the server writes the CSV). */
export const exportCsvHref = '/api/v1/treaties/export.csv';

export const getInstruments = async (signal?: AbortSignal) => (await request<{ items: Instrument[] }>('GET', '/api/v1/treaties/instruments', undefined, signal)).items;
export const getStatus = (instrument: string, signal?: AbortSignal) => request<StatusList>('GET', `/api/v1/treaties/status?instrument=${encodeURIComponent(instrument)}`, undefined, signal);
