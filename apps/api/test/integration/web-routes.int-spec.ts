import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_ROUTES } from '../../src/main';

// The API answers the web app's client-side routes with index.html (deep links, reloads). This keeps the list in
// apps/api/src/main.ts in step with the router: a new screen whose path is not covered fails here, not in production.
const routerPaths = (): string[] => {
  const src = readFileSync(join(__dirname, '../../../web/src/app/router.tsx'), 'utf8');
  const paths = [...src.matchAll(/path:\s*'([^']+)'/g)].map((m) => m[1] ?? '').filter((p) => p !== '*' && p !== '/');
  return paths.map((p) => (p.startsWith('/') ? p : `/${p}`));
};

const covered = (path: string): boolean =>
  WEB_ROUTES.some((route) => {
    if (route.endsWith('/*')) return path.startsWith(route.slice(0, -1));
    return route === path;
  });

describe('web app routes served by the API', () => {
  it('finds the router paths', () => {
    expect(routerPaths()).toEqual(expect.arrayContaining(['/organisations', '/members/:id', '/meetings/:id']));
  });

  it('covers every client-side route with index.html', () => {
    expect(routerPaths().filter((p) => !covered(p))).toEqual([]);
  });
});
