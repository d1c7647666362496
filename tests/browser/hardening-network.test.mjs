// Hardening: the freshness check (src/freshness.rs) under real network faults.
//
// The page is pre-rendered and carries the content version it was built from
// (<meta name="explainer-content-version">). Its one request of its own, after
// start-up, is version.json next to the page; when the deployed version there
// differs, the pre-rendered #update-notice is shown, and its button reloads.
// Pages outlive deployments (the service worker's cache, cached embeds), so this
// question is asked of servers, CDNs and captive portals that may answer anything.
//
// The static server of the build (support.mjs launch(), served under a
// sub-folder as news sites publish graphics) has a request hook here: it
// answers version.json however the test says (the real file, a newer version,
// 404/500, a hang, a trickle, a dropped connection, cut JSON, a web page, an
// oversized or malformed answer); the build's files answer everything else. It
// records every request for version.json, so no test can pass because nothing
// was asked.
//
// What is checked:
// - same version: no notice; newer version: the notice appears, its button
//   reloads the page, and the reloaded page (server now current) has none;
// - every fault: no notice, the page is live and Next works, no page error and
//   no console message at all (only Chromium's own failed-request lines are
//   allowed where a request really fails); the answers are hostile where they
//   can be (a 404 whose body is a newer version file, a slow or cut body that
//   would carry a newer version), so the fault, not luck, is what is ignored;
// - the boundaries the app draws (1024 bytes, 64 hex digits) from both sides;
// - a page controlled by the service worker still asks the server.
//
// "Nothing happens" is asserted only after a definite event: the page saw the
// request finish or fail (requestfinished / requestfailed; for 404/500, whose
// unread body Chromium never reports finished, the response's status), or the
// server saw the client abort; then two animation frames; and again after Next
// has been used. The newer-version test asserts the notice right after the same
// wait, so that wait is proven long enough.
//
// Each test runs in a fresh browser context, so no service worker or cache from
// an earlier test can answer for the server. Service workers are blocked (the
// app's registration is refused; Playwright's one warning about that is the
// only console line allowed) except in the test that is about the worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launch,
  loadContent,
    waitForExplainer,
  expectStep,
  stepState,
  settle,
  readNotice,
  DIST,
  TIMEOUT,
  openContext,
  inContext, S, C
} from './support.mjs';

const content = loadContent();
/** The page and its assets live here; version.json must be asked for next to the page. */
const PREFIX = '/graphics/explainer/';
const VERSION_PATH = PREFIX + 'version.json';
/** The real deployed version file, as the build wrote it. */
const DEPLOYED_TEXT = readFileSync(path.join(DIST, 'version.json'));
const DEPLOYED_VERSION = JSON.parse(DEPLOYED_TEXT).version;
/** The version the pre-rendered page says it was built from. */
const PAGE_VERSION = readFileSync(path.join(DIST, 'index.html'), 'utf8').match(
  /<meta name="explainer-content-version" content="([^"]*)">/,
)?.[1];
/** A valid version that differs from the page's. */
const NEWER = PAGE_VERSION === '0123abcd' ? '0123abce' : '0123abcd';
const NEWER_TEXT = JSON.stringify({ version: NEWER });
/** The app drops the question after this long. */
const APP_TIMEOUT_MS = 10_000;
/** Longer than any wait for the app's own timeout to show. */
const SLOW_WAIT = APP_TIMEOUT_MS + 8_000;
/** Failures that Chromium itself logs as console errors for a failed request. */
const RESOURCE_ERROR = /Failed to load resource|net::ERR_/;
/** Playwright's own line where a context blocks service workers (the app's registration is refused, by design). */
const SW_BLOCKED = 'warning: Service Worker registration blocked by Playwright';
const NOTICE_TITLE = 'This explainer has been updated since you opened it.';

let app; // support.mjs: browser plus a static server over the build, under PREFIX
let faults; // the fault-injecting request hook of its server

