import { getCountries, getOrganisations, type Country, type Organisation } from '../api.ts';
import { useAsync, type AsyncState } from '../shared/useAsync.ts';

export interface Directory {
  countries: Country[];
  organisations: Organisation[];
}

// Fetched once per visit: pickers and role labels on several pages share it.
let cached: Promise<Directory> | undefined;

function loadDirectory(): Promise<Directory> {
  cached ??= Promise.all([getCountries(), getOrganisations()]).then(
    ([countries, organisations]) => ({ countries, organisations }),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}

/** Countries and organisations, for role scopes and organisation pickers. */
export function useDirectory(): [AsyncState<Directory>, () => void] {
  return useAsync(() => loadDirectory(), []);
}
