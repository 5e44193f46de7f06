// An officer logs in, finds a received ticket in the inbox (and again by searching its tracking
// code), accepts it, starts work, uploads an
// "after" photo, writes the public answer and resolves it; the page and the API then both say
// `resolved`.
//
// Environment: HT_BASE_URL, HT_OFFICER_LOGIN, HT_OFFICER_PASSWORD, HT_TRACKING_CODE (a `received`
// ticket of the officer's unit), HT_PHOTO (a JPEG file); HT_ARTIFACTS (screenshots, optional).

import { apiCall, assert, env, logInThroughPage, openPage, scenario, screenshot } from './lib.mjs';

const NAME = 'officer-resolves';
const TIMEOUT = 15_000;

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const login = env('HT_OFFICER_LOGIN');
  const password = env('HT_OFFICER_PASSWORD');
  const code = env('HT_TRACKING_CODE');
  const photo = env('HT_PHOTO');

  const page = await openPage(run);
  page.setDefaultTimeout(TIMEOUT);
  await logInThroughPage(page, base, login, password);

  // The inbox: the ticket may be further down than the first page.
  await page.getByRole('heading', { level: 1, name: 'Hộp phiếu' }).waitFor();
  await page.getByTestId('inbox-table').waitFor();
  const row = page.locator(`[data-testid="inbox-row"][data-tracking-code="${code}"]`);
  while ((await row.count()) === 0) {
    const more = page.getByTestId('load-more');
    assert((await more.count()) > 0, `the ticket ${code} is not in the officer's inbox`);
    const rows = await page.getByTestId('inbox-row').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="inbox-row"]').length > n, rows);
  }
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, NAME, 'inbox');

  // Searching by the tracking code, typed the way people type it, leaves the one ticket.
  const search = page.getByLabel('Tìm kiếm');
  await search.fill(code.toLowerCase().replace(/-/g, ' ').replace(/^ht /, 'ht-'));
  await search.press('Enter');
  await page.waitForFunction(
    (c) => {
      const rows = [...document.querySelectorAll('[data-testid="inbox-row"]')];
      return rows.length === 1 && rows[0].getAttribute('data-tracking-code') === c;
    },
    code,
  );
  await search.fill('');
  await search.press('Enter');

  // The ticket page.
  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('ticket-code').filter({ hasText: code }).waitFor();
  const status = page.getByTestId('ticket-status');
  assert((await status.getAttribute('data-status')) === 'received', 'the ticket is not `received`');
  await page.getByTestId('timeline').waitFor();
  await screenshot(page, NAME, 'ticket');

  /** Chooses an action, lets `fill` complete its form, sends it and waits for the new status. */
  async function act(action, expected, fill) {
    await page.getByTestId(`action-${action}`).click();
    const form = page.locator(`form[data-action="${action}"]`);
    await form.waitFor();
    if (fill) await fill(form);
    await form.getByTestId('action-submit').click();
    await page.locator(`[data-testid="ticket-status"][data-status="${expected}"]`).waitFor();
  }

  await act('accept', 'accepted');
  await act('start', 'in_progress');
  await act('resolve', 'resolved', async (form) => {
    await form.getByTestId('after-photo-input').setInputFiles(photo);
    await form.locator('[data-testid="after-photos"] img').first().waitFor();
    await form.getByTestId('field-public_answer').fill('Đã dọn cây đổ, đường đã thông xe lúc 10:15.');
    await screenshot(page, NAME, 'resolve-form');
  });
  await page.getByTestId('ticket-announcer').filter({ hasText: 'Đã xử lý' }).waitFor();
  const shown = (await status.innerText()).trim();
  assert(shown === 'Đã xử lý', `the page shows the status "${shown}" instead of "Đã xử lý"`);
  await screenshot(page, NAME, 'resolved');

  // The server agrees, asked with the officer's own token.
  const id = await page.getByTestId('ticket-page').getAttribute('data-ticket-id');
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('ht.session') ?? 'null')?.accessToken);
  assert(id && token, 'no ticket id or token on the page');
  const ticket = await apiCall(base, `/api/v1/tickets/${id}`, { token });
  assert(ticket.status === 'resolved', `the API says the ticket is "${ticket.status}"`);
  assert(ticket.tracking_code === code, `the API answered for ${ticket.tracking_code}, not ${code}`);
  const after = ticket.photos.filter((p) => p.kind === 'resolution').length;
  assert(after === 1, `the ticket has ${after} "after" photos instead of 1`);
});
