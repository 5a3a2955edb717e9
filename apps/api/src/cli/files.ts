import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import Papa from 'papaparse';
import { DomainError } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { capProblems, type ImportSource } from '../common/import/columns';
import { decodeText } from '../common/import/decode';
import { today } from '../database/sql';
import { MEMBER_COLUMNS, MemberImportService, normaliseHeadings, type ImportResult } from '../modules/member/member-import.service';
import { MemberService } from '../modules/member/member.service';
import { normaliseOrganisationHeadings, ORGANISATION_COLUMNS, OrganisationImportService } from '../modules/organisation/organisation-import.service';
import { OrganisationService } from '../modules/organisation/organisation.service';

type Table = { headings: string[]; rows: Record<string, unknown>[]; source: ImportSource };

const fileError = (message: string, rows?: { row: number; column: string; reason: string }[]): DomainError => {
  const all = rows ?? [{ row: 0, column: 'file', reason: message }];
  return new DomainError('IMPORT_INVALID', message, 'file', capProblems(all));
};

/**
 * Reads a CSV (any encoding decodeText recognises, header row, comma, semicolon or tab) or the first sheet of an XLSX
 * file. Every problem with the file itself (empty, not text, unknown encoding, not a workbook, unparseable) is an
 * IMPORT_INVALID error on `file`; at most MAX_REPORTED_PROBLEMS parser problems are listed, the rest counted.
 */
export const readTable = async (file: string): Promise<Table> => {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new DomainError('VALIDATION', 'The file must be .csv or .xlsx', 'file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw fileError(`Cannot read the file ${basename(file)}`);
  }
  const source: ImportSource = { name: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
  if (bytes.length === 0) throw fileError('The file is empty');
  if (ext === '.csv') {
    const { text } = decodeText(bytes);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
    const fields = (parsed.meta.fields ?? []).filter((f) => f.trim() !== '');
    if (!fields.length) throw fileError('The file has no heading row');
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      const problems = parsed.errors.map((x) => ({ row: (x.row ?? 0) + 2, column: 'file', reason: x.message }));
      throw fileError(`CSV: ${parsed.errors.length} problem(s); first: row ${(e.row ?? 0) + 2}: ${e.message}`, problems);
    }
    if (!parsed.data.length) throw fileError('The file has a heading row but no data rows');
    return { headings: fields, rows: parsed.data, source };
  }
  const notWorkbook = 'The file is not a readable .xlsx workbook (save it from Excel as "Excel Workbook (*.xlsx)")';
  if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw fileError(notWorkbook);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError(notWorkbook);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('The workbook has no sheet');
  const headings = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  if (!headings.some((h) => h !== '')) throw fileError('The file is empty');
  const rows: Record<string, unknown>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const values = (ws.getRow(i).values as unknown[]).slice(1);
    if (values.every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
    rows.push(Object.fromEntries(headings.map((h, j) => {
      const v = values[j] as unknown;
      const cell = v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v;
      return [h, typeof cell === 'string' ? cell.normalize('NFC') : cell];
    })));
  }
  if (!rows.length) throw fileError('The file has a heading row but no data rows');
  return { headings, rows, source };
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
    const res = await app.get(MemberImportService).importMembers(caller, norm.map((n) => n.row), { skipInvalid, source: table.source });
    await app.get(DataSource).query('ANALYZE member, membership, member_event');
    return res;
  }
  if (what === 'organisations') {
    const norm = table.rows.map((r) => normaliseOrganisationHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length) throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', { rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column' })) });
    const res = await app.get(OrganisationImportService).importOrganisations(caller, norm.map((n) => n.row), { skipInvalid, source: table.source });
    await app.get(DataSource).query('ANALYZE organisation, organisation_placement');
    return res;
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
