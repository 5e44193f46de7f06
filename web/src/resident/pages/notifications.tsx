// What the resident was told about the reports they made or support (newest first; opening the
// page reads them), whether this phone gets pushes, and what reaches them by push and email.

import { useEffect, useState } from 'preact/hooks';
import { useAsync } from '../../common/hooks';
import { getLocale, useLocale } from '../../common/locale';
import type { NotificationItem, Preferences } from '../../common/types';
import {
  asApiError,
  createAlert,
  deleteAlert,
  listCommunes,
  myAlerts,
  myNotifications,
  myPreferences,
  readNotifications,
  setPreferences,
} from '../api';
import type { AlertRequest } from '../api';
import type { ApiError } from '../api';
import { Empty, ErrorMessage, Loading } from '../components/Feedback';
import { SignIn } from '../components/SignIn';
import { formatAge } from '../format';
import { pushState, setUnread, turnPushOff, turnPushOn } from '../notifications';
import type { PushState } from '../notifications';
import { paths } from '../router';
import { needsAccount, useSession } from '../session';
import { t } from '../strings';
import type { Key } from '../strings';

function headline(n: NotificationItem): string {
  if (n.kind === 'alert') return t('notice.alert', { count: n.reports.length });
  return t(`notice.${n.kind}` as Key, { code: n.tracking_code });
}

/** Where a notification leads: the report it is about (or the one handled instead of a
 * duplicate, or an alert's only report), else nowhere beyond this list. */
function target(n: NotificationItem): string | null {
  if (n.original_id) return paths.detail(n.original_id);
  if (n.report_id) return paths.detail(n.report_id);
  const only = n.reports.length === 1 ? n.reports[0] : undefined;
  return only ? paths.detail(only.id) : null;
}

