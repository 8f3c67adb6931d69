// Every feature catalogue, registered once. Add a feature: import its `messages.ts` and add
// it to the list; its keys then become valid `MessageKey`s everywhere.
import { languages, type Language } from './languages.ts';

const features = [] as const satisfies readonly Record<Language, Record<string, string>>[];

type KeysOf<T> = T extends unknown ? keyof T : never;
/** The union of every feature's keys (a plain keyof would give only the keys they share). */
export type FeatureKey = KeysOf<(typeof features)[number]['en']> & string;

export const featureCatalogues = Object.fromEntries(
  languages.map((lang) => [lang, Object.assign({}, ...features.map((f) => f[lang])) as Record<FeatureKey, string>]),
) as Record<Language, Record<FeatureKey, string>>;
