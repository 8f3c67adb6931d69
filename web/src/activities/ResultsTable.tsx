import type { Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { pillarKeys, statusKeys } from '../monitoring/labels.ts';
import { Link } from '../router/Link.tsx';
import type { ActivitySearchHit } from './activitiesApi.ts';
import { narrative } from './narratives.ts';

interface ResultsTableProps {
  items: readonly ActivitySearchHit[];
  countries: ReadonlyMap<string, Country>;
  page: number;
  pages: number;
}

/** One page of search hits: the title links to the activity, the snippet shows where the words matched. */
export function ResultsTable({ items, countries, page, pages }: ResultsTableProps) {
  const { t, lang, name } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table activity-results">
        <caption>{t('activities.search.caption', { page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.search.activity')}</th>
            <th scope="col">{t('activities.search.reportedBy')}</th>
            <th scope="col">{t('activities.search.countries')}</th>
            <th scope="col">{t('activities.search.pillars')}</th>
            <th scope="col">{t('activities.page.status')}</th>
            <th scope="col">{t('activities.search.dates')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((hit) => {
            const title = narrative(hit.title, lang);
            return (
              <tr key={hit.id}>
                <th scope="row">
                  <Link to={`/activity?id=${hit.id}`} lang={title?.lang}>
                    {title?.text ?? hit.iatiIdentifier}
                  </Link>
                  {!hit.published && <span className="badge"> {t('activities.search.draft')}</span>}
                  {hit.snippet.length > 0 && (
                    <p className="snippet">
                      {hit.snippet.map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
                    </p>
                  )}
                </th>
                <td>{hit.reportingOrgName}</td>
                <td>{hit.countriesIso3.map((c) => (countries.get(c) ? name(countries.get(c)!.names) : c)).join(', ')}</td>
                <td>{hit.pillars.map((p) => (pillarKeys[p] ? t(pillarKeys[p]) : p)).join(', ')}</td>
                <td>{statusKeys[hit.status] ? t(statusKeys[hit.status]!) : hit.status}</td>
                <td className="nowrap">
                  {hit.startDate ?? '…'} – {hit.endDate ?? '…'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