function Item({ n }: { n: NotificationItem }) {
  return (
    <li class={n.read ? 'card notice' : 'card notice notice--unread'} data-testid="notification" data-kind={n.kind}>
      {n.photo_url ? (
        <img class="card-thumb" src={n.photo_url} alt={t('notice.photo_alt')} loading="lazy" decoding="async" />
      ) : (
        <span class="card-thumb card-thumb--none" aria-hidden="true" />
      )}
      <div class="card-body">
        {target(n) ? (
          <a class="card-title" href={target(n) ?? undefined}>
            {headline(n)}
          </a>
        ) : (
          <p class="card-title">{headline(n)}</p>
        )}
        {n.text && <p class="card-text">{n.text}</p>}
        {n.kind === 'alert' && n.reports.length > 1 && (
          <ul class="alert-reports">
            {n.reports.map((r) => (
              <li key={r.id}>
                <a href={paths.detail(r.id)}>
                  {r.tracking_code}: {getLocale() === 'en' ? r.category_en : r.category_vi}, {r.commune_vi}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p class="card-meta">
          {!n.read && <span class="badge">{t('notice.new')}</span>} {formatAge(n.created_at)}
        </p>
      </div>
    </li>
  );
}

function PushSwitch() {
  const [state, setState] = useState<PushState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The browser refused to subscribe (a private window, no push service reachable).
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    void pushState().then(setState, () => setState('unsupported'));
  }, []);
  async function toggle() {
    setError(null);
    setUnavailable(false);
    try {
      setState(await (state === 'on' ? turnPushOff() : turnPushOn()));
    } catch (failure) {
      if (failure instanceof DOMException) setUnavailable(true);
      else setError(asApiError(failure));
    }
  }
  if (state === null) return null;
  return (
    <section aria-labelledby="push-title">
      <h2 id="push-title">{t('push.title')}</h2>
      {state === 'unsupported' && <p>{t('push.unsupported')}</p>}
      {state === 'denied' && <p>{t('push.denied')}</p>}
      {(state === 'on' || state === 'off') && (
        <>
          <p role="status" data-testid="push-state" data-state={state}>
            {state === 'on' ? t('push.on') : t('push.off')}
          </p>
          <button type="button" class="button" onClick={() => void toggle()}>
            {state === 'on' ? t('push.turn_off') : t('push.turn_on')}
          </button>
        </>
      )}
      {unavailable && (
        <p role="alert" data-testid="push-unavailable">
          {t('push.unavailable')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function Choices() {
  const loaded = useAsync(() => myPreferences(), []);
  const [choice, setChoice] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = choice ?? loaded.data ?? null;
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!current) return <Loading />;
  async function change(channel: 'push' | 'email', what: 'updates' | 'alerts', on: boolean) {
    if (!current) return;
    const next = { ...current, [channel]: { ...current[channel], [what]: on } };
    setChoice(next);
    setSaved(false);
    setError(null);
    try {
      setChoice(await setPreferences(next));
      setSaved(true);
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  const box = (channel: 'push' | 'email', what: 'updates' | 'alerts') => (
    <label class="check">
      <input
        type="checkbox"
        name={`${channel}-${what}`}
        checked={current[channel][what]}
        onChange={(e) => void change(channel, what, (e.target as HTMLInputElement).checked)}
      />{' '}
      {t(`prefs.${channel}_${what}` as Key)}
    </label>
  );
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      <fieldset>
        <legend>{t('prefs.push')}</legend>
        {box('push', 'updates')}
        {box('push', 'alerts')}
      </fieldset>
      <fieldset>
        <legend>{t('prefs.email')}</legend>
        {box('email', 'updates')}
        {box('email', 'alerts')}
      </fieldset>
      <p class="hint">{t('prefs.hint')}</p>
      {saved && <p role="status">{t('prefs.saved')}</p>}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

/** The areas the resident watches: a commune or ward, or around where they are. */
function Alerts() {
  const alerts = useAsync(() => myAlerts(), []);
  const communes = useAsync(() => listCommunes(), []);
  const [commune, setCommune] = useState('');
  const [digest, setDigest] = useState<'hourly' | 'daily'>('hourly');
  const [error, setError] = useState<ApiError | null>(null);
  const [locating, setLocating] = useState(false);
  async function add(body: AlertRequest) {
    setError(null);
    try {
      await createAlert({ ...body, digest });
      alerts.reload();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  function aroundMe() {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        void add({ lat: p.coords.latitude, lon: p.coords.longitude, radius_m: 500 });
      },
      () => setLocating(false),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  }
  async function remove(id: number) {
    setError(null);
    try {
      await deleteAlert(id);
      alerts.reload();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }
  const names = new Map((communes.data?.items ?? []).map((c) => [c.code, getLocale() === 'en' ? c.name_en : c.name]));
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <p class="hint">{t('alerts.hint')}</p>
      {alerts.error && <ErrorMessage error={alerts.error} onRetry={alerts.reload} />}
      {alerts.data && alerts.data.items.length === 0 && <Empty>{t('alerts.empty')}</Empty>}
      {alerts.data && alerts.data.items.length > 0 && (
        <ul class="alerts" data-testid="alerts">
          {alerts.data.items.map((a) => (
            <li key={a.id}>
              <span>
                {a.commune
                  ? t('alerts.commune', { name: names.get(a.commune) ?? a.commune_name ?? a.commune })
                  : t('alerts.circle', { radius: a.radius_m ?? 0 })}{' '}
                · {t(`alerts.digest_${a.digest}` as Key)}
              </span>
              <button type="button" class="button" onClick={() => void remove(a.id)}>
                {t('alerts.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="alert-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (commune) void add({ commune });
        }}
      >
        <label>
          {t('alerts.choose_commune')}
          <select name="commune" value={commune} onChange={(e) => setCommune((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {(communes.data?.items ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {getLocale() === 'en' ? c.full_name_en : c.full_name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.digest')}
          <select name="digest" value={digest} onChange={(e) => setDigest((e.target as HTMLSelectElement).value as 'hourly' | 'daily')}>
            <option value="hourly">{t('alerts.digest_hourly')}</option>
            <option value="daily">{t('alerts.digest_daily')}</option>
          </select>
        </label>
        <div class="row">
          <button type="submit" class="button" disabled={!commune}>
            {t('alerts.add_commune')}
          </button>
          {'geolocation' in navigator && (
            <button type="button" class="button" disabled={locating} onClick={aroundMe}>
              {t('alerts.add_here')}
            </button>
          )}
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

export function NotificationsPage() {
  useLocale();
  const session = useSession();
  const signedIn = session !== null;
  const list = useAsync(() => (signedIn ? myNotifications() : Promise.resolve(null)), [signedIn]);
  const newest = list.data?.items[0];
  // Seen is read: the badge goes when the list has been shown.
  useEffect(() => {
    if (newest && !newest.read) {
      void readNotifications(newest.id).then((r) => setUnread(r.unread), () => undefined);
    } else if (list.data) {
      setUnread(list.data.unread);
    }
  }, [newest, list.data]);
  return (
    <>
      <h1>{t('notices.title')}</h1>
      {needsAccount(session) && <SignIn intro={t('notices.sign_in')} onDone={list.reload} />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {signedIn && list.loading && !list.data && <Loading />}
      {list.data && (
        <ul class="cards" data-testid="notifications">
          {list.data.items.length === 0 && <Empty>{t('notices.empty')}</Empty>}
          {list.data.items.map((n) => (
            <Item key={n.id} n={n} />
          ))}
        </ul>
      )}
      {signedIn && <PushSwitch />}
      {signedIn && <Alerts />}
      {signedIn && <Choices />}
    </>
  );
}
