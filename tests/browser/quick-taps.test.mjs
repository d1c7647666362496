// Next tapped again as soon as the new step shows: every tap lands.
//
// A finger (or a mouse button) rests on the screen for several frames between
// going down and coming up. If the page moved under it in that time, the press
// would start on Next and end on the text, and the browser would send the click
// elsewhere: the tap is lost. The app used to bring the new step's heading into
// view one frame after the change, so a press begun between the change and that
// frame (a driver's click, computed from the layout right after the change) came
// up on the text: WebKit under a virtual display, whose frames came about 100 ms
// apart, lost a Next that way in about one walk in ten.
//
// So: each tap here is a real touch from Chromium's input pipeline (CDP
// Input.dispatchTouchEvent) that goes down on Next, stays down for two animation
// frames and comes up where it went down; and after every step change, Next must
// be exactly where it was when the new step showed (recorded by a
// MutationObserver, which runs before the next frame). The second check is what
// makes the test fail every time, not by chance, when the app moves the page late.
//
// The same quick presses run in WebKit and Firefox in other-browsers.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadContent, openApp, expectStep, assertNoErrors, recordStepChanges, nextMovedAfterChange, STEP_HEADING, TEST_TIMEOUT, IN_PAGE, S } from './support.mjs';

const content = loadContent();
const N = content.steps.length;

let app;
before(async () => {
  app = await launch();
});
after(async () => app?.close());

/** Resolves after `n` animation frames of the page: a press that lasts as long as a real one. */
const frames = (page, n = 2) =>
  page.evaluate((n) => new Promise((resolve) => {
    const tick = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
    tick(n);
  }), n);

/**
 * Where Next is now, in viewport coordinates, after the reader has read on: on a
 * wide screen scrolled to Next at the foot of the step (`toTop`), on a phone read
 * 200 px further (Next stays at the bottom of the screen). Either leaves the
 * step's heading out of place, so the step change must scroll.
 */
const nextButton = (page, toTop) =>
  page.evaluate(([toTop, selector]) => {
    const next = document.querySelector(selector);
    if (toTop) next.scrollIntoView({ block: 'start' });
    else scrollBy(0, 200);
    const r = next.getBoundingClientRect();
    const x = Math.round(r.left + r.width / 2);
    const y = Math.round(r.top + r.height / 2);
    return { x, y, scrollY, onScreen: y > 0 && y < innerHeight, hit: document.elementFromPoint(x, y)?.closest(selector) === next };
  }, [toTop, S.PAGER_NEXT_CLASS]);

const SIZES = [
  { name: 'wide window with a touch screen (1280×600)', viewport: { width: 1280, height: 600 }, isMobile: false, toTop: true },
  { name: 'phone layout (375×667)', viewport: { width: 375, height: 667 }, isMobile: true, toTop: false },
];

for (const size of SIZES) {
  test(`${size.name}: Next tapped again as soon as each step shows lands every time`, { timeout: TEST_TIMEOUT }, async () => {
    await app.withPage({
      viewport: size.viewport,
      isMobile: size.isMobile,
      hasTouch: true,
      deviceScaleFactor: 2,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    }, async ({ context, page }) => {
      await openApp(page, app.baseUrl, '/');
      // A reader starts at the first step's heading (in the phone layout, Next then
      // sits at the bottom of the screen).
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), STEP_HEADING);
      await page.evaluate(recordStepChanges, IN_PAGE);
      const cdp = await context.newCDPSession(page);
      let scrolled = 0;
      for (let i = 1; i < N; i++) {
        const at = await nextButton(page, size.toTop);
        assert.ok(at.onScreen && at.hit, `Next is on screen and nothing covers it before tap ${i}: ${JSON.stringify(at)}`);
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }] });
        await frames(page);
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await expectStep(page, content, i);
        // Nothing moves once the new step shows: a tap begun then lands where it was aimed.
        await frames(page);
        assert.equal(await page.evaluate(nextMovedAfterChange, IN_PAGE), null, `after tap ${i}`);
        if ((await page.evaluate(() => scrollY)) !== at.scrollY) scrolled++;
      }
      // The race needs a step change that scrolls the page: most of them here do.
      assert.ok(scrolled >= (N - 1) / 2, `the page scrolled on ${scrolled} of ${N - 1} step changes`);
      assertNoErrors(page);
    });
  });
}
