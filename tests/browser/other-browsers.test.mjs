// The walk-through in the two other engines our readers use: WebKit (Safari, every
// iPhone browser) and Gecko (Firefox). The rest of tests/browser/ drives Chromium
// with Playwright; Playwright cannot drive Debian's stock Firefox or WebKitGTK, so:
//
// - Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
// - WebKit: Debian's webkit2gtk-driver (WebKitWebDriver, which drives WebKitGTK's
//   MiniBrowser) under an Xvfb display this file starts, driven by selenium-webdriver.
//
// Both walks do the same things through a small adapter (evaluate / waitFor /
// click / key), so a difference between the engines is a difference in the app.
// Every wait polls a page condition up to a deadline; nothing sleeps a fixed time.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import {
  startServer, loadContent, flowApplies, norm, phoneScreen, pagerCount, recordStepChanges, nextMovedAfterChange, requireFile, stopProcess,
  timelineEvents, STEP_HEADING, TIMEOUT, TEST_TIMEOUT, S, C, IN_PAGE
} from './support.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = process.env.XVFB_PATH || '/usr/bin/Xvfb';
const VIEWPORT = { width: 1280, height: 900 };
/** A phone-sized window: the phone layout (diagram strip, pager at the bottom). */
const PHONE = { width: 375, height: 667 };

const content = loadContent();
const N = content.steps.length;
const creatorOnly = content.flows.filter(
  (f) => Array.isArray(f.perspectives) && f.perspectives.length === 1 && f.perspectives[0] === 'creator',
);
let server;

before(async () => {
  assert.ok(N >= 3, 'the walk-through needs at least three steps');
  assert.ok(creatorOnly.length > 0, 'content.json has at least one creator-only flow');
  assert.ok(timelineEvents(content).length > 0, 'content.json has a timeline');
  server = await startServer();
});
after(async () => server?.close());

// ---------------------------------------------------------------------------
// Page-side helpers (serialised into the page, so they must be self-contained:
// they read the page's hooks from their argument, IN_PAGE's S and C).

