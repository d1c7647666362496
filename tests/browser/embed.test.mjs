// Embedding: the app inside news sites' iframes on another origin.
//
// The app is served on 127.0.0.1:<A> (support.mjs); the host pages in
// embed-hosts/ on localhost:<B>, a different origin and site, so the frame is
// cross-origin exactly as on a real news site. Host pages: Pym.js, @newswire/frames,
// and the app's own two snippets pasted verbatim from its embed panel.
//
// "Fits" means the iframe element's height in the host equals the height of the
// framed document's root element (within 2px), which only holds if the app keeps
// telling the host its height and the host applies it.
//
// All waits are event-based: Playwright waits, or polling once per animation frame
// of the host page, bounded by WAIT.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMBED_NAME, launch, loadContent, assertNoErrors, norm, TEST_TIMEOUT, S, C, IN_PAGE } from './support.mjs';
import { startHostServer, until, heights, waitForFit, WAIT } from './hosts.mjs';

const content = loadContent();
const STEPS = content.steps;
const N = STEPS.length;
const title = (i) => norm(STEPS[i].title);
/** The story's first perspective, shown first, and another, if it has more than one. */
const [FIRST, OTHER] = content.perspectives.map((p) => p.id);
let app; // { browser, context, baseUrl, newPage, close } from support.mjs
let host; // { base, snippets, close }

before(async () => {
  assert.ok(N >= 3, 'content.json has at least three steps');
  app = await launch();
  host = await startHostServer(`${app.baseUrl}/`);
});
after(async () => {
  await app?.close();
  await host?.close();
});

// ---------------------------------------------------------------------------
// Helpers

/** Opens a host page and waits for the explainer inside its (first) iframe. */
async function openHost(name) {
  const page = await app.newPage();
  await page.goto(`${host.base}/${name}`, { waitUntil: 'load' });
  const iframe = await page.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
  let frame;
  await until(
    page,
    async () => {
      frame = await iframe.contentFrame();
      return { ok: Boolean(frame?.url().startsWith(`${app.baseUrl}/`)), url: frame?.url() ?? null };
    },
    `${name}: the iframe loads the app`,
  );
  await frame.waitForSelector(S.SHOWN_STEP_HEADING, { state: 'visible', timeout: WAIT });
  return { page, iframe, frame };
}

/** Waits until the frame's step heading is step `i`'s title, then asserts it. */
async function expectFrameHeading(frame, i) {
  const want = title(i);
  const read = () =>
    frame.evaluate(({ S, C }) => document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() ?? null, IN_PAGE);
  await frame
    .waitForFunction(
      ({ w, S }) => document.querySelector(S.SHOWN_STEP_HEADING)?.textContent.replace(/\s+/g, ' ').trim() === w,
      { w: want, ...IN_PAGE },
      { timeout: WAIT },
    )
    .catch(() => {});
  assert.equal(await read(), want, `heading of step ${i + 1} (${STEPS[i].id})`);
}

/**
 * Which perspective button is pressed (the view shown); with one perspective
 * there is no switch, and the one `<main>` names.
 */
