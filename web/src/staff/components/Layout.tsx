import type { ComponentChildren } from 'preact';
import { logOut } from '../api';
import { getLocale, nameOf, setLocale, t } from '../i18n';
import type { Reference } from '../reference';
import { paths } from '../router';
import type { Route } from '../router';
import { isCityWide } from '../session';
import type { User } from '../../common/types';

function LanguageSwitch() {
  const next = getLocale() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      class="button button--quiet"
      data-testid="lang-switch"
      lang={next}
      aria-label={t('lang.switch_label')}
      onClick={() => setLocale(next)}
    >
      {t('lang.other')}
    </button>
  );
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: ComponentChildren }) {
  return (
    <a href={href} class="nav__link" aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function UserBox({ user, reference }: { user: User; reference: Reference | undefined }) {
  const unit = user.unit ? reference?.units.find((u) => u.code === user.unit) : undefined;
  return (
    <div class="user">
      <span class="user__name">{user.full_name}</span>
      <span class="user__role">
        {t(`role.${user.role}`)}
        {unit ? ` · ${nameOf(unit)}` : user.unit ? ` · ${user.unit}` : ''}
      </span>
    </div>
  );
}

function skipToMain(event: Event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Layout({
  user,
  route,
  reference,
  children,
}: {
  user: User | null;
  route: Route;
  reference: Reference | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="app">
      <a href="#main" class="skip-link" onClick={skipToMain}>
        {t('nav.skip')}
      </a>
      <header class="header">
        <div class="header__brand">
          <span class="brand">{t('app.name')}</span>
          <span class="brand__tagline">{t('app.tagline')}</span>
        </div>
        {user && (
          <nav class="nav" aria-label={t('nav.label')}>
            {isCityWide(user) && (
              <NavLink href={paths.ioc} current={route.page === 'ioc'}>
                {t('nav.dashboard')}
              </NavLink>
            )}
            <NavLink href={paths.inbox()} current={route.page === 'inbox'}>
              {t('nav.inbox')}
            </NavLink>
          </nav>
        )}
        <div class="header__tools">
          {user && <UserBox user={user} reference={reference} />}
          <LanguageSwitch />
          {user && (
            <button type="button" class="button button--quiet" data-testid="logout" onClick={() => void logOut()}>
              {t('nav.logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" class="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="footer">
        <p>{t('footer.about')}</p>
        <p data-testid="attribution">
          {t('footer.boundaries')}{' '}
          <a href="https://github.com/thanglequoc/vietnamese-provinces-database" rel="noopener noreferrer">
            vietnamese-provinces-database
          </a>{' '}
          {t('footer.boundaries_source')}{' '}
          <a href="https://github.com/dvhcvn/20250701" rel="noopener noreferrer">
            dvhcvn/20250701
          </a>{' '}
          {t('footer.codes_licence')}
        </p>
      </footer>
    </div>
  );
}
