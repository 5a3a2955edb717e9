import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { graphqlDocuments } from './vite-plugin-graphql-documents.ts';
import { offlineShell, webRouteFallbackAllowlist } from './vite-plugin-offline-shell.ts';

/**
 * Writes `<file>.br` and `<file>.gz` next to every text asset of the build, so the API serves them as they are
 * (@fastify/static `preCompressed`) instead of compressing on each request or sending them uncompressed.
 * Brotli at its best quality costs ~2 s of build time once and saves ~15% over gzip on every download.
 */
const precompress = (): Plugin => ({
  name: 'chibo-precompress',
  apply: 'build',
  writeBundle(options, bundle) {
    const dir = options.dir ?? fileURLToPath(new URL('./dist', import.meta.url));
    for (const name of new Set([...Object.keys(bundle), 'index.html'])) {
      if (!/\.(js|css|html|svg|json|txt)$/.test(name)) continue;
      const file = join(dir, name);
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        continue;
      }
      if (body.length < 512) continue;
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      );
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    }
  },
});

// the libraries the sign-in screen needs (build.rolldownOptions: one long-cached chunk), and those of them it does not
const VENDOR =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/][^\\/]+|i18next|react-i18next|cookie|set-cookie-parser)[\\/]/;
const LATER_VENDOR =
  /[\\/]node_modules[\\/](react-i18next[\\/]dist[\\/]es[\\/]Trans(WithoutContext)?\.js|html-parse-stringify[\\/])/;

const apiTarget = process.env.CHIBO_API_URL ?? 'http://127.0.0.1:3000';

const shell = offlineShell();

export default defineConfig({
  plugins: [
    graphqlDocuments(),
    react(),
    precompress(),
    shell.plugin,
    // The installable app and its service worker (docs/offline.md). The worker precaches the app shell and the code of
    // the screens a cell secretary and a member use (shell.keep picks them from the build), answers the web app's own
    // routes with the precached index.html when offline, and never handles /graphql, /exports, /health or files.
    // A new version waits until the user clicks "Tải lại" in the prompt (registerType 'prompt': no skipWaiting of its
    // own), so one page never mixes the code of two versions. Registered by src/lib/pwa after the page has loaded.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'chibo – Công tác xây dựng Đảng',
        short_name: 'chibo',
        description: 'Hồ sơ công tác xây dựng Đảng: tổ chức, đảng viên, sinh hoạt chi bộ, đảng phí.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#b71c1c',
        background_color: '#f5f5f5',
        categories: ['productivity', 'government'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png}'],
        manifestTransforms: [shell.keep],
        // hashed file names: the URL is the version, no cache-busting query needed
        dontCacheBustURLsMatching: /^assets\//,
        cleanupOutdatedCaches: true,
        // the first install controls the open page at once (nothing older to mix with); an update waits (prompt)
        clientsClaim: true,
        skipWaiting: false,
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: webRouteFallbackAllowlist(),
        navigateFallbackDenylist: [/^\/(graphql|exports|health|assets)(\/|$|\?)/],
        // no runtime caching: data read offline comes from IndexedDB (src/lib/offline), never from the worker
        runtimeCaching: [],
      },
    }),
  ],
  resolve: {
    alias: {
      '@chibo/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/exports': { target: apiTarget, changeOrigin: true },
    },
  },
  // `vite preview` reuses server.proxy, so a built app can be tried against the API too
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd loads with the screens that use it (app-shell.tsx); the sign-in entry stays small
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // the libraries the sign-in screen needs, in one long-cached chunk (antd stays out of it)
          groups: [
            // the domain rules the sign-in screen, the shell and the dashboard use (dates, figures' formats and tones,
            // meeting kinds): a small chunk of their own, so that the first screens do not load all of libs/domain
            {
              name: 'domain-core',
              test: /[\\/]libs[\\/]domain[\\/]src[\\/](errors|dates|report[\\/](percent|tone)|meeting[\\/]kinds)\.ts$/,
            },
            {
              name: 'vendor',
              // react-i18next's <Trans> and its HTML parser serve two later screens (member and organisation history):
              // they stay out, in a chunk of their own
              test: (id: string) => VENDOR.test(id) && !LATER_VENDOR.test(id),
            },
          ],
        },
      },
    },
  },
});
