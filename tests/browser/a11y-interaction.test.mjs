// Accessibility of the live app beyond what axe checks: what the live region
// announces, keyboard-only use (Tab reaches every control, each shows a focus
// indicator, and focus is never off-screen or under a sticky element), reduced
// motion, and the heading outline.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, TIMEOUT, launch, loadContent, assertNoErrors, expectStep, expectHeadingFocused,
  openApp, waitTrue, norm, timelineEvents,
  openContext, inContext, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function openPage({ width = 1280, height = 900, reducedMotion = 'reduce', colorScheme = 'light' } = {}) {
  return openContext(app.browser, { viewport: { width, height }, reducedMotion, colorScheme });
}

async function goLive(page, pathAndHash = '/') {
  await openApp(page, app.baseUrl, pathAndHash);
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`, { timeout: TIMEOUT });
}

const announcer = (page) =>
  page.evaluate(({ S, C }) => document.querySelector(`p[${C.ANNOUNCER_ATTRIBUTE}]`)?.textContent.replace(/\s+/g, ' ').trim() ?? null, IN_PAGE);

test('live region: polite; silent at load and for a step change (the heading takes focus); says the view and perspective switches', { timeout: TEST_TIMEOUT }, async () => {
  await inContext(openPage(), async ({ context, page }) => {
    await goLive(page, '/');
    const attrs = await page.evaluate(({ S, C }) => {
      const p = document.querySelector(`p[${C.ANNOUNCER_ATTRIBUTE}]`);
      const s = getComputedStyle(p);
      return { live: p.getAttribute('aria-live'), hidden: p.closest('[aria-hidden="true"]') !== null, display: s.display, visibility: s.visibility };
    }, IN_PAGE);
    assert.equal(attrs.live, 'polite');
    assert.equal(attrs.hidden, false, 'the live region is not inside aria-hidden');
    assert.notEqual(attrs.display, 'none', 'the live region is rendered (visually hidden, not display:none)');
    assert.notEqual(attrs.visibility, 'hidden');
    assert.equal(await announcer(page), '', 'nothing is announced at load');

    const expectAnnounced = async (want, how) => {
      await waitTrue(page, ({ w, S }) => document.querySelector(`p${S.ANNOUNCER_ATTRIBUTE}`)?.textContent.replace(/\s+/g, ' ').trim() === w,
        { w: want, ...IN_PAGE }, `${how}: the live region says "${want}" (it says "${await announcer(page)}")`);
    };
    const expectLanded = async (i, how) => {
      await expectStep(page, content, i);
      await expectHeadingFocused(page);
      assert.equal(await announcer(page), '', `${how}: the step is heard from its heading, not announced`);
    };

    await page.click(S.PAGER_NEXT_CLASS);
    await expectLanded(1, 'Next');
    await page.keyboard.press('ArrowRight');
    await expectLanded(2, 'ArrowRight');
    await page.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="timeline"]`);
    await expectAnnounced(`Timeline of ${timelineEvents(content).length} events`, 'the timeline');
    await page.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="steps"]`);
    await expectAnnounced(`Step 3 of ${N}: ${norm(content.steps[2].title)}`, 'back to the steps');
    await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
    await expectAnnounced(`Following the data of: ${norm(content.perspectives.find((p) => p.id === 'creator').label)}`, 'the perspective switch');
    // The old announcement does not stay in the reading order after the next step change.
    await page.click(S.PAGER_PREVIOUS_CLASS);
    await expectLanded(1, 'Previous');
    assertNoErrors(page);
  });
});

/** Runs in the page: what has focus, where it is, whether it shows a focus indicator, what covers it. */
function describeFocus({ S, C }) {
  const el = document.activeElement;
  if (!el || el === document.body) return { kind: 'body' };
  const r = el.getBoundingClientRect();
  const cls = el.getAttribute('class') ?? '';
  const kind =
    el.matches(`button${S.SWITCH_OPTION_CLASS}`) ? `switch:${el.getAttribute(C.PERSPECTIVE_ATTRIBUTE)}`
    : el.matches(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS} g${S.PLACE_CLASS}`) ? `place:${el.getAttribute(C.PLACE_ATTRIBUTE)}:landscape`
    : el.matches(`svg${S.DIAGRAM_SVG_PORTRAIT_CLASS} g${S.PLACE_CLASS}`) ? `place:${el.getAttribute(C.PLACE_ATTRIBUTE)}:portrait`
    : el.matches(`g${S.FLOW_CLASS}`) ? `flow:${el.getAttribute(C.FLOW_ATTRIBUTE)}`
    : el.matches(S.PAGER_NEXT_CLASS) ? C.PAGER_NEXT_CLASS
    : el.matches(S.PAGER_PREVIOUS_CLASS) ? C.PAGER_PREVIOUS_CLASS
    : `${el.tagName.toLowerCase()}${cls ? '.' + cls.trim().split(/\s+/).join('.') : ''}`;
  const label = `${kind} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;

  // A visible focus indicator: an outline on HTML elements; on the diagram's shapes, a
  // focus stroke of 3:1 or more against the diagram's panel (WCAG 1.4.11).
  const parse = (c) => {
    const m = (c.match(/[\d.]+/g) ?? []).map(Number);
    return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
  };
  const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const contrast = (fgText, alpha, bg) => {
    const fg = parse(fgText);
    const a = alpha * fg.a;
    const mix = { r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a) };
    const [hi, lo] = [lum(mix), lum(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  let indicator = null; // null: fine; otherwise what is wrong
  if (el.matches(`g${S.PLACE_CLASS}, g${S.FLOW_CLASS}`)) {
    const panel = parse(getComputedStyle(el.closest('figure')).backgroundColor);
    const shape = getComputedStyle(el.querySelector(el.matches(`g${S.PLACE_CLASS}`) ? 'rect' : S.FLOW_HIT_CLASS));
    const ratio = shape.stroke === 'none' ? 1 : contrast(shape.stroke, Number(shape.strokeOpacity), panel);
    if (parseFloat(shape.strokeWidth) < 3 || ratio < 3) {
      indicator = `focus stroke ${shape.stroke} x${shape.strokeOpacity}, ${shape.strokeWidth} wide: ${ratio.toFixed(2)}:1 against the panel`;
    }
  } else {
    const s = getComputedStyle(el);
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) indicator = `outline ${s.outlineStyle} ${s.outlineWidth}`;
  }

  // Within the viewport (an element taller than the viewport must at least start in it).
  const tall = r.height > innerHeight;
  const inView = r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= innerWidth + 1 &&
    r.top >= -1 && (tall || r.bottom <= innerHeight + 1);

  // Not under a sticky or fixed element: whatever is painted at the points of the
  // focused box either belongs to it or has no sticky/fixed ancestor it is outside of.
  let coveredBy = null;
  const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.9]].map(([fx, fy]) => [
    Math.min(Math.max(r.left + r.width * fx, 0), innerWidth - 1),
    Math.min(Math.max(r.top + r.height * fy, 0), innerHeight - 1),
  ]);
  for (const [x, y] of points) {
    const hit = document.elementFromPoint(x, y);
    for (let n = hit; n && n !== document.documentElement; n = n.parentElement) {
      const pos = getComputedStyle(n).position;
      if ((pos === 'sticky' || pos === 'fixed') && !n.contains(el)) {
        coveredBy = `${n.tagName.toLowerCase()}.${(n.getAttribute('class') ?? '').trim().replace(/\s+/g, '.')}`;
        break;
      }
    }
    if (coveredBy) break;
  }
  return {
    kind, label, indicator, inView, coveredBy,
    box: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} in ${innerWidth}x${innerHeight}, scrollY ${Math.round(scrollY)}`,
  };
}