function headingText({ S }) {
  return document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
}
function isLive({ S }) {
  const h = document.querySelector(`${S.ROOT_ID}${S.LIVE_ATTRIBUTE} ${S.SHOWN_STEP_HEADING}`);
  return !!h && h.getClientRects().length > 0;
}
/** The shown step's heading, index (from the kicker "Step i of n") and hash. */
function shownStep({ S }) {
  const text = (s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
  return { heading: text(S.SHOWN_STEP_HEADING), kicker: text(`${S.SHOWN_STEP} ${S.STEP_KICKER_CLASS}`), hash: location.hash };
}
/** The diagram drawing that is displayed (both orientations and perspectives are in the DOM). */
function visibleDiagramFlows({ S, C }) {
  const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
  return svg ? [...svg.querySelectorAll(`g${S.FLOW_CLASS}${S.FLOW_ATTRIBUTE}`)].map((g) => g.getAttribute(C.FLOW_ATTRIBUTE)) : null;
}
function pickPlace({ current, S, C }) {
  // A place in the displayed diagram that opens another step than the one shown.
  // Region outlines (place--region) sit under the others, so their centre is covered.
  const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
  const g = [...(svg?.querySelectorAll(`g${S.PLACE_CLASS}${S.GO_STEP_ATTRIBUTE}:not(${S.PLACE_REGION_CLASS})`) ?? [])].find(
    (el) => el.getAttribute(C.GO_STEP_ATTRIBUTE) !== String(current) && el.getClientRects().length > 0,
  );
  return g ? { place: g.getAttribute(C.PLACE_ATTRIBUTE), step: Number(g.getAttribute(C.GO_STEP_ATTRIBUTE)) } : null;
}
function timelineState({ S }) {
  const section = document.querySelector(`section${S.TIMELINE_ID}`);
  return {
    displayed: !!section && !section.hidden && section.getClientRects().length > 0,
    events: document.querySelectorAll(`section${S.TIMELINE_ID} li${S.EVENT_CLASS}`).length,
  };
}

/** Resolves after `n` animation frames. */
function framesPassed(n) {
  return new Promise((resolve) => {
    const tick = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
    tick(n);
  });
}

const expected = (i) => ({
  heading: norm(content.steps[i].title),
  kicker: `Step ${i + 1} of ${N}`,
  hash: `#step-${content.steps[i].id}`,
});

// ---------------------------------------------------------------------------
// The walk, against an adapter:
//   eval(fn, arg)            runs fn(arg) in the page, returns its (JSON) result
//   waitFor(fn, arg, what)   polls fn(arg) in the page until truthy or TIMEOUT, then asserts
//   click(css)               a real (driver) click on the first element matching css
//   clickPlace(placeId)      a real click on that place in the displayed diagram
//   key('ArrowRight'|'ArrowLeft')  a key press sent to the page body
//   frames(n)                resolves after n animation frames of the page

async function expectStepShown(b, i, { hash = true } = {}) {
  const want = expected(i);
  if (!hash) delete want.hash;
  await b
    .waitFor(
      (w) => {
        const t = (s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
        return t(w.S.SHOWN_STEP_HEADING) === w.heading && t(`${w.S.SHOWN_STEP} ${w.S.STEP_KICKER_CLASS}`) === w.kicker && (!w.hash || location.hash === w.hash);
      },
      { ...want, ...IN_PAGE },
      `step ${i + 1}`,
    )
    .catch(() => {});
  const got = await b.eval(shownStep, IN_PAGE);
  if (!hash) delete got.hash;
  assert.deepEqual(got, want, `expected step ${i + 1} (${content.steps[i].id})`);
}

async function walk(b, baseUrl, log) {
  const lap = (() => {
    let t = performance.now();
    return (what) => {
      const now = performance.now();
      log(`${what}: ${Math.round(now - t)} ms`);
      t = now;
    };
  })();

  await b.goto(baseUrl + '/');
  await b.waitFor(isLive, IN_PAGE, `the live app (${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]) shows the step heading`);
  await b.installErrorRecorder?.();
  lap('load until live');
  assert.equal(await b.eval(headingText, IN_PAGE), norm(content.steps[0].title), "first step's heading");
  await expectStepShown(b, 0, { hash: false });

  // Next through every step, each click as soon as the step before shows. Once a
  // step shows, nothing moves: a click computed then lands where it was aimed
  // (the app used to scroll one frame later, and WebKit lost a Next in ten that way).
  await b.eval(recordStepChanges, IN_PAGE);
  for (let i = 1; i < N; i++) {
    await b.click(S.PAGER_NEXT_CLASS);
    await expectStepShown(b, i);
    await b.frames(2);
    assert.equal(await b.eval(nextMovedAfterChange, IN_PAGE), null, `Next ${i}`);
  }
  lap(`Next through ${N} steps`);

  // ← and → on the page body move one step each way (from the last step: back, then forward).
  await b.key('ArrowLeft');
  await expectStepShown(b, N - 2);
  await b.key('ArrowRight');
  await expectStepShown(b, N - 1);
  lap('arrow keys');

  // The paid creator's view draws the creator-only flows in the displayed diagram.
  await b.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`);
  await b.waitFor(
    ({ S, C }) => document.querySelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`)?.getAttribute('aria-pressed') === 'true',
    IN_PAGE,
    'creator switch is pressed',
  );
  assert.equal(
    await b.eval(({ S, C }) => document.querySelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=user]`)?.getAttribute('aria-pressed'), IN_PAGE),
    'false',
    'user switch is released',
  );
  const ids = creatorOnly.map((f) => f.id);
  await b
    .waitFor(
      ({ want, S, C }) => {
        const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
        const flows = [...(svg?.querySelectorAll(`g${S.FLOW_CLASS}${S.FLOW_ATTRIBUTE}`) ?? [])].map((g) => g.getAttribute(C.FLOW_ATTRIBUTE));
        return want.every((id) => flows.includes(id));
      },
      { want: ids, ...IN_PAGE },
      'creator-only flows drawn',
    )
    .catch(() => {});
  const drawn = await b.eval(visibleDiagramFlows, IN_PAGE);
  for (const id of ids) assert.ok(drawn?.includes(id), `creator-only flow "${id}" drawn in the displayed diagram: ${JSON.stringify(drawn)}`);
  // And every flow drawn there applies to the creator.
  for (const id of drawn) {
    const flow = content.flows.find((f) => f.id === id);
    assert.ok(flow && flowApplies(flow, 'creator'), `flow "${id}" drawn in creator view applies to creators`);
  }
  lap('creator view');

  // A place in the displayed diagram opens the step its data-go-step names.
  const current = N - 1;
  const target = await b.eval(pickPlace, { current, ...IN_PAGE });
  assert.ok(target, 'the displayed diagram has a place that opens another step');
  await b.clickPlace(target.place);
  await expectStepShown(b, target.step);
  lap(`place "${target.place}" → step ${target.step + 1}`);

  // A reference marker moves focus to the quote it names.
  const href = await b.eval(({ S }) => document.querySelector(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}`)?.getAttribute('href') ?? null, IN_PAGE);
  assert.ok(href?.startsWith('#'), `the step has a reference marker with an in-page href: ${href}`);
  await b.click(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}`);
  await b.waitFor((id) => document.activeElement?.id === id, href.slice(1), 'focus on the quote').catch(() => {});
  assert.equal(await b.eval(() => document.activeElement?.id ?? null), href.slice(1), 'focus moves to the quote the marker names');
  lap('reference marker');

  // The timeline view shows every event.
  await b.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=timeline]`);
  await b
    .waitFor(
      ({ n, S }) => {
        const s = document.querySelector(`section${S.TIMELINE_ID}`);
        return !!s && !s.hidden && s.getClientRects().length > 0 && s.querySelectorAll(`li${S.EVENT_CLASS}`).length === n;
      },
      { n: timelineEvents(content).length, ...IN_PAGE },
      'timeline',
    )
    .catch(() => {});
  assert.deepEqual(await b.eval(timelineState, IN_PAGE), { displayed: true, events: timelineEvents(content).length }, 'the timeline is displayed with every event');
  lap('timeline');

  const errors = await b.errors();
  assert.deepEqual(errors, { console: [], page: [] }, 'no console errors or uncaught exceptions');
}

