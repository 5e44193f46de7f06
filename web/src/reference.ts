// Public reference data (categories, communes, units, commune outlines): fetched once per page
// load and shared by every page.

import type { FeatureCollection as Outlines } from 'geojson';
import { api } from './api';
import { useAsync } from './hooks';
import type { AsyncState } from './hooks';
import type { Category, Commune, Unit } from './types';

export interface Reference {
  categories: Category[];
  communes: Commune[];
  units: Unit[];
}

let reference: Promise<Reference> | null = null;
let outlines: Promise<Outlines> | null = null;

function loadReference(): Promise<Reference> {
  reference ??= Promise.all([
    api<{ items: Category[] }>('/api/v1/categories'),
    api<{ items: Commune[] }>('/api/v1/communes'),
    api<{ items: Unit[] }>('/api/v1/units'),
  ]).then(
    ([categories, communes, units]) => ({
      categories: categories.items,
      communes: [...communes.items].sort((a, b) => a.full_name.localeCompare(b.full_name, 'vi')),
      units: units.items,
    }),
    (error: unknown) => {
      reference = null; // try again next time
      throw error;
    },
  );
  return reference;
}

/** The outlines of the 40 communes (GeoJSON, `properties.code`). */
export function loadCommuneOutlines(): Promise<Outlines> {
  outlines ??= api<Outlines>('/api/v1/communes', { query: { format: 'geojson' } }).catch((error: unknown) => {
    outlines = null;
    throw error;
  });
  return outlines;
}

export function useReference(): AsyncState<Reference> {
  return useAsync(loadReference, []);
}
