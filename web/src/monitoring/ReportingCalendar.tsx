import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { getRounds } from './monitoringApi.ts';

/** The reporting calendar the Coordinator sets, against which "on time" is measured. */
export function ReportingCalendar() {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getRounds(signal), []);
  return (
    <section aria-labelledby="reporting-calendar">
      <h2 id="reporting-calendar">{t('monitoring.calendar.title')}</h2>
      <p>{t('monitoring.calendar.intro')}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.data.length === 0 && <p>{t('monitoring.calendar.none')}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table calendar-table">
            <caption>{t('monitoring.calendar.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.scorecard.round')}</th>
                <th scope="col">{t('monitoring.calendar.period')}</th>
                <th scope="col">{t('monitoring.scorecard.dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td dir="ltr">
                    {r.periodStart} – {r.periodEnd}
                  </td>
                  <td dir="ltr">{r.dueDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
