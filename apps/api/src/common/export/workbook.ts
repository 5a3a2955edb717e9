import ExcelJS from 'exceljs';

/** dd/mm/yyyy for an ISO date, '' for none (Vietnamese reports). */
export const viDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/**
 * A one-sheet report workbook in the layout committees use: a bold title, a subtitle line (organisation, date), a
 * blank row, bold headings, then the rows; column widths given (further sheets the same way). Returned as an xlsx buffer.
 */
export const reportWorkbook = async (sheet: ReportSheet, ...more: ReportSheet[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  for (const s of [sheet, ...more]) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    ws.addRow([s.subtitle]);
    ws.addRow([]);
    ws.addRow(s.headings).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = s.widths[i] ?? 16));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** One sheet of a report workbook (further sheets, if given, follow the first in the same layout). */
export interface ReportSheet { name: string; title: string; subtitle: string; headings: string[]; widths: number[]; rows: unknown[][] }
