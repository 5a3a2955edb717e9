import type { Logger } from '@nestjs/common';

/**
 * A background job inside the API process (the webhook worker, the notice job): `runOnce` runs the job, one run
 * at a time (a run asked for while one is going on waits for it, then runs); `start(everyMs)` runs it on a timer
 * that does not keep the process alive and skips a tick while a run is going on; `stop` ends the timer and waits
 * for the run in progress. Nothing is kept between runs: the jobs keep their state in the database, and guard
 * against other API processes there (advisory locks).
 */
export class IntervalRunner<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly what: string,
    private readonly log: Logger,
    private readonly run: () => Promise<T>,
  ) {}

  /** Runs every `everyMs` milliseconds from now on; 0 or less: never (only runOnce). */
  start(everyMs: number): void {
    if (everyMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.runOnce().catch((e: unknown) =>
        this.log.warn(`${this.what} failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One run (the timer's, or a test's / the CLI's); a run already going on is awaited, then another one runs. */
  async runOnce(): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.run();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }
}
