// When content.json is broken, missing or unreachable the page says so, lists
// what is wrong, never goes blank, and recovers with "Try again".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadContent, waitForExplainer, norm, TIMEOUT, TEST_TIMEOUT } from './support.mjs';

const content = loadContent();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

/** Chromium logs failed requests as console errors; anything else is a bug. */
const RESOURCE_ERROR = /Failed to load resource|net::ERR_/;

async function openBroken(page, handler) {
  await page.route('**/content.json', handler);
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  await page.waitForSelector('#app-status .status--error [role="alert"]', { state: 'visible', timeout: TIMEOUT });
  return readFailure(page);
}

async function readFailure(page) {
  return page.evaluate(() => {
    const alert = document.querySelector('#app-status .status--error [role="alert"]');
    return {
      alert: alert?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      summary: document.querySelector('.status-summary')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      problems: [...document.querySelectorAll('#app-status .status--error ul.status-problems li')].map((li) => ({
        code: li.querySelector('code')?.textContent.trim() ?? null,
        text: li.textContent.replace(/\s+/g, ' ').trim(),
      })),
      bodyText: document.body.innerText.trim().length,
      live: document.querySelector('#app')?.hasAttribute('data-live') ?? false,
      prerendered: document.querySelector('#app #explainer-stage article.step:not([hidden]) h2')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      retry: [...document.querySelectorAll('#app-status .status--error button')].some((b) => /try again/i.test(b.textContent)),
    };
  });
}

function assertNotBlank(f) {
  assert.ok(f.bodyText > 50, `the page is not blank (${f.bodyText} characters of text)`);
  assert.equal(f.live, false, 'no half-built live explainer is shown');
  assert.equal(f.prerendered, norm(content.steps[0].title), 'the pre-rendered text stays readable');
  assert.ok(f.retry, 'a "Try again" button is offered');
}

function assertClean(page, { allowFailedRequests = false } = {}) {
  assert.deepEqual(page.errors.page, [], 'no uncaught page errors');
  const unexpected = page.errors.console.filter((m) => !(allowFailedRequests && RESOURCE_ERROR.test(m)));
  assert.deepEqual(unexpected, [], 'no console errors besides the failed request');
}

/** Takes the route away, clicks "Try again", and expects the explainer. */
async function retryRecovers(page) {
  await page.unroute('**/content.json');
  await page.getByRole('button', { name: /try again/i }).click();
  await waitForExplainer(page);
  assert.equal(await page.locator('[role="alert"]').count(), 0, 'the alert is gone');
  assert.equal(norm(await page.textContent('#explainer-stage article.step:not([hidden]) h2')), norm(content.steps[0].title));
}

test('invalid JSON: an alert names content.json', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const f = await openBroken(page, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{ not json' }),
  );
  assert.match(f.alert, /content\.json/, 'the alert mentions content.json');
  assert.ok(f.problems.length >= 1, 'the parse error is listed');
  assertNotBlank(f);
  assertClean(page);
  // A reload with the real file works.
  await page.unroute('**/content.json');
  await page.getByRole('button', { name: /try again/i }).click();
  await waitForExplainer(page);
  await page.close();
});

test('dangling references: each problem is listed with its field path', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const broken = structuredClone(content);
  assert.ok(broken.steps[0].flows.length > 0 && broken.steps[0].claims[0].citations.length > 0);
  broken.steps[0].flows[0] = 'nope';
  broken.steps[0].claims[0].citations[0].source = 'missing';
  const f = await openBroken(page, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
  );
  assert.match(f.alert, /content\.json/);
  const expected = [
    ['steps[0].flows[0]', 'nope'],
    ['steps[0].claims[0].citations[0].source', 'missing'],
  ];
  assert.equal(f.problems.length, expected.length, `exactly ${expected.length} problems: ${JSON.stringify(f.problems)}`);
  for (const [path, id] of expected) {
    const p = f.problems.find((x) => x.code?.startsWith(path + ':') || x.code?.startsWith(path + ' '));
    assert.ok(p, `a problem is listed at ${path}: ${JSON.stringify(f.problems)}`);
    assert.ok(p.code.includes(id), `the problem at ${path} names the bad id "${id}"`);
  }
  assert.match(f.summary, new RegExp(`\\b${expected.length}\\b`), 'the summary counts the problems');
  assertNotBlank(f);
  assertClean(page);
  await page.close();
});

test('a duplicated source id is reported at its path', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const broken = structuredClone(content);
  broken.sources[1].id = broken.sources[0].id;
  const f = await openBroken(page, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
  );
  assert.ok(
    f.problems.some((p) => p.code?.startsWith('sources[1].id') && p.code.includes(content.sources[0].id)),
    `sources[1].id is reported as a duplicate: ${JSON.stringify(f.problems.slice(0, 3))}`,
  );
  // Citations of the renamed source now dangle, and each is listed too.
  const lost = content.sources[1].id;
  const dangling = content.steps.flatMap((s, i) =>
    s.claims.flatMap((c, j) =>
      c.citations.flatMap((cit, k) => (cit.source === lost ? [`steps[${i}].claims[${j}].citations[${k}].source`] : [])),
    ),
  );
  for (const path of dangling) {
    assert.ok(f.problems.some((p) => p.code?.startsWith(path)), `${path} is reported`);
  }
  assertNotBlank(f);
  assertClean(page);
  await page.close();
});

test('network failure: an alert says so, and "Try again" recovers', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const f = await openBroken(page, (route) => route.abort('failed'));
  assert.match(f.alert, /content\.json/);
  assert.match(f.alert, /fetch|network|connection/i, 'the alert says the file could not be fetched');
  assertNotBlank(f);
  await retryRecovers(page);
  assertClean(page, { allowFailedRequests: true });
  await page.close();
});

for (const status of [404, 500]) {
  test(`HTTP ${status}: the alert gives the status, and "Try again" recovers`, { timeout: TEST_TIMEOUT }, async () => {
    const page = await app.newPage();
    const f = await openBroken(page, (route) =>
      route.fulfill({ status, contentType: 'text/plain', body: `status ${status}` }),
    );
    assert.match(f.alert, /content\.json/);
    assert.match(f.alert, new RegExp(`\\b${status}\\b`), `the alert mentions ${status}`);
    assertNotBlank(f);
    await retryRecovers(page);
    assertClean(page, { allowFailedRequests: true });
    await page.close();
  });
}

test('while content.json is on its way, the pre-rendered explainer is readable', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/content.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  const early = await page.evaluate(() => ({
    heading: document.querySelector('#app #explainer-stage article.step:not([hidden]) h2')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    live: document.querySelector('#app').hasAttribute('data-live'),
    sources: document.querySelectorAll('#app li.source').length,
    spinner: document.querySelectorAll('#app-status [role="status"]').length,
  }));
  assert.equal(early.live, false, 'the app has not taken over yet');
  assert.equal(early.heading, norm(content.steps[0].title), 'the first step is readable before the content arrives');
  assert.equal(early.sources, content.sources.length, 'so are the sources');
  assert.equal(early.spinner, 0, 'no loading spinner covers pre-rendered text');
  release();
  await waitForExplainer(page);
  assertClean(page);
  await page.close();
});
