// One value that several parts of the app share (the session, the language, the live stream's
// state): read it, replace it, be told when it changes; `useStore` re-renders a component then.
// Such a value often starts from the copy the browser kept of it (`readStored`).

import { useEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  /** Replaces the value and tells every listener; the same value again tells no one. */
  set(value: T): void;
  /** Calls `listener` with each new value; returns the function that stops it. */
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The value kept as JSON under `key` in the browser's `storage`; null when there is none, when
 * storage is refused (private mode, blocked) or when the copy does not read.
 */
export function readStored<T>(storage: 'localStorage' | 'sessionStorage', key: string): T | null {
  try {
    // Reaching the storage itself may throw where it is blocked.
    const stored = globalThis[storage].getItem(key);
    return stored ? (JSON.parse(stored) as T) : null;
  } catch {
    return null;
  }
}

/** The store's value (not a function: it would be taken for an updater); renders again on change. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    // The value may have changed between the render and this effect.
    setValue(store.get());
    return store.subscribe(setValue);
  }, [store]);
  return value;
}
