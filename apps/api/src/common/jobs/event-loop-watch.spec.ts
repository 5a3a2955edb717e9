import { EventLoopWatch } from './event-loop-watch';

const hold = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // a synchronous stretch: nothing else of the process runs meanwhile
  }
};
const tickOf = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('EventLoopWatch', () => {
  it('counts and logs a second in which the loop was held past the threshold, with its length', async () => {
    const warnings: number[] = [];
    const watch = new EventLoopWatch(100, (f) => warnings.push(f.eventLoopHeldMs)).start();
    try {
      await tickOf();
      hold(250);
      await tickOf();
      watch.tick();
      const f = watch.figures();
      expect(f.slowSeconds).toBe(1);
      expect(f.longestMs).toBeGreaterThanOrEqual(200);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toBe(f.longestMs);
    } finally {
      watch.stop();
    }
  });

  it('counts nothing when the loop was never held past the threshold', async () => {
    const warnings: number[] = [];
    const watch = new EventLoopWatch(1000, (f) => warnings.push(f.eventLoopHeldMs)).start();
    try {
      await tickOf();
      hold(50);
      await tickOf();
      watch.tick();
      expect(watch.figures().slowSeconds).toBe(0);
      expect(warnings).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
