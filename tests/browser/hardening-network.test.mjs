// Hardening: content.json under real network faults, served by a local server
// that answers content.json however the test says (errors, hangs, trickles,
// truncation, a web page, broken content) and everything else from the build.
//
// For each fault: the pre-rendered text stays readable, an alert names
// content.json and the reason, the page is never blank, nothing throws; then the
// server is healed and "Try again" brings up the live explainer, whose Next works.
//
// Each test runs in a fresh browser context, so no service worker or cache from
// an earlier test can answer for the server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launch,
  loadContent,
  trackErrors,
  waitForExplainer,
  expectStep,
  norm,
  DIST,
  TIMEOUT,
} from './support.mjs';

const content = loadContent();
const CONTENT_TEXT = readFileSync(path.join(DIST, 'content.json'));
/** The app gives up on content.json after this long. */
const APP_TIMEOUT_MS = 15_000;
/** Failures that Chromium itself logs as console errors for a failed request. */
const RESOURCE_ERROR = /Failed to load resource|net::ERR_/;

let app; // support.mjs: browser plus a static server over the build
let faults; // the fault-injecting server in front of it

before(async () => {
  app = await launch();
  faults = await startFaultServer(app.baseUrl);
});
after(async () => {
  await faults?.close();
  await app?.close();
});

// ---------------------------------------------------------------------------
// The fault server: content.json per `faults.mode`, everything else proxied to
// the static server of support.mjs.

async function startFaultServer(upstream) {
  const state = { mode: 'healthy', hits: [], open: new Set() };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname.endsWith('/content.json')) {
      // Requests from the service worker (precaching) carry sw.js as their referrer.
      state.hits.push({ mode: typeof state.mode === 'string' ? state.mode : state.mode.kind, at: Date.now(), fromServiceWorker: /\/sw\.js$/.test(req.headers.referer ?? '') });
      state.open.add(res);
      res.on('close', () => state.open.delete(res));
      answerContent(state.mode, req, res);
      return;
    }
    const proxied = httpRequest(upstream + req.url, { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    proxied.on('error', (e) => res.destroy(e));
    req.pipe(proxied);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    state,
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    set mode(mode) {
      state.mode = mode;
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of state.open) res.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

function answerContent(mode, req, res) {
  const send = (status, type, body, extra = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };
  switch (typeof mode === 'string' ? mode : mode.kind) {
    case 'healthy':
      return send(200, JSON_TYPE, CONTENT_TEXT);
    case '404':
      return send(404, 'text/plain; charset=utf-8', 'Not found');
    case '500':
      return send(500, 'text/plain; charset=utf-8', 'Internal error');
    case 'hang':
      return; // never answer, never close
    case 'trickle': {
      // Headers at once, then the body a few bytes at a time: the whole takes ~20 s.
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': CONTENT_TEXT.length, 'Cache-Control': 'no-store' });
      const chunks = 100;
      const size = Math.ceil(CONTENT_TEXT.length / chunks);
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) return clearInterval(timer);
        res.write(CONTENT_TEXT.subarray(i * size, (i + 1) * size));
        mode.sentAt = Date.now();
        mode.sent = Math.min(CONTENT_TEXT.length, (i + 1) * size);
        if (++i >= chunks) {
          clearInterval(timer);
          res.end();
        }
      }, 200);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'truncated-socket': {
      // Promise the whole file, send half, then drop the connection.
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': CONTENT_TEXT.length, 'Cache-Control': 'no-store' });
      res.write(CONTENT_TEXT.subarray(0, CONTENT_TEXT.length >> 1), () => setTimeout(() => res.socket?.destroy(), 50));
      return;
    }
    case 'cut-json':
      // A complete, well-terminated answer whose JSON simply stops half-way.
      return send(200, JSON_TYPE, CONTENT_TEXT.subarray(0, Math.floor(CONTENT_TEXT.length * 0.6)));
    case 'html':
      return send(200, 'text/html; charset=utf-8', '<!doctype html><html><head><title>Page not found</title></head><body><h1>Sorry, that page is gone</h1><p>Try our <a href="/">home page</a>.</p></body></html>');
    case 'body':
      return send(200, JSON_TYPE, mode.body);
    default:
      return send(500, 'text/plain', `unknown mode ${JSON.stringify(mode)}`);
  }
}

// ---------------------------------------------------------------------------
// Helpers

/** A fresh context (no service worker, no cache) and page with error tracking. */
async function freshPage() {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  trackErrors(page);
  page.warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') page.warnings.push(msg.text());
  });
  return { context, page };
}