const pressedPerspective = (frameOrPage) =>
  frameOrPage.evaluate(({ S, C }) => {
    const buttons = [...document.querySelectorAll(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}]`)];
    if (buttons.length === 0) return [document.querySelector(`main[${C.PERSPECTIVE_ATTRIBUTE}]`)?.getAttribute(C.PERSPECTIVE_ATTRIBUTE)];
    return buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.getAttribute(C.PERSPECTIVE_ATTRIBUTE));
  }, IN_PAGE);

async function choosePerspective(frame, perspective) {
  await frame.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="${perspective}"]`);
  await frame
    .waitForSelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="${perspective}"][aria-pressed="true"]`, { timeout: WAIT })
    .catch(() => {});
  assert.deepEqual(await pressedPerspective(frame), [perspective], `perspective ${perspective} is shown`);
}

/** Compact-mode markers, read inside the page or frame. */
// Counts only what is displayed: the pre-rendered page keeps these elements in the
// DOM until the app takes over, but compact mode hides them from the first paint.
const chrome = (frameOrPage) =>
  frameOrPage.evaluate(({ S, C }) => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0).length;
    return {
    classes: [...document.documentElement.classList].filter((c) => c === C.EMBED_CLASS || c === C.EMBEDDED_CLASS).sort(),
    answer: shown(`${S.MASTHEAD_CLASS} ${S.ANSWER_CLASS}`),
    method: shown(`section${S.METHOD_CLASS}`),
    embedPanel: shown(`section${S.EMBED_CODE_CLASS}`),
    headline: Boolean(document.querySelector(`${S.MASTHEAD_CLASS} h1`)),
    };
  }, IN_PAGE);

// ---------------------------------------------------------------------------
// The snippets, read from the app's own embed panel.

let snippetsRead;
/** Opens the app on its own page and reads both snippets (once). */
function readSnippets() {
  snippetsRead ??= (async () => {
    const page = await app.newPage();
    try {
      await page.goto(`${app.baseUrl}/`, { waitUntil: 'load' });
      // The pre-rendered panel shows a relative address; the live app fills in this page's.
      await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] section${S.EMBED_CODE_CLASS} div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="pym"] textarea`, { timeout: WAIT });
      await page.waitForFunction(
        ({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`)?.value.includes(location.origin),
        IN_PAGE,
        { timeout: WAIT },
      );
      const read = (kind) => page.inputValue(`section${S.EMBED_CODE_CLASS} div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="${kind}"] textarea`);
      const result = { iframe: await read('iframe'), pym: await read('pym'), chrome: await chrome(page) };
      assertNoErrors(page);
      return result;
    } finally {
      await page.close();
    }
  })();
  return snippetsRead;
}

/** Reads a double-quoted attribute of the first `<iframe>` tag in `html`. */
function iframeTag(html) {
  const tag = /<iframe\b[^>]*>/i.exec(html)?.[0];
  assert.ok(tag, `the snippet has an <iframe> tag:\n${html}`);
  const attr = (name) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
    return m ? m[1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&') : null;
  };
  return { tag, attr };
}

test('the embed panel offers a lazy, titled, full-width iframe and a Pym.js snippet for this address', { timeout: TEST_TIMEOUT }, async () => {
  const { iframe, pym, chrome: page } = await readSnippets();
  // On its own page the app is neither compact nor framed, and has its full chrome.
  assert.deepEqual(page.classes, [], '<html> has no embed classes on the app’s own page');
  assert.ok(page.answer === 1 && page.method === 1 && page.embedPanel === 1, 'the short answer, method and embed panel shown');

  const embedUrl = `${app.baseUrl}/?embed`;
  const { tag, attr } = iframeTag(iframe);
  assert.ok(iframe.trimStart().startsWith('<iframe'), 'the iframe snippet starts with the <iframe>');
  assert.equal(attr('src'), embedUrl, 'iframe src is this page in embed mode');
  assert.equal(norm(attr('title')), norm(content.title), 'iframe title= is the explainer’s title');
  assert.equal(attr('width'), '100%', 'iframe width="100%"');
  assert.equal(attr('loading'), 'lazy', 'iframe loading="lazy"');
  assert.doesNotMatch(tag, /\sheight\s*=/i, `no fixed height= attribute on the iframe: ${tag}`);
  assert.match(iframe, /<\/iframe>\s*<script>[\s\S]*embed-size[\s\S]*<\/script>\s*$/, 'a small resize script follows the iframe');

  assert.ok(pym.startsWith(`<div id="${EMBED_NAME}"></div>`), `Pym snippet: the container, named after the story, first:\n${pym}`);
  assert.match(pym, /^<div id="[^"]+"><\/div>\s*<script>/, 'Pym snippet: container then script');
  // The URL is a literal, followed by the step the host page's address names (share.test.mjs).
  const call = /new pym\.Parent\("([^"]*)",\s*"([^"]*)"[^,]*,\s*\{\s*title:\s*"((?:[^"\\]|\\.)*)"\s*\}\);/.exec(pym);
  assert.ok(call, `Pym snippet calls new pym.Parent(id, url, {title}):\n${pym}`);
  assert.equal(call[1], EMBED_NAME, 'Pym snippet: new pym.Parent names the container');
  assert.equal(call[2], embedUrl, 'Pym snippet URL is this page in embed mode');
  assert.equal(norm(JSON.parse(`"${call[3]}"`)), norm(content.title), 'Pym snippet title');
});

// ---------------------------------------------------------------------------
// Each kind of host page: the iframe follows the explainer's height everywhere.

/**
 * Loads `name`, checks the compact, framed layout, then that the iframe fits after
 * load, at every step, after switching to another perspective (if the story has one), and at three widths;
 * and that stepping never adds to the host page's history.
 */
async function exerciseHost(name) {
  const { page, iframe, frame } = await openHost(name);

  const framed = await chrome(frame);
  assert.deepEqual(
    { ...framed, classes: framed.classes.filter((c) => c === C.EMBED_CLASS || c === C.EMBEDDED_CLASS) },
    { classes: [C.EMBED_CLASS, C.EMBEDDED_CLASS], answer: 1, method: 0, embedPanel: 0, headline: true },
    'inside the frame: <html class="embed embedded">, the short answer, no method or embed panel',
  );
  await expectFrameHeading(frame, 0);
  assert.deepEqual(await pressedPerspective(frame), [FIRST], 'the first perspective is shown first');

  await waitForFit(page, iframe, frame, 'after load');
  const historyBefore = await page.evaluate(() => history.length);
  for (let i = 1; i < N; i++) {
    await frame.click(S.PAGER_NEXT_CLASS);
    await expectFrameHeading(frame, i);
    await waitForFit(page, iframe, frame, `at step ${i + 1} (${STEPS[i].id})`);
  }
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'stepping inside the frame adds no host history entries');
  assert.equal(new URL(frame.url()).hash, `#step-${STEPS[N - 1].id}`, 'the frame’s own URL still records the step (replaced)');

  if (OTHER) {
    await choosePerspective(frame, OTHER);
    await waitForFit(page, iframe, frame, 'after switching to another perspective');
    await expectFrameHeading(frame, N - 1);
  }

  const byWidth = {};
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // The iframe is width 100% (less the host's body margins): wait for the new width.
    await until(
      page,
      async () => {
        const h = await heights(iframe, frame);
        return { ok: h.width <= width && h.width >= width - 40, width: h.width };
      },
      `iframe follows the host width ${width}`,
    );
    byWidth[width] = await waitForFit(page, iframe, frame, `at host width ${width}px`);
  }
  assert.ok(
    byWidth[320].document > byWidth[1280].document,
    `the explainer is taller at 320px than at 1280px, and the iframe followed: ${JSON.stringify(byWidth)}`,
  );
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'host history unchanged at the end');

  assertNoErrors(page);
  await page.close();
}

