import { getCountries, getRegions, type Country, type Region } from '../api.ts';
import { useAsync, type AsyncState } from '../shared/useAsync.ts';

export interface ReferenceData {
  regions: Region[];
  countries: Country[];
}

/** M49 areas and countries, fetched together: the home page needs both before it can count. */
export function useReferenceData(): [AsyncState<ReferenceData>, () => void] {
  return useAsync(async (signal) => {
    const [regions, countries] = await Promise.all([getRegions(signal), getCountries(signal)]);
    return { regions, countries };
  }, []);
}
