// The mandates endpoints of /api/v1 (public; drafts count only for readers allowed to see them).
import type { Coverage, MandateList } from '../../../server/modules/mandates/mandates.schema.ts';
import { request } from '../api.ts';

export type { Coverage, MandateList };
export type MandateBody = MandateList['items'][number]['body'];
export const mandateBodies: readonly MandateBody[] = ['general_assembly', 'ecosoc', 'ccpcj', 'cop_untoc', 'hrc'];

/** Activities listed under each paragraph; the page says how many more there are. */
export const ACTIVITIES_PER_PARAGRAPH = 10;

export const getMandates = (body: MandateBody | null, signal?: AbortSignal) =>
  request<MandateList>('GET', `/api/v1/mandates${body ? `?body=${encodeURIComponent(body)}` : ''}`, undefined, signal);
export const getCoverage = (symbol: string, signal?: AbortSignal) =>
  request<Coverage>('GET', `/api/v1/mandates/coverage?symbol=${encodeURIComponent(symbol)}&perParagraph=${ACTIVITIES_PER_PARAGRAPH}`, undefined, signal);
