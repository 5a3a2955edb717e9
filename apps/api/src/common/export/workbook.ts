import ExcelJS from 'exceljs';

/** dd/mm/yyyy for an ISO date, '' for none (Vietnamese reports). */
export const viDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/**
 * Where an export writes its sheets: an in-memory workbook (the deprecated GraphQL `*Xlsx` fields, serialised to
 * base64) or exceljs' streaming WorkbookWriter (GET /exports/<name>.xlsx), which zips each committed row straight
 * to the HTTP answer. Builders use only what both offer: addWorksheet, addRow, row fonts, alignment, numFmt and
 * height, mergeCells and column widths, all before the row is committed (`row.commit()` is a no-op in memory).
 */
export type ExportWorkbook = ExcelJS.Workbook;

/** A new in-memory workbook (the GraphQL fields) and its .xlsx bytes. */
export const inMemoryWorkbook = (): ExportWorkbook => new ExcelJS.Workbook();
export const xlsxBuffer = async (wb: ExportWorkbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/**
 * Writes a report in the layout committees use: a bold title, a subtitle line (organisation, date), a blank row,
 * bold headings, then the rows; column widths given (further sheets the same way). Each row is committed as it is
 * added, so a streaming workbook sends it and forgets it.
 */
export const writeReport = (wb: ExportWorkbook, sheet: ReportSheet, ...more: ReportSheet[]): void => {
  for (const s of [sheet, ...more]) {
    const add = startReport(wb, s);
    for (const r of s.rows) add(r);
  }
};

/**
 * Starts a sheet in the report layout (title, subtitle, blank row, headings) and returns the function that adds a
 * row: for an export that reads its rows page by page and writes each page as it comes, so a streamed workbook
 * holds one page at a time.
 */
export const startReport = (wb: ExportWorkbook, s: Omit<ReportSheet, 'rows'>): ((row: unknown[]) => void) => {
  const ws = wb.addWorksheet(s.name);
  // Widths first: a streaming sheet writes its columns with the first committed row.
  ws.columns = s.headings.map((_h, i) => ({ width: s.widths[i] ?? 16 }));
  const title = ws.addRow([s.title]);
  title.font = { bold: true, size: 13 };
  title.commit();
  ws.addRow([s.subtitle]).commit();
  ws.addRow([]).commit();
  const head = ws.addRow(s.headings);
  head.font = { bold: true };
  head.commit();
  return (row) => ws.addRow(row).commit();
};

/** One sheet of a report workbook (further sheets, if given, follow the first in the same layout). */
export interface ReportSheet { name: string; title: string; subtitle: string; headings: string[]; widths: number[]; rows: unknown[][] }
