/// <reference lib="webworker" />
// The residents' service worker (`/sw.js`, scope `/`). It keeps the app's shell (its page, scripts,
// styles, icons and manifest: the list build.mjs writes into __SHELL__) so that the app opens with
// no network after a first visit, and it sends queued reports through Background Sync. A new build
// is a new worker with a new cache; the old cache goes when it takes over. The API, photos and
// map tiles are not cached here: the app keeps what it needs itself (outbox.ts).

import { SYNC_TAG, flush } from './outbox';
import { loadSession } from './session';

declare const self: ServiceWorkerGlobalScope;
declare const __SHELL__: string[];
declare const __VERSION__: string;

const CACHE = `hientruong-shell-${__VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: the files from the server, not from the browser's HTTP cache.
      await cache.addAll(__SHELL__.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('hientruong-shell-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** The residents' page: any navigation to `/` (its routes are in the hash). */
function isShellPage(url: URL): boolean {
  return url.origin === self.location.origin && url.pathname === '/';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    if (!isShellPage(url)) return;
    // The page from the network when it answers quickly, so that a new release shows at once;
    // otherwise (offline, a weak network) the kept one. Only `install` writes the cache, so that
    // the kept page always goes with the kept scripts.
    event.respondWith(
      (async () => {
        const network = fetch(request);
        network.catch(() => undefined);
        const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000));
        try {
          const answer = await Promise.race([network, timeout]);
          if (answer) return answer;
        } catch {
          // Offline: the kept page below.
        }
        return (await caches.match('/', { cacheName: CACHE })) ?? network;
      })(),
    );
    return;
  }
  if (url.origin === self.location.origin && (url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest')) {
    event.respondWith(
      (async () => (await caches.match(request, { cacheName: CACHE })) ?? fetch(request))(),
    );
  }
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      await loadSession();
      await flush();
    })(),
  );
}) as EventListener);

self.addEventListener('message', (event) => {
  if (event.data === 'flush') event.waitUntil((async () => (await loadSession(), flush()))());
});

/** The app's icon, under its hashed name in the shell's list. */
const ICON = __SHELL__.find((url) => /\/icon-192-/.test(url));

/** What the server pushes (docs/api.md, "Hearing back"): public data only. */
interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
  image?: string;
}

// A push from the server: shown as a notification (one per report: a newer one replaces it), and
// the open app, if any, updates its badge.
self.addEventListener('push', (event) => {
  let message: PushMessage;
  try {
    message = event.data?.json() as PushMessage;
  } catch {
    return;
  }
  if (!message?.title) return;
  event.waitUntil(
    (async () => {
      await self.registration.showNotification(message.title, {
        body: message.body,
        tag: message.tag,
        icon: ICON,
        badge: ICON,
        data: { url: message.url },
        ...(message.image ? { image: message.image } : {}),
      } as NotificationOptions);
      for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'push' });
    })(),
  );
});

// Tapping it opens the report: in the app's open window when there is one, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/', self.location.origin);
  if (url.origin !== self.location.origin) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.navigate(url.href).catch(() => undefined);
        await open.focus();
      } else {
        await self.clients.openWindow(url.href);
      }
    })(),
  );
});
