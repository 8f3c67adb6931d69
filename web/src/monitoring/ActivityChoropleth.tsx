import type { MouseEvent } from 'react';
import { worldShapes } from '../home/worldShapes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/history.ts';
import { colourOf, type ColourClass } from './colourScale.ts';
import type { MapRow } from './mapRows.ts';

export const countryHref = (iso3: string) => `/country?iso3=${iso3}`;

/**
 * The world coloured by activity count. Countries with activities are links (Tab reaches
 * them, Enter opens the country page); the table below carries the same figures.
 */
export function ActivityChoropleth({ rows, classes, label }: { rows: readonly MapRow[]; classes: readonly ColourClass[]; label: string }) {
  const { t, name, formatNumber } = useI18n();
  const shapes = worldShapes();
  const byNumeric = new Map(rows.map((r) => [r.numeric, r]));
  const open = (event: MouseEvent<Element>, iso3: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(countryHref(iso3));
  };
  return (
    <svg className="world-map activity-map" viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="group" aria-label={label}>
      <path className="world-map-sphere" d={shapes.sphere} aria-hidden="true" />
      <path className="world-map-graticule" d={shapes.graticule} aria-hidden="true" />
      {shapes.countries.map((shape, index) => {
        const row = shape.id ? byNumeric.get(shape.id) : undefined;
        const key = shape.id ?? `unnumbered-${index}`;
        if (!row || row.count === 0) return <path key={key} className="world-map-country" d={shape.d} fill={colourOf(0, classes)} aria-hidden="true" />;
        const text = t('monitoring.map.countryLink', { country: name(row.names), count: formatNumber(row.count) });
        return (
          <a key={key} href={countryHref(row.iso3)} aria-label={text} data-iso3={row.iso3} onClick={(e) => open(e, row.iso3)}>
            <path className="world-map-country activity-map-country" d={shape.d} fill={colourOf(row.count, classes)}>
              <title>{text}</title>
            </path>
          </a>
        );
      })}
    </svg>
  );
}
