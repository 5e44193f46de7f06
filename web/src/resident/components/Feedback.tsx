// Loading and error states of the residents' pages, announced to screen readers.

import type { ApiError } from '../../common/http';
import { t } from '../strings';

/** An error from the server, in its own words (already in the interface language). */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div class="alert alert--error" role="alert" data-testid="error" data-code={error.code}>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('state.loading')}
    </p>
  );
}
