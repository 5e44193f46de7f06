// Reports on their way to the server. Sending a report puts it here first (IndexedDB, with its
// photos and the `Idempotency-Key` its draft was given), then the outbox sends it: the report,
// then each photo with its own key, recording every step, so that a reload, a crash of the tab or
// a connection cut after the server committed never loses it nor makes a second report. It is
// sent at once, at the next start, on the `online` event, by Background Sync where the browser has
// it (the service worker runs `flush` too), and again while the page is open. One context sends
// at a time (a Web Lock).

import { createStore } from '../common/store';
import { ApiError, addPhoto, isNetworkError, submitReport } from './api';
import { db } from './db';
import type { Draft, QueuedReport } from './db';
import { getSession } from './session';

export const SYNC_TAG = 'hientruong-outbox';

/** The queued reports, newest first, for the pages; refreshed after every change. */
export const outbox = createStore<QueuedReport[]>([]);

export async function refreshOutbox(): Promise<QueuedReport[]> {
  const items = (await (await db()).getAll('outbox')).sort((a, b) => b.queuedAt - a.queuedAt);
  outbox.set(items);
  return items;
}

async function save(item: QueuedReport): Promise<void> {
  await (await db()).put('outbox', item);
  await refreshOutbox();
}

/** Moves the draft into the outbox (one transaction: it is in exactly one of the two). */
export async function enqueue(draft: Draft): Promise<QueuedReport> {
  const item: QueuedReport = {
    key: draft.key,
    body: {
      category: draft.category,
      description: draft.description,
      address: draft.address.trim() || null,
      lat: draft.lat,
      lon: draft.lon,
      location_source: draft.source,
      // The statistics count reports by channel: this is the residents' web app.
      channel: 'web',
    },
    photos: draft.photos,
    state: 'waiting',
    reason: null,
    reportId: null,
    trackingCode: null,
    queuedAt: Date.now(),
    attempts: 0,
  };
  const tx = (await db()).transaction(['outbox', 'draft'], 'readwrite');
  await Promise.all([tx.objectStore('outbox').put(item), tx.objectStore('draft').delete('current'), tx.done]);
  await refreshOutbox();
  return item;
}

/** Forgets a report that failed for good, or one that was sent and is shown elsewhere now. */
export async function discard(key: string): Promise<void> {
  await (await db()).delete('outbox', key);
  await refreshOutbox();
}

/** Sends one queued report as far as it goes; answers whether it is now fully sent. */
async function sendOne(queued: QueuedReport): Promise<boolean> {
  let item = queued;
  if (!getSession()) {
    await save({ ...item, state: 'waiting', reason: { code: 'sign_in', message: '' } });
    return false;
  }
  item = { ...item, state: 'sending', reason: null, attempts: item.attempts + 1 };
  await save(item);
  // Every step the server acknowledged is saved before the next request, so that a crash never
  // sends it twice; the last step's is saved with the state `sent` below.
  const unsent = item.photos.filter((p) => !p.sent);
  try {
    if (!item.reportId) {
      const report = await submitReport(item.key, item.body);
      item = { ...item, reportId: report.id, trackingCode: report.tracking_code };
      if (unsent.length > 0) await save({ ...item, state: 'sending' });
    }
    for (const [i, photo] of unsent.entries()) {
      await addPhoto(item.reportId as string, photo.key, photo.blob, photo.name);
      photo.sent = true;
      if (i < unsent.length - 1) await save({ ...item, state: 'sending' });
    }
    // Sent: the photos' bytes are the server's now; the entry stays to say so.
    await save({ ...item, photos: item.photos.map((p) => ({ ...p, blob: new Blob() })), state: 'sent', reason: null });
    return true;
  } catch (error) {
    // Kept to send again: no network, a session to renew, a limit, or an account to verify
    // (the resident enters the code, then it goes).
    const retry =
      isNetworkError(error) ||
      (error instanceof ApiError && (error.status === 401 || error.status === 429 || error.code === 'verification_required'));
    const reason =
      error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'unexpected', message: String(error) };
    await save({ ...item, state: retry ? 'waiting' : 'failed', reason });
    return false;
  }
}

/**
 * Sends every waiting report, oldest first; stops at the first that cannot go (no network, no
 * session), since the rest would not either.
 */
export async function flush(): Promise<void> {
  const run = async () => {
    const items = (await refreshOutbox()).filter((i) => i.state === 'waiting' || i.state === 'sending').reverse();
    for (const item of items) {
      if (!(await sendOne(item))) break;
    }
  };
  await (typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('hientruong-outbox', { ifAvailable: false }, run)
    : run());
}

/** Whether any report still waits to be sent. */
export function pending(items: QueuedReport[]): boolean {
  return items.some((i) => i.state === 'waiting' || i.state === 'sending');
}

/** Takes a report that failed back into the draft, to be corrected and sent again. */
export async function backToDraft(item: QueuedReport, key: string): Promise<Draft> {
  const draft: Draft = {
    key,
    category: item.body.category,
    description: item.body.description,
    address: item.body.address ?? '',
    lat: item.body.lat ?? null,
    lon: item.body.lon ?? null,
    accuracy: null,
    source: item.body.location_source === 'photo' ? 'photo' : 'device',
    photos: item.photos,
    updatedAt: Date.now(),
  };
  const tx = (await db()).transaction(['outbox', 'draft'], 'readwrite');
  await Promise.all([tx.objectStore('draft').put(draft, 'current'), tx.objectStore('outbox').delete(item.key), tx.done]);
  await refreshOutbox();
  return draft;
}
