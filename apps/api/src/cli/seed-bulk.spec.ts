import { drawWithoutReplacement } from './seed-bulk';

describe('drawWithoutReplacement', () => {
  it('takes the same elements as splice(k, 1) on a shrinking copy, and nothing once empty', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 200; t++) {
      const n = Math.floor(next() * 70);
      const xs = Array.from({ length: n }, (_, i) => `m${i}`);
      const copy = [...xs];
      const d = drawWithoutReplacement(xs);
      for (let q = 0; q < n + 3; q++) {
        const k = Math.floor(next() * Math.max(copy.length, 1));
        expect(d.take(k)).toBe(copy.splice(k, 1)[0]);
        expect(d.left()).toBe(copy.length);
      }
    }
  });
});
