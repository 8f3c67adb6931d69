import { useMemo } from 'react';
import { getCountries, type Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAsync } from '../shared/useAsync.ts';

/** Countries by ISO alpha-3, and [iso3, name] options sorted in the reader's language. */
export function useCountries(): { byIso3: Map<string, Country>; options: (readonly [string, string])[] } {
  const { name, compare } = useI18n();
  const [state] = useAsync((signal) => getCountries(signal), []);
  return useMemo(() => {
    const list = state.status === 'ready' ? state.data : [];
    return {
      byIso3: new Map(list.map((c) => [c.iso3, c])),
      options: list.map((c) => [c.iso3, name(c.names)] as const).sort((a, b) => compare(a[1], b[1])),
    };
  }, [state, name, compare]);
}
