// The residents' routes, in the address's hash so that the server only serves `/` (and the
// service worker only keeps `/`): #/ (the map), #/report, #/reports/<id>, #/mine, #/account,
// #/code/<tracking code>, #/notifications.

import { useHashRoute } from '../common/hooks';

export type Route =
  | { page: 'home' }
  | { page: 'report' }
  | { page: 'detail'; id: string }
  | { page: 'code'; code: string }
  | { page: 'mine' }
  | { page: 'account' }
  | { page: 'notifications' }
  | { page: 'not_found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/').filter(Boolean) ?? [];
  const [first, second] = parts;
  if (!first) return { page: 'home' };
  if (parts.length === 1 && (first === 'report' || first === 'mine' || first === 'account' || first === 'notifications')) return { page: first };
  if (parts.length === 2 && first === 'reports' && second) return { page: 'detail', id: decodeURIComponent(second) };
  if (parts.length === 2 && first === 'code' && second) return { page: 'code', code: decodeURIComponent(second) };
  return { page: 'not_found' };
}

export const paths = {
  home: '#/',
  report: '#/report',
  mine: '#/mine',
  account: '#/account',
  notifications: '#/notifications',
  detail: (id: string) => `#/reports/${encodeURIComponent(id)}`,
  code: (code: string) => `#/code/${encodeURIComponent(code)}`,
};

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

export function useRoute(): Route {
  return useHashRoute(parseRoute);
}
