// The one way the app talks to the server: same-origin JSON requests with the bearer token and the
// interface language; an expired access token is refreshed once, transparently.

import { getLocale, t } from './i18n';
import { endSession, getSession, setSession } from './session';
import type { TokenPair, User } from './types';

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

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Query;
  /** A JSON body. */
  json?: unknown;
  /** A multipart body (photos). */
  form?: FormData;
  headers?: Record<string, string>;
}

/** `path` with the query's non-empty values. */
export function url(path: string, query: Query = {}): string {
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

let refreshing: Promise<boolean> | null = null;

/** Trades the stored refresh token for a new pair; one exchange at a time for the whole app. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    const response = await send(
      '/api/v1/auth/refresh',
      { method: 'POST', json: { refresh_token: session.refreshToken } },
      null,
    );
    if (response.status === 401) return false;
    if (!response.ok) throw await errorOf(response);
    const pair = (await response.json()) as TokenPair;
    setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Sends a request as the signed-in user; throws `ApiError` for any answer that is not 2xx. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
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

/** A JSON request; `undefined` for `204 No Content`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Fetches a download (CSV) with the token and hands it to the browser as a file. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  const response = await request(path, { query, headers: { Accept: 'text/csv' } });
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

export async function logIn(login: string, password: string): Promise<User> {
  const pair = await api<TokenPair>('/api/v1/auth/login', { method: 'POST', json: { login, password } });
  setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: pair.user });
  return pair.user;
}

/** Revokes the session on the server (best effort: the tab forgets it in any case). */
export async function logOut(): Promise<void> {
  const session = getSession();
  endSession('logged_out');
  if (!session) return;
  try {
    await send('/api/v1/auth/logout', { method: 'POST', json: { refresh_token: session.refreshToken } }, null);
  } catch {
    // Offline: the refresh token stays valid on the server until it expires, but this tab forgot it.
  }
}

/** A random UUID (v4) for idempotency keys; `crypto.randomUUID` needs a secure context. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
