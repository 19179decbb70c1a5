// Offline support: the app shell and the hashed assets it uses are cached; the page is fetched from the
// network first (so a new build shows at once) and from the cache when offline. Hashed assets never
// change, so they are served from the cache first.
// Not a module: vite.config.ts minifies it into dist/sw.js, beside index.html (its scope is the site).
// One cache per build (vite.config.ts puts the build's id here); activation deletes the others.
const CACHE = 'nn-playground-__NN_BUILD__';
const ASSET_RE = /(?:\.\/|\/)?assets\/[\w.-]+\.(?:js|css|svg|png|woff2)|[\w.-]+-[\w-]{6,}\.(?:js|css)/g;

const scope = () => self.registration.scope;

/** Asset URLs named in a text (the page, or a script naming its worker), resolved against `base`. */
function assetUrls(text, base) {
  const urls = new Set();
  for (const m of text.matchAll(ASSET_RE)) {
    const name = m[0];
    const url = new URL(
      name.includes('assets/') ? name : `./assets/${name}`,
      name.includes('assets/') ? base : scope(),
    );
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  return [...urls];
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch(scope(), { cache: 'no-cache' });
  if (!page.ok) return;
  await cache.put(scope(), page.clone());
  const seen = new Set();
  let queue = assetUrls(await page.text(), scope());
  // Scripts name further assets (the worker, lazy chunks): follow them two levels deep.
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    const next = [];
    for (const url of queue) {
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await fetch(url);
      if (!res.ok) continue;
      await cache.put(url, res.clone());
      if (url.endsWith('.js')) next.push(...assetUrls(await res.text(), url));
    }
    queue = next;
  }
  const icon = new URL('./favicon.svg', scope()).href;
  const res = await fetch(icon);
  if (res.ok) await cache.put(icon, res);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

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
            caches.open(CACHE).then((c) => c.put(scope(), copy));
          }
          return res;
        })
        .catch(() => caches.match(scope()).then((r) => r || Response.error())),
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
