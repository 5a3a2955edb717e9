import { SIGNALLED_TABLES, writesSignalledTable } from './change-signals';

// Which statements make this process drop what it keeps at their commit (ChangeSignals.watchCommits).
describe('writesSignalledTable', () => {
  it.each(SIGNALLED_TABLES.map((t) => [t]))('sees a write of %s', (t) => {
    expect(writesSignalledTable(`INSERT INTO ${t} (id) VALUES ($1)`)).toBe(true);
    expect(writesSignalledTable(`UPDATE ${t} SET x = 1 WHERE id = $1`)).toBe(true);
    expect(writesSignalledTable(`  delete from ${t} where id = $1`)).toBe(true);
    expect(writesSignalledTable(`TRUNCATE TABLE ${t}`)).toBe(true);
    expect(writesSignalledTable(`WITH x AS (SELECT 1)\n  UPDATE ${t}\n SET y = 2`)).toBe(true);
  });

  it('ignores reads and writes of other tables, including ones whose names start alike', () => {
    for (const sql of [
      'SELECT * FROM organisation o JOIN organisation_placement pl ON pl.organisation_id = o.id',
      'INSERT INTO meeting (id) VALUES ($1)',
      'UPDATE meeting SET place = $2 WHERE organisation_id = $1',
      'INSERT INTO organisation_change (id) VALUES ($1)',
      'UPDATE membership_fee SET x = 1',
      'DELETE FROM cell_member_count WHERE organisation_id = ANY($1)',
      'SELECT 1 FROM membership FOR UPDATE',
    ])
      expect({ sql, writes: writesSignalledTable(sql) }).toEqual({ sql, writes: false });
  });
});
