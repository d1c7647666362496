// The diagram follows the step: highlighted places and flows, places and flows
// that open their step, accessible names, and the flow table as its text twin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, expectHeadingFocused, waitForHeading, assertNoErrors,
  flowApplies, TIMEOUT, TEST_TIMEOUT, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const stepIndex = (id) => content.steps.findIndex((s) => s.id === id);
const sorted = (xs) => [...xs].sort();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function done(page) {
  assertNoErrors(page);
  await page.close();
}

/** Ids of the highlighted flows and places, and the table's current rows. Runs in the page. */
function readHighlight({ S, C }) {
  const ids = (sel, attr, root = document) => [...root.querySelectorAll(sel)].map((el) => el.getAttribute(attr)).sort();
  // Both orientations are drawn; CSS shows the one that suits the width.
  const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
  return {
    flows: ids(`g${S.FLOW_CLASS}${S.ACTIVE_CLASS}${S.FLOW_ATTRIBUTE}`, C.FLOW_ATTRIBUTE, svg),
    places: ids(`g${S.PLACE_CLASS}${S.ACTIVE_CLASS}${S.PLACE_ATTRIBUTE}`, C.PLACE_ATTRIBUTE, svg),
    rows: ids(`table${S.FLOW_TABLE_CLASS} tr${S.CURRENT_CLASS}${S.FLOW_ATTRIBUTE}`, C.FLOW_ATTRIBUTE),
  };
}

function expectedHighlight(step, perspective) {
  const flowById = new Map(content.flows.map((f) => [f.id, f]));
  return {
    flows: sorted(step.flows.filter((id) => flowById.has(id) && flowApplies(flowById.get(id), perspective))),
    places: sorted(step.places),
    // The table lists every flow in both perspectives, so its current rows are the step's flows.
    rows: sorted(step.flows),
  };
}

async function expectHighlight(page, step, perspective) {
  const want = expectedHighlight(step, perspective);
  await page
    .waitForFunction(new Function('arg', `return JSON.stringify((${readHighlight})(arg)) === arg.w;`), { w: JSON.stringify(want), ...IN_PAGE }, {
      timeout: TIMEOUT,
    })
    .catch(() => {});
  assert.deepEqual(await page.evaluate(readHighlight, IN_PAGE), want, `highlights of step "${step.id}" in ${perspective} view`);
}

test('user view: each step highlights exactly its flows and places (walked with Next)', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  for (let i = 0; i < N; i++) {
    if (i > 0) await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i, { hash: i > 0 });
    await expectHighlight(page, content.steps[i], 'user');
  }
  await done(page);
});

test('creator view: each step highlights exactly its flows and places (opened by hash)', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, `/?view=creator#step-${content.steps[N - 1].id}`);
  // Visit in reverse, changing only the hash (a hash link or a pasted URL).
  for (let i = N - 1; i >= 0; i--) {
    await page.evaluate((id) => {
      location.hash = `#step-${id}`;
    }, content.steps[i].id);
    await expectStep(page, content, i);
    await expectHighlight(page, content.steps[i], 'creator');
  }
  await done(page);
});

test('every place and flow is focusable and named; a region is a frame, not a link', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?view=creator');
  // Regions (places with a width and height) frame the boxes; they open nothing.
  const regions = content.places.filter((p) => p.width !== undefined).map((p) => p.id);
  const frames = await page.$$eval(`svg${S.DIAGRAM_SVG_CLASS}:visible g${S.PLACE_REGION_CLASS}`, (gs, { S, C }) =>
    gs.map((g) => ({ id: g.getAttribute(C.PLACE_ATTRIBUTE), link: ['role', 'tabindex', C.GO_STEP_ATTRIBUTE].some((a) => g.hasAttribute(a)) })), IN_PAGE);
  assert.deepEqual(frames, regions.map((id) => ({ id, link: false })), 'regions are drawn, and are not links');
  const shapes = await page.$$eval(`svg${S.DIAGRAM_SVG_CLASS}:visible g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}]:not(${S.PLACE_REGION_CLASS}), svg${S.DIAGRAM_SVG_CLASS}:visible g${S.FLOW_CLASS}[${C.FLOW_ATTRIBUTE}]`, (gs, { S, C }) =>
    gs.map((g) => ({
      id: g.getAttribute(C.PLACE_ATTRIBUTE) ?? g.getAttribute(C.FLOW_ATTRIBUTE),
      kind: g.hasAttribute(C.PLACE_ATTRIBUTE) ? 'place' : 'flow',
      tabindex: g.getAttribute('tabindex'),
      role: g.getAttribute('role'),
      label: (g.getAttribute('aria-label') ?? '').trim(),
    })), IN_PAGE,
  );
  const ids = (kind) => sorted(shapes.filter((s) => s.kind === kind).map((s) => s.id));
  assert.deepEqual(ids('place'), sorted(content.places.filter((p) => !regions.includes(p.id)).map((p) => p.id)), 'one shape per place');
  assert.deepEqual(ids('flow'), sorted(content.flows.filter((f) => flowApplies(f, 'creator')).map((f) => f.id)),
    'one shape per flow (creator view shows all of them)');
  for (const s of shapes) {
    assert.equal(s.tabindex, '0', `${s.kind} ${s.id} is in the tab order`);
    assert.equal(s.role, 'link', `${s.kind} ${s.id} has role=link`);
    assert.ok(s.label.length > 0, `${s.kind} ${s.id} has an aria-label`);
  }
  // Focusable for real: focus() lands on each of them.
  for (const s of shapes) {
    const attr = s.kind === 'place' ? C.PLACE_ATTRIBUTE : C.FLOW_ATTRIBUTE;
    await page.focus(`svg${S.DIAGRAM_SVG_CLASS}:visible g.${s.kind}[${attr}="${s.id}"]`);
    assert.equal(await page.evaluate((a) => document.activeElement?.getAttribute(a), attr), s.id,
      `${s.kind} ${s.id} takes focus`);
  }
  await done(page);
});

