import { useId, useMemo, useState } from 'react';
import { getCountries, type Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { ChoroplethMap } from '../shared/ChoroplethMap.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { NotPartyList } from './NotPartyList.tsx';
import { StatusTable } from './StatusTable.tsx';
import { noDataColour, statusColours, statusOrder } from './statusColours.ts';
import { exportCsvHref, getInstruments, getStatus, type Instrument, type StatusList } from './treatiesApi.ts';

/** `/treaties`: per instrument, a map of States by status, its legend, the States not yet party and the same figures as tables. */
export function TreatiesPage() {
  const { t } = useI18n();
  const [setup, retry] = useAsync(async (signal) => {
    const [instruments, countries] = await Promise.all([getInstruments(signal), getCountries(signal)]);
    return { instruments, countries };
  }, []);
  return (
    <div className="page treaties">
      <h1>{t('treaties.title')}</h1>
      <p>{t('treaties.intro')}</p>
      {setup.status === 'loading' && <LoadingState />}
      {setup.status === 'error' && <ErrorState error={setup.error} onRetry={retry} />}
      {setup.status === 'ready' && <InstrumentView instruments={setup.data.instruments} countries={setup.data.countries} />}
    </div>
  );
}

function InstrumentView({ instruments, countries }: { instruments: Instrument[]; countries: Country[] }) {
  const { t, name } = useI18n();
  const requested = useSearchParam('instrument');
  const [code, setCode] = useState(() => instruments.find((i) => i.code === requested)?.code ?? instruments[0]?.code ?? '');
  const selectId = useId();
  const [status, retry] = useAsync((signal) => getStatus(code, signal), [code]);
  return (
    <>
      <p className="treaties-controls">
        <label htmlFor={selectId}>{t('treaties.instrument')}</label>{' '}
        <select id={selectId} value={code} onChange={(e) => setCode(e.target.value)}>
          {instruments.map((i) => (
            <option key={i.code} value={i.code}>
              {i.shortName} — {name(i.names)}
            </option>
          ))}
        </select>{' '}
        <a className="button button-secondary" href={exportCsvHref} download="treaty-actions.csv">
          {t('treaties.export')}
        </a>
      </p>
      {status.status === 'loading' && <LoadingState />}
      {status.status === 'error' && <ErrorState error={status.error} onRetry={retry} />}
      {status.status === 'ready' && <StatusView status={status.data} countries={countries} />}
    </>
  );
}

function StatusView({ status, countries }: { status: StatusList; countries: Country[] }) {
  const { t, name, formatNumber } = useI18n();
  const instrument = `${status.instrument.shortName} — ${name(status.instrument.names)}`;
  const numericOf = useMemo(() => new Map(countries.map((c) => [c.iso3, c.numeric])), [countries]);
  const areas = useMemo(
    () =>
      status.items.flatMap((item) => {
        const numeric = numericOf.get(item.countryIso3);
        if (!numeric) return [];
        const text = t('treaties.countryTitle', { country: name(item.countryNames), status: t(`treaties.status.${item.status}`) });
        return [{ numeric, fill: statusColours[item.status], title: item.demo ? `${text} (${t('treaties.syntheticMark')})` : text, key: item.countryIso3 }];
      }),
    [status, numericOf, t, name],
  );
  const counts = status.counts;
  return (
    <>
      {status.demo && (
        <p className="demo-note" role="note">
          {t('treaties.synthetic')}
        </p>
      )}
      <div className="map-layout">
        <figure className="map-figure">
          <ChoroplethMap
            className="treaty-map"
            areas={areas}
            emptyFill={noDataColour}
            label={t('treaties.mapLabel', { instrument, party: formatNumber(counts.party), signatory: formatNumber(counts.signatory), none: formatNumber(counts.none) })}
          />
          <figcaption className="map-disclaimer">{t('home.map.disclaimer')}</figcaption>
        </figure>
        <div className="map-legend">
          <h2 className="map-legend-title">{t('treaties.legend')}</h2>
          <ul>
            {statusOrder.map((s) => (
              <li key={s}>
                <span className="swatch" style={{ background: statusColours[s] }} aria-hidden="true" />
                {t(`treaties.status.${s}`)} <span className="map-legend-count">({formatNumber(counts[s])})</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <table className="data-table treaty-summary">
        <caption>{t('treaties.summaryCaption', { instrument })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('treaties.table.status')}</th>
            <th scope="col">{t('treaties.states')}</th>
          </tr>
        </thead>
        <tbody>
          {statusOrder.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`treaties.status.${s}`)}</th>
              <td className="number">{formatNumber(counts[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NotPartyList status={status} instrument={instrument} />
      <StatusTable status={status} instrument={instrument} />
    </>
  );
}
