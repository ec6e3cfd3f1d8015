// Page geometry and type sizes shared by the three renderers, so a form looks the same in
// Word, in the PDF and when the spreadsheet is printed.

import type { ReportDocument, ReportTable } from '../reportDocument';

export const POINTS_PER_MM = 72 / 25.4;

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  marginMm: { top: number; right: number; bottom: number; left: number };
  /** From the top edge to the top of the page number, which sits in the top margin. */
  pageNumberMm: number;
}

const A4 = { shortMm: 210, longMm: 297 };

/**
 * ГОСТ Р 7.0.97-2016 asks for at least 20 mm left, 10 mm right, 20 mm top and bottom, and
 * 30 mm left for documents kept over ten years, as a program's annexes are. Landscape forms
 * such as Table 4 need every millimetre for fifteen columns, so they keep the 20 mm minimum.
 */
export function pageGeometry(orientation: ReportDocument['orientation']): PageGeometry {
  const landscape = orientation === 'landscape';
  return {
    widthMm: landscape ? A4.longMm : A4.shortMm,
    heightMm: landscape ? A4.shortMm : A4.longMm,
    marginMm: { top: 20, right: 10, bottom: 20, left: landscape ? 20 : 30 },
    pageNumberMm: 10,
  };
}

export function contentWidthMm(geometry: PageGeometry): number {
  return geometry.widthMm - geometry.marginMm.left - geometry.marginMm.right;
}

/** Running text: title block, notes, paragraphs. */
export const TEXT_FONT_PT = 12;

/** Wide tables (Table 4 has fifteen columns) drop to 10 pt, still Times-metric. */
export function tableFontPt(table: ReportTable): number {
  return table.columns.length > 7 ? 10 : 12;
}

/** Shares `totalWidth` out by the columns' relative weights; the parts add up to the total exactly. */
export function columnWidths(table: ReportTable, totalWidth: number, round: (value: number) => number = (value) => value): number[] {
  const weightSum = table.columns.reduce((sum, column) => sum + column.width, 0);
  if (!(weightSum > 0)) throw new Error('У таблицы отчёта нет столбцов положительной ширины');
  let used = 0;
  return table.columns.map((column, index) => {
    if (index === table.columns.length - 1) return totalWidth - used;
    const width = round((totalWidth * column.width) / weightSum);
    used += width;
    return width;
  });
}
