import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canBeChildOf, DomainError, foldVietnamese, ORGANISATION_KINDS, type OrganisationKind } from '@chibo/domain';
import {
  headingNormaliser,
  recordImport,
  throwImportProblems,
  toIsoDate,
  type ImportSource,
} from '../../common/import/columns';
import type { ImportResult, RowError } from '../../common/import/result';
import type { Table } from '../../common/import/table';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { orgVisibleSql } from '../../common/scope/scope';
import { Params, today } from '../../database/sql';
import { onDomainError } from '../../common/graphql/errors';
import { OrganisationWriteService } from './organisation-write.service';
import { recordTerm } from './organisation-terms';

export type OrganisationImportRow = Partial<Record<string, string>>;

export const ORGANISATION_COLUMNS = [
  ['code', 'ma'],
  ['name', 'ten'],
  ['kind', 'loai'],
  ['parentCode', 'ma_cap_tren'],
  ['levelName', 'ten_cap'],
  ['unitServed', 'co_quan_don_vi'],
  ['establishedOn', 'ngay_thanh_lap'],
  ['termStart', 'nhiem_ky_tu'],
  ['termEnd', 'nhiem_ky_den'],
  ['termType', 'loai_nhiem_ky'],
] as const;
export const normaliseOrganisationHeadings = headingNormaliser(ORGANISATION_COLUMNS);