/**
 * The phone layout in a phone-sized window: after every Next, the step's heading
 * is on screen below the diagram strip, a highlighted place or flow is in the
 * strip, and the pager is at the bottom (the checks of phone.test.mjs, run by
 * `phoneScreen` in the page). Polls each screen until it settles or TIMEOUT.
 */
async function phoneWalk(b, baseUrl, log) {
  await b.resize(PHONE);
  await b.goto(baseUrl + '/');
  await b.waitFor(isLive, IN_PAGE, 'the live app shows the step heading');
  await b.installErrorRecorder?.();
  const width = await b.eval(() => innerWidth);
  assert.ok(width < 900, `the window is phone-sized (${width} CSS px wide)`);
  await b.eval((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), STEP_HEADING);
  await b.eval(recordStepChanges, IN_PAGE);
  for (let i = 1; i < N; i++) {
    await b.click(S.PAGER_NEXT_CLASS);
    await expectStepShown(b, i);
    await b.frames(2);
    assert.equal(await b.eval(nextMovedAfterChange, IN_PAGE), null, `phone layout, Next ${i}`);
    const arg = { heading: STEP_HEADING, count: pagerCount(i, N), ...IN_PAGE };
    const deadline = Date.now() + TIMEOUT;
    let screen = await b.eval(phoneScreen, arg);
    while (screen.problems.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50)); // polling interval, as in waitFor
      screen = await b.eval(phoneScreen, arg);
    }
    assert.deepEqual(screen.problems, [], `phone layout, step ${i + 1}: ${JSON.stringify(screen.state)}`);
  }
  const height = await b.eval(() => innerHeight);
  log(`phone layout at ${width}×${height} px: ${N - 1} steps by Next, the heading, every line of the lead, the evidence button and a highlighted item on screen each time`);
  const errors = await b.errors();
  assert.deepEqual(errors, { console: [], page: [] }, 'no console errors or uncaught exceptions (phone layout)');
}

// ---------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi.

