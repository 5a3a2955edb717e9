import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ChangeSignals } from '../database/change-signals';
import { dataSourceOptions } from '../database/data-source';
import { AuditChainService } from './audit/audit-chain.service';
import { AuditService } from './audit/audit.service';
import { ExportService } from './export/export.service';
import { KeptTreeReads } from './scope/kept-tree-reads';

/**
 * The common/database module, global: the checked configuration (APP_CONFIG), the database (TypeORM's DataSource,
 * itself global), the change signals of values kept between requests, the audit log every write goes through and its hash chain (sealing, verification), the registry of Excel exports, the lists' kept scope statements. It imports no feature module (docs/architecture.md).
 * Scope helpers, loaders and SQL helpers are plain functions in common/ and database/, not providers.
 */
@Module({})
export class CommonModule {
  /** `databaseUrl` is already resolved (embedded server started) by the caller. */
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CommonModule,
      global: true,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config))],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Listens only when something may be kept (docs/scaling.md#kept-between-requests): PostgreSQL, max age > 0.
        // A commit of this process that wrote a signalled table drops what it kept at once: read-your-writes in-process.
        {
          provide: ChangeSignals,
          inject: [DataSource],
          useFactory: (ds: DataSource) => {
            const signals = new ChangeSignals(config.cacheMaxAgeSeconds > 0 ? config.databaseUrl : null);
            signals.watchCommits(ds);
            return signals;
          },
        },
        AuditService,
        AuditChainService,
        ExportService,
        KeptTreeReads,
      ],
      // AuditChainService: the audit chain's queries and mutation (auth's AuditChainResolver)
      // ExportService: each feature module registers its Excel exports (served by GET /exports/<name>.xlsx)
      // ChangeSignals: the caller and policy caches (auth, policy) drop what they keep on a signalled change
      // KeptTreeReads: the lists' scope statements, kept until the tree changes
      exports: [APP_CONFIG, ChangeSignals, AuditService, AuditChainService, ExportService, KeptTreeReads],
    };
  }
}
