// A resident whose account is not verified yet. Signing in asks for the code sent at
// registration. A session kept by an earlier version of the app does not say whether the account
// is verified: its report goes to the server, is refused (`verification_required`), and stays in
// the phone's queue ("waiting for your account to be verified"), also after a reload, with
// nothing stored on the server; "my reports" asks for the code, and once it is entered the same
// report is sent. The Rust side checks that the server holds it exactly once.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON, HT_CATEGORY, HT_RESIDENT_LOGIN, HT_PASSWORD (a
// registered resident who has not entered the code), HT_MAIL_DIR (where the worker writes its
// emails); HT_ARTIFACTS.

import { apiCall, apiLogin, assert, audit, emailedCode, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-verify';
const TIMEOUT = 20_000;

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const login = env('HT_RESIDENT_LOGIN');
  const password = env('HT_PASSWORD');
  const category = env('HT_CATEGORY');
  const page = await openPhone(run, { geolocation: { latitude: Number(env('HT_LAT')), longitude: Number(env('HT_LON')) } });
  page.setDefaultTimeout(TIMEOUT);

  // Signing in with an account not verified asks for the code.
  await page.goto(`${base}/#/account`);
  await page.getByLabel('Email hoặc số điện thoại').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('verify').waitFor();
  await audit(page, 'the account page asking for the verification code');

  // The session as an earlier version of the app kept it: without `verified`.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('hientruong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('session', 'readwrite').objectStore('session');
          const read = store.get('current');
          read.onsuccess = () => {
            const pair = read.result;
            delete pair.user.verified;
            store.put(pair, 'current').onsuccess = () => resolve(undefined);
          };
        };
      }),
  );
  await page.goto(`${base}/#/report`);
  await page.reload();
  const description = `Rác ùn ứ chờ xác minh (${Date.now()})`;
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.getByTestId('gps-state').filter({ hasText: /±/ }).waitFor();
  await page.getByLabel('Mô tả sự cố').fill(description);
  await page.getByTestId('send-report').click();

  // Refused by the server, kept on the phone: also after a reload, and nothing stored.
  const waiting = page.locator('[data-testid="queued"][data-state="waiting"]').filter({ hasText: description });
  await waiting.filter({ hasText: 'Chờ xác minh tài khoản' }).waitFor();
  await page.reload();
  await waiting.filter({ hasText: 'Chờ xác minh tài khoản' }).waitFor();
  const token = await apiLogin(base, login, password);
  const before = await apiCall(base, '/api/v1/me/reports', { token });
  assert(before.items.length === 0, `the server stored ${before.items.length} reports before verification`);
  await audit(page, 'my reports with a report waiting for verification');
  await screenshot(page, NAME, 'waiting');

  // The code from the email; the queued report goes.
  const verify = page.getByTestId('verify');
  await verify.getByLabel('Mã 6 chữ số').fill(await emailedCode(env('HT_MAIL_DIR'), login, /xác minh/, 15_000));
  await verify.getByRole('button', { name: 'Xác minh' }).click();
  await page.locator('[data-testid="queued"][data-state="sent"]').filter({ hasText: description }).waitFor();
  await screenshot(page, NAME, 'sent');
  console.log(`DESCRIPTION=${description}`);
});
