// The latest live ticket events, newest first, announced politely to screen readers.

import { formatTime } from '../format';
import { eventLabel, nameOf, t } from '../i18n';
import type { MessageKey } from '../i18n';
import type { LiveState } from '../live';
import type { Reference } from '../reference';
import { paths } from '../router';
import type { LiveEvent } from '../../common/types';
import { StatusBadge } from './Status';

const STATE_LABEL: Record<LiveState, MessageKey> = {
  connecting: 'live.connecting',
  open: 'live.open',
  reconnecting: 'live.reconnecting',
};

export function LiveFeed({
  events,
  state,
  reference,
}: {
  events: LiveEvent[];
  state: LiveState;
  reference: Reference | undefined;
}) {
  const category = (code: string) => {
    const found = reference?.categories.find((c) => c.code === code);
    return found ? nameOf(found) : code;
  };
  const commune = (code: string | null) => {
    const found = code ? reference?.communes.find((c) => c.code === code) : undefined;
    return found ? nameOf({ name: found.full_name, name_en: found.full_name_en }) : (code ?? '');
  };
  const unit = (code: string | null) => {
    const found = code ? reference?.units.find((u) => u.code === code) : undefined;
    return found ? nameOf(found) : (code ?? '');
  };
  return (
    <div class="live-feed">
      <p class={`live-status live-status--${state}`} data-testid="live-status" data-state={state}>
        <span class="live-status__dot" aria-hidden="true" />
        {t(STATE_LABEL[state])}
      </p>
      {events.length === 0 && <p class="muted">{t('live.empty')}</p>}
      <ol class="live-feed__list" aria-live="polite" aria-relevant="additions" data-testid="live-feed">
        {events.map((event) => (
          <li key={event.id} class="live-feed__item">
            <time dateTime={event.at}>{formatTime(event.at)}</time>
            <div>
              <p class="live-feed__title">
                <a href={paths.ticket(event.report_id)}>{eventLabel(event.kind)}</a>{' '}
                <StatusBadge status={event.status} />
              </p>
              <p class="muted">
                {[category(event.category), commune(event.commune), unit(event.unit)].filter(Boolean).join(' · ')}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
