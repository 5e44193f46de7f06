// Bundles the app with esbuild into dist/: dist/index.html and dist/assets/app-[hash].js|css
// (plus Leaflet's images). The server caches /assets/ for good, so every asset name carries a
// hash of its content; index.html is rewritten on each build to point at the current ones.
// `node build.mjs --watch` rebuilds on every change (the debug server reads dist/ from disk).

import * as esbuild from 'esbuild';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');

/** Empties dist/ but keeps .gitkeep, which holds the (otherwise ignored) folder in git. */
async function clean() {
  for (const entry of await readdir(dist)) {
    if (entry !== '.gitkeep') await rm(join(dist, entry), { recursive: true, force: true });
  }
}

/** Writes dist/index.html from src/index.html with the hashed names of this build's outputs. */
async function writeIndex(metafile) {
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint);
  if (!entry || !entry[1].cssBundle) throw new Error('the build has no app script and stylesheet');
  const template = await readFile(join(root, 'src', 'index.html'), 'utf8');
  const html = template
    .replace('{{styles}}', `/assets/${basename(entry[1].cssBundle)}`)
    .replace('{{script}}', `/assets/${basename(entry[0])}`);
  await writeFile(join(dist, 'index.html'), html);
}

const pagePlugin = {
  name: 'page',
  setup(build) {
    build.onStart(clean);
    build.onEnd(async (result) => {
      if (result.errors.length === 0) {
        await writeIndex(result.metafile);
        if (watch) console.log(`built ${new Date().toLocaleTimeString()}`);
      }
    });
  },
};

const options = {
  entryPoints: { app: join(root, 'src', 'main.tsx') },
  outdir: join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
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
