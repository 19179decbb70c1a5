// Offline support. The page is fetched from the network first (so a new build shows at once) and from
// the cache when offline; hashed assets never change, so they are served from the cache first.
// Install precaches the shell, what a first visit runs: the page, its entry chunk and styles, the
// training worker and the engine. The lazy chunks (views, Inside the network, exports, the exact probe,
// the gallery's and the baseline's code) are cached when first fetched, and the rest of them in the
// background on the next visit, so a first visit downloads only what it uses and a second one makes the
// whole site work offline.
// Not a module: vite.config.ts fills in the lists and minifies it into dist/sw.js, beside index.html
// (its scope is the site). One cache per build (its id is filled in too); activation deletes the others.
const CACHE = 'nn-playground-__NN_BUILD__';
/** Paths relative to the scope. */
const SHELL = __NN_SHELL__;
const LATER = __NN_LATER__;

const at = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...SHELL, './favicon.svg'].map(at)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The lazy chunks not cached yet; one failing (offline again) leaves the others cached. */
async function topUp() {
  const cache = await caches.open(CACHE);
  for (const url of LATER.map(at)) {
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url);
      if (res.ok) await cache.put(url, res);
    } catch {
      return;
    }
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(at('./'), copy));
            // A visit this worker serves is not the first: the rest of the site follows.
            event.waitUntil(topUp());
          }
          return res;
        })
        .catch(() => caches.match(at('./')).then((r) => r || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok && url.pathname.includes('/assets/')) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
