// Loading, empty and error states, announced to screen readers.

import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';
import { t } from '../i18n';

/** An error from the server, in its own words (already in the interface language). */
export function ErrorMessage({ error, onRetry, testId }: { error: ApiError; onRetry?: () => void; testId?: string }) {
  return (
    <div class="alert alert--error" role="alert" data-testid={testId ?? 'error'} data-code={error.code}>
      <p>{error.message}</p>
      {/* A server fault is worth reporting: its request id finds it in the logs. */}
      {error.requestId && error.status >= 500 && (
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

export function Loading({ label }: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
