/** What /health/ready reports of the request gate. */
export type RequestGateFigures = {
  /** Requests being worked on now, and the most at once since the process started. */
  active: number;
  maxActive: number;
  /** Requests waiting for a place now, and the most that waited at once. */
  queued: number;
  maxQueued: number;
  /** Requests answered 503 because the queue was full. */
  rejected: number;
};

/**
 * At most `limit` API requests worked on at once in this process; the others wait their turn in arrival order, and
 * past `maxQueue` waiting a request is refused at once (the caller answers 503 with Retry-After).
 *
 * Why: a request's memory (its GraphQL result, DataLoader caches, rows) lives while it is worked on. A hundred
 * requests interleaved on one event loop hold a hundred results at once and each finishes late; the same work in turn
 * holds `limit` of them, and a request waits in the queue without costing memory. The database pool is small
 * (DB_POOL_SIZE) anyway, so more requests at once do not make more work happen.
 */
export class RequestGate {
  private active = 0;
  private maxActive = 0;
  private maxQueued = 0;
  private rejected = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number,
  ) {
    if (!(limit >= 1)) throw new Error('RequestGate: limit must be at least 1');
  }

  /**
   * A place for one request: resolves with the function that gives it back (call it once, when the answer is sent or
   * the client went away; further calls do nothing), or resolves null at once when the queue is full.
   */
  enter(): Promise<(() => void) | null> {
    if (this.active < this.limit) return Promise.resolve(this.admit());
    if (this.waiting.length >= this.maxQueue) {
      this.rejected += 1;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.admit()));
      this.maxQueued = Math.max(this.maxQueued, this.waiting.length);
    });
  }

  figures(): RequestGateFigures {
    return {
      active: this.active,
      maxActive: this.maxActive,
      queued: this.waiting.length,
      maxQueued: this.maxQueued,
      rejected: this.rejected,
    };
  }

  private admit(): () => void {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active -= 1;
      const next = this.waiting.shift();
      if (next) next();
    };
  }
}

/** The requests that take a place: GraphQL and the export downloads (not health checks, static files or others). */
export const isGatedPath = (url: string): boolean =>
  url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/exports/');
