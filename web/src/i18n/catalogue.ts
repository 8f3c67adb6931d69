import type { Language } from './languages.ts';
import { ar } from './messages/ar.ts';
import { en, type MessageKey as CoreKey, type Messages as CoreMessages } from './messages/en.ts';
import { featureCatalogues, type FeatureKey } from './features.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';
import { ru } from './messages/ru.ts';
import { zh } from './messages/zh.ts';

/** Every message key: the shell's (messages/en.ts) and each feature's (features.ts). */
export type MessageKey = CoreKey | FeatureKey;
export type Messages = Record<MessageKey, string>;

const core: Record<Language, CoreMessages> = { ar, zh, en, fr, ru, es };

/** Typed as a full Record so adding a language without its catalogue does not compile. */
const catalogues = Object.fromEntries(
  Object.entries(core).map(([lang, messages]) => [lang, { ...messages, ...featureCatalogues[lang as Language] }]),
) as Record<Language, Messages>;

export type MessageParams = Record<string, string | number>;

/** The message in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
