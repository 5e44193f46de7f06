// Renders the residents' app icons (src/resident/icons/*.svg) to the PNGs its web app manifest
// lists: icon-192.png and icon-512.png (purpose "any": a rounded square, transparent corners) and
// icon-maskable-192.png and icon-maskable-512.png (purpose "maskable": full-bleed, artwork inside
// the safe zone). It draws each SVG at the exact size in headless Chromium (playwright-core) and
// keeps the transparency of the SVG.
//
// Run it from web/ after changing an SVG, and commit the PNGs:
//
//     node tools/icons.mjs

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'resident', 'icons');

/** Each PNG: its source SVG and its size in pixels. */
const ICONS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-192.png', size: 192 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  headless: true,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { svg, png, size } of ICONS) {
    const source = await readFile(join(dir, svg));
    const url = `data:image/svg+xml;base64,${source.toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${url}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({
      path: join(dir, png),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote src/resident/icons/${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
