// The same build served under a sub-path, as news sites publish graphics:
// /graphics/explainer/ maps to dist/, and everything else (the site root
// included) is a 404, so any asset or content URL that is not relative shows up
// as a failed request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, loadContent, expectStep, assertNoErrors, DIST, TEST_TIMEOUT, S, C, IN_PAGE } from './support.mjs';

const PREFIX = '/graphics/explainer/';
const WAIT = 15_000;
const content = loadContent();
const N = content.steps.length;

let app; // only its browser is used
let site;

before(async () => {
  app = await launch();
  // The tests' one static server, answering under the sub-path only.
  site = await startServer(DIST, { prefix: PREFIX });
});
after(async () => {
  await app?.close();
  await site?.close();
});

/** Opens `url`, records every failed request, walks all steps with Next. */
async function walk(url) {
  const page = await app.newPage();
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} (HTTP ${r.status()})`);
  });
  // The root really is missing: a request that escaped the prefix would fail.
  assert.equal((await fetch(`${site.baseUrl}/index.html`)).status, 404, 'the site root is not the app');

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(S.SHOWN_STEP_HEADING, { state: 'visible', timeout: WAIT });
  await expectStep(page, content, 0, { hash: false, timeout: WAIT });
  for (let i = 1; i < N; i++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i, { timeout: WAIT });
  }
  assert.deepEqual(failed, [], 'no failed requests');
  assertNoErrors(page);
  return page;
}

test('the full page works under /graphics/explainer/', { timeout: TEST_TIMEOUT }, async () => {
  const page = await walk(`${site.baseUrl}${PREFIX}`);
  // Its embed snippet points at the sub-path too.
  const snippet = await page.inputValue(`div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`);
  assert.ok(snippet.includes(`src="${site.baseUrl}${PREFIX}?embed"`), `iframe snippet src is under the sub-path:\n${snippet}`);
  await page.close();
});

test('the embed works under /graphics/explainer/index.html?embed', { timeout: TEST_TIMEOUT }, async () => {
  const page = await walk(`${site.baseUrl}${PREFIX}index.html?embed`);
  assert.ok(await page.evaluate(({ C }) => document.documentElement.classList.contains(C.EMBED_CLASS), IN_PAGE), 'compact mode');
  await page.close();
});