test('Pym.js host (new pym.Parent) sizes the iframe to the explainer', { timeout: TEST_TIMEOUT }, async () => {
  await exerciseHost('pym.html');
});

test('@newswire/frames host (Framer) sizes the iframe to the explainer', { timeout: TEST_TIMEOUT }, async () => {
  await exerciseHost('frames.html');
});

test('the app’s own plain iframe snippet, pasted into a page, sizes itself', { timeout: TEST_TIMEOUT }, async () => {
  host.snippets.set('plain.html', (await readSnippets()).iframe);
  await exerciseHost('plain.html');
});

test('the app’s own Pym.js snippet, pasted after <script src=pym>, sizes the iframe', { timeout: TEST_TIMEOUT }, async () => {
  host.snippets.set('pym-snippet.html', (await readSnippets()).pym);
  await exerciseHost('pym-snippet.html');
});

// ---------------------------------------------------------------------------
// Messages: only the parent's Pym `width` and frames' `frames-init` get an answer.

/** Starts recording, in the host, every message the app's iframe sends it. */
async function recordAnswers(page) {
  await page.evaluate(() => {
    const frame = document.querySelector('iframe');
    window.fromApp = [];
    window.addEventListener('message', (e) => {
      if (e.source === frame.contentWindow) window.fromApp.push(e.data);
    });
  });
}

/**
 * Posts one well-formed request from the host and waits for its answer: one Pym
 * height string for our child id and one AMP embed-size object, and nothing else
 * since `start`. Messages between two windows arrive in order, so anything the app
 * sent in reply to earlier messages has arrived by then.
 */