/**
 * A point on the flow's own visible line (the group's box centre is often off
 * the curve) that a pointer really hits, relative to the box Playwright clicks
 * in. Fails, naming what covers the line, if no point of the line's body
 * (5%..95% of its length) reaches this flow: then a reader aiming at the
 * drawn arrow would open some other step.
 */
async function pointOnFlow(page, flowId) {
  const sel = `svg${S.DIAGRAM_SVG_CLASS}:visible g${S.FLOW_CLASS}[${C.FLOW_ATTRIBUTE}="${flowId}"]`;
  const flow = page.locator(sel);
  await flow.scrollIntoViewIfNeeded();
  const found = await page.$eval(sel, (g, { S, C }) => {
    const path = g.querySelector(`path${S.FLOW_LINE_CLASS}`) ?? g.querySelector('path');
    const ctm = path.getScreenCTM();
    const total = path.getTotalLength();
    const covered = new Set();
    const fractions = [];
    for (let k = 10; k <= 190; k++) fractions.push(k / 200);
    fractions.sort((a, b) => Math.abs(a - 0.5) - Math.abs(b - 0.5)); // middle first
    for (const f of fractions) {
      const p = path.getPointAtLength(total * f);
      const x = ctm.a * p.x + ctm.c * p.y + ctm.e;
      const y = ctm.b * p.x + ctm.d * p.y + ctm.f;
      const hit = document.elementFromPoint(x, y);
      if (hit?.closest(`g${S.FLOW_CLASS}`) === g) return { point: { x, y } };
      const owner = hit?.closest(`[${C.FLOW_ATTRIBUTE}], [${C.PLACE_ATTRIBUTE}]`);
      covered.add(owner ? (owner.hasAttribute(C.FLOW_ATTRIBUTE) ? `flow ${owner.getAttribute(C.FLOW_ATTRIBUTE)}` : `place ${owner.getAttribute(C.PLACE_ATTRIBUTE)}`) : hit?.tagName ?? 'nothing');
    }
    return { covered: [...covered] };
  }, IN_PAGE);
  assert.ok(found.point,
    `flow ${flowId}: no point of its drawn line can be clicked; it is covered by ${found.covered?.join(', ')}`);
  const box = await flow.boundingBox();
  return { x: found.point.x - box.x, y: found.point.y - box.y };
}

// Wide screens draw the diagram beside the text, phones in a strip above it
// (zoomed to the step); the creator view adds flows, which moves the others.
// Try every combination.
for (const width of [1280, 375]) {
  for (const perspective of ['user', 'creator']) {
    test(`${width}px wide, ${perspective} view: clicking a flow opens the step that explains it`, { timeout: TEST_TIMEOUT }, async (t) => {
      const page = await app.newPage();
      await page.setViewportSize({ width, height: 900 });
      await openApp(page, app.baseUrl, perspective === 'creator' ? '/?view=creator' : '/');
      for (const flow of content.flows.filter((f) => flowApplies(f, perspective))) {
        await t.test(`flow ${flow.id} opens step "${flow.step}"`, async () => {
          const target = stepIndex(flow.step);
          assert.ok(target >= 0, `flow ${flow.id} names an existing step`);
          // Start somewhere else so the click has to move. On a phone the strip
          // shows the step's part of the map: start at the last step, which
          // highlights (so shows) all of it.
          const from = width < 900 ? (target === N - 1 ? 0 : N - 1) : target === 0 ? N - 1 : 0;
          await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${content.steps[from].id}"]`);
          await expectStep(page, content, from);
          await page.click(`svg${S.DIAGRAM_SVG_CLASS}:visible g${S.FLOW_CLASS}[${C.FLOW_ATTRIBUTE}="${flow.id}"]`, { position: await pointOnFlow(page, flow.id) });
          await waitForHeading(page, content.steps[target].title);
          await expectStep(page, content, target);
          await expectHeadingFocused(page);
        });
      }
      await done(page);
    });
  }
}