/**
 * Tab stops to walk: every one up to the diagram's first place, and a few more.
 * The step's text, its markers and the pager come first in the source (a screen
 * reader reaches the step before the diagram), then the switch and the diagram.
 */
function tabsToDiagram({ S }) {
  const stops = [...document.querySelectorAll('a[href], button, [tabindex="0"], textarea')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden]'));
  const place = stops.findIndex((el) => el.matches(`svg${S.DIAGRAM_SVG_CLASS} g${S.PLACE_CLASS}[tabindex="0"]`));
  return place + 1 + 5;
}
for (const [width, height, colorScheme] of [[1280, 900, 'light'], [1280, 600, 'dark'], [320, 640, 'light']]) {
  test(`keyboard at ${width}x${height}, ${colorScheme}: Tab reaches the switch, the diagram and the pager; focus stays visible and in view`, { timeout: TEST_TIMEOUT }, async () => {
    await inContext(openPage({ width, height, colorScheme }), async ({ context, page }) => {
      await goLive(page, '/');
      // The live app draws the landscape diagram at every width: beside the text
      // from 900px, as the phone layout's strip below (portrait is for pages
      // without scripts and embeds).
      const orientation = 'landscape';
      const firstPlace = content.places.find((p) => p.step).id; // regions are frames, not links
      const seen = [];
      const problems = [];
      const tabs = await page.evaluate(tabsToDiagram, IN_PAGE);
      assert.ok(tabs > 5, 'a place of the diagram is a tab stop');
      for (let i = 1; i <= tabs; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(describeFocus, IN_PAGE);
        if (f.kind === 'body') continue;
        seen.push(f.kind);
        if (f.indicator) problems.push(`Tab ${i}: ${f.label} has no clear focus indicator (${f.indicator})`);
        if (!f.inView) problems.push(`Tab ${i}: ${f.label} is outside the viewport (${f.box})`);
        if (f.coveredBy) problems.push(`Tab ${i}: ${f.label} is under sticky/fixed ${f.coveredBy} (${f.box})`);
      }
      const reached = (kind) => seen.includes(kind);
      assert.ok(reached('switch:user') && reached('switch:creator'), `Tab reaches both perspective buttons; reached: ${seen.join(', ')}`);
      assert.ok(reached(`place:${firstPlace}:${orientation}`), `Tab reaches the ${orientation} diagram's first place (${firstPlace}); reached: ${seen.join(', ')}`);
      assert.ok(!seen.some((k) => k.startsWith('place:') && !k.endsWith(orientation)), 'the hidden diagram takes no focus');
      assert.ok(reached(C.PAGER_NEXT_CLASS), `Tab reaches the Next button; reached: ${seen.join(', ')}`);
      assert.ok(seen.indexOf(C.PAGER_NEXT_CLASS) < seen.indexOf('switch:user'), 'the step\'s pager comes before the switch and the diagram, as in the source');
      assert.deepEqual(problems, [], 'every Tab stop is visible and in view');

      // Keyboard alone operates what it reached: Enter on Next moves on a step.
      await page.focus(S.PAGER_NEXT_CLASS);
      await page.keyboard.press('Enter');
      await expectStep(page, content, 1);
      await page.focus(`svg.diagram-svg--${orientation} g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="${firstPlace}"]`);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'link');
      assertNoErrors(page);
    });
  });
}

