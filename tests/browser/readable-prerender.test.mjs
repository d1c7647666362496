// The pre-rendered page says exactly what the live app says (the full text of
// every step, and step 1 on the stage), and the wasm app taking over does not
// make the page jump: cumulative layout shift during load stays under 0.1.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, trackErrors, assertNoErrors, norm, citedSentences, TIMEOUT, TEST_TIMEOUT, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function freshPage({ javaScriptEnabled = true, width = 1280, height = 900 } = {}) {
  const context = await app.browser.newContext({
    javaScriptEnabled,
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  trackErrors(page);
  return { context, page };
}

/** Every step's article in the stage, as text (the lead's sentences without their markers). Runs in the page. */
function readText({ S, C }) {
  const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(`sup${S.REF_CLASS}`).forEach((sup) => sup.remove());
    return t(copy);
  };
  return [...document.querySelectorAll(`${S.STAGE_ID} article${S.STEP_CLASS}`)].map((a) => ({
    id: a.id,
    step: a.getAttribute(C.STEP_ATTRIBUTE),
    kicker: t(a.querySelector(S.STEP_KICKER_CLASS)),
    heading: t(a.querySelector('h2')),
    lead: [...a.querySelectorAll(`${S.STEP_LEAD_CLASS} ${S.SAID_CLASS}`)].map(words),
    text: t(a),
    shown: a.getClientRects().length > 0,
  }));
}

test('the pre-rendered steps equal the live app’s: one copy of each, every one shown without scripts', { timeout: TEST_TIMEOUT }, async () => {
  const pre = await freshPage({ javaScriptEnabled: false });
  await pre.page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  const staticText = await pre.page.evaluate(readText, IN_PAGE);
  await pre.context.close();

  const live = await freshPage();
  await live.page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  await live.page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
  const liveText = await live.page.evaluate(readText, IN_PAGE);
  assertNoErrors(live.page);
  await live.context.close();

  // The expectation from content.json, so both cannot be wrong the same way.
  assert.deepEqual(
    staticText.map(({ id, step, kicker, heading, lead, shown }) => ({ id, step, kicker, heading, lead, shown })),
    content.steps.map((s, i) => ({
      id: `step-${s.id}`,
      step: s.id,
      kicker: `Step ${i + 1} of ${N}`,
      heading: norm(s.title),
      lead: citedSentences(s.lead).map((x) => x.text),
      shown: true,
    })),
    'the pre-rendered page holds every step once, in order, all shown',
  );
  assert.equal(await countIds(app.baseUrl), 0, 'no id appears twice');
  assert.deepEqual(
    liveText.map(({ shown, ...rest }) => rest),
    staticText.map(({ shown, ...rest }) => rest),
    'the live app shows the same articles',
  );
  assert.deepEqual(liveText.map((a) => a.shown), content.steps.map((_, i) => i === 0), 'the live app shows step 1 alone');
});

/** How many ids of the page as rendered are used more than once. */
async function countIds(baseUrl) {
  const html = await (await fetch(baseUrl + '/')).text();
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  return ids.length - new Set(ids).size;
}

/** Records layout shifts from the very start of the page. */
function observeShifts() {
  window.__shifts = [];
  const record = (list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        time: Math.round(e.startTime),
        sources: (e.sources ?? []).map((s) => {
          const n = s.node;
          if (!n || n.nodeType !== 1) return n ? n.nodeName : '?';
          return n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.classList.length ? '.' + [...n.classList].join('.') : '');
        }),
      });
    }
  };
  const observer = new PerformanceObserver(record);
  observer.observe({ type: 'layout-shift', buffered: true });
  window.__takeShifts = () => {
    record({ getEntries: () => observer.takeRecords() });
    return window.__shifts;
  };
}

for (const width of [375, 1280]) {
  test(`${width}px wide: cumulative layout shift during load is below 0.1`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page } = await freshPage({ width, height: width < 600 ? 812 : 900 });
    await page.addInitScript(observeShifts);
    await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
    await page.evaluate(() => document.fonts.ready);
    // Let the swap and any follow-up layout paint (two frames), then collect.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))),
    );
    const shifts = await page.evaluate(() => window.__takeShifts());
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(
      total < 0.1,
      `CLS ${total.toFixed(4)} at ${width}px; shifts: ${JSON.stringify(shifts)}`,
    );
    assertNoErrors(page);
    await context.close();
  });
}
