import { loadPathFor } from './member-import-writes';

describe('loadPathFor (the write path of a member load)', () => {
  it('writes small loads row by row, triggers and indexes at work', () => {
    expect(loadPathFor(2, 0, 0)).toBe('row');
    expect(loadPathFor(1999, 0, 0)).toBe('row');
  });
  it('writes a load that is small next to the tables row by row', () => {
    expect(loadPathFor(20000, 80001, 40000)).toBe('row');
  });
  it('defers checks and kept data for a load of a quarter of the tables or more', () => {
    expect(loadPathFor(20000, 80000, 40000)).toBe('deferred');
    expect(loadPathFor(20000, 45000, 20001)).toBe('deferred');
  });
  it('rebuilds the GIN/GiST indexes after a load at least as large as the members on record', () => {
    expect(loadPathFor(20000, 20000, 20000)).toBe('rebuild');
    expect(loadPathFor(2000, -1, 0)).toBe('rebuild');
  });
});
