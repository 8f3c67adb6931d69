import { useMemo } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { CoverageChart } from './CoverageChart.tsx';
import { LocalizedText } from './LocalizedText.tsx';
import { editMandateHref } from './MandateEditPages.tsx';
import { bodyKeys, coverageCsv, formatDate, statusKey } from './labels.ts';
import { getCoverage, type Coverage } from './mandatesApi.ts';
import './mandates.css';

/** One mandate: each operative paragraph with the activities that implement it, and those with none. */
export function MandatePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const symbol = useSearchParam('symbol');
  const [state, retry] = useAsync((signal) => (symbol ? getCoverage(symbol, signal) : Promise.resolve(null)), [symbol]);
  return (
    <div className="page mandates">
      {state.status === 'ready' && state.data ? (
        <h1>
          {state.data.symbol}: <LocalizedText text={state.data.title} />
        </h1>
      ) : (
        <h1>{t('mandates.page.title')}</h1>
      )}
      <p>
        <Link to="/mandates">{t('mandates.page.back')}</Link>
      </p>
      {symbol && can('mandates.manage') && state.status === 'ready' && state.data && (
        <p>
          <Link className="button button-secondary" to={editMandateHref(state.data.symbol)}>
            {t('mandates.form.edit')}
          </Link>
        </p>
      )}
      {!symbol && <p role="status">{t('mandates.page.missing')}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.data && <MandateCoverage coverage={state.data} />}
    </div>
  );
}

function MandateCoverage({ coverage }: { coverage: Coverage }) {
  const { t, lang, formatNumber } = useI18n();
  const csvHref = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(coverageCsv(coverage, lang, [t('mandates.csv.label'), t('mandates.csv.summary'), t('mandates.csv.activities')]))}`,
    [coverage, lang, t],
  );
  const total = coverage.paragraphs.length;
  return (
    <>
      <dl className="facts">
        <dt>{t('mandates.list.body')}</dt>
        <dd>{t(bodyKeys[coverage.body])}</dd>
        <dt>{t('mandates.list.adopted')}</dt>
        <dd>{formatDate(coverage.adoptedOn, lang)}</dd>
      </dl>
      <p className="muted">{coverage.demonstrationSummaries ? t('mandates.page.demonstration') : t('mandates.page.ownWords')}</p>

      <section aria-labelledby="mandate-coverage">
        <h2 id="mandate-coverage">{t('mandates.page.coverage')}</h2>
        <p data-testid="coverage-text">
          {t('mandates.page.coverageText', { covered: formatNumber(coverage.covered), total: formatNumber(total), uncovered: formatNumber(coverage.uncovered) })}
        </p>
        <CoverageChart covered={coverage.covered} uncovered={coverage.uncovered} />
        <p>
          <a className="button button-secondary" href={csvHref} download={`${coverage.symbol.replace(/[^A-Za-z0-9]+/g, '-')}-coverage.csv`}>
            {t('mandates.page.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="mandate-paragraphs">
        <h2 id="mandate-paragraphs">{t('mandates.page.paragraphs')}</h2>
        {coverage.paragraphs.map((p) => (
          <Paragraph key={p.label} paragraph={p} />
        ))}
      </section>
    </>
  );
}

function Paragraph({ paragraph: p }: { paragraph: Coverage['paragraphs'][number] }) {
  const { t, formatNumber } = useI18n();
  const headingId = `paragraph-${p.label.replace(/[^a-z0-9]/g, '-')}`;
  return (
    <article className={p.total === 0 ? 'paragraph paragraph-empty' : 'paragraph'} data-paragraph={p.label} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('mandates.page.paragraph', { label: p.label })}</h3>
      <p>
        <LocalizedText text={p.summary} />
      </p>
      <p className="muted">{t('mandates.page.reference', { reference: p.reference })}</p>
      {p.total === 0 ? (
        <p className="no-activity" data-testid="no-activity">
          <span aria-hidden="true">⚠ </span>
          {t('mandates.page.noActivity')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table list-table">
            <caption>
              {t('mandates.page.activitiesCaption', { label: p.label })} · {t('mandates.page.activityCount', { count: formatNumber(p.total) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.page.activity')}</th>
                <th scope="col">{t('mandates.page.organisation')}</th>
                <th scope="col">{t('mandates.page.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.activities.map((a) => (
                <tr key={a.id} data-activity={a.id}>
                  <th scope="row">
                    <Link to={`/activity?id=${a.id}`}>
                      <LocalizedText text={a.title} />
                    </Link>
                    {!a.published && <span className="badge-draft">{t('mandates.page.draft')}</span>}
                    <div className="muted">{a.iatiIdentifier}</div>
                  </th>
                  <td>
                    <LocalizedText text={a.reportingOrgName} />
                  </td>
                  <td>{t(statusKey(a.status))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.total > p.activities.length && <p className="muted">{t('mandates.page.showing', { shown: formatNumber(p.activities.length), total: formatNumber(p.total) })}</p>}
        </div>
      )}
    </article>
  );
}
