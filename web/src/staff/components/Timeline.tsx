// Every event of a ticket, internal ones included, oldest first.

import { formatDateTime } from '../format';
import { eventLabel, nameOf, roleLabel, t } from '../i18n';
import { paths } from '../router';
import type { TicketEvent, Unit } from '../../common/types';
import { StatusBadge } from './Status';

function actorLabel(event: TicketEvent): string {
  const actor = event.actor;
  if (!actor) return t('timeline.system');
  const role = roleLabel(actor.role);
  if (!actor.full_name) return actor.role === 'resident' ? t('timeline.reporter') : role;
  return `${actor.full_name} (${role})`;
}

export function Timeline({ events, units }: { events: TicketEvent[]; units: Unit[] }) {
  const unitName = (code: string | null | undefined) => {
    if (!code) return '';
    const unit = units.find((u) => u.code === code);
    return unit ? nameOf(unit) : code;
  };
  return (
    <ol class="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} class={event.public ? 'timeline__item' : 'timeline__item timeline__item--internal'}>
          <div class="timeline__head">
            <strong class="timeline__kind">{eventLabel(event.kind)}</strong>
            <span class={event.public ? 'tag tag--public' : 'tag tag--internal'}>
              {event.public ? t('timeline.public') : t('timeline.internal')}
            </span>
          </div>
          <p class="timeline__meta">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {actorLabel(event)}
          </p>
          {event.to_status && event.from_status !== event.to_status && (
            <p class="timeline__line">
              {event.from_status && (
                <>
                  <StatusBadge status={event.from_status} /> <span aria-hidden="true">→</span>
                  <span class="sr-only">{t('timeline.to')}</span>{' '}
                </>
              )}
              <StatusBadge status={event.to_status} />
            </p>
          )}
          {event.from_unit && event.from_unit !== event.unit && (
            <p class="timeline__line">
              {t('timeline.transfer', { from: unitName(event.from_unit), to: unitName(event.unit) })}
            </p>
          )}
          {event.assignee && <p class="timeline__line">{t('timeline.assignee', { name: event.assignee.full_name })}</p>}
          {event.duplicate_of && (
            <p class="timeline__line">
              {t('timeline.duplicate_of')} <a href={paths.ticket(event.duplicate_of)}>{event.duplicate_of}</a>
            </p>
          )}
          {event.public_answer && (
            <div class="timeline__text timeline__text--public">
              <span class="timeline__label">{t('timeline.public_answer')}</span>
              <p>{event.public_answer}</p>
            </div>
          )}
          {event.note && (
            <div class="timeline__text">
              <span class="timeline__label">{t('timeline.note')}</span>
              <p>{event.note}</p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
