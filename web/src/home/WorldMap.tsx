import { useMemo } from 'react';
import type { Country } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { regionColor } from './regionColors.ts';
import { worldShapes } from './worldShapes.ts';

interface WorldMapProps {
  countries: Country[];
  regionCodes: readonly string[];
}

/**
 * Countries filled by M49 region. One image to assistive technology (role="img"); the
 * region table next to it carries the same figures in an accessible form.
 */
export function WorldMap({ countries, regionCodes }: WorldMapProps) {
  const { t, name, formatNumber } = useI18n();
  const shapes = worldShapes();
  const byNumeric = useMemo(() => new Map(countries.map((c) => [c.numeric, c])), [countries]);

  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${shapes.width} ${shapes.height}`}
      role="img"
      aria-label={t('home.map.label', { count: formatNumber(countries.length) })}
    >
      <path className="world-map-sphere" d={shapes.sphere} />
      <path className="world-map-graticule" d={shapes.graticule} />
      {shapes.countries.map((shape, index) => {
        const country = shape.id ? byNumeric.get(shape.id) : undefined;
        return (
          <path key={shape.id ?? `unnumbered-${index}`} className="world-map-country" d={shape.d} fill={regionColor(country?.regionCode, regionCodes)}>
            {/* Areas missing from the reference list stay unnamed: the map takes no position on them. */}
            {country && <title>{name(country.names)}</title>}
          </path>
        );
      })}
    </svg>
  );
}
