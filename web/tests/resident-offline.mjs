// A resident on a weak network. After a first visit the app opens from its service worker with
// the browser offline; a report with a photo made offline is queued ("waiting for network"),
// still queued after a reload, and sent when the network returns. Then a report whose answer is
// cut after the server committed it (the test aborts the response) is sent again by the app and
// yields the same report. The Rust side checks that the server holds each report and photo once.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON, HT_CATEGORY, HT_RESIDENT_LOGIN, HT_PASSWORD (an
// existing resident), HT_PHOTO (a JPEG file); HT_ARTIFACTS.

import { assert, audit, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-offline';
const TIMEOUT = 20_000;

/** Fills a report (category, description, photo) on the report page; the GPS gives the position. */
async function fillReport(page, category, description, photo) {
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.getByTestId('gps-state').filter({ hasText: /±/ }).waitFor();
  await page.getByLabel('Mô tả sự cố').fill(description);
  await page.getByTestId('photo-input').setInputFiles(photo);
  await page.locator('.thumbs img').waitFor();
}

/** Waits until the queued report whose text is `description` is waiting for the network (an
 * attempt may be under way at first); fails with `message` when it never is. */
async function waitingItem(page, description, message) {
  try {
    await page.locator('[data-testid="queued"][data-state="waiting"]').filter({ hasText: description }).waitFor({ timeout: 10_000 });
  } catch {
    assert(false, `${message} (its state: ${await queuedState(page, description)})`);
  }
}

/** The state of the queued report whose text is `description`. */
function queuedState(page, description) {
  return page.getByTestId('queued').filter({ hasText: description }).getAttribute('data-state');
}

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const category = env('HT_CATEGORY');
  const photo = env('HT_PHOTO');
  const page = await openPhone(run, { geolocation: { latitude: Number(env('HT_LAT')), longitude: Number(env('HT_LON')) } });
  page.setDefaultTimeout(TIMEOUT);
  const context = page.context();

  // First visit: sign in, and let the service worker keep the app.
  await page.goto(`${base}/#/account`);
  await page.getByLabel('Email hoặc số điện thoại').fill(env('HT_RESIDENT_LOGIN'));
  await page.getByLabel('Mật khẩu').fill(env('HT_PASSWORD'));
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('account').waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The categories, as the phone saw them online.
  await page.goto(`${base}/#/report`);
  await page.locator(`input[name="category"][value="${category}"]`).waitFor();

  // Offline: the app opens from the service worker.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Phản ánh mới' }).waitFor();
  await page.getByText('Đang ngoại tuyến').waitFor();
  await screenshot(page, NAME, 'offline-open');

  const offline = 'Ngập khi mất mạng';
  await fillReport(page, category, offline, photo);
  await page.getByTestId('send-report').click();
  await page.getByTestId('queued').filter({ hasText: offline }).waitFor();
  // The app tries at once (and fails, offline): the report settles as waiting.
  await waitingItem(page, offline, 'offline, the report never waited');
  await page.getByText('Chờ có mạng').first().waitFor();
  await audit(page, 'my reports with a queued report');
  await screenshot(page, NAME, 'queued');

  // A reload keeps it.
  await page.reload();
  await page.getByTestId('queued').filter({ hasText: offline }).waitFor();
  // At start the app tries again (and fails, offline): the report is still there, waiting.
  await waitingItem(page, offline, 'the queued report did not survive a reload');

  // The network returns: it is sent (the `online` event).
  await context.setOffline(false);
  await page.locator('[data-testid="queued"][data-state="sent"]').filter({ hasText: offline }).waitFor();
  await page.getByTestId('my-reports').getByText(offline).waitFor();
  await screenshot(page, NAME, 'sent');

  // The answer to the report is cut after the server committed it: the app retries with the same
  // key and the server answers the same report.
  let cut = 0;
  await context.route('**/api/v1/reports', async (route) => {
    if (route.request().method() !== 'POST' || cut > 0) return route.continue();
    cut += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.goto(`${base}/#/report`);
  const severed = 'Cắt kết nối sau khi máy chủ lưu';
  await fillReport(page, category, severed, photo);
  await page.getByTestId('send-report').click();
  await page.getByTestId('queued').filter({ hasText: severed }).waitFor();
  // A queued report waits before its first attempt too: wait for the attempt whose answer is cut,
  // then for the report to wait again.
  for (let waited = 0; cut === 0 && waited < 15_000; waited += 100) await page.waitForTimeout(100);
  assert(cut === 1, 'the answer was not cut');
  await page.locator('[data-testid="queued"][data-state="waiting"]').filter({ hasText: severed }).waitFor();
  await page.getByTestId('queued').filter({ hasText: severed }).getByRole('button', { name: 'Gửi lại ngay' }).click();
  await page.locator('[data-testid="queued"][data-state="sent"]').filter({ hasText: severed }).waitFor();
  await page.getByTestId('my-reports').getByText(severed).waitFor();
  await screenshot(page, NAME, 'retried');
});
