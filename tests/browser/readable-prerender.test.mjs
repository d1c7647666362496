// The pre-rendered page says exactly what the live app says (the full text of
// every step, and step 1 on the stage), and the wasm app taking over does not
// make the page jump: cumulative layout shift during load stays under 0.1.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, trackErrors, assertNoErrors, norm, plainCited, TIMEOUT, TEST_TIMEOUT,
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

/** The full-text sections and the stage's step, as text (paragraphs without their markers). Runs in the page. */
function readText() {
  const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('sup.ref').forEach((sup) => sup.remove());
    return t(copy);
  };
  const article = document.querySelector('#explainer-stage article.step:not([hidden])');
  return {
    sections: [...document.querySelectorAll('details.full-text section.full-step')].map((s) => ({
      id: s.id,
      title: t(s.querySelector('h3')),
      body: [...s.querySelectorAll('p.step-body')].map(words),
      text: t(s),
    })),
    stage: {
      step: article?.getAttribute('data-step') ?? null,
      kicker: t(article?.querySelector('#explainer-stage article.step:not([hidden]) .step-kicker')),
      heading: t(document.querySelector('#explainer-stage article.step:not([hidden]) h2')),
      body: [...(article?.querySelectorAll('p.step-body') ?? [])].map(words),
    },
  };
}

test('the pre-rendered full text and first step equal the live app’s', { timeout: TEST_TIMEOUT }, async () => {
  const pre = await freshPage({ javaScriptEnabled: false });
  await pre.page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  assert.equal(
    await pre.page.evaluate(() => document.querySelector('details.full-text')?.open ?? null),
    true,
    'the full text is open in the pre-rendered page',
  );
  const staticText = await pre.page.evaluate(readText);
  await pre.context.close();

  const live = await freshPage();
  await live.page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  await live.page.waitForSelector('#app[data-live] #explainer-stage article.step:not([hidden]) h2', { timeout: TIMEOUT });
  assert.equal(
    await live.page.evaluate(() => document.querySelector('details.full-text')?.open ?? null),
    false,
    'the full text is collapsed in the live app',
  );
  await live.page.click('details.full-text > summary');
  await live.page.waitForFunction(() => document.querySelector('details.full-text')?.open === true, null, {
    timeout: TIMEOUT,
  });
  const liveText = await live.page.evaluate(readText);
  assertNoErrors(live.page);
  await live.context.close();

  // The expectation from content.json, so both cannot be wrong the same way.
  assert.deepEqual(
    staticText.sections.map((s) => ({ id: s.id, title: s.title, body: s.body })),
    content.steps.map((s, i) => ({
      id: `step-${s.id}`,
      title: norm(`Step ${i + 1} of ${N}: ${s.title}`),
      body: s.body.map(plainCited),
    })),
    'pre-rendered full text follows content.json',
  );
  assert.deepEqual(liveText.sections, staticText.sections, 'live full text equals the pre-rendered full text');
  assert.deepEqual(
    staticText.stage,
    {
      step: content.steps[0].id,
      kicker: `Step 1 of ${N}`,
      heading: norm(content.steps[0].title),
      body: content.steps[0].body.map(plainCited),
    },
    'pre-rendered stage shows step 1',
  );
  assert.deepEqual(liveText.stage, staticText.stage, 'live stage equals the pre-rendered stage');
});

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
    await page.waitForSelector('#app[data-live] #explainer-stage article.step:not([hidden]) h2', { timeout: TIMEOUT });
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
