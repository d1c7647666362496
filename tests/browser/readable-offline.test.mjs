// Reading without a connection: after one visit the service worker serves the
// whole app offline, and the single-file edition works on its own from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, startServer, loadContent, trackErrors, assertNoErrors, waitForHeading, expectStep, controlled, norm, DIST, TIMEOUT, TEST_TIMEOUT, SINGLE_FILE, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

async function freshContext(viewport = { width: 1280, height: 900 }) {
  const context = await app.browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  return context;
}

/** Clicks Next through every step, checking each heading; ends on the last step. */
async function walkAllSteps(page) {
  await waitForHeading(page, content.steps[0].title);
  for (let i = 1; i < content.steps.length; i++) {
    await page.click(S.PAGER_NEXT_CLASS);
    await waitForHeading(page, content.steps[i].title);
  }
}

/** The precache list written into sw.js at build time. */
async function precacheList(root = DIST) {
  const sw = await readFile(path.join(root, 'sw.js'), 'utf8');
  const m = /const FILES = (\[[^\]]*\]);/.exec(sw);
  assert.ok(m, 'sw.js declares its FILES list');
  return JSON.parse(m[1]);
}

test('after one visit the explainer works offline through the service worker', { timeout: TEST_TIMEOUT }, async () => {
  // Its own server, so "offline" can also mean the server is really gone.
  const server = await startServer(DIST);
  const context = await freshContext();
  try {
    const page = await context.newPage();
    trackErrors(page);
    const online = [];
    page.on('request', (r) => online.push(r.url()));
    await page.goto(server.baseUrl + '/', { waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });

    let isControlled = await page.evaluate(controlled);
    if (!isControlled) {
      // The first visit may finish before the worker claims it; one reload must do.
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
      isControlled = await page.evaluate(controlled);
    }
    assert.ok(isControlled, 'the page is controlled by an active service worker (sw.js)');
    const scope = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return { script: reg.active?.scriptURL ?? null, scope: reg.scope };
    });
    assert.equal(scope.script, server.baseUrl + '/sw.js', 'the active worker is sw.js');

    // The precache list covers every file the page asked for while online
    // (sw.js itself is the worker script, which the browser fetches, not the page).
    const files = await precacheList();
    const requested = [...new Set(online.map((u) => new URL(u)))]
      .filter((u) => u.origin === server.baseUrl)
      .map((u) => (u.pathname === '/' ? './' : decodeURIComponent(u.pathname.slice(1))))
      .filter((name) => name !== 'sw.js' && name !== 'version.json'); // version.json always comes from the network
    const uniqueRequested = [...new Set(requested)].sort();
    assert.ok(uniqueRequested.length >= 4, `the page requested its files: ${uniqueRequested.join(', ')}`);
    assert.deepEqual(
      uniqueRequested.filter((name) => !files.includes(name)),
      [],
      `requested files missing from sw.js's precache list ${JSON.stringify(files)}`,
    );
    // And the cache really holds them.
    const uncached = await page.evaluate(async (names) => {
      const out = [];
      for (const name of names) if (!(await caches.match(new URL(name, location.href).href))) out.push(name);
      return out;
    }, uniqueRequested);
    assert.deepEqual(uncached, [], 'requested files missing from the service worker cache');
    assertNoErrors(page);

    // Offline: the browser has no network and the server is gone.
    await context.setOffline(true);
    await server.close();
    const failed = [];
    page.on('requestfailed', (r) => {
      if (new URL(r.url()).pathname !== '/sw.js') failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
    await walkAllSteps(page);
    assert.deepEqual(failed, [], 'no request failed offline');

    // A step's share page, opened offline, leads to the cached explainer at that step.
    const step = content.steps[2];
    await page.goto(`${server.baseUrl}/step/${step.id}/`, { waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
    await expectStep(page, content, 2, { hash: false });
    assert.deepEqual(failed, [], 'no request failed offline');
    assertNoErrors(page);
  } finally {
    await context.close().catch(() => {});
    await server.close();
  }
});

/** The visible diagram (CSS shows one of the two drawings) and what it draws. */
function readVisibleDiagram({ S, C }) {
  const visible = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].filter((svg) => {
    const r = svg.getBoundingClientRect();
    return getComputedStyle(svg).display !== 'none' && r.width > 0 && r.height > 0;
  });
  const svg = visible[0];
  return {
    visible: visible.map((s) =>
      s.classList.contains(C.DIAGRAM_SVG_LANDSCAPE_CLASS) ? 'landscape' : s.classList.contains(C.DIAGRAM_SVG_PORTRAIT_CLASS) ? 'portrait' : s.getAttribute('class'),
    ),
    places: svg ? [...svg.querySelectorAll(`g${S.PLACE_CLASS}${S.PLACE_ATTRIBUTE}`)].map((g) => g.getAttribute(C.PLACE_ATTRIBUTE)).sort() : [],
    flows: svg ? [...svg.querySelectorAll(`g${S.FLOW_CLASS}${S.FLOW_ATTRIBUTE}`)].map((g) => g.getAttribute(C.FLOW_ATTRIBUTE)).sort() : [],
  };
}

test('the single-file edition works alone from file://', { timeout: TEST_TIMEOUT }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'readable-single-'));
  const context = await freshContext();
  try {
    const file = path.join(dir, SINGLE_FILE);
    await copyFile(path.join(DIST, SINGLE_FILE), file);
    assert.deepEqual(await readdir(dir), [SINGLE_FILE], 'nothing else is next to the file');
    const url = pathToFileURL(file).href;

    const page = await context.newPage();
    trackErrors(page);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });

    await walkAllSteps(page);

    const placeIds = content.places.map((p) => p.id).sort();
    let diagram = await page.evaluate(readVisibleDiagram, IN_PAGE);
    assert.deepEqual(diagram.visible, ['landscape'], 'one diagram, the landscape one, is shown at 1280px');
    assert.deepEqual(diagram.places, placeIds, 'the diagram draws every place');
    // A flow drawn for another perspective than the first (the shipped story's
    // creators' path), if the story has one: absent, then drawn once switched to.
    const first = content.perspectives[0].id;
    const limited = content.flows.find((f) => f.perspectives?.length && !f.perspectives.includes(first));
    const shown = limited?.perspectives[0] ?? first;
    if (limited) {
      assert.ok(!diagram.flows.includes(limited.id), `the flow ${limited.id} is not drawn in the first perspective`);
      await page.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=${shown}]`);
      await page
        .waitForFunction(
          ({ id, S, C }) =>
            [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].some(
              (svg) => getComputedStyle(svg).display !== 'none' && svg.querySelector(`g${S.FLOW_CLASS}[${C.FLOW_ATTRIBUTE}="${id}"]`),
            ),
          { id: limited.id, ...IN_PAGE },
          { timeout: TIMEOUT },
        )
        .catch(() => {});
      diagram = await page.evaluate(readVisibleDiagram, IN_PAGE);
      assert.ok(diagram.flows.includes(limited.id), `the flow ${limited.id} is drawn in the visible diagram: ${diagram.flows}`);
      assert.equal(
        await page.getAttribute(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=${shown}]`, 'aria-pressed'),
        'true',
        `the ${shown} button is pressed`,
      );
    } else {
      assert.deepEqual(diagram.flows, content.flows.map((f) => f.id).sort(), 'the diagram draws every flow');
    }

    // On a phone the diagram is the phone layout's strip: the landscape drawing,
    // with the same places and flow, zoomed to the step as soon as the window narrows.
    await page.setViewportSize({ width: 375, height: 812 });
    // The current step's focus box, if the strip shows it; null otherwise.
    const zoomed = ({ perspective, S, C }) => {
      const svg = document.querySelector(`svg${S.DIAGRAM_SVG_LANDSCAPE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="${perspective}"]`);
      const current = [...document.querySelectorAll(`${S.STAGE_ID} article${S.STEP_CLASS}`)].findIndex((a) => !a.hidden);
      const focus = svg.getAttribute(C.FOCUS_ATTRIBUTE).split(';')[current];
      return svg.getAttribute('viewBox') === focus ? focus : null;
    };
    await page.waitForFunction(zoomed, { perspective: shown, ...IN_PAGE }, { timeout: TIMEOUT }).catch(() => {});
    const zoom = await page.evaluate(zoomed, { perspective: shown, ...IN_PAGE });
    assert.ok(zoom, `the strip shows the step's part of the map (viewBox ${await page.getAttribute(`svg.diagram-svg--landscape[${C.PERSPECTIVE_PART_ATTRIBUTE}="${shown}"]`, 'viewBox')})`);
    diagram = await page.evaluate(readVisibleDiagram, IN_PAGE);
    assert.deepEqual(diagram.visible, ['landscape'], 'the strip (the landscape drawing) is shown at 375px');
    assert.deepEqual(diagram.places, placeIds, 'the strip draws every place');
    if (limited) assert.ok(diagram.flows.includes(limited.id), `the strip draws the flow ${limited.id}`);

    const sourceTitles = await page.evaluate(({ S }) =>
      [...document.querySelectorAll(`li${S.SOURCE_CLASS}`)].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    IN_PAGE);
    assert.equal(sourceTitles.length, content.sources.length, 'one entry per source');
    for (const s of content.sources) {
      assert.ok(
        sourceTitles.some((t) => t.includes(norm(s.title))),
        `the sources section lists "${s.title}"`,
      );
    }

    assertNoErrors(page);
    const other = requests.filter((u) => u !== url && !u.startsWith('data:'));
    assert.deepEqual(other, [], 'the single file requests nothing but itself and data: URLs');
    assert.ok(requests.includes(url), 'the file itself was loaded');
  } finally {
    await context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
