// Signing in or registering, with an email address or a Vietnamese mobile number: on the account
// page, and in the report form at the moment of sending (the draft is kept meanwhile). A new
// account is verified next (the code sent to its login); `onDone` is called once the account can
// report.

import { useState } from 'preact/hooks';
import type { ApiError } from '../../common/http';
import { getLocale } from '../../common/locale';
import { askPasswordReset, asApiError, logIn, register, resetPassword } from '../api';
import { useSession } from '../session';
import { t } from '../strings';
import { ErrorMessage } from './Feedback';
import { Verify } from './Verify';

export function SignIn({ onDone, intro }: { onDone: () => void; intro?: string }) {
  const [mode, setMode] = useState<'login' | 'register' | 'reset'>('login');
  // Resetting: whether the code was asked for (then the code and the new password are asked).
  const [codeSent, setCodeSent] = useState(false);
  const [code, setCode] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [fullName, setFullName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const session = useSession();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'reset' && !codeSent) {
        await askPasswordReset(login);
        setCodeSent(true);
        return;
      }
      let user;
      if (mode === 'reset') user = await resetPassword(login, code, password);
      else if (mode === 'login') user = await logIn(login, password);
      else user = await register({ login, password, full_name: fullName, locale: getLocale() });
      // Not verified yet: the session now shows the verification step, which calls `onDone`.
      if (user.verified !== false) onDone();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  if (session && session.user.verified === false) return <Verify onDone={onDone} />;
  const registering = mode === 'register';
  if (mode === 'reset') {
    return (
      <section class="panel sign-in" aria-labelledby="sign-in-title" data-testid="sign-in">
        <h2 id="sign-in-title">{t('sign_in.reset_title')}</h2>
        <p>{codeSent ? t('sign_in.code_sent') : t('sign_in.reset_intro')}</p>
        <form onSubmit={submit}>
          <label for="sign-in-login">{t('sign_in.login')}</label>
          <input
            id="sign-in-login"
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
            autocomplete="username"
            inputMode="email"
            required
            readOnly={codeSent}
          />
          {codeSent && (
            <>
              <label for="sign-in-code">{t('sign_in.code')}</label>
              <input
                id="sign-in-code"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
                autocomplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9]{6}"
                maxLength={6}
                required
              />
              <label for="sign-in-password">{t('sign_in.new_password')}</label>
              <input
                id="sign-in-password"
                type="password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
                autocomplete="new-password"
                minLength={8}
                required
              />
            </>
          )}
          {error && <ErrorMessage error={error} />}
          <button type="submit" class="button button--primary" disabled={busy}>
            {codeSent ? t('sign_in.set_password') : t('sign_in.send_code')}
          </button>
        </form>
        <button
          type="button"
          class="button button--link"
          onClick={() => {
            setMode('login');
            setCodeSent(false);
            setError(null);
          }}
        >
          {t('sign_in.have_account')}
        </button>
      </section>
    );
  }
  return (
    <section class="panel sign-in" aria-labelledby="sign-in-title" data-testid="sign-in">
      <h2 id="sign-in-title">{registering ? t('sign_in.register_title') : t('sign_in.title')}</h2>
      {intro && <p>{intro}</p>}
      <form onSubmit={submit}>
        <label for="sign-in-login">{t('sign_in.login')}</label>
        <input
          id="sign-in-login"
          value={login}
          onInput={(e) => setLogin(e.currentTarget.value)}
          autocomplete="username"
          inputMode="email"
          required
          aria-describedby="sign-in-login-hint"
        />
        <p id="sign-in-login-hint" class="hint">
          {t('sign_in.login_hint')}
        </p>
        {registering && (
          <>
            <label for="sign-in-name">{t('sign_in.full_name')}</label>
            <input
              id="sign-in-name"
              value={fullName}
              onInput={(e) => setFullName(e.currentTarget.value)}
              autocomplete="name"
              required
              maxLength={100}
            />
          </>
        )}
        <label for="sign-in-password">{t('sign_in.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          autocomplete={registering ? 'new-password' : 'current-password'}
          minLength={registering ? 8 : undefined}
          required
        />
        {error && <ErrorMessage error={error} />}
        <button type="submit" class="button button--primary" disabled={busy}>
          {registering ? t('sign_in.register') : t('sign_in.submit')}
        </button>
      </form>
      <button type="button" class="button button--link" onClick={() => setMode(registering ? 'login' : 'register')}>
        {registering ? t('sign_in.have_account') : t('sign_in.new_here')}
      </button>
      {!registering && (
        <button
          type="button"
          class="button button--link"
          onClick={() => {
            setMode('reset');
            setError(null);
          }}
        >
          {t('sign_in.forgot')}
        </button>
      )}
    </section>
  );
}
