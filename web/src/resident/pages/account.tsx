// The resident's account: sign in or register; once signed in, who they are, a new password, log
// out (here, or everywhere), and deleting the account (personal data erased, reports kept
// without identity: docs/privacy.md).

import { useState } from 'preact/hooks';
import type { ApiError } from '../../common/http';
import { useLocale } from '../../common/locale';
import { asApiError, changePassword, deleteAccount, logOut, logOutEverywhere } from '../api';
import { ErrorMessage } from '../components/Feedback';
import { SignIn } from '../components/SignIn';
import { Verify } from '../components/Verify';
import { useSession } from '../session';
import { t } from '../strings';

/** A small form with one or two password fields that runs `action`. */
function PasswordForm({ id, title, fields, submit, danger, action, done }: {
  id: string;
  title: string;
  fields: string[];
  submit: string;
  danger?: boolean;
  action: (values: string[]) => Promise<void>;
  done: string;
}) {
  const [values, setValues] = useState(fields.map(() => ''));
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState(false);
  async function run(event: Event) {
    event.preventDefault();
    setError(null);
    setOk(false);
    try {
      await action(values);
      setOk(true);
      setValues(fields.map(() => ''));
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  return (
    <form class="panel" onSubmit={run} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {fields.map((label, i) => (
        <div key={label}>
          <label for={`${id}-${i}`}>{label}</label>
          <input
            id={`${id}-${i}`}
            type="password"
            required
            autocomplete={i === 0 ? 'current-password' : 'new-password'}
            value={values[i]}
            onInput={(e) => {
              const next = [...values];
              next[i] = e.currentTarget.value;
              setValues(next);
            }}
          />
        </div>
      ))}
      {error && <ErrorMessage error={error} />}
      {ok && <p role="status">{done}</p>}
      <button type="submit" class={danger ? 'button button--danger' : 'button'}>
        {submit}
      </button>
    </form>
  );
}

export function AccountPage() {
  useLocale();
  const session = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  if (!session) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        <SignIn onDone={() => undefined} />
      </>
    );
  }
  return (
    <>
      <h1>{t('account.title')}</h1>
      {session.user.verified === false && <Verify onDone={() => undefined} />}
      <section class="panel" data-testid="account">
        <p>
          <strong>{session.user.full_name}</strong>
        </p>
        <p class="muted">{session.user.login}</p>
        <div class="row">
          <button type="button" class="button" onClick={() => void logOut()}>
            {t('account.log_out')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setError(null);
              logOutEverywhere().catch((f: unknown) => setError(asApiError(f)));
            }}
          >
            {t('account.log_out_everywhere')}
          </button>
        </div>
        {error && <ErrorMessage error={error} />}
      </section>
      <PasswordForm
        id="password"
        title={t('account.password_title')}
        fields={[t('account.current_password'), t('account.new_password')]}
        submit={t('account.password_submit')}
        action={([current, next]) => changePassword(current ?? '', next ?? '')}
        done={t('account.password_done')}
      />
      <PasswordForm
        id="delete"
        title={t('account.delete_title')}
        fields={[t('account.delete_password')]}
        submit={t('account.delete_submit')}
        danger
        action={async ([password]) => {
          if (!confirm(t('account.delete_confirm'))) return;
          await deleteAccount(password ?? '');
        }}
        done={t('account.deleted')}
      />
      <p class="hint">{t('account.delete_hint')}</p>
    </>
  );
}
