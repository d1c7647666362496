// The explainer's service worker: a template that postbuild fills in
// (src/prerender.rs, service_worker) with the story's cache prefix, this
// build's hash and its files.
const CACHE_PREFIX = "__CACHE_PREFIX__";
const CACHE = CACHE_PREFIX + "__BUILD_HASH__";
const FILES = "__FILES__";
// Asked for to learn whether the deployed content is newer: never answered from a cache.
const VERSION_FILE = "__VERSION_FILE__";
// The folder of the steps' share pages.
const STEP_PAGES = "__STEP_PAGES__";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith("/" + VERSION_FILE)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === "navigate") {
      try { return await fetch(request); } catch (e) {
        // Offline: the explainer's own page from the cache. A step's share page
        // (STEP_PAGES/<id>/) is not cached: it leads to the explainer at that step,
        // as it would online (the cached page at the share page's address would
        // look for its files in the wrong folder).
        const scope = new URL(self.registration.scope);
        const rest = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
        const step = rest === null ? null : new RegExp("^" + STEP_PAGES + "/([^/]+)/(index\\.html)?$").exec(rest);
        if (step) return Response.redirect(new URL("./?step=" + step[1], scope).href, 302);
        const page = await cache.match("./", { ignoreSearch: true }) || await cache.match("index.html", { ignoreSearch: true });
        if (page && (rest === "" || rest === "index.html")) return page;
        throw e;
      }
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
