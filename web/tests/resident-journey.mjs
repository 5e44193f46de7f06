// A new resident on a phone (412 x 915, touch, geolocation granted at a point of Huế): the map
// with the base map's tiles; "already reported?" shows the one open report of the same category
// nearby (not the other category's, not the one 2 km away); supporting it asks for an account,
// they register there and verify it with the emailed code, and supporting twice counts once; they
// report with a photo from the file chooser and see it in "my reports"; the officer (through the
// API) finds it in the inbox with its photo and resolves it; the resident sees the answer and
// rates it. Every resident page passes axe-core's WCAG 2.1 A/AA rules.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON (the phone's position), HT_CATEGORY (the category to
// report in), HT_NEARBY_ID (the report that must be offered), HT_RESIDENT_LOGIN (a new login),
// HT_PASSWORD, HT_OFFICER_LOGIN, HT_PHOTO, HT_AFTER_PHOTO (JPEG files), HT_MAIL_DIR (where the
// worker writes its emails, for the verification code); HT_ARTIFACTS.

import { readFileSync } from 'node:fs';
import { apiCall, apiLogin, assert, audit, emailedCode, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-journey';
const TIMEOUT = 20_000;

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const position = { latitude: Number(env('HT_LAT')), longitude: Number(env('HT_LON')) };
  const category = env('HT_CATEGORY');
  const nearbyId = env('HT_NEARBY_ID');
  const login = env('HT_RESIDENT_LOGIN');
  const password = env('HT_PASSWORD');
  const description = `Cột đèn đổ chắn lối đi bộ (${Date.now()})`;

  const page = await openPhone(run, { geolocation: position });
  page.setDefaultTimeout(TIMEOUT);

  // The home page: the map with its tiles, the list, the report button.
  await page.goto(`${base}/`);
  await page.getByTestId('report-button').waitFor();
  await page.locator('.leaflet-tile-loaded').first().waitFor();
  await page.getByTestId('report-list').waitFor({ state: 'attached' });
  await audit(page, 'the home page');
  await screenshot(page, NAME, 'home');

  // "Already reported?": the same category nearby, nothing else.
  await page.getByTestId('report-button').click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.getByTestId('gps-state').filter({ hasText: /±/ }).waitFor();
  const nearby = page.getByTestId('nearby');
  await nearby.waitFor();
  const offered = await nearby.getByTestId('report-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
  assert(offered.length === 1 && offered[0] === nearbyId, `nearby offered ${JSON.stringify(offered)}, expected [${nearbyId}]`);
  await audit(page, 'the report page with its nearby reports');
  await screenshot(page, NAME, 'nearby');

  // Supporting asks for an account first: register here.
  await nearby.getByTestId('support-button').click();
  const signIn = page.getByTestId('sign-in');
  await signIn.getByRole('button', { name: /Chưa có tài khoản/ }).click();
  await signIn.getByLabel('Email hoặc số điện thoại').fill(login);
  await signIn.getByLabel('Họ và tên').fill('Trần Thị Thử');
  await signIn.getByLabel('Mật khẩu').fill(password);
  await signIn.getByRole('button', { name: 'Đăng ký' }).click();
  // A new account is verified first, with the code emailed to it; then the support goes.
  const verify = page.getByTestId('verify');
  await verify.waitFor();
  await audit(page, 'the verification form');
  await screenshot(page, NAME, 'verify');
  await verify.getByLabel('Mã 6 chữ số').fill(await emailedCode(env('HT_MAIL_DIR'), login, /xác minh/, 15_000));
  await verify.getByRole('button', { name: 'Xác minh' }).click();
  await page.getByTestId('supported').waitFor();

  // Supporting again (the draft is still there) still counts once.
  await page.goto(`${base}/#/`);
  await page.getByTestId('report-button').click();
  await page.getByTestId('nearby').getByTestId('support-button').click();
  await page.getByTestId('supported').getByRole('link').click();
  await page.getByTestId('report-detail').waitFor();
  const count = await page.getByTestId('support-count').first().textContent();
  assert(/^1 /.test(count ?? ''), `after two supports the count reads ${count}`);
  await audit(page, "a report's page");

  // The report: the kept draft (category and position), a description and a photo.
  await page.goto(`${base}/#/`);
  await page.getByTestId('report-button').click();
  await page.locator(`input[name="category"][value="${category}"]`).waitFor();
  assert(await page.locator(`input[name="category"][value="${category}"]`).isChecked(), 'the draft lost its category');
  await page.getByLabel('Mô tả sự cố').fill(description);
  await page.getByTestId('photo-input').setInputFiles(env('HT_PHOTO'));
  await page.locator('.thumbs img').waitFor();
  await screenshot(page, NAME, 'report-form');
  await page.getByTestId('send-report').click();

  // My reports: sent, then listed by the server with its deadline.
  await page.locator('[data-testid="queued"][data-state="sent"]').waitFor();
  const mine = page.getByTestId('my-reports').getByTestId('report-card').filter({ hasText: description });
  await mine.waitFor();
  await audit(page, 'my reports');
  await screenshot(page, NAME, 'mine');

  // The officer's inbox has it, with its photo; they resolve it with an after photo.
  const officer = await apiLogin(base, env('HT_OFFICER_LOGIN'), password);
  const inbox = await apiCall(base, `/api/v1/tickets?category=${category}`, { token: officer });
  const ticket = inbox.items.find((item) => item.description === description);
  assert(ticket, 'the report is not in the officer\'s inbox');
  const detail = await apiCall(base, `/api/v1/tickets/${ticket.id}`, { token: officer });
  assert(detail.photos.filter((p) => p.kind === 'report').length === 1, `the ticket has ${detail.photos.length} photos`);
  for (const action of ['accept', 'start']) {
    await apiCall(base, `/api/v1/tickets/${ticket.id}/transitions`, { method: 'POST', token: officer, body: { action } });
  }
  const form = new FormData();
  form.append('photo', new Blob([readFileSync(env('HT_AFTER_PHOTO'))], { type: 'image/jpeg' }), 'after.jpg');
  const uploaded = await fetch(`${base}/api/v1/tickets/${ticket.id}/photos`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${officer}`, 'Idempotency-Key': crypto.randomUUID() },
    body: form,
  });
  assert(uploaded.status === 201, `the after photo answered ${uploaded.status}`);
  const answer = 'Đã dựng lại cột đèn và dọn lối đi.';
  await apiCall(base, `/api/v1/tickets/${ticket.id}/transitions`, {
    method: 'POST',
    token: officer,
    body: { action: 'resolve', public_answer: answer },
  });

  // The resident sees the answer and rates it.
  await page.goto(`${base}/#/reports/${ticket.id}`);
  await page.getByTestId('answer').filter({ hasText: answer }).waitFor();
  await audit(page, 'a resolved report with its rating form');
  await screenshot(page, NAME, 'resolved');
  const rating = page.getByTestId('rating-form');
  await rating.getByText('4 sao').click();
  await rating.getByLabel('Nhận xét').fill('Xử lý nhanh, cảm ơn.');
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await rating.waitFor({ state: 'detached' });
  await page.locator('.status--closed').first().waitFor();

  // The account page, in English too.
  await page.goto(`${base}/#/account`);
  await page.getByTestId('account').waitFor();
  await audit(page, 'the account page');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
  await screenshot(page, NAME, 'account-english');
  console.log(`REPORT_ID=${ticket.id}`);
});
