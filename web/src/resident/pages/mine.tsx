// The resident's reports: those still on the phone (waiting for the network, sending, sent, or
// refused with the server's reason), then those the server holds, with their status and deadline.

import { useEffect } from 'preact/hooks';
import { useAsync, useNow } from '../../common/hooks';
import { useLocale } from '../../common/locale';
import { myReports, newIdempotencyKey } from '../api';
import { Empty, ErrorMessage, Loading } from '../components/Feedback';
import { ReportCard } from '../components/ReportCard';
import { SignIn } from '../components/SignIn';
import { Verify } from '../components/Verify';
import type { QueuedReport } from '../db';
import { dueText, formatAge } from '../format';
import { useOutbox } from '../hooks';
import { backToDraft, discard } from '../outbox';
import { navigate, paths } from '../router';
import { sendNow } from '../send';
import { needsAccount, useSession } from '../session';
import { t } from '../strings';

function stateText(item: QueuedReport): string {
  switch (item.state) {
    case 'waiting':
      if (item.reason?.code === 'sign_in') return t('outbox.waiting_sign_in');
      if (item.reason?.code === 'verification_required') return t('outbox.waiting_verification');
      return t('outbox.waiting');
    case 'sending':
      return t('outbox.sending');
    case 'sent':
      return t('outbox.sent', { code: item.trackingCode ?? '' });
    case 'failed':
      return t('outbox.failed', { reason: item.reason?.message ?? '' });
  }
}

function Queued({ item }: { item: QueuedReport }) {
  return (
    <li class={`card queued queued--${item.state}`} data-testid="queued" data-state={item.state}>
      <div class="card-body">
        <p class="card-text">{item.body.description}</p>
        <p role="status" class="card-meta">
          {stateText(item)} · {formatAge(new Date(item.queuedAt).toISOString())}
          {item.photos.length > 0 && ` · ${t('outbox.photos', { count: item.photos.length })}`}
        </p>
        <div class="row">
          {item.state === 'sent' && item.reportId && (
            <a class="button" href={paths.detail(item.reportId)}>
              {t('outbox.open')}
            </a>
          )}
          {item.state === 'waiting' && (
            <button type="button" class="button" onClick={() => void sendNow()}>
              {t('outbox.retry')}
            </button>
          )}
          {item.state === 'failed' && (
            <>
              <button
                type="button"
                class="button"
                onClick={() =>
                  void backToDraft(item, item.reason?.code === 'idempotency_conflict' ? newIdempotencyKey() : item.key).then(() => navigate(paths.report))
                }
              >
                {t('outbox.edit')}
              </button>
              <button type="button" class="button" onClick={() => void discard(item.key)}>
                {t('outbox.discard')}
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

function Countdown({ due }: { due: string }) {
  const now = useNow(60_000);
  const { text, late } = dueText(due, now);
  return <p class={late ? 'due due--late' : 'due'}>{t('detail.due')}: {text}</p>;
}

export function MinePage() {
  useLocale();
  const session = useSession();
  const queue = useOutbox();
  const signedIn = session !== null;
  const sentCount = queue.filter((q) => q.state === 'sent').length;
  const reports = useAsync(() => (signedIn ? myReports({ limit: 100 }) : Promise.resolve(null)), [signedIn]);
  // A report the outbox has just sent is fetched from the server.
  const { reload } = reports;
  useEffect(() => {
    if (sentCount > 0) reload();
  }, [sentCount, reload]);

  // A sent report the server lists is shown from there: the phone's entry goes.
  useEffect(() => {
    const held = new Set((reports.data?.items ?? []).map((r) => r.id));
    for (const item of queue) {
      if (item.state === 'sent' && item.reportId && held.has(item.reportId) && Date.now() - item.queuedAt > 60_000) void discard(item.key);
    }
  }, [reports.data, queue]);

  return (
    <>
      <h1>{t('mine.title')}</h1>
      {queue.length > 0 && (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t('outbox.title')}</h2>
          <ul class="cards" data-testid="outbox">
            {queue.map((item) => (
              <Queued key={item.key} item={item} />
            ))}
          </ul>
        </section>
      )}
      {needsAccount(session) && <SignIn intro={t('mine.sign_in')} onDone={() => void sendNow()} />}
      {!needsAccount(session) && queue.some((i) => i.state === 'waiting' && i.reason?.code === 'verification_required') && (
        <Verify onDone={() => undefined} />
      )}
      {reports.error && <ErrorMessage error={reports.error} onRetry={reports.reload} />}
      {signedIn && reports.loading && !reports.data && <Loading />}
      {reports.data && (
        <section aria-labelledby="mine-list-title">
          <h2 id="mine-list-title">{t('mine.sent_title')}</h2>
          {reports.data.items.length === 0 && <Empty>{t('mine.empty')}</Empty>}
          <ul class="cards" data-testid="my-reports">
            {reports.data.items.map((r) => (
              <ReportCard key={r.id} report={r}>
                {r.due_at && <Countdown due={r.due_at} />}
              </ReportCard>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