test('Firefox (firefox-esr): the walk-through', { timeout: TEST_TIMEOUT }, async (t) => {
  requireFile(FIREFOX, 'firefox-esr');
  const { default: puppeteer } = await import('puppeteer-core');
  const started = performance.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: VIEWPORT,
    timeout: 30_000,
  });
  try {
    const version = await browser.version();
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    // Console errors and uncaught exceptions arrive as BiDi log events from the
    // first script on, so the whole load is covered.
    const errors = { console: [], page: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.console.push(msg.text());
    });
    page.on('pageerror', (error) => errors.page.push(String(error?.stack ?? error)));
    const b = {
      goto: (url) => page.goto(url, { waitUntil: 'load', timeout: TIMEOUT }),
      eval: (fn, arg) => page.evaluate(fn, arg),
      waitFor: async (fn, arg, what) => {
        try {
          await page.waitForFunction(fn, { timeout: TIMEOUT, polling: 50 }, arg);
        } catch (error) {
          throw new Error(`waiting for ${what}: ${error.message}`);
        }
      },
      click: async (css) => {
        const el = await page.waitForSelector(css, { visible: true, timeout: TIMEOUT });
        await el.click();
        await el.dispose();
      },
      clickPlace: async (id) => {
        const el = await page.evaluateHandle(
          ({ p, S, C }) =>
            [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)]
              .find((s) => s.getClientRects().length > 0)
              .querySelector(`g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="${p}"]`),
          { p: id, ...IN_PAGE },
        );
        await el.asElement().click();
        await el.dispose();
      },
      key: async (key) => {
        await page.evaluate(() => document.activeElement?.blur());
        assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is on body');
        await page.keyboard.press(key);
      },
      errors: async () => errors,
      resize: (size) => page.setViewport(size),
      frames: (n) => page.evaluate(framesPassed, n),
    };
    await walk(b, server.baseUrl, (line) => t.diagnostic(`firefox: ${line}`));
    await phoneWalk(b, server.baseUrl, (line) => t.diagnostic(`firefox: ${line}`));
    t.diagnostic(`firefox: ${version}, whole test ${Math.round(performance.now() - started)} ms`);
  } finally {
    await browser.close().catch(() => {});
  }
});

// ---------------------------------------------------------------------------
// WebKit: WebKitWebDriver + MiniBrowser (WebKitGTK) under our own Xvfb.

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display (-displayfd); resolves with { proc, display }. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const proc = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      stopProcess(proc);
      reject(new Error(`Xvfb did not report a display within ${TIMEOUT} ms: ${err}`));
    }, TIMEOUT);
    proc.stderr.on('data', (d) => (err += d));
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ proc, display: `:${out.trim()}` });
      }
    });
    proc.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${err}`));
    });
  });
}

/** Polls the driver's /status until it is ready, or fails at the deadline. */
async function waitForDriver(url, proc) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode})`);
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1_000) });
      const body = await res.json();
      if (body?.value?.ready !== false) return;
      last = JSON.stringify(body);
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
  }
  throw new Error(`WebKitWebDriver at ${url} not ready within ${TIMEOUT} ms: ${last}`);
}

