import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AreaCount } from './partnershipStats.ts';
import { noRegionColor, regionColor } from './regionColors.ts';

/** Colour key for the map, in the current language, with each region's count. */
export function MapLegend({ regions }: { regions: AreaCount[] }) {
  const { t, name, formatNumber } = useI18n();
  const codes = regions.map((r) => r.area.code);
  return (
    <div className="map-legend">
      <h3 className="map-legend-title">{t('home.map.legend')}</h3>
      <ul>
        {regions.map((r) => (
          <li key={r.area.code}>
            <span className="swatch" style={{ background: regionColor(r.area.code, codes) }} aria-hidden="true" />
            {name(r.area.names)} <span className="map-legend-count">({formatNumber(r.countries)})</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: noRegionColor }} aria-hidden="true" />
          {t('home.map.noRegion')}
        </li>
      </ul>
    </div>
  );
}
