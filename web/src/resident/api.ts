// The residents' app's endpoints: the one place in it that names them (check-endpoints.mjs), each
// typed by the OpenAPI document through common/http.ts. Used by the pages and by the service
// worker (outbox.ts), so nothing here touches the page.

import { createClient, send } from '../common/http';
import type { LooseQuery, Operation, QueryParams } from '../common/http';
import type { Preferences, RegisterRequest, ReportSubmission, User } from '../common/types';
import { endSession, exclusive, getSession, keepSession, keepUser } from './session';

export { ApiError, asApiError, isNetworkError, newIdempotencyKey } from '../common/http';

const { call, geojson } = createClient({
  get: getSession,
  keep: keepSession,
  expire: () => void endSession(),
  exclusive,
});

export async function logIn(login: string, password: string): Promise<User> {
  const pair = await call('post', '/api/v1/auth/login', { json: { login, password } });
  await keepSession(pair);
  return pair.user;
}

/** Creates the account, then signs in with it. */
export async function register(body: RegisterRequest): Promise<User> {
  await call('post', '/api/v1/auth/register', { json: body });
  return logIn(body.login, body.password);
}

/** Asks for a password-reset code, sent to the login by email or SMS (the answer is the same
 * whether or not an account has it). */
export async function askPasswordReset(login: string): Promise<void> {
  await call('post', '/api/v1/auth/password-reset', { json: { login } });
}

/** Sets a new password with the code received, then signs in with it. */
export async function resetPassword(login: string, code: string, newPassword: string): Promise<User> {
  await call('post', '/api/v1/auth/password-reset/confirm', {
    json: { login, code, new_password: newPassword },
  });
  return logIn(login, newPassword);
}

/** Sends a new code to verify the account (the one sent at registration may be lost or late). */
export async function askVerificationCode(): Promise<void> {
  await call('post', '/api/v1/me/verification', {});
}

/** Verifies the signed-in account with the code received. */
export async function verifyAccount(code: string): Promise<User> {
  const user = await call('post', '/api/v1/me/verification/confirm', { json: { code } });
  await keepUser(user);
  return user;
}

/** Ends this phone's session (the server forgets it too when it can be reached). */
export async function logOut(): Promise<void> {
  const session = getSession();
  await endSession();
  if (!session) return;
  try {
    await send('/api/v1/auth/logout', { method: 'POST', json: { refresh_token: session.refreshToken } }, null);
  } catch {
    // Offline: the refresh token stays valid on the server until it expires; this phone forgot it.
  }
}

/** A new password: every other session ends, this phone gets a new one. */
export async function changePassword(current: string, next: string): Promise<void> {
  const pair = await call('post', '/api/v1/me/password', { json: { current_password: current, new_password: next } });
  await keepSession(pair);
}

export async function logOutEverywhere(): Promise<void> {
  await call('delete', '/api/v1/me/sessions', {});
  await endSession();
}

export async function deleteAccount(password: string): Promise<void> {
  await call('delete', '/api/v1/me', { json: { password } });
  await endSession();
}

/** The categories (reference.ts keeps them for the pages and for reporting offline). */
export const listCategories = () => call('get', '/api/v1/categories', {});
/** The communes' outlines (GeoJSON): drawn on every map, and the map when no tile loads. */
export const communeOutlines = () => geojson('/api/v1/communes', { query: { format: 'geojson' } });

export type ReportQuery = LooseQuery<QueryParams<Operation<'/api/v1/reports', 'get'>>>;

export const listReports = (query: ReportQuery) => call('get', '/api/v1/reports', { query });
export const myReports = (query: ReportQuery) => call('get', '/api/v1/me/reports', { query });
export const getReport = (id: string) => call('get', '/api/v1/reports/{id}', { path: { id } });
export const reportByCode = (code: string) => call('get', '/api/v1/reports/by-code/{code}', { path: { code } });
export const nearbyReports = (lat: number, lon: number, category: string) =>
  call('get', '/api/v1/reports/nearby', { query: { lat, lon, category } });

export const support = (id: string) => call('put', '/api/v1/reports/{id}/support', { path: { id } });
export const withdrawSupport = (id: string) => call('delete', '/api/v1/reports/{id}/support', { path: { id } });
export const supportOf = (id: string) => call('get', '/api/v1/reports/{id}/support', { path: { id } });

export const rate = (id: string, score: number, comment: string | null) =>
  call('post', '/api/v1/reports/{id}/rating', { path: { id }, json: { score, comment } });

/** Files a report; the same key answers the same report however often it is sent. */
export const submitReport = (key: string, body: ReportSubmission) =>
  call('post', '/api/v1/reports', { json: body, headers: { 'Idempotency-Key': key } });

/** Adds one photo to one's report, with the photo's own key. */
export function addPhoto(id: string, key: string, photo: Blob, name: string) {
  const form = new FormData();
  form.append('photo', photo, name);
  return call('post', '/api/v1/reports/{id}/photos', { path: { id }, form, headers: { 'Idempotency-Key': key } });
}


/** The caller's notifications, newest first (`before`: the previous page's `next_before`). */
export const myNotifications = (before?: number) =>
  call('get', '/api/v1/me/notifications', { query: before === undefined ? { limit: 50 } : { limit: 50, before } });
export const readNotifications = (upTo: number) => call('post', '/api/v1/me/notifications/read', { json: { up_to: upTo } });

export const myPreferences = () => call('get', '/api/v1/me/preferences', {});
export const setPreferences = (p: Preferences) => call('put', '/api/v1/me/preferences', { json: p });

/** The key browsers subscribe to the server's pushes with. */
export const pushKey = () => call('get', '/api/v1/push/key', {});
export const keepPushSubscription = (sub: { endpoint: string; keys: { p256dh: string; auth: string } }) =>
  call('post', '/api/v1/me/push-subscriptions', { json: { endpoint: sub.endpoint, keys: sub.keys } });
export const forgetPushSubscription = (endpoint: string) => call('delete', '/api/v1/me/push-subscriptions', { json: { endpoint } });

/** The communes and wards (for choosing an area to watch). */
export const listCommunes = () => call('get', '/api/v1/communes', {});

export type AlertRequest = { commune?: string; lat?: number; lon?: number; radius_m?: number; digest?: 'hourly' | 'daily' };
export const myAlerts = () => call('get', '/api/v1/me/alerts', {});
export const createAlert = (body: AlertRequest) => call('post', '/api/v1/me/alerts', { json: body });
export const deleteAlert = (id: number) => call('delete', '/api/v1/me/alerts/{id}', { path: { id } });
