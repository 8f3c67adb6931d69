// Projects the Natural Earth 1:110m countries once; the result does not depend on language
// or data, so it is computed on first use and kept for the life of the page.
import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };

export interface CountryShape {
  /** ISO 3166-1 numeric code, zero-padded ("004"); absent for areas without one. */
  id: string | undefined;
  d: string;
}

export interface WorldShapes {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  countries: CountryShape[];
}

const width = 960;
let cached: WorldShapes | undefined;

export function worldShapes(): WorldShapes {
  if (cached) return cached;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const sphere = { type: 'Sphere' } as const;
  const projection = geoEqualEarth().fitWidth(width, sphere);
  // One decimal is sub-pixel at this size and keeps the SVG small.
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds(sphere);
  cached = {
    width,
    height: Math.ceil(bottom),
    sphere: path(sphere) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    countries: collection.features.map((f) => ({
      id: f.id === undefined ? undefined : String(f.id).padStart(3, '0'),
      d: path(f) ?? '',
    })),
  };
  return cached;
}
