// One ticket: the report, its photos and place, the timeline, and the actions the caller may take.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getTicket } from '../api';
import { ActionPanel } from '../components/ActionPanel';
import { ErrorMessage, Loading } from '../components/Feedback';
import { PhotoGallery } from '../components/PhotoGallery';
import { DueCountdown, EscalationBadge, StatusBadge } from '../components/Status';
import { TicketMap } from '../components/TicketMap';
import { Timeline } from '../components/Timeline';
import { formatDateTime, formatNumber } from '../format';
import { useAsync, useNow, useThrottled } from '../../common/hooks';
import { nameOf, t } from '../i18n';
import { useLiveEvents } from '../live';
import { useReference } from '../reference';
import { inboxAsLastShown, paths } from '../router';
import type { Action, Photo, TicketDetail, User } from '../../common/types';

function Detail({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function When({ iso }: { iso: string | null | undefined }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span class="muted">{t('value.none')}</span>;
}

export function TicketPage({ id, user }: { id: string; user: User }) {
  const ticket = useAsync(() => getTicket(id), [id]);
  const units = useReference().data?.units ?? [];
  const now = useNow(30_000);
  const [announcement, setAnnouncement] = useState('');
  const [uploaded, setUploaded] = useState<Photo[]>([]);

  const reload = useThrottled(ticket.reload, 1000);
  useLiveEvents((event) => {
    if (event.report_id === id) reload();
  }, reload);

  if (!ticket.data) {
    return (
      <section aria-labelledby="ticket-title">
        <p>
          <a href={inboxAsLastShown()}>{t('ticket.back')}</a>
        </p>
        <h1 id="ticket-title">{t('ticket.title')}</h1>
        {ticket.error ? <ErrorMessage error={ticket.error} onRetry={ticket.reload} /> : <Loading />}
      </section>
    );
  }

  const data = ticket.data;
  const reportPhotos = data.photos.filter((p) => p.kind !== 'resolution');
  const afterPhotos = [...data.photos.filter((p) => p.kind === 'resolution')];
  for (const photo of uploaded) if (!afterPhotos.some((p) => p.id === photo.id)) afterPhotos.push(photo);
  const communeName = nameOf(data.commune);

  function updated(next: TicketDetail, action: Action) {
    ticket.set(next);
    setAnnouncement(t('ticket.updated', { action: t(`action.${action}`), status: t(`status.${next.status}`) }));
  }

  function photoUploaded(photo: Photo) {
    setUploaded((list) => [...list, photo]);
    setAnnouncement(t('photos.uploaded'));
    ticket.reload();
  }

  return (
    <article aria-labelledby="ticket-title" class="ticket" data-testid="ticket-page" data-ticket-id={data.id}>
      <p>
        <a href={inboxAsLastShown()}>{t('ticket.back')}</a>
      </p>
      <header class="ticket__head">
        <h1 id="ticket-title">
          <span class="sr-only">{t('ticket.title')} </span>
          <span class="code" data-testid="ticket-code">
            {data.tracking_code}
          </span>
        </h1>
        <div class="ticket__badges">
          <StatusBadge status={data.status} testId="ticket-status" />
          {data.urgent && <span class="badge badge--urgent">{t('ticket.urgent')}</span>}
          {data.overdue && <span class="badge badge--overdue">{t('ticket.overdue')}</span>}
          <EscalationBadge level={data.escalation_level} />
          {data.after_photo_located === false && (
            <span class="badge badge--overdue" data-testid="after-photo-unlocated" title={t('photos.after_unlocated_hint')}>
              {t('photos.after_unlocated')}
            </span>
          )}
        </div>
      </header>
      <p class="sr-only" aria-live="polite" data-testid="ticket-announcer">
        {announcement}
      </p>
      {ticket.error && <ErrorMessage error={ticket.error} onRetry={ticket.reload} />}

      <div class="ticket__grid">
        <div class="ticket__main">
          <section class="panel" aria-labelledby="report-title">
            <h2 id="report-title">{t('ticket.report')}</h2>
            <p class="ticket__description">{data.description}</p>
            <dl class="details">
              <Detail term={t('ticket.category')}>
                {nameOf({ name: data.category_name, name_en: data.category_name_en })}
              </Detail>
              <Detail term={t('ticket.address')}>{data.address ?? <span class="muted">{t('value.none')}</span>}</Detail>
              <Detail term={t('ticket.commune')}>{communeName}</Detail>
              <Detail term={t('ticket.unit')}>{nameOf(data.unit)}</Detail>
              <Detail term={t('ticket.received_at')}>
                <When iso={data.created_at} />
              </Detail>
              <Detail term={t('ticket.due')}>
                {data.stage === 'paused' ? t('ticket.paused') : <DueCountdown dueAt={data.due_at} now={now} />}
              </Detail>
              <Detail term={t('ticket.accept_due')}>
                <When iso={data.accept_due_at} />
              </Detail>
              <Detail term={t('ticket.resolve_due')}>
                <When iso={data.resolve_due_at} />
              </Detail>
              <Detail term={t('ticket.clock')}>{t(`clock.${data.sla_clock}`)}</Detail>
              <Detail term={t('ticket.escalation')}>
                {t(`escalation.level.${Math.min(Math.max(data.escalation_level, 0), 3) as 0 | 1 | 2 | 3}`)}
              </Detail>
              <Detail term={t('ticket.hops')}>{formatNumber(data.hops)}</Detail>
              <Detail term={t('ticket.assignee')}>
                {data.assignee?.full_name ?? <span class="muted">{t('value.none')}</span>}
              </Detail>
              {data.duplicate_of && (
                <Detail term={t('ticket.duplicate_of')}>
                  <a href={paths.ticket(data.duplicate_of)}>{data.duplicate_of}</a>
                </Detail>
              )}
              {data.reporter && (
                <Detail term={t('ticket.reporter')}>
                  {data.reporter.full_name} ({data.reporter.login})
                </Detail>
              )}
              {data.public_answer && <Detail term={t('ticket.public_answer')}>{data.public_answer}</Detail>}
              {data.rating && (
                <Detail term={t('ticket.rating')}>
                  {t('ticket.rating_value', { score: data.rating.score })}
                  {data.rating.comment && ` — ${data.rating.comment}`}
                </Detail>
              )}
            </dl>
          </section>

          <section class="panel" aria-labelledby="photos-title">
            <h2 id="photos-title">{t('photos.title')}</h2>
            {reportPhotos.length > 0 ? (
              <PhotoGallery photos={reportPhotos} label={t('photos.report')} testId="report-photos" />
            ) : (
              <p class="muted">{t('photos.none')}</p>
            )}
            {afterPhotos.length > 0 && (
              <>
                <h3>{t('photos.after')}</h3>
                <PhotoGallery photos={afterPhotos} label={t('photos.after')} testId="ticket-after-photos" />
              </>
            )}
          </section>

          <section class="panel" aria-labelledby="map-title">
            <h2 id="map-title">{t('ticket.location')}</h2>
            <TicketMap lat={data.lat} lon={data.lon} communeCode={data.commune.code} communeName={communeName} />
          </section>
        </div>

        <div class="ticket__side">
          <ActionPanel
            ticket={data}
            user={user}
            units={units}
            afterPhotos={afterPhotos}
            onUpdated={updated}
            onPhotoUploaded={photoUploaded}
          />
          <section class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('ticket.timeline')}</h2>
            <Timeline events={data.events} units={units} />
          </section>
        </div>
      </div>
    </article>
  );
}