async function expectOnlyAnswerTo(page, frame, request, start, childId, what, { exact = true } = {}) {
  await page.evaluate((req) => document.querySelector('iframe').contentWindow.postMessage(req, '*'), request);
  const answers = await until(
    page,
    async () => {
      const got = await page.evaluate((s) => window.fromApp.slice(s), start);
      return { ok: got.some((m) => m && typeof m === 'object' && m.sentinel === 'amp'), got };
    },
    `the app answers ${JSON.stringify(request)}`,
  );
  const height = Math.ceil(await frame.evaluate(() => document.documentElement.getBoundingClientRect().height));
  assert.deepEqual(
    exact ? answers.got : answers.got.slice(-2),
    [`pymxPYMx${childId}xPYMxheightxPYMx${height}`, { sentinel: 'amp', type: 'embed-size', height }],
    `${what}: exactly one height report (Pym + AMP), in answer to the well-formed request`,
  );
  return start + answers.got.length;
}

/** Builds ~`count` malformed or foreign messages in the host and posts them into the frame. */
function postFlood({ childId, count, seed }) {
  let s = seed >>> 0;
  const rand = () => {
    // mulberry32: reproducible runs
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rand() * n);
  const pick = (a) => a[int(a.length)];
  const randomString = (n) => Array.from({ length: n }, () => String.fromCharCode(int(0x10000))).join('');
  const P = 'xPYMx';
  const pym = (...parts) => parts.join(P);
  const wrongIds = [`${childId}x`, childId.toUpperCase() === childId ? `${childId}X` : childId.toUpperCase(), '', ` ${childId}`, childId.slice(0, -1), 'other', 'pym', P];
  const wrongTypes = ['height', 'navigateTo', 'parentPositionInfo', 'scrollToChildPos', 'Width', 'WIDTH', 'width ', ' width', ''];
  // Not one of these is a finite width in (0, 100000).
  const badWidths = ['NaN', '-NaN', '-1', '-0.5', '0', '-0', '0.0', 'Infinity', '-Infinity', 'inf', '1e400', '100000', '1e9', '',
    'abc', '12px', '0x10', '1,5', '\u0661\u0662\u0663', '\u00a0', 'null', 'undefined', '--5', '5..0', String(-Number.MAX_VALUE)];
  const nested = (depth, leaf) => (depth === 0 ? leaf : { data: nested(depth - 1, leaf), sentinel: depth % 2 ? 'amp' : undefined });
  const makers = [
    () => randomString(1 + int(80)),
    () => `pym${randomString(int(20))}`,
    () => pym('pym', pick(wrongIds), 'width', String(300 + int(900))),
    () => pym('pym', childId, pick(wrongTypes), String(int(3000))),
    () => pym('pym', childId, 'width', pick(badWidths)),
    () => pym('pym', childId, 'width', '500', randomString(int(5))),
    () => pym('pym', childId, 'width'),
    () => pym('pym', childId),
    () => pym('PYM', childId, 'width', '500'),
    () => ['pym', childId, 'width', '500'].join(pick(['xpymx', 'XPYMX', 'x PYM x', '|'])),
    () => pym('pym', childId, 'width', '0'.repeat(600 + int(400)) + '500'), // too long to be Pym's
    () => ({ sentinel: pick(['AMP', 'amp ', '', null, 1, ['amp'], { toString: 'amp' }, new String('amp')]), type: 'frames-init' }),
    () => ({ sentinel: 'amp', type: pick(['embed-size', 'frames-init ', 'FRAMES-INIT', '', null, 42, ['frames-init'], new String('frames-init')]), height: pick([1e9, -1, NaN, 'x']) }),
    () => ({ sentinel: 'amp' }),
    () => ({ type: 'frames-init' }),
    () => ({ sentinel: 'pym', type: 'width', width: 500 }),
    () => nested(1 + int(60), { sentinel: 'amp', type: 'frames-init' }),
    () => ['amp', 'frames-init'],
    () => [pym('pym', childId, 'width', '500')],
    () => [{ sentinel: 'amp', type: 'frames-init' }],
    () => JSON.parse('{"__proto__": {"sentinel": "amp", "type": "frames-init"}}'),
    () => JSON.stringify({ sentinel: 'amp', type: 'frames-init' }),
    () => Object.fromEntries(Array.from({ length: 2000 }, (_, k) => [`k${k}`, k])),
    () => Array.from({ length: 5000 }, (_, k) => k),
    () => pick([0, -1, NaN, Infinity, -Infinity, 1e308, 3.14, -0, true, false, null, undefined, 10n, 2n ** 80n]),
    () => pick([new Date(int(2e12)), /pym/g, new Map([['sentinel', 'amp'], ['type', 'frames-init']]), new Set(['amp', 'frames-init']),
      new ArrayBuffer(16), new Uint8Array(32), new Float64Array([NaN, 500]), new Blob(['amp']), new Error('frames-init'),
      new String('pymxPYMxotherxPYMxwidthxPYMx500'), new Number(500), new Boolean(true)]),
  ];
  const messages = [];
  // A few 1 MB strings and objects.
  const MB = 1 << 20;
  messages.push('x'.repeat(MB));
  messages.push(pym('pym', childId, 'width', '1'.repeat(MB)));
  messages.push({ sentinel: 'amp', type: 'f'.repeat(MB) });
  messages.push(randomString(MB / 2));
  while (messages.length < count) messages.push(pick(makers)());

  const target = document.querySelector('iframe').contentWindow;
  let posted = 0;
  const failures = [];
  for (const m of messages) {
    try {
      target.postMessage(m, '*');
      posted++;
    } catch (error) {
      failures.push(String(error)); // not structured-cloneable: nothing was sent
    }
  }
  return { posted, failures: failures.slice(0, 5) };
}

