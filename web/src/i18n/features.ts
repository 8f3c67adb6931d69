// Every feature catalogue, registered once. Add a feature: import its `messages.ts` and add
// it to the list; its keys then become valid `MessageKey`s everywhere.
import { languages, type Language } from './languages.ts';
import { incidentsMessages } from '../incidents/messages.ts';
import { caseMessages } from '../incidents/caseMessages.ts';
import { incidentValueMessages } from '../incidents/valueMessages.ts';
import { pickerMessages } from '../shared/pickerMessages.ts';
import { activitiesMessages } from '../activities/messages.ts';
import { monitoringMessages } from '../monitoring/messages.ts';
import { mandatesMessages } from '../mandates/messages.ts';
import { registryMessages } from '../registry/messages.ts';
import { treatiesMessages } from '../treaties/messages.ts';
import { aggregatesMessages } from '../aggregates/messages.ts';
import { incidentImportMessages } from '../incident-import/messages.ts';
import { activityImportMessages } from '../activity-import/messages.ts';

const features = [activitiesMessages, monitoringMessages, mandatesMessages, registryMessages, treatiesMessages, aggregatesMessages, incidentImportMessages, incidentsMessages, caseMessages, incidentValueMessages, pickerMessages, activityImportMessages] as const satisfies readonly Record<Language, Record<string, string>>[];

type KeysOf<T> = T extends unknown ? Extract<keyof T, string> : never;
/** The union of every feature's keys (a plain keyof would give only the keys they share). */
export type FeatureKey = KeysOf<(typeof features)[number]['en']>;

export const featureCatalogues = Object.fromEntries(
  languages.map((lang) => [lang, Object.assign({}, ...features.map((f) => f[lang])) as Record<FeatureKey, string>]),
) as Record<Language, Record<FeatureKey, string>>;
