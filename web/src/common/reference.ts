// Reference data (categories, communes, units, the communes' outlines) rarely changes: each app
// fetches it once per page load, and every page that needs it shares the one answer.

/**
 * `load`, run at the first call, its answer shared by every later call; a failure is not kept, so
 * that the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null;
  return () => {
    answer ??= load().catch((error: unknown) => {
      answer = null;
      throw error;
    });
    return answer;
  };
}
