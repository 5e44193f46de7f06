// The signed-in staff member and their tokens, kept in sessionStorage (gone when the tab closes).

import { useEffect, useState } from 'preact/hooks';
import type { User } from './types';

export interface Session {
  accessToken: string;
  /** Each refresh token works once: this is always the newest. */
  refreshToken: string;
  user: User;
}

const STORAGE_KEY = 'ht.session';

function load(): Session | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = load();
/** Why the last session of this tab ended (`null` while signed in, or before the first login). */
let endReason: EndReason | null = null;
const listeners = new Set<() => void>();

export type EndReason = 'expired' | 'logged_out';

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    endReason = null;
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  for (const listener of listeners) listener();
}

/** Forgets the session: the user logged out, or the server no longer accepts it. */
export function endSession(reason: EndReason): void {
  endReason = reason;
  setSession(null);
}

export function sessionEndReason(): EndReason | null {
  return endReason;
}

export function useSession(): Session | null {
  const [session, update] = useState(current);
  useEffect(() => {
    const listener = () => update(current);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return session;
}

/** IOC operators and administrators see the whole city and the dashboard. */
export function isCityWide(user: User): boolean {
  return user.role === 'ioc_operator' || user.role === 'admin';
}

export function isStaff(user: User): boolean {
  return user.role !== 'resident';
}
