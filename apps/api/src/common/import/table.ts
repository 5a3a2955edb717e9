import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '@chibo/domain';
import { capProblems, type ImportSource } from './columns';
import { decodeText } from './decode';

/** A file read for import: its headings, its data rows (heading → cell) and its name and digest for the audit log. */
export type Table = { headings: string[]; rows: Record<string, unknown>[]; source: ImportSource };

/** The largest file an import accepts (bytes); a bigger one is refused before it is parsed. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

const fileError = (message: string, rows?: { row: number; column: string; reason: string }[]): DomainError => {
  const all = rows ?? [{ row: 0, column: 'file', reason: message }];
  return new DomainError('IMPORT_INVALID', message, 'file', capProblems(all));
};

/**
 * Reads a CSV (any encoding decodeText recognises, header row, comma, semicolon or tab) or the first sheet of an XLSX
 * file from its bytes; `name` gives the kind (.csv or .xlsx). Every problem with the file itself (empty, too big, not
 * text, unknown encoding, not a workbook, unparseable) is an IMPORT_INVALID error on `file`; at most
 * MAX_REPORTED_PROBLEMS parser problems are listed, the rest counted.
 */
export const readTableBytes = async (name: string, bytes: Buffer): Promise<Table> => {
  const ext = extname(name).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new DomainError('VALIDATION', 'The file must be .csv or .xlsx', 'file');
  const source: ImportSource = { name, sha256: createHash('sha256').update(bytes).digest('hex') };
  if (bytes.length === 0) throw fileError('The file is empty');
  if (bytes.length > IMPORT_MAX_BYTES)
    throw fileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it`);
  if (ext === '.csv') {
    const { text } = decodeText(bytes);
    const parsed = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t', '|'],
    });
    const fields = (parsed.meta.fields ?? []).filter((f) => f.trim() !== '');
    if (!fields.length) throw fileError('The file has no heading row');
    const [e] = parsed.errors;
    if (e) {
      const problems = parsed.errors.map((x) => ({ row: (x.row ?? 0) + 2, column: 'file', reason: x.message }));
      throw fileError(
        `CSV: ${parsed.errors.length} problem(s); first: row ${(e.row ?? 0) + 2}: ${e.message}`,
        problems,
      );
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
    rows.push(
      Object.fromEntries(
        headings.map((h, j) => {
          const v = values[j] as unknown;
          const cell = v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v;
          return [h, typeof cell === 'string' ? cell.normalize('NFC') : cell];
        }),
      ),
    );
  }
  if (!rows.length) throw fileError('The file has a heading row but no data rows');
  return { headings, rows, source };
};
