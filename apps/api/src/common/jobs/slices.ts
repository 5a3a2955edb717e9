import { performance } from 'node:perf_hooks';

/** Resolves after the event loop has run what was waiting (I/O callbacks, timers, other requests). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `items.map(fn)` for long synchronous work (a background job's batch of thousands of members): runs `fn` for at most
 * about `sliceMs` at a time, then lets the event loop serve other requests before going on, so one batch does not
 * hold up every request of the process for seconds. Same results, same order.
 */
export const mapInSlices = async <T, R>(items: readonly T[], fn: (item: T) => R, sliceMs = 20): Promise<R[]> => {
  const out: R[] = [];
  let started = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - started >= sliceMs) {
      await yieldToEventLoop();
      started = performance.now();
    }
  }
  return out;
};
