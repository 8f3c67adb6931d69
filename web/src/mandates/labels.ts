// Shared bits of the mandate pages: message keys of bodies and statuses, texts in several
// languages, dates, and the coverage CSV.
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';
import type { Coverage, MandateBody } from './mandatesApi.ts';

export const bodyKeys: Record<MandateBody, MessageKey> = {
  general_assembly: 'mandates.body.general_assembly',
  ecosoc: 'mandates.body.ecosoc',
  ccpcj: 'mandates.body.ccpcj',
  cop_untoc: 'mandates.body.cop_untoc',
  hrc: 'mandates.body.hrc',
};

const statusKeys: Record<number, MessageKey> = {
  1: 'mandates.status.1',
  2: 'mandates.status.2',
  3: 'mandates.status.3',
  4: 'mandates.status.4',
  5: 'mandates.status.5',
  6: 'mandates.status.6',
};
export const statusKey = (status: number): MessageKey => statusKeys[status] ?? 'mandates.status.1';

/** The reader's language when the text has it, else English, else whatever language it has; with that language. */
export function pickEntry(text: Record<string, string>, lang: Language): { text: string; lang: string } {
  if (text[lang]) return { text: text[lang], lang };
  if (text.en) return { text: text.en, lang: 'en' };
  const [first] = Object.entries(text);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}

export const pickText = (text: Record<string, string>, lang: Language): string => pickEntry(text, lang).text;

/** A calendar date (YYYY-MM-DD) in the reader's language; no time zone shift. */
export function formatDate(isoDate: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

const csvCell = (value: string | number) => {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per paragraph: label, summary, number of linked activities (as the reader sees them). */
export function coverageCsv(coverage: Coverage, lang: Language, headers: [string, string, string]): string {
  const rows = coverage.paragraphs.map((p) => [p.label, pickText(p.summary, lang), p.total]);
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
