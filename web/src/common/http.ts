// How both apps talk to the server: same-origin JSON requests with the bearer token and the
// interface language, typed by the OpenAPI document (src/generated/openapi.d.ts): a call's path
// must be one of the document's, and its parameters, body and answer are the document's. An
// expired access token is refreshed once, transparently. Each app names its endpoints in its own
// api.ts over a client made here with its own way of keeping the session.

import type { paths } from '../generated/openapi';
import { getLocale, translator } from './locale';
import type { FeatureCollection, TokenPair } from './types';

const messages = translator(
  {
    network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    http: 'Máy chủ trả lời lỗi {status}.',
    unexpected: 'Đã xảy ra lỗi không mong muốn.',
  },
  {
    network: 'Cannot reach the server. Check the network and try again.',
    http: 'The server answered with error {status}.',
    unexpected: 'Something unexpected went wrong.',
  },
);

/** An error answer of the API, with the server's message in the interface language. */
/** Errors whose `detail` is written for the person using the app (not for its developer). */
const DETAIL_FOR_PEOPLE = new Set(['account_locked_by_staff']);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    /** What the server adds for the person (why staff locked their account), when it does. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Any failure as an `ApiError`, so that every error state shows a message in the same way. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', messages('unexpected'));
}

/** Whether `error` means the server was not reached (offline, connection cut): worth a retry. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 502);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
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

export async function errorOf(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('X-Request-Id');
  try {
    const body = (await response.json()) as { error?: string; message?: string; detail?: string };
    if (body.error && body.message) {
      const detail = DETAIL_FOR_PEOPLE.has(body.error) ? (body.detail ?? null) : null;
      return new ApiError(response.status, body.error, body.message, requestId, detail);
    }
  } catch {
    // Not the API's error shape (a proxy's page, an empty body): described by its status below.
  }
  return new ApiError(response.status, 'http_error', messages('http', { status: response.status }), requestId);
}

/** One request as it is; a failure to reach the server is `ApiError` `network`. */
export async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
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
    throw new ApiError(0, 'network', messages('network'));
  }
}

// The document's operations, as types.

export type Path = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'delete';
/** The operation of `method` at `path` (`never` where the document has none). */
export type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type HeaderParams<O> = O extends { parameters: { header: infer X } } ? X : never;
export type QueryParams<O> = O extends { parameters: { query?: infer X } } ? NonNullable<X> : never;
export type JsonBody<O> = O extends { requestBody: { content: { 'application/json': infer X } } } ? X : never;
/** The body of a successful answer (200 or 201) in the media type `type`. */
export type Answer<O, Type extends string = 'application/json'> = O extends { responses: infer R }
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
export type LooseQuery<Q> = { [K in keyof Q]?: Q[K] | null };

/** What a call sends: the path's parameters, the query, the headers and the body it takes. */
export type Call<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
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
export type CsvPath = { [P in Path]: [Answer<Operation<P, 'get'>, 'text/csv'>] extends [never] ? never : P }[Path];

/** GeoJSON features whose properties are the document's `properties` of the collection `C`. */
type GeoJsonOf<C> = C extends { features: (infer F)[] }
  ? F extends { properties: infer Properties }
    ? FeatureCollection<Properties>
    : never
  : never;

/** `path` with its `{name}` parameters filled in. */
function expand(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function optionsOf(method: Method, call: AnyCall): RequestOptions {
  return {
    method: method.toUpperCase() as RequestOptions['method'],
    query: call.query,
    json: call.json,
    form: call.form,
    headers: call.headers,
  };
}

/** A random UUID (v4) for idempotency keys; `crypto.randomUUID` needs a secure context. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The tokens a client signs its requests with. */
export interface Tokens {
  accessToken: string;
  /** Each refresh token works once: this is always the newest. */
  refreshToken: string;
}

/** How an app keeps its session: the client reads it, stores refreshed tokens, and ends it. */
export interface SessionKeeper {
  get(): Tokens | null;
  keep(pair: TokenPair): void | Promise<void>;
  /** The server no longer accepts the session. */
  expire(): void;
  /**
   * Runs `exchange` (a refresh) so that no other context of the app (another tab, the service
   * worker) trades the same refresh token at once; by default within this page only.
   */
  exclusive?<T>(exchange: () => Promise<T>): Promise<T>;
}

export const REFRESH = '/api/v1/auth/refresh' satisfies Path;

/** A client of the API signed in through `session`. */
export function createClient(session: SessionKeeper) {
  let refreshing: Promise<boolean> | null = null;

  /** Trades the stored refresh token for a new pair; one exchange at a time. */
  function refresh(stale: string): Promise<boolean> {
    const exchange = async () => {
      const current = session.get();
      if (!current) return false;
      // Another context refreshed meanwhile: its tokens are the ones to use.
      if (current.accessToken !== stale) return true;
      const body = { refresh_token: current.refreshToken } satisfies JsonBody<Operation<typeof REFRESH, 'post'>>;
      const response = await send(REFRESH, { method: 'POST', json: body }, null);
      if (response.status === 401) return false;
      if (!response.ok) throw await errorOf(response);
      await session.keep((await response.json()) as Answer<Operation<typeof REFRESH, 'post'>>);
      return true;
    };
    refreshing ??= (session.exclusive ? session.exclusive(exchange) : exchange()).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Sends a request as the signed-in user; throws `ApiError` for any answer that is not 2xx. */
  async function request(path: string, options: RequestOptions = {}): Promise<Response> {
    const token = session.get()?.accessToken ?? null;
    let response = await send(path, options, token);
    if (response.status === 401 && token) {
      const error = await errorOf(response);
      if (error.code !== 'token_expired' || !(await refresh(token))) {
        session.expire();
        throw error;
      }
      response = await send(path, options, session.get()?.accessToken ?? null);
    }
    if (!response.ok) {
      const error = await errorOf(response);
      if (error.code === 'account_disabled') session.expire();
      throw error;
    }
    return response;
  }

  /** Calls the operation of `method` at `path` and answers its JSON body (`undefined` when empty). */
  async function call<P extends Path, M extends Method>(
    method: M,
    path: P,
    init: Call<Operation<P, M>>,
  ): Promise<Answer<Operation<P, M>>> {
    const sent = init as AnyCall;
    const response = await request(expand(path, sent.path), optionsOf(method, sent));
    // No content: 204, or an empty 202 (a request taken, like a password-reset code asked for).
    if (response.status === 204 || response.headers.get('content-length') === '0') {
      return undefined as Answer<Operation<P, M>>;
    }
    return (await response.json()) as Answer<Operation<P, M>>;
  }

  /** A GET whose answer is GeoJSON (`application/geo+json`). */
  async function geojson<P extends Path>(
    path: P,
    init: Call<Operation<P, 'get'>>,
  ): Promise<GeoJsonOf<Answer<Operation<P, 'get'>, 'application/geo+json'>>> {
    const sent = init as AnyCall;
    const response = await request(expand(path, sent.path), optionsOf('get', sent));
    return (await response.json()) as GeoJsonOf<Answer<Operation<P, 'get'>, 'application/geo+json'>>;
  }

  /** The raw answer of a GET (a download), as the signed-in user. */
  function raw<P extends Path>(path: P, init: Call<Operation<P, 'get'>>, accept: string): Promise<Response> {
    const sent = init as AnyCall;
    return request(expand(path, sent.path), { query: sent.query, headers: { Accept: accept } });
  }

  return { call, geojson, raw };
}
