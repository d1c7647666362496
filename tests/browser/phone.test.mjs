// Phone-first reading (the phone layout, style/main.css): in headless Chromium
// with phone emulation (isMobile, hasTouch, device scale factor), at 375×667
// and 390×844, in both perspectives:
// - after Next, Previous, ← / →, a swipe, Back and Forward, the step's heading and at least one
//   of its highlighted places or flows are on screen, neither under the other
//   sticky part nor off screen, without the reader scrolling;
// - the pager (Previous, "Step N of M", Next) is at the bottom of the screen
//   in the walk-through, with 44×44 px targets, and gone once the reader scrolls on;
// - horizontal swipes move between steps; vertical drags scroll, two fingers
//   and slow drags do nothing;
// - each step shows its lead, its evidence one tap away, and a marker opens its quote
//   below the diagram strip; printing shows everything again;
// - no layout shift; the desktop layout keeps every highlighted item in view.
// Touches are real touch events from Chromium's input pipeline (CDP
// Input.dispatchTouchEvent), so scrolling by drag is the browser's own.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, assertNoErrors, flowApplies, phoneScreen, pagerCount,
  drag, STEP_HEADING, TIMEOUT, TEST_TIMEOUT,
  openContext, inContext, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const PHONES = [
  { width: 375, height: 667, deviceScaleFactor: 2 },
  { width: 390, height: 844, deviceScaleFactor: 3 },
];
/** WCAG 2.5.5 (AAA) / the issue: pager targets at least this big. */
const TARGET = 44;

let app;
before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function phone({ width, height, deviceScaleFactor }, options = {}) {
  return openContext(app.browser, {
    viewport: { width, height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...options,
  });
}

/**
 * Runs `body(page, context)` in a fresh phone context, checks that the page
 * logged no errors, and closes the context whatever happened.
 */
async function onPhone(size, body, options = {}) {
  await inContext(phone(size, options), async ({ context, page }) => {
    await body(page, context);
    assertNoErrors(page);
  });
}

/** Scrolls the way a reader would, to the current step's heading (just below the strip). */
async function startReading(page) {
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), STEP_HEADING);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Two animation frames: the app brings the heading into view in the next frame. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The phone checks after a move to step i (see `phoneScreen` in support.mjs). */
async function assertPhoneView(page, i, how) {
  await frames(page);
  const s = await page.evaluate(phoneScreen, { heading: STEP_HEADING, count: pagerCount(i, N), ...IN_PAGE });
  assert.deepEqual(s.problems, [], `${how} → step ${i + 1} (${content.steps[i].id}): ${JSON.stringify(s.state)}`);
}

for (const size of PHONES) {
  for (const perspective of ['user', 'creator']) {
    test(`${size.width}×${size.height}, ${perspective} view: after Next, ←, → and Previous, the heading and a highlighted item are on screen, the pager under the thumb`, { timeout: TEST_TIMEOUT }, async () => {
      await onPhone(size, async (page, context) => {
        await openApp(page, app.baseUrl, perspective === 'creator' ? '/?view=creator' : '/');
        await startReading(page);
        await assertPhoneView(page, 0, 'reading step 1');
        for (let i = 1; i < N; i++) {
          await page.locator(S.PAGER_NEXT_CLASS).tap();
          await expectStep(page, content, i);
          await assertPhoneView(page, i, 'Next');
        }
        // The browser's Back and Forward keep the reader in the walk-through (not
        // at the step's full text, whose anchor the URL names).
        await page.goBack();
        await expectStep(page, content, N - 2);
        await assertPhoneView(page, N - 2, 'Back');
        await page.goForward();
        await expectStep(page, content, N - 1);
        await assertPhoneView(page, N - 1, 'Forward');
        // Back by key, half-way; then forward by key; then back by the Previous button.
        for (let i = N - 2; i >= N - 4; i--) {
          await page.keyboard.press('ArrowLeft');
          await expectStep(page, content, i);
          await assertPhoneView(page, i, '←');
        }
        await page.keyboard.press('ArrowRight');
        await expectStep(page, content, N - 3);
        await assertPhoneView(page, N - 3, '→');
        for (let i = N - 4; i >= 0; i--) {
          await page.locator(S.PAGER_PREVIOUS_CLASS).tap();
          await expectStep(page, content, i);
          await assertPhoneView(page, i, 'Previous');
        }
      });
    });
  }
}

