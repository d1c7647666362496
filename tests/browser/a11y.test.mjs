// Automated accessibility audit with axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA,
// target size included) of the live app: every step in both perspectives at 1280px
// in the light theme, and the first step, the disputed step nearest the middle and
// the last step in the dark theme, at 320px, in embed mode (?embed), and with the
// host's ?theme= forcing the other palette than the browser prefers, at 1280 and 320px.
//
// axe cannot tell the background of SVG text ("incomplete"), so the diagram's text
// and line contrast is measured here too, from computed colours and opacity.
//
// The page's Content-Security-Policy forbids inline scripts, which is how
// page.addScriptTag injects axe: the audit contexts bypass the CSP (nothing else
// changes; the CSP itself is tested elsewhere).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  ROOT, TEST_TIMEOUT, TIMEOUT, launch, loadContent, assertNoErrors, expectStep, openApp, timelineEvents,
  openContext, inContext, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
};
/** The story's perspectives' ids; the first is shown first. */
const PERSPECTIVES = content.perspectives.map((p) => p.id);

/** First, the disputed step nearest the middle, last. */
const SUBSET = (() => {
  const mid = Math.floor((N - 1) / 2);
  const disputed = content.steps
    .map((s, i) => (s.dispute ? i : -1))
    .filter((i) => i > 0 && i < N - 1)
    .sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid))[0] ?? mid;
  return [...new Set([0, disputed, N - 1])];
})();

let app;
before(async () => {
  app = await launch();
});
after(async () => app?.close());

/** A fresh context (own colour scheme, width, CSP bypass for axe) and page. */
async function openPage({ width = 1280, height = 900, colorScheme = 'light', phone = false } = {}) {
  return openContext(app.browser, {
    viewport: { width, height },
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    colorScheme,
    reducedMotion: 'reduce', // no half-finished opacity transitions while axe reads colours
    bypassCSP: true,
  });
}

