import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { AppConfig } from '../../config/app-config';
import { DashboardCache } from './dashboard.cache';
import { DashboardScope } from './dashboard.scope';

// DashboardCache against a database whose figure-table versions the test sets.
describe('DashboardCache', () => {
  let versions = 'member:1,meeting:1';
  const ds = { query: async () => [{ v: versions, pending: 0 }] } as unknown as DataSource;
  const actor = (readRoots: string[], isAdmin = false): Actor => ({
    kind: 'USER',
    id: readRoots.join(),
    name: 'x',
    isAdmin,
    readRoots,
    writeRoots: [],
    ownMemberIds: [],
    ownCellIds: [],
    grants: [],
  });
  const make = (a: Actor) => () =>
    new DashboardScope(a, { id: 'R', path: '/R/' } as never, '2026-06-15', {
      year: 2026,
      from: '2026-01-01',
      to: '2026-06-15',
    } as never);
  const cache = (entries = 16) => new DashboardCache(ds, { dashboardCacheEntries: entries } as AppConfig);

  beforeEach(() => (versions = 'member:1,meeting:1'));

  it('keeps a scope while the feeding tables are unchanged, for callers with the same access', async () => {
    const c = cache();
    const a = await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])));
    expect(await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])))).toBe(a);
    // another user with the same grants: the same figures
    const other = { ...actor(['R']), id: 'someone else' };
    expect(await c.scope(other, 'R', '2026-06-15', 2026, make(other))).toBe(a);
  });

  it('starts afresh when a feeding table changes, for other access, dates or years', async () => {
    const c = cache();
    const a = await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])));
    expect(await c.scope(actor(['R', 'S']), 'R', '2026-06-15', 2026, make(actor(['R', 'S'])))).not.toBe(a);
    expect(await c.scope(actor([], true), 'R', '2026-06-15', 2026, make(actor([], true)))).not.toBe(a);
    expect(await c.scope(actor(['R']), 'R', '2026-06-16', 2026, make(actor(['R'])))).not.toBe(a);
    expect(await c.scope(actor(['R']), 'R', '2026-06-15', 2025, make(actor(['R'])))).not.toBe(a);
    versions = 'member:2,meeting:1';
    const b = await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])));
    expect(b).not.toBe(a);
    expect(await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])))).toBe(b);
    // a table written for the first time
    versions = 'member:2,meeting:1,visit:1';
    expect(await c.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])))).not.toBe(b);
  });

  it('keeps at most the configured number of scopes, the least recently used dropped first; 0 keeps none', async () => {
    const c = cache(2);
    const get = (date: string) => c.scope(actor(['R']), 'R', date, 2026, make(actor(['R'])));
    const x = await get('2026-06-01');
    const y = await get('2026-06-02');
    expect(await get('2026-06-01')).toBe(x); // x used last
    await get('2026-06-03'); // drops y
    expect(await get('2026-06-01')).toBe(x);
    expect(await get('2026-06-02')).not.toBe(y);
    const off = cache(0);
    const first = await off.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])));
    expect(await off.scope(actor(['R']), 'R', '2026-06-15', 2026, make(actor(['R'])))).not.toBe(first);
  });

  it('does not keep a failed computation', async () => {
    const s = make(actor(['R']))();
    let calls = 0;
    const fail = () =>
      s.once('x', async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return calls;
      });
    await expect(fail()).rejects.toThrow('boom');
    expect(await fail()).toBe(2);
    expect(await fail()).toBe(2);
  });
});