test('375×667: a horizontal swipe changes the step; a vertical drag scrolls; two fingers and slow drags do nothing', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await openApp(page, app.baseUrl, '/');
    await startReading(page);
    const cdp = await context.newCDPSession(page);
    const { height } = PHONES[0];
    const y = Math.round(height * 0.6); // in the step text, between the strip and the pager
    for (let i = 1; i <= 3; i++) {
      await drag(cdp, [320, y], [60, y + 12]);
      await expectStep(page, content, i);
      await assertPhoneView(page, i, 'swipe left');
    }
    await drag(cdp, [100, y], [340, y - 10]);
    await expectStep(page, content, 2);
    await assertPhoneView(page, 2, 'swipe right');

    // A vertical drag scrolls the page (the browser's own scrolling) and keeps the step.
    const before = await page.evaluate(() => scrollY);
    await drag(cdp, [200, y + 100], [190, y - 200]);
    await page.waitForFunction((b) => scrollY > b + 50, before, { timeout: TIMEOUT });
    await frames(page);
    assert.equal(await page.evaluate(({ S, C }) => document.querySelector(S.SHOWN_STEP).dataset.step, IN_PAGE),
      content.steps[2].id, 'a vertical drag does not change the step');

    // Two fingers (a pinch) and a slow sideways drag (selecting, panning) do nothing.
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), STEP_HEADING);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 300, y, id: 1 }, { x: 100, y: y + 40, id: 2 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 120, y, id: 1 }, { x: 60, y: y + 40, id: 2 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await drag(cdp, [320, y], [60, y], 1600, 16);
    await frames(page);
    await expectStep(page, content, 2);
  });
});

test('375×667: the pager and the strip leave with the walk-through, and come back with it', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await openApp(page, app.baseUrl, '/');
    await startReading(page);
    const inView = (sel) => page.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }, sel);
    assert.ok(await inView(S.PAGER_CLASS), 'the pager is on screen in the walk-through');
    for (const section of [`section${S.SOURCES_CLASS}`, `nav${S.STEP_LIST_CLASS}`]) {
      await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), section);
      await page.waitForFunction(({ S, C }) => {
        const r = document.querySelector(S.PAGER_CLASS).getBoundingClientRect();
        return r.bottom <= 0 || r.top >= innerHeight;
      }, IN_PAGE, { timeout: TIMEOUT });
      assert.ok(!(await inView(`figure${S.DIAGRAM_CLASS}`)), `the strip is gone at ${section}`);
    }
    await startReading(page);
    assert.ok(await inView(S.PAGER_CLASS) && (await inView(`figure${S.DIAGRAM_CLASS}`)), 'both are back in the walk-through');
  });
});

