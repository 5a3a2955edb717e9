import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** What /health/ready reports of the event loop since the process started. */
export type EventLoopFigures = {
  /** The longest the event loop was held in one go (ms): every request of the process waited that long. */
  longestMs: number;
  /** Seconds in which the loop was held longer than the warning threshold. */
  slowSeconds: number;
  /** The 99th percentile of the loop's delay over the last second (ms). */
  p99LastSecondMs: number;
};

/**
 * Watches the event loop of this process: one synchronous stretch of JavaScript (a big batch judged at once, a huge
 * result serialised) makes every request of the process wait. Each second, a second whose longest delay passed
 * `warnMs` is counted and logged (`event loop held`, with the milliseconds; nothing else), and /health/ready reports
 * the figures, so an operator or a load benchmark sees stalls that no single request's timing explains.
 */
export class EventLoopWatch {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private timer: NodeJS.Timeout | undefined;
  private longestMs = 0;
  private slowSeconds = 0;
  private p99LastSecondMs = 0;

  constructor(
    private readonly warnMs: number,
    private readonly warn: (fields: { eventLoopHeldMs: number }, message: string) => void,
  ) {}

  start(): this {
    this.histogram.enable();
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.histogram.disable();
  }

  /** Closes the current second: its figures join the totals and the histogram starts afresh. */
  tick(): void {
    // the histogram counts the delay beyond the 10 ms sampling interval; what the loop was held is close to max
    const max = this.histogram.count > 0 ? this.histogram.max / 1e6 : 0;
    this.p99LastSecondMs = this.histogram.count > 0 ? Math.round(this.histogram.percentile(99) / 1e6) : 0;
    this.histogram.reset();
    this.longestMs = Math.max(this.longestMs, Math.round(max));
    if (max > this.warnMs) {
      this.slowSeconds += 1;
      this.warn({ eventLoopHeldMs: Math.round(max) }, 'event loop held');
    }
  }

  figures(): EventLoopFigures {
    return { longestMs: this.longestMs, slowSeconds: this.slowSeconds, p99LastSecondMs: this.p99LastSecondMs };
  }
}
