// Shared helpers for the browser tests: the one static server (server.mjs, re-exported
// here), a Chromium launcher that records console errors and page errors, the content
// file the tests derive their expectations from, and step-state helpers.
//
// Every wait is event-based (waitForSelector / waitForFunction) and bounded.

import { readFileSync, existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile as writeFileAsync, readFile as readFileAsync } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer as serve } from './server.mjs';

export { TYPES } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');

/** Longest any single wait may take. */
export const TIMEOUT = 10_000;
/** Per-test budget for node:test (a test does many bounded waits). */
export const TEST_TIMEOUT = 90_000;

/**
 * The one static server (server.mjs) over `root`, the built app by default: see
 * server.mjs for the options (prefix, headers, encodings, onRequest, …).
 */
export const startServer = (root = DIST, options = {}) => serve(root, options);

/** Starts recording console errors and uncaught page errors for `page`. */
export function trackErrors(page) {
  const errors = { console: [], page: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.console.push(msg.text());
  });
  page.on('pageerror', (error) => errors.page.push(String(error?.stack ?? error)));
  page.errors = errors;
  return errors;
}

/** Asserts that nothing went wrong on `page` so far. */
export function assertNoErrors(page, { console: checkConsole = true } = {}) {
  assert.deepEqual(page.errors.page, [], 'uncaught page errors');
  if (checkConsole) assert.deepEqual(page.errors.console, [], 'console errors');
}

/** Flags every headless Chromium here needs (root, small /dev/shm, closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's headless Chromium, with CHROMIUM_ARGS and `args` after them (for tests
 * and the benchmark that bring their own server). `executablePath` defaults to
 * $CHROMIUM_PATH, else /usr/bin/chromium.
 */