before(async () => {
  // The hook reads `faults` per request (set here once the module's answers exist).
  app = await launch({ serve: { prefix: PREFIX, onRequest: (...request) => faults.onRequest(...request) } });
  faults = faultInjector();
  faults.baseUrl = app.baseUrl;
});
after(async () => {
  await faults?.close();
  await app?.close();
});

// ---------------------------------------------------------------------------
// The faults: support.mjs's server answers version.json per `faults.answer`
// (its request hook) and serves everything else from the build.

const JSON_TYPE = 'application/json; charset=utf-8';

function faultInjector() {
  const state = { answer: healthy, hits: [], stray: [], waiters: [], open: new Set() };
  const onRequest = (req, res, { pathname }) => {
    if (pathname === VERSION_PATH) {
      const hit = { at: Date.now(), method: req.method, headers: req.headers, sent: 0 };
      // `close` comes when the answer is complete or when the client gave up;
      // `complete` tells which.
      hit.closed = new Promise((resolve) =>
        res.on('close', () => {
          hit.closedAt = Date.now();
          hit.complete = res.writableFinished;
          resolve(hit);
        }),
      );
      state.hits.push(hit);
      state.open.add(res);
      res.on('close', () => state.open.delete(res));
      for (const wake of state.waiters.splice(0)) wake(hit);
      state.answer(res, hit);
      return true;
    }
    // A version.json asked for anywhere else would mean the URL is not relative to the page.
    if (pathname.endsWith('version.json')) state.stray.push(pathname);
    return false; // the static files answer
  };
  return {
    state,
    onRequest,
    /** The server's address (set once it listens). */
    baseUrl: null,
    set answer(answer) {
      state.answer = answer;
    },
    /** The next request for version.json to reach the server. */
    nextHit(timeout = TIMEOUT) {
      let timer;
      const hit = new Promise((resolve, reject) => {
        state.waiters.push(resolve);
        timer = setTimeout(() => reject(new Error(`version.json was not asked for within ${timeout} ms`)), timeout);
      }).finally(() => clearTimeout(timer));
      hit.catch(() => {}); // awaited later; never an unhandled rejection meanwhile
      return hit;
    },
    /** Ends the answers still open (hangs, trickles); the server closes with the app. */
    close: async () => {
      for (const res of state.open) res.destroy();
    },
  };
}

/** A complete answer. */
function send(status, body, type = JSON_TYPE) {
  return (res) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  };
}

/** The real dist/version.json. */
const healthy = send(200, DEPLOYED_TEXT);
const newer = send(200, NEWER_TEXT);
/** JSON of exactly `bytes` ASCII bytes whose version is NEWER (padded with a second field). */
function newerOfSize(bytes) {
  const bare = JSON.stringify({ version: NEWER, padding: '' });
  assert.ok(bytes >= bare.length);
  const text = JSON.stringify({ version: NEWER, padding: 'x'.repeat(bytes - bare.length) });
  assert.equal(Buffer.byteLength(text), bytes);
  return text;
}

// ---------------------------------------------------------------------------
// Helpers

