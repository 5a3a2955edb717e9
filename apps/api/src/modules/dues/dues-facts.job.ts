import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { IntervalRunner } from '../../common/jobs/interval-runner';
import { today, validAt } from '../../database/sql';
import { DuesFactsService } from './dues-facts.service';

/** The advisory lock that lets one API process at a time run the job. */
const RUN_LOCK = 7_301_160;

/**
 * Keeps the dues facts of every tree up to date in the background, every DUES_FACTS_INTERVAL_SECONDS (0: off; the
 * facts are then brought up to date when a subtree is read): after a new month began, a restructure or a policy
 * change, every member-year of the current year is judged again here rather than by the first reader of a root's
 * figures or dashboard. A run with nothing stale costs one statement per tree. The first run is at start-up.
 */
@Injectable()
export class DuesFactsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DuesFacts');
  private readonly runner = new IntervalRunner('dues facts run', this.log, () => this.run());

  constructor(
    private readonly ds: DataSource,
    private readonly facts: DuesFactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.duesFactsIntervalSeconds * 1000;
    if (every <= 0) return;
    this.runner.start(every);
    // the first run soon after start-up, off the start-up path
    setTimeout(
      () =>
        void this.runner
          .runOnce()
          .catch((e: unknown) => this.log.warn(`dues facts run failed: ${e instanceof Error ? e.message : String(e)}`)),
      1000,
    ).unref();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** One run now: the current year's facts of every tree (the roots today); false if another process was running it. */
  runOnce(): Promise<boolean> {
    return this.runner.runOnce();
  }

  /** False when another API process was running it (this one then skips its turn). */
  private async run(): Promise<boolean> {
    // One run at a time across the API processes of a database: a session-level try-lock held on its own connection
    // for the run (the facts are written under their own transaction locks, so a second runner would only judge the
    // same member-years again; it skips its turn instead). A process that dies frees the lock with its session.
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RUN_LOCK]);
      if (!locked) return false;
      try {
        const d = today();
        const year = Number(d.slice(0, 4));
        const roots: { id: string }[] = await this.ds.query(
          `SELECT organisation_id AS id FROM organisation_placement pl WHERE pl.parent_id IS NULL AND ${validAt('pl', '$1')}`,
          [d],
        );
        for (const { id } of roots) await this.facts.ensure(id, year);
        return true;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [RUN_LOCK]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }
}
