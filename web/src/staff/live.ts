// The live stream of public ticket events (`GET /api/v1/events`, Server-Sent Events): one
// connection for the whole app, open while some page listens.

import { useEffect, useRef } from 'preact/hooks';
import { EVENTS_URL } from './api';
import { createStore, useStore } from '../common/store';
import type { LiveEvent } from '../common/types';

/** `connecting` until the stream answers, `open` while it flows, `reconnecting` after a drop. */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

interface Listener {
  onEvent: (event: LiveEvent) => void;
  /** After a reconnection: events may have been missed, so figures should be fetched again. */
  onResume: () => void;
}

const listeners = new Set<Listener>();
let source: EventSource | null = null;
const state = createStore<LiveState>('connecting');

function setState(next: LiveState): void {
  const resumed = next === 'open' && state.get() === 'reconnecting';
  state.set(next);
  if (resumed) for (const listener of listeners) listener.onResume();
}

function connect(): void {
  state.set('connecting');
  source = new EventSource(EVENTS_URL);
  source.addEventListener('open', () => setState('open'));
  // The browser reconnects by itself (the server asks for 3 s); until then the state says so.
  source.addEventListener('error', () => setState('reconnecting'));
  source.addEventListener('ticket', (message: MessageEvent<string>) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return; // not an event of this version of the API
    }
    for (const listener of listeners) listener.onEvent(event);
  });
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/**
 * Calls `onEvent` for each live event while the component is mounted, `onResume` after the stream
 * came back from a drop, and returns the state of the connection.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, onResume: () => void): LiveState {
  const handlers = useRef({ onEvent, onResume });
  handlers.current = { onEvent, onResume };
  const current = useStore(state);
  useEffect(
    () =>
      subscribe({
        onEvent: (event) => handlers.current.onEvent(event),
        onResume: () => handlers.current.onResume(),
      }),
    [],
  );
  return current;
}
