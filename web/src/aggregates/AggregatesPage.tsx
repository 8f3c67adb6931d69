import { useId, useMemo, useState } from 'react';
import { getCountries, type Country } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { AggregatesChart } from './AggregatesChart.tsx';
import { aggregatesCsv } from './aggregatesCsv.ts';
import { getStateValues, indicators, listReports, type Indicator, type StateValues } from './aggregatesApi.ts';
import { AggregatesTable } from './AggregatesTable.tsx';
import { breakdowns, yearRows, type Breakdown } from './breakdown.ts';
import './aggregates.css';

/** `/aggregates`: a State's aggregate counts by year, broken down by sex, age or form, as a chart, a table and CSV. */
export function AggregatesPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const [setup, retry] = useAsync(async (signal) => {
    const [reports, countries] = await Promise.all([listReports(signal), getCountries(signal)]);
    return { reports, countries };
  }, []);
  const own = (auth.user?.roles ?? []).flatMap((g) => (g.role === 'state_focal_point' && g.countryIso3 ? [g.countryIso3] : []));
  return (
    <div className="page aggregates">
      <h1>{t('aggregates.title')}</h1>
      <p>{t('aggregates.intro')}</p>
      {setup.status === 'loading' && <LoadingState />}
      {setup.status === 'error' && <ErrorState error={setup.error} onRetry={retry} />}
      {setup.status === 'ready' && <Chooser states={[...new Set([...own, ...setup.data.reports.map((r) => r.reportingState)])]} countries={setup.data.countries} />}
    </div>
  );
}

function Chooser({ states, countries }: { states: string[]; countries: Country[] }) {
  const { t, name } = useI18n();
  const requested = useSearchParam('state')?.toUpperCase() ?? null;
  const namesOf = useMemo(() => new Map(countries.map((c) => [c.iso3, c.names])), [countries]);
  const label = (iso3: string) => (namesOf.get(iso3) ? name(namesOf.get(iso3)!) : iso3);
  const sorted = [...states].sort((a, b) => label(a).localeCompare(label(b)));
  const [state, setState] = useState(() => (requested && states.includes(requested) ? requested : (sorted[0] ?? '')));
  const [indicator, setIndicator] = useState<Indicator>('detected_victims');
  const [by, setBy] = useState<Breakdown>('sex');
  const stateId = useId();
  const indicatorId = useId();
  if (sorted.length === 0) return <p role="status">{t('aggregates.noReports')}</p>;
  return (
    <>
      <div className="aggregates-controls">
        <p>
          <label htmlFor={stateId}>{t('aggregates.state')}</label>{' '}
          <select id={stateId} value={state} onChange={(e) => setState(e.target.value)}>
            {sorted.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor={indicatorId}>{t('aggregates.indicator')}</label>{' '}
          <select id={indicatorId} value={indicator} onChange={(e) => setIndicator(e.target.value as Indicator)}>
            {indicators.map((i) => (
              <option key={i} value={i}>
                {t(`aggregates.indicator.${i}`)}
              </option>
            ))}
          </select>
        </p>
        <fieldset className="aggregates-breakdown">
          <legend>{t('aggregates.breakdown')}</legend>
          {breakdowns.map((b) => (
            <label key={b}>
              <input type="radio" name="aggregates-breakdown" value={b} checked={by === b} onChange={() => setBy(b)} /> {t(`aggregates.breakdown.${b}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {state && <StateView state={state} stateName={label(state)} indicator={indicator} by={by} />}
    </>
  );
}

function StateView({ state, stateName, indicator, by }: { state: string; stateName: string; indicator: Indicator; by: Breakdown }) {
  const [data, retry] = useAsync((signal) => getStateValues(state, indicator, signal), [state, indicator]);
  if (data.status === 'loading') return <LoadingState />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={retry} />;
  return <Figures data={data.data} stateName={stateName} indicator={indicator} by={by} />;
}

function Figures({ data, stateName, indicator, by }: { data: StateValues; stateName: string; indicator: Indicator; by: Breakdown }) {
  const { t } = useI18n();
  const { rows, parts } = useMemo(() => yearRows(data.values, by), [data, by]);
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(aggregatesCsv(data))}`, [data]);
  // A form's 'other' is not the sex 'other': each has its own label.
  const partLabel = (p: string) => t(`aggregates.part.${by === 'form' && p === 'other' ? 'other_form' : p}` as Parameters<typeof t>[0]);
  const what = { state: stateName, indicator: t(`aggregates.indicator.${indicator}`), breakdown: t(`aggregates.breakdown.${by}`) };
  const synthetic = data.reports.some((r) => r.synthetic);
  return (
    <section aria-labelledby="aggregates-figures">
      <h2 id="aggregates-figures">{t('aggregates.figuresTitle', what)}</h2>
      {synthetic && (
        <p className="demo-note" role="note">
          {t('aggregates.synthetic')}
        </p>
      )}
      {rows.length === 0 ? (
        <p role="status">{t('aggregates.noValues')}</p>
      ) : (
        <>
          <AggregatesChart rows={rows} parts={parts} partLabel={partLabel} label={t('aggregates.chart.label', what)} />
          <p>
            <a className="button button-secondary" href={csvHref} download={`aggregates-${data.reportingState}-${indicator}.csv`}>
              {t('aggregates.download')}
            </a>
          </p>
          <p className="muted">{t('aggregates.legendNote')}</p>
          <AggregatesTable rows={rows} parts={parts} partLabel={partLabel} reports={data.reports} caption={t('aggregates.table.caption', what)} />
        </>
      )}
    </section>
  );
}
