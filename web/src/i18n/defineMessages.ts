import type { Language } from './languages.ts';

/**
 * A feature's own messages in the six languages. The English keys define the feature's
 * keys; every other language must give exactly those (a missing or extra key does not
 * compile). Each feature keeps its catalogue beside its pages (`web/src/<feature>/messages.ts`)
 * and registers it once in `features.ts`, so features never edit each other's files.
 */
export function defineMessages<const E extends Record<string, string>>(
  messages: { en: E } & Record<Exclude<Language, 'en'>, Record<keyof E, string>>,
): Record<Language, Record<keyof E, string>> {
  return messages;
}