/** Organisations from a file: all-or-nothing, parents before children, re-import updates by code. */
@Injectable()
export class OrganisationImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationWriteService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports a file read by readTableBytes: headings normalised (unknown columns refused, IMPORT_INVALID on `file`),
   * then importOrganisations; the tables are analysed after the load.
   */
  async importTable(caller: Caller, table: Table, skipInvalid: boolean): Promise<ImportResult> {
    const norm = table.rows.map((r) => normaliseOrganisationHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length)
      throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', {
        rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column' })),
      });
    const res = await this.importOrganisations(
      caller,
      norm.map((n) => n.row),
      { skipInvalid, source: table.source },
    );
    await this.ds.query('ANALYZE organisation, organisation_placement');
    return res;
  }

  async importOrganisations(
    caller: Caller,
    rows: OrganisationImportRow[],
    opts: { skipInvalid?: boolean; source?: ImportSource } = {},
  ): Promise<ImportResult> {
    return this.ds.transaction(async (m) => {
      const errors: RowError[] = [];
      const err = (row: number, column: string, reason: string) => errors.push({ row, column, reason });
      const codes = [...new Set(rows.flatMap((r) => [r.code, r.parentCode]).filter((c): c is string => !!c))];
      const p = new Params();
      const d = p.add(today());
      const known: { id: string; code: string; kind: OrganisationKind; writable: boolean }[] = await m.query(
        `SELECT o.id, o.code, o.kind, ${orgVisibleSql(caller.actor, 'o.id', p, d, true)} AS writable FROM organisation o WHERE o.code = ANY(${p.add(codes)}::text[])`,
        p.values,
      );
      const byCode = new Map(known.map((k) => [k.code, k]));
      const inFile = new Map<string, { line: number; kind: OrganisationKind }>();
      rows.forEach((r, i) => {
        const line = i + 2;
        if (!r.code) err(line, 'code', 'required');
        else if (!/^[A-Za-z0-9._-]{1,50}$/.test(r.code))
          err(line, 'code', 'letters, digits, ".", "-", "_" only (at most 50)');
        else if (inFile.has(r.code)) err(line, 'code', `same code as row ${inFile.get(r.code)!.line}`);
        for (const [k, x] of Object.entries(r))
          if (x?.includes('\uFFFD'))
            err(
              line,
              k,
              'contains the replacement character \uFFFD: the file was saved in another encoding; nothing is stored from it',
            );
        if (!r.name) err(line, 'name', 'required');
        else if (r.name.length > 300) err(line, 'name', 'longer than 300 characters');
        if (!r.kind || !(ORGANISATION_KINDS as readonly string[]).includes(r.kind))
          err(line, 'kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
        for (const k of ['establishedOn', 'termStart', 'termEnd'] as const) {
          if (r[k] && !toIsoDate(r[k]!)) err(line, k, `not a date: "${r[k]}"`);
          else if (r[k]) r[k] = toIsoDate(r[k]!)!;
        }
        if (r.termStart && r.termEnd && r.termEnd <= r.termStart) err(line, 'termEnd', 'must be after termStart');
        const existing = r.code ? byCode.get(r.code) : undefined;
        if (existing && !existing.writable)
          err(line, 'code', 'an organisation with this code exists outside your scope');
        if (existing && r.kind && existing.kind !== r.kind)
          err(line, 'kind', `the existing organisation is ${existing.kind}; kind cannot change by import`);
        const parent = r.parentCode ? (inFile.get(r.parentCode) ?? byCode.get(r.parentCode)) : undefined;
        if (!existing) {
          if (r.parentCode && !parent)
            err(line, 'parentCode', `no organisation "${r.parentCode}" in your scope or earlier in the file`);
          else if (r.parentCode && parent && 'writable' in parent && !parent.writable)
            err(line, 'parentCode', `no organisation "${r.parentCode}" in your scope`);
          else if (!r.parentCode && !caller.actor.isAdmin)
            err(line, 'parentCode', 'required (only administrators create root organisations)');
          else if (
            r.kind &&
            (ORGANISATION_KINDS as readonly string[]).includes(r.kind) &&
            !canBeChildOf(r.kind as OrganisationKind, parent?.kind ?? null)
          ) {
            err(line, 'kind', `${r.kind} cannot be placed under ${parent?.kind ?? 'nothing (root)'}`);
          }
        }
        if (r.code && r.kind) inFile.set(r.code, { line, kind: r.kind as OrganisationKind });
      });
      if (!opts.skipInvalid) throwImportProblems(errors);
      const bad = new Set(errors.map((e) => e.row));
      let created = 0;
      let updated = 0;
      const written: string[] = [];
      const ids = new Map(known.map((k) => [k.code, k.id]));
      for (const [i, r] of rows.entries()) {
        if (bad.has(i + 2)) continue;
        const existing = byCode.get(r.code!);
        if (existing) {
          const before = (
            await m.query(
              `SELECT name, level_name, unit_served, term_start, term_end, term_type FROM organisation WHERE id = $1`,
              [existing.id],
            )
          )[0];
          await m.query(
            `UPDATE organisation SET name = $2, name_folded = $3, level_name = coalesce($4, level_name), unit_served = coalesce($5, unit_served),
                    term_start = coalesce($6, term_start), term_end = coalesce($7, term_end), term_type = coalesce($8, term_type), updated_at = now() WHERE id = $1`,
            [
              existing.id,
              r.name,
              foldVietnamese(r.name!),
              r.levelName ?? null,
              r.unitServed ?? null,
              r.termStart ?? null,
              r.termEnd ?? null,
              r.termType ?? null,
            ],
          );
          // the term history follows the current term, as updateOrganisation keeps it (a new term or a correction)
          const [term] = await m.query(
            `SELECT term_start AS "termStart", term_end AS "termEnd", term_type AS "termType" FROM organisation WHERE id = $1`,
            [existing.id],
          );
          await recordTerm(m, existing.id, term).catch(
            onDomainError(
              (e) =>
                new DomainError('IMPORT_INVALID', `Row ${i + 2}: ${e.message}`, 'termStart', {
                  rows: [{ row: i + 2, column: 'termStart', reason: e.message }],
                }),
            ),
          );
          await this.audit.record(m, caller, {
            operation: 'importOrganisations.update',
            entityType: 'organisation',
            entityId: existing.id,
            before,
            after: r,
          });
          written.push(existing.id);
          updated++;
        } else {
          const parentId = r.parentCode ? ids.get(r.parentCode) : undefined;
          if (r.parentCode && !parentId)
            throw new DomainError('IMPORT_INVALID', `Row ${i + 2}: parent ${r.parentCode} was skipped`, 'parentCode', {
              rows: [{ row: i + 2, column: 'parentCode', reason: 'parent row was invalid' }],
            });
          const id = await this.orgs.createIn(m, caller, {
            code: r.code!,
            name: r.name!,
            kind: r.kind as OrganisationKind,
            parentId,
            levelName: r.levelName,
            unitServed: r.unitServed,
            establishedOn: r.establishedOn,
            termStart: r.termStart,
            termEnd: r.termEnd,
            termType: r.termType,
          });
          ids.set(r.code!, id);
          written.push(id);
          created++;
        }
      }
      const result = { created, updated, skipped: bad.size, errors };
      await recordImport(m, caller, 'importOrganisations', opts.source, rows.length, result, written);
      return result;
    });
  }
}
