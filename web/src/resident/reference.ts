// The categories, the residents' reference data: fetched once per page load and shared by the
// home and report pages (common/reference.ts). The phone keeps the last list it was given, so that
// a resident can report while the network is down, and so that the pages show the categories at
// once while the fresh list loads.

import { useAsync } from '../common/hooks';
import type { AsyncState } from '../common/hooks';
import { loadOnce } from '../common/reference';
import { readStored } from '../common/store';
import { isNetworkError, listCategories } from './api';

type Categories = Awaited<ReturnType<typeof listCategories>>;

const STORAGE_KEY = 'ht.categories';

/** The newest list this page has: the server's once it answered, else the one the phone kept. */
let latest = readStored<Categories>('localStorage', STORAGE_KEY) ?? undefined;

const fresh = loadOnce(async () => {
  const answer = await listCategories();
  latest = answer;
  const text = JSON.stringify(answer);
  try {
    // The list seldom changes: written again only when it did.
    if (localStorage.getItem(STORAGE_KEY) !== text) localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage refused (private mode, full): the list serves this page load only.
  }
  return answer;
});

/**
 * The categories: the server's, asked once per page load; the kept list while the network is down
 * (and the server asked again at the next call).
 */
export async function loadCategories(): Promise<Categories> {
  try {
    return await fresh();
  } catch (error) {
    if (latest && isNetworkError(error)) return latest;
    throw error;
  }
}

/** The categories for a page: the kept list while the server's loads, then the server's. */
export function useCategories(): AsyncState<Categories> {
  const categories = useAsync(loadCategories, []);
  return categories.data || categories.error ? categories : { ...categories, data: latest };
}
