// Layout at phone, tablet and desktop widths: no sideways scrolling, the
// diagram above the step text on narrow screens and beside it on wide ones.
// Full-page screenshots go to test-results/ for people to look at; the
// assertions are the overflow and position checks.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch, loadContent, openApp, expectStep, assertNoErrors, RESULTS, TEST_TIMEOUT, S, C, IN_PAGE } from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const WIDTHS = [320, 375, 768, 1280];
/** Below this width the stylesheet stacks the diagram above the text. */
const STACKED_BELOW = 900;
let app;

before(async () => {
  await mkdir(RESULTS, { recursive: true });
  app = await launch();
});
after(async () => app?.close());

function measure({ S }) {
  const box = (sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width } : null;
  };
  // The widest elements, to say what overflows when something does.
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
  return {
    innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    diagram: box(`figure${S.DIAGRAM_CLASS}`),
    text: box(S.SHOWN_STEP),
    wide,
  };
}

function assertNoOverflow(m, where) {
  assert.ok(
    m.scrollWidth <= m.innerWidth,
    `${where}: page is ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport; overflowing: ${m.wide.join(', ')}`,
  );
}

for (const width of WIDTHS) {
  test(`${width}px wide: no horizontal overflow, diagram ${width < STACKED_BELOW ? 'above' : 'beside'} the text`, { timeout: TEST_TIMEOUT }, async () => {
    const page = await app.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openApp(page, app.baseUrl, '/');
    await page.evaluate(() => document.fonts.ready);

    const m = await page.evaluate(measure, IN_PAGE);
    assert.equal(m.innerWidth, width);
    assert.ok(m.diagram && m.text, 'the diagram and the step text are on the page');
    assert.ok(m.diagram.width > 0 && m.diagram.width <= width, `the diagram fits the width (${m.diagram.width}px)`);
    if (width < STACKED_BELOW) {
      assert.ok(m.diagram.bottom <= m.text.top + 1,
        `diagram (bottom ${m.diagram.bottom}) is above the step text (top ${m.text.top})`);
    } else {
      assert.ok(m.text.left >= m.diagram.right - 1,
        `the step text (left ${m.text.left}) is right of the diagram (right ${m.diagram.right})`);
      assert.ok(m.diagram.top < m.text.bottom && m.text.top < m.diagram.bottom,
        'diagram and step text share a vertical band');
    }
    await page.screenshot({ path: path.join(RESULTS, `layout-${width}.png`), fullPage: true });

    // Every step, in both perspectives, stays within the width.
    assertNoOverflow(m, `step 1, user view`);
    for (let i = 1; i < N; i++) {
      await page.click(S.PAGER_NEXT_CLASS);
      await expectStep(page, content, i);
      assertNoOverflow(await page.evaluate(measure, IN_PAGE), `step ${i + 1}, user view`);
    }
    await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
    await page.waitForFunction(
      (button) => document.querySelector(button)?.getAttribute('aria-pressed') === 'true',
      `button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`,
    );
    for (let i = N - 1; i >= 0; i--) {
      if (i < N - 1) {
        await page.click(S.PAGER_PREVIOUS_CLASS);
        await expectStep(page, content, i);
      }
      assertNoOverflow(await page.evaluate(measure, IN_PAGE), `step ${i + 1}, creator view`);
    }
    assertNoErrors(page);
    await page.close();
  });
}
