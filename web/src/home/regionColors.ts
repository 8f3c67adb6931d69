// One colour per M49 region, from the Okabe–Ito palette: distinguishable with the common
// forms of colour blindness. Shared by the map and its legend so they cannot disagree.
const byRegion: Record<string, string> = {
  '002': '#E69F00', // Africa
  '019': '#56B4E9', // Americas
  '142': '#009E73', // Asia
  '150': '#0072B2', // Europe
  '009': '#CC79A7', // Oceania
};
const spare = ['#D55E00', '#F0E442', '#999999'];

/** Fill for areas in no M49 region (Antarctica) or not in the reference list. */
export const noRegionColor = '#d5dae0';

export function regionColor(regionCode: string | null | undefined, allRegionCodes: readonly string[] = []): string {
  if (!regionCode) return noRegionColor;
  const known = byRegion[regionCode];
  if (known) return known;
  // A region code this file does not know yet still gets a stable, distinct colour.
  const unknown = allRegionCodes.filter((c) => !(c in byRegion)).sort();
  return spare[unknown.indexOf(regionCode) % spare.length] ?? noRegionColor;
}
