// What the resident is told about the reports they follow: the unread count for the badge (asked
// when the app starts, every minute while it is open and online, and when a push arrives), and
// this browser's push subscription.

import { createStore, useStore } from '../common/store';
import { forgetPushSubscription, keepPushSubscription, myNotifications, pushKey } from './api';
import { getSession } from './session';

const unread = createStore<number>(0);

export function useUnread(): number {
  return useStore(unread);
}

export function setUnread(count: number): void {
  unread.set(count);
}

/** Asks the server for the unread count (nothing when signed out or offline). */
export async function refreshUnread(): Promise<void> {
  if (!getSession()) {
    unread.set(0);
    return;
  }
  try {
    const page = await myNotifications();
    unread.set(page.unread);
  } catch {
    // Offline or signed out meanwhile: the badge keeps what it showed.
  }
}

/** Keeps the badge current while the app is open. */
export function startUnread(): void {
  void refreshUnread();
  setInterval(() => {
    if (navigator.onLine && document.visibilityState === 'visible') void refreshUnread();
  }, 60_000);
  window.addEventListener('online', () => void refreshUnread());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshUnread();
  });
  // The service worker says when a push arrived.
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'push') void refreshUnread();
  });
}

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Whether this browser receives the server's pushes. */
export async function pushState(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Subscribes this browser (asking the resident's permission) and tells the server. */
export async function turnPushOn(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const registration = await navigator.serviceWorker.ready;
  const { public_key } = await pushKey();
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another key (the server's was replaced) cannot be used.
  const key = subscription?.options.applicationServerKey;
  if (subscription && key && !sameKey(new Uint8Array(key), fromBase64Url(public_key))) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(public_key),
  });
  const json = subscription.toJSON();
  await keepPushSubscription({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
  return 'on';
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Unsubscribes this browser, and tells the server. */
export async function turnPushOff(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) {
    await forgetPushSubscription(subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  }
  return 'off';
}
