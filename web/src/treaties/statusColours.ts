import type { TreatyStatus } from './treatiesApi.ts';

/**
 * Colours of the treaty status map: blue, orange and dark grey stay distinct for the common
 * colour-vision deficiencies; shapes with no State (or no data) are the lightest grey.
 */
export const statusColours: Record<TreatyStatus, string> = { party: '#2166ac', signatory: '#e69f00', none: '#5f5f5f' };
export const noDataColour = '#e6e6e6';
export const statusOrder: readonly TreatyStatus[] = ['party', 'signatory', 'none'];