test('1,000 malformed or foreign messages from the host change nothing and get no answer', { timeout: TEST_TIMEOUT }, async () => {
  const { page, iframe, frame } = await openHost('pym.html');
  const childId = new URL(frame.url()).searchParams.get('childId');
  assert.ok(childId, 'Pym.js gave the frame a childId');

  // Leave the first step and the default view, so a reset would show.
  const at = 2;
  for (let i = 1; i <= at; i++) {
    await frame.click(S.PAGER_NEXT_CLASS);
    await expectFrameHeading(frame, i);
  }
  if (OTHER) await choosePerspective(frame, OTHER);
  await waitForFit(page, iframe, frame, 'before the flood');
  await recordAnswers(page);

  // Sanity: a well-formed request is answered (else "no answer" below proves nothing).
  // (Not exact: a late report of the last view change may still be on its way.)
  let seen = await expectOnlyAnswerTo(page, frame, `pymxPYMx${childId}xPYMxwidthxPYMx800`, 0, childId, 'Pym width', {
    exact: false,
  });

  const { posted, failures } = await page.evaluate(postFlood, { childId, count: 1000, seed: 20240611 });
  assert.ok(posted >= 1000, `posted ${posted} messages (failed to post: ${JSON.stringify(failures)})`);
  // Short settle, then an ordered marker: everything before it has been handled.
  await page.waitForTimeout(300);
  seen = await expectOnlyAnswerTo(page, frame, { sentinel: 'amp', type: 'frames-init' }, seen, childId, 'after the flood');

  await expectFrameHeading(frame, at);
  assert.deepEqual(await pressedPerspective(frame), [OTHER ?? FIRST], 'still the perspective chosen');
  assert.deepEqual(
    (await chrome(frame)).classes.filter((c) => c === C.EMBED_CLASS || c === C.EMBEDDED_CLASS),
    [C.EMBED_CLASS, C.EMBEDDED_CLASS],
  );
  await waitForFit(page, iframe, frame, 'after the flood');
  assertNoErrors(page);
  await page.close();
});