test('Enter on a focused place opens the step that explains it', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  for (const place of content.places.filter((p) => p.step)) {
    const target = stepIndex(place.step);
    assert.ok(target >= 0, `place ${place.id} names an existing step`);
    const from = target === 0 ? N - 1 : 0;
    await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${content.steps[from].id}"]`);
    await expectStep(page, content, from);
    await page.focus(`svg${S.DIAGRAM_SVG_CLASS}:visible g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="${place.id}"]`);
    await page.keyboard.press('Enter');
    await waitForHeading(page, content.steps[target].title);
    await expectStep(page, content, target);
    await expectHeadingFocused(page);
  }
  // Space works like Enter.
  const place = content.places[content.places.length - 1];
  const target = stepIndex(place.step);
  const from = target === 0 ? N - 1 : 0;
  await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${content.steps[from].id}"]`);
  await expectStep(page, content, from);
  await page.focus(`svg${S.DIAGRAM_SVG_CLASS}:visible g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="${place.id}"]`);
  await page.keyboard.press('Space');
  await expectStep(page, content, target);
  await done(page);
});

test('the flow table has one row per flow', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  const rows = await page.$$eval(`table${S.FLOW_TABLE_CLASS} tr[${C.FLOW_ATTRIBUTE}]`, (trs, { S, C }) => trs.map((tr) => tr.getAttribute(C.FLOW_ATTRIBUTE)), IN_PAGE);
  assert.deepEqual(rows, content.flows.map((f) => f.id), 'rows in content order, creator-only flows included');
  await done(page);
});

/**
 * The drawn labels of the shown arrows, measured in the page: each label's box
 * that covers a box of a place, another shown label, or runs out of the shown
 * drawing (in its own view box: the phone strip's zoom included). Runs in the page.
 */
function labelClashes({ S, C }) {
  const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
  const frame = svg.getBoundingClientRect();
  const box = (el) => el.getBoundingClientRect();
  const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const labels = [...svg.querySelectorAll(`g${S.FLOW_CLASS} ${S.FLOW_LABEL_CLASS}`)].filter((t) => getComputedStyle(t).display !== 'none');
  const boxes = [...svg.querySelectorAll(`g${S.PLACE_CLASS}:not(${S.PLACE_REGION_CLASS}) > rect`)];
  const name = (el) => el.closest(`${S.FLOW_ATTRIBUTE}, ${S.PLACE_ATTRIBUTE}`);
  const clashes = [];
  labels.forEach((label, i) => {
    const r = box(label);
    const who = name(label).getAttribute(C.FLOW_ATTRIBUTE);
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) clashes.push(`${who}: out of the drawing`);
    for (const place of boxes) if (meet(r, box(place))) clashes.push(`${who} covers ${name(place).getAttribute(C.PLACE_ATTRIBUTE)}`);
    for (const other of labels.slice(i + 1)) if (meet(r, box(other))) clashes.push(`${who} meets ${name(other).getAttribute(C.FLOW_ATTRIBUTE)}`);
  });
  return { shown: labels.length, clashes };
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
  test(`${viewport.width}×${viewport.height}: the labels a step shows cover no box and no other label, and stay in the drawing`, { timeout: TEST_TIMEOUT }, async (t) => {
    const context = await app.browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers: 'block', isMobile: viewport.width < 900, hasTouch: viewport.width < 900 });
    const page = await context.newPage();
    try {
      let shown = 0;
      for (const perspective of content.perspectives.map((p) => p.id)) {
        for (let i = 0; i < N; i++) {
          await openApp(page, app.baseUrl, `/?view=${perspective}#step-${content.steps[i].id}`);
          await expectStep(page, content, i);
          await expectHighlight(page, content.steps[i], perspective);
          const { shown: n, clashes } = await page.evaluate(labelClashes, IN_PAGE);
          shown += n;
          assert.deepEqual(clashes, [], `${perspective} view, step ${i + 1} (${content.steps[i].id})`);
        }
      }
      t.diagnostic(`${viewport.width}×${viewport.height}: ${shown} labels shown over every step and view, none covering a box or a label`);
    } finally {
      await context.close();
    }
  });
}