/** A fresh context and page, recording page errors and every console message. */
async function freshPage({ serviceWorkers = 'block' } = {}) {
  const { context, page } = await openContext(app.browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', serviceWorkers });
  page.messages = [];
  page.on('console', (msg) => page.messages.push(`${msg.type()}: ${msg.text()}`));
  return { context, page };
}

const isVersionRequest = (request) => new URL(request.url()).pathname === VERSION_PATH;

/**
 * The page's own view of the next version.json request: it finished (the whole
 * body arrived) or failed (aborted, dropped); with `status`, the response's
 * status line is enough (an error status is all the app reads: Chromium does
 * not report the unread body of an ignored 404 as finished). Registered before
 * the request.
 */
function pageOutcome(page, { timeout = TIMEOUT, status = false } = {}) {
  let timer;
  const outcome = new Promise((resolve, reject) => {
    const finished = (request) => isVersionRequest(request) && done({ kind: 'finished', request });
    const failed = (request) => isVersionRequest(request) && done({ kind: 'failed', request, failure: request.failure()?.errorText });
    const responded = (response) => isVersionRequest(response.request()) && done({ kind: `status ${response.status()}`, request: response.request() });
    const done = (result) => {
      page.off('requestfinished', finished);
      page.off('requestfailed', failed);
      page.off('response', responded);
      resolve(result);
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', failed);
    if (status) page.on('response', responded);
    timer = setTimeout(() => reject(new Error(`the page saw version.json neither finish nor fail within ${timeout} ms`)), timeout);
  }).finally(() => clearTimeout(timer));
  outcome.catch(() => {});
  return outcome;
}

function assertNoNotice(n, why) {
  assert.ok(n.exists, `${S.UPDATE_NOTICE_ID} is in the page`);
  assert.equal(n.hidden, true, `${S.UPDATE_NOTICE_ID} keeps its hidden attribute (${why})`);
  assert.equal(n.visible, false, `${S.UPDATE_NOTICE_ID} is not shown (${why})`);
  assert.equal(n.statusVisible, 0, `nothing else shows in ${S.STATUS_ID}`);
}

/** The live explainer works: Next moves from the step shown to the one after it. */
async function worksLive(page) {
  await waitForExplainer(page);
  const shown = (await stepState(page)).step;
  const i = content.steps.findIndex((s) => s.id === shown);
  assert.ok(i >= 0 && i + 1 < content.steps.length, `a step with a next one is shown (${shown})`);
  await expectStep(page, content, i, { hash: i > 0 });
  await page.click(S.PAGER_NEXT_CLASS);
  await expectStep(page, content, i + 1);
}

/** No page errors and no console messages; Chromium's failed-request lines only when allowed. */
function assertQuiet(page, { allowFailedRequests = false } = {}) {
  assert.deepEqual(page.errors.page, [], 'no uncaught page errors');
  const unexpected = page.messages.filter(
    (m) => m !== SW_BLOCKED && !(allowFailedRequests && /^error: /.test(m) && RESOURCE_ERROR.test(m)),
  );
  assert.deepEqual(unexpected, [], allowFailedRequests ? 'no console messages besides Chromium’s failed-request line' : 'no console messages at all');
}

function assertAskedOnce(hit) {
  assert.equal(faults.state.hits.length, 1, 'version.json was asked for exactly once');
  assert.equal(hit.method, 'GET');
  assert.deepEqual(faults.state.stray, [], 'version.json is asked for next to the page only');
}

/**
 * Opens the page with version.json answered by `answer` and waits, on events,
 * until the app has had its answer: the server saw the request, the page saw it
 * finish or fail, and two frames have passed.
 */
async function openAndJudge(answer, { serviceWorkers, outcomeWithin = TIMEOUT, status = false, whileOpen } = {}) {
  faults.answer = answer;
  faults.state.hits.length = 0;
  faults.state.stray.length = 0;
  const { context, page } = await freshPage({ serviceWorkers });
  try {
    const hitSeen = faults.nextHit();
    const outcomeSeen = pageOutcome(page, { timeout: outcomeWithin, status });
    await page.goto(faults.baseUrl + PREFIX, { waitUntil: 'load' });
    await waitForExplainer(page);
    const hit = await hitSeen;
    await whileOpen?.({ page, hit });
    const outcome = await outcomeSeen;
    await settle(page);
    return { context, page, hit, outcome, notice: await readNotice(page) };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The fault changes nothing: no notice, live and working, silent. */
async function expectIgnored(answer, { allowFailedRequests = false, outcome: kind = 'finished', check, ...open } = {}) {
  await inContext(openAndJudge(answer, open), async ({ context, page, hit, outcome, notice }) => {
    assert.equal(outcome.kind, kind, `the page saw version.json ${kind} (${outcome.failure ?? 'no failure'})`);
    assertNoNotice(notice, 'a fault is not an update');
    await check?.({ page, hit, outcome });
    await worksLive(page);
    assertNoNotice(await readNotice(page), 'still, after using the page');
    assertAskedOnce(hit);
    assertQuiet(page, { allowFailedRequests });
  });
}

const T = { timeout: 60_000 };
const SLOW = { timeout: 90_000 };

// ---------------------------------------------------------------------------
// The answers that count

test('premise: dist/version.json holds the page’s own version', () => {
  assert.match(PAGE_VERSION ?? '', /^[0-9a-f]{1,64}$/, 'the page carries a hex content version');
  assert.equal(DEPLOYED_VERSION, PAGE_VERSION, 'dist/version.json matches the page’s meta');
  assert.notEqual(NEWER, PAGE_VERSION);
});

test('same version (the real dist/version.json): no notice, page live, Next works, silent', T, async () => {
  await inContext(openAndJudge(healthy), async ({ context, page, hit, outcome, notice }) => {
    assert.equal(outcome.kind, 'finished');
    assert.equal((await outcome.request.response())?.status(), 200);
    assert.equal(hit.complete, true, 'the server sent the whole file');
    assert.match(hit.headers['cache-control'] ?? '', /no-cache/, 'asked past every cache (cache: no-store)');
    assertNoNotice(notice, 'the page is current');
    await worksLive(page);
    assertAskedOnce(hit);
    assertQuiet(page);
  });
});

test('same version with other fields and spacing: still no notice', T, async () => {
  await expectIgnored(send(200, `\n  { "note": "deployed", "version" : "${PAGE_VERSION}" }\n`));
});

test('newer version: the notice appears, names the update, and its button reloads to a current page', T, async () => {
  await inContext(openAndJudge(newer), async ({ context, page, hit, notice }) => {
    // Asserted right after the same wait that the fault tests use before saying
    // "nothing happened": that wait is long enough for the app to act.
    assert.equal(notice.hidden, false, 'the hidden attribute is removed');
    assert.equal(notice.visible, true, 'the notice is shown');
    assertAskedOnce(hit);
    assert.equal(await page.locator(`${S.STATUS_ID} ${S.UPDATE_NOTICE_ID}[role="status"]`).count(), 1, `announced as a status, inside ${S.STATUS_ID}`);
    assert.ok(notice.text.includes(NOTICE_TITLE), `the notice names the update: "${notice.text}"`);
    const reload = page.locator(S.UPDATE_NOTICE_ID).getByRole('button', { name: 'Reload to read the current version' });
    assert.equal(await reload.count(), 1, 'a reload button');
    const changed = page.locator(S.UPDATE_NOTICE_ID).getByRole('link', { name: 'What changed' });
    assert.equal(await changed.getAttribute('href'), '#corrections');
    assert.equal(await page.locator('#corrections').count(), 1, '"What changed" leads somewhere');
    assertQuiet(page);

    // The server now has caught up (the page it serves is the current one).
    faults.answer = healthy;
    await page.evaluate(() => {
      window.__beforeReload = true;
    });
    const again = faults.nextHit();
    const againSeen = pageOutcome(page);
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    assert.equal(await page.evaluate(() => window.__beforeReload ?? false), false, 'a new document was loaded');
    await waitForExplainer(page);
    await again;
    assert.equal((await againSeen).kind, 'finished');
    await settle(page);
    assertNoNotice(await readNotice(page), 'the reloaded page is current');
    assert.equal(faults.state.hits.length, 2, 'the reloaded page asked again');
    await worksLive(page);
    assertQuiet(page);
  });
});

test('a page controlled by the service worker still asks the server, never its cache', SLOW, async () => {
  faults.answer = healthy;
  faults.state.hits.length = 0;
  await inContext(freshPage({ serviceWorkers: 'allow' }), async ({ context, page }) => {
    const first = faults.nextHit();
    await page.goto(faults.baseUrl + PREFIX, { waitUntil: 'load' });
    await waitForExplainer(page);
    await first;
    // The worker installs, precaches and claims the page.
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: TIMEOUT });
    faults.answer = newer;
    const second = faults.nextHit();
    const response = page.waitForResponse((r) => isVersionRequest(r.request()));
    await page.reload({ waitUntil: 'load' });
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the reloaded page is controlled by the worker');
    await waitForExplainer(page);
    await second;
    assert.equal((await response).fromServiceWorker(), false, 'the answer did not come from the worker');
    await page.waitForFunction((id) => !document.getElementById(id)?.hasAttribute('hidden'), C.UPDATE_NOTICE_ID, { timeout: TIMEOUT }).catch(() => {});
    assert.equal((await readNotice(page)).visible, true, 'the newer version reached the page through the worker');
    assert.equal(
      await page.evaluate(async () => !!(await caches.match('version.json', { ignoreSearch: true }))),
      false,
      'version.json is not in the worker’s cache',
    );
    assertQuiet(page);
  });
});

// ---------------------------------------------------------------------------
// Faults: each one changes nothing

test('404 whose body is a newer version file: ignored', T, async () => {
  await expectIgnored(send(404, NEWER_TEXT), { status: true, outcome: 'status 404', allowFailedRequests: true });
});

test('500 whose body is a newer version file: ignored', T, async () => {
  await expectIgnored(send(500, NEWER_TEXT), { status: true, outcome: 'status 500', allowFailedRequests: true });
});

test('a request that never answers: the page works meanwhile, the app aborts it at 10 s, no notice', SLOW, async () => {
  await expectIgnored(() => {}, {
    outcome: 'failed',
    allowFailedRequests: true,
    outcomeWithin: SLOW_WAIT,
    whileOpen: async ({ page, hit }) => {
      // While the request hangs the page is already live and usable.
      await worksLive(page);
      assert.equal(hit.closedAt, undefined, 'the request was still hanging while the page was used');
    },
    check: async ({ hit }) => {
      await hit.closed;
      const after = hit.closedAt - hit.at;
      console.log(`# hung request: the page gave up after ${after} ms`);
      assert.equal(hit.complete, false, 'the page closed the request, not the server');
      assert.ok(after >= APP_TIMEOUT_MS - 1_000 && after <= APP_TIMEOUT_MS + 5_000, `aborted at the 10 s timeout (${after} ms)`);
    },
  });
});

test('a newer version trickling in over ~20 s: aborted at 10 s, mid-body, no notice', SLOW, async () => {
  // Under 1024 bytes and valid: had the app waited it out, it would show the notice.
  const body = Buffer.from(newerOfSize(1000));
  const trickle = (res, hit) => {
    res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    const chunks = 100;
    const size = Math.ceil(body.length / chunks);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || res.writableEnded) return clearInterval(timer);
      res.write(body.subarray(i * size, (i + 1) * size));
      hit.sent = Math.min(body.length, (i + 1) * size);
      if (++i >= chunks) {
        clearInterval(timer);
        res.end();
      }
    }, 200);
    res.on('close', () => clearInterval(timer));
  };
  await expectIgnored(trickle, {
    outcome: 'failed',
    allowFailedRequests: true,
    outcomeWithin: SLOW_WAIT,
    check: async ({ hit }) => {
      await hit.closed;
      const after = hit.closedAt - hit.at;
      console.log(`# trickle: the page gave up after ${after} ms, ${hit.sent} of ${body.length} bytes sent`);
      assert.equal(hit.complete, false, 'the body was never completed');
      assert.ok(hit.sent > 0 && hit.sent < body.length, 'bytes were arriving (a slow body, not a hang)');
      assert.ok(after >= APP_TIMEOUT_MS - 1_000 && after <= APP_TIMEOUT_MS + 5_000, `aborted at the 10 s timeout (${after} ms)`);
    },
  });
});

