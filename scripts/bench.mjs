#!/usr/bin/env node
// Size, load and interaction benchmark of the built explainer (dist/).
//
//   node scripts/bench.mjs [--check] [--json out.json] [--runs N] [--quick]
//
// Run from the repository root AFTER a release build (`trunk build --release`): this
// script never builds. It copies dist/ to a temporary folder first, so a rebuild
// during the run cannot mix two builds. It measures:
//   1. bytes of the wasm, JS, CSS and index.html: raw, gzip (zlib level 9) and brotli
//      (quality 11), computed here; "first view" = the gzip sizes of what the first
//      view loads (index.html, CSS, JS, wasm, favicon: the app fetches no content);
//   2. Lighthouse 12 (mobile, default config, simulated throttling) against a loopback
//      server that serves the .gz copies (Content-Encoding: gzip) and application/wasm,
//      for the app and for a plain, script-free copy of the same pre-rendered page;
//      median of --runs runs (default 5: simulated TBT spreads widely on a shared machine) per page and metric;
//   3. step-change latency in headless Chromium: 500 ←/→ presses walking forward then
//      back, each from the keydown (a capturing listener) to the moment the DOM shows
//      the new step (the app's share: a MutationObserver callback after the shown
//      step's heading changed) and to the next animation frame; median and p95. The
//      same presses on the plain page, whose baseline script makes the same visible
//      change (the step's article shown, its heading scrolled into view) in a few
//      lines of JavaScript, give the baseline measured in the same run;
//   4. memory: JS heap (after gc) and wasm linear memory before and after 1,000 step
//      changes and 200 perspective switches.
// Every timing budget is a difference or a ratio against the plain page measured in
// the same run (a shared 2-core runner can be several times slower than a quiet one:
// the plain page's TBT measured 186 and 246 ms there); sizes and counts are absolute.
// The absolute timings are printed for information.
// Prints a table; --json writes every number; --check exits 1 if a budget is missed.
// --quick skips Lighthouse (for trying the script out; --check then fails on them).

import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, cpSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { loadContent, startServer, launchBrowser, CHROMIUM_ARGS } from '../tests/browser/support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KIB = 1024;
const MIB = 1024 * 1024;

