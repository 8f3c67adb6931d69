import { getCountries, getOrganisations, ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useSearchParam } from '../router/history.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { filterParams, PAGE_SIZE, searchActivities, searchCsvUrl, type SearchFilters } from './activitiesApi.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { SearchForm } from './SearchForm.tsx';
import './activities.css';

/** The search filters kept in the page address, so a search can be linked and gone back to. */
function useFilters(): { filters: SearchFilters; offset: number } {
  const q = useSearchParam('q') ?? '';
  const country = useSearchParam('country') ?? '';
  const organisation = useSearchParam('organisation') ?? '';
  const pillar = useSearchParam('pillar') ?? '';
  const status = useSearchParam('status') ?? '';
  const from = useSearchParam('from') ?? '';
  const to = useSearchParam('to') ?? '';
  const start = useSearchParam('offset') ?? '';
  const filters: SearchFilters = { q, country, organisation, pillar, status, from, to };
  const offset = Math.max(0, Number.parseInt(start, 10) || 0);
  return { filters, offset };
}

const go = (filters: SearchFilters, offset = 0) => {
  const params = filterParams(filters);
  if (offset) params.set('offset', String(offset));
  const query = params.toString();
  navigate(query ? `/activities?${query}` : '/activities');
};

/** Full-text search over the activity register, with filters, paging and a CSV download. */
export function ActivitiesPage() {
  const { t, lang, formatNumber } = useI18n();
  const { filters, offset } = useFilters();
  const key = JSON.stringify([filters, offset]);
  const [reference] = useAsync(async (signal) => {
    const [countries, organisations] = await Promise.all([getCountries(signal), getOrganisations(signal)]);
    return { countries, organisations, byIso3: new Map(countries.map((c) => [c.iso3, c])) };
  }, []);
  const [results, retry] = useAsync((signal) => searchActivities(filters, offset, signal), [key]);
  const refused = results.status === 'error' && results.error instanceof ApiError && results.error.status === 400 ? results.error : null;

  return (
    <div className="page activities">
      <h1>{t('activities.search.title')}</h1>
      <p>{t('activities.search.intro')}</p>
      {reference.status === 'ready' ? (
        // Keyed on the address: going back restores the form as it was for that search.
        <SearchForm key={key} initial={filters} countries={reference.data.countries} organisations={reference.data.organisations} onSearch={(f) => go(f)} error={refused} />
      ) : reference.status === 'loading' ? (
        <LoadingState />
      ) : (
        <ErrorState error={reference.error} />
      )}
      {results.status === 'loading' && <LoadingState />}
      {results.status === 'error' && (refused ? <p className="form-alert" role="alert">{refused.details.map((d) => `${d.field ?? ''}: ${d.reason}`).join('; ') || refused.message}</p> : <ErrorState error={results.error} onRetry={retry} />)}
      {results.status === 'ready' && (
        <section aria-labelledby="activity-results">
          <h2 id="activity-results" role="status">
            {t('activities.search.count', { count: formatNumber(results.data.total) })}
          </h2>
          {results.data.total === 0 ? (
            <p>{t('activities.search.none')}</p>
          ) : (
            <>
              <p>
                <a className="button button-secondary" href={searchCsvUrl(filters, lang)} download>
                  {t('activities.search.csv')}
                </a>
              </p>
              <ResultsTable items={results.data.items} countries={reference.status === 'ready' ? reference.data.byIso3 : new Map()} page={Math.floor(offset / PAGE_SIZE) + 1} pages={Math.max(1, Math.ceil(results.data.total / PAGE_SIZE))} />
              <nav className="pager" aria-label={t('activities.search.paging')}>
                <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => go(filters, Math.max(0, offset - PAGE_SIZE))}>
                  {t('activities.search.previous')}
                </button>
                <button type="button" className="button button-secondary" disabled={offset + PAGE_SIZE >= results.data.total} onClick={() => go(filters, offset + PAGE_SIZE)}>
                  {t('activities.search.next')}
                </button>
              </nav>
            </>
          )}
        </section>
      )}
    </div>
  );
}
