// The report being written, kept in IndexedDB on every change (db.ts): a reload, a crash of the
// tab or signing in halfway loses nothing. Its `Idempotency-Key` is made once, when it is first
// saved, and goes with it into the outbox.

import { newIdempotencyKey } from './api';
import { db } from './db';
import type { Draft } from './db';

export function emptyDraft(): Draft {
  return {
    key: newIdempotencyKey(),
    category: '',
    description: '',
    address: '',
    lat: null,
    lon: null,
    accuracy: null,
    source: 'device',
    photos: [],
    updatedAt: Date.now(),
  };
}

export async function loadDraft(): Promise<Draft> {
  const stored = await (await db()).get('draft', 'current');
  if (stored) return stored;
  const fresh = emptyDraft();
  await saveDraft(fresh);
  return fresh;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await (await db()).put('draft', { ...draft, updatedAt: Date.now() }, 'current');
}

export async function discardDraft(): Promise<void> {
  await (await db()).delete('draft', 'current');
}
