// Small hooks shared by the pages.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Inputs } from 'preact/hooks';
import { asApiError } from './http';
import type { ApiError } from './http';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** A request is running (the previous data, if any, stays shown meanwhile). */
  loading: boolean;
  /** When the data last arrived (ms since the epoch). */
  loadedAt: number | null;
  reload: () => void;
  /** Replaces the data with a newer copy the app already has (e.g. a transition's answer). */
  set: (data: T) => void;
}

/** Runs `load` when `inputs` change or on `reload()`; answers of outdated runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, inputs: Inputs): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (run !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
        setLoadedAt(Date.now());
      },
      (failure: unknown) => {
        if (run !== latest.current) return;
        setError(asApiError(failure));
        setLoading(false);
      },
    );
    // `load` is a new closure on every render; `inputs` say when it means something new. They are
    // the caller's dependencies of `load`, which the lint checks where useAsync is called (it is
    // one of exhaustive-deps' `additionalHooks` in .oxlintrc.json), so not again here.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [...inputs, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((value: T) => {
    latest.current++;
    setData(value);
    setError(null);
    setLoading(false);
    setLoadedAt(Date.now());
  }, []);
  return { data, error, loading, loadedAt, reload, set };
}

/**
 * The page the address's hash names, as `parse` reads it; renders again when the hash changes.
 * Both apps route by the hash, so that the server only ever serves their page.
 */
export function useHashRoute<R>(parse: (hash: string) => R): R {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [parse]);
  return route;
}

/** The current time, renewed every `intervalMs`: for countdowns. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A function that runs `action` at most once per `delayMs`: the first call schedules it, the calls
 * until it runs are folded into that run.
 */
export function useThrottled(action: () => void, delayMs: number): () => void {
  const latestAction = useRef(action);
  latestAction.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latestAction.current();
    }, delayMs);
  }, [delayMs]);
}
