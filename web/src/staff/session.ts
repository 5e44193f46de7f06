// The signed-in staff member and their tokens, kept in sessionStorage (gone when the tab closes).

import { createStore, readStored, useStore } from '../common/store';
import type { User } from '../common/types';

export interface Session {
  accessToken: string;
  /** Each refresh token works once: this is always the newest. */
  refreshToken: string;
  user: User;
}

const STORAGE_KEY = 'ht.session';

const session = createStore(readStored<Session>('sessionStorage', STORAGE_KEY));
/** Why the last session of this tab ended (`null` while signed in, or before the first login). */
let endReason: EndReason | null = null;

export type EndReason = 'expired' | 'logged_out';

export function getSession(): Session | null {
  return session.get();
}

export function setSession(next: Session | null): void {
  if (next) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    endReason = null;
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  session.set(next);
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
  return useStore(session);
}

/** IOC operators and administrators see the whole city and the dashboard. */
export function isCityWide(user: User): boolean {
  return user.role === 'ioc_operator' || user.role === 'admin';
}

export function isStaff(user: User): boolean {
  return user.role !== 'resident';
}
