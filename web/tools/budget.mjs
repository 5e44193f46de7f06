// The residents' load budget: how many bytes of JavaScript and CSS the residents' app loads,
// compressed as they travel, before the map's tiles. Opens each page in a fresh (cold-cache)
// mobile Chromium context, records every script and stylesheet the page loads until the network
// is idle (from the DevTools protocol: `Network.responseReceived` for the type and encoding,
// `Network.loadingFinished` for the bytes received, `Network.dataReceived` for the bytes once
// decoded), prints a table per page, and a `BUDGET {...}` JSON line for scripts.
//
//   HT_BASE_URL=http://127.0.0.1:8080 node tools/budget.mjs [path ...]
//
// Paths default to `/` (home) and `/#/report` (the report page). Exits non-zero when a page loads
// more than HT_BUDGET_KB (default 120) KiB of compressed JavaScript and CSS. The bytes received
// include each response's HTTP headers, as the browser's DevTools count them: a conservative
// measure. Service workers are not counted: their requests (the offline precache, after the page
// has loaded) belong to the worker, not to the page.

import { chromium } from 'playwright-core';

const base = (process.env.HT_BASE_URL ?? '').replace(/\/+$/, '');
if (!base) {
  console.error('error: set HT_BASE_URL, e.g. HT_BASE_URL=http://127.0.0.1:8080');
  process.exit(2);
}
const limitKb = Number(process.env.HT_BUDGET_KB ?? 120);
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/#/report'];
/** Quiet time that counts as "network idle", and the longest wait for it. */
const IDLE_MS = 1500;
const IDLE_TIMEOUT_MS = 60_000;
/** Long-lived requests that never finish, which idleness does not wait for. */
const STREAMS = new Set(['EventSource', 'WebSocket']);
const KB = 1024;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});

/** Loads `path` in a fresh mobile context; answers the scripts and stylesheets it loaded. */
async function measure(path) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    screen: { width: 412, height: 915 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    userAgent: `Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version().split('.')[0]}.0.0.0 Mobile Safari/537.36`,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });

  const cdp = await context.newCDPSession(page);
  /** requestId → what is known of the request. */
  const requests = new Map();
  const inflight = new Set();
  let lastActivity = Date.now();
  const touch = () => {
    lastActivity = Date.now();
  };
  cdp.on('Network.requestWillBeSent', ({ requestId, type, request }) => {
    touch();
    if (!STREAMS.has(type)) inflight.add(requestId);
    const known = requests.get(requestId);
    requests.set(requestId, { ...known, url: request.url, type, decoded: known?.decoded ?? 0 });
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    touch();
    const known = requests.get(requestId) ?? { decoded: 0 };
    const header = (name) => Object.entries(response.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
    requests.set(requestId, {
      ...known,
      url: response.url,
      type,
      status: response.status,
      encoding: header('content-encoding') || 'none',
      fromCache: response.fromDiskCache || response.fromServiceWorker || response.fromPrefetchCache,
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    touch();
    const known = requests.get(requestId);
    if (known) known.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    touch();
    inflight.delete(requestId);
    const known = requests.get(requestId);
    if (known) known.encoded = encodedDataLength;
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText, canceled }) => {
    touch();
    inflight.delete(requestId);
    const known = requests.get(requestId);
    if (known) known.failed = canceled ? 'canceled' : errorText;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: IDLE_TIMEOUT_MS });
  const started = Date.now();
  let idle = false;
  while (Date.now() - started < IDLE_TIMEOUT_MS) {
    if (inflight.size === 0 && Date.now() - lastActivity >= IDLE_MS) {
      idle = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!idle) errors.push(`the network was still busy after ${IDLE_TIMEOUT_MS / 1000} s`);

  const all = [...requests.values()];
  const files = all
    .filter((r) => r.type === 'Script' || r.type === 'Stylesheet')
    .map((r) => ({
      url: r.url,
      type: r.type,
      status: r.status ?? null,
      encoding: r.encoding ?? 'none',
      encoded_bytes: r.encoded ?? 0,
      decoded_bytes: r.decoded,
      ...(r.failed ? { failed: r.failed } : {}),
      ...(r.fromCache ? { from_cache: true } : {}),
    }));
  const tiles = all.filter((r) => r.type === 'Image' && /\/\d+\/\d+\/\d+\.png(\?|$)/.test(r.url)).length;
  const documentBytes = all.filter((r) => r.type === 'Document').reduce((n, r) => n + (r.encoded ?? 0), 0);
  await context.close();
  const total = files.reduce((n, f) => n + f.encoded_bytes, 0);
  const decoded = files.reduce((n, f) => n + f.decoded_bytes, 0);
  return { path, files, total, decoded, documentBytes, tiles, requests: all.length, errors };
}

const kb = (bytes) => (bytes / KB).toFixed(1);
const shortUrl = (url) => (url.startsWith(base) ? url.slice(base.length) : url);

function print(result) {
  console.log(`\n${base}${result.path}`);
  const rows = result.files.map((f) => [
    shortUrl(f.url) + (f.failed ? ` (failed: ${f.failed})` : ''),
    f.type === 'Stylesheet' ? 'CSS' : 'JS',
    String(f.encoded_bytes),
    f.encoding,
    String(f.decoded_bytes),
  ]);
  const header = ['file', 'type', 'bytes received', 'encoding', 'bytes uncompressed'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i >= 2 && i !== 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`  ${line(header)}`);
  for (const row of rows) console.log(`  ${line(row)}`);
  const verdict = result.total <= limitKb * KB ? 'within' : 'OVER';
  console.log(
    `  total: ${kb(result.total)} KB compressed JavaScript and CSS (${result.total} bytes, ${result.files.length} files), ` +
      `${kb(result.decoded)} KB uncompressed; ${verdict} the ${limitKb} KB budget`,
  );
  console.log(
    `  also loaded: the page ${kb(result.documentBytes)} KB, ${result.tiles} map tile(s), ${result.requests} requests in all`,
  );
  const plain = result.files.filter((f) => f.encoding === 'none' && f.encoded_bytes > 0);
  if (plain.length > 0) console.log(`  warning: sent uncompressed: ${plain.map((f) => shortUrl(f.url)).join(', ')}`);
  for (const error of result.errors) console.log(`  warning: ${error}`);
}

let over = false;
const results = [];
try {
  for (const path of paths) {
    const result = await measure(path);
    print(result);
    results.push(result);
    if (result.total > limitKb * KB) over = true;
  }
} finally {
  await browser.close();
}

const summary = {
  base,
  limit_kb: limitKb,
  ok: !over,
  pages: results.map((r) => ({
    path: r.path,
    total_bytes: r.total,
    total_kb: Number(kb(r.total)),
    uncompressed_bytes: r.decoded,
    uncompressed_kb: Number(kb(r.decoded)),
    document_bytes: r.documentBytes,
    tiles: r.tiles,
    files: r.files.map((f) => ({ ...f, url: shortUrl(f.url) })),
    errors: r.errors,
  })),
};
console.log(`\nBUDGET ${JSON.stringify(summary)}`);
if (over) {
  console.error(`FAILED: more than ${limitKb} KB of compressed JavaScript and CSS`);
  process.exitCode = 1;
}
