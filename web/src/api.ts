// The one way the app talks to the server, and the one place that names its endpoints. Each
// endpoint below is typed by the OpenAPI document (src/generated/openapi.d.ts): its path must be
// one of the document's, and its parameters, body and answer are the document's. Underneath,
// same-origin JSON requests with the bearer token and the interface language; an expired access
// token is refreshed once, transparently.

import type { paths } from './generated/openapi';
import { getLocale, t } from './i18n';
import { endSession, getSession, setSession } from './session';
import type { FeatureCollection, TokenPair, TransitionRequest, User } from './types';

/** An error answer of the API, with the server's message in the interface language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Any failure as an `ApiError`, so that every error state shows a message in the same way. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', t('error.unexpected'));
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Query;
  /** A JSON body. */
  json?: unknown;
  /** A multipart body (photos). */
  form?: FormData;
  headers?: Record<string, string>;
}

/** `path` with the query's non-empty values. */
function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-Id');
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    if (body.error && body.message) {
      return new ApiError(response.status, body.error, body.message, requestId);
    }
  } catch {
    // Not the API's error shape (a proxy's page, an empty body): described by its status below.
  }
  return new ApiError(response.status, 'http_error', t('error.http', { status: response.status }), requestId);
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
    ...options.headers,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  try {
    return await fetch(url(path, options.query), { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
}

// The document's operations, as types.

type Path = keyof paths;
type Method = 'get' | 'post';
/** The operation of `method` at `path` (`never` where the document has none). */
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type HeaderParams<O> = O extends { parameters: { header: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? NonNullable<X> : never;
type JsonBody<O> = O extends { requestBody: { content: { 'application/json': infer X } } } ? X : never;
/** The body of a successful answer (200 or 201) in the media type `type`. */
type Answer<O, Type extends string = 'application/json'> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201
        ? R[S] extends { content: infer C }
          ? Type extends keyof C
            ? C[Type]
            : never
          : never
        : never;
    }[keyof R]
  : never;
/** A query as the app builds it: empty values (`''`, `null`) are left out of the address. */
type LooseQuery<Q> = { [K in keyof Q]?: Q[K] | null };

/** What a call sends: the path's parameters, the query, the headers and the body it takes. */
type Call<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([HeaderParams<O>] extends [never] ? { headers?: never } : { headers: HeaderParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: LooseQuery<QueryParams<O>> }) &
  ([JsonBody<O>] extends [never] ? { json?: never } : { json: JsonBody<O> }) & { form?: FormData };

/** What any call sends, once its types have been checked. */
interface AnyCall {
  path?: Record<string, string>;
  headers?: Record<string, string>;
  query?: Query;
  json?: unknown;
  form?: FormData;
}

/** The paths whose GET answers a CSV file. */
type CsvPath = { [P in Path]: [Answer<Operation<P, 'get'>, 'text/csv'>] extends [never] ? never : P }[Path];

/** `path` with its `{name}` parameters filled in. */
function expand(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function optionsOf(method: Method, call: AnyCall): RequestOptions {
  return {
    method: method === 'post' ? 'POST' : 'GET',
    query: call.query,
    json: call.json,
    form: call.form,
    headers: call.headers,
  };
}

let refreshing: Promise<boolean> | null = null;

/** Trades the stored refresh token for a new pair; one exchange at a time for the whole app. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    const exchange = { refresh_token: session.refreshToken } satisfies JsonBody<Operation<typeof REFRESH, 'post'>>;
    const response = await send(REFRESH, { method: 'POST', json: exchange }, null);
    if (response.status === 401) return false;
    if (!response.ok) throw await errorOf(response);
    keep((await response.json()) as Answer<Operation<typeof REFRESH, 'post'>>);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Sends a request as the signed-in user; throws `ApiError` for any answer that is not 2xx. */
async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const token = getSession()?.accessToken ?? null;
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const error = await errorOf(response);
    if (error.code !== 'token_expired') {
      endSession('expired');
      throw error;
    }
    // Another request may have refreshed meanwhile; otherwise refresh now.
    const renewed = getSession()?.accessToken !== token || (await refresh());
    if (!renewed) {
      endSession('expired');
      throw error;
    }
    response = await send(path, options, getSession()?.accessToken ?? null);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.code === 'account_disabled') endSession('expired');
    throw error;
  }
  return response;
}

/** Calls the operation of `method` at `path` and answers its JSON body (`undefined` for 204). */
async function call<P extends Path, M extends Method>(
  method: M,
  path: P,
  init: Call<Operation<P, M>>,
): Promise<Answer<Operation<P, M>>> {
  const sent = init as AnyCall;
  const response = await request(expand(path, sent.path), optionsOf(method, sent));
  if (response.status === 204) return undefined as Answer<Operation<P, M>>;
  return (await response.json()) as Answer<Operation<P, M>>;
}

/** GeoJSON features whose properties are the document's `properties` of the collection `C`. */
type GeoJsonOf<C> = C extends { features: (infer F)[] }
  ? F extends { properties: infer Properties }
    ? FeatureCollection<Properties>
    : never
  : never;

/** A GET whose answer is GeoJSON (`application/geo+json`). */
async function geojson<P extends Path>(
  path: P,
  init: Call<Operation<P, 'get'>>,
): Promise<GeoJsonOf<Answer<Operation<P, 'get'>, 'application/geo+json'>>> {
  const sent = init as AnyCall;
  const response = await request(expand(path, sent.path), optionsOf('get', sent));
  return (await response.json()) as GeoJsonOf<Answer<Operation<P, 'get'>, 'application/geo+json'>>;
}

/** Fetches a download (CSV) with the token and hands it to the browser as a file. */
async function download<P extends CsvPath>(path: P, init: Call<Operation<P, 'get'>>, fallbackName: string) {
  const sent = init as AnyCall;
  const response = await request(expand(path, sent.path), { query: sent.query, headers: { Accept: 'text/csv' } });
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

/** A random UUID (v4) for idempotency keys; `crypto.randomUUID` needs a secure context. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The endpoints.

const REFRESH = '/api/v1/auth/refresh' satisfies Path;
const LOGOUT = '/api/v1/auth/logout' satisfies Path;

/** The stream of live ticket events (Server-Sent Events, public). */
export const EVENTS_URL = '/api/v1/events' satisfies Path;

function keep(pair: TokenPair): void {
  setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
}

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
export const exportTickets = (query: TicketQuery) => download('/api/v1/tickets/export', { query }, 'tickets.csv');
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
  download(STATS_CSV[breakdown], { query: { ...query, format: 'csv' } }, `${breakdown}.csv`);
