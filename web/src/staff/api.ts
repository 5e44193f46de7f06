// The staff app's endpoints: the one place in it that names them (check-endpoints.mjs), each typed
// by the OpenAPI document through common/http.ts. The session lives in this tab only
// (session.ts).

import { createClient, newIdempotencyKey, send } from '../common/http';
import type { CsvPath, JsonBody, LooseQuery, Operation, Path, QueryParams } from '../common/http';
import type { TokenPair, TransitionRequest, User } from '../common/types';
import { endSession, getSession, setSession } from './session';

export { ApiError, asApiError } from '../common/http';

function keep(pair: TokenPair): void {
  setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
}

const { call, geojson, raw } = createClient({ get: getSession, keep, expire: () => endSession('expired') });

/** Fetches a download (CSV) with the token and hands it to the browser as a file. */
async function download<P extends CsvPath>(path: P, query: unknown, fallbackName: string) {
  const response = await raw(path, { query } as never, 'text/csv');
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// The endpoints.

const LOGOUT = '/api/v1/auth/logout' satisfies Path;

/** The stream of live ticket events (Server-Sent Events, public). */
export const EVENTS_URL = '/api/v1/events' satisfies Path;

export async function logIn(login: string, password: string): Promise<User> {
  const pair = await call('post', '/api/v1/auth/login', { json: { login, password } });
  keep(pair);
  return pair.user;
}

/** Revokes the session on the server (best effort: the tab forgets it in any case). */
export async function logOut(): Promise<void> {
  const session = getSession();
  endSession('logged_out');
  if (!session) return;
  const revoke = { refresh_token: session.refreshToken } satisfies JsonBody<Operation<typeof LOGOUT, 'post'>>;
  try {
    await send(LOGOUT, { method: 'POST', json: revoke }, null);
  } catch {
    // Offline: the refresh token stays valid on the server until it expires, but this tab forgot it.
  }
}

export const listCategories = () => call('get', '/api/v1/categories', {});
export const listCommunes = () => call('get', '/api/v1/communes', {});
export const listUnits = () => call('get', '/api/v1/units', {});
/** The communes' outlines (GeoJSON, the communes' fields as properties). */
export const communeOutlines = () => geojson('/api/v1/communes', { query: { format: 'geojson' } });

/** A unit's response templates. */
export const listTemplates = (unit: string) => call('get', '/api/v1/templates', { query: { unit } });
/** A unit's staff accounts (administrators only). */
export const listStaff = (unit: string) => call('get', '/api/v1/admin/users', { query: { unit } });

export type TicketQuery = LooseQuery<QueryParams<Operation<'/api/v1/tickets', 'get'>>>;

/** A page of the inbox. */
export const listTickets = (query: TicketQuery) => call('get', '/api/v1/tickets', { query });
/** The inbox as a CSV download. */
export const exportTickets = (query: TicketQuery) => download('/api/v1/tickets/export', query, 'tickets.csv');
export const getTicket = (id: string) => call('get', '/api/v1/tickets/{id}', { path: { id } });
/** Takes an action on a ticket; answers the ticket as it now is. */
export const transition = (id: string, body: TransitionRequest) =>
  call('post', '/api/v1/tickets/{id}/transitions', { path: { id }, json: body });

/** Uploads an "after" photo of a ticket, with an idempotency key of its own. */
export function addTicketPhoto(id: string, file: File) {
  const form = new FormData();
  form.append('photo', file, file.name);
  return call('post', '/api/v1/tickets/{id}/photos', {
    path: { id },
    form,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
}

export type StatsQuery = LooseQuery<QueryParams<Operation<'/api/v1/stats/summary', 'get'>>>;

/** The headline figures of a period. */
export const statsSummary = (query: StatsQuery) => call('get', '/api/v1/stats/summary', { query });
/** The figures of each commune, with its outline (GeoJSON). */
export const statsCommunes = (query: StatsQuery) =>
  geojson('/api/v1/stats/communes', { query: { ...query, format: 'geojson' } });
/** The figures of each unit. */
export const statsUnits = (query: StatsQuery) => call('get', '/api/v1/stats/units', { query });
/** The figures of each period (`interval`) of the time series. */
export const statsTimeseries = (query: StatsQuery, interval: string) =>
  call('get', '/api/v1/stats/timeseries', { query: { ...query, interval } });

const STATS_CSV = {
  communes: '/api/v1/stats/communes',
  units: '/api/v1/stats/units',
  timeseries: '/api/v1/stats/timeseries',
} as const satisfies Record<string, CsvPath>;

/** A breakdown as a CSV download (`communes.csv`, `units.csv`, `timeseries.csv` unless named). */
export const downloadStats = (breakdown: keyof typeof STATS_CSV, query: StatsQuery & { interval?: string }) =>
  download(STATS_CSV[breakdown], { ...query, format: 'csv' }, `${breakdown}.csv`);
