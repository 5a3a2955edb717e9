import ExcelJS from 'exceljs';

/** dd/mm/yyyy for an ISO date, '' for none (Vietnamese reports). */
export const viDate = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/**
 * A one-sheet report workbook in the layout committees use: a bold title, a subtitle line (organisation, date), a
 * blank row, bold headings, then the rows; column widths given. Returned as an xlsx buffer.
 */
export const reportWorkbook = async (sheet: { name: string; title: string; subtitle: string; headings: string[]; widths: number[]; rows: unknown[][] }): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  ws.addRow([sheet.title]).font = { bold: true, size: 13 };
  ws.addRow([sheet.subtitle]);
  ws.addRow([]);
  ws.addRow(sheet.headings).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = sheet.widths[i] ?? 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
};