async function goLive(page, pathAndHash) {
  await openApp(page, app.baseUrl, pathAndHash);
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`, { timeout: TIMEOUT });
}

async function setPerspective(page, perspective) {
  if (perspective === PERSPECTIVES[0]) return;
  await page.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="${perspective}"]`);
  await page.waitForSelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="${perspective}"][aria-pressed="true"]`);
}

/**
 * axe's target-size check measures what might cover a target by bounding boxes,
 * so a diagram shape zoomed past the edge of its SVG in the phone layout's strip
 * (the SVG clips it; nothing is painted or clickable there) "obscures" a button
 * next to the strip. Such a node is kept only if the browser's own hit test
 * agrees: at points across the target, something other than the target is hit.
 * Runs in the page.
 */
function reallyObscured(selectors) {
  return selectors.map((selector) => {
    const target = document.querySelector(selector);
    if (!target) return true;
    const r = target.getBoundingClientRect();
    for (const fx of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      for (const fy of [0.1, 0.5, 0.9]) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit !== target && !target.contains(hit)) return true;
      }
    }
    return false;
  });
}

/** Runs axe on the page; returns one readable line per violation. */
async function audit(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const result = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  for (const v of result.violations.filter((x) => x.id === 'target-size')) {
    const byDiagram = v.nodes.filter((n) =>
      n.any.every((check) => check.relatedNodes.length > 0 && check.relatedNodes.every((r) => r.target.join(' ').includes(S.DIAGRAM_SVG_CLASS))));
    const obscured = await page.evaluate(reallyObscured, byDiagram.map((n) => n.target.join(' ')));
    const falseAlarms = new Set(byDiagram.filter((_, i) => !obscured[i]));
    v.nodes = v.nodes.filter((n) => !falseAlarms.has(n));
  }
  result.violations = result.violations.filter((v) => v.nodes.length > 0);
  return result.violations.map((v) => {
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
    const more = v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : '';
    return `${where}: ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} nodes): ${targets}${more}\n    ${v.helpUrl}`;
  });
}

function assertClean(problems) {
  assert.equal(problems.length, 0, `axe found violations:\n${problems.join('\n')}`);
}

for (const perspective of PERSPECTIVES) {
  test(`axe: all ${N} steps, ${perspective} view, 1280px, light`, { timeout: TEST_TIMEOUT }, async () => {
    await inContext(openPage(), async ({ context, page }) => {
      await goLive(page, '/');
      await setPerspective(page, perspective);
      const problems = [];
      for (let i = 0; i < N; i++) {
        if (i > 0) await page.click(S.PAGER_NEXT_CLASS);
        await expectStep(page, content, i, { hash: i > 0 }); // step 1, opened from /, has no hash
        problems.push(...(await audit(page, `step ${i + 1} (${content.steps[i].id}), ${perspective}`)));
      }
      assertClean(problems);
      assertNoErrors(page);
    });
  });
}

// The phone layout (diagram strip, pager at the bottom, folded quotes), every step.
for (const colorScheme of ['light', 'dark']) {
  test(`axe: all ${N} steps, both views, 375×667 phone layout, ${colorScheme}`, { timeout: TEST_TIMEOUT }, async () => {
    await inContext(openPage({ width: 375, height: 667, colorScheme, phone: true }), async ({ context, page }) => {
      const problems = [];
      for (const perspective of PERSPECTIVES) {
        await goLive(page, '/');
        await setPerspective(page, perspective);
        await page.locator(S.SHOWN_STEP_HEADING).scrollIntoViewIfNeeded();
        for (let i = 0; i < N; i++) {
          if (i > 0) await page.locator(S.PAGER_NEXT_CLASS).tap();
          await expectStep(page, content, i, { hash: i > 0 });
          problems.push(...(await audit(page, `375 phone, ${colorScheme}, step ${i + 1} (${content.steps[i].id}), ${perspective}`)));
        }
      }
      // With the step's evidence open.
      await page.locator(`${S.SHOWN_STEP} ${S.EVIDENCE_TOGGLE_CLASS}`).tap();
      problems.push(...(await audit(page, `375 phone, ${colorScheme}, evidence open`)));
      assertClean(problems);
      assertNoErrors(page);
    });
  });
}

const SUBSET_CONFIGS = [
  { name: '1280px, dark', width: 1280, colorScheme: 'dark', query: '' },
  { name: '320px, light', width: 320, height: 640, colorScheme: 'light', query: '' },
  { name: '320px, dark', width: 320, height: 640, colorScheme: 'dark', query: '' },
  { name: 'embed, 1280px, light', width: 1280, colorScheme: 'light', query: '?embed' },
  { name: 'embed, 320px, dark', width: 320, height: 640, colorScheme: 'dark', query: '?embed' },
  // The host's ?theme= against the reader's own setting.
  { name: '1280px, ?theme=dark in a light browser', width: 1280, colorScheme: 'light', query: '?theme=dark', forced: 'dark' },
  { name: '1280px, ?theme=light in a dark browser', width: 1280, colorScheme: 'dark', query: '?theme=light', forced: 'light' },
  { name: '320px, ?theme=dark in a light browser', width: 320, height: 640, colorScheme: 'light', query: '?theme=dark', forced: 'dark' },
  { name: '320px, ?theme=light in a dark browser', width: 320, height: 640, colorScheme: 'dark', query: '?theme=light', forced: 'light' },
];

for (const config of SUBSET_CONFIGS) {
  test(`axe: steps ${SUBSET.map((i) => i + 1).join(', ')}, both views, ${config.name}`, { timeout: TEST_TIMEOUT }, async () => {
    await inContext(openPage(config), async ({ context, page }) => {
      const problems = [];
      for (const perspective of PERSPECTIVES) {
        for (const i of SUBSET) {
          const step = content.steps[i];
          await goLive(page, `/${config.query}#step-${step.id}`);
          await expectStep(page, content, i);
          await setPerspective(page, perspective);
          if (config.query === '?embed') {
            assert.ok(await page.evaluate(({ C }) => document.documentElement.classList.contains(C.EMBED_CLASS), IN_PAGE), 'embed mode is on');
          }
          if (config.forced) {
            assert.equal(
              await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
              config.forced,
              `the ${config.forced} theme is in force`,
            );
          }
          problems.push(...(await audit(page, `${config.name}, step ${i + 1} (${step.id}), ${perspective}`)));
        }
      }
      assertClean(problems);
      assertNoErrors(page);
    });
  });
}

// ---- Diagram contrast, which axe leaves "incomplete" for SVG text -------------------

