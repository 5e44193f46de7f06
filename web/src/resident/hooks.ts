// Hooks of the residents' app: the network's state and the outbox.

import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../common/store';
import type { QueuedReport } from './db';
import { outbox } from './outbox';

/** Whether the phone says it is online; re-renders when that changes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function useOutbox(): QueuedReport[] {
  return useStore(outbox);
}
