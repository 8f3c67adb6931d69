import { useMemo } from 'react';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { MapLegend } from './MapLegend.tsx';
import { partnershipStats } from './partnershipStats.ts';
import { RegionTable } from './RegionTable.tsx';
import { useReferenceData, type ReferenceData } from './useReferenceData.ts';
import { WorldMap } from './WorldMap.tsx';

const purposes: MessageKey[] = ['home.purpose.whoWhatWhere', 'home.purpose.gaps', 'home.purpose.reportOnce', 'home.purpose.honestNumbers'];

/** "The partnership at a glance": what TIP Hub is for, then the reference data in figures, map and table. */
export function HomePage() {
  const { t } = useI18n();
  const [reference, retry] = useReferenceData();
  return (
    <div className="page home">
      <section className="home-intro" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <h2 className="visually-hidden">{t('home.purpose.heading')}</h2>
        <ul className="purposes">
          {purposes.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      {reference.status === 'loading' && <LoadingState />}
      {reference.status === 'error' && <ErrorState error={reference.error} onRetry={retry} />}
      {reference.status === 'ready' && <ReferenceFigures data={reference.data} />}
    </div>
  );
}

function ReferenceFigures({ data }: { data: ReferenceData }) {
  const { t, name, compare } = useI18n();
  const stats = useMemo(() => partnershipStats(data.countries, data.regions, (a) => name(a.names), compare), [data, name, compare]);
  const regionCodes = stats.regions.map((r) => r.area.code);
  return (
    <>
      <section aria-labelledby="home-figures">
        <h2 id="home-figures">{t('home.figures.heading')}</h2>
        <KeyFigures stats={stats} />
      </section>
      <section aria-labelledby="home-map">
        <h2 id="home-map">{t('home.map.heading')}</h2>
        <div className="map-layout">
          <figure className="map-figure">
            <WorldMap countries={data.countries} regionCodes={regionCodes} />
            <figcaption className="map-disclaimer">{t('home.map.disclaimer')}</figcaption>
          </figure>
          <MapLegend regions={stats.regions} />
        </div>
        <RegionTable stats={stats} />
        <p className="source">{t('home.source')}</p>
      </section>
    </>
  );
}
