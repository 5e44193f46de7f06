// The residents' data on the phone, in IndexedDB (through `idb`), shared by the pages and the
// service worker: the session (so that the worker can send queued reports), the report being
// written (the draft, with its photos), and the outbox of reports waiting to be sent.

import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { ReportSubmission, TokenPair } from '../common/types';

/** A photo of a draft or queued report: scaled down on the phone, with its own idempotency key. */
export interface StoredPhoto {
  key: string;
  blob: Blob;
  name: string;
  /** Set once the server holds it. */
  sent: boolean;
}

/** The report being written: kept on every change, so that nothing is lost by a reload. */
export interface Draft {
  /** The report's `Idempotency-Key`, made once when the draft was first saved. */
  key: string;
  category: string;
  description: string;
  address: string;
  lat: number | null;
  lon: number | null;
  /** How far off the position may be, metres (the GPS's accuracy; null for a placed pin). */
  accuracy: number | null;
  source: 'device' | 'photo';
  photos: StoredPhoto[];
  updatedAt: number;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';

/** A report the resident sent, until the server holds it and its photos. */
export interface QueuedReport {
  key: string;
  body: ReportSubmission;
  photos: StoredPhoto[];
  state: OutboxState;
  /** Why it waits (`network`, `sign_in`) or failed (the server's code and message). */
  reason: { code: string; message: string } | null;
  reportId: string | null;
  trackingCode: string | null;
  queuedAt: number;
  attempts: number;
}

interface Schema extends DBSchema {
  session: { key: string; value: TokenPair };
  draft: { key: string; value: Draft };
  outbox: { key: string; value: QueuedReport };
}

let opened: Promise<IDBPDatabase<Schema>> | null = null;

export function db(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>('hientruong', 1, {
    upgrade(database) {
      database.createObjectStore('session');
      database.createObjectStore('draft');
      database.createObjectStore('outbox', { keyPath: 'key' });
    },
  });
  return opened;
}