test('a connection dropped mid-body (the part received is a valid newer version): ignored', T, async () => {
  const body = Buffer.from(NEWER_TEXT + ' '.repeat(400));
  await expectIgnored(
    (res, hit) => {
      // Promise the whole body, send a prefix that is complete JSON, drop the connection.
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      hit.sent = NEWER_TEXT.length + 10;
      res.write(body.subarray(0, hit.sent), () => setTimeout(() => res.socket?.destroy(), 50));
    },
    {
      outcome: 'failed',
      allowFailedRequests: true,
      check: ({ hit }) => assert.equal(hit.complete, false, 'the body was cut off'),
    },
  );
});

test('a complete answer whose JSON stops half-way: ignored', T, async () => {
  await expectIgnored(send(200, NEWER_TEXT.slice(0, NEWER_TEXT.length - 4)));
});

test('an HTML error page with status 200: ignored', T, async () => {
  await expectIgnored(
    send(
      200,
      `<!doctype html><html><head><title>Page not found</title></head><body><h1>Sorry, that page is gone</h1><p>${NEWER_TEXT}</p><p>Try our <a href="/">home page</a>.</p></body></html>`,
      'text/html; charset=utf-8',
    ),
  );
});

test('a 1025-byte answer carrying a newer version: ignored (over the 1024-byte limit)', T, async () => {
  await expectIgnored(send(200, newerOfSize(1025)));
});

