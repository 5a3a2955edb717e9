import { types } from 'pg';
import {
  AbstractLogger,
  DataSource,
  MigrationExecutor,
  type DataSourceOptions,
  type LogLevel,
  type LogMessage,
  type Migration,
} from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedDatabase } from './embedded';
import { migrationContext } from './migration-context';
import { Foundation1763800000000 } from './migrations/1763800000000-Foundation';
import { Meetings1763900000000 } from './migrations/1763900000000-Meetings';
import { Inspections1764000000000 } from './migrations/1764000000000-Inspections';
import { Ratings1764100000000 } from './migrations/1764100000000-Ratings';
import { MeetingAttendanceTotals1764200000000 } from './migrations/1764200000000-MeetingAttendanceTotals';
import { CellMeetingMonth1765100000000 } from './migrations/1765100000000-CellMeetingMonth';
import { AdmissionIndexes1764350000000 } from './migrations/1764350000000-AdmissionIndexes';
import { RefreshTokenFamilies1764400000000 } from './migrations/1764400000000-RefreshTokenFamilies';
import { SignInThrottle1764450000000 } from './migrations/1764450000000-SignInThrottle';
import { RatingOrganisationIndex1764700000000 } from './migrations/1764700000000-RatingOrganisationIndex';
import { RatingExclusions1765200000000 } from './migrations/1765200000000-RatingExclusions';
import { AuditChain1796460000000 } from './migrations/1796460000000-AuditChain';
import { RecordRulesOverrides1796476726805 } from './migrations/1796476726805-RecordRulesOverrides';
import { RateLimitHits1796476800000 } from './migrations/1796476800000-RateLimitHits';
import { DomainEvents1796480000000 } from './migrations/1796480000000-DomainEvents';
import { Webhooks1796490000000 } from './migrations/1796490000000-Webhooks';
import { Notices1796520000000 } from './migrations/1796520000000-Notices';
import { PartyDues1796550000000 } from './migrations/1796550000000-PartyDues';
import { DuesPaymentReference1796560000000 } from './migrations/1796560000000-DuesPaymentReference';
import { DuesFacts1796580000000 } from './migrations/1796580000000-DuesFacts';
import { OfflineWrites1796590000000 } from './migrations/1796590000000-OfflineWrites';
import { FigureVersions1796540000000 } from './migrations/1796540000000-FigureVersions';
import { CellMemberCount1796541000000 } from './migrations/1796541000000-CellMemberCount';
import { MeetingPaperworkIndex1796542000000 } from './migrations/1796542000000-MeetingPaperworkIndex';
import { MeetingDocumentContent1796600000000 } from './migrations/1796600000000-MeetingDocumentContent';
import { MemberGivenNameOrder1796610000000 } from './migrations/1796610000000-MemberGivenNameOrder';
import { NoticeEventState1796620000000 } from './migrations/1796620000000-NoticeEventState';
import { DuesCellSum1796630000000 } from './migrations/1796630000000-DuesCellSum';
import { DuesVersionWriter1796640000000 } from './migrations/1796640000000-DuesVersionWriter';
import { MeetingTitleSearch1796657000000 } from './migrations/1796657000000-MeetingTitleSearch';
import { OrganisationTerms1796658000000 } from './migrations/1796658000000-OrganisationTerms';
import { CellMemberCountCover1796659000000 } from './migrations/1796659000000-CellMemberCountCover';
import { CellInspectionCount1796660000000 } from './migrations/1796660000000-CellInspectionCount';
import { CellAdmissionCount1796665000000 } from './migrations/1796665000000-CellAdmissionCount';
import { CacheSignals1796670000000 } from './migrations/1796670000000-CacheSignals';
import { RatingDecidedIndex1796671000000 } from './migrations/1796671000000-RatingDecidedIndex';
import { DuesVersionBump1796672000000 } from './migrations/1796672000000-DuesVersionBump';
import { RatingAlertIndexes1796685000000 } from './migrations/1796685000000-RatingAlertIndexes';
import { OrganisationCacheSignal1796690000000 } from './migrations/1796690000000-OrganisationCacheSignal';
import { RatingYears1796700000000 } from './migrations/1796700000000-RatingYears';

// Calendar dates stay 'YYYY-MM-DD' strings end to end: no time zone can shift them.
types.setTypeParser(1082, (v: string) => v);

