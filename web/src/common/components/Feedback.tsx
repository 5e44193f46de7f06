// Loading, empty and error states of both apps, announced to screen readers. Each app makes its
// own error and loading lines with `feedback()`, as its style wants them: the staff app's have a
// spinner and show a server fault's request id (staff quote it when they report the problem); the
// residents' app keeps its page light without either.

import type { ComponentChildren } from 'preact';
import type { ApiError } from '../http';
import { t } from '../strings';

export interface FeedbackOptions {
  /** A spinner before the loading line's text (drawn by the app's `.spinner`). */
  spinner: boolean;
  /** Whether a server fault shows its request id, which finds it in the logs. */
  requestId: boolean;
}

export function feedback({ spinner, requestId }: FeedbackOptions) {
  /** An error from the server, in its own words (already in the interface language). */
  function ErrorMessage({ error, onRetry, testId }: { error: ApiError; onRetry?: () => void; testId?: string }) {
    return (
      <div class="alert alert--error" role="alert" data-testid={testId ?? 'error'} data-code={error.code}>
        <p>{error.message}</p>
        {error.detail && <p class="alert__detail">{error.detail}</p>}
        {/* A server fault is worth reporting: its request id finds it in the logs. */}
        {requestId && error.requestId && error.status >= 500 && (
          <p class="alert__detail">{t('error.request_id', { id: error.requestId })}</p>
        )}
        {onRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t('action.retry')}
          </button>
        )}
      </div>
    );
  }

  function Loading({ label }: { label?: string }) {
    return (
      <p class="loading" role="status">
        {spinner && <span class="spinner" aria-hidden="true" />}
        {label ?? t('state.loading')}
      </p>
    );
  }

  return { ErrorMessage, Loading };
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
