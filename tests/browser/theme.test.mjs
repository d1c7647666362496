// The host chooses the look: `?theme=light|dark|auto` from the first paint, and the
// host page's message `{ type: "<name>:theme", theme }` live, accepted
// only from the parent window and only when well-formed.
//
// "The palette" is every custom property the stylesheet sets on :root, plus the
// root's color-scheme (which form controls follow), the body's background and the
// scheme a button resolves: the light and dark references are read
// from pages without a theme in a light- and a dark-preferring browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMBED_NAME, launch, waitForExplainer, assertNoErrors, trackErrors, settle, TEST_TIMEOUT, TIMEOUT, S, C, IN_PAGE } from './support.mjs';
import { startHostServer, until, WAIT } from './hosts.mjs';

const THEME_MESSAGE = `${EMBED_NAME}:theme`;

let app;
let host;
before(async () => {
  app = await launch();
  host = await startHostServer(`${app.baseUrl}/`);
});
after(async () => {
  await app?.close();
  await host?.close();
});

/** Runs in the page: everything the theme decides. */
function readPalette({ C }) {
  const names = new Set();
  const visit = (rules) => {
    for (const rule of rules) {
      if (rule.cssRules) visit(rule.cssRules);
      if (rule.selectorText?.startsWith(':root')) {
        for (const name of rule.style) if (name.startsWith('--')) names.add(name);
      }
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules);
  const root = getComputedStyle(document.documentElement);
  const vars = Object.fromEntries([...names].sort().map((n) => [n, root.getPropertyValue(n).trim()]));
  const scheme = (sel) => {
    const el = document.querySelector(sel);
    return el ? getComputedStyle(el).colorScheme : null;
  };
  return {
    attribute: document.documentElement.getAttribute(C.THEME_ATTRIBUTE),
    colorScheme: root.colorScheme,
    background: getComputedStyle(document.body).backgroundColor,
    button: scheme('button'),
    vars,
  };
}

/** A context preferring `colorScheme`; `appScripts: false` blocks the app's JS and wasm. */
async function openContext(colorScheme, { appScripts = true } = {}) {
  const context = await app.browser.newContext({ colorScheme, reducedMotion: 'reduce', serviceWorkers: 'block' });
  context.setDefaultTimeout(TIMEOUT);
  if (!appScripts) await context.route(/\.(js|wasm)(\?|$)/, (route) => route.abort());
  return context;
}

/** The palette of `/<query>` in `context`, live (app running) or as first painted. */
async function paletteOf(context, query, { live }) {
  const page = await context.newPage();
  try {
    await page.goto(`${app.baseUrl}/${query}`, { waitUntil: 'load' });
    if (live) await waitForExplainer(page);
    else assert.equal(await page.evaluate(({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`), IN_PAGE), null, 'the app did not start');
    return await page.evaluate(readPalette, IN_PAGE);
  } finally {
    await page.close();
  }
}

/** Light and dark references: no theme asked for, in a light and a dark browser. */
async function references(contexts, live) {
  const light = await paletteOf(contexts.light, '', { live });
  const dark = await paletteOf(contexts.dark, '', { live });
  assert.equal(light.colorScheme, 'light dark');
  assert.notEqual(light.background, dark.background, 'the reader’s light and dark settings differ');
  assert.ok(Object.keys(light.vars).length >= 10, `the palette has its custom properties: ${Object.keys(light.vars)}`);
  const differing = Object.keys(light.vars).filter((k) => light.vars[k] !== dark.vars[k]);
  assert.ok(differing.length >= 10, `light and dark differ in most colours: ${differing}`);
  return { light, dark };
}

/** [query, what a light browser shows, what a dark browser shows, data-theme]. */
const CASES = [
  ['?theme=dark', 'dark', 'dark', 'dark'],
  ['?theme=light', 'light', 'light', 'light'],
  ['?embed&theme=dark', 'dark', 'dark', 'dark'],
  ['?theme=%64ark', 'dark', 'dark', 'dark'],
  ['?theme=dark&theme=light', 'dark', 'dark', 'dark'],
  ['?theme=auto', 'light', 'dark', null],
  ['?theme=DARK', 'light', 'dark', null],
  ['?theme=dark%', 'light', 'dark', null],
  ['?theme=+dark', 'light', 'dark', null],
  ['?theme=blue&theme=dark', 'light', 'dark', null],
  ['?theme=', 'light', 'dark', null],
];

/** What a theme looks like: the reference, with the attribute the URL set. */
function expected(ref, attribute) {
  // A forced theme pins color-scheme (and so the form controls') to that one scheme; auto keeps both.
  const scheme = attribute ?? 'light dark';
  return {
    ...ref,
    attribute,
    colorScheme: scheme,
    button: ref.button && scheme,
  };
}

for (const live of [false, true]) {
  const when = live ? 'in the live app' : 'from the first paint, before the app starts';
  test(`?theme= chooses the palette ${when}; anything else follows the reader`, { timeout: TEST_TIMEOUT }, async () => {
    const contexts = {
      light: await openContext('light', { appScripts: live }),
      dark: await openContext('dark', { appScripts: live }),
    };
    try {
      const ref = await references(contexts, live);
      for (const [query, inLight, inDark, attribute] of CASES) {
        for (const [prefers, shows] of [['light', inLight], ['dark', inDark]]) {
          const got = await paletteOf(contexts[prefers], query, { live });
          assert.deepEqual(
            got,
            expected(ref[shows], attribute),
            `${query} in a ${prefers}-preferring browser shows the ${shows} palette`,
          );
        }
      }
    } finally {
      await contexts.light.close();
      await contexts.dark.close();
    }
  });
}

test('the theme stays in the URL and on the page when the reader moves on', { timeout: TEST_TIMEOUT }, async () => {
  const context = await openContext('light');
  try {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/?theme=dark`, { waitUntil: 'load' });
    await waitForExplainer(page);
    await page.click(S.PAGER_NEXT_CLASS);
    await page.waitForFunction(() => location.hash.startsWith('#step-'));
    assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark');
    assert.equal(await page.evaluate(({ S, C }) => document.documentElement.getAttribute(C.THEME_ATTRIBUTE), IN_PAGE), 'dark');
    await page.reload({ waitUntil: 'load' });
    await waitForExplainer(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// The host page's message.

let panelSnippet;
/** The embed panel's plain iframe snippet, as a host pastes it. */
async function iframeSnippet(context) {
  if (panelSnippet) return panelSnippet;
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/`, { waitUntil: 'load' });
  await page.waitForFunction(
    ({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`)?.value.includes(location.origin),
    IN_PAGE,
    { timeout: TIMEOUT },
  );
  panelSnippet = await page.inputValue(`div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`);
  await page.close();
  return panelSnippet;
}

/** Opens the host page with the snippet in a light-preferring browser; waits for the live explainer. */
async function openHost(context) {
  host.snippets.set('plain.html', await iframeSnippet(context));
  const page = await context.newPage();
  trackErrors(page);
  await page.goto(`${host.base}/plain.html`, { waitUntil: 'load' });
  const iframe = await page.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
  let frame;
  await until(page, async () => {
    frame = await iframe.contentFrame();
    return { ok: Boolean(frame?.url().startsWith(`${app.baseUrl}/`)), url: frame?.url() ?? null };
  }, 'the iframe loads the explainer');
  await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: WAIT });
  // The app listens once it has started; its first height report says so.
  await frame.waitForFunction(({ C }) => document.documentElement.classList.contains(C.EMBEDDED_CLASS), IN_PAGE);
  return { page, frame };
}

const postTheme = (page, theme) =>
  page.evaluate(
    ([type, t]) => document.querySelector('iframe').contentWindow.postMessage({ type, theme: t }, '*'),
    [THEME_MESSAGE, theme],
  );

test('the host page’s theme message switches the framed explainer live', { timeout: TEST_TIMEOUT }, async () => {
  const refContexts = { light: await openContext('light'), dark: await openContext('dark') };
  const ref = await references(refContexts, true);
  await refContexts.dark.close();
  const context = refContexts.light;
  try {
    const { page, frame } = await openHost(context);
    const historyBefore = await page.evaluate(() => history.length);
    const read = () => frame.evaluate(readPalette, IN_PAGE);
    assert.equal((await read()).background, ref.light.background, 'light at first, as the reader prefers');

    for (const [theme, shows, attribute, scheme] of [
      ['dark', 'dark', 'dark', 'dark'],
      ['light', 'light', 'light', 'light'],
      ['dark', 'dark', 'dark', 'dark'],
      ['auto', 'light', null, 'light dark'],
    ]) {
      await postTheme(page, theme);
      await until(page, async () => {
        const p = await read();
        return { ok: p.attribute === attribute && p.background === ref[shows].background, p };
      }, `the frame shows the ${shows} palette after {theme: "${theme}"}`);
      assert.deepEqual(await read(), expected(ref[shows], attribute), `theme ${theme}`);
      assert.equal((await read()).colorScheme, scheme);
      const inUrl = new URL(frame.url()).searchParams.get('theme');
      assert.equal(inUrl, attribute, 'the frame’s URL records it (replaced), so a reload keeps it');
    }
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'no host history entries');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('malformed theme messages, and well-formed ones from a sibling frame or the frame itself, change nothing', { timeout: TEST_TIMEOUT }, async () => {
  const context = await openContext('light');
  try {
    const { page, frame } = await openHost(context);
    await postTheme(page, 'dark');
    await frame.waitForFunction(({ S, C }) => document.documentElement.getAttribute(C.THEME_ATTRIBUTE) === 'dark', IN_PAGE, { timeout: WAIT });
    // From here on, every change of data-theme is recorded.
    await frame.evaluate(({ S, C }) => {
      window.themeChanges = [];
      new MutationObserver((records) => {
        for (const r of records) window.themeChanges.push([r.oldValue, r.target.getAttribute(C.THEME_ATTRIBUTE)]);
      }).observe(document.documentElement, { attributes: true, attributeFilter: [C.THEME_ATTRIBUTE], attributeOldValue: true });
    }, IN_PAGE);

    // Each of these would switch to light if it were taken for a theme message.
    const posted = await page.evaluate((type) => {
      const target = document.querySelector('iframe').contentWindow;
      const bad = [
        { type, theme: 'Light' }, { type, theme: 'LIGHT' }, { type, theme: ' light' }, { type, theme: 'light ' },
        { type, theme: ['light'] }, { type, theme: new String('light') }, { type, theme: { toString: 'light' } },
        { type, theme: null }, { type }, { type, theme: 1 }, { type, Theme: 'light' },
        { type: type.toUpperCase(), theme: 'light' }, { type: `${type} `, theme: 'light' }, { type: 'theme', theme: 'light' },
        { type: new String(type), theme: 'light' }, { type: [type], theme: 'light' },
        { sentinel: 'amp', type: 'theme', theme: 'light' }, { data: { type, theme: 'light' } },
        [type, 'light'], `${type}:light`, JSON.stringify({ type, theme: 'light' }), 'light',
        JSON.parse(`{"__proto__": {"type": "${type}", "theme": "light"}}`),
        Object.assign(Object.create({ type, theme: 'light' }), {}),
        new Map([['type', type], ['theme', 'light']]), { type, theme: 'l'.repeat(1 << 20) },
      ];
      for (const m of bad) target.postMessage(m, '*');
      return bad.length;
    }, THEME_MESSAGE);
    assert.ok(posted >= 25);

    // A sibling frame of the explainer (same origin as the host) posts well-formed ones.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.id = 'sibling';
      sibling.srcdoc = '<!doctype html><p>A sibling frame</p>';
      document.body.append(sibling);
      return new Promise((resolve) => sibling.addEventListener('load', resolve, { once: true }));
    });
    const sibling = await (await page.$('#sibling')).contentFrame();
    const fromSibling = await sibling.evaluate((type) => {
      const target = parent.document.querySelector('iframe:not(#sibling)').contentWindow;
      for (let k = 0; k < 20; k++) target.postMessage({ type, theme: 'light' }, '*');
      return target !== window.parent;
    }, THEME_MESSAGE);
    assert.ok(fromSibling, 'the sibling posted to the explainer');
    // The explainer's own window posts them to itself.
    await frame.evaluate((type) => {
      for (let k = 0; k < 20; k++) window.postMessage({ type, theme: 'light' }, '*');
    }, THEME_MESSAGE);

    // Then the parent's well-formed message, ordered after all of them.
    await postTheme(page, 'auto');
    await frame.waitForFunction(() => window.themeChanges.length > 0, null, { timeout: WAIT });
    await settle(frame);
    assert.deepEqual(
      await frame.evaluate(() => window.themeChanges),
      [['dark', null]],
      'the only change is the parent’s own well-formed message (dark to auto)',
    );
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