export const MIGRATIONS = [
  Foundation1763800000000,
  Meetings1763900000000,
  Inspections1764000000000,
  Ratings1764100000000,
  MeetingAttendanceTotals1764200000000,
  AdmissionIndexes1764350000000,
  RefreshTokenFamilies1764400000000,
  SignInThrottle1764450000000,
  RatingOrganisationIndex1764700000000,
  CellMeetingMonth1765100000000,
  RatingExclusions1765200000000,
  AuditChain1796460000000,
  RecordRulesOverrides1796476726805,
  RateLimitHits1796476800000,
  DomainEvents1796480000000,
  Webhooks1796490000000,
  Notices1796520000000,
  FigureVersions1796540000000,
  CellMemberCount1796541000000,
  MeetingPaperworkIndex1796542000000,
  PartyDues1796550000000,
  DuesPaymentReference1796560000000,
  DuesFacts1796580000000,
  OfflineWrites1796590000000,
  MeetingDocumentContent1796600000000,
  MemberGivenNameOrder1796610000000,
  NoticeEventState1796620000000,
  DuesCellSum1796630000000,
  DuesVersionWriter1796640000000,
  MeetingTitleSearch1796657000000,
  OrganisationTerms1796658000000,
  CellMemberCountCover1796659000000,
  CellInspectionCount1796660000000,
  CellAdmissionCount1796665000000,
  CacheSignals1796670000000,
  RatingDecidedIndex1796671000000,
  DuesVersionBump1796672000000,
  RatingAlertIndexes1796685000000,
  OrganisationCacheSignal1796690000000,
  RatingYears1796700000000,
];

/**
 * Counts SQL statements (tests assert that nested queries do not issue a statement per row); `onQuery`, when set,
 * sees each statement with its parameters (the plan tests EXPLAIN the statements a service actually runs).
 */
export const queryCounter: { count: number; onQuery?: (sql: string, params: unknown[] | undefined) => void } = {
  count: 0,
};

class CountingLogger extends AbstractLogger {
  constructor(private readonly debug: boolean) {
    super();
  }

  override logQuery(...args: Parameters<AbstractLogger['logQuery']>): void {
    queryCounter.count++;
    queryCounter.onQuery?.(args[0], Array.isArray(args[1]) ? args[1] : undefined);
    if (this.debug) super.logQuery(...args);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const list = Array.isArray(message) ? message : [message];
    // Errors are reported once by the GraphQL error filter; only the debug level prints SQL here (no parameters in normal logs).
    if (this.debug || level === 'warn') for (const m of list) console.log(`[db:${level}]`, m.message);
  }
}

export const resolveDatabaseUrl = async (config: AppConfig): Promise<{ url: string; embedded: boolean }> => {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false };
  const db = await startEmbeddedDatabase(config.dataDir, config.dbPoolSize + 2);
  return { url: db.url, embedded: true };
};

export const dataSourceOptions = (url: string, config: AppConfig): DataSourceOptions => ({
  type: 'postgres',
  url,
  entities: [],
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  synchronize: false,
  migrationsRun: false,
  logging: ['query'],
  logger: new CountingLogger(config.logLevel === 'debug'),
  // statement_timeout: PostgreSQL cancels any statement of the server that runs longer (error 57014, answered
  // QUERY_TIMEOUT); the CLI passes 0. PGlite ignores it (one single-threaded backend cannot be interrupted).
  // jit=off: the figure queries over a large subtree are estimated above jit_above_cost, and compiling them costs far
  // more than it saves (×30, the period's leavers: 2.1 s of which 1.6 s JIT compilation, 0.18 s without).
  extra: {
    max: config.dbPoolSize,
    options: '-c jit=off',
    ...(config.dbStatementTimeoutMs > 0 ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
  },
});

/** Opens the database (embedded when no DATABASE_URL) and applies pending migrations. */
export const openDataSource = async (config: AppConfig): Promise<DataSource> => {
  const { url } = await resolveDatabaseUrl(config);
  const ds = new DataSource(dataSourceOptions(url, config));
  await ds.initialize();
  await runMigrationsLocked(ds, config);
  return ds;
};

/** The key of the session-level advisory lock under which migrations run (any fixed number all processes share). */
export const MIGRATION_LOCK_KEY = 1_796_600_000;

/**
 * Applies pending migrations (each in its own transaction) while holding a session-level advisory lock on one
 * connection, so that several API processes (or a CLI) starting at once on one database apply them once: the first
 * takes the lock and migrates, the others wait for it, then find nothing pending. The migrations run on that same
 * connection, with no statement timeout (a long migration is not cancelled after DB_STATEMENT_TIMEOUT_MS, and the
 * wait for another process's migrations is not either). A process that dies holding the lock loses its session, so
 * the lock is released by PostgreSQL. On the embedded database (one PGlite backend for every connection of the
 * one process that may open it) the lock is taken and released the same way and never waits.
 */
export const runMigrationsLocked = async (ds: DataSource, config: AppConfig): Promise<Migration[]> => {
  migrationContext.legacyUploadDir = config.uploadDir;
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET statement_timeout = 0`);
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      // a broken connection has lost the lock with its session: nothing to release then
      await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.query(`RESET statement_timeout`).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
};
