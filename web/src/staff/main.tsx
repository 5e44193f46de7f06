// The app: who is signed in decides which pages open; the address (#/...) decides which one shows.

import 'leaflet/dist/leaflet.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Layout } from './components/Layout';
import { t, useLocale } from './i18n';
import { DashboardPage } from './pages/dashboard';
import { InboxPage } from './pages/inbox';
import { LoginPage } from './pages/login';
import { TicketPage } from './pages/ticket';
import { useReference } from './reference';
import { navigate, paths, useRoute } from './router';
import type { Route } from './router';
import { isCityWide, sessionEndReason, useSession } from './session';
import type { User } from '../common/types';

/** Where a page asked for before signing in was, to go back there afterwards. */
let returnTo: string | null = null;

function landing(user: User): string {
  return isCityWide(user) ? paths.ioc : paths.inbox();
}

/** The route to show instead of `route`, if `user` may not see it. */
function redirect(route: Route, user: User | null): string | null {
  if (!user) return route.page === 'login' ? null : paths.login;
  if (route.page === 'login' || route.page === 'home') return returnTo ?? landing(user);
  if (route.page === 'ioc' && !isCityWide(user)) return paths.inbox();
  return null;
}

function titleOf(route: Route): string {
  switch (route.page) {
    case 'login':
      return t('login.title');
    case 'inbox':
      return t('inbox.title');
    case 'ticket':
      return t('ticket.title');
    case 'ioc':
      return t('dashboard.title');
    default:
      return t('app.name');
  }
}

function NotFound() {
  return (
    <section>
      <h1>{t('not_found.title')}</h1>
      <p>{t('not_found.text')}</p>
    </section>
  );
}

function App() {
  const locale = useLocale();
  const session = useSession();
  const route = useRoute();
  const reference = useReference();
  const user = session?.user ?? null;
  const target = redirect(route, user);
  const firstRoute = useRef(true);
  const ticketId = route.page === 'ticket' ? route.id : '';

  useEffect(() => {
    if (!target) return;
    // After a deliberate logout the next user starts on their own landing page.
    if (!user && route.page !== 'home' && sessionEndReason() !== 'logged_out') returnTo = location.hash;
    if (user) returnTo = null;
    navigate(target);
  }, [target, user, route]);

  useEffect(() => {
    document.title = `${titleOf(route)} · ${t('app.name')}`;
  }, [route, locale]);

  useEffect(() => {
    // After a change of page (not on the first load), reading starts again at the content.
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [route.page, ticketId]);

  let page;
  if (target || (!user && route.page !== 'login')) {
    page = null;
  } else if (!user) {
    page = <LoginPage />;
  } else {
    switch (route.page) {
      case 'inbox':
        page = <InboxPage user={user} params={route.params} />;
        break;
      case 'ticket':
        page = <TicketPage key={route.id} id={route.id} user={user} />;
        break;
      case 'ioc':
        page = <DashboardPage />;
        break;
      default:
        page = <NotFound />;
    }
  }
  return (
    <Layout user={user} route={route} reference={reference.data}>
      {page}
    </Layout>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