/** Everything the failure state shows, read in the page. */
async function readFailure(page) {
  return page.evaluate(() => {
    const text = (el) => el?.innerText.replace(/\s+/g, ' ').trim() ?? '';
    const alert = document.querySelector('#app-status [role="alert"]');
    const root = document.querySelector('#app');
    return {
      alert: text(alert),
      problems: [...document.querySelectorAll('#app-status ul.status-problems li')].map((li) => ({
        code: li.querySelector('code')?.textContent.trim() ?? null,
        text: li.textContent.replace(/\s+/g, ' ').trim(),
      })),
      retry: [...document.querySelectorAll('#app-status button')].filter((b) => /try again/i.test(b.textContent)).length,
      live: root?.hasAttribute('data-live') ?? null,
      appText: text(root),
      bodyText: text(document.body).length,
      appVisible: !!root && root.getBoundingClientRect().height > 100 && getComputedStyle(root).visibility !== 'hidden',
      prerenderedHeading: document.querySelector('#app #explainer-stage article.step:not([hidden]) h2')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    };
  });
}

/** Opens the app with content.json answered by `mode`, waits for the alert. */
async function openFaulty(mode, { wait = TIMEOUT } = {}) {
  faults.mode = mode;
  faults.state.hits.length = 0;
  const { context, page } = await freshPage();
  const started = Date.now();
  await page.goto(faults.baseUrl + '/', { waitUntil: 'load' });
  const shown = await page
    .waitForSelector('#app-status [role="alert"]', { state: 'visible', timeout: wait })
    .then(() => true, () => false);
  const elapsed = Date.now() - started;
  if (!shown) {
    // Say what the page did instead: the app logs its load error as a warning.
    const status = await page.evaluate(() => document.querySelector('#app-status')?.outerHTML ?? '(no #app-status)');
    await context.close();
    assert.fail(
      `no alert in #app-status within ${wait} ms; #app-status is ${status}; ` +
        `the app's warnings: ${JSON.stringify(page.warnings.filter((w) => /content\.json/.test(w)))}`,
    );
  }
  return { context, page, elapsed, failure: await readFailure(page) };
}

/** The pre-rendered explainer is still there to read, and nothing is blank. */
function assertPrerenderedStays(f) {
  assert.equal(f.live, false, '#app is not marked live');
  assert.equal(f.prerenderedHeading, norm(content.steps[0].title), 'the pre-rendered first step is still shown');
  assert.ok(f.appVisible, '#app is visible');
  assert.ok(f.bodyText > 500, `the page is not blank (${f.bodyText} characters)`);
  assert.ok(f.appText.includes(norm(content.steps[0].title)), 'the first step title is still readable in #app');
  assert.ok(f.appText.includes(norm(content.sources[0].title)), 'a source title is still readable in #app');
  assert.equal(f.retry, 1, 'one "Try again" button');
  assert.match(f.alert, /content\.json/, `the alert names content.json: ${f.alert}`);
}

function assertClean(page, { allowFailedRequests = false } = {}) {
  assert.deepEqual(page.errors.page, [], 'no uncaught page errors');
  const unexpected = page.errors.console.filter((m) => !(allowFailedRequests && RESOURCE_ERROR.test(m)));
  assert.deepEqual(unexpected, [], 'no console errors (besides Chromium’s own failed-request line)');
}

/** Heals the server, clicks "Try again", expects the live explainer and a working Next. */
async function retryRecovers(page) {
  faults.mode = 'healthy';
  await page.getByRole('button', { name: /try again/i }).click();
  const clicked = Date.now();
  await page.waitForSelector('#app[data-live]', { state: 'attached', timeout: TIMEOUT }).catch(() => {});
  const after = await readFailure(page);
  // What reached the server, relative to the click: shows a retry that never arrived.
  const hits = faults.state.hits.map((h) => `${h.fromServiceWorker ? 'service worker' : 'page'} (${h.mode}) at ${h.at - clicked} ms`).join('; ');
  assert.equal(after.live, true, `#app[data-live] after "Try again" with a healthy server; content.json requests: ${hits}; alert: "${after.alert}"`);
  assert.equal(after.alert, '', 'the alert is gone after "Try again"');
  await waitForExplainer(page);
  await expectStep(page, content, 0, { hash: false });
  await page.click('.pager-next');
  await expectStep(page, content, 1);
}