// ---------------------------------------------------------------------------------
// Budgets. `target` is the issue's number ("One render"; sizes in KiB, as printed);
// `enforced` is what --check applies. Where a build cannot meet a target, or a
// figure is noisy on this 2-core machine, `enforced` is set from the measured
// spread (Chromium 156, median of 3 Lighthouse runs; dates next to each) so that
// --check still catches regressions without flaking; the table prints which
// budgets are relaxed and by how much.
// ---------------------------------------------------------------------------------
export const BUDGETS = {
  wasmGzip: {
    label: 'wasm, gzip', unit: 'bytes', better: 'lower',
    target: 90 * KIB,
    // met: 55.8 KiB on 2026-11-29 (225 KiB while the app rebuilt the page; 66 KiB with
    // Leptos still linked into the client for its arena and listener helpers)
    enforced: 90 * KIB,
  },
  firstViewGzip: {
    label: 'first view, gzip', unit: 'bytes', better: 'lower',
    target: 110 * KIB,
    // 133.2 KiB on 2026-11-29 with every step in the page twice (the stage and the full
    // text) and the long content; 109.4 KiB with the short, layered content; 110.6 KiB
    // after what a screen reader needs (2.3 KiB of HTML: the quotes' links back, the
    // diagram's descriptions, the markers' hidden numbers, the sentences' ids). 99.1 KiB
    // in CI on 2026-12-04, mostly from a wasm 12 KB smaller; 94 KiB once the build minified the
    // stylesheet (csso: 8.8 -> 5.4 KiB gzip) and the wasm-bindgen glue (terser: 8.5 ->
    // 6.6 KiB), scripts/minify.mjs, 2026-12-04. Sizes are exact: enforced at the target.
    enforced: 110 * KIB,
  },
  editionFirstViewGzip: {
    label: 'first view of an edition in another language, gzip (the largest)', unit: 'bytes', better: 'lower',
    // Issue #20: "the Spanish page's first view within the English budget". Its own
    // folder (es/) holds the same stylesheet, script and wasm as the original's. The
    // Spanish page measured 110.6 KiB before the build minified the stylesheet and the
    // glue (see above); its translations, each beside its quote wherever the quote is
    // shown, make it about 11 KiB heavier than the original.
    target: 110 * KIB,
    enforced: 110 * KIB,
    optional: true,
  },
  ownWords: {
    label: 'our own words in the story’s content.json', unit: 'words', better: 'lower',
    target: 4000,
    // The editor's check counts them (explainer_core::reading::own_words); 8,234 before
    // the short, layered content.
    enforced: 4000,
  },
  readingPathWords: {
    label: 'default reading path, words on the page', unit: 'words', better: 'lower',
    target: 1200,
    // What the page shows before anything is opened: the masthead with the short
    // answer, then each step with its evidence folded (counted in Chromium, buttons
    // included). 10,500 words (44 minutes) before the short, layered content.
    enforced: 1200,
  },
  leadGrade: {
    label: 'Flesch-Kincaid grade of the leads', unit: 'grade', better: 'lower',
    target: 10,
    // All steps' leads together, by the flesch-kincaid and syllable packages from npm.
    // The step bodies read at grade 14.4 before the short, layered content.
    enforced: 10,
  },
  longestLeadWords: {
    label: 'longest lead', unit: 'words', better: 'lower',
    target: 60,
    enforced: 60,
  },
  lighthousePerformanceVsPlain: {
    label: 'Lighthouse performance, app minus plain page', unit: 'points', better: 'higher',
    target: 0,
    // The score is made of simulated timings, so it is judged against the plain page's
    // in the same run. Met: the app scored 100 in five of six runs on 2026-11-29, as the
    // plain page does; two points of margin for the simulated first paint's spread.
    enforced: -2,
  },
  lighthouseTbtOverPlain: {
    label: 'Lighthouse TBT, app minus plain page', unit: 'ms', better: 'lower',
    target: 0,
    // The plain page's TBT is the browser parsing and laying out the same long page with
    // no script at all: what is left above it is the app's. Absolute TBT measures the
    // machine: on one CI runner the plain page measured 246 ms and the app 168 ms, while
    // quiet runs measured 0-19 ms for the app. Enforced at 30 ms over the plain page.
    enforced: 30,
  },
  lighthouseAccessibility: {
    label: 'Lighthouse accessibility (app)', unit: 'score', better: 'higher',
    target: 100,
    enforced: 100, // met
  },
  lcpRatio: {
    label: 'LCP app / plain page', unit: 'ratio', better: 'lower',
    target: 1.1,
    // Met: 0.94 on 2026-11-29; the app no longer replaces the LCP element (it did, and
    // one CI run measured 2.28). The ratio of two simulated LCPs still moves by about
    // +-0.1 between runs here: enforced with that margin.
    enforced: 1.25,
  },
  cls: {
    label: 'CLS (app)', unit: 'cls', better: 'lower',
    target: 0,
    enforced: 0.01, // met (0.000); a hundredth of margin for rounding
  },
  stepDomVsBaselineP95: {
    label: 'step change to DOM, p95, app / baseline', unit: 'ratio', better: 'lower',
    target: 1.5,
    // keydown -> the DOM shows the new step (a MutationObserver callback): the app's p95
    // over the plain page's baseline script's (which only shows the step's article and
    // scrolls its heading into view), measured in the same run, so a slow runner slows
    // both. Both include the layout that bringing the heading into view forces: the app
    // does it in the handler, so nothing moves after the step shows (see README). The
    // app also switches the diagram's, the list's and the pager's state, so it restyles
    // more: 1.82 and 1.83 in two runs on 2026-12-04 (16.7-20.3 ms against 9.2-11.1 ms).
    enforced: 2.5,
  },
  stepFrameVsBaselineP95: {
    label: 'step change to next frame, p95, app / baseline', unit: 'ratio', better: 'lower',
    target: 1.25,
    // keydown -> the next animation frame: both figures include the wait for it (0-16.7 ms
    // at 60 Hz), which makes the ratio noisier: 1.42 and 1.75 in two runs on 2026-12-04.
    enforced: 2.5,
  },
  jsHeapGrowth: {
    label: 'JS heap growth', unit: 'bytes', better: 'lower',
    target: 0,
    // RELAXED: 60-88 KiB after 1,000 step changes and 200 perspective switches, after
    // gc (68 KiB before the one-render change too). Not traced further: the wasm memory
    // stays flat and the soak test sees no growth over 9,000 changes.
    enforced: 256 * KIB,
  },
  wasmMemoryGrowth: {
    label: 'wasm memory growth', unit: 'bytes', better: 'lower',
    target: 0,
    // RELAXED by one 64 KiB wasm page: the allocator grows once during the first
    // thousand changes (64 KiB in every run on 2026-11-29), then stays flat; the soak
    // test (hardening-soak) sees 0 growth over 9,000 step changes.
    enforced: 64 * KIB,
  },
};

// ---------------------------------------------------------------------------------
const CHROME = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
process.env.CHROME_PATH = CHROME;
/** The flags every Chromium here runs with: the browser tests' (support.mjs). */
const BASE_FLAGS = CHROMIUM_ARGS;

