import { useI18n } from '../i18n/I18nProvider.tsx';
import { pickEntry } from './labels.ts';

/**
 * Text given in several languages, shown in the reader's language or a fallback. A fallback
 * carries its own lang and direction, so English inside an Arabic page reads left to right.
 */
export function LocalizedText({ text }: { text: Record<string, string> }) {
  const { lang } = useI18n();
  const entry = pickEntry(text, lang);
  return entry.lang === lang ? <>{entry.text}</> : <bdi lang={entry.lang}>{entry.text}</bdi>;
}
