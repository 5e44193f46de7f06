// Staff sign in with their user name or email and password.

import { useState } from 'preact/hooks';
import { ApiError, asApiError, logIn, logOut } from '../api';
import { ErrorMessage } from '../components/Feedback';
import { t } from '../i18n';
import { isStaff, sessionEndReason } from '../session';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const expired = sessionEndReason() === 'expired';

  async function submit(event: Event) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setError(new ApiError(0, 'required', t('login.required')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await logIn(login.trim(), password);
      if (!isStaff(user)) {
        await logOut();
        setError(new ApiError(403, 'not_staff', t('login.not_staff')));
      }
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p class="muted">{t('login.intro')}</p>
      {expired && !error && (
        <p class="alert alert--info" role="status">
          {t('login.expired')}
        </p>
      )}
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-name">{t('login.login')}</label>
          <input
            id="login-name"
            name="username"
            autocomplete="username"
            required
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error && <ErrorMessage error={error} testId="login-error" />}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
