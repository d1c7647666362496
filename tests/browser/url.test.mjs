// The URL is the view: #step-<id> per step, history for back/forward,
// ?view=creator for the perspective, and any bad hash opens the first step.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, assertNoErrors, settle, TEST_TIMEOUT, waitForExplainer, S, C
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const index = (id) => {
  const i = content.steps.findIndex((s) => s.id === id);
  assert.ok(i >= 0, `content.json has a step "${id}"`);
  return i;
};
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function done(page) {
  assertNoErrors(page);
  await page.close();
}

test('#step-backups opens that step, and a reload keeps it', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const i = index('backups');
  await openApp(page, app.baseUrl, '/#step-backups');
  await expectStep(page, content, i);
  await page.reload({ waitUntil: 'load' });
  await waitForExplainer(page);
  await expectStep(page, content, i);
  await done(page);
});

test('back and forward move between the steps visited', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const start = index('backups');
  assert.ok(start + 3 < N, 'three steps follow "backups"');
  await openApp(page, app.baseUrl, '/#step-backups');
  await expectStep(page, content, start);
  for (let k = 1; k <= 3; k++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, start + k);
  }
  await page.goBack();
  await expectStep(page, content, start + 2);
  await page.goBack();
  await expectStep(page, content, start + 1);
  await page.goForward();
  await expectStep(page, content, start + 2);
  await page.goForward();
  await expectStep(page, content, start + 3);
  // And back to where the page was opened.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expectStep(page, content, start);
  await done(page);
});

const badHashes = [
  ['an unknown step', '#step-nope'],
  ['a malformed percent-encoding', '#step-%E0%A4%A'],
  ['a hash that is only percent signs', '#%%%'],
  ['a 5,000-character hash', '#step-' + 'x'.repeat(5000 - '#step-'.length)],
];

for (const [name, hash] of badHashes) {
  test(`${name} opens the first step without an error`, { timeout: TEST_TIMEOUT }, async () => {
    const page = await app.newPage();
    assert.ok(hash.length <= 5000);
    await openApp(page, app.baseUrl, '/' + hash);
    await expectStep(page, content, 0, { hash: false });
    await settle(page);
    assert.equal(await page.locator('[role="alert"]').count(), 0, 'no error alert');
    assert.equal(await page.locator('main.status--error').count(), 0, 'no load-failure page');
    // The explainer keeps working from there.
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, 1);
    await done(page);
  });
}

test('?view=creator#step-exceptions opens that step in creator view', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const i = index('exceptions');
  await openApp(page, app.baseUrl, '/?view=creator#step-exceptions');
  await expectStep(page, content, i);
  assert.equal(await page.getAttribute(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`, 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute(`button[${C.PERSPECTIVE_ATTRIBUTE}="user"]`, 'aria-pressed'), 'false');
  // Moving keeps the perspective in the URL.
  await page.click(S.PAGER_NEXT_CLASS);
  await expectStep(page, content, i + 1);
  assert.equal(new URL(page.url()).searchParams.get('view'), 'creator');
  assert.equal(await page.getAttribute(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`, 'aria-pressed'), 'true');
  await done(page);
});
