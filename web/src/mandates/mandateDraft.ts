// The mandate form's working copy: what the reader types, the checks made before sending (the
// same rules as the server's schema), the request built from it, and the server's field errors
// found by path whichever way the server spelled it ("body.paragraphs[1].label" from the
// service, "body.paragraphs.1.label" from schema validation).
import { ApiError } from '../api.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { languages, type Language } from '../i18n/languages.ts';
import type { Mandate, MandateBody, MandateInput } from './mandatesApi.ts';

export type Texts = Partial<Record<Language, string>>;

export interface ParagraphDraft {
  /** Stable across reordering, for React keys and focus. */
  key: number;
  label: string;
  summary: Texts;
}

export interface MandateDraft {
  symbol: string;
  body: MandateBody | '';
  adoptedOn: string;
  demonstrationSummaries: boolean;
  /** The languages the texts are given in; only these are sent. */
  languages: Language[];
  title: Texts;
  paragraphs: ParagraphDraft[];
}

let nextKey = 1;
export const newParagraph = (label = ''): ParagraphDraft => ({ key: nextKey++, label, summary: {} });

export function emptyDraft(lang: Language): MandateDraft {
  return { symbol: '', body: '', adoptedOn: '', demonstrationSummaries: false, languages: [lang], title: {}, paragraphs: [newParagraph()] };
}

/** A registered mandate as a draft, in every language any of its texts uses (UN order). */
export function draftOf(mandate: Mandate): MandateDraft {
  const used = new Set([...Object.keys(mandate.title), ...mandate.paragraphs.flatMap((p) => Object.keys(p.summary))]);
  return {
    symbol: mandate.symbol,
    body: mandate.body,
    adoptedOn: mandate.adoptedOn,
    demonstrationSummaries: mandate.demonstrationSummaries,
    languages: languages.filter((l) => used.has(l)),
    title: { ...mandate.title },
    paragraphs: mandate.paragraphs.map((p) => ({ ...newParagraph(p.label), summary: { ...p.summary } })),
  };
}

/** The texts in the chosen languages, blank ones left out. */
function textsIn(texts: Texts, chosen: readonly Language[]): Record<string, string> {
  return Object.fromEntries(chosen.flatMap((l) => (texts[l]?.trim() ? [[l, texts[l].trim()]] : [])));
}

export function inputOf(draft: MandateDraft): MandateInput {
  return {
    symbol: draft.symbol.trim(),
    body: draft.body as MandateBody,
    adoptedOn: draft.adoptedOn,
    demonstrationSummaries: draft.demonstrationSummaries,
    title: textsIn(draft.title, draft.languages),
    paragraphs: draft.paragraphs.map((p) => ({ label: p.label.trim(), summary: textsIn(p.summary, draft.languages) })),
  };
}

/** As the server stores a paragraph number: no spaces, lower case ("5 (A)" is "5(a)"). */
export const canonicalLabel = (label: string) => label.replace(/\s+/g, '').toLowerCase();
const labelPattern = /^\d{1,3}(\([a-z0-9]{1,8}\))*$/;
const symbolPattern = /^[A-Za-z0-9][A-Za-z0-9./()\- ]*$/;

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Everything wrong with the draft before sending, by field path ("paragraphs[2].label"). */
export function problemsOf(draft: MandateDraft, creating: boolean): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  const symbol = draft.symbol.trim();
  if (creating && (symbol.length < 3 || symbol.length > 80 || !symbolPattern.test(symbol))) problems.set('symbol', { key: 'mandates.form.symbolInvalid' });
  if (!draft.body) problems.set('body', { key: 'mandates.form.required' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.adoptedOn)) problems.set('adoptedOn', { key: 'mandates.form.dateInvalid' });
  if (draft.languages.length === 0) problems.set('languages', { key: 'mandates.form.languagesNone' });
  else if (Object.keys(textsIn(draft.title, draft.languages)).length === 0) problems.set('title', { key: 'mandates.form.textNone' });
  const seen = new Map<string, number>();
  draft.paragraphs.forEach((p, i) => {
    const label = canonicalLabel(p.label);
    if (!label) problems.set(`paragraphs[${i}].label`, { key: 'mandates.form.required' });
    else if (!labelPattern.test(label)) problems.set(`paragraphs[${i}].label`, { key: 'mandates.form.labelInvalid' });
    else if (seen.has(label)) problems.set(`paragraphs[${i}].label`, { key: 'mandates.form.labelDuplicate', params: { position: seen.get(label)! + 1 } });
    else seen.set(label, i);
    if (draft.languages.length && Object.keys(textsIn(p.summary, draft.languages)).length === 0) problems.set(`paragraphs[${i}].summary`, { key: 'mandates.form.textNone' });
  });
  return problems;
}

/** "body.paragraphs[1].label" and "body.paragraphs.1.label" both become "paragraphs.1.label". */
const normalise = (field: string) => field.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');

/**
 * The server's reason for the field at `path`, or (unless `exact`) for anything inside it (a
 * title's language, a paragraph text's language) so it shows at the control that holds it.
 */
export function serverReason(error: unknown, path: string, exact = false): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const wanted = normalise(path);
  return error.details.find((d) => {
    const field = d.field ? normalise(d.field) : '';
    return field === wanted || (!exact && field.startsWith(`${wanted}.`));
  })?.reason;
}
