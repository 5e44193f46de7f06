// A resident who forgot their password, on a phone: from the account page, "forgot your
// password?", their email address, the six-digit code from the email the server's outbox sent
// (read from the worker's mail directory), a new password; they are then signed in. The reset
// form passes axe-core's WCAG 2.1 A/AA rules.
//
// Environment: HT_BASE_URL, HT_LAT, HT_LON, HT_LOGIN (an existing resident's email login),
// HT_NEW_PASSWORD, HT_MAIL_DIR (where the worker writes .eml files); HT_ARTIFACTS.

import { assert, audit, emailedCode, env, openPhone, scenario, screenshot } from './lib.mjs';

const NAME = 'resident-reset';
const TIMEOUT = 20_000;

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
  const code = await emailedCode(env('HT_MAIL_DIR'), login, /đặt lại mật khẩu/, 15_000);
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