async function runFault(mode, expectReason, { wait, allowFailedRequests = true, check } = {}) {
  const { context, page, elapsed, failure } = await openFaulty(mode, { wait });
  try {
    assertPrerenderedStays(failure);
    assert.match(failure.alert, expectReason, `the alert gives the reason: ${failure.alert}`);
    await check?.({ page, elapsed, failure });
    assertClean(page, { allowFailedRequests });
    await retryRecovers(page);
    assertClean(page, { allowFailedRequests });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Faults

test('404: alert gives the status, pre-rendered text stays, "Try again" recovers', { timeout: 60_000 }, async () => {
  await runFault('404', /the server answered 404 Not Found/);
});

test('500: alert gives the status, pre-rendered text stays, "Try again" recovers', { timeout: 60_000 }, async () => {
  await runFault('500', /the server answered 500 Internal Server Error/);
});

test('a request that never answers times out after 15 s with its own message', { timeout: 90_000 }, async () => {
  await runFault('hang', /took longer than 15 seconds/, {
    wait: 20_000,
    check: ({ elapsed }) => {
      console.log(`# hung request: alert after ${elapsed} ms`);
      assert.ok(elapsed >= APP_TIMEOUT_MS - 1_000, `not before the 15 s timeout (${elapsed} ms)`);
      assert.ok(elapsed <= 20_000, `within 20 s (${elapsed} ms)`);
    },
  });
});

test('a body trickling in over ~20 s is stopped at 15 s with the timeout message', { timeout: 90_000 }, async () => {
  const mode = { kind: 'trickle' };
  await runFault(mode, /took longer than 15 seconds/, {
    wait: 20_000,
    check: ({ elapsed }) => {
      console.log(`# trickle: alert after ${elapsed} ms, ${mode.sent} of ${CONTENT_TEXT.length} bytes sent by then`);
      assert.ok(elapsed >= APP_TIMEOUT_MS - 1_000 && elapsed <= 20_000, `timed out at ~15 s (${elapsed} ms)`);
      assert.ok(mode.sent > 0, 'bytes had been arriving (a slow body, not a hang)');
      assert.ok(mode.sent < CONTENT_TEXT.length, 'the body was still incomplete when the app gave up');
    },
  });
});

test('a body cut off by a dropped connection: alert says it could not be fetched', { timeout: 60_000 }, async () => {
  await runFault('truncated-socket', /content\.json could not be fetched/);
});

test('a complete answer whose JSON stops half-way: alert lists "not valid JSON"', { timeout: 60_000 }, async () => {
  await runFault('cut-json', /is not valid explainer content; 1 problem/, {
    allowFailedRequests: false,
    check: ({ failure }) => {
      assert.equal(failure.problems.length, 1, JSON.stringify(failure.problems));
      assert.match(failure.problems[0].code ?? '', /not valid JSON/, 'the problem says the JSON is not valid');
    },
  });
});

test('a web page (text/html) instead of JSON: alert says a web page was sent', { timeout: 60_000 }, async () => {
  await runFault('html', /the server sent a web page \(text\/html[^)]*\) instead of the JSON content file/, {
    allowFailedRequests: false,
  });
});

test('valid JSON with three problems: all three are listed with their field paths', { timeout: 60_000 }, async () => {
  const broken = structuredClone(content);
  const n = broken.steps.length;
  // 1. a step's flow that does not exist; 2. a citation of an unknown source;
  // 3. a step id used twice (a copy of the last step, appended: nothing else dangles).
  assert.ok(broken.steps[0].flows.length > 0 && broken.steps[1].claims[0].citations.length > 0);
  const lastCopy = structuredClone(content.steps[n - 1]);
  // Claim and citation ids are unique across the file: give the copy's its own,
  // and rename them in its sentences' markers, so only the step id repeats.
  const renamed = (id) => `${id}-copy`;
  const retag = (text) => text.replace(/\[([^\]]*)\]/g, (_, ids) => `[${ids.split(',').map((i) => renamed(i.trim())).join(', ')}]`);
  for (const claim of lastCopy.claims) {
    claim.id = renamed(claim.id);
    claim.text = retag(claim.text);
    for (const citation of claim.citations) citation.id = renamed(citation.id);
  }
  lastCopy.body = lastCopy.body.map(retag);
  if (lastCopy.dispute) lastCopy.dispute = retag(lastCopy.dispute);
  if (lastCopy.creator_note) lastCopy.creator_note = retag(lastCopy.creator_note);
  broken.steps[0].flows[0] = 'no-such-flow';
  broken.steps[1].claims[0].citations[0].source = 'no-such-source';
  broken.steps.push(lastCopy);
  const expected = [
    ['steps[0].flows[0]', 'no-such-flow'],
    ['steps[1].claims[0].citations[0].source', 'no-such-source'],
    [`steps[${n}].id`, lastCopy.id],
  ];
  await runFault({ kind: 'body', body: JSON.stringify(broken) }, /content\.json is not valid explainer content; 3 problem\(s\)/, {
    allowFailedRequests: false,
    check: ({ failure }) => {
      assert.equal(failure.problems.length, 3, `exactly three problems: ${JSON.stringify(failure.problems)}`);
      for (const [field, id] of expected) {
        const p = failure.problems.find((x) => x.code?.startsWith(`${field}:`));
        assert.ok(p, `a problem at ${field}: ${JSON.stringify(failure.problems)}`);
        assert.ok(p.code.includes(id), `the problem at ${field} names "${id}": ${p.code}`);
      }
    },
  });
});
