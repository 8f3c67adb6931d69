import type { Language } from './languages.ts';
import { ar } from './messages/ar.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';
import { ru } from './messages/ru.ts';
import { zh } from './messages/zh.ts';

export type { MessageKey, Messages };

/** Typed as a full Record so adding a language without its catalogue does not compile. */
const catalogues: Record<Language, Messages> = { ar, zh, en, fr, ru, es };

export type MessageParams = Record<string, string | number>;

/** The message in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