test('375×667: the evidence is one tap away; a marker opens its quote between the strip and the pager; printing unfolds and unzooms', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await openApp(page, app.baseUrl, '/');
    await startReading(page);
    const article = S.SHOWN_STEP;
    const state = () => page.evaluate(({ sel, S, C }) => {
      const a = document.querySelector(sel);
      const toggle = a.querySelector(S.EVIDENCE_TOGGLE_CLASS);
      const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      return {
        open: a.hasAttribute(C.OPEN_ATTRIBUTE),
        expanded: toggle.getAttribute('aria-expanded'),
        toggleHeight: toggle.getBoundingClientRect().height,
        quotesShown: [...a.querySelectorAll(`figure${S.CITATION_CLASS}`)].filter(shown).length,
        evidenceShown: shown(a.querySelector(S.EVIDENCE_CLASS)),
      };
    }, { sel: article, ...IN_PAGE });
    const folded = await state();
    assert.deepEqual({ ...folded, toggleHeight: folded.toggleHeight >= TARGET },
      { open: false, expanded: 'false', toggleHeight: true, quotesShown: 0, evidenceShown: false },
      'a step shows its lead alone, with a 44px button for the evidence');
    await page.locator(`${article} ${S.EVIDENCE_TOGGLE_CLASS}`).tap();
    const opened = await state();
    assert.equal(opened.open && opened.expanded === 'true' && opened.evidenceShown, true, `one tap opens the evidence: ${JSON.stringify(opened)}`);
    assert.equal(opened.quotesShown, content.steps[0].citations.length, 'every quote of the step shows');
    await page.locator(`${article} ${S.EVIDENCE_TOGGLE_CLASS}`).tap();
    assert.deepEqual((await state()).quotesShown, 0, 'a second tap folds it again');

    // A marker in the lead leads to its quote, unfolded, clear of the strip and the pager.
    const marker = page.locator(`${article} ${S.STEP_LEAD_CLASS} a[${C.REF_ATTRIBUTE}]`).last();
    const target = (await marker.getAttribute('href')).slice(1);
    await marker.tap();
    await page.waitForFunction((id) => document.activeElement?.id === id, target, { timeout: TIMEOUT });
    const placed = await page.evaluate(({ id, S, C }) => {
      const quote = document.getElementById(id);
      const q = quote.getBoundingClientRect();
      return {
        open: quote.closest('article').hasAttribute(C.OPEN_ATTRIBUTE),
        top: q.top,
        strip: document.querySelector(`figure${S.DIAGRAM_CLASS}`).getBoundingClientRect().bottom,
        pager: document.querySelector(S.PAGER_CLASS).getBoundingClientRect().top,
      };
    }, { id: target, ...IN_PAGE });
    assert.ok(placed.open, `the quote's step is open: ${JSON.stringify(placed)}`);
    assert.ok(placed.top >= placed.strip - 1 && placed.top < placed.pager, `the quote starts between the strip and the pager: ${JSON.stringify(placed)}`);

    // Printing (the browser fires beforeprint): the whole map, and every quote of every step.
    const full = await page.getAttribute(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="user"]`, 'viewBox');
    assert.notEqual(full, '0 0 640 420', 'the strip is zoomed to step 1');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal(await page.getAttribute(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="user"]`, 'viewBox'), '0 0 640 420',
      'the printout shows the whole map');
    await page.emulateMedia({ media: 'print' });
    const hiddenInPrint = await page.evaluate(({ S, C }) => [...document.querySelectorAll(`${S.STAGE_ID} figure${S.CITATION_CLASS}`)].filter((f) => f.getClientRects().length === 0).length, IN_PAGE);
    assert.equal(hiddenInPrint, 0, 'the printout shows every quote of every step');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.getAttribute(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="user"]`, 'viewBox'), full,
      'after printing, the strip is zoomed again');
  });
});

test('375×667: nothing shifts while the page loads and goes live, or between steps', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => ({ value: e.value, input: e.hadRecentInput }))))
        .observe({ type: 'layout-shift', buffered: true });
    });
    await openApp(page, app.baseUrl, '/');
    await startReading(page);
    for (let i = 1; i < N; i++) {
      await page.keyboard.press('ArrowRight');
      await expectStep(page, content, i);
    }
    await frames(page);
    const shifts = await page.evaluate(() => window.__shifts.filter((s) => !s.input));
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.equal(total, 0, `layout shifts without input: ${JSON.stringify(shifts)}`);
  });
});

test('without scripts, a phone gets the whole page as before: the portrait drawing, quotes open, nothing sticky', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await page.goto(`${app.baseUrl}/`, { waitUntil: 'load' });
    const { state: s } = await page.evaluate(phoneScreen, { heading: STEP_HEADING, count: pagerCount(0, N), ...IN_PAGE });
    assert.equal(s.drawing, 'portrait', 'the portrait drawing');
    assert.equal(s.stripSticky, false, 'the diagram is not sticky');
    const hidden = await page.evaluate(({ S, C }) => [...document.querySelectorAll(`figure${S.CITATION_CLASS}`)].filter((f) => f.getClientRects().length === 0).length, IN_PAGE);
    assert.equal(hidden, 0, 'every quote of every step is open');
    assert.equal(await page.locator(S.PAGER_COUNT_CLASS).isVisible(), false, 'the pager is as before');
  }, { javaScriptEnabled: false });
});

test('1280×800 (desktop, unchanged): after Next every highlighted item and the heading are in view, the whole map drawn', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app.baseUrl, '/');
  for (let i = 1; i < N; i++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i);
    await frames(page);
    const { state: s } = await page.evaluate(phoneScreen, { heading: STEP_HEADING, count: pagerCount(i, N), ...IN_PAGE });
    const where = `step ${i + 1}: ${JSON.stringify(s)}`;
    assert.equal(s.viewBox, '0 0 640 420', `the whole map: ${where}`);
    assert.equal(s.litSeen, s.litCount, `every highlighted item is in view: ${where}`);
    assert.ok(s.heading.top >= 0 && s.heading.bottom <= s.vh, `the heading is in view: ${where}`);
    assert.equal(s.countShown, false, `the pager looks as before: ${where}`);
  }
  assertNoErrors(page);
  await page.close();
});

test('the diagram strip draws each step’s flows for the perspective that has them', { timeout: TEST_TIMEOUT }, async () => {
  // Content-driven: every flow a step highlights, in a perspective it applies
  // to, is inside the strip's zoomed view for that step.
  await onPhone(PHONES[0], async (page, context) => {
    for (const perspective of content.perspectives.map((p) => p.id)) {
      await openApp(page, app.baseUrl, `/?view=${perspective}`);
      await startReading(page);
      for (let i = 0; i < N; i++) {
        if (i > 0) {
          await page.keyboard.press('ArrowRight');
          await expectStep(page, content, i);
        }
        const wanted = content.steps[i].flows.filter((id) => flowApplies(content.flows.find((f) => f.id === id), perspective));
        const outside = await page.evaluate(({ ids, perspective, S, C }) => {
          const svg = document.querySelector(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="${perspective}"]`);
          const box = svg.getBoundingClientRect();
          return ids.filter((id) => {
            const r = svg.querySelector(`g${S.FLOW_CLASS}[${C.FLOW_ATTRIBUTE}="${id}"] ${S.FLOW_LINE_CLASS}`).getBoundingClientRect();
            return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
          });
        }, { ids: wanted, perspective, ...IN_PAGE });
        assert.deepEqual(outside, [], `step ${i + 1}, ${perspective}: flows cut off by the strip`);
      }
    }
  });
});

