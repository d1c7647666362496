// Hardening: a host page on another site frames the app (`/?embed&childId=x`)
// and floods it with 10,000 random and malformed messages, from the host itself
// and from a sibling frame. The app must ignore every one of them: same step and
// perspective afterwards, no errors anywhere, and no answer to any of them. One
// valid `frames-init` afterwards gets exactly one answer.
//
// The iframe has a fixed size (the host does not apply the heights it is sent),
// so nothing changes the frame's size during the flood and the frame has no
// reason to post anything: every message it sends during the flood is a reply.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, inContext, loadContent, norm, TIMEOUT, S, C, IN_PAGE } from './support.mjs';

const content = loadContent();
const CHILD_ID = 'x';
/** Total payloads: from the host and from a sibling frame. */
const HOST_PAYLOADS = 8_000;
const SIBLING_PAYLOADS = 2_000;
const BATCH = 250;

let app;
let host;

before(async () => {
  app = await launch();
  host = await startHostilePages(app.baseUrl);
});
after(async () => {
  await app?.close();
  await host?.close();
});

// ---------------------------------------------------------------------------
// Host pages, on http://localhost:<port> (a different site from 127.0.0.1).

/** Payload generator, run inside the host and the sibling (plain JS, seeded). */
const GENERATOR = String.raw`
function makePayloads(count, seed, childId, { includeValid }) {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const int = (n) => Math.floor(rnd() * n);
  const randomString = (n) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      const r = rnd();
      out += r < 0.6 ? String.fromCharCode(32 + int(95))
        : r < 0.8 ? String.fromCharCode(int(0xd7ff))
        : r < 0.9 ? String.fromCodePoint(0x10000 + int(0xfffff))
        : pick(['xPYMx', 'pym', '%', '\u0000', '\ud800', '\udfff', '<script>', '"', '\n']);
    }
    return out;
  };
  // 50 levels; valid-looking frames-init objects only below the top level.
  const deep = (n, leaf) => { let o = leaf; for (let i = 0; i < n; i++) o = i === n - 1 ? pick([{ a: o }, [o]]) : pick([{ a: o }, [o], { sentinel: 'amp', type: 'frames-init', nested: o }]); return o; };
  const D = 'xPYMx';
  const widths = ['NaN', '-1', '0', '-0', '1e6', '100000', '100001', 'Infinity', '-Infinity', 'abc', '', ' ', '640px',
    '1e309', '0x280', '6 40', 'null', 'undefined', '-640', '640xPYMx1', String(Number.MAX_VALUE), '1e-400'];
  const goodWidths = ['640', '320', '1280.5', '768'];
  const wrongIds = ['y', 'X', 'x ', ' x', '', 'xx', 'x\u0000', 'childId', 'xPYMx', '<script>x<\/script>'];
  const wrongTypes = ['height', 'Width', 'WIDTH', 'width ', 'navigateTo', 'scrollToChildPos', 'parentPositionInfo', ''];
  const kB100 = () => { const unit = pick(['a', 'é', '😀', 'pymxPYMx' + childId + 'xPYMxwidthxPYMx640', ' ']); return 'pym' + D + childId + D + 'width' + D + '640' + unit.repeat(Math.ceil(102400 / unit.length)); };
  const makers = [
    () => randomString(int(200)),
    () => pick([0, -0, 1, -1, NaN, Infinity, -Infinity, 1e308, Number.MIN_VALUE, 640, 2 ** 53, rnd() * 1e6]),
    () => pick([null, undefined, true, false]),
    () => Array.from({ length: int(20) }, () => pick([randomString(5), int(1000), null, [], {}])),
    () => deep(50, pick([null, 'frames-init', { sentinel: 'amp', type: 'frames-init' }, 'pym' + D + childId + D + 'width' + D + '640'])),
    () => pick([
      { sentinel: 'amp', type: 'embed-size', height: 640 },
      { sentinel: 'AMP', type: 'frames-init' },
      { sentinel: 'amp ', type: 'frames-init' },
      { sentinel: 'amp', type: 'frames-init ' },
      { sentinel: 'amp', type: 'Frames-Init' },
      { sentinel: 'amp', type: 'frames_init' },
      { sentinel: 'amp' },
      { type: 'frames-init' },
      { sentinel: 'pym', type: 'frames-init' },
      { sentinel: ['amp'], type: 'frames-init' },
      { sentinel: 'amp', type: ['frames-init'] },
      { sentinel: new String('amp'), type: new String('frames-init') },
      { sentinel: 1, type: 2 },
      { sentinel: null, type: null },
      { sentinel: { toString: null }, type: 'frames-init' },
      JSON.parse('{"__proto__": {"sentinel": "amp", "type": "frames-init"}}'),
      Object.assign(Object.create(null), { sentinel: 'amp' }),
      { data: { sentinel: 'amp', type: 'frames-init' } },
      [ 'amp', 'frames-init' ],
      { sentinel: 'amp', type: 'frames-init'.toUpperCase() },
      'frames-init',
      '{"sentinel":"amp","type":"frames-init"}',
    ]),
    () => ['pym', pick(wrongIds), 'width', pick(goodWidths)].join(D),
    () => ['pym', childId, pick(wrongTypes), pick(goodWidths)].join(D),
    () => ['pym', childId, 'width', pick(widths)].join(D),
    () => pick(['PYM', 'py', 'pymx', ' pym', '']) + D + childId + D + 'width' + D + '640',
    () => ['pym', childId, 'width', '640'].join(pick(['xpymx', 'XPYMX', 'xPYM', '_', D + D])),
    () => ['pym', childId, 'width', '640', 'extra'].join(D),
    () => 'pym' + D + childId + D + 'width' + D + '640' + pick(['\u0000', 'px', 'xPYMx', ' ', '\n']).repeat(600),
    () => pick([new ArrayBuffer(16), new Uint8Array([1, 2, 3]), new Date(), /frames-init/, new Map([['sentinel', 'amp']]),
      new Set(['frames-init']), new Blob(['pymxPYMx' + childId + 'xPYMxwidthxPYMx640']), 10n ** 30n, new Error('frames-init'), new Float64Array([NaN])]),
  ];
  const valid = [
    () => ({ sentinel: 'amp', type: 'frames-init' }),
    () => ['pym', childId, 'width', pick(goodWidths)].join(D),
  ];
  const out = [];
  let bigOnes = 0;
  for (let i = 0; i < count; i++) {
    if (i % 97 === 13 && bigOnes < 40) { bigOnes++; out.push(rnd() < 0.5 ? kB100() : randomString(102400)); continue; }
    if (includeValid && i % 10 === 0) { out.push(pick(valid)()); continue; }
    out.push(pick(makers)());
  }
  return out;
}
`;

