import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { fieldKeys } from './labels.ts';
import { getScorecard, type ScorecardDetail } from './monitoringApi.ts';
import { ShareBar } from './ShareBar.tsx';
import './monitoring.css';

/** One organisation's scorecard: each required field and each past reporting round. */
export function ScorecardPage() {
  const { t } = useI18n();
  const org = useSearchParam('org');
  const [state, retry] = useAsync((signal) => (org ? getScorecard(org, signal) : Promise.resolve(null)), [org]);
  return (
    <div className="page monitoring">
      {state.status === 'ready' && state.data ? <h1>{t('monitoring.scorecard.title', { name: state.data.organisation.name })}</h1> : <h1>{t('monitoring.scorecards.title')}</h1>}
      <p>
        <Link to="/scorecards">{t('monitoring.scorecard.back')}</Link>
        {org && (
          <>
            {' · '}
            <Link to={`/organisation?id=${org}`}>{t('monitoring.scorecard.organisation')}</Link>
          </>
        )}
      </p>
      {!org && <p role="status">{t('monitoring.scorecard.missing')}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.data && <Detail card={state.data} />}
    </div>
  );
}

function Detail({ card }: { card: ScorecardDetail }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  return (
    <>
      <dl className="facts">
        <dt>{t('monitoring.scorecards.activities')}</dt>
        <dd>
          {formatNumber(card.activities)}
          {card.drafts > 0 && <span className="muted"> · {t('monitoring.scorecards.drafts', { count: formatNumber(card.drafts) })}</span>}
        </dd>
        <dt>{t('monitoring.scorecards.complete')}</dt>
        <dd>
          <ShareBar share={card.complete.share} />
        </dd>
        <dt>{t('monitoring.scorecards.freshness')}</dt>
        <dd>
          {card.freshness.medianDays === null ? '—' : formatNumber(card.freshness.medianDays)}
          {card.freshness.oldestDays !== null && <span className="muted"> · {t('monitoring.scorecards.oldest', { days: formatNumber(card.freshness.oldestDays) })}</span>}
        </dd>
        {card.freshness.lastUpdatedAt && (
          <>
            <dt>{t('monitoring.scorecard.lastUpdate')}</dt>
            <dd>
              <time dateTime={card.freshness.lastUpdatedAt}>{formatDateTime(card.freshness.lastUpdatedAt)}</time>
            </dd>
          </>
        )}
        <dt>{t('monitoring.scorecards.mandate')}</dt>
        <dd>
          <ShareBar share={card.mandate.share} />
        </dd>
        <dt>{t('monitoring.scorecards.timeliness')}</dt>
        <dd>
          <ShareBar share={card.timeliness.share} />
        </dd>
      </dl>

      <h2>{t('monitoring.scorecard.fields')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('monitoring.scorecard.fieldsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.scorecard.field')}</th>
              <th scope="col">{t('monitoring.scorecards.activities')}</th>
              <th scope="col">{t('monitoring.scorecard.share')}</th>
            </tr>
          </thead>
          <tbody>
            {card.requiredFields.map((f) => (
              <tr key={f}>
                <th scope="row">{t(fieldKeys[f])}</th>
                <td className="number">{formatNumber(card.complete.byField[f]?.count ?? 0)}</td>
                <td>
                  <ShareBar share={card.complete.byField[f]?.share ?? null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('monitoring.scorecard.rounds')}</h2>
      {card.timeliness.rounds.length === 0 ? (
        <p>{t('monitoring.scorecard.noRounds')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('monitoring.scorecard.roundsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.scorecard.round')}</th>
                <th scope="col">{t('monitoring.scorecard.periodEnd')}</th>
                <th scope="col">{t('monitoring.scorecard.dueDate')}</th>
                <th scope="col">{t('monitoring.scorecard.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {card.timeliness.rounds.map((r) => (
                <tr key={r.roundId}>
                  <th scope="row">{r.name}</th>
                  <td dir="ltr">{r.periodEnd}</td>
                  <td dir="ltr">{r.dueDate}</td>
                  <td>{r.onTime ? t('monitoring.scorecard.yes') : t('monitoring.scorecard.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
