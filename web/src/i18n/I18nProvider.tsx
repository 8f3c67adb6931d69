import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type MessageKey, type MessageParams } from './catalogue.ts';
import { detectLanguage, rememberLanguage, syncLanguageParam } from './detectLanguage.ts';
import { directionOf, type Language, type LocalizedNames } from './languages.ts';

// Function-typed properties, not methods: components destructure them (`const { t } = ...`).
export interface I18n {
  lang: Language;
  dir: 'rtl' | 'ltr';
  setLanguage: (lang: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Picks the current language's entry of a name the API gives in all six. */
  name: (names: LocalizedNames) => string;
  formatNumber: (value: number) => string;
  /** A date and time (ISO string from the API) in the reader's language and time zone. */
  formatDateTime: (iso: string) => string;
  /** Compares names in the current language's alphabetical order. */
  compare: (a: string, b: string) => number;
}

const I18nContext = createContext<I18n | null>(null);

/** Owns the page language and keeps <html lang dir> in step with it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(detectLanguage);

  // Layout effect: the direction must be right before the first paint, not just after it.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = directionOf(lang);
  }, [lang]);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    syncLanguageParam(next);
    setLang(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(lang);
    const collator = new Intl.Collator(lang);
    const dateTimes = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      dir: directionOf(lang),
      setLanguage,
      t: (key, params) => translate(lang, key, params),
      name: (names) => names[lang] || names.en,
      formatNumber: (n) => numbers.format(n),
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTimes.format(date);
      },
      compare: (a, b) => collator.compare(a, b),
    };
  }, [lang, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
