import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError, DUES_CHANNELS, type DuesChannel } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { readTableBytes, type Table } from '../common/import/table';
import { today } from '../database/sql';
import { DuesImportService } from '../modules/dues/dues-import.service';
import { MEMBER_COLUMNS, MemberImportService, type ImportResult } from '../modules/member/member-import.service';
import { MemberService } from '../modules/member/member.service';
import { ORGANISATION_COLUMNS, OrganisationImportService } from '../modules/organisation/organisation-import.service';
import { OrganisationService } from '../modules/organisation/organisation.service';

/** Reads an import file from disk (see readTableBytes). */
export const readTable = async (file: string): Promise<Table> => {
  let bytes: Buffer;
  if (!['.csv', '.xlsx'].includes(extname(file).toLowerCase()))
    throw new DomainError('VALIDATION', 'The file must be .csv or .xlsx', 'file');
  try {
    bytes = readFileSync(file);
  } catch {
    throw new DomainError('IMPORT_INVALID', `Cannot read the file ${basename(file)}`, 'file', {
      rows: [{ row: 0, column: 'file', reason: `Cannot read the file ${basename(file)}` }],
    });
  }
  return readTableBytes(basename(file), bytes);
};

export const writeTable = async (file: string, sheet: string, headings: string[], rows: unknown[][]): Promise<void> => {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    writeFileSync(file, `\uFEFF${Papa.unparse({ fields: headings, data: rows })}\n`);
  } else if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet);
    ws.addRow(headings).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 18));
    await wb.xlsx.writeFile(file);
  } else {
    throw new DomainError('VALIDATION', 'The file must be .csv or .xlsx', 'file');
  }
};

/** What an import did; for dues also the rows already imported (not written again) and whether it was a dry run. */
export type FileImportResult = ImportResult & { duplicates?: number; dryRun?: boolean };

export const importFile = async (
  app: INestApplicationContext,
  caller: Caller,
  what: string,
  file: string,
  skipInvalid: boolean,
  opts: { dryRun?: boolean; channel?: string } = {},
): Promise<FileImportResult> => {
  if (!file) throw new DomainError('VALIDATION', 'Name the file to import', 'file');
  if (what !== 'members' && what !== 'organisations' && what !== 'dues')
    throw new DomainError('VALIDATION', 'Import what? organisations, members or dues', 'what');
  if (opts.channel !== undefined && !DUES_CHANNELS.includes(opts.channel as DuesChannel))
    throw new DomainError('VALIDATION', 'The channel is CASH or PORTAL', 'channel');
  const table = await readTable(file);
  if (what === 'dues') {
    const s = await app.get(DuesImportService).importTable(caller, table, {
      skipInvalid,
      dryRun: opts.dryRun,
      channel: opts.channel as DuesChannel | undefined,
    });
    return {
      created: s.created,
      updated: 0,
      skipped: s.skipped,
      errors: s.problems.filter((p) => p.code !== 'ALREADY_IMPORTED'),
      duplicates: s.duplicates,
      dryRun: s.dryRun,
    };
  }
  return what === 'members'
    ? app.get(MemberImportService).importTable(caller, table, skipInvalid)
    : app.get(OrganisationImportService).importTable(caller, table, skipInvalid);
};

/** Exports in the import format, so an exported file can be edited and imported back. */
export const exportFile = async (
  app: INestApplicationContext,
  caller: Caller,
  what: string,
  file: string,
  opts: { orgId?: string; asOf?: string },
): Promise<number> => {
  const asOf = opts.asOf ?? today();
  if (what === 'organisations') {
    const orgs = app.get(OrganisationService);
    const rows: unknown[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await orgs.list(caller.actor, { underId: opts.orgId }, { offset, limit: 500 }, asOf);
      const codes = new Map(
        (
          await orgs.findVisible(
            caller.actor,
            [...new Set(page.items.map((o) => o.parentId).filter((x): x is string => !!x))],
            asOf,
          )
        ).map((o) => [o.id, o.code]),
      );
      for (const o of page.items)
        rows.push([
          o.code,
          o.name,
          o.kind,
          o.parentId ? (codes.get(o.parentId) ?? '') : '',
          o.levelName ?? '',
          o.unitServed ?? '',
          o.establishedOn,
          o.termStart ?? '',
          o.termEnd ?? '',
          o.termType ?? '',
        ]);
      if (page.items.length < 500) break;
    }
    await writeTable(
      file,
      'To chuc',
      ORGANISATION_COLUMNS.map(([k]) => k),
      rows,
    );
    return rows.length;
  }
  if (what === 'members') {
    const members = app.get(MemberService);
    const orgs = app.get(OrganisationService);
    const rows: unknown[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await members.list(caller.actor, { organisationId: opts.orgId }, { offset, limit: 500 }, asOf);
      const codes = new Map(
        (
          await orgs.findVisible(
            caller.actor,
            [...new Set(page.items.map((m) => m.organisationId).filter((x): x is string => !!x))],
            asOf,
          )
        ).map((o) => [o.id, o.code]),
      );
      for (const m of page.items) {
        const rec = m as unknown as Record<string, unknown>;
        rows.push(
          MEMBER_COLUMNS.map(([k]) => {
            if (k === 'organisationCode') return m.organisationId ? (codes.get(m.organisationId) ?? '') : '';
            if (k === 'gender') return m.gender === 'MALE' ? 'Nam' : m.gender === 'FEMALE' ? 'Nữ' : '';
            if (k === 'introducers') return m.introducers.join('; ');
            if (k === 'joinedOn') return '';
            return (rec[k] as string | null) ?? '';
          }),
        );
      }
      if (page.items.length < 500) break;
    }
    await writeTable(
      file,
      'Dang vien',
      MEMBER_COLUMNS.map(([k]) => k),
      rows,
    );
    return rows.length;
  }
  throw new DomainError('VALIDATION', 'Export what? organisations or members', 'what');
};
