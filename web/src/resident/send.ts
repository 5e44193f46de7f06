// Starting the outbox from the page: now, on the `online` event, at start, every half minute
// while something waits, and through Background Sync (the service worker) where the browser has
// it, so that a report goes even if the resident closes the app before the network returns.

import { SYNC_TAG, flush, pending, refreshOutbox } from './outbox';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser to run the service worker's sync when the network is back. */
async function registerSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.ready) as SyncRegistration | undefined;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync here (or no service worker): the page's own triggers remain.
  }
}

let running: Promise<void> | null = null;

/** Sends what waits, once at a time in this page. */
export function sendNow(): Promise<void> {
  running ??= flush()
    .catch(() => undefined)
    .finally(() => {
      running = null;
    });
  return running;
}

export function startOutbox(): void {
  window.addEventListener('online', () => void sendNow());
  setInterval(() => {
    if (navigator.onLine) {
      void refreshOutbox().then((items) => {
        if (pending(items)) void sendNow();
      });
    }
  }, 30_000);
  void refreshOutbox().then((items) => {
    if (pending(items)) {
      void registerSync();
      void sendNow();
    }
  });
}

/** After queuing a report: send it now, and have the browser send it later if that fails. */
export function queued(): Promise<void> {
  void registerSync();
  return sendNow();
}