const HOST_HTML = (appUrl) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Host</title></head>
<body>
<h1>A news article</h1>
<iframe id="app" src="${appUrl}/?embed&childId=${CHILD_ID}" title="explainer" style="width:800px;height:900px;border:0"></iframe>
<iframe id="sibling" src="/sibling.html" title="sibling" style="width:100px;height:100px;border:0"></iframe>
<script>
${GENERATOR}
window.received = [];
const appFrame = document.getElementById('app');
window.addEventListener('message', (e) => {
  if (e.source !== appFrame.contentWindow) return;
  let data;
  try { data = typeof e.data === 'string' ? e.data : JSON.parse(JSON.stringify(e.data)); } catch { data = String(e.data); }
  window.received.push({ at: performance.now(), data });
});
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
window.flood = async (count, seed, batch) => {
  const payloads = makePayloads(count, seed, ${JSON.stringify(CHILD_ID)}, { includeValid: false });
  let sent = 0, failed = 0;
  for (let i = 0; i < payloads.length; i += batch) {
    for (const p of payloads.slice(i, i + batch)) {
      try { appFrame.contentWindow.postMessage(p, '*'); sent++; } catch (e) { failed++; }
    }
    await nextFrame();
  }
  return { sent, failed, kinds: summarize(payloads) };
};
window.summarize = (payloads) => {
  const k = {};
  for (const p of payloads) {
    const kind = p === null ? 'null' : Array.isArray(p) ? 'array' : typeof p === 'string' ? (p.length > 100000 ? 'string>100KB' : p.startsWith('pym') ? 'pym-like string' : 'string') : typeof p === 'object' ? (p.constructor?.name || 'object') : typeof p;
    k[kind] = (k[kind] || 0) + 1;
  }
  return k;
};
</script>
</body></html>`;

const SIBLING_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Sibling</title></head><body>
<script>
${GENERATOR}
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
window.flood = async (count, seed, batch) => {
  // Valid messages included: from a sibling, even these must be ignored.
  const payloads = makePayloads(count, seed, ${JSON.stringify(CHILD_ID)}, { includeValid: true });
  const target = parent.document.getElementById('app').contentWindow;
  let sent = 0, failed = 0;
  for (let i = 0; i < payloads.length; i += batch) {
    for (const p of payloads.slice(i, i + batch)) {
      try { target.postMessage(p, '*'); sent++; } catch (e) { failed++; }
    }
    await nextFrame();
  }
  return { sent, failed, kinds: parent.summarize(payloads) };
};
</script></body></html>`;

