// Prepares data on a running development server (with the demo accounts) for the browser
// scenarios, and prints the environment they need as `export` lines:
//
//   eval "$(node tests/dev-setup.mjs)" && node tests/officer-resolves.mjs && node tests/ioc-dashboard.mjs
//
// As a demo resident (verified, unlike a new account before it enters its code), it submits two
// traffic reports at the Citadel (routed to `csgt`), and takes the second one to `in_progress`
// with an "after" photo, as the officer. The test suite does the same on a fresh server of its own (tests/tests/web.rs).
//
// Environment (all optional): HT_BASE_URL (http://127.0.0.1:8080), HT_OFFICER_LOGIN (canbo.csgt),
// HT_IOC_LOGIN (ioc.vanhanh), HT_RESIDENT_LOGIN (demo@hientruong.vn), HT_DEMO_PASSWORD
// (hientruong-demo).

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { apiCall, apiLogin } from './lib.mjs';

const base = (process.env.HT_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const officerLogin = process.env.HT_OFFICER_LOGIN ?? 'canbo.csgt';
const iocLogin = process.env.HT_IOC_LOGIN ?? 'ioc.vanhanh';
const password = process.env.HT_DEMO_PASSWORD ?? 'hientruong-demo';
const CITADEL = { lat: 16.4698, lon: 107.5786 };

/** A small JPEG drawn by Chromium (no image library needed). */
async function makeJpeg() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const dataUrl = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 800;
      canvas.height = 600;
      const g = canvas.getContext('2d');
      g.fillStyle = '#6b8e23';
      g.fillRect(0, 0, 800, 600);
      g.fillStyle = '#555555';
      g.fillRect(0, 350, 800, 250);
      g.fillStyle = '#ffffff';
      g.font = '48px sans-serif';
      g.fillText('Sau xử lý', 40, 100);
      return canvas.toDataURL('image/jpeg', 0.85);
    });
    return Buffer.from(dataUrl.split(',')[1], 'base64');
  } finally {
    await browser.close();
  }
}

async function report(token, description) {
  const response = await fetch(`${base}/api/v1/reports`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ category: 'traffic', description, ...CITADEL, address: 'Đại Nội' }),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/v1/reports answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const jpeg = await makeJpeg();
const photo = join(tmpdir(), 'hientruong-after.jpg');
writeFileSync(photo, jpeg);

const resident = process.env.HT_RESIDENT_LOGIN ?? 'demo@hientruong.vn';
const residentToken = await apiLogin(base, resident, password);
const toResolve = await report(residentToken, 'Cây đổ chắn ngang đường, xe máy không qua được.');
const inProgress = await report(residentToken, 'Biển báo giao thông bị đổ trên vỉa hè.');

const officer = await apiLogin(base, officerLogin, password);
for (const action of ['accept', 'start']) {
  await apiCall(base, `/api/v1/tickets/${inProgress.id}/transitions`, {
    method: 'POST',
    token: officer,
    body: { action },
  });
}
const form = new FormData();
form.append('photo', new Blob([jpeg], { type: 'image/jpeg' }), 'after.jpg');
const upload = await fetch(`${base}/api/v1/tickets/${inProgress.id}/photos`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${officer}`, 'Idempotency-Key': crypto.randomUUID() },
  body: form,
});
if (upload.status !== 201) throw new Error(`the photo upload answered ${upload.status}: ${await upload.text()}`);

const exports = {
  HT_BASE_URL: base,
  HT_OFFICER_LOGIN: officerLogin,
  HT_OFFICER_PASSWORD: password,
  HT_IOC_LOGIN: iocLogin,
  HT_IOC_PASSWORD: password,
  HT_TRACKING_CODE: toResolve.tracking_code,
  HT_REPORT_ID: inProgress.id,
  HT_PHOTO: photo,
};
for (const [name, value] of Object.entries(exports)) console.log(`export ${name}='${value}'`);
