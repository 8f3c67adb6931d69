import type { ReactNode } from 'react';
import { worldShapes } from '../home/worldShapes.ts';

/** What one country looks like on the map; countries without an entry get `emptyFill`. */
export interface ChoroplethArea {
  /** ISO 3166-1 numeric code, three characters ("004"), as the reference API gives it. */
  numeric: string;
  fill: string;
  /** Tooltip and accessible text, in the reader's language ("Kenya: party since 2005"). */
  title: string;
  /** A stable key exposed as data-key (e.g. the ISO alpha-3 code), for tests and styling. */
  key?: string;
}

interface ChoroplethMapProps {
  areas: readonly ChoroplethArea[];
  /** Fill of shapes that have no area (no data, or not in the reference list). */
  emptyFill: string;
  /** What the whole map shows, for assistive technology (role="img"). */
  label: string;
  className?: string;
  /** Drawn over the map (e.g. a "synthetic data" watermark). */
  children?: ReactNode;
}

/**
 * The world (Natural Earth 1:110m, Equal Earth projection) with each country filled by the
 * caller's classification. Shared by the pages that colour States by a value (treaty status,
 * ...): the caller computes fills and titles, this only draws. One image to assistive
 * technology: every page using it must give the same figures in a table beside it.
 */
export function ChoroplethMap({ areas, emptyFill, label, className, children }: ChoroplethMapProps) {
  const shapes = worldShapes();
  const byNumeric = new Map(areas.map((a) => [a.numeric, a]));
  return (
    <svg className={`world-map${className ? ` ${className}` : ''}`} viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="img" aria-label={label}>
      <path className="world-map-sphere" d={shapes.sphere} />
      <path className="world-map-graticule" d={shapes.graticule} />
      {shapes.countries.map((shape, index) => {
        const area = shape.id ? byNumeric.get(shape.id) : undefined;
        return (
          <path key={shape.id ?? `unnumbered-${index}`} className="world-map-country" d={shape.d} fill={area?.fill ?? emptyFill} data-key={area?.key}>
            {/* Areas missing from the data stay unnamed: the map takes no position on them. */}
            {area && <title>{area.title}</title>}
          </path>
        );
      })}
      {children}
    </svg>
  );
}
