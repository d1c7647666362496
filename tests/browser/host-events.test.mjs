// Events to the host: embedded, the explainer tells its parent page what the
// reader does (ready, a step shown and how, the perspective, the view, the evidence, a quote
// opened from a marker, a step shared, the last step reached), as Pym.js
// messages read with the real pym.Parent's onMessage, and as plain postMessage
// JSON for plain iframes (explainer-core's embed.rs has the formats).
//
// Two host pages on another origin (embed-hosts/events-pym.html and
// events-plain.html) forward every event to a stand-in for the site's
// analytics with the README's two example blocks, pasted in as they are (only
// the example address becomes the app's). The same walk through the frame must
// produce exactly its events, in order, in both. Not embedded, nothing is posted
// at all; and the frame never asks a server for anything but its own files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  EMBED_NAME, launch, loadContent, trackErrors, assertNoErrors, openApp, expectStep, ROOT, TIMEOUT, TEST_TIMEOUT, S, C, IN_PAGE
} from './support.mjs';
import { startHostServer, until, WAIT } from './hosts.mjs';

const content = loadContent();
const STEPS = content.steps;
const N = STEPS.length;
let app;
let host;

/** The README's example block after `<!-- host-events:<name> -->`, for the app at `appUrl`. */
function readmeBlock(name, appUrl) {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = new RegExp(`<!-- host-events:${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme)?.[1];
  assert.ok(block, `README.md has the ${name} example after <!-- host-events:${name} -->`);
  const example = 'https://example.org/graphics/tiktok-data/';
  assert.ok(block.includes(example), `the ${name} example names ${example}`);
  return block.replaceAll(example, appUrl);
}

before(async () => {
  assert.ok(N >= 7, 'the walk needs seven steps at least');
  app = await launch();
  host = await startHostServer(`${app.baseUrl}/`);
  host.snippets.set('events-plain.html', readmeBlock('plain', `${app.baseUrl}/`));
  host.snippets.set('events-pym.html', readmeBlock('pym', `${app.baseUrl}/`));
});
after(async () => {
  await app?.close();
  await host?.close();
});

/** A context with touch, so a swipe can be made of real touch events. */
async function touchContext() {
  const context = await app.browser.newContext({
    viewport: { width: 1280, height: 900 },
    hasTouch: true,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(TIMEOUT);
  return context;
}

const SHOWN = S.SHOWN_STEP;

/** What the analytics stand-in has received so far (each tracked under its type). */
async function tracked(page) {
  const all = await page.evaluate(() => window.tracked);
  for (const { name, fields } of all) assert.equal(name, fields?.type, 'tracked under the event’s type');
  return all.map((t) => t.fields);
}

/** Waits until the host has received `count` events, then returns them. */
async function received(page, count, what) {
  await until(page, async () => {
    const events = await tracked(page);
    return { ok: events.length >= count, events };
  }, `${what}: ${count} events`);
  return tracked(page);
}

const step = (i, how) => ({ type: `${EMBED_NAME}:step`, id: STEPS[i].id, number: i + 1, steps: N, how });

/**
 * Walks the frame: each move and the events it must produce. Returns every
 * event expected, in order.
 */
async function walk(page, frame, cdp) {
  const expected = [];
  const expect = async (what, action, ...events) => {
    await action();
    expected.push(...events);
    const got = await received(page, expected.length, what);
    assert.deepEqual(got, expected, `after ${what}, exactly these events in this order`);
  };
  const shownStep = () => frame.evaluate(({ s, C }) => document.querySelector(s).getAttribute(C.STEP_ATTRIBUTE), { s: SHOWN, ...IN_PAGE });

  await expect('start', async () => {}, {
    type: `${EMBED_NAME}:ready`, step: STEPS[0].id, number: 1, steps: N, perspective: 'user', view: 'steps',
  });
  await expect('Next', () => frame.click(S.PAGER_NEXT_CLASS), step(1, 'next'));
  await expect('the → key', () => frame.press(`${SHOWN} h2`, 'ArrowRight'), step(2, 'next'));
  await expect('Previous', () => frame.click(S.PAGER_PREVIOUS_CLASS), step(1, 'previous'));
  await expect('the ← key', () => frame.press(`${SHOWN} h2`, 'ArrowLeft'), step(0, 'previous'));
  // A leftward swipe across the step's heading, brought into the host's view
  // first, in the host page's coordinates.
  await frame.locator(`${SHOWN} h2`).scrollIntoViewIfNeeded();
  const box = await frame.locator(`${SHOWN} h2`).boundingBox();
  const y = box.y + box.height / 2;
  // Chromium makes the whole gesture itself (real touch events at 2000 px/s), so a
  // busy machine's slow protocol round trips cannot stretch it past a swipe's time limit.
  await expect('a swipe', () => cdp.send('Input.synthesizeScrollGesture', {
    x: box.x + 500, y, xDistance: -400, yDistance: 0, speed: 2000, gestureSourceType: 'touch', preventFling: true,
  }), step(1, 'swipe'));
  await expect('the step list', () => frame.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${STEPS[4].id}"]`), step(4, 'list'));

  // A place of the drawing shown that opens another step.
  const place = await frame.evaluate(({ current, S, C }) => {
    const drawing = `figure${S.DIAGRAM_CLASS} svg${S.DIAGRAM_SVG_CLASS}`;
    const svg = [...document.querySelectorAll(drawing)].find((s) => s.getClientRects().length > 0);
    const link = [...svg.querySelectorAll(S.GO_STEP_ATTRIBUTE)].find((a) => Number(a.getAttribute(C.GO_STEP_ATTRIBUTE)) !== current && a.getClientRects().length > 0);
    return { index: Number(link.getAttribute(C.GO_STEP_ATTRIBUTE)), selector: `${drawing} [${C.GO_STEP_ATTRIBUTE}="${link.getAttribute(C.GO_STEP_ATTRIBUTE)}"]` };
  }, { current: 4, ...IN_PAGE });
  await expect('a place in the diagram', () => frame.locator(place.selector).filter({ visible: true }).first().click(), step(place.index, 'diagram'));

  // A link to a step elsewhere on the page: the sources' links.
  const link = await frame.evaluate(({ current, S, C }) => {
    const a = [...document.querySelectorAll(`a${S.GO_STEP_ATTRIBUTE}`)].find(
      (a) => !a.closest(`nav${S.STEP_LIST_CLASS}, figure${S.DIAGRAM_CLASS}`) && a.getClientRects().length > 0 && Number(a.getAttribute(C.GO_STEP_ATTRIBUTE)) !== current,
    );
    a.setAttribute('data-test-link', '');
    return Number(a.getAttribute(C.GO_STEP_ATTRIBUTE));
  }, { current: place.index, ...IN_PAGE });
  await expect('a step link in the sources', () => frame.click('[data-test-link]'), step(link, 'link'));

  // An address naming a step (a frame replaces its history entries, so back
  // would leave the host page: the hash stands in for back and forward).
  const named = link === 3 ? 2 : 3;
  await expect('an address naming a step', () => frame.evaluate((id) => {
    location.hash = `#step-${id}`;
  }, STEPS[named].id), step(named, 'history'));

  await expect('the creator’s view', () => frame.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`), {
    type: `${EMBED_NAME}:perspective`, perspective: 'creator',
  });
  const opened = await shownStep();
  await expect('the step’s evidence opened', () => frame.click(`${SHOWN} ${S.EVIDENCE_TOGGLE_CLASS}`), {
    type: `${EMBED_NAME}:evidence`, block: opened,
  });
  // Closing it says nothing (the next expectation finds nothing in between).
  await frame.click(`${SHOWN} ${S.EVIDENCE_TOGGLE_CLASS}`);
  const marker = await frame.getAttribute(`${SHOWN} sup a${S.REF_LINK_CLASS}`, 'href');
  await expect('a reference marker', () => frame.click(`${SHOWN} sup a${S.REF_LINK_CLASS}[href="${marker}"] >> nth=0`), {
    type: `${EMBED_NAME}:quote`, quote: marker.slice(1),
  });
  const current = await shownStep();
  await expect('Share this step', () => frame.click(`${SHOWN} button[${C.SHARE_ATTRIBUTE}]`), {
    type: `${EMBED_NAME}:share`, step: current,
  });
  await expect('the last step, from the list', () => frame.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${STEPS[N - 1].id}"]`),
    step(N - 1, 'list'), { type: `${EMBED_NAME}:last-step`, step: STEPS[N - 1].id, number: N });
  // Reaching it again says nothing more than the step.
  await expect('Previous from the last step', () => frame.click(S.PAGER_PREVIOUS_CLASS), step(N - 2, 'previous'));
  await expect('Next to the last step again', () => frame.click(S.PAGER_NEXT_CLASS), step(N - 1, 'next'));
  await expect('the timeline', () => frame.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=timeline]`), { type: `${EMBED_NAME}:view`, view: 'timeline' });
  await expect('the steps again', () => frame.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=steps]`), { type: `${EMBED_NAME}:view`, view: 'steps' });
  // Nothing trails the last one: two frames of the explainer, then two of the host.
  for (const f of [frame, page]) await f.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await tracked(page), expected, 'no event after the last interaction');
  return expected;
}

