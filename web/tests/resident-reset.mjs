// A resident who forgot their password, on a phone: from the account page, "forgot your
// password?", their email address, the six-digit code from the email the server's outbox sent
// (read from the worker's mail directory), a new password; they are then signed in. The reset
// form passes axe-core's WCAG 2.1 A/AA rules.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON, HT_LOGIN (an existing resident's email login),
// HT_NEW_PASSWORD, HT_MAIL_DIR (where the worker writes .eml files); HT_ARTIFACTS.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, audit, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-reset';
const TIMEOUT = 20_000;

/** The code in the newest email to `login` in `dir`, waiting for it up to `ms`. */
async function emailedCode(dir, login, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
      const raw = readFileSync(join(dir, name), 'utf8');
      const [head, ...rest] = raw.split(/\r?\n\r?\n/);
      if (!head.includes(`To: ${login}`)) continue;
      let body = rest.join('\n\n');
      if (/Content-Transfer-Encoding: base64/i.test(head)) {
        body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      }
      const found = body.match(/(?<!\d)(\d{6})(?!\d)/);
      if (found) return found[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no code was emailed to ${login}`);
}

await scenario(NAME, async (run) => {
  const base = env('HT_BASE_URL').replace(/\/$/, '');
  const login = env('HT_LOGIN');
  const newPassword = env('HT_NEW_PASSWORD');
  const page = await openPhone(run, {
    geolocation: { latitude: Number(env('HT_LAT')), longitude: Number(env('HT_LON')) },
  });
  page.setDefaultTimeout(TIMEOUT);

  await page.goto(`${base}/#/account`);
  const signIn = page.getByTestId('sign-in');
  await signIn.getByRole('button', { name: 'Quên mật khẩu?' }).click();
  await signIn.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
  await signIn.getByLabel('Email hoặc số điện thoại').fill(login);
  await signIn.getByRole('button', { name: 'Gửi mã' }).click();
  await signIn.getByText(/mã đã được gửi đến đó/).waitFor();
  await audit(page, 'the password reset form');
  await screenshot(page, NAME, 'code-sent');

  // A wrong code first: the server's reason is shown, the form stays.
  await signIn.getByLabel('Mã 6 chữ số').fill('000000');
  await signIn.getByLabel('Mật khẩu mới').fill(newPassword);
  const code = await emailedCode(env('HT_MAIL_DIR'), login, 15_000);
  if (code !== '000000') {
    await signIn.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await signIn.getByRole('alert').filter({ hasText: /Mã đặt lại mật khẩu sai/ }).waitFor();
  }
  await signIn.getByLabel('Mã 6 chữ số').fill(code);
  await signIn.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  const account = page.getByTestId('account');
  await account.waitFor();
  const shown = await account.textContent();
  assert(shown.includes(login), `signed in as ${login}: ${shown}`);
  await screenshot(page, NAME, 'signed-in');
});
