// A sequential colour scale for counts (light to dark blue, readable with the common forms
// of colour blindness), in five classes. Shared by the map and its legend so they agree.
export const scaleColours = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** Countries with no activity (or absent from the data). */
export const emptyColour = '#eef1f4';

export interface ColourClass {
  from: number;
  to: number;
  colour: string;
}

/** Classes of equal width from 1 to the largest count (fewer classes when the counts are small). */
export function colourClasses(max: number): ColourClass[] {
  if (max <= 0) return [];
  const n = Math.min(scaleColours.length, max);
  const width = Math.ceil(max / n);
  const classes: ColourClass[] = [];
  for (let i = 0; i < n; i++) {
    const from = i * width + 1;
    if (from > max) break;
    classes.push({ from, to: Math.min(max, (i + 1) * width), colour: scaleColours[Math.round((i * (scaleColours.length - 1)) / Math.max(1, n - 1))]! });
  }
  return classes;
}

export function colourOf(value: number, classes: readonly ColourClass[]): string {
  if (value <= 0) return emptyColour;
  return classes.find((c) => value >= c.from && value <= c.to)?.colour ?? classes.at(-1)?.colour ?? emptyColour;
}
