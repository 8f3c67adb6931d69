/** The six official languages of the United Nations, in UN order. Mirrors server/platform/i18n.ts. */
export const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof languages)[number];

/** A name given in every language, as the reference API returns it. */
export type LocalizedNames = Record<Language, string>;

export const defaultLanguage: Language = 'en';

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
export const nativeNames: LocalizedNames = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
