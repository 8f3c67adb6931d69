/** The six official languages of the United Nations; English is the source language. */
export const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof languages)[number];

/** A name in every UN language. */
export type LanguageNames = Record<Language, string>;

/** Right-to-left languages among them. */
export const rtlLanguages: readonly Language[] = ['ar'];