function parseArgs(argv) {
  const args = { check: false, json: null, runs: 5, quick: false, dist: path.join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--dist') args.dist = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/bench.mjs [--check] [--json out.json] [--runs N] [--quick] [--dist DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.json === undefined) throw new Error('--json needs a file name');
  return args;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const log = (...a) => console.error('[bench]', ...a);

// ---- 1. Sizes --------------------------------------------------------------------

function findAssets(dir) {
  const files = readdirSync(dir);
  const one = (re, what) => {
    const hits = files.filter((f) => re.test(f));
    if (hits.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${hits.length}: ${hits.join(', ')}`);
    return hits[0];
  };
  return {
    wasm: one(/_bg\.wasm$/, 'wasm file'),
    js: one(/^(?!sw\.js$).*\.js$/, 'JS file'),
    css: one(/\.css$/, 'CSS file'),
    html: 'index.html',
    favicon: one(/^favicon.*\.svg$/, 'favicon'),
  };
}

function sizes(dir, assets) {
  const out = {};
  for (const [kind, file] of Object.entries(assets)) {
    const body = readFileSync(path.join(dir, file));
    out[kind] = {
      file,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
  }
  // The app fetches no content: everything is in index.html (version.json, a few
  // dozen bytes asked for after start-up, is not part of the first view).
  const firstView = ['html', 'css', 'js', 'wasm', 'favicon'];
  out.firstView = {
    files: firstView.map((k) => assets[k]),
    raw: firstView.reduce((s, k) => s + out[k].raw, 0),
    gzip: firstView.reduce((s, k) => s + out[k].gzip, 0),
    brotli: firstView.reduce((s, k) => s + out[k].brotli, 0),
  };
  return out;
}

// ---- Plain page: the pre-rendered HTML without any script -----------------------

/**
 * Removes every <script> element and the modulepreload/preload links, leaving text
 * inside <textarea>/<title> (the embed snippets show <script> tags as text) alone.
 */
export function stripScripts(html) {
  let out = '';
  let i = 0;
  const lower = html.toLowerCase();
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { out += html.slice(i); break; }
    out += html.slice(i, lt);
    if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(html.slice(lt, lt + 40));
    const gt = html.indexOf('>', lt);
    if (!tag || gt < 0) { out += '<'; i = lt + 1; continue; }
    const name = tag[1].toLowerCase();
    const openTag = html.slice(lt, gt + 1);
    if (name === 'script' && !openTag.startsWith('</')) {
      const end = lower.indexOf('</script', gt);
      const close = end < 0 ? html.length : html.indexOf('>', end) + 1;
      i = close; // drop the whole element
      continue;
    }
    if (name === 'link' && /\brel\s*=\s*["']?(modulepreload|preload)\b/i.test(openTag)) {
      i = gt + 1;
      continue;
    }
    if ((name === 'textarea' || name === 'title') && !openTag.startsWith('</')) {
      const end = lower.indexOf(`</${name}`, gt);
      const stop = end < 0 ? html.length : end;
      out += html.slice(lt, stop); // RCDATA: copied as it is
      i = stop;
      continue;
    }
    out += openTag;
    i = gt + 1;
  }
  return out;
}

function makePlainSite(snapshot, assets, dir) {
  const html = stripScripts(readFileSync(path.join(snapshot, 'index.html'), 'utf8'));
  if (/<script\b/i.test(html.replace(/<textarea[\s\S]*?<\/textarea>/gi, ''))) throw new Error('plain page still has a script');
  writeFileSync(path.join(dir, 'index.html'), html);
  for (const f of [assets.css, assets.favicon]) cpSync(path.join(snapshot, f), path.join(dir, f));
  return html;
}

// ---- A static server with gzip --------------------------------------------------

/**
 * Serves `root` on 127.0.0.1 (the browser tests' one server, tests/browser/server.mjs):
 * the .gz copy (or a gzip of the file) when the client accepts gzip, revalidated.
 */
export async function serve(root) {
  const server = await startServer(root, { encodings: ['gzip'], compressMissing: true, cache: 'no-cache' });
  return { url: `${server.baseUrl}/`, close: server.close };
}

// ---- 2. Lighthouse ----------------------------------------------------------------

function lighthouseVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** The first DOM node snippet anywhere in an audit's details. */
function firstNodeSnippet(details) {
  if (!details || typeof details !== 'object') return null;
  if (details.type === 'node' && details.snippet) return details.snippet;
  for (const value of Object.values(details)) {
    const found = Array.isArray(value)
      ? value.map(firstNodeSnippet).find(Boolean)
      : typeof value === 'object' ? firstNodeSnippet(value) : null;
    if (found) return found;
  }
  return null;
}

/**
 * `runs` Lighthouse runs of each page of `urls` (name → address), taken in turn
 * (app, plain, app, plain, …) so that a change in the machine's load during the
 * benchmark falls on both pages alike, not on whichever ran second; the medians
 * per page.
 */
export async function lighthouseRuns(urls, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const all = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, url] of Object.entries(urls)) {
      all[name].push(await lighthouseRun(lighthouse, chromeLauncher, url));
      log(`  lighthouse ${name} run ${r + 1}/${runs}: perf ${all[name].at(-1).performance}, LCP ${Math.round(all[name].at(-1).lcpMs)} ms, TBT ${Math.round(all[name].at(-1).tbtMs)} ms`);
    }
  }
  return Object.fromEntries(Object.entries(all).map(([name, results]) => [name, summarize(results)]));
}

/** One Lighthouse run of `url` in a fresh headless Chromium. */
async function lighthouseRun(lighthouse, chromeLauncher, url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', ...BASE_FLAGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
    const num = (a) => lhr.audits[a]?.numericValue ?? null;
    const failing = (c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
        .map((ref) => ref.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: num('largest-contentful-paint'),
      fcpMs: num('first-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      speedIndexMs: num('speed-index'),
      observedFcpMs: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? null,
      observedLcpMs: lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? null,
      lcpElement: firstNodeSnippet(lhr.audits['largest-contentful-paint-element']?.details),
      failing: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        bestPractices: failing('best-practices'),
        seo: failing('seo'),
      },
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
  }
}

/** The runs of one page and their medians. */
function summarize(results) {
  const med = (k) => median(results.map((x) => x[k]).filter((v) => v !== null));
  return {
    runs: results,
    median: {
      performance: med('performance'),
      accessibility: med('accessibility'),
      bestPractices: med('bestPractices'),
      seo: med('seo'),
      lcpMs: med('lcpMs'),
      fcpMs: med('fcpMs'),
      tbtMs: med('tbtMs'),
      cls: med('cls'),
      speedIndexMs: med('speedIndexMs'),
      observedFcpMs: med('observedFcpMs'),
      observedLcpMs: med('observedLcpMs'),
    },
  };
}

// ---- 3 and 4. Step-change latency and memory ------------------------------------------

/**
 * The baseline for step changes, on the plain page: the same change the app makes
 * (the next or previous step's article shown, its heading brought into view and
 * focused, as the app's one focus rule does) in a few lines of plain JavaScript. Installed before the page's own parsing ends.
 */
function baselineStepper() {
  addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const articles = [...document.querySelectorAll('#explainer-stage article.step')];
    const at = articles.findIndex((a) => !a.hidden);
    const to = Math.min(articles.length - 1, Math.max(0, at + (e.key === 'ArrowRight' ? 1 : -1)));
    if (to === at) return;
    articles[at].hidden = true;
    articles[to].hidden = false;
    const heading = articles[to].querySelector('h2');
    heading.scrollIntoView({ block: 'nearest' });
    heading.focus({ preventScroll: true });
  });
}

/** Installed before the page's scripts: latency probe, and a handle on the wasm memory. */
function probe() {
  window.__bench = { samples: [], toDom: [], pending: null, wasmMemory: null };
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.wasmMemory = e.detail?.wasm?.memory ?? null;
  });
  addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const heading = document.querySelector('#explainer-stage article.step:not([hidden]) h2');
    window.__bench.pending = { t0: performance.now(), before: heading?.textContent ?? '' };
  }, { capture: true });
  const watch = () => {
    const target = document.querySelector('#app') ?? document.body;
    new MutationObserver(() => {
      const p = window.__bench.pending;
      if (!p) return;
      const now = document.querySelector('#explainer-stage article.step:not([hidden]) h2')?.textContent ?? '';
      if (now === p.before) return;
      window.__bench.pending = null;
      const changedAt = performance.now();
      requestAnimationFrame(() => {
        window.__bench.toDom.push(changedAt - p.t0);
        window.__bench.samples.push(performance.now() - p.t0);
      });
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watch);
  else watch();
}

/**
 * A headless Chromium on `url` ready to step with ←/→ (`baseline`: the plain page,
 * whose baseline stepper makes the changes). `press()` makes one step change and
 * waits for its sample; `latency()` sums them up; `close()` ends it.
 */
async function stepper(url, { baseline = false } = {}) {
  const browser = await launchBrowser({
    executablePath: CHROME,
    args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
    timeout: 30_000,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(probe);
    if (baseline) await page.addInitScript(baselineStepper);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(`${baseline ? '' : '#app[data-live] '}#explainer-stage article.step:not([hidden]) h2`);
    const stepCount = await page.evaluate(() => document.querySelectorAll('nav.step-list li').length);
    if (stepCount < 2) throw new Error(`found ${stepCount} steps in the step list`);
    await page.evaluate(() => document.activeElement?.blur());
    // Walk forward to the last step, back to the first, and so on.
    let at = 0;
    let dir = 1;
    let pressed = 0;
    return {
      page,
      errors,
      press: async () => {
        if (at + dir < 0 || at + dir >= stepCount) dir = -dir;
        await page.keyboard.press(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
        at += dir;
        pressed += 1;
        await page.waitForFunction((n) => window.__bench.samples.length >= n, pressed, { timeout: 5_000 });
      },
      latency: async () => {
        const { samples, toDom } = await page.evaluate(() => window.__bench);
        return {
          presses: samples.length,
          medianMs: median(samples),
          p95Ms: percentile(samples, 95),
          maxMs: Math.max(...samples),
          // The part spent before the heading changed (event handling and DOM updates),
          // without the wait for the next frame.
          toDomMedianMs: median(toDom),
          toDomP95Ms: percentile(toDom, 95),
        };
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Step-change latency of the app and of the baseline (the plain page with its
 * baseline stepper), `presses` each, taken in turn (app, baseline, app, …) so that
 * a change in the machine's load falls on both; then the app's memory. Returns
 * { live: { latency, memory, pageErrors }, base: { latency, pageErrors } }.
 */
async function interaction(appUrl, plainUrl, { presses = 500, steps = 1000, switches = 200 } = {}) {
  const app = await stepper(appUrl);
  try {
    const plain = await stepper(plainUrl, { baseline: true });
    let base;
    try {
      for (let i = 0; i < presses; i++) {
        await app.press();
        await plain.press();
      }
      base = { latency: await plain.latency(), pageErrors: plain.errors };
    } finally {
      await plain.close();
    }
    const latency = await app.latency();
    const { page, errors } = app;

    // Memory: after gc, before and after 1,000 step changes and 200 perspective switches.
    const memory = () =>
      page.evaluate(async () => {
        for (let i = 0; i < 5; i++) {
          window.gc?.();
          await new Promise((r) => setTimeout(r, 20));
        }
        return {
          jsHeap: performance.memory?.usedJSHeapSize ?? null,
          wasm: window.__bench.wasmMemory?.buffer.byteLength ?? null,
          gcExposed: typeof window.gc === 'function',
        };
      });
    const churn = (n, switchN) =>
      page.evaluate(async ([n, switchN]) => {
        const heading = () => document.querySelector('#explainer-stage article.step:not([hidden]) h2')?.textContent ?? '';
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const changed = async (before) => {
          for (let k = 0; k < 200 && heading() === before; k++) await frame();
          if (heading() === before) throw new Error('the step did not change');
        };
        const next = () => document.querySelector('.pager-next');
        const prev = () => document.querySelector('.pager-previous');
        let dir = 1;
        for (let i = 0; i < n; i++) {
          const button = dir > 0 ? next() : prev();
          if (button.getAttribute('aria-disabled') === 'true' || button.disabled) { dir = -dir; i--; continue; }
          const before = heading();
          button.click();
          await changed(before);
        }
        for (let i = 0; i < switchN; i++) {
          const target = document.querySelector('button.switch-option[aria-pressed="false"]');
          const perspective = target.dataset.perspective;
          target.click();
          for (let k = 0; k < 200; k++) {
            if (document.querySelector(`button.switch-option[data-perspective="${perspective}"][aria-pressed="true"]`)) break;
            await frame();
          }
          await frame();
        }
      }, [n, switchN]);
    const before = await memory();
    await churn(steps, switches);
    const after = await memory();
    return {
      live: {
        latency,
        pageErrors: errors,
        memory: {
        stepChanges: steps,
        perspectiveSwitches: switches,
        gcExposed: before.gcExposed,
        jsHeapBefore: before.jsHeap,
        jsHeapAfter: after.jsHeap,
        jsHeapGrowth: before.jsHeap == null ? null : after.jsHeap - before.jsHeap,
        wasmBefore: before.wasm,
        wasmAfter: after.wasm,
        wasmGrowth: before.wasm == null ? null : after.wasm - before.wasm,
        wasmSource: before.wasm == null
          ? 'not reachable: window.wasmBindings exports no memory and TrunkApplicationStarted carried none'
          : 'TrunkApplicationStarted event detail.wasm.memory (window.wasmBindings exports no memory)',
        },
      },
      base,
    };
  } finally {
    await app.close();
  }
}

// ---- 5. How much there is to read -------------------------------------------------------

/** Words of our own, as the editor's check counts them (it prints them on its summary). */
function ownWordsFromCheck() {
  // Without an argument the check reads the story the build renders.
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'explainer-core', '--bin', 'check'], {
    cwd: ROOT, encoding: 'utf8',
  });
  const m = /(\d+) words of our own/.exec(out);
  if (!m) throw new Error(`the check printed no count of our own words:\n${out}`);
  return Number(m[1]);
}

/** The leads' grade and length, from the content the page was built from. */
async function leads(content) {
  const { fleschKincaid } = await import('flesch-kincaid');
  const { syllable } = await import('syllable');
  const sentences = content.steps.flatMap((s) => [...s.lead.matchAll(/([^\[\]]+?)\s*\[[^\]]*\]/g)].map((m) => m[1].trim()));
  const words = sentences.flatMap((s) => s.match(/[\p{L}\p{N}’'-]+/gu) ?? []);
  const counts = content.steps.map((s) => s.lead.replace(/\[[^\]]*\]/g, ' ').split(/\s+/).filter(Boolean).length);
  return {
    grade: fleschKincaid({ sentence: sentences.length, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) }),
    longest: Math.max(...counts),
    perLead: counts,
  };
}

/**
 * The default reading path as a reader meets it in Chromium at 1280x800: the words
 * shown above the walk-through on load, then each step's shown words, its evidence
 * folded (markers are numbers, not words).
 */
async function readingPath(url) {
  const browser = await launchBrowser({ executablePath: CHROME, timeout: 30_000 });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-live] #explainer-stage article.step:not([hidden]) h2');
    // innerText is what is rendered: folded evidence is left out; marker numbers are not words.
    const words = (selector) => page.evaluate((sel) =>
      document.querySelector(sel).innerText.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length, selector);
    const top = await words('header.masthead');
    const steps = [];
    const n = await page.evaluate(() => document.querySelectorAll('#explainer-stage article.step').length);
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((k) => document.querySelector('#explainer-stage article.step:not([hidden]) .step-kicker')?.textContent.includes(`Step ${k} `), i + 1);
      }
      steps.push(await words('#explainer-stage article.step:not([hidden])'));
    }
    const total = top + steps.reduce((a, b) => a + b, 0);
    return { above: top, steps, total, minutes: total / 238 };
  } finally {
    await browser.close();
  }
}

// ---- Report ---------------------------------------------------------------------------

const fmtBytes = (b) => (b == null ? 'n/a' : `${b.toLocaleString('en-US')} B (${(b / KIB).toFixed(1)} KiB)`);
const fmtKiB = (b) => (b == null ? 'n/a' : `${(b / KIB).toFixed(1)} KiB`);
function fmtValue(v, unit) {
  if (v == null || Number.isNaN(v)) return 'n/a';
  if (unit === 'bytes') return fmtKiB(v);
  if (unit === 'ms') return `${v.toFixed(1)} ms`;
  if (unit === 'ratio') return `${v.toFixed(2)}x`;
  if (unit === 'cls') return v.toFixed(3);
  if (unit === 'grade') return v.toFixed(1);
  return String(v);
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function judge(measured) {
  return Object.entries(BUDGETS).map(([key, b]) => {
    const v = measured[key];
    // An optional figure a story does not have (no edition in another language) passes.
    const ok = (v == null && b.optional) || (v != null && !Number.isNaN(v) && (b.better === 'lower' ? v <= b.enforced : v >= b.enforced));
    const relaxed = b.enforced !== b.target;
    let relaxedBy = '';
    if (relaxed) {
      const diff = b.better === 'lower' ? b.enforced - b.target : b.target - b.enforced;
      relaxedBy = b.unit === 'bytes'
        ? `+${fmtKiB(diff)}${b.target ? ` (${((b.enforced / b.target - 1) * 100).toFixed(0)}%)` : ''}`
        : `${b.better === 'lower' ? '+' : '-'}${Number(diff.toFixed(3))} ${b.unit}`;
    }
    return { key, label: b.label, unit: b.unit, better: b.better, target: b.target, enforced: b.enforced, measured: v, ok, relaxed, relaxedBy };
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(args.dist, 'index.html'))) {
    console.error(`${args.dist}/index.html is missing: build first (trunk build --release). This script does not build.`);
    process.exit(2);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'explainer-bench-'));
  const snapshot = path.join(work, 'app');
  const plainDir = path.join(work, 'plain');
  cpSync(args.dist, snapshot, { recursive: true });
  mkdirSync(plainDir);
  const assets = findAssets(snapshot);
  const servers = [];
  try {
    log(`sizes of ${args.dist}`);
    const size = sizes(snapshot, assets);
    // Each edition in another language is a folder beside the page with its own index.html.
    const editions = readdirSync(snapshot, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(snapshot, d.name, 'index.html')) && existsSync(path.join(snapshot, d.name, 'sw.js')))
      .map((d) => ({ folder: d.name, size: sizes(path.join(snapshot, d.name), findAssets(path.join(snapshot, d.name))) }));
    size.editions = editions.map((e) => ({ folder: e.folder, firstView: e.size.firstView }));
    makePlainSite(snapshot, assets, plainDir);

    const appServer = await serve(snapshot);
    const plainServer = await serve(plainDir);
    servers.push(appServer, plainServer);

    let lh = null;
    if (!args.quick) {
      log(`Lighthouse, ${args.runs} run(s) each: app ${appServer.url}, plain ${plainServer.url}`);
      lh = await lighthouseRuns({ app: appServer.url, plain: plainServer.url }, args.runs);
      lh.lcpRatio = lh.app.median.lcpMs / lh.plain.median.lcpMs;
    }
    log('step-change latency of the app and of the baseline (plain page, a few lines of JavaScript), in turn; then the app\'s memory');
    const { live, base } = await interaction(appServer.url, plainServer.url);

    log('reading: our own words (the check), the default reading path (Chromium), the leads');
    const content = loadContent();
    const reading = { ownWords: ownWordsFromCheck(), path: await readingPath(appServer.url), leads: await leads(content) };
    const measured = {
      ownWords: reading.ownWords,
      readingPathWords: reading.path.total,
      leadGrade: reading.leads.grade,
      longestLeadWords: reading.leads.longest,
      wasmGzip: size.wasm.gzip,
      firstViewGzip: size.firstView.gzip,
      editionFirstViewGzip: editions.length ? Math.max(...editions.map((e) => e.size.firstView.gzip)) : null,
      lighthousePerformanceVsPlain: lh ? lh.app.median.performance - lh.plain.median.performance : null,
      lighthouseTbtOverPlain: lh ? lh.app.median.tbtMs - lh.plain.median.tbtMs : null,
      lighthouseAccessibility: lh?.app.median.accessibility ?? null,
      lcpRatio: lh?.lcpRatio ?? null,
      cls: lh?.app.median.cls ?? null,
      stepDomVsBaselineP95: live.latency.toDomP95Ms / base.latency.toDomP95Ms,
      stepFrameVsBaselineP95: live.latency.p95Ms / base.latency.p95Ms,
      jsHeapGrowth: live.memory.jsHeapGrowth,
      wasmMemoryGrowth: live.memory.wasmGrowth,
    };
    const verdicts = judge(measured);

    // ---- print
    const out = [];
    out.push(`Benchmark of ${args.dist} (copied to ${snapshot})`);
    out.push(`Machine: ${cpus().length} cores, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (timings are noisy on a busy machine)`, '');
    out.push('Sizes (gzip: zlib level 9; brotli: quality 11)');
    out.push(table(
      [...['wasm', 'js', 'css', 'html', 'favicon'].map((k) => [`${k} (${size[k].file})`, fmtBytes(size[k].raw), fmtBytes(size[k].gzip), fmtBytes(size[k].brotli)]),
        ['first view total (html+css+js+wasm+favicon)', fmtBytes(size.firstView.raw), fmtBytes(size.firstView.gzip), fmtBytes(size.firstView.brotli)]],
      ['asset', 'raw', 'gzip', 'brotli'],
    ));
    out.push('');
    if (lh) {
      out.push(`Lighthouse ${lighthouseVersion()} (mobile, simulated throttling), median of ${args.runs} run(s)`);
      const m = (x) => x.median;
      out.push(table([
        ['performance', m(lh.app).performance, m(lh.plain).performance],
        ['accessibility', m(lh.app).accessibility, m(lh.plain).accessibility],
        ['best-practices', m(lh.app).bestPractices, m(lh.plain).bestPractices],
        ['SEO', m(lh.app).seo, m(lh.plain).seo],
        ['FCP', `${Math.round(m(lh.app).fcpMs)} ms`, `${Math.round(m(lh.plain).fcpMs)} ms`],
        ['LCP', `${Math.round(m(lh.app).lcpMs)} ms`, `${Math.round(m(lh.plain).lcpMs)} ms`],
        ['TBT', `${Math.round(m(lh.app).tbtMs)} ms`, `${Math.round(m(lh.plain).tbtMs)} ms`],
        ['CLS', m(lh.app).cls.toFixed(3), m(lh.plain).cls.toFixed(3)],
        ['Speed Index', `${Math.round(m(lh.app).speedIndexMs)} ms`, `${Math.round(m(lh.plain).speedIndexMs)} ms`],
        ['LCP observed (unthrottled)', `${Math.round(m(lh.app).observedLcpMs)} ms`, `${Math.round(m(lh.plain).observedLcpMs)} ms`],
      ], ['metric', 'app', 'plain (no scripts)']));
      out.push(`LCP ratio app/plain: ${lh.lcpRatio.toFixed(2)}`);
      out.push(`LCP element (first run): app ${lh.app.runs[0].lcpElement ?? 'n/a'}; plain ${lh.plain.runs[0].lcpElement ?? 'n/a'}`);
      const f = lh.app.runs[0].failing;
      const notPerfect = Object.entries(f).filter(([, ids]) => ids.length).map(([c, ids]) => `${c}: ${ids.join(', ')}`);
      if (notPerfect.length) out.push(`app audits below 1 (first run): ${notPerfect.join('; ')}`);
      out.push('');
    } else {
      out.push('Lighthouse: skipped (--quick)', '');
    }
    out.push(`Step change (${live.latency.presses} ←/→ presses, keydown → next frame after #explainer-stage article.step:not([hidden]) h2 changed)`);
    out.push(`  median ${live.latency.medianMs.toFixed(1)} ms, p95 ${live.latency.p95Ms.toFixed(1)} ms, max ${live.latency.maxMs.toFixed(1)} ms`);
    out.push(`  of which keydown -> heading changed: median ${live.latency.toDomMedianMs.toFixed(1)} ms, p95 ${live.latency.toDomP95Ms.toFixed(1)} ms (the rest is the wait for the next frame)`);
    out.push(`  baseline (plain page, the same change in plain JavaScript): median ${base.latency.medianMs.toFixed(1)} ms, p95 ${base.latency.p95Ms.toFixed(1)} ms; to the DOM: median ${base.latency.toDomMedianMs.toFixed(1)} ms, p95 ${base.latency.toDomP95Ms.toFixed(1)} ms`, '');
    const mem = live.memory;
    out.push(`Memory, after gc${mem.gcExposed ? '' : ' (gc NOT exposed: numbers are noisy)'}: before / after ${mem.stepChanges} step changes and ${mem.perspectiveSwitches} perspective switches`);
    out.push(`  JS heap      ${fmtBytes(mem.jsHeapBefore)} -> ${fmtBytes(mem.jsHeapAfter)}  (growth ${fmtBytes(mem.jsHeapGrowth)})`);
    out.push(`  wasm memory  ${fmtBytes(mem.wasmBefore)} -> ${fmtBytes(mem.wasmAfter)}  (growth ${fmtBytes(mem.wasmGrowth)}); via ${mem.wasmSource}`);
    if (live.pageErrors.length) out.push(`  page errors: ${live.pageErrors.join(' | ')}`);
    out.push('');
    out.push('Reading');
    out.push(`  our own words: ${reading.ownWords}; default reading path: ${reading.path.total} words, ${reading.path.minutes.toFixed(1)} minutes at 238 a minute`);
    out.push(`  (above the walk-through ${reading.path.above}; steps ${reading.path.steps.join(', ')})`);
    out.push(`  leads: Flesch-Kincaid grade ${reading.leads.grade.toFixed(1)}; words ${reading.leads.perLead.join(', ')}`, '');
    out.push('Budgets');
    out.push(table(verdicts.map((v) => [
      v.label,
      `${v.better === 'lower' ? '<=' : '>='} ${fmtValue(v.target, v.unit)}`,
      `${v.better === 'lower' ? '<=' : '>='} ${fmtValue(v.enforced, v.unit)}`,
      v.relaxed ? `RELAXED ${v.relaxedBy}` : 'as issue',
      fmtValue(v.measured, v.unit),
      v.ok ? 'ok' : 'MISSED',
    ]), ['budget', 'issue target', 'enforced', 'status', 'measured', 'result']));
    const missed = verdicts.filter((v) => !v.ok);
    out.push('', missed.length ? `${missed.length} budget(s) missed: ${missed.map((v) => v.label).join(', ')}` : 'All enforced budgets met.');
    console.log(out.join('\n'));

    if (args.json) {
      const report = { date: new Date().toISOString(), dist: args.dist, chrome: CHROME, loadAverage: loadavg(), cores: cpus().length, sizes: size, lighthouse: lh, interaction: live, baseline: base, reading, budgets: verdicts };
      writeFileSync(path.resolve(args.json), JSON.stringify(report, null, 2) + '\n');
      log(`wrote ${args.json}`);
    }
    if (args.check && missed.length) process.exitCode = 1;
  } finally {
    for (const s of servers) await s.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error?.stack ?? error);
    process.exit(2);
  });
}
