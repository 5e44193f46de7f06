// The frame of every residents' page: the header (the app's name, the pages, the language switch),
// a line when the phone is offline, the page, and the footer with the data's sources.

import type { ComponentChildren } from 'preact';
import { getLocale, setLocale } from '../../common/locale';
import { useOnline } from '../hooks';
import { useUnread } from '../notifications';
import type { Route } from '../router';
import { paths } from '../router';
import { t } from '../strings';

function NavLink({ href, current, children }: { href: string; current: boolean; children: ComponentChildren }) {
  return (
    <a href={href} class="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function Layout({ route, children }: { route: Route; children: ComponentChildren }) {
  const online = useOnline();
  const unread = useUnread();
  const other = getLocale() === 'en' ? 'vi' : 'en';
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="top">
        <a class="brand" href={paths.home}>
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </a>
        <button type="button" class="lang" lang={other} onClick={() => setLocale(other)} aria-label={t('lang.switch_label')}>
          {t('lang.other')}
        </button>
      </header>
      <nav class="tabs" aria-label={t('nav.label')}>
        <NavLink href={paths.home} current={route.page === 'home'}>
          {t('nav.map')}
        </NavLink>
        <NavLink href={paths.mine} current={route.page === 'mine'}>
          {t('nav.mine')}
        </NavLink>
        <NavLink href={paths.notifications} current={route.page === 'notifications'}>
          {t('nav.notices')}
          {unread > 0 && (
            <span class="count" data-testid="unread" aria-label={t('nav.notices_unread', { count: unread })}>
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </NavLink>
        <NavLink href={paths.account} current={route.page === 'account'}>
          {t('nav.account')}
        </NavLink>
      </nav>
      {!online && (
        <p class="offline" role="status">
          {t('offline.banner')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="bottom">
        <p>{t('footer.about')}</p>
        <p>
          {t('footer.boundaries')}{' '}
          <a href="https://github.com/ThangLeQuoc/vietnamese-provinces-database">vietnamese-provinces-database</a>{' '}
          {t('footer.licence')}
        </p>
        <p>
          <a href="/staff/">{t('footer.staff')}</a>
        </p>
      </footer>
    </>
  );
}
