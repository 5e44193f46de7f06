// Bundles the two web apps with esbuild into dist/:
//
// - dist/index.html: the residents' app (src/resident/), served at `/`, with its service worker
//   dist/sw.js (src/resident/sw.ts, which precaches this build's files) and its manifest
//   dist/manifest.webmanifest (icons from src/resident/icons/);
// - dist/staff.html: the officers' and IOC's app (src/staff/), served at `/staff/`;
// - dist/assets/: their scripts, styles and images, each name carrying a hash of its content (the
//   server caches /assets/ for good), plus a Brotli (.br) and a gzip (.gz) copy of every script
//   and stylesheet, which the server sends to clients that take them.
//
// Shared code is split into chunks that both apps load. `node build.mjs --watch` rebuilds on
// every change (the debug server reads dist/ from disk).

import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');

/** The apps: their entry, their page template and the page written into dist/. */
const APPS = {
  resident: { entry: join(src, 'resident', 'main.tsx'), template: join(src, 'resident', 'index.html'), page: 'index.html' },
  staff: { entry: join(src, 'staff', 'main.tsx'), template: join(src, 'staff', 'index.html'), page: 'staff.html' },
};

/** Empties dist/ but keeps .gitkeep, which holds the (otherwise ignored) folder in git. */
async function clean() {
  for (const entry of await readdir(dist)) {
    if (entry !== '.gitkeep') await rm(join(dist, entry), { recursive: true, force: true });
  }
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 8).toUpperCase();

/** Copies the residents' icons into dist/assets/ under hashed names; answers name → address. */
async function copyIcons() {
  const dir = join(src, 'resident', 'icons');
  const icons = {};
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.png')) continue;
    const bytes = await readFile(join(dir, name));
    const hashed = `${name.replace(/\.png$/, '')}-${hashOf(bytes)}.png`;
    await copyFile(join(dir, name), join(dist, 'assets', hashed));
    icons[name] = `/assets/${hashed}`;
  }
  return icons;
}

/** The web app manifest: what makes the residents' app installable. */
function manifest(icons) {
  const icon = (name, size, purpose) => ({ src: icons[name], sizes: `${size}x${size}`, type: 'image/png', purpose });
  return {
    name: 'Hiện Trường: phản ánh hiện trường Huế',
    short_name: 'Hiện Trường',
    description: 'Phản ánh sự cố ở Huế (ngập, cháy, giao thông, môi trường) và theo dõi đến khi được xử lý.',
    lang: 'vi',
    dir: 'ltr',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0b5394',
    categories: ['government', 'utilities'],
    icons: [
      icon('icon-192.png', 192, 'any'),
      icon('icon-512.png', 512, 'any'),
      icon('icon-maskable-192.png', 192, 'maskable'),
      icon('icon-maskable-512.png', 512, 'maskable'),
    ],
  };
}

/** The outputs of `entry` in `metafile`: its script, its stylesheet and the chunks it imports. */
function outputsOf(metafile, entry) {
  const [script, output] = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint && join(root, o.entryPoint) === entry) ?? [];
  if (!script || !output.cssBundle) throw new Error(`the build has no script and stylesheet for ${entry}`);
  const chunks = output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
  return { script, style: output.cssBundle, chunks };
}

const address = (output) => `/assets/${basename(output)}`;

/** Writes each app's page, the manifest and the service worker for this build. */
async function writePages(metafile) {
  await mkdir(join(dist, 'assets'), { recursive: true });
  const icons = await copyIcons();
  for (const app of Object.values(APPS)) {
    const { script, style, chunks } = outputsOf(metafile, app.entry);
    const preloads = chunks.map((c) => `<link rel="modulepreload" href="${address(c)}">`).join('\n    ');
    const html = (await readFile(app.template, 'utf8'))
      .replace('{{styles}}', address(style))
      .replace('{{script}}', address(script))
      .replace('{{preloads}}', preloads)
      .replaceAll('{{icon}}', icons['icon-192.png'] ?? '');
    await writeFile(join(dist, app.page), html);
  }
  await writeFile(join(dist, 'manifest.webmanifest'), JSON.stringify(manifest(icons), null, 2));

  // The residents' shell: its page and every file it may load (the lazily loaded chunks too, so
  // that a photo's position can be read offline), but not the staff app's own files.
  const staff = outputsOf(metafile, APPS.staff.entry);
  const staffOnly = new Set([staff.script, staff.style]);
  const shell = Object.keys(metafile.outputs)
    .filter((o) => !o.endsWith('.map') && !staffOnly.has(o))
    .map(address);
  shell.push(...Object.values(icons), '/', '/manifest.webmanifest');
  const version = hashOf(JSON.stringify(shell.sort()));
  await esbuild.build({
    entryPoints: [join(src, 'resident', 'sw.ts')],
    outfile: join(dist, 'sw.js'),
    bundle: true,
    format: 'esm',
    target: ['es2022'],
    minify: !watch,
    define: { __SHELL__: JSON.stringify(shell), __VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  await compressAssets();
}

/** Writes the .br and .gz copies of every script and stylesheet in dist/assets/. */
async function compressAssets() {
  const dir = join(dist, 'assets');
  for (const name of await readdir(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const bytes = await readFile(join(dir, name));
    await writeFile(
      join(dir, `${name}.br`),
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    await writeFile(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  }
}

const pagePlugin = {
  name: 'pages',
  setup(build) {
    build.onStart(clean);
    build.onEnd(async (result) => {
      if (result.errors.length === 0) {
        await writePages(result.metafile);
        if (watch) console.log(`built ${new Date().toLocaleTimeString()}`);
      }
    });
  },
};

const options = {
  entryPoints: { resident: APPS.resident.entry, staff: APPS.staff.entry },
  outdir: join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  sourcemap: watch ? 'linked' : false,
  metafile: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.png': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
  logLevel: 'info',
  plugins: [pagePlugin],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
