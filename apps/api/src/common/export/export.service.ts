import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@chibo/domain';
import type { Actor } from '../auth/actor';
import { AuditService, type Caller } from '../audit/audit.service';
import { inMemoryWorkbook, xlsxBuffer, type ExportWorkbook } from './workbook';

/**
 * One Excel export: served as GET /exports/<name>.xlsx (docs/exports.md) and, deprecated, as the GraphQL query
 * field `field` with the same arguments. `args` names each argument with its input class (class-validator runs on
 * it as on the GraphQL argument) or null for a scalar (checked by the GraphQL type of the field's argument).
 */
export type ExportDefinition<A extends Record<string, unknown> = Record<string, unknown>> = {
  name: string;
  field: string;
  /** The file name offered to the browser, without .xlsx (Vietnamese is fine: sent as RFC 5987 filename*). */
  fileName: string;
  args: Record<keyof A & string, (new () => object) | null>;
  /** Reads what the export needs (in the caller's scope: NOT_FOUND outside it) and writes its sheets into `wb`. */
  build: (actor: Actor, args: A, wb: ExportWorkbook) => Promise<void>;
};

/**
 * The registry of exports (each feature module registers its own when it starts) and the one way to run one:
 * build it into a workbook, then record it in the audit log (operation `export`, entity type `export`, entity id
 * the export's name, the arguments as `after`). The rate limit is the caller's: QueryLimitsPlugin for GraphQL,
 * the route for HTTP (RateLimits 'export' budget, shared).
 */
@Injectable()
export class ExportService {
  private readonly defs = new Map<string, ExportDefinition>();

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  register<A extends Record<string, unknown>>(def: ExportDefinition<A>): void {
    if (this.defs.has(def.name)) throw new Error(`Export ${def.name} registered twice`);
    this.defs.set(def.name, def as unknown as ExportDefinition);
  }

  get(name: string): ExportDefinition | undefined {
    return this.defs.get(name);
  }

  list(): ExportDefinition[] {
    return [...this.defs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Builds export `name` for the caller into `wb` and writes its audit entry (after the build: a refused export is not logged). */
  async run(caller: Caller, name: string, args: Record<string, unknown>, wb: ExportWorkbook): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw new DomainError('NOT_FOUND', `No export named ${name}`);
    await def.build(caller.actor, args, wb);
    const after = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));
    await this.ds.transaction((m) =>
      this.audit.record(m, caller, { operation: 'export', entityType: 'export', entityId: name, after }),
    );
  }

  /** The deprecated GraphQL form: the whole workbook in memory, base64-encoded. */
  async base64(caller: Caller, name: string, args: Record<string, unknown>): Promise<string> {
    const wb = inMemoryWorkbook();
    await this.run(caller, name, args, wb);
    return (await xlsxBuffer(wb)).toString('base64');
  }
}