/** Runs in the page: transition durations of the diagram's animated parts. */
function transitionDurations({ S }) {
  const read = (sel) => [...document.querySelectorAll(sel)].map((el) => getComputedStyle(el).transitionDuration);
  return { flow: read(`svg${S.DIAGRAM_SVG_CLASS} ${S.FLOW_CLASS}`), placeRect: read(`svg${S.DIAGRAM_SVG_CLASS} ${S.PLACE_CLASS} rect`) };
}

test('prefers-reduced-motion: reduce turns the diagram transitions off', { timeout: TEST_TIMEOUT }, async () => {
  const zero = (d) => d.split(',').every((s) => parseFloat(s) === 0);
  {
    await inContext(openPage({ reducedMotion: 'reduce' }), async ({ context, page }) => {
      await goLive(page, '/');
      await page.click(S.PAGER_NEXT_CLASS);
      await expectStep(page, content, 1);
      const d = await page.evaluate(transitionDurations, IN_PAGE);
      assert.ok(d.flow.length > 0 && d.placeRect.length > 0, 'the diagram has flows and places');
      assert.deepEqual([...new Set(d.flow)].filter((x) => !zero(x)), [], `${S.FLOW_CLASS} transition-duration is 0s`);
      assert.deepEqual([...new Set(d.placeRect)].filter((x) => !zero(x)), [], `${S.PLACE_CLASS} rect transition-duration is 0s`);
      assertNoErrors(page);
    });
  }
  // Without the preference the transitions exist, so the check above means something.
  {
    await inContext(openPage({ reducedMotion: 'no-preference' }), async ({ context, page }) => {
      await goLive(page, '/');
      const d = await page.evaluate(transitionDurations, IN_PAGE);
      assert.ok(d.flow.some((x) => !zero(x)), `${S.FLOW_CLASS} animates without the preference (${d.flow[0]})`);
      assert.ok(d.placeRect.some((x) => !zero(x)), `${S.PLACE_CLASS} rect animates without the preference (${d.placeRect[0]})`);
    });
  }
});

/** Runs in the page: the heading outline, in document order. */
function headingOutline() {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .filter((h) => !h.closest('[aria-hidden="true"]'))
    .map((h) => ({
      level: h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level') ?? 2) : Number(h.tagName[1]),
      text: h.textContent.replace(/\s+/g, ' ').trim().slice(0, 50),
    }));
}

function outlineProblems(outline) {
  const problems = [];
  const h1s = outline.filter((h) => h.level === 1);
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (${h1s.map((h) => h.text).join(' | ')})`);
  if (outline[0] && outline[0].level !== 1) problems.push(`the first heading is h${outline[0].level} "${outline[0].text}"`);
  for (let i = 1; i < outline.length; i++) {
    if (outline[i].level > outline[i - 1].level + 1) {
      problems.push(`h${outline[i - 1].level} "${outline[i - 1].text}" is followed by h${outline[i].level} "${outline[i].text}"`);
    }
  }
  return problems;
}

for (const query of ['', '?embed']) {
  test(`headings${query ? ' in embed mode' : ''}: one h1 and no skipped levels at every step, both views`, { timeout: TEST_TIMEOUT }, async () => {
    await inContext(openPage(), async ({ context, page }) => {
      await goLive(page, `/${query}`);
      const problems = [];
      for (const perspective of ['user', 'creator']) {
        if (perspective === 'creator') {
          await page.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
          await page.waitForSelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="creator"][aria-pressed="true"]`);
        }
        for (let i = 0; i < N; i++) {
          const back = perspective === 'creator';
          const step = back ? N - 1 - i : i;
          if (i > 0) await page.click(back ? S.PAGER_PREVIOUS_CLASS : S.PAGER_NEXT_CLASS);
          await expectStep(page, content, step, { hash: false }); // step 1 opened from / has no hash
          for (const p of outlineProblems(await page.evaluate(headingOutline))) {
            problems.push(`step ${step + 1}, ${perspective}: ${p}`);
          }
        }
      }
      assert.deepEqual(problems, [], 'heading outline');
      assertNoErrors(page);
    });
  });
}