/** Opens a host page, records the frame's requests, walks it and checks the events. */
async function walkHost(name) {
  const context = await touchContext();
  try {
    const page = await context.newPage();
    trackErrors(page);
    const requests = [];
    context.on('request', (r) => requests.push(r));
    await page.goto(`${host.base}/${name}`, { waitUntil: 'load' });
    const iframe = await page.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
    let frame;
    await until(page, async () => {
      frame = await iframe.contentFrame();
      const live = (await frame?.$(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`).catch(() => null)) ?? null;
      return { ok: Boolean(live), url: frame?.url() ?? null };
    }, `${name}: the explainer is live in the frame`);
    const cdp = await context.newCDPSession(page);
    await walk(page, frame, cdp);
    // Nothing but the app's own files (and its version check) was asked of a server.
    const fromApp = requests.filter((r) => r.url().startsWith(app.baseUrl)).map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
    assert.deepEqual(fromApp.filter((r) => !r.startsWith('GET ')), [], 'the frame only ever GETs');
    assert.deepEqual(
      requests.filter((r) => !r.url().startsWith(app.baseUrl) && !r.url().startsWith(host.base)).map((r) => r.url()),
      [],
      'no request to any other server',
    );
    assertNoErrors(page);
  } finally {
    await context.close();
  }
}

test('Pym.js host: every interaction produces exactly its event, in order (pym.Parent onMessage)', { timeout: TEST_TIMEOUT }, async () => {
  await walkHost('events-pym.html');
});

test('plain iframe host: every interaction produces exactly its event, in order (postMessage JSON)', { timeout: TEST_TIMEOUT }, async () => {
  await walkHost('events-plain.html');
});

test('not embedded: nothing is posted to any window', { timeout: TEST_TIMEOUT }, async () => {
  const context = await touchContext();
  try {
    await context.addInitScript(() => {
      window.__posted = [];
      const post = Window.prototype.postMessage;
      Window.prototype.postMessage = function (...args) {
        window.__posted.push(JSON.stringify(args[0]));
        return post.apply(this, args);
      };
      window.addEventListener('message', (e) => window.__posted.push(`message event: ${JSON.stringify(e.data)}`));
    });
    const page = await context.newPage();
    trackErrors(page);
    await openApp(page, app.baseUrl, '/');
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, 1);
    await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${STEPS[N - 1].id}"]`);
    await expectStep(page, content, N - 1);
    await page.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`);
    await page.click(`${SHOWN} sup a${S.REF_LINK_CLASS} >> nth=0`);
    await page.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=timeline]`);
    // Two frames for anything the app might still send.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await page.evaluate(() => window.__posted), [], 'no postMessage, no message');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