export function launchBrowser({ args = [], timeout = 15_000, executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium' } = {}) {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...args], timeout });
}

/**
 * A fresh context of `browser` with `options` (Playwright's, as given: nothing is
 * added), its waits bounded by TIMEOUT, and one page that records its errors
 * (trackErrors). Returns { context, page }.
 */
export async function openContext(browser, options = {}) {
  const context = await browser.newContext(options);
  try {
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    const page = await context.newPage();
    trackErrors(page);
    return { context, page };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/**
 * Runs `body(opened)` on what `opening` resolves to (a promise of { context, page,
 * … }, as openContext or a test's own opener gives) and closes its context
 * whatever happened; returns what `body` returns.
 */
export async function inContext(opening, body) {
  const opened = await opening;
  try {
    return await body(opened);
  } finally {
    await opened.context.close().catch(() => {});
  }
}

/**
 * Runs `body({ context, page })` in a fresh context of `browser` with `options`
 * (openContext) and closes the context whatever happened.
 */
export function withPage(browser, options, body) {
  return inContext(openContext(browser, options), body);
}

/**
 * Starts a server over `root` (`serve`: startServer's options) and a headless Chromium with one page.
 * Returns { browser, context, page, baseUrl, server, newPage, withPage, close }:
 * `withPage(options, body)` is withPage on this browser.
 */
export async function launch({ root = DIST, viewport = { width: 1280, height: 900 }, serve = {} } = {}) {
  const server = await startServer(root, serve);
  let browser;
  let context;
  try {
    browser = await launchBrowser();
    // Service workers would answer requests from their cache, out of reach of
    // page.route(); the offline tests open a context of their own that allows them.
    context = await browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers: 'block' });
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.close();
    throw error;
  }
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const newPage = async () => {
    const page = await context.newPage();
    trackErrors(page);
    return page;
  };
  const page = await newPage();
  return {
    browser,
    context,
    page,
    baseUrl: server.baseUrl,
    server,
    newPage,
    withPage: (options, body) => withPage(browser, options, body),
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * The story folder the build rendered: $EXPLAINER_STORY (relative to the
 * repository), else the folder stories/default names, as the build chooses it.
 */
export const STORY_DIR = path.resolve(
  ROOT,
  process.env.EXPLAINER_STORY?.trim() ||
    path.join('stories', readFileSync(path.join(ROOT, 'stories', 'default'), 'utf8').trim()),
);
/** The story's identity: publisher, authors, dates (story.json). */
export const loadStory = () => JSON.parse(readFileSync(path.join(STORY_DIR, 'story.json'), 'utf8'));
/**
 * The edition in another language the tests read ($EXPLAINER_EDITION names its
 * folder, e.g. `es`, with DIST_DIR at dist/es), else null for the original.
 */
export const EDITION = (() => {
  const folder = process.env.EXPLAINER_EDITION?.trim();
  if (!folder) return null;
  const edition = (loadStory().editions ?? []).find((e) => e.folder === folder);
  if (!edition) throw new Error(`EXPLAINER_EDITION=${folder}: the story's story.json lists no such edition`);
  return edition;
})();
/**
 * The page contract the build writes from explainer_core::page: `contract.json`
 * at the build's root (an edition's folder, DIST_DIR=dist/es, is inside it).
 */
export const CONTRACT_FILE = path.join(EDITION ? path.dirname(DIST) : DIST, 'contract.json');
const CONTRACT = (() => {
  if (!existsSync(CONTRACT_FILE)) {
    throw new Error(`${CONTRACT_FILE} is missing: run the build first (trunk build --release), which writes it`);
  }
  return JSON.parse(readFileSync(CONTRACT_FILE, 'utf8'));
})();
/** A table of the contract that fails on a name it does not hold (a typo would otherwise read as "undefined"). */
const strict = (table) =>
  new Proxy(Object.freeze(table), {
    get(target, key) {
      if (typeof key === 'string' && /^[A-Z][A-Z0-9_]*$/.test(key) && !(key in target)) {
        throw new Error(`${CONTRACT_FILE} has no ${key}: add it to explainer_core::page and build`);
      }
      return target[key];
    },
  });
/**
 * Each hook of the page as the page spells it, by its constant in
 * explainer_core::page: `C.STAGE_ID` is "explainer-stage", `C.PAGER_NEXT_CLASS`
 * "pager-next", `C.STEP_ATTRIBUTE` "data-step".
 */
export const C = strict(Object.fromEntries(Object.entries(CONTRACT.hooks).map(([name, hook]) => [name, hook.name])));
/**
 * Each hook as a selector (`S.STAGE_ID` is "#explainer-stage", `S.PAGER_NEXT_CLASS`
 * ".pager-next", `S.STEP_ATTRIBUTE` "[data-step]"), and the selectors made of
 * several (`S.SHOWN_STEP`, `S.SHOWN_STEP_HEADING`).
 */
export const S = strict({
  ...Object.fromEntries(Object.entries(CONTRACT.hooks).map(([name, hook]) => [name, hook.selector])),
  ...CONTRACT.selectors,
});
/**
 * C and S as plain objects, for functions that run in the page (which cannot
 * see ours): pass `{ ...arg, ...IN_PAGE }` and read `S.…` and `C.…` from the argument.
 */
export const IN_PAGE = { S: { ...S }, C: { ...C } };

/** The content the tests read: the story's content.json, or the edition's content.<folder>.json. */
export const CONTENT_FILE = path.join(STORY_DIR, EDITION ? `content.${EDITION.folder}.json` : 'content.json');
/** The single file's name, as the build names it from the story (explainer_core::story). */
export const SINGLE_FILE = EDITION
  ? `${loadStory().slug}-${EDITION.folder}-offline.html`
  : `${loadStory().slug}-offline.html`;
/** The page's language: the edition's, else the story's. */
export const LANGUAGE = EDITION?.language ?? loadStory().language;

/**
 * A string of the interface's words table the build reads for LANGUAGE
 * (locales/<tag>.toml, else locales/<language>.toml): `key` in `[section]`. Read
 * here with a small line reader (the tables are plain `key = "text"` lines).
 */
export function word(section, key) {
  const dir = path.join(ROOT, 'locales');
  const file = [LANGUAGE, LANGUAGE.split('-')[0]].map((n) => path.join(dir, `${n}.toml`)).find((f) => existsSync(f));
  let current = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const heading = /^\[([a-z_]+)\]\s*$/.exec(line);
    if (heading) current = heading[1];
    const pair = /^([a-z_]+) = "(.*)"\s*$/.exec(line);
    if (pair && current === section && pair[1] === key) return JSON.parse(`"${pair[2]}"`);
  }
  throw new Error(`${file} has no ${section}.${key}`);
}
/**
 * The story's name on a host page, by the README's rule (`<slug>-explainer`): the
 * Pym.js container's id, the start of every message's type, and (with `-event`)
 * the Pym.js name of the events.
 */
export const EMBED_NAME = `${loadStory().slug}-explainer`;

/** The content the served app shows: the source of truth for expectations. */
export function loadContent() {
  return JSON.parse(readFileSync(CONTENT_FILE, 'utf8'));
}

/** Whether a flow is drawn for a perspective ("user" | "creator"). */
export function flowApplies(flow, perspective) {
  return !flow.perspectives || flow.perspectives.length === 0 || flow.perspectives.includes(perspective);
}

/** Opens `pathAndHash` (e.g. "/#step-backups") and waits for the explainer. */
export async function openApp(page, baseUrl, pathAndHash = '/') {
  await page.goto(baseUrl + pathAndHash, { waitUntil: 'load' });
  await waitForExplainer(page);
}

export async function waitForExplainer(page) {
  // The pre-rendered page already has the shown step's heading; the live app marks
  // the root when it takes over, showing either the step (the walk-through) or the timeline.
  await page.waitForFunction(
    (selector) => [...document.querySelectorAll(selector)].some((el) => el.getClientRects().length > 0),
    `${S.ROOT_ID}${S.LIVE_ATTRIBUTE} :is(${S.SHOWN_STEP_HEADING}, section${S.TIMELINE_ID})`,
    { timeout: TIMEOUT },
  );
}

/** The selectors readStepState reads, passed into the page (it cannot see ours). */
const STEP_STATE = {
  step: S.SHOWN_STEP,
  heading: S.SHOWN_STEP_HEADING,
  kicker: `${S.SHOWN_STEP} ${S.STEP_KICKER_CLASS}`,
  items: `nav${S.STEP_LIST_CLASS} li`,
  stepAttribute: C.STEP_ATTRIBUTE,
};

/** Reads everything that says which step is shown, with STEP_STATE's selectors. Runs in the page. */
function readStepState(sel) {
  const q = (s) => document.querySelector(s);
  const text = (s) => q(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
  const items = [...document.querySelectorAll(sel.items)];
  return {
    step: q(sel.step)?.getAttribute(sel.stepAttribute) ?? null,
    heading: text(sel.heading),
    kicker: text(sel.kicker),
    hash: location.hash,
    currentItems: items.flatMap((li, i) => (li.getAttribute('aria-current') === 'step' ? [i] : [])),
  };
}

export async function stepState(page) {
  return page.evaluate(readStepState, STEP_STATE);
}

/** `word(section, key)` with its `{slots}` filled from `values` (e.g. `{ n: 2, total: 10 }`). */
export function fillWord(section, key, values) {
  return word(section, key).replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}

/**
 * A pattern (RegExp source) matching `word(section, key)`: its text as written,
 * each `{slot}` as `slots[slot]` (a pattern source), else as any text.
 */
export function wordPattern(section, key, slots = {}) {
  return word(section, key)
    .split(/(\{\w+\})/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      return slot ? (slots[slot[1]] ?? '.+?') : escapeRegExp(part);
    })
    .join('');
}

/** `text` as a pattern (RegExp source) that matches it literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pager's count at step index `i` (0-based) of `total`, in the edition's words ("Step 2 of 10"). */
export function pagerCount(i, total) {
  return fillWord('pager', 'count', { n: i + 1, total });
}

/** What the page shows at step index `i` (0-based). */
export function expectedStepState(content, i) {
  const step = content.steps[i];
  const title = step.title.replace(/\s+/g, ' ').trim();
  return {
    step: step.id,
    heading: title,
    kicker: pagerCount(i, content.steps.length),
    hash: `#step-${step.id}`,
    currentItems: [i],
  };
}

/**
 * Waits until the page shows step `i` everywhere (heading, kicker, URL, step
 * list), then asserts it, so a failure prints a precise diff.
 * `hash: false` skips the URL check (for the first step opened from a bad hash).
 */
export async function expectStep(page, content, i, { hash = true, timeout = TIMEOUT } = {}) {
  const expected = expectedStepState(content, i);
  if (!hash) delete expected.hash;
  // A function, not a string expression: pages with a strict CSP refuse string evaluation.
  const check = new Function(
    'a',
    `const s = (${readStepState})(a.sel); return Object.keys(a.e).every((k) => JSON.stringify(s[k]) === JSON.stringify(a.e[k]));`,
  );
  await page.waitForFunction(check, { e: expected, sel: STEP_STATE }, { timeout }).catch(() => {});
  const actual = await stepState(page);
  if (!hash) delete actual.hash;
  assert.deepEqual(actual, expected, `expected step ${i + 1} (${content.steps[i].id})`);
}

/** Waits until the shown step's heading (STEP_HEADING) has `title` (ignoring whitespace differences). */
export async function waitForHeading(page, title, timeout = TIMEOUT) {
  const want = title.replace(/\s+/g, ' ').trim();
  await page
    .waitForFunction(
      ([sel, w]) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() === w,
      [STEP_HEADING, want],
      { timeout },
    )
    .catch(() => {});
  const got = await page.evaluate(
    (sel) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    STEP_HEADING,
  );
  assert.equal(got, want, 'step heading');
}

/** The heading of the step shown in the stage (each step has its own, pre-rendered). */
export const STEP_HEADING = S.SHOWN_STEP_HEADING;

/** Waits until the focused element is the step heading, then asserts it. */
export async function expectHeadingFocused(page, timeout = TIMEOUT) {
  await page
    .waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, STEP_HEADING, { timeout })
    .catch(() => {});
  const focused = await page.evaluate((sel) => {
    const el = document.activeElement;
    const shown = document.querySelector(sel);
    return { focused: el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` : null, shown: shown ? `h2#${shown.id}` : null };
  }, STEP_HEADING);
  assert.equal(focused.focused, focused.shown, 'keyboard focus moves to the heading of the step shown');
}

/** Waits for a boolean page predicate, then asserts it with `message`. */
export async function waitTrue(page, fn, arg, message, timeout = TIMEOUT) {
  await page.waitForFunction(fn, arg, { timeout }).catch(() => {});
  assert.ok(await page.evaluate(fn, arg), message);
}

/** Collapses whitespace, as text is compared throughout. */
export function norm(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Lets the page finish whatever an input started: waits for two animation
 * frames (an event, not a fixed delay), so "nothing happened" checks are fair.
 */
export async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Splits a cited text of content.json ("Sentence. [id] Another. [a, b]") into
 * its sentences and the ids each names; fails on text after the last marker.
 */
export function citedSentences(text) {
  const found = [];
  const marker = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m; (m = marker.exec(text)); last = marker.lastIndex) {
    found.push({ text: norm(text.slice(last, m.index)), ids: m[1].split(',').map((s) => s.trim()) });
  }
  assert.equal(norm(text.slice(last)), '', `text after the last marker in ${JSON.stringify(text)}`);
  return found;
}

/** A cited text's words without its markers, as the page shows them between the markers. */
export function plainCited(text) {
  return citedSentences(text).map((s) => s.text).join(' ');
}

/**
 * Prints the page to PDF (print media) and returns the PDF's text in drawing
 * order, squashed for comparison by `squashPrinted`. Needs `pdftotext`
 * (Debian's poppler-utils).
 */
export async function printedText(page) {
  const run = promisify(execFile);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'printed-'));
  try {
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(dir, 'page.pdf');
    await writeFileAsync(pdf, await page.pdf({ format: 'A4', timeout: TIMEOUT * 3 }));
    await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, path.join(dir, 'page.txt')], { timeout: TIMEOUT * 2 });
    return squashPrinted(await readFileAsync(path.join(dir, 'page.txt'), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Text as compared with a printout: no whitespace and no hyphens at all (a PDF
 * breaks lines wherever a space was, and a hyphen at the end of a line may be a
 * hyphenation break or a word's own, as in "e-mail").
 */
export function squashPrinted(text) {
  return String(text).normalize('NFC').replace(/[\s\u00ad-]+/g, '');
}

/**
 * The phone layout's screen after a move to a step whose pager should say
 * `count` (see `pagerCount`), read in the page: `state` (what is where) and `problems` (what a phone reader
 * would miss: the heading off screen or under the diagram strip, a line of the
 * lead or the evidence button off screen or covered, no highlighted item
 * visible in the strip, the pager away from the bottom, small targets, a wrong
 * count). Self-contained, so any driver can run it in the page
 * (Playwright, puppeteer, selenium), given `{ heading, count, ...IN_PAGE }`. Used by
 * phone.test.mjs and other-browsers.test.mjs.
 */
export function phoneScreen({ heading: headingSelector, count, S, C }) {
  const TARGET = 44; // px: pager targets at least this big
  const vh = innerHeight;
  const rect = (el) => {
    const r = el?.getBoundingClientRect();
    return r && r.height > 0 ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null;
  };
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
  const figure = document.querySelector(`figure${S.DIAGRAM_CLASS}`);
  const drawing = [...document.querySelectorAll(`figure${S.DIAGRAM_CLASS} svg${S.DIAGRAM_SVG_CLASS}`)].find(shown);
  const drawingBox = rect(drawing);
  // A highlighted item counts when part of it is inside the drawing's visible
  // box (the zoomed view box clips the rest) and inside the viewport.
  const seen = (r) => {
    if (!r || !drawingBox) return false;
    const top = Math.max(r.top, drawingBox.top, 0);
    const bottom = Math.min(r.bottom, drawingBox.bottom, vh);
    const left = Math.max(r.left, drawingBox.left);
    const right = Math.min(r.right, drawingBox.right);
    return bottom - top >= 4 && right - left >= 4;
  };
  const lit = drawing ? [...drawing.querySelectorAll(`${S.PLACE_CLASS}${S.ACTIVE_CLASS} rect, ${S.FLOW_CLASS}${S.ACTIVE_CLASS} ${S.FLOW_LINE_CLASS}`)] : [];
  const state = {
    vh,
    scrollY: Math.round(scrollY),
    heading: rect(document.querySelector(headingSelector)),
    strip: rect(figure),
    stripSticky: !!figure && getComputedStyle(figure).position === 'sticky',
    drawing: drawing?.getAttribute(C.ORIENTATION_ATTRIBUTE) ?? null,
    viewBox: drawing?.getAttribute('viewBox') ?? null,
    litCount: lit.length,
    litSeen: lit.filter((el) => seen(rect(el))).length,
    pager: rect(document.querySelector(S.PAGER_CLASS)),
    targets: [S.PAGER_PREVIOUS_CLASS, S.PAGER_NEXT_CLASS].map((s) => rect(document.querySelector(s))),
    count: document.querySelector(S.PAGER_COUNT_CLASS)?.textContent.trim() ?? null,
    countShown: shown(document.querySelector(S.PAGER_COUNT_CLASS)),
  };
  // What the step shows by default, line by line: the heading, each line of the
  // lead and the evidence button, each between the strip and the pager and not
  // under anything (the browser's own hit test at the line's middle).
  const article = document.querySelector(headingSelector)?.closest('article');
  const lines = [
    ...[...(article?.querySelectorAll(`${S.STEP_LEAD_CLASS} ${S.SAID_CLASS}`) ?? [])].flatMap((p) => [...p.getClientRects()]),
    article?.querySelector(S.EVIDENCE_TOGGLE_CLASS)?.getBoundingClientRect(),
  ].filter((r) => r && r.height > 0);
  const top = state.strip?.bottom ?? 0;
  const bottom = state.pager?.top ?? vh;
  state.leadLines = lines.length;
  state.linesUnreadable = lines
    .filter((r) => {
      const y = (r.top + r.bottom) / 2;
      const hit = document.elementFromPoint(Math.min(r.left + 4, innerWidth - 1), y);
      return r.top < top - 1 || r.bottom > bottom + 1 || !hit || !article.contains(hit);
    })
    .map((r) => Math.round(r.top));
  const problems = [];
  const need = (ok, what) => {
    if (!ok) problems.push(what);
  };
  const { heading: h, strip, pager } = state;
  need(h && h.top >= 0 && h.bottom <= vh, 'the heading is on screen');
  need(h && strip && (h.top >= strip.bottom - 1 || h.bottom <= strip.top), 'the heading is not under the diagram strip');
  need(h && pager && h.bottom <= pager.top + 1, 'the heading is above the pager');
  need(state.litCount > 0, 'the step highlights something');
  need(state.litSeen > 0, 'at least one highlighted place or flow is on screen');
  need(pager && pager.top >= 0 && pager.bottom <= vh + 1 && pager.bottom >= vh - 60, 'the pager is at the bottom of the screen');
  need(state.targets.every((t) => t && t.width >= TARGET && t.height >= TARGET), 'pager targets are at least 44×44');
  need(state.countShown && state.count === count, `the pager says "${count}"`);
  need(state.drawing === 'landscape' && state.stripSticky, 'the strip (the landscape drawing) sticks');
  need(state.leadLines > 1 && state.linesUnreadable.length === 0, 'every line of the lead and the evidence button is on screen between the strip and the pager, not covered');
  return { problems, state };
}

/**
 * Starts recording, in the page, where Next is at the moment each step change
 * shows (a MutationObserver callback, which runs right after the handler that
 * changed the step, before the next frame): `window.__stepChanges`, one entry per
 * change. Self-contained, so any driver can install it, given IN_PAGE (see
 * `nextMovedAfterChange`).
 */
export function recordStepChanges({ S, C }) {
  const changes = (window.__stepChanges = []);
  const where = () => {
    const r = document.querySelector(S.PAGER_NEXT_CLASS).getBoundingClientRect();
    return { x: r.left, y: r.top, scrollY };
  };
  new MutationObserver((records) => {
    const shown = records.find((m) => m.target.matches(`article${S.STEP_ATTRIBUTE}`) && !m.target.hidden);
    if (shown) changes.push({ step: shown.target.getAttribute(C.STEP_ATTRIBUTE), ...where() });
  }).observe(document.querySelector(S.STAGE_ID), { subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/**
 * Whether Next has moved since the last step change showed (see
 * `recordStepChanges`): `null` when it is where it was, else what moved. A page
 * that moves after the change moves Next under a second press already begun.
 * Given IN_PAGE.
 */
export function nextMovedAfterChange({ S }) {
  const last = window.__stepChanges?.at(-1);
  if (!last) return 'no step change was recorded';
  const r = document.querySelector(S.PAGER_NEXT_CLASS).getBoundingClientRect();
  const now = { x: r.left, y: r.top, scrollY };
  // Firefox settles a fractional scroll position on a whole pixel in the next
  // frame (621.55 → 622.55 seen): a pixel or two is no move a press would notice.
  const still = ['x', 'y', 'scrollY'].every((k) => Math.abs(now[k] - last[k]) <= 2);
  return still
    ? null
    : `the page moved after step "${last.step}" showed (Next, scroll): ${JSON.stringify(last)} → ${JSON.stringify(now)}`;
}

/** Every timeline event, group after group: the order the page lists them. */
export function timelineEvents(content) {
  return (content.timeline ?? []).flatMap((group) => group.events);
}

/** A step's notes for its perspectives, in the order of their ids (as the page has them). */
export function perspectiveNotes(step) {
  const notes = step.perspective_notes ?? {};
  return Object.keys(notes).sort().map((id) => notes[id]);
}

/** A step's cited texts in reading order: lead, details, the dispute's question, the perspectives' notes. */
export function stepTexts(step) {
  return [step.lead, ...(step.details ?? []), ...(step.dispute ? [step.dispute] : []), ...perspectiveNotes(step)];
}

/**
 * A block's quotes numbered as a reader meets them: in the order its texts
 * (`texts`, in reading order) first name them, then any never named.
 */
export function quoteNumbering(citations, texts) {
  const order = [];
  for (const { ids } of texts.flatMap(citedSentences)) {
    for (const id of ids) {
      const c = citations.find((q) => q.id === id);
      if (c && !order.includes(c)) order.push(c);
    }
  }
  for (const c of citations) if (!order.includes(c)) order.push(c);
  return { quotes: order, numberOf: (id) => order.findIndex((c) => c.id === id) + 1 };
}

/** Every quote of the content: the answer's, the steps', the flows' and the events'. */
export function allCitations(content) {
  return [
    ...content.answer.citations,
    ...content.steps.flatMap((s) => s.citations),
    ...content.flows.flatMap((f) => f.citations),
    ...timelineEvents(content).flatMap((e) => e.citations),
  ];
}

/** Opens the evidence layer of the step shown (a no-op when it is open). */
export async function openEvidence(page) {
  const toggle = page.locator(`${S.SHOWN_STEP} ${S.EVIDENCE_TOGGLE_CLASS}`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.waitForFunction(
    ([step, open]) => document.querySelector(step)?.hasAttribute(open),
    [S.SHOWN_STEP, C.OPEN_ATTRIBUTE],
  );
}

/** Fails with what to install when a program a test needs is missing. */
export function requireFile(file, pkg) {
  assert.ok(existsSync(file), `${file} is missing: install Debian's ${pkg} (apt-get install ${pkg}, or run scripts/setup.sh)`);
}

/** Stops a process we spawned (its own process group when detached), by pid; waits for it. */
export async function stopProcess(proc, { group = false } = {}) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const kill = (sig) => {
    try {
      process.kill(group ? -proc.pid : proc.pid, sig);
    } catch {}
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Activates the reference marker `selector` with `how` ("mouse" or "keyboard") and
 * checks that focus moves to its quote, highlighted alone and in view, and that
 * the URL still names the step.
 */
export async function followMarker(page, selector, how) {
  const href = await page.getAttribute(selector, 'href');
  const before = await page.evaluate(() => location.href);
  if (how === 'keyboard') {
    await page.focus(selector);
    await page.keyboard.press('Enter');
  } else {
    await page.click(selector);
  }
  const id = href.slice(1);
  await waitTrue(page, (id) => document.activeElement?.id === id, id, `${how}: focus moves to the quote ${id}`);
  const state = await page.evaluate(([id, { S, C }]) => {
    const el = document.getElementById(id);
    const r = el.getBoundingClientRect();
    return {
      highlighted: el.classList.contains(C.HIGHLIGHT_CLASS),
      others: document.querySelectorAll(S.HIGHLIGHT_CLASS).length,
      inView: r.top >= 0 && r.bottom <= innerHeight,
      url: location.href,
    };
  }, [id, IN_PAGE]);
  assert.deepEqual(state, { highlighted: true, others: 1, inView: true, url: before },
    `${how}: the quote is highlighted alone, in view, and the URL still names the step`);
}

/**
 * Resolves (in the page) once it is controlled by an activated service worker;
 * false after 5 s.
 */
export function controlled() {
  return Promise.race([
    navigator.serviceWorker.ready.then(
      (reg) =>
        reg.active?.state === 'activated' && navigator.serviceWorker.controller
          ? true
          : new Promise((resolve) => {
              navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
              if (navigator.serviceWorker.controller) resolve(true);
            }),
    ),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
}

/** The update notice and the status area, read in the page. */
export async function readNotice(page) {
  return page.evaluate(({ S, C }) => {
    const notice = document.getElementById(C.UPDATE_NOTICE_ID);
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      exists: !!notice,
      hidden: notice?.hasAttribute('hidden') ?? null,
      visible: shown(notice),
      text: notice?.innerText.replace(/\s+/g, ' ').trim() ?? '',
      // Anything else the status area shows (it should show nothing when there is no update).
      statusVisible: [...document.querySelectorAll(`${S.STATUS_ID} *`)].filter((el) => el !== notice && !notice?.contains(el) && shown(el)).length,
    };
  }, IN_PAGE);
}

/**
 * A one-finger drag from (x0, y0) to (x1, y1) over `ms`, as real touch events
 * (`cdp`: a CDP session on the page). Each event carries its time on the drag's
 * own clock (CDP's `timestamp`, which Chromium gives the page as the event's
 * timeStamp), so the page sees a drag of exactly `ms` however slowly a busy
 * machine delivers the messages: the swipe rule is timed (within 800 ms), and
 * wall-clock pacing failed it on a loaded runner.
 */
export async function drag(cdp, [x0, y0], [x1, y1], ms = 240, steps = 8) {
  const start = Date.now() / 1000;
  const at = (i) => start + (ms / 1000) * (i / steps);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }], timestamp: at(0) });
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t }], timestamp: at(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(steps) });
}

const SCREEN_READER_BUNDLE = path.join(ROOT, 'node_modules', '@guidepup', 'virtual-screen-reader', 'lib', 'esm', 'index.browser.js');

/**
 * Loads the Virtual Screen Reader (npm @guidepup/virtual-screen-reader, its own
 * browser build) into `page`, which must be open on our server, and starts it
 * over the whole document. The page's CSP allows scripts from its own origin
 * only, so both modules are served from there (page.route). Returns:
 * - `log()`: every phrase it has spoken, announcements of live regions included
 *   (as "polite: …");
 * - `next()`: moves on one phrase (as a reader pressing the next-item key) and
 *   returns it;
 * - `readUntil(pattern, limit)`: moves on until a phrase matches `pattern` (a
 *   RegExp's source); returns the phrases read, the matching one last (throws
 *   after `limit` phrases);
 * - `restart()`: starts it again from the top of the document.
 * It follows focus as a screen reader does: a focused element is spoken and
 * reading goes on from there.
 */
export async function startScreenReader(page) {
  requireFile(SCREEN_READER_BUNDLE, 'the npm package @guidepup/virtual-screen-reader (npm ci)');
  const origin = new URL(page.url()).origin;
  const bundle = readFileSync(SCREEN_READER_BUNDLE, 'utf8');
  await page.route(`${origin}/__test/virtual-screen-reader.js`, (route) =>
    route.fulfill({ body: bundle, contentType: 'text/javascript' }));
  await page.route(`${origin}/__test/start-screen-reader.js`, (route) =>
    route.fulfill({
      body: "import { virtual } from './virtual-screen-reader.js'; window.__screenReader = virtual;",
      contentType: 'text/javascript',
    }));
  await page.addScriptTag({ type: 'module', url: `${origin}/__test/start-screen-reader.js` });
  await page.waitForFunction(() => window.__screenReader);
  const restart = () =>
    page.evaluate(async () => {
      await window.__screenReader.stop();
      await window.__screenReader.start({ container: document.body });
    });
  await page.evaluate(() => window.__screenReader.start({ container: document.body }));
  return {
    log: () => page.evaluate(() => window.__screenReader.spokenPhraseLog()),
    next: () =>
      page.evaluate(async () => {
        await window.__screenReader.next();
        return window.__screenReader.lastSpokenPhrase();
      }),
    readUntil: (pattern, limit = 400) =>
      page.evaluate(
        async ({ pattern, limit }) => {
          const re = new RegExp(pattern);
          const read = [];
          while (read.length < limit) {
            await window.__screenReader.next();
            const phrase = await window.__screenReader.lastSpokenPhrase();
            read.push(phrase);
            if (re.test(phrase)) return read;
          }
          throw new Error(`no phrase matched /${pattern}/ within ${limit}: …${read.slice(-8).join(' | ')}`);
        },
        { pattern, limit },
      ),
    restart,
  };
}
