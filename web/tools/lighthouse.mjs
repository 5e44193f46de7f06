// Lighthouse on the residents' app: the home page (`/`) and the report page (`/#/report`), with
// Lighthouse's defaults (mobile form factor and screen, simulated throttling: slow 4G and a 4x
// slower CPU) in Debian's Chromium, for the categories performance, accessibility and best
// practices. Prints the three scores (0-100) and the metrics (FCP, LCP, TBT, CLS, Speed Index)
// of each run, takes each page's median run (by performance score), writes every report (JSON and
// HTML) into target/lighthouse/, prints a `LIGHTHOUSE {...}` JSON line for scripts, and exits
// non-zero when a median is below performance 90, accessibility 95 or best practices 95.
//
//   HT_BASE_URL=http://127.0.0.1:8080 node tools/lighthouse.mjs [path ...]
//
// Lighthouse is not one of the web app's packages (the test command need not pay for it):
// scripts/bench-web installs it into target/lighthouse-npm; LIGHTHOUSE_CLI points elsewhere.
// HT_LIGHTHOUSE_RUNS sets the runs per page (default 3); CHROME_PATH the browser.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const base = (process.env.HT_BASE_URL ?? '').replace(/\/+$/, '');
if (!base) {
  console.error('error: set HT_BASE_URL, e.g. HT_BASE_URL=http://127.0.0.1:8080');
  process.exit(2);
}
const cli =
  process.env.LIGHTHOUSE_CLI || join(repo, 'target', 'lighthouse-npm', 'node_modules', 'lighthouse', 'cli', 'index.js');
if (!existsSync(cli)) {
  console.error(
    `error: no Lighthouse at ${cli}: run scripts/bench-web, or npm install --prefix target/lighthouse-npm lighthouse`,
  );
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(dirname(cli), '..', 'package.json'), 'utf8')).version;
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const runs = Math.max(1, Number(process.env.HT_LIGHTHOUSE_RUNS ?? 3));
const outDir = join(repo, 'target', 'lighthouse');
mkdirSync(outDir, { recursive: true });

/** The pages, each with a name for its report files. */
const PAGES = { '/': 'home', '/#/report': 'report' };
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(PAGES);
const nameOf = (path) => PAGES[path] ?? (path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home');

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const THRESHOLDS = { performance: 90, accessibility: 95, 'best-practices': 95 };
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

/** Runs Lighthouse once on `path`; answers its figures. */
function lighthouse(path, run) {
  const stem = join(outDir, `${nameOf(path)}-${run}`);
  const args = [
    cli,
    `${base}${path}`,
    '--output=json',
    '--output=html',
    `--output-path=${stem}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update',
    '--quiet',
  ];
  const done = spawnSync(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: chrome },
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  const file = `${stem}.report.json`;
  if (done.status !== 0 || !existsSync(file)) {
    throw new Error(`Lighthouse failed on ${path} (exit ${done.status ?? done.signal}):\n${done.stdout}${done.stderr}`);
  }
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
  );
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([short, id]) => [short, lhr.audits[id]?.numericValue ?? null]),
  );
  // What cost points in the categories with a threshold of 95: audits that count and did not pass.
  const failing = [];
  for (const c of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failing.push(`${c}: ${ref.id}: ${audit.title}`);
    }
  }
  const warnings = lhr.runWarnings ?? [];
  return {
    path,
    run,
    scores,
    metrics,
    failing,
    warnings,
    benchmark_index: lhr.environment?.benchmarkIndex ?? null,
    report: relative(repo, file),
  };
}

const ms = (v) => (v == null ? '-' : `${Math.round(v)} ms`);
const fmt = (r) =>
  `perf ${r.scores.performance}  a11y ${r.scores.accessibility}  best practices ${r.scores['best-practices']}  |  ` +
  `FCP ${ms(r.metrics.FCP)}  LCP ${ms(r.metrics.LCP)}  TBT ${ms(r.metrics.TBT)}  ` +
  `CLS ${r.metrics.CLS == null ? '-' : r.metrics.CLS.toFixed(3)}  SI ${ms(r.metrics.SI)}`;

console.log(`Lighthouse ${version}, ${chrome}, mobile, simulated throttling, ${runs} run(s) per page`);
// Simulated throttling scales the CPU time observed on this machine: other work on it (a build,
// tests) inflates TBT and lowers the performance score. The load shows whether the figures are fair.
const load = loadavg().map((l) => l.toFixed(2));
console.log(`load average ${load.join(' ')} on ${cpus().length} CPU(s)`);
const medians = [];
let ok = true;
for (const path of paths) {
  console.log(`\n${base}${path}`);
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const result = lighthouse(path, run);
    console.log(`  run ${run}: ${fmt(result)}  (CPU benchmark index ${result.benchmark_index ?? '-'})`);
    results.push(result);
  }
  // The median run by performance score (ties: by LCP), as Lighthouse advises for variance.
  const sorted = [...results].sort(
    (a, b) => a.scores.performance - b.scores.performance || (b.metrics.LCP ?? 0) - (a.metrics.LCP ?? 0),
  );
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(`  median (run ${median.run}): ${fmt(median)}`);
  console.log(`  report: ${median.report.replace(/\.json$/, '.html')}`);
  for (const line of median.failing) console.log(`  not passed: ${line}`);
  for (const warning of median.warnings) console.log(`  Lighthouse warning: ${warning}`);
  for (const [category, min] of Object.entries(THRESHOLDS)) {
    if (median.scores[category] == null || median.scores[category] < min) {
      console.log(`  BELOW: ${category} ${median.scores[category]} < ${min}`);
      ok = false;
    }
  }
  medians.push({ ...median, runs: results.map((r) => ({ scores: r.scores, metrics: r.metrics })) });
}

console.log(
  `\nLIGHTHOUSE ${JSON.stringify({ base, version, runs, load_average: load.map(Number), thresholds: THRESHOLDS, ok, pages: medians })}`,
);
if (!ok) {
  console.error('FAILED: a Lighthouse score is below its threshold');
  process.exitCode = 1;
}
