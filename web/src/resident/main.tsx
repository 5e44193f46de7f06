// The residents' app (served at `/`, installable): the session from the phone, the routes, the
// service worker, and the outbox that sends reports whenever the network allows.

import 'leaflet/dist/leaflet.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocale } from '../common/locale';
import { Layout } from './components/Layout';
import { AccountPage } from './pages/account';
import { DetailPage } from './pages/detail';
import { HomePage } from './pages/home';
import { MinePage } from './pages/mine';
import { NotificationsPage } from './pages/notifications';
import { startUnread } from './notifications';
import { ReportPage } from './pages/report';
import { useRoute } from './router';
import type { Route } from './router';
import { startOutbox } from './send';
import { loadSession } from './session';
import { t } from './strings';

function titleOf(route: Route): string {
  switch (route.page) {
    case 'report':
      return t('report.title');
    case 'mine':
      return t('mine.title');
    case 'account':
      return t('account.title');
    case 'notifications':
      return t('notices.title');
    case 'detail':
    case 'code':
      return t('detail.title');
    default:
      return t('app.title');
  }
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'report':
      return <ReportPage />;
    case 'detail':
      return <DetailPage id={route.id} />;
    case 'code':
      return <DetailPage code={route.code} />;
    case 'mine':
      return <MinePage />;
    case 'account':
      return <AccountPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'not_found':
      return (
        <section>
          <h1>{t('not_found.title')}</h1>
          <p>
            <a href="#/">{t('not_found.home')}</a>
          </p>
        </section>
      );
  }
}

function App() {
  useLocale();
  const route = useRoute();
  const first = useRef(true);
  useEffect(() => {
    document.title = `${titleOf(route)} · ${t('app.name')}`;
    // After a change of page, the focus goes to the page (screen readers read its title).
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
    window.scrollTo(0, 0);
  }, [route]);
  return (
    <Layout route={route}>
      <Page route={route} />
    </Layout>
  );
}

async function start(): Promise<void> {
  await loadSession().catch(() => null);
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  render(<App />, root);
  startOutbox();
  startUnread();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  }
}

void start();
