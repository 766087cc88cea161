import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { keepPreviousAssets } from './scripts/keep-previous-assets.ts';
import { type BuiltChunk, extraFiles, offlineExtras } from './scripts/offline-extras-plugin.ts';
import { firstScreenChunks } from './scripts/first-screen-chunk.ts';

const firstScreen = firstScreenChunks();

const THEME = '#1d5c4a';

/** The build's settings once resolved (its output folder), for the service worker's manifest. */
const build = { outDir: 'dist' };

export default defineConfig({
  plugins: [
    react(),
    firstScreen.plugin,
    { name: 'build-settings', configResolved: (config) => void (build.outDir = config.build.outDir) },
    // A page still running the previous build finds its lazily loaded screens after a deployment.
    keepPreviousAssets(),
    // Lazily loaded code the install leaves out (QR drawing and reading): index.html lists its files.
    offlineExtras(),
    {
      // The commune list is fetched as a file (src/features/initiatives/commune-list.ts): sent without
      // the indentation the repository keeps it in.
      name: 'minify-json-assets',
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && file.fileName.endsWith('.json')) {
            file.source = JSON.stringify(JSON.parse(Buffer.from(file.source).toString('utf8')));
          }
        }
      },
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      pwaAssets: { config: true, overrideManifestIcons: true },
      manifest: {
        id: '/',
        name: "L'innovation territoriale en actions ! — sur le terrain",
        short_name: 'Innovation terr.',
        description:
          'Les ressources de la co-construction territoriale, lisibles sans réseau : kits pratiques, publications, webinaires et vocabulaire partagé.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME,
        background_color: '#f7f4ec',
        categories: ['education', 'government', 'productivity'],
      },
      workbox: {
        // Not the commune list (.json) nor the WebAssembly QR reader (.wasm), about 450 KB gzipped
        // each, nor the code of scripts/offline-extras-plugin.ts: they go to the offline extras cache
        // once the library is there (src/app/offline-extras.ts). Nor the install's icons (.png): the
        // browser fetches them when installing, with the network, and the page shows only icon.svg.
        globPatterns: ['**/*.{js,css,html,svg,ico,woff2}'],
        // Only this build's files: dist/assets also keeps the previous build's for a while (keepPreviousAssets).
        manifestTransforms: [
          async (entries) => {
            const chunks = JSON.parse(await readFile(`${build.outDir}/.vite/manifest.json`, 'utf8')) as Record<
              string,
              BuiltChunk & { css?: string[]; assets?: string[] }
            >;
            const current = new Set(
              Object.values(chunks).flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]),
            );
            const extras = new Set(Object.values(extraFiles(chunks)).flat());
            return {
              manifest: entries.filter(
                (e) =>
                  (!e.url.startsWith('assets/') || current.has(e.url)) && !extras.has(e.url) && !e.url.endsWith('.png'),
              ),
              warnings: [],
            };
          },
        ],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so it works offline without a reload.
        clientsClaim: true,
        runtimeCaching: [
          {
            // The offline extras: same cache name as src/app/offline-extras.ts, which fills it. Every
            // build file the precache does not hold (its route comes first): the extras, and the
            // previous build's files a page opened before an update still loads.
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'offline-extras' },
          },
          {
            // Library media: immutable URLs, kept once fetched (the storage panel fills this cache too).
            urlPattern: ({ url }) => url.pathname.startsWith('/api/v1/library/media/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'library-media',
              // Opened with no way to the server and not on the device: a page in French, not the browser's error.
              // (Serialized into the service worker: it must stand alone.)
              plugins: [
                {
                  handlerDidError: async ({ request }) =>
                    request.mode === 'navigate'
                      ? caches.match('/document-indisponible.html', { ignoreSearch: true })
                      : undefined,
                },
              ],
            },
          },
        ],
      },
    }),
  ],
  resolve: {
    // RxDB's broadcast-channel frees its leadership on the deprecated `unload` event, which keeps
    // pages out of the back/forward cache: the same API on `pagehide` instead (src/db/page-exit.ts).
    alias: [{ find: /^unload$/, replacement: fileURLToPath(new URL('./src/db/page-exit.ts', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: lets the bench find what the first screen needs.
    manifest: true,
    // The first screen: React's chunk, then the app's (scripts/first-screen-chunk.ts).
    rolldownOptions: { output: { codeSplitting: { groups: firstScreen.groups } } },
    modulePreload: { resolveDependencies: firstScreen.resolveDependencies },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
