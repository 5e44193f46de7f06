// An IOC operator opens the dashboard: the headline figures, the map's 40 communes and the units'
// league table are there. An officer then resolves a ticket through the API, and the `resolved`
// figure goes up by one without a reload (live events). Finally the page switches to English.
//
// Environment: HT_BASE_URL, HT_IOC_LOGIN, HT_IOC_PASSWORD, HT_OFFICER_LOGIN, HT_OFFICER_PASSWORD,
// HT_REPORT_ID (a ticket of the officer's unit, `in_progress`, with its "after" photo uploaded);
// HT_ARTIFACTS (screenshots, optional).

import { apiCall, apiLogin, assert, env, logInThroughPage, openPage, scenario, screenshot } from './lib.mjs';

const NAME = 'ioc-dashboard';
const TIMEOUT = 15_000;
const COMMUNES = 40;

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const iocLogin = env('HT_IOC_LOGIN');
  const iocPassword = env('HT_IOC_PASSWORD');
  const officerLogin = env('HT_OFFICER_LOGIN');
  const officerPassword = env('HT_OFFICER_PASSWORD');
  const reportId = env('HT_REPORT_ID');

  const page = await openPage(run);
  page.setDefaultTimeout(TIMEOUT);
  await logInThroughPage(page, base, iocLogin, iocPassword);

  // The IOC lands on the dashboard.
  const title = page.getByRole('heading', { level: 1 });
  await title.filter({ hasText: 'Bảng điều hành IOC' }).waitFor();
  assert(page.url().endsWith('#/ioc'), `the IOC landed on ${page.url()}, not on #/ioc`);

  const resolved = page.getByTestId('figure-resolved');
  await resolved.waitFor();
  const before = Number(await resolved.getAttribute('data-value'));
  assert(Number.isInteger(before), 'the `resolved` figure has no number');
  for (const figure of ['received', 'open_backlog', 'overdue_now', 'on_time_rate', 'time_to_resolve', 'engagement']) {
    await page.getByTestId(`figure-${figure}`).waitFor();
  }

  const shapes = page.locator('[data-testid="commune-map"] path.leaflet-interactive');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="commune-map"] path.leaflet-interactive').length === n,
    COMMUNES,
  );
  assert((await shapes.count()) === COMMUNES, `the map has ${await shapes.count()} communes`);
  await page.getByTestId('map-legend').waitFor();

  const unitRows = page.locator('[data-testid="units-table"] tbody tr');
  await unitRows.first().waitFor();
  assert((await unitRows.count()) > 0, 'the league table has no rows');

  // Only a connected stream can bring the change; a reload would lose this marker.
  await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
  await page.evaluate(() => {
    window.htNotReloaded = true;
  });
  await screenshot(page, NAME, 'before');

  const officer = await apiLogin(base, officerLogin, officerPassword);
  const ticket = await apiCall(base, `/api/v1/tickets/${reportId}/transitions`, {
    method: 'POST',
    token: officer,
    body: { action: 'resolve', public_answer: 'Đã dựng lại biển báo.' },
  });
  assert(ticket.status === 'resolved', `the API resolved the ticket into "${ticket.status}"`);

  try {
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="figure-resolved"]')?.getAttribute('data-value') === String(expected),
      before + 1,
      { timeout: TIMEOUT },
    );
  } catch {
    const now = await resolved.getAttribute('data-value');
    throw new Error(`the resolved figure stayed ${now} instead of becoming ${before + 1} within ${TIMEOUT / 1000} s`);
  }
  assert(await page.evaluate(() => window.htNotReloaded === true), 'the page was reloaded');
  await page.locator('[data-testid="live-feed"] li').first().waitFor();
  await screenshot(page, NAME, 'after');

  // English: the same page, other words.
  await page.getByTestId('lang-switch').click();
  await title.filter({ hasText: 'IOC dashboard' }).waitFor();
  const label = await page.locator('.figure--resolved .figure__label').innerText();
  assert(label.trim() === 'Resolved', `the resolved figure is labelled "${label}" in English`);
  assert((await page.locator('html').getAttribute('lang')) === 'en', 'the page language is not `en`');
  await screenshot(page, NAME, 'english');
});
