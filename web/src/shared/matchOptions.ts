// Which options of a searchable pick list match what the reader typed (see Combobox.tsx).

export interface ComboOption {
  value: string;
  label: string;
  /** Other strings a search may match (a code, the English name). */
  keywords?: string;
}

/** Folds case and accents so "cote" finds "Côte d’Ivoire". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function matchOptions(options: readonly ComboOption[], query: string, limit: number): ComboOption[] {
  const q = fold(query.trim());
  if (!q) return options.slice(0, limit);
  const starts: ComboOption[] = [];
  const contains: ComboOption[] = [];
  for (const o of options) {
    const label = fold(o.label);
    if (label.startsWith(q) || fold(o.value) === q) starts.push(o);
    else if (label.includes(q) || fold(o.keywords ?? '').includes(q)) contains.push(o);
  }
  return [...starts, ...contains].slice(0, limit);
}
