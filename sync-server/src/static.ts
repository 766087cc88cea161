import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Files that must be revalidated on every visit so that updates are seen. */
const REVALIDATED = /(?:^|\/)(?:index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)$/;

/** Serves the built PWA: hashed assets immutable, the shell and service worker revalidated. */
export async function staticApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // `/` is a page of the app like the others (sync-server/src/preview.ts), not the bare index.html.
    index: false,
    allowedPath: (path) => path !== '/',
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders(res, path) {
      if (REVALIDATED.test(path)) res.header('cache-control', 'no-cache');
      else if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'public, max-age=3600');
    },
  });
}
