// One report's public page, with a shareable address (#/reports/<id>, or #/code/<tracking code>
// for a resident who has only the code from the hotline): its status and deadline ("Hạn xử lý")
// counting down, the description and photos (before and after), the unit's answer, the public
// timeline; support it; and, for its reporter, rate the result once it is resolved.

import { useState } from 'preact/hooks';
import type { ApiError } from '../../common/http';
import { useAsync, useNow } from '../../common/hooks';
import { nameOf, useLocale } from '../../common/locale';
import type { ReportDetail } from '../../common/types';
import { asApiError, getReport, rate, reportByCode, support, supportOf, withdrawSupport } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { StatusBadge } from '../components/ReportCard';
import { SignIn } from '../components/SignIn';
import { dueText, formatDateTime } from '../format';
import { needsAccount, useSession } from '../session';
import { eventLabel, t } from '../strings';

const FINISHED = new Set(['resolved', 'closed', 'rejected', 'duplicate', 'withdrawn']);

function Due({ due }: { due: string }) {
  const now = useNow(30_000);
  const { text, late } = dueText(due, now);
  return (
    <p class={late ? 'due due--late' : 'due'} data-testid="due">
      <strong>{t('detail.due')}:</strong> {formatDateTime(due)} ({text})
    </p>
  );
}

function SupportBox({ report }: { report: ReportDetail }) {
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mine = report.mine === true;
  const resident = session?.user.role === 'resident';
  const state = useAsync(() => (resident && !mine ? supportOf(report.id) : Promise.resolve(null)), [resident, report.id, mine]);
  const count = state.data?.support_count ?? report.support_count;
  async function toggle() {
    setError(null);
    try {
      state.set(state.data?.supported ? await withdrawSupport(report.id) : await support(report.id));
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  if (mine) return <p data-testid="support-count">{t('support.count', { count })}</p>;
  return (
    <div class="panel">
      <p data-testid="support-count">{t('support.count', { count })}</p>
      {!FINISHED.has(report.status) &&
        (!needsAccount(session) ? (
          <button type="button" class="button" onClick={toggle} aria-pressed={state.data?.supported ?? false} data-testid="support-toggle">
            {state.data?.supported ? t('support.withdraw') : t('support.add')}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => setAsking(true)}>
            {t('support.add')}
          </button>
        ))}
      {error && <ErrorMessage error={error} />}
      {asking && needsAccount(session) && <SignIn intro={t('nearby.sign_in')} onDone={() => setAsking(false)} />}
    </div>
  );
}

function RatingForm({ report, onRated }: { report: ReportDetail; onRated: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(event: Event) {
    event.preventDefault();
    if (score === 0) return;
    try {
      await rate(report.id, score, comment.trim() || null);
      onRated();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  return (
    <form class="panel" onSubmit={submit} data-testid="rating-form">
      <fieldset>
        <legend>{t('rating.title')}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="star">
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <span>{t('rating.score', { n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p class="hint">{t('rating.hint')}</p>
      <label for="rating-comment">{t('rating.comment')}</label>
      <textarea id="rating-comment" rows={3} maxLength={4000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      {error && <ErrorMessage error={error} />}
      <button type="submit" class="button button--primary" disabled={score === 0}>
        {t('rating.submit')}
      </button>
    </form>
  );
}

async function share(report: ReportDetail): Promise<void> {
  const url = `${location.origin}/#/reports/${report.id}`;
  try {
    if (navigator.share) await navigator.share({ title: report.tracking_code, url });
    else await navigator.clipboard.writeText(url);
  } catch {
    // Cancelled by the resident.
  }
}

/** The page, read again when someone signs in or out (the reporter sees more of it). */
export function DetailPage(props: { id?: string; code?: string }) {
  const session = useSession();
  return <Detail key={session?.user.id ?? 'anonymous'} {...props} />;
}

function Detail({ id, code }: { id?: string; code?: string }) {
  useLocale();
  const report = useAsync(() => (id ? getReport(id) : reportByCode(code ?? '').then((r) => getReport(r.id))), [id, code]);
  if (report.error) return <ErrorMessage error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const before = r.photos.filter((p) => p.kind === 'report');
  const after = r.photos.filter((p) => p.kind === 'resolution');
  const canRate = r.mine === true && r.status === 'resolved';
  return (
    <article class="detail" data-testid="report-detail">
      <h1>{nameOf({ name: r.category_name, name_en: r.category_name_en })}</h1>
      <p class="detail-meta">
        <StatusBadge status={r.status} /> <span data-testid="tracking-code">{r.tracking_code}</span> · {formatDateTime(r.created_at)}
      </p>
      {r.due_at && !FINISHED.has(r.status) && <Due due={r.due_at} />}
      <p class="detail-text">{r.text_hidden && !r.description ? <em>{t('report.text_hidden')}</em> : r.description}</p>
      {r.address && <p class="muted">{r.address}</p>}
      <p class="muted">
        {nameOf(r.commune)} · {nameOf(r.unit)}
      </p>
      {before.length > 0 && (
        <section aria-labelledby="before-title">
          <h2 id="before-title">{t('detail.photos_before')}</h2>
          <ul class="photos">
            {before.map((p) => (
              <li key={p.id}>
                <a href={p.display.url}>
                  <img src={p.thumb.url} width={p.thumb.width} height={p.thumb.height} alt={t('detail.photo_before')} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.public_answer && (
        <section class="panel answer" aria-labelledby="answer-title" data-testid="answer">
          <h2 id="answer-title">{t('detail.answer')}</h2>
          <p>{r.public_answer}</p>
        </section>
      )}
      {after.length > 0 && (
        <section aria-labelledby="after-title">
          <h2 id="after-title">{t('detail.photos_after')}</h2>
          <ul class="photos">
            {after.map((p) => (
              <li key={p.id}>
                <a href={p.display.url}>
                  <img src={p.thumb.url} width={p.thumb.width} height={p.thumb.height} alt={t('detail.photo_after')} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {canRate && <RatingForm report={r} onRated={report.reload} />}
      {r.mine && r.status === 'reopened' && <p class="panel">{t('rating.reopened')}</p>}
      <SupportBox report={r} />
      <button type="button" class="button" onClick={() => void share(r)}>
        {t('detail.share')}
      </button>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('detail.timeline')}</h2>
        <ol class="timeline" data-testid="timeline">
          {r.timeline.map((entry, i) => (
            <li key={i}>
              <span class="timeline-time">{formatDateTime(entry.at)}</span> <strong>{eventLabel(entry.kind)}</strong>
              {entry.public_answer && <p>{entry.public_answer}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
