import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SYSTEM_ACTOR } from '../common/auth/actor';
import type { Caller } from '../common/audit/audit.service';
import { loadConfig, type AppConfig } from '../config/app-config';
import { resolveDatabaseUrl, runMigrationsLocked } from '../database/data-source';
import { startEmbeddedDatabase } from '../database/embedded';

/** A Nest application context (no HTTP) with the same modules and services as the API, migrations applied. */
// The CLI's bulk statements (seed, import) are not bounded by the server's statement timeout; it delivers no webhooks
// and runs no notice job, dues-facts job nor audit sealing in the background (at ×30 the dues-facts job's 10-minute run
// judged the members' dues while the seed was loading them, and the sealing of the meetings' 322,000 audit rows took
// 16 s of the database beside the seed's load): the server's timers do that work, and `audit seal` on demand.
export const openContext = async (
  config: AppConfig = loadConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DB_STATEMENT_TIMEOUT_MS: '0',
    WEBHOOK_POLL_MS: '0',
    NOTICE_JOB_INTERVAL_SECONDS: '0',
    DUES_FACTS_INTERVAL_SECONDS: '0',
    AUDIT_SEAL_INTERVAL_SECONDS: '0',
    CACHE_MAX_AGE_SECONDS: '0',
  }),
) => {
  const { url } = await resolveDatabaseUrl(config);
  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule.with(config, url), {
    logger: ['error', 'warn'],
  });
  await runMigrationsLocked(app.get(DataSource), config);
  const close = async () => {
    await app.close();
    if (!config.databaseUrl) await (await startEmbeddedDatabase(config.dataDir, 1)).stop();
  };
  return { app, config, close };
};

/** The CLI acts as the system, named after the operating-system user in the audit log. */
export const cliCaller = (): Caller => ({
  actor: { ...SYSTEM_ACTOR, name: `cli:${safeUser()}` },
  requestId: `cli-${randomUUID()}`,
});

const safeUser = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** A one-line progress bar on stderr (no output when stderr is not a terminal, except at the end). */
export const progress = (label: string, total: number) => {
  let done = 0;
  const tty = process.stderr.isTTY;
  const draw = () => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r${label.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick(n = 1) {
      done += n;
      if (tty) draw();
    },
    end() {
      done = total;
      draw();
      process.stderr.write('\n');
    },
  };
};
