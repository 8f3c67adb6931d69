// The mandates endpoints of /api/v1: public reading (drafts count only for readers allowed to
// see them) and, with mandates.manage, registering and changing a mandate.
import type { Coverage, CreateMandateInput, Mandate, MandateList, UpdateMandateInput } from '../../../server/modules/mandates/mandates.schema.ts';
import { request } from '../api.ts';

export type { Coverage, Mandate, MandateList, UpdateMandateInput };
export type MandateBody = MandateList['items'][number]['body'];
export const mandateBodies: readonly MandateBody[] = ['general_assembly', 'ecosoc', 'ccpcj', 'cop_untoc', 'hrc'];

/** What the form sends: `demonstrationSummaries` may be left out (the server defaults it). */
export type MandateInput = Omit<CreateMandateInput, 'demonstrationSummaries'> & { demonstrationSummaries?: boolean };

/** Activities listed under each paragraph; the page says how many more there are. */
export const ACTIVITIES_PER_PARAGRAPH = 10;

export const getMandates = (body: MandateBody | null, signal?: AbortSignal) =>
  request<MandateList>('GET', `/api/v1/mandates${body ? `?body=${encodeURIComponent(body)}` : ''}`, undefined, signal);
export const getCoverage = (symbol: string, signal?: AbortSignal) =>
  request<Coverage>('GET', `/api/v1/mandates/coverage?symbol=${encodeURIComponent(symbol)}&perParagraph=${ACTIVITIES_PER_PARAGRAPH}`, undefined, signal);
export const getMandate = (id: string, signal?: AbortSignal) => request<Mandate>('GET', `/api/v1/mandates/${encodeURIComponent(id)}`, undefined, signal);
export const createMandate = (input: MandateInput) => request<Mandate>('POST', '/api/v1/mandates', input);
export const updateMandate = (id: string, input: UpdateMandateInput) => request<Mandate>('PATCH', `/api/v1/mandates/${encodeURIComponent(id)}`, input);