/** The hostile host page and its sibling, on another site than the app (not the embed hosts of hosts.mjs). */
async function startHostilePages(appUrl) {
  const server = await startServer(null, {
    onRequest: (req, res, { pathname }) => {
      const page = pathname === '/host.html' ? HOST_HTML(appUrl) : pathname === '/sibling.html' ? SIBLING_HTML : null;
      if (!page) {
        if (pathname !== '/favicon.ico') return false; // the server's 404
        res.writeHead(204).end();
        return true;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page);
      return true;
    },
  });
  return { base: `http://localhost:${server.port}`, close: server.close };
}

// ---------------------------------------------------------------------------
// Helpers

/** Records uncaught errors and rejections in every frame of every page. */
const RECORD_ERRORS = () => {
  window.__hardeningErrors = [];
  addEventListener('error', (e) => window.__hardeningErrors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__hardeningErrors.push(`rejection: ${e.reason}`));
};

const frameView = (frame) =>
  frame.evaluate(({ S, C }) => ({
    heading: document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    step: document.querySelector(S.SHOWN_STEP)?.getAttribute(C.STEP_ATTRIBUTE) ?? null,
    perspective: [...document.querySelectorAll(`button${S.SWITCH_OPTION_CLASS}[aria-pressed="true"]`)].map((b) => b.dataset.perspective),
    hash: location.hash,
    search: location.search,
    live: document.querySelector(S.ROOT_ID)?.hasAttribute(C.LIVE_ATTRIBUTE) ?? false,
  }), IN_PAGE);

