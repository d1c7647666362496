// Embedded on a phone: an auto-height iframe has no viewport of its own, so the
// frame asks a real Pym.js parent (pym.Parent from node_modules, on another
// origin) where the host's viewport is (parentPositionInfo) and, after Previous
// or Next, to scroll the new step's heading into it (scrollToChildPos). The host
// page is 375 px wide, a phone, and much taller than its viewport.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadContent, assertNoErrors, norm, TEST_TIMEOUT, S, C } from './support.mjs';
import { startHostServer, until, waitForFit, WAIT } from './hosts.mjs';

const content = loadContent();
const N = content.steps.length;
const HEADING = S.SHOWN_STEP_HEADING;
let app;
let host;

before(async () => {
  app = await launch();
  host = await startHostServer(`${app.baseUrl}/`);
});
after(async () => {
  await app?.close();
  await host?.close();
});

/** Where the frame's current step heading is in the host's viewport. */
async function headingInHost(page, iframe, frame) {
  const frameTop = await iframe.evaluate((el) => el.getBoundingClientRect().top);
  const inner = await frame.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, text: document.querySelector(sel).textContent };
  }, HEADING);
  const vh = await page.evaluate(() => innerHeight);
  const top = frameTop + inner.top;
  const bottom = frameTop + inner.bottom;
  return { ok: top >= 0 && bottom <= vh, top, bottom, vh, text: norm(inner.text), hostScroll: await page.evaluate(() => scrollY) };
}

/**
 * The reader has read to the foot of the step: the pager at the top of the host's
 * screen, the step's heading above it, out of view.
 */
async function readToTheFoot(page, frame) {
  const pagerAt = await frame.evaluate((pager) => document.querySelector(pager).getBoundingClientRect().top, S.PAGER_CLASS);
  await page.evaluate((y) => {
    const frameTop = document.querySelector('iframe').getBoundingClientRect().top + scrollY;
    scrollTo(0, frameTop + y - 8);
  }, pagerAt);
}

test('375 px Pym.js host page: after Next and Previous inside the frame, the host scrolls the step’s heading into its viewport', { timeout: TEST_TIMEOUT }, async () => {
  await app.withPage({
    viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce',
  }, async ({ page }) => {
    await page.goto(`${host.base}/pym-article.html`, { waitUntil: 'load' });
    const iframe = await page.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
    let frame;
    await until(page, async () => {
      frame = await iframe.contentFrame();
      return { ok: Boolean(frame?.url().startsWith(`${app.baseUrl}/`)), url: frame?.url() ?? null };
    }, 'the iframe loads the app');
    // Frames out of sight get no animation frames, so the app starts once the
    // reader scrolls to it.
    await iframe.scrollIntoViewIfNeeded();
    await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`, { state: 'attached', timeout: WAIT });
    await waitForFit(page, iframe, frame, 'on load');
    const hostHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(hostHeight > 4 * 667, `the host page is much taller than its viewport (${hostHeight}px)`);

    for (let i = 1; i < N; i++) {
      // The reader has read to the foot of the step: its Next button at the top of
      // the host's screen, the heading above it, out of view (the host scrolls; the
      // frame cannot).
      await readToTheFoot(page, frame);
      const before = await headingInHost(page, iframe, frame);
      await frame.locator(S.PAGER_NEXT_CLASS).tap();
      await frame.waitForFunction(([sel, title]) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() === title,
        [HEADING, norm(content.steps[i].title)], { timeout: WAIT });
      const after = await until(page, () => headingInHost(page, iframe, frame), `step ${i + 1}: the heading is in the host's viewport`);
      assert.ok(!before.ok, `step ${i + 1}: the heading was out of the host's view before Next: ${JSON.stringify(before)}`);
      assert.notEqual(after.hostScroll, before.hostScroll, `step ${i + 1}: the host scrolled`);
      // Through Pym's own message (a browser may also pass a frame's scrollIntoView
      // up to its host; Safari and cross-origin policies need not).
      assert.equal(await page.evaluate(() => window.scrollRequests.length), i, `step ${i + 1}: one scrollToChildPos per Next`);
    }
    // And back: Previous from the foot of the last step.
    await readToTheFoot(page, frame);
    await frame.locator(S.PAGER_PREVIOUS_CLASS).tap();
    await until(page, async () => {
      const at = await headingInHost(page, iframe, frame);
      return { ...at, ok: at.ok && at.text === norm(content.steps[N - 2].title) };
    }, 'after Previous, the previous step’s heading is in the host’s viewport');

    // A heading already in view: the host is not asked to move.
    await until(page, () => headingInHost(page, iframe, frame), 'the heading is in view');
    const still = await page.evaluate(() => scrollY);
    await frame.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    await frame.waitForFunction(([sel, title]) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() === title,
      [HEADING, norm(content.steps[N - 1].title)], { timeout: WAIT });
    const settled = await until(page, () => headingInHost(page, iframe, frame), 'the heading stays in view', { times: 3 });
    assert.equal(settled.hostScroll, still, 'the host did not scroll for a heading already in view');
    assert.equal(await page.evaluate(() => window.scrollRequests.length), N, 'no scroll request for a heading already in view');
    assertNoErrors(page);
  });
});
