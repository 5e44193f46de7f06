// Verifying a new account: the six-digit code sent to the login at registration (email or SMS),
// asked for before the resident's first report or support; a new code on request.

import { useState } from 'preact/hooks';
import type { ApiError } from '../../common/http';
import { askVerificationCode, asApiError, verifyAccount } from '../api';
import { sendNow } from '../send';
import { useSession } from '../session';
import { t } from '../strings';
import { ErrorMessage } from './Feedback';

export function Verify({ onDone }: { onDone: () => void }) {
  const session = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await verifyAccount(code);
      // Reports kept on the phone while the account was not verified go now.
      void sendNow();
      onDone();
    });
  };

  return (
    <section class="panel sign-in" aria-labelledby="verify-title" data-testid="verify">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p>{t('verify.intro', { login: session?.user.login ?? '' })}</p>
      <form onSubmit={submit}>
        <label for="verify-code">{t('sign_in.code')}</label>
        <input
          id="verify-code"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          autocomplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          maxLength={6}
          required
        />
        {error && <ErrorMessage error={error} />}
        {resent && !error && <p role="status">{t('verify.resent')}</p>}
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('verify.submit')}
        </button>
      </form>
      <button
        type="button"
        class="button button--link"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            setResent(false);
            await askVerificationCode();
            setResent(true);
          })
        }
      >
        {t('verify.resend')}
      </button>
    </section>
  );
}
