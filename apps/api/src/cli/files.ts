import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import Papa from 'papaparse';
import { DomainError } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { today } from '../database/sql';
import { MEMBER_COLUMNS, MemberImportService, normaliseHeadings, type ImportResult } from '../modules/member/member-import.service';
import { MemberService } from '../modules/member/member.service';
import { normaliseOrganisationHeadings, ORGANISATION_COLUMNS, OrganisationImportService } from '../modules/organisation/organisation-import.service';
import { OrganisationService } from '../modules/organisation/organisation.service';

type Table = { headings: string[]; rows: Record<string, unknown>[] };

/** Reads a CSV (UTF-8, header row, comma or semicolon) or the first sheet of an XLSX file. */
export const readTable = async (file: string): Promise<Table> => {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      throw new DomainError('IMPORT_INVALID', `CSV: row ${(e.row ?? 0) + 2}: ${e.message}`, 'file', { rows: parsed.errors.map((x) => ({ row: (x.row ?? 0) + 2, column: '-', reason: x.message })) });
    }
    return { headings: parsed.meta.fields ?? [], rows: parsed.data };
  }
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new DomainError('IMPORT_INVALID', 'The workbook has no sheet', 'file');
    const headings = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
    const rows: Record<string, unknown>[] = [];
    for (let i = 2; i <= ws.rowCount; i++) {
      const values = (ws.getRow(i).values as unknown[]).slice(1);
      if (values.every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
      rows.push(Object.fromEntries(headings.map((h, j) => {
        const v = values[j] as unknown;
        const cell = v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v;
        return [h, cell];
      })));
    }
    return { headings, rows };
  }
  throw new DomainError('VALIDATION', 'The file must be .csv or .xlsx', 'file');
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

export const importFile = async (app: INestApplicationContext, caller: Caller, what: string, file: string, skipInvalid: boolean): Promise<ImportResult> => {
  if (!file) throw new DomainError('VALIDATION', 'Name the file to import', 'file');
  const table = await readTable(file);
  if (what === 'members') {
    const norm = table.rows.map((r) => normaliseHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length) throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', { rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column' })) });
    const res = await app.get(MemberImportService).importMembers(caller, norm.map((n) => n.row), { skipInvalid });
    await app.get(DataSource).query('ANALYZE member, membership');
    return res;
  }
  if (what === 'organisations') {
    const norm = table.rows.map((r) => normaliseOrganisationHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length) throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', { rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column' })) });
    return app.get(OrganisationImportService).importOrganisations(caller, norm.map((n) => n.row), { skipInvalid });
  }
  throw new DomainError('VALIDATION', 'Import what? organisations or members', 'what');
};

/** Exports in the import format, so an exported file can be edited and imported back. */
export const exportFile = async (app: INestApplicationContext, caller: Caller, what: string, file: string, opts: { orgId?: string; asOf?: string }): Promise<number> => {
  const asOf = opts.asOf ?? today();
  if (what === 'organisations') {
    const orgs = app.get(OrganisationService);
    const rows: unknown[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await orgs.list(caller.actor, { underId: opts.orgId }, { offset, limit: 500 }, asOf);
      const codes = new Map((await orgs.findVisible(caller.actor, [...new Set(page.items.map((o) => o.parentId).filter((x): x is string => !!x))], asOf)).map((o) => [o.id, o.code]));
      for (const o of page.items) rows.push([o.code, o.name, o.kind, o.parentId ? codes.get(o.parentId) ?? '' : '', o.levelName ?? '', o.unitServed ?? '', o.establishedOn, o.termStart ?? '', o.termEnd ?? '', o.termType ?? '']);
      if (page.items.length < 500) break;
    }
    await writeTable(file, 'To chuc', ORGANISATION_COLUMNS.map(([k]) => k), rows);
    return rows.length;
  }
  if (what === 'members') {
    const members = app.get(MemberService);
    const orgs = app.get(OrganisationService);
    const rows: unknown[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await members.list(caller.actor, { organisationId: opts.orgId }, { offset, limit: 500 }, asOf);
      const codes = new Map((await orgs.findVisible(caller.actor, [...new Set(page.items.map((m) => m.organisationId).filter((x): x is string => !!x))], asOf)).map((o) => [o.id, o.code]));
      for (const m of page.items) {
        const rec = m as unknown as Record<string, unknown>;
        rows.push(MEMBER_COLUMNS.map(([k]) => {
          if (k === 'organisationCode') return m.organisationId ? codes.get(m.organisationId) ?? '' : '';
          if (k === 'gender') return m.gender === 'MALE' ? 'Nam' : m.gender === 'FEMALE' ? 'Nữ' : '';
          if (k === 'introducers') return m.introducers.join('; ');
          if (k === 'joinedOn') return '';
          return (rec[k] as string | null) ?? '';
        }));
      }
      if (page.items.length < 500) break;
    }
    await writeTable(file, 'Dang vien', MEMBER_COLUMNS.map(([k]) => k), rows);
    return rows.length;
  }
  throw new DomainError('VALIDATION', 'Export what? organisations or members', 'what');
};
