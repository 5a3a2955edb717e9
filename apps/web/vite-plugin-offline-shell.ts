import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * What the service worker precaches (docs/offline.md): the app shell and the code of the screens a cell secretary and
 * a member use, found in the build's own chunk graph, so the list follows the code instead of file names that change
 * with every build. A root is a chunk whose source module matches ROOTS; the kept set is the roots with every chunk
 * they import, statically (and their CSS) or on demand (texts, dialogs, cards, the service worker's registration, the
 * offline store), except the other screens: a route module is kept only as a root. Other screens (administration,
 * imports, reports, ratings, inspections) load from the network as before.
 */
const ROOTS: readonly RegExp[] = [
  /\/src\/main\.tsx$/,
  /\/src\/app\/(app-shell|antd-provider|not-found-route)\.tsx$/,
  /\/src\/features\/organisations\/routes\/(organisations-index-route|organisation-route)\.tsx$/,
  /\/src\/features\/members\/routes\/(members-route|member-route)\.tsx$/,
  /\/src\/features\/meetings\/routes\/(meetings-route|meeting-route)\.tsx$/,
  /\/src\/features\/dues\/routes\/dues-route\.tsx$/,
  /\/src\/features\/sync\/routes\/sync-route\.tsx$/,
];
/** Screens (loaded on demand by the router): kept only when they are roots. */
const SCREEN = /\/src\/(features\/[^/]+\/routes\/[^/]+|app\/[^/]+-(route|shell)|app\/shell\/first-run)\.tsx$/;

type ChunkInfo = {
  facade: string | null;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  css: string[];
};

export const offlineShell = () => {
  const chunks = new Map<string, ChunkInfo>();
  let kept: Set<string> | null = null;

  const plugin: Plugin = {
    name: 'chibo-offline-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      chunks.clear();
      kept = null;
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        const meta = (out as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
        chunks.set(fileName, {
          facade: out.facadeModuleId ? out.facadeModuleId.replace(/\\/g, '/') : null,
          isEntry: out.isEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          css: [...(meta?.importedCss ?? [])],
        });
      }
    },
  };

  const keptFiles = (): Set<string> => {
    if (kept) return kept;
    const set = new Set<string>();
    const visit = (file: string) => {
      if (set.has(file)) return;
      const chunk = chunks.get(file);
      if (!chunk) return;
      set.add(file);
      chunk.css.forEach((css) => set.add(css));
      chunk.imports.forEach(visit);
      for (const dyn of chunk.dynamicImports) {
        const facade = chunks.get(dyn)?.facade ?? '';
        if (!SCREEN.test(facade)) visit(dyn);
      }
    };
    for (const [file, chunk] of chunks) {
      if (chunk.isEntry || (chunk.facade && ROOTS.some((re) => re.test(chunk.facade ?? '')))) visit(file);
    }
    if (set.size === 0) throw new Error('chibo-offline-shell: no chunk of the app shell found in the build');
    kept = set;
    return set;
  };

  /** workbox manifestTransform: hashed assets only when kept; index.html, the icons and the manifest always. */
  const keep = <E extends { url: string }>(entries: E[]) => {
    const files = keptFiles();
    const seen = new Set<string>();
    const manifest = entries.filter((e) => {
      if (seen.has(e.url)) return false; // the icons come both from the files and from the web app manifest
      seen.add(e.url);
      return !e.url.startsWith('assets/') || files.has(e.url.slice('assets/'.length)) || files.has(e.url);
    });
    return { manifest, warnings: [] as string[] };
  };

  return { plugin, keep };
};

/**
 * The web app's routes, read from WEB_ROUTES in apps/api/src/main.ts (the list the API answers with index.html), as
 * the worker's navigation allow-list: offline, only these navigations get the precached index.html. The API's own
 * paths (/graphql, /exports/…, /health/…) are not in it and are never answered by the worker.
 */
export const webRouteFallbackAllowlist = (): RegExp[] => {
  const main = readFileSync(fileURLToPath(new URL('../api/src/main.ts', import.meta.url)), 'utf8');
  const block = /export const WEB_ROUTES = \[([\s\S]*?)\];/.exec(main)?.[1];
  const routes = block ? [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
  if (routes.length === 0) throw new Error('chibo-offline-shell: WEB_ROUTES not found in apps/api/src/main.ts');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ['/', ...routes].map((route) =>
    route.endsWith('/*')
      ? new RegExp(`^${escape(route.slice(0, -2))}/[^?#]+(?:\\?.*)?$`)
      : new RegExp(`^${route === '/' ? '/' : `${escape(route)}/?`}(?:\\?.*)?$`),
  );
};
