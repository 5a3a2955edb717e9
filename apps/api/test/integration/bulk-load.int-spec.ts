import { bootApp, type Harness } from '../setup/harness';
import { tableCatalog } from '../setup/fixtures';
import { withDeferredChecks } from '../../src/database/bulk';

/**
 * withDeferredChecks, the bulk loads' frame (docs/scaling.md#bulk-loads): for the load, the foreign keys are dropped
 * and every index of a `rebuildAllIndexes` table that can be made again exactly is dropped too; after it, all are
 * back as they were. A partial index whose definition does not come back the same from the catalog's text stays.
 */
describe('bulk loads: indexes and keys dropped for a load and back after it', () => {
  let h: Harness;
  const TABLES = ['meeting', 'rating'];

  beforeAll(async () => {
    h = await bootApp();
  });
  afterAll(() => h.close());

  const present = async (m: { query: Harness['ds']['query'] }): Promise<string[]> =>
    (
      await m.query(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                      WHERE i.indrelid = ANY($1::regclass[]) ORDER BY 1`,
        [TABLES],
      )
    ).map((x: { name: string }) => x.name);

  it('drops what it can build again exactly, keeps the rest, and puts everything back', async () => {
    const before = await tableCatalog(h.ds, TABLES);
    const during = await h.ds.transaction((m) =>
      withDeferredChecks(m, { tables: TABLES, rebuildAllIndexes: TABLES }, () => present(m)),
    );
    // partial indexes whose definitions come back the same: dropped for the load
    for (const x of ['rating_year_org', 'rating_year_quota', 'rating_member_year', 'rating_round_decided'])
      expect(during).not.toContain(x);
    expect(during).not.toContain('rating_pkey');
    // kept: the meetings' primary key (foreign keys of other tables reference it) and the paperwork index, whose
    // `IN (…)` comes back from the catalog as another form of `= ANY`
    expect(during).toEqual(expect.arrayContaining(['meeting_pkey', 'meeting_paperwork_missing']));
    expect(await tableCatalog(h.ds, TABLES)).toEqual(before);
    // no temporary table of the probe is left in the session
    expect(await h.ds.query(`SELECT relname FROM pg_class WHERE relname LIKE 'chibo_index_probe%'`)).toEqual([]);
  });

  it('leaves everything as it was when the load fails', async () => {
    const before = await tableCatalog(h.ds, TABLES);
    await expect(
      h.ds.transaction((m) =>
        withDeferredChecks(m, { tables: TABLES, rebuildAllIndexes: TABLES }, async () => {
          throw new Error('load failed');
        }),
      ),
    ).rejects.toThrow('load failed');
    expect(await tableCatalog(h.ds, TABLES)).toEqual(before);
  });
});
