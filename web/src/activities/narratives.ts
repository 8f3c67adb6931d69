import type { Language } from '../i18n/languages.ts';

/**
 * A narrative ({ en: '...', fr: '...' }) in the reader's language, else English, else the
 * first one given, with the language it is in (for the element's `lang` attribute).
 */
export function narrative(n: Record<string, string> | undefined, lang: Language): { text: string; lang: string } | null {
  if (!n) return null;
  if (n[lang]) return { text: n[lang], lang };
  if (n.en) return { text: n.en, lang: 'en' };
  const first = Object.entries(n)[0];
  return first ? { text: first[1], lang: first[0] } : null;
}

/** The symbol of a mandate reference such as "A/RES/61/180 para 6", for a link to its page. */
export function mandateSymbol(reference: string): string | null {
  const m = /^\s*(.+?)\s+para(?:graph)?\.?\s*\S.*$/i.exec(reference);
  return m ? m[1]!.trim() : null;
}
