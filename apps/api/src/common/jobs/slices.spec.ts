import { mapInSlices } from './slices';

describe('mapInSlices', () => {
  it('maps every item in order', async () => {
    expect(await mapInSlices([1, 2, 3, 4], (x) => x * 10)).toEqual([10, 20, 30, 40]);
    expect(await mapInSlices([], (x: number) => x)).toEqual([]);
  });

  it('lets the event loop run between slices: work queued meanwhile runs before the map ends', async () => {
    const seen: string[] = [];
    const immediate = new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.push('other work');
        resolve();
      }),
    );
    // a slice of 0 ms: it yields after every item
    const mapped = mapInSlices(
      ['a', 'b', 'c'],
      (x) => {
        seen.push(x);
        return x;
      },
      0,
    );
    await Promise.all([mapped, immediate]);
    expect(seen).toEqual(['a', 'other work', 'b', 'c']);
  });

  it('does not yield within a slice that has time left', async () => {
    const seen: string[] = [];
    const immediate = new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.push('other work');
        resolve();
      }),
    );
    await mapInSlices(
      ['a', 'b', 'c'],
      (x) => {
        seen.push(x);
        return x;
      },
      60_000,
    );
    await immediate;
    expect(seen).toEqual(['a', 'b', 'c', 'other work']);
  });
});
