// Public reference data (categories, communes, units, commune outlines): fetched once per page
// load and shared by every page.

import { communeOutlines, listCategories, listCommunes, listUnits } from './api';
import { useAsync } from '../common/hooks';
import type { AsyncState } from '../common/hooks';
import type { Category, Commune, FeatureCollection, Unit } from '../common/types';

export interface Reference {
  categories: Category[];
  communes: Commune[];
  units: Unit[];
}

let reference: Promise<Reference> | null = null;
type Outlines = FeatureCollection<Commune>;

let outlines: Promise<Outlines> | null = null;

function loadReference(): Promise<Reference> {
  reference ??= Promise.all([listCategories(), listCommunes(), listUnits()]).then(
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
  outlines ??= communeOutlines().catch((error: unknown) => {
    outlines = null;
    throw error;
  });
  return outlines;
}

export function useReference(): AsyncState<Reference> {
  return useAsync(loadReference, []);
}