test('WebKit (WebKitGTK MiniBrowser): the walk-through', { timeout: TEST_TIMEOUT }, async (t) => {
  requireFile(WEBKIT_DRIVER, 'webkit2gtk-driver');
  requireFile(MINIBROWSER, 'webkit2gtk-driver');
  requireFile(XVFB, 'xvfb');
  const { Builder, Browser, By, Key } = await import('selenium-webdriver');
  const started = performance.now();
  let xvfb;
  let wd;
  let driver;
  try {
    xvfb = await startXvfb();
    const port = await freePort();
    // Its own process group, so MiniBrowser and WebKit's helper processes go with it.
    wd = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: xvfb.display },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let wdErr = '';
    wd.stderr.on('data', (d) => (wdErr = (wdErr + d).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    await waitForDriver(url, wd);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build()
      .catch((error) => {
        throw new Error(`WebKitWebDriver session: ${error.message}\n${wdErr}`);
      });
    const caps = await driver.getCapabilities();
    const version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
    await driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: TIMEOUT * 3 });
    await driver.manage().window().setRect({ x: 0, y: 0, ...VIEWPORT }).catch(() => {});

    const run = (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg ?? null);
    const b = {
      goto: (u) => driver.get(u),
      eval: run,
      waitFor: async (fn, arg, what) => {
        await driver.wait(async () => !!(await run(fn, arg)), TIMEOUT, `waiting for ${what}`, 50);
      },
      click: async (css) => {
        const el = await driver.findElement(By.css(css));
        await el.click();
      },
      // WebKitWebDriver cannot click an SVG <g>: Element Click, Get Element Rect and
      // an action with the element as origin all answer "element not interactable"
      // (and clicking its <rect> is "intercepted" by the label drawn over it). So the
      // place is scrolled into view, its centre hit-tested in the page, and the
      // click is a real pointer action at those viewport coordinates.
      clickPlace: async (id) => {
        const at = await run(({ p, S, C }) => {
          const g = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)]
            .find((s) => s.getClientRects().length > 0)
            .querySelector(`g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="${p}"]`);
          g.scrollIntoView({ block: 'center', inline: 'center' });
          const r = g.getBoundingClientRect();
          const x = Math.round(r.x + r.width / 2);
          const y = Math.round(r.y + r.height / 2);
          return { x, y, hit: document.elementFromPoint(x, y)?.closest(`g${S.PLACE_CLASS}`)?.getAttribute(C.PLACE_ATTRIBUTE) ?? null };
        }, { p: id, ...IN_PAGE });
        assert.equal(at.hit, id, `the centre of place "${id}" is that place, not something drawn over it`);
        await driver.actions().move({ x: at.x, y: at.y, origin: 'viewport' }).click().perform();
      },
      key: async (key) => {
        await run(() => document.activeElement?.blur());
        assert.equal(await run(() => document.activeElement === document.body), true, 'focus is on body');
        await driver.findElement(By.css('body')).sendKeys(key === 'ArrowRight' ? Key.ARROW_RIGHT : Key.ARROW_LEFT);
      },
      // What is observable here: WebKitWebDriver (classic WebDriver) has no log
      // endpoint and no console events, so the test installs a recorder of its own
      // once the app is live: window 'error' and 'unhandledrejection' events and
      // console.error calls from then on. Checked once by hand: it records an
      // uncaught exception and an unhandled rejection raised by page code (a timer
      // or promise calling a page function) and console.error calls. NOT observed:
      // anything logged or thrown during the load and the wasm start-up before the
      // recorder is installed (a failure there shows up as the app never going
      // live); exceptions thrown by functions defined in a WebDriver script (WebKit
      // does not report those to the page's listeners); and messages WebKit itself
      // logs (CSP violations, failed requests) that never pass through console.error.
      installErrorRecorder: () =>
        run(() => {
          const rec = (window.__xbErrors = { console: [], page: [] });
          addEventListener('error', (e) => rec.page.push(e.error?.stack ? String(e.error.stack) : `${e.message} (${e.filename}:${e.lineno})`));
          addEventListener('unhandledrejection', (e) => rec.page.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));
          const orig = console.error;
          console.error = function (...args) {
            rec.console.push(args.map(String).join(' '));
            return orig.apply(this, args);
          };
        }),
      errors: () => run(() => window.__xbErrors ?? { console: ['error recorder missing (page reloaded?)'], page: [] }),
      // setRect sizes the window; the page's viewport is that less MiniBrowser's own
      // bars, so the window grows by their height to give the page the size asked for.
      resize: async (size) => {
        await driver.manage().window().setRect({ x: 0, y: 0, ...size });
        const bars = await run(() => outerHeight - innerHeight);
        await driver.manage().window().setRect({ x: 0, y: 0, width: size.width, height: size.height + bars });
      },
      frames: (n) => driver.executeAsyncScript(`(${framesPassed})(arguments[0]).then(arguments[arguments.length - 1]);`, n),
    };
    await walk(b, server.baseUrl, (line) => t.diagnostic(`webkit: ${line}`));
    await phoneWalk(b, server.baseUrl, (line) => t.diagnostic(`webkit: ${line}`));
    t.diagnostic(`webkit: ${version}, whole test ${Math.round(performance.now() - started)} ms`);
  } finally {
    await driver?.quit().catch(() => {});
    await stopProcess(wd, { group: true });
    await stopProcess(xvfb?.proc);
  }
});