/** The notice is shown for `answer`, which was asked for once, with nothing else said. */
async function expectShown(answer, message) {
  await inContext(openAndJudge(answer), async ({ context, page, hit, notice }) => {
    assertAskedOnce(hit);
    assert.equal(notice.visible, true, message);
    assertQuiet(page);
  });
}

test('a 1024-byte answer carrying a newer version: shown (the limit is inclusive)', T, async () => {
  await expectShown(send(200, newerOfSize(1024)), 'the notice is shown for an answer at the limit');
});

test('a 64-hex-digit newer version: shown (the longest valid version)', T, async () => {
  const long = 'a'.repeat(64) === PAGE_VERSION ? 'b'.repeat(64) : 'a'.repeat(64);
  await expectShown(send(200, JSON.stringify({ version: long })), 'the notice is shown');
});

// JSON that parses but is not a version file. Each would be "different" from
// the page's version if the app took it at face value.
const NOT_A_VERSION_FILE = [
  ['an array', JSON.stringify([NEWER])],
  ['an array of version objects', JSON.stringify([{ version: NEWER }])],
  ['a string', JSON.stringify(NEWER)],
  ['a number', '12345678'],
  ['null', 'null'],
  ['true', 'true'],
  ['an object without "version"', JSON.stringify({ Version: NEWER, v: NEWER })],
  ['"version" a number', '{"version":12345678}'],
  ['"version" an array', JSON.stringify({ version: [NEWER] })],
  ['"version" an object', JSON.stringify({ version: { version: NEWER } })],
  ['"version" null', '{"version":null}'],
  ['"version" not hex', '{"version":"0123abcz"}'],
  ['"version" with spaces', JSON.stringify({ version: ` ${NEWER} ` })],
  ['"version" markup', JSON.stringify({ version: '<img src=x onerror=alert(1)>' })],
  ['"version" empty', '{"version":""}'],
  ['"version" 65 hex digits', JSON.stringify({ version: 'a'.repeat(65) })],
  ['"version" 1000 hex digits (still under 1024 bytes)', JSON.stringify({ version: 'b'.repeat(1000) })],
];

for (const [what, body] of NOT_A_VERSION_FILE) {
  test(`JSON that is not a version file (${what}): ignored`, T, async () => {
    assert.ok(Buffer.byteLength(body) <= 1024, 'under the size limit, so the shape is what is judged');
    await expectIgnored(send(200, body));
  });
}
