// A resident hears back. Signed in, the "Notices" tab shows the unread count; the page lists what
// the units did with their report and reading it clears the badge. This phone's push switch is
// tried through the browser's real Push API (Chromium refuses it in the test's incognito-like
// context and has no push service to reach anyway: the page must say so plainly; the outcome is
// printed, PUSH_SUBSCRIBE=...); the service worker's push handler is then exercised by
// delivering a push message to it through the DevTools protocol, as a push service would: it
// shows the notification with the report's link. The resident watches a ward (daily digest) and
// turns email news off; the Rust side checks both on the server.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON, HT_RESIDENT_LOGIN, HT_PASSWORD (a verified resident
// with exactly two unread notifications), HT_COMMUNE (a ward's code to watch), HT_PUSH_PAYLOAD
// (a push's JSON as the server makes it); HT_ARTIFACTS.

import { assert, audit, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-notices';
const TIMEOUT = 20_000;

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const payload = JSON.parse(env('HT_PUSH_PAYLOAD'));
  const page = await openPhone(run, {
    geolocation: { latitude: Number(env('HT_LAT')), longitude: Number(env('HT_LON')) },
    permissions: ['notifications'],
  });
  page.setDefaultTimeout(TIMEOUT);

  await page.goto(`${base}/#/account`);
  await page.getByLabel('Email hoặc số điện thoại').fill(env('HT_RESIDENT_LOGIN'));
  await page.getByLabel('Mật khẩu').fill(env('HT_PASSWORD'));
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).waitFor();

  // The badge on the Notices tab.
  await page.goto(`${base}/#/`);
  await page.reload();
  const badge = page.getByTestId('unread');
  await badge.filter({ hasText: '2' }).waitFor();
  await screenshot(page, NAME, 'badge');

  // The list; reading it clears the badge.
  await page.getByRole('link', { name: /Thông báo/ }).click();
  const items = page.getByTestId('notification');
  await items.first().waitFor();
  const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  assert(JSON.stringify(kinds) === JSON.stringify(['needs_information', 'accepted']), `kinds ${kinds}`);
  await badge.waitFor({ state: 'detached' });
  await audit(page, 'the notices page');
  await screenshot(page, NAME, 'list');

  // This phone's pushes through the real Push API.
  const state = page.getByTestId('push-state');
  await state.waitFor();
  await page.getByRole('button', { name: 'Nhận thông báo đẩy' }).click();
  const refused = page.getByTestId('push-unavailable');
  const outcome = await Promise.race([
    state.filter({ hasText: 'đang nhận' }).waitFor({ timeout: 10_000 }).then(() => 'ok'),
    refused.waitFor({ timeout: 10_000 }).then(async () => `refused:${(await refused.textContent())?.trim()}`),
  ]).catch(() => 'no answer');
  assert(outcome !== 'no answer', 'the push switch said nothing');
  console.log(`PUSH_SUBSCRIBE=${outcome}`);

  // A push delivered to the service worker as a push service would: it shows the notification.
  const cdp = await page.context().newCDPSession(page);
  const registration = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${base}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: base, registrationId, data: JSON.stringify(payload) });
  let notification = null;
  for (const started = Date.now(); !notification && Date.now() - started < TIMEOUT; ) {
    notification = await page.evaluate(async (title) => {
      const reg = await navigator.serviceWorker.ready;
      const found = (await reg.getNotifications()).find((n) => n.title === title);
      return found ? { title: found.title, body: found.body, tag: found.tag, url: found.data?.url, icon: found.icon } : null;
    }, payload.title);
    if (!notification) await page.waitForTimeout(200);
  }
  assert(notification, 'the service worker showed no notification');
  assert(notification.body === payload.body, `body ${notification.body}`);
  assert(notification.tag === payload.tag, `tag ${notification.tag}`);
  assert(notification.url === payload.url, `url ${notification.url}`);
  assert(/\/assets\/icon-192-/.test(notification.icon), `icon ${notification.icon}`);
  console.log(`PUSH_SHOWN=${notification.title}`);

  // Watch a ward, daily; turn email news off.
  await page.locator('select[name="commune"]').selectOption(env('HT_COMMUNE'));
  await page.locator('select[name="digest"]').selectOption('daily');
  await page.getByRole('button', { name: 'Theo dõi xã, phường này' }).click();
  await page.getByTestId('alerts').locator('li').first().waitFor();
  await page.locator('input[name="email-updates"]').uncheck();
  await page.getByText('Đã lưu lựa chọn.').waitFor();
  await audit(page, 'the notices page with an alert');
  await screenshot(page, NAME, 'alerts');
});
