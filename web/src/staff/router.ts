// Hash routes, so that the server only ever serves `/`:
//   #/login, #/inbox[?filters], #/tickets/<id>, #/ioc

import { useHashRoute } from '../common/hooks';

export type Route =
  | { page: 'login' }
  | { page: 'inbox'; params: URLSearchParams }
  | { page: 'ticket'; id: string }
  | { page: 'ioc' }
  | { page: 'home' }
  | { page: 'not_found' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'login') return { page: 'login' };
  if (parts.length === 1 && parts[0] === 'inbox') return { page: 'inbox', params: new URLSearchParams(search) };
  if (parts.length === 1 && parts[0] === 'ioc') return { page: 'ioc' };
  if (parts.length === 2 && parts[0] === 'tickets' && parts[1]) {
    return { page: 'ticket', id: decodeURIComponent(parts[1]) };
  }
  return { page: 'not_found' };
}

export const paths = {
  login: '#/login',
  inbox: (params?: URLSearchParams) => {
    const search = params?.toString();
    return search ? `#/inbox?${search}` : '#/inbox';
  },
  ticket: (id: string) => `#/tickets/${encodeURIComponent(id)}`,
  ioc: '#/ioc',
};

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

/** The inbox as last shown, filters included: where a ticket's "back" link leads. */
let lastInbox = paths.inbox();

export function inboxAsLastShown(): string {
  return lastInbox;
}

/** Shows the inbox's filters in the address, without a new history entry or a new route. */
export function replaceInboxHash(hash: string): void {
  lastInbox = hash;
  history.replaceState(history.state, '', hash);
}

export function useRoute(): Route {
  return useHashRoute(parseRoute);
}
