// Service worker: once the page has loaded, it keeps working with the network off. Every file of the build
// is cached on install under a versioned name; requests are answered from that cache first. A new build has
// a new version (the build writes it below), so a new worker installs, and the old cache is dropped when it
// activates.
const VERSION = 'dev'; // replaced by the build with a hash of the built files
const FILES = ['./']; // replaced by the build with every file of dist/
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
  // ignoreSearch: ?preset=… in the page URL is state for the page, not a different file
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(event.request, { ignoreSearch: true })) ?? fetch(event.request)),
  );
});
