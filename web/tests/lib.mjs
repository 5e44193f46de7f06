// Shared helpers of the browser scenarios: a headless Chromium, a page that records its errors
// (any uncaught error or Content-Security-Policy violation fails the scenario), screenshots into
// $HT_ARTIFACTS, and small API calls in Node.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** An environment variable the scenario cannot run without. */
export function env(name) {
  const value = process.env[name];
  if (!value) fail(`the environment variable ${name} is not set`);
  return value;
}

export function fail(message) {
  throw new Error(message);
}

export function assert(condition, message) {
  if (!condition) fail(message);
}

/** Runs a scenario: prints its outcome and sets the exit code (non-zero on any failure). */
export async function scenario(name, body) {
  const started = Date.now();
  const run = { browser: null, problems: [], consoleErrors: [] };
  try {
    await body(run);
    if (run.problems.length > 0) fail(`the page reported errors:\n  ${run.problems.join('\n  ')}`);
    console.log(`ok: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    console.error(`FAILED: ${name}: ${error instanceof Error ? error.message : error}`);
    if (run.problems.length > 0) console.error(`page errors:\n  ${run.problems.join('\n  ')}`);
    if (run.consoleErrors.length > 0) console.error(`console errors:\n  ${run.consoleErrors.join('\n  ')}`);
    process.exitCode = 1;
  } finally {
    await run.browser?.close();
  }
}

/** Launches Chromium and opens a page that watches for errors; `run` collects them. */
export async function openPage(run, { width = 1366, height = 900 } = {}) {
  return watchedPage(run, { viewport: { width, height }, locale: 'vi-VN' });
}

/**
 * A phone: 412 x 915, touch, a mobile user agent, Vietnamese, and the geolocation permission
 * granted at `geolocation` (`{ latitude, longitude }`, accuracy 10 m).
 */
export async function openPhone(run, { geolocation, permissions = [] }) {
  return watchedPage(run, {
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    locale: 'vi-VN',
    geolocation: { ...geolocation, accuracy: 10 },
    permissions: ['geolocation', ...permissions],
  });
}

async function watchedPage(run, contextOptions) {
  run.browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await run.browser.newContext(contextOptions);
  // Reported by the page itself, so that no violation goes unnoticed.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => run.problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy|CSP violation/i.test(text)) run.problems.push(text);
    else run.consoleErrors.push(text);
  });
  return page;
}

let shots = 0;

/** Saves a full-page screenshot as $HT_ARTIFACTS/<scenario>-<n>-<name>.png, if the variable is set. */
export async function screenshot(page, scenarioName, name) {
  const dir = process.env.HT_ARTIFACTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  shots += 1;
  const file = join(dir, `${scenarioName}-${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}

/** Logs in through the app's login page and waits for the page it lands on. */
export async function logInThroughPage(page, baseUrl, login, password) {
  await page.goto(`${baseUrl}/staff/#/login`);
  await page.getByLabel(/Tên đăng nhập|User name/).fill(login);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
  await page.waitForFunction(() => !location.hash.startsWith('#/login'), null, { timeout: 15_000 });
}

/** A JSON request to the API from Node; throws with the server's message on an error answer. */
export async function apiCall(baseUrl, path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) fail(`${method} ${path} answered ${response.status}: ${text}`);
  return data;
}

/** An access token for `login`, from the API. */
export async function apiLogin(baseUrl, login, password) {
  const pair = await apiCall(baseUrl, '/api/v1/auth/login', { method: 'POST', body: { login, password } });
  return pair.access_token;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core's WCAG 2.1 A/AA rules (contrast included) on the page (injected through the
 * debugging protocol, which the page's CSP does not govern); fails on any violation.
 */
export async function audit(page, where) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const described = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
  assert(violations.length === 0, `accessibility violations on ${where}:\n  ${described.join('\n  ')}`);
}

/**
 * The six-digit code in an email to `login` whose text matches `about`, among the .eml files the
 * worker writes to `dir`, waiting for it up to `ms`.
 */
export async function emailedCode(dir, login, about, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
      const raw = readFileSync(join(dir, name), 'utf8');
      const [head, ...rest] = raw.split(/\r?\n\r?\n/);
      if (!head.includes(`To: ${login}`)) continue;
      let body = rest.join('\n\n');
      if (/Content-Transfer-Encoding: base64/i.test(head)) {
        body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      } else if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
        const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
        body = Buffer.from(bytes, 'latin1').toString('utf8');
      }
      const found = body.match(/(?<!\d)(\d{6})(?!\d)/);
      if (found && about.test(body)) return found[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no code was emailed to ${login}`);
}