test('well-formed requests from windows other than the parent are ignored', { timeout: TEST_TIMEOUT }, async () => {
  const { page, iframe, frame } = await openHost('pym.html');
  const childId = new URL(frame.url()).searchParams.get('childId');
  await waitForFit(page, iframe, frame, 'after load');
  await recordAnswers(page);
  const requests = [`pymxPYMx${childId}xPYMxwidthxPYMx640`, { sentinel: 'amp', type: 'frames-init' }];

  // A sibling iframe of the explainer (same origin as the host) posts the requests to it.
  await page.evaluate(() => {
    const sibling = document.createElement('iframe');
    sibling.id = 'sibling';
    sibling.srcdoc = '<!doctype html><p>A sibling frame</p>';
    document.body.append(sibling);
    return new Promise((resolve) => sibling.addEventListener('load', resolve, { once: true }));
  });
  const sibling = await (await page.$('#sibling')).contentFrame();
  const fromSibling = await sibling.evaluate((reqs) => {
    const target = parent.document.querySelector('#container iframe').contentWindow;
    for (let k = 0; k < 25; k++) for (const r of reqs) target.postMessage(r, '*');
    return target !== window.parent;
  }, requests);
  assert.ok(fromSibling, 'the sibling posted to the explainer, not its parent');

  // The explainer's own window posts them to itself (source: itself, not the parent).
  await frame.evaluate((reqs) => {
    for (let k = 0; k < 25; k++) for (const r of reqs) window.postMessage(r, '*');
  }, requests);

  // Only the host's request (ordered after the others) is answered.
  await expectOnlyAnswerTo(page, frame, requests[0], 0, childId, 'after requests from a sibling and from itself');
  await expectFrameHeading(frame, 0);
  assertNoErrors(page);
  await page.close();

  // On its own page (not framed), the same requests posted to itself do nothing harmful.
  const top = await app.newPage();
  await top.goto(`${app.baseUrl}/?embed&childId=${encodeURIComponent(childId)}`, { waitUntil: 'load' });
  await top.waitForSelector(S.SHOWN_STEP_HEADING, { timeout: WAIT });
  const received = await top.evaluate(async (reqs) => {
    let count = 0;
    const all = new Promise((resolve) =>
      window.addEventListener('message', () => {
        if (++count === reqs.length * 10) resolve();
      }),
    );
    for (let k = 0; k < 10; k++) for (const r of reqs) window.postMessage(r, '*');
    await all;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return count;
  }, requests);
  assert.equal(received, requests.length * 10);
  const topChrome = await chrome(top);
  assert.ok(topChrome.classes.includes(C.EMBED_CLASS) && !topChrome.classes.includes(C.EMBEDDED_CLASS), `top-level ?embed is compact but not framed: ${topChrome.classes}`);
  assert.equal(norm(await top.textContent(S.SHOWN_STEP_HEADING)), title(0));
  assertNoErrors(top);
  await top.close();
});

// ---------------------------------------------------------------------------
// Query parameters for embeds.

test('?embed&step=<second step>&view=<another perspective> opens that step in that perspective', {
  timeout: TEST_TIMEOUT, skip: !OTHER && 'the story has one perspective',
}, async () => {
  const page = await app.newPage();
  await page.goto(`${app.baseUrl}/?embed&step=${encodeURIComponent(STEPS[1].id)}&view=${OTHER}`, { waitUntil: 'load' });
  await page.waitForSelector(S.SHOWN_STEP_HEADING, { timeout: WAIT });
  await expectFrameHeading(page.mainFrame(), 1);
  assert.equal(await page.getAttribute(S.SHOWN_STEP, C.STEP_ATTRIBUTE), STEPS[1].id);
  await page.waitForSelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}="${OTHER}"][aria-pressed="true"]`, { timeout: WAIT }).catch(() => {});
  assert.deepEqual(await pressedPerspective(page), [OTHER]);
  const c = await chrome(page);
  assert.ok(c.classes.includes(C.EMBED_CLASS), 'compact mode');
  assert.deepEqual([c.answer, c.method, c.embedPanel], [1, 0, 0], 'the short answer, but no method or embed panel, in compact mode');
  assertNoErrors(page);
  await page.close();
});

test('?embed&step=nope&view=martian falls back to the first step in the first perspective', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await page.goto(`${app.baseUrl}/?embed&step=nope&view=martian`, { waitUntil: 'load' });
  await page.waitForSelector(S.SHOWN_STEP_HEADING, { timeout: WAIT });
  await expectFrameHeading(page.mainFrame(), 0);
  assert.equal(await page.getAttribute(S.SHOWN_STEP, C.STEP_ATTRIBUTE), STEPS[0].id);
  assert.deepEqual(await pressedPerspective(page), [FIRST]);
  assert.ok((await chrome(page)).classes.includes(C.EMBED_CLASS), 'still compact mode');
  assertNoErrors(page);
  await page.close();
});
