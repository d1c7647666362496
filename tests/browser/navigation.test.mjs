// Moving between steps: Next/Previous, arrow keys, keyboard only, the step list.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, expectHeadingFocused, assertNoErrors, settle, TEST_TIMEOUT, S
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
let app;

before(async () => {
  assert.ok(N >= 3, 'the walk-through needs at least three steps to test navigation');
  app = await launch();
});
after(async () => app?.close());

async function done(page) {
  assertNoErrors(page);
  await page.close();
}

test('Next walks every step in order, Previous walks back to the first', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  await expectStep(page, content, 0, { hash: false });
  assert.equal(await page.getAttribute(S.PAGER_PREVIOUS_CLASS, 'aria-disabled'), 'true', 'Previous is disabled on step 1');
  assert.equal(await page.getAttribute(S.PAGER_NEXT_CLASS, 'aria-disabled'), 'false', 'Next is enabled on step 1');
  for (let i = 1; i < N; i++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i);
  }
  assert.equal(await page.getAttribute(S.PAGER_NEXT_CLASS, 'aria-disabled'), 'true', 'Next is disabled on the last step');
  assert.equal(await page.getAttribute(S.PAGER_PREVIOUS_CLASS, 'aria-disabled'), 'false');
  for (let i = N - 2; i >= 0; i--) {
    await page.click(S.PAGER_PREVIOUS_CLASS);
    await expectStep(page, content, i);
  }
  assert.equal(await page.getAttribute(S.PAGER_PREVIOUS_CLASS, 'aria-disabled'), 'true');
  // Previous on the first step stays there. (Playwright treats aria-disabled
  // buttons as disabled, so the click is forced: a reader can still click it.)
  await page.click(S.PAGER_PREVIOUS_CLASS, { force: true });
  await settle(page);
  await expectStep(page, content, 0);
  await done(page);
});

test('ArrowRight reaches the last step and ArrowLeft comes back', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  await page.evaluate(() => document.activeElement?.blur());
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is on body');
  for (let i = 1; i < N; i++) {
    await page.keyboard.press('ArrowRight');
    await expectStep(page, content, i);
  }
  // Past the end nothing happens.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  await expectStep(page, content, N - 1);
  for (let i = N - 2; i >= 0; i--) {
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, content, i);
  }
  // Arrow keys with a modifier belong to the browser, not the explainer.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await settle(page);
  await expectStep(page, content, 0);
  await done(page);
});

test('keyboard only: Enter on Next lands on the new step\'s heading, and Tab from there reaches Next again, through every step', { timeout: TEST_TIMEOUT }, async (t) => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  const tabToNext = async (limit) => {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((next) => document.activeElement?.matches(next) ?? false, S.PAGER_NEXT_CLASS)) return presses;
    }
    return null;
  };
  assert.ok(await tabToNext(150), 'Tab reaches the Next button');
  const tabs = [];
  for (let i = 1; i < N; i++) {
    await page.keyboard.press('Enter');
    await expectStep(page, content, i);
    await expectHeadingFocused(page);
    const presses = await tabToNext(40);
    assert.ok(presses, `from step ${i + 1}'s heading, Tab reaches Next (its markers and the evidence button come first)`);
    tabs.push(presses);
  }
  t.diagnostic(`Tab presses from each step's heading to Next: ${tabs.join(', ')}`);
  // Next at the last step does nothing and keeps focus.
  await page.keyboard.press('Enter');
  await settle(page);
  await expectStep(page, content, N - 1);
  assert.equal(await page.evaluate((next) => document.activeElement?.matches(next) ?? false, S.PAGER_NEXT_CLASS), true);
  await done(page);
});

test('Next at the last step does nothing', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const last = content.steps[N - 1];
  await openApp(page, app.baseUrl, `/#step-${last.id}`);
  await expectStep(page, content, N - 1);
  assert.equal(await page.getAttribute(S.PAGER_NEXT_CLASS, 'aria-disabled'), 'true');
  const historyBefore = await page.evaluate(() => history.length);
  await page.click(S.PAGER_NEXT_CLASS, { force: true }); // aria-disabled: forced real click
  await page.focus(S.PAGER_NEXT_CLASS); // still focusable although disabled
  assert.equal(await page.evaluate((next) => document.activeElement?.matches(next) ?? false, S.PAGER_NEXT_CLASS), true,
    'Next stays focusable at the end');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await settle(page);
  await expectStep(page, content, N - 1);
  assert.equal(await page.getAttribute(S.PAGER_NEXT_CLASS, 'aria-disabled'), 'true');
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry was added');
  await done(page);
});

test('the step list opens any step and focuses its heading', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  const links = await page.$$eval(`nav${S.STEP_LIST_CLASS} li a`, (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, content.steps.map((s) => `#step-${s.id}`), 'one link per step, in order');
  // Visit every step out of order (last first), so each click is a real move.
  const order = content.steps.map((_, i) => i).reverse();
  for (const i of order) {
    const { id } = content.steps[i];
    await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${id}"]`);
    await expectStep(page, content, i);
    await expectHeadingFocused(page);
    assert.equal(
      await page.$eval(`nav${S.STEP_LIST_CLASS} li${S.CURRENT_CLASS} a`, (a) => a.getAttribute('href')),
      `#step-${id}`,
      'the current step list item has class is-current',
    );
  }
  await done(page);
});
