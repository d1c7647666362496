// Everything comes from the page's own origin, and the page's Content Security
// Policy never has to refuse anything: across a full walk-through over http, and
// in the single-file edition opened from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, loadContent, assertNoErrors, waitForHeading, openEvidence, DIST, TIMEOUT, TEST_TIMEOUT, SINGLE_FILE, openContext, inContext, S, C } from './support.mjs';

const content = loadContent();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

/** Records every CSP violation, from before the page's first script runs. */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: `${e.sourceFile}:${e.lineNumber}`,
      sample: e.sample,
    });
  });
}

/** A fresh context (no service worker from other tests) that records all requests. */
async function openRecorded(url) {
  const { context, page } = await openContext(app.browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const requests = [];
  // Context-wide, so requests by the service worker count too.
  context.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(recordCspViolations);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
  return { context, page, requests };
}

/** Every step by Next, both perspectives, the full text, and a citation link. */
async function walkThrough(page) {
  await waitForHeading(page, content.steps[0].title);
  for (let i = 1; i < content.steps.length; i++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await waitForHeading(page, content.steps[i].title);
  }
  for (const perspective of ['creator', 'user']) {
    const button = `button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=${perspective}]`;
    await page.click(button);
    await page.waitForSelector(`${button}[aria-pressed="true"]`, { timeout: TIMEOUT });
  }
  await openEvidence(page);

  const link = page.locator(`${S.SHOWN_STEP} figcaption a[href^="#source-"]`).first();
  const href = await link.getAttribute('href');
  assert.ok(href, 'the current step has a citation link');
  await link.click();
  await page.waitForFunction((h) => location.hash === h, href, { timeout: TIMEOUT }).catch(() => {});
  assert.equal(await page.evaluate(() => location.hash), href, 'the citation link goes to its source entry');
  // Let anything the clicks started finish before counting.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('over http, a full walk-through requests only same-origin URLs and violates no CSP rule', { timeout: TEST_TIMEOUT }, async () => {
  await inContext(openRecorded(app.baseUrl + '/'), async ({ context, page, requests }) => {
    assert.ok(
      await page.evaluate(() => !!document.querySelector('meta[http-equiv="Content-Security-Policy" i]')),
      'the page has a CSP',
    );
    await walkThrough(page);
    // Wait for the service worker too, so its precache fetches are counted.
    await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]));

    const origin = new URL(app.baseUrl).origin;
    const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(requests.length > 0, 'requests were recorded');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assertNoErrors(page);
  });
});

test('from file://, the single-file edition violates no CSP rule and requests nothing else', { timeout: TEST_TIMEOUT }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'readable-csp-'));
  let context;
  try {
    const file = path.join(dir, SINGLE_FILE);
    await copyFile(path.join(DIST, SINGLE_FILE), file);
    const url = pathToFileURL(file).href;
    const opened = await openRecorded(url);
    context = opened.context;
    const { page, requests } = opened;
    assert.ok(
      await page.evaluate(() => !!document.querySelector('meta[http-equiv="Content-Security-Policy" i]')),
      'the single file has a CSP',
    );
    await walkThrough(page);

    const other = requests.filter((u) => u !== url && !u.startsWith('data:'));
    assert.deepEqual(other, [], 'requests other than the file itself');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assertNoErrors(page);
  } finally {
    await context?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
