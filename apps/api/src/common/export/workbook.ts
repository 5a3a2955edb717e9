import ExcelJS from 'exceljs';

/** dd/mm/yyyy for an ISO date, '' for none (Vietnamese titles and text; a date cell is `xlDate`). */
export const viDate = (iso: string | null | undefined): string =>
  iso ? iso.slice(0, 10).split('-').reverse().join('/') : '';

/** How every date cell of every export is shown: a real Excel date, sortable and filterable, written dd/mm/yyyy. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * An ISO date (or the date part of an ISO timestamp already in Vietnam time) as an Excel date cell: the day at UTC
 * midnight, which Excel reads as that day whatever the reader's time zone; null (an empty cell) for none.
 * Report rows give it as is: `startReport` formats every Date cell with DATE_FORMAT.
 */
export const xlDate = (iso: string | null | undefined): Date | null =>
  iso ? new Date(`${iso.slice(0, 10)}T00:00:00.000Z`) : null;

/**
 * Where an export writes its sheets: an in-memory workbook (the deprecated GraphQL `*Xlsx` fields, serialised to
 * base64) or exceljs' streaming WorkbookWriter (GET /exports/<name>.xlsx), which zips each committed row straight
 * to the HTTP answer. Builders use only what both offer: addWorksheet (with its views), addRow, row fonts,
 * alignment, numFmt and height, mergeCells, column widths and autoFilter, all before the row is committed
 * (`row.commit()` is a no-op in memory); a streamed sheet writes its views when it is added and its auto-filter
 * when the workbook is finished.
 */
export type ExportWorkbook = ExcelJS.Workbook;

/** A new in-memory workbook (the GraphQL fields) and its .xlsx bytes. */
export const inMemoryWorkbook = (): ExportWorkbook => new ExcelJS.Workbook();
export const xlsxBuffer = async (wb: ExportWorkbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/**
 * Writes a report in the layout committees use: a bold title, the organisation line (its name, and what else the
 * subtitle says), further note lines if any, a blank row, bold headings, then the rows; column widths given
 * (further sheets the same way). Each row is committed as it is added, so a streaming workbook sends it and
 * forgets it.
 */
export const writeReport = (wb: ExportWorkbook, sheet: ReportSheet, ...more: ReportSheet[]): void => {
  for (const s of [sheet, ...more]) {
    const add = startReport(wb, s);
    for (const r of s.rows) add(r);
  }
};

/**
 * Starts a sheet in the report layout (title, organisation line, notes, blank row, headings) and returns the
 * function that adds a row: for an export that reads its rows page by page and writes each page as it comes, so a
 * streamed workbook holds one page at a time. The headings stay on screen (the rows down to them are frozen) and
 * carry the auto-filter, which grows with each row; a Date cell is shown dd/mm/yyyy.
 */
export const startReport = (wb: ExportWorkbook, s: Omit<ReportSheet, 'rows'>): ((row: unknown[]) => void) => {
  const headRow = 4 + (s.notes?.length ?? 0);
  const ws = reportSheet(wb, s.name, headRow);
  // Widths first: a streaming sheet writes its columns with the first committed row.
  ws.columns = s.headings.map((_h, i) => ({ width: s.widths[i] ?? 16 }));
  const title = ws.addRow([s.title]);
  title.font = { bold: true, size: 13 };
  title.commit();
  ws.addRow([s.subtitle]).commit();
  for (const line of s.notes ?? []) ws.addRow([line]).commit();
  ws.addRow([]).commit();
  const head = ws.addRow(s.headings);
  head.font = { bold: true };
  head.commit();
  return filteredRows(ws, headRow, s.headings.length);
};

/** A new sheet whose rows down to `headRow` (the headings) stay on screen when scrolling. */
export const reportSheet = (wb: ExportWorkbook, name: string, headRow: number): ExcelJS.Worksheet =>
  wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: headRow, topLeftCell: `A${headRow + 1}` }] });

/**
 * The function adding a data row under the headings of `ws` (on row `headRow`, `columns` wide): Date cells shown
 * dd/mm/yyyy, other number formats by column (1-based), the auto-filter over the headings and every row so far;
 * each row committed as it is added.
 */
export const filteredRows = (
  ws: ExcelJS.Worksheet,
  headRow: number,
  columns: number,
  formats: Record<number, string> = {},
): ((row: unknown[]) => void) => {
  let last = headRow;
  ws.autoFilter = { from: { row: headRow, column: 1 }, to: { row: last, column: columns } };
  return (values) => {
    const row = ws.addRow(values);
    values.forEach((v, i) => {
      const format = v instanceof Date ? DATE_FORMAT : formats[i + 1];
      if (format) row.getCell(i + 1).numFmt = format;
    });
    last = row.number;
    ws.autoFilter = { from: { row: headRow, column: 1 }, to: { row: last, column: columns } };
    row.commit();
  };
};

/** One sheet of a report workbook (further sheets, if given, follow the first in the same layout). */
export interface ReportSheet {
  name: string;
  title: string;
  /** The organisation line under the title: the organisation's name first. */
  subtitle: string;
  /** Further lines between the organisation line and the headings (the round's deadlines, how a figure is counted). */
  notes?: string[];
  headings: string[];
  widths: number[];
  rows: unknown[][];
}
