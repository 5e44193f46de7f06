// Accessibility smoke test: the login page, the inbox, a ticket and the IOC dashboard pass axe-core's
// WCAG 2.1 A/AA rules (contrast included), and an officer can log in and open a ticket with the
// keyboard alone, seeing where the focus is.
//
// Environment: HT_BASE_URL, HT_OFFICER_LOGIN, HT_OFFICER_PASSWORD, HT_IOC_LOGIN, HT_IOC_PASSWORD;
// HT_ARTIFACTS (screenshots, optional). The officer's inbox must hold at least one ticket.

import { assert, audit, env, logInThroughPage, openPage, scenario, screenshot } from './lib.mjs';

const NAME = 'a11y-smoke';
const TIMEOUT = 15_000;

/** Tabs until `matches` holds for the focused element; fails after `limit` presses. */
async function tabTo(page, description, matches, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`${description} cannot be reached with the Tab key`);
}

/** The focused element shows an outline (the focus is visible). */
async function assertFocusVisible(page, what) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert(outline.style !== 'none' && outline.width >= 2, `the focus on ${what} is not visible`);
}

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const officer = env('HT_OFFICER_LOGIN');
  const officerPassword = env('HT_OFFICER_PASSWORD');
  const ioc = env('HT_IOC_LOGIN');
  const iocPassword = env('HT_IOC_PASSWORD');

  const page = await openPage(run);
  page.setDefaultTimeout(TIMEOUT);

  // Login with the keyboard alone.
  await page.goto(`${base}/staff/#/login`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await audit(page, 'the login page');
  await tabTo(page, 'the login field', () => document.activeElement?.id === 'login-name');
  await assertFocusVisible(page, 'the login field');
  await page.keyboard.type(officer);
  await page.keyboard.press('Tab');
  await page.keyboard.type(officerPassword);
  await page.keyboard.press('Enter');
  await page.getByTestId('inbox-table').waitFor();
  await audit(page, 'the inbox');
  await screenshot(page, NAME, 'inbox');

  // The first ticket, opened with the keyboard.
  await tabTo(page, "the first ticket's link", () => document.activeElement?.matches('[data-testid="inbox-row"] a'));
  await assertFocusVisible(page, "a ticket's link");
  await page.keyboard.press('Enter');
  await page.getByTestId('ticket-status').waitFor();
  await page.getByTestId('timeline').waitFor();
  await audit(page, 'the ticket page');

  // An action's form opens from the keyboard, its fields labelled.
  await tabTo(page, 'an action button', () => document.activeElement?.matches('[data-testid^="action-"]'));
  await assertFocusVisible(page, 'an action button');
  await page.keyboard.press('Enter');
  await page.locator('form#action-form').waitFor();
  await audit(page, "the ticket page with an action's form");
  await screenshot(page, NAME, 'ticket');

  // The dashboard, in both languages.
  await page.getByTestId('logout').click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await logInThroughPage(page, base, ioc, iocPassword);
  await page.locator('[data-testid="commune-map"] path.leaflet-interactive').first().waitFor();
  await page.locator('[data-testid="units-table"] tbody tr').first().waitFor();
  await audit(page, 'the IOC dashboard');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { level: 1, name: 'IOC dashboard' }).waitFor();
  await audit(page, 'the IOC dashboard in English');
  await screenshot(page, NAME, 'dashboard');
});
