// Readable before the app starts: the wasm is the page's largest download and
// may be slow. While it is on its way the pre-rendered explainer is already the
// whole page: step 1 on the stage, every step in the full text, every source,
// no loading spinner and nothing hidden waiting for the app. Once the wasm
// arrives the app takes over the same page, silently.
//
// (This replaces content_errors.test.mjs: the app no longer fetches
// content.json, and invalid content now fails the build, tests/postbuild.rs.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadContent, assertNoErrors, waitForExplainer, expectStep, norm, TEST_TIMEOUT, S, C, IN_PAGE } from './support.mjs';

const content = loadContent();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

test('while the wasm is on its way, the pre-rendered explainer is readable', { timeout: TEST_TIMEOUT }, async () => {
  await app.withPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' }, async ({ page }) => {
    // Hold the wasm until the page has been read.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    let asked;
    const wasmAsked = new Promise((resolve) => {
      asked = resolve;
    });
    await page.route('**/*_bg.wasm', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
    // The bootstrap asks for the wasm after the load event: once it has, the
    // app is as far as it can get without it.
    await wasmAsked;

    const early = await page.evaluate(({ S, C }) => {
      const text = (el) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const app = document.querySelector(S.ROOT_ID);
      const stage = document.querySelector(`${S.ROOT_ID} ${S.SHOWN_STEP}`);
      return {
        live: app.hasAttribute(C.LIVE_ATTRIBUTE),
        busy: app.getAttribute('aria-busy'),
        appShown: shown(app) && app.getBoundingClientRect().height > 500,
        heading: text(stage?.querySelector('h2')),
        headingShown: shown(stage?.querySelector('h2')),
        kicker: text(stage?.querySelector(S.STEP_KICKER_CLASS)),
        steps: [...document.querySelectorAll(`${S.ROOT_ID} ${S.STAGE_ID} article${S.STEP_CLASS} h2`)].map(text),
        sourceText: text(document.querySelector(S.ROOT_ID)),
        sources: document.querySelectorAll(`${S.ROOT_ID} li${S.SOURCE_CLASS}`).length,
        // Anything the status area shows while loading (a spinner, a message).
        statusShown: [...document.querySelectorAll(`${S.STATUS_ID} *`)].filter(shown).length,
        nextHref: document.querySelector(S.PAGER_NEXT_CLASS)?.getAttribute('href') ?? null,
      };
    }, IN_PAGE);
    assert.equal(early.live, false, 'the app has not taken over yet');
    assert.notEqual(early.busy, 'true', `${S.ROOT_ID} is not marked busy`);
    assert.ok(early.appShown, 'the explainer is on screen');
    assert.equal(early.heading, norm(content.steps[0].title), 'step 1 is on the stage');
    assert.ok(early.headingShown, 'and visible');
    assert.equal(early.kicker, `Step 1 of ${content.steps.length}`);
    assert.deepEqual(early.steps, content.steps.map((s) => norm(s.title)), 'every step is in the page, once, in order');
    assert.equal(early.sources, content.sources.length, 'every source is listed');
    for (const source of content.sources) assert.ok(early.sourceText.includes(norm(source.title)), `source "${source.title}" is readable`);
    assert.equal(early.statusShown, 0, 'no spinner or message covers the pre-rendered text');
    assert.equal(early.nextHref, `#step-${content.steps[1].id}`, 'Next is already a link to step 2’s text');
    assert.equal(await page.locator(`[id="step-${content.steps[1].id}"]`).count(), 1, 'which is in the page');

    release();
    await waitForExplainer(page);
    await expectStep(page, content, 0, { hash: false });
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, 1);
    assertNoErrors(page);
  });
});
