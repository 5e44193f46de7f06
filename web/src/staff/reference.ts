// Public reference data (categories, communes, units, commune outlines): fetched once per page
// load and shared by every page (common/reference.ts).

import { communeOutlines, listCategories, listCommunes, listUnits } from './api';
import { useAsync } from '../common/hooks';
import type { AsyncState } from '../common/hooks';
import { loadOnce } from '../common/reference';
import type { Category, Commune, Unit } from '../common/types';

export interface Reference {
  categories: Category[];
  communes: Commune[];
  units: Unit[];
}

const loadReference = loadOnce(() =>
  Promise.all([listCategories(), listCommunes(), listUnits()]).then(([categories, communes, units]) => ({
    categories: categories.items,
    communes: [...communes.items].sort((a, b) => a.full_name.localeCompare(b.full_name, 'vi')),
    units: units.items,
  })),
);

/** The outlines of the 40 communes (GeoJSON, `properties.code`). */
export const loadCommuneOutlines = loadOnce(communeOutlines);

export function useReference(): AsyncState<Reference> {
  return useAsync(loadReference, []);
}
