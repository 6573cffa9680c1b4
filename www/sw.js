// Service worker: once the page has loaded, it keeps working with the network off. The first load's files
// are cached on install under a versioned name; every other file of the site (the examples, PDF.js, its
// worker, CMaps and fonts) is kept the first time it is used. Requests are answered from that cache first.
// A new build has a new version (the build writes it below), so a new worker installs, and the old cache is
// dropped when it activates.
const VERSION = 'dev'; // replaced by the build with a hash of the built files
const FILES = ['./']; // replaced by the build with the files of the first load
const CACHE = `juesuan-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('juesuan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // ignoreSearch: ?preset=… in the page URL is state for the page, not a different file
      const hit = await cache.match(event.request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(event.request);
      if (response.ok && response.type === 'basic') cache.put(event.request, response.clone());
      return response;
    }),
  );
});