/** Runs in the page: contrast of every visible diagram text and flow line. */
function diagramContrast({ S, C }) {
  const parse = (c) => {
    const m = (c.match(/[\d.]+/g) ?? []).map(Number);
    return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
  };
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const over = (fg, bg, a) => ({ r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a) });
  const ratio = (x, y) => {
    const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none';
  };
  const panel = parse(getComputedStyle(document.querySelector(`figure${S.DIAGRAM_CLASS}`)).backgroundColor);
  const name = (g) => g?.getAttribute(C.PLACE_ATTRIBUTE) ?? g?.getAttribute(C.FLOW_ATTRIBUTE) ?? '?';
  const texts = [];
  for (const t of document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS} text`)) {
    if (!visible(t)) continue;
    const g = t.closest(`g${S.PLACE_CLASS}, g${S.FLOW_CLASS}`);
    let bg = panel;
    if (g?.matches(S.PLACE_CLASS)) {
      const fill = getComputedStyle(g.querySelector('rect')).fill;
      if (fill && fill !== 'none') bg = parse(fill);
    }
    const fill = parse(getComputedStyle(t).fill);
    const alpha = (g ? Number(getComputedStyle(g).opacity) : 1) * fill.a;
    texts.push({ what: `${name(g)} ${t.getAttribute('class')}`, ratio: ratio(over(fill, bg, alpha), bg) });
  }
  const lines = [];
  for (const g of document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS} g${S.FLOW_CLASS}`)) {
    const line = g.querySelector(S.FLOW_LINE_CLASS);
    if (!line || !visible(line)) continue;
    const stroke = parse(getComputedStyle(line).stroke);
    const alpha = Number(getComputedStyle(g).opacity) * stroke.a;
    lines.push({ what: `${name(g)}${g.matches(S.ACTIVE_CLASS) ? ' (active)' : ''}`, ratio: ratio(over(stroke, panel, alpha), panel) });
  }
  return { texts, lines };
}

for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 320]) {
    test(`diagram contrast: text 4.5:1, lines 3:1 (${colorScheme}, ${width}px)`, { timeout: TEST_TIMEOUT }, async () => {
      await inContext(openPage({ width, colorScheme }), async ({ context, page }) => {
        const problems = [];
        for (const i of SUBSET) {
          await goLive(page, `/#step-${content.steps[i].id}`);
          await expectStep(page, content, i);
          const { texts, lines } = await page.evaluate(diagramContrast, IN_PAGE);
          assert.ok(texts.length > 0 && lines.length > 0, 'the diagram has visible text and lines');
          for (const t of texts) if (t.ratio < 4.5) problems.push(`step ${i + 1}: text ${t.what} ${t.ratio.toFixed(2)}:1`);
          for (const l of lines) if (l.ratio < 3) problems.push(`step ${i + 1}: line ${l.what} ${l.ratio.toFixed(2)}:1`);
        }
        assert.deepEqual(problems, [], 'diagram contrast below WCAG 1.4.3 / 1.4.11');
        assertNoErrors(page);
      });
    });
  }
}

const TIMELINE_CONFIGS = [
  { name: '1280px, light', width: 1280, colorScheme: 'light' },
  { name: '1280px, dark', width: 1280, colorScheme: 'dark' },
  { name: '320px, light', width: 320, height: 640, colorScheme: 'light' },
  { name: '320px, dark', width: 320, height: 640, colorScheme: 'dark' },
];

for (const config of TIMELINE_CONFIGS) {
  test(`axe: the timeline view, ${config.name}, with and without an open event`, { timeout: TEST_TIMEOUT }, async () => {
    const events = timelineEvents(content);
    assert.ok(events.length > 0, 'content.json has a timeline');
    await inContext(openPage(config), async ({ context, page }) => {
      await goLive(page, '/?show=timeline');
      await page.waitForSelector(`section${S.TIMELINE_ID}:not([hidden])`);
      const problems = await audit(page, `${config.name}, timeline`);
      const event = events[Math.floor(events.length / 2)];
      await goLive(page, `/?show=timeline#event-${event.id}`);
      await page.waitForSelector(`li#event-${event.id}[aria-current="true"]`);
      problems.push(...(await audit(page, `${config.name}, timeline at event ${event.id}`)));
      assertClean(problems);
      assertNoErrors(page);
    });
  });
}
