import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { ActivityChoropleth, countryHref } from './ActivityChoropleth.tsx';
import { colourClasses, emptyColour } from './colourScale.ts';
import { pillarKeys } from './labels.ts';
import { mapRows } from './mapRows.ts';
import { getActivityMap, type ActivityMap } from './monitoringApi.ts';
import './monitoring.css';

/** Where activities are, by pillar: a choropleth, its legend, and the same figures as a table. */
export function ActivityMapPage() {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getActivityMap(signal), []);
  return (
    <div className="page monitoring">
      <h1>{t('monitoring.map.title')}</h1>
      <p>{t('monitoring.map.intro')}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <MapView map={state.data} />}
    </div>
  );
}

function MapView({ map }: { map: ActivityMap }) {
  const { t, name, formatNumber, compare } = useI18n();
  const [pillar, setPillar] = useState('');
  const selectId = useId();
  const pillarLabel = pillar ? t(pillarKeys[pillar]!) : t('monitoring.map.allPillars');
  const rows = useMemo(
    () =>
      mapRows(map, pillar)
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || compare(name(a.names), name(b.names))),
    [map, pillar, name, compare],
  );
  const classes = colourClasses(rows.reduce((m, r) => Math.max(m, r.count), 0));
  return (
    <>
      <p className="monitoring-controls">
        <label htmlFor={selectId}>{t('monitoring.map.pillar')}</label>{' '}
        <select id={selectId} value={pillar} onChange={(e) => setPillar(e.target.value)}>
          <option value="">{t('monitoring.map.allPillars')}</option>
          {map.pillars.map((p) => (
            <option key={p} value={p}>
              {t(pillarKeys[p]!)}
            </option>
          ))}
        </select>
      </p>
      <div className="map-layout">
        <figure className="map-figure">
          <ActivityChoropleth rows={rows} classes={classes} label={t('monitoring.map.label', { pillar: pillarLabel, count: formatNumber(rows.length) })} />
          <figcaption className="map-disclaimer">{t('home.map.disclaimer')}</figcaption>
        </figure>
        <div className="map-legend">
          <h2 className="map-legend-title">{t('monitoring.map.legend')}</h2>
          <ul>
            {classes.map((c) => (
              <li key={c.from}>
                <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                {c.from === c.to ? formatNumber(c.from) : `${formatNumber(c.from)}–${formatNumber(c.to)}`}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: emptyColour }} aria-hidden="true" />
              {t('monitoring.map.none')}
            </li>
          </ul>
        </div>
      </div>
      {rows.length === 0 ? (
        <p role="status">{t('monitoring.map.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table list-table activity-map-table">
            <caption>{t('monitoring.map.caption', { pillar: pillarLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.map.country')}</th>
                <th scope="col">{t('monitoring.map.activities')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.iso3} data-iso3={r.iso3}>
                  <th scope="row">
                    <Link to={countryHref(r.iso3)}>{name(r.names)}</Link>
                  </th>
                  <td className="number">{formatNumber(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
