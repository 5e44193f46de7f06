// The signed-in resident: kept in IndexedDB (db.ts) so that it outlives the tab (a resident stays
// signed in on their phone) and so that the service worker can send queued reports with it;
// mirrored in memory and in a store for the pages. Refreshing the tokens is done by one context
// at a time (a Web Lock), since each refresh token works once.

import { createStore, useStore } from '../common/store';
import type { Tokens } from '../common/http';
import type { TokenPair, User } from '../common/types';
import { db } from './db';

export interface Session extends Tokens {
  user: User;
}

const KEY = 'current';
const session = createStore<Session | null>(null);

function fromPair(pair: TokenPair): Session {
  return { accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user };
}

/** Reads the stored session (at start, and before a refresh: another context may have renewed it). */
export async function loadSession(): Promise<Session | null> {
  const pair = await (await db()).get('session', KEY);
  const next = pair ? fromPair(pair) : null;
  session.set(next);
  return next;
}

export function getSession(): Session | null {
  return session.get();
}

export async function keepSession(pair: TokenPair): Promise<void> {
  await (await db()).put('session', pair, KEY);
  session.set(fromPair(pair));
}

export async function endSession(): Promise<void> {
  session.set(null);
  await (await db()).delete('session', KEY);
}

/** Runs `exchange` while no other tab or the service worker refreshes the same tokens. */
export async function exclusive<T>(exchange: () => Promise<T>): Promise<T> {
  const locked = async () => {
    await loadSession();
    return exchange();
  };
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('hientruong-session', locked)
    : locked();
}

/** The account as the server answered it now (after verifying it), kept with the tokens. */
export async function keepUser(user: User): Promise<void> {
  const pair = await (await db()).get('session', KEY);
  if (pair && pair.user.id === user.id) await keepSession({ ...pair, user });
}

/**
 * Whether the resident must still sign in, or verify their new account with the code sent to
 * it, before reporting or supporting a report (staff accounts are verified when made). A session
 * kept by an earlier version of the app does not say: the server decides (a report it refuses
 * waits in the outbox, and "my reports" asks for the code).
 */
export function needsAccount(current: Session | null): boolean {
  return !current || current.user.verified === false;
}

export function useSession(): Session | null {
  return useStore(session);
}