test('375×667: tabbing through a step, the focused control is never hidden under the strip or the pager (WCAG 2.4.11)', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await openApp(page, app.baseUrl, '/#step-exceptions');
    await startReading(page);
    await page.focus(STEP_HEADING);
    const seen = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(({ S, C }) => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const strip = document.querySelector(`figure${S.DIAGRAM_CLASS}`).getBoundingClientRect();
        const pager = document.querySelector(S.PAGER_CLASS).getBoundingClientRect();
        const inPager = el.closest(S.PAGER_CLASS) !== null;
        const inStrip = el.closest(`figure${S.DIAGRAM_CLASS}`) !== null;
        return {
          what: `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${el.textContent.trim().slice(0, 30)}`,
          inStage: el.closest(S.STAGE_ID) !== null,
          underStrip: !inStrip && r.top < strip.bottom - 1 && r.bottom > strip.top,
          underPager: !inPager && r.bottom > pager.top + 1 && r.top < pager.bottom,
        };
      }, IN_PAGE);
      if (!s.inStage) break;
      seen.push(s.what);
      assert.ok(!s.underStrip && !s.underPager, `focus is hidden: ${JSON.stringify(s)}`);
    }
    assert.ok(seen.length > 5, `tabbed through the step: ${seen.join(' | ')}`);
  });
});

test('375×667: Tab into the strip shows the whole map (so no focused place is cut off); leaving it zooms back; a tap does not', { timeout: TEST_TIMEOUT }, async () => {
  await onPhone(PHONES[0], async (page, context) => {
    await openApp(page, app.baseUrl, '/#step-access');
    await startReading(page);
    const svg = `svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="user"]`;
    const zoomed = await page.getAttribute(svg, 'viewBox');
    assert.notEqual(zoomed, '0 0 640 420', 'the strip starts zoomed');
    await page.focus(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(({ S, C }) => document.activeElement.closest(`figure${S.DIAGRAM_CLASS}`) !== null, IN_PAGE), 'Tab enters the diagram');
    assert.equal(await page.getAttribute(svg, 'viewBox'), '0 0 640 420', 'keyboard focus in the diagram shows the whole map');
    for (let i = 0; i < 40 && (await page.evaluate(({ S, C }) => document.activeElement.closest(`figure${S.DIAGRAM_CLASS}`) !== null, IN_PAGE)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.getAttribute(svg, 'viewBox'), zoomed, 'leaving the diagram zooms back to the step');
    // A tap on a place (pointer focus) opens its step, zoomed to that step: the
    // whole map is for keyboard focus only.
    const place = page.locator(`${svg} g${S.PLACE_CLASS}${S.ACTIVE_CLASS}:not(${S.PLACE_REGION_CLASS})`).first();
    const opens = Number(await place.getAttribute(C.GO_STEP_ATTRIBUTE));
    await place.tap();
    await expectStep(page, content, opens);
    const focus = (await page.getAttribute(svg, C.FOCUS_ATTRIBUTE)).split(';')[opens];
    assert.equal(await page.getAttribute(svg, 'viewBox'), focus, 'after a tap, the strip shows the new step’s part of the map');
  });
});