const nextFrame = (target) => target.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/** Waits until `count()` has stayed the same for `frames` animation frames of the host. */
async function quiet(page, count, frames = 30, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last = await count();
  let still = 0;
  while (still < frames) {
    if (Date.now() > deadline) assert.fail(`messages never stopped arriving (${last})`);
    await nextFrame(page);
    const now = await count();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

async function openHost(pathAndQuery = '/host.html') {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript(RECORD_ERRORS);
  const page = await context.newPage();
  const errors = { console: [], page: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') errors.console.push(`${m.location()?.url ?? ''}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.page.push(String(e?.stack ?? e)));
  await page.goto(host.base + pathAndQuery, { waitUntil: 'load' });
  const iframe = await page.waitForSelector('iframe#app', { state: 'attached' });
  const frame = await iframe.contentFrame();
  await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { state: 'visible', timeout: 15_000 });
  const sibling = page.frames().find((f) => f.url().endsWith('/sibling.html'));
  assert.ok(sibling, 'the sibling frame loaded');
  await sibling.waitForFunction(() => typeof window.flood === 'function');
  return { context, page, frame, sibling, errors };
}

const received = (page) => page.evaluate(() => window.received.length);

// ---------------------------------------------------------------------------

test('10,000 random and malformed messages from the host and a sibling frame are all ignored', { timeout: 120_000 }, async () => {
  await inContext(openHost(), async ({ context, page, frame, sibling, errors }) => {
    // Move away from the defaults, so "unchanged" means something.
    await frame.click(S.PAGER_NEXT_CLASS);
    await frame.click(S.PAGER_NEXT_CLASS);
    await frame.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
    await frame.waitForSelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="creator"][aria-pressed="true"]`);
    await frame.waitForFunction(({ t, S }) => document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() === t, { t: norm(content.steps[2].title), ...IN_PAGE });
    const before = await frameView(frame);
    assert.equal(before.heading, norm(content.steps[2].title));
    assert.deepEqual(before.perspective, ['creator']);

    // The frame has reported its height; wait until it has nothing more to say.
    const settledCount = await quiet(page, () => received(page));
    assert.ok(settledCount >= 2, `the frame reported its height to the host (${settledCount} messages)`);

    const t0 = Date.now();
    const fromSibling = await sibling.evaluate(([n, b]) => window.flood(n, 0x5eed, b), [SIBLING_PAYLOADS, BATCH]);
    const fromHost = await page.evaluate(([n, b]) => window.flood(n, 0xbeef, b), [HOST_PAYLOADS, BATCH]);
    console.log(`# flooded in ${Date.now() - t0} ms: host ${JSON.stringify(fromHost)}, sibling ${JSON.stringify(fromSibling)}`);
    assert.equal(fromHost.sent + fromSibling.sent, HOST_PAYLOADS + SIBLING_PAYLOADS, 'every payload was posted');

    // One valid request: it is answered after every message before it has been handled.
    const mark = await page.evaluate(() => {
      const n = window.received.length;
      document.getElementById('app').contentWindow.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*');
      return n;
    });
    await page.waitForFunction(
      (n) => window.received.slice(n).some((m) => m.data && m.data.sentinel === 'amp' && m.data.type === 'embed-size'),
      mark,
      { timeout: 15_000 },
    );
    await nextFrame(frame);
    await quiet(page, () => received(page));
    const all = await page.evaluate(() => window.received);
    const duringFlood = all.slice(settledCount, mark);
    const afterInit = all.slice(mark);
    console.log(`# messages from the frame: ${settledCount} before, ${duringFlood.length} during the flood, ${afterInit.length} after one frames-init`);
    assert.deepEqual(duringFlood, [], 'the frame answered none of the 10,000 payloads');
    const amp = afterInit.filter((m) => m.data?.sentinel === 'amp' && m.data?.type === 'embed-size');
    const pym = afterInit.filter((m) => typeof m.data === 'string' && m.data.startsWith(`pymxPYMx${CHILD_ID}xPYMxheightxPYMx`));
    assert.equal(amp.length, 1, `exactly one AMP embed-size reply to frames-init: ${JSON.stringify(afterInit)}`);
    assert.ok(Number.isInteger(amp[0].data.height) && amp[0].data.height > 0, `a positive whole height: ${amp[0].data.height}`);
    assert.equal(pym.length, 1, 'and its Pym height twin');
    assert.equal(afterInit.length, 2, `nothing else: ${JSON.stringify(afterInit)}`);

    const afterView = await frameView(frame);
    assert.deepEqual(afterView, before, 'same step, perspective and URL as before the flood');
    assert.deepEqual(await frame.evaluate(() => window.__hardeningErrors), [], 'no uncaught errors in the frame');
    assert.deepEqual(await page.evaluate(() => window.__hardeningErrors), [], 'no uncaught errors in the host');
    assert.deepEqual(await sibling.evaluate(() => window.__hardeningErrors), [], 'no uncaught errors in the sibling');
    assert.deepEqual(errors.page, [], 'no pageerror');
    assert.deepEqual(errors.console, [], 'no console errors in host or frames');

    // Still working: Next moves on.
    await frame.click(S.PAGER_NEXT_CLASS);
    await frame.waitForFunction(({ t, S }) => document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() === t, { t: norm(content.steps[3].title), ...IN_PAGE });
  });
});

test('without a childId, Pym width messages (even with an empty id) are not answered', { timeout: 60_000 }, async () => {
  // Same host page, but the frame is reloaded without `childId`.
  await inContext(openHost(), async ({ context, page, frame, errors }) => {
    await frame.goto(`${app.baseUrl}/?embed`, { waitUntil: 'load' });
    await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { state: 'visible', timeout: 15_000 });
    const settledCount = await quiet(page, () => received(page));
    const mark = await page.evaluate(() => {
      const n = window.received.length;
      const w = document.getElementById('app').contentWindow;
      for (const m of ['pymxPYMxxPYMxwidthxPYMx640', 'pymxPYMxundefinedxPYMxwidthxPYMx640', 'pymxPYMxnullxPYMxwidthxPYMx640']) w.postMessage(m, '*');
      w.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*');
      return n;
    });
    await page.waitForFunction(
      (n) => window.received.slice(n).some((m) => m.data && m.data.sentinel === 'amp' && m.data.type === 'embed-size'),
      mark,
      { timeout: 15_000 },
    );
    await quiet(page, () => received(page));
    const afterMark = (await page.evaluate(() => window.received)).slice(mark);
    console.log(`# no childId: ${settledCount} messages before, ${afterMark.length} after 3 Pym width messages + 1 frames-init`);
    assert.ok(afterMark.every((m) => typeof m.data !== 'string'), 'no Pym message is sent without a child id');
    assert.equal(afterMark.length, 1, `only the frames-init is answered: ${JSON.stringify(afterMark)}`);
    assert.deepEqual(errors.page, [], 'no pageerror');
    assert.deepEqual(errors.console, [], 'no console errors');
  });
});
