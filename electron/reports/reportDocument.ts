// One report, three file formats: form builders describe an official form once with these
// types, and render/docx.ts, render/pdf.ts and render/xlsx.ts turn it into files. The model
// holds printed content only (amounts as kopecks, indicator values as exact decimal strings);
// page geometry and fonts belong to the renderers.

import { formatThousands } from '../../shared/money';

export interface ReportDocument {
  /** The file's document-properties title (Word «Свойства», PDF Title). */
  fileTitle: string;
  orientation: 'portrait' | 'landscape';
  /** Right-aligned block at the top: «Приложение N 4», «к муниципальной программе». */
  approval?: string[];
  /** Centred bold lines: «Ресурсное обеспечение», «реализации муниципальной программы…». */
  title: string[];
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right' | 'justify'; bold?: boolean; italic?: boolean }
  | { kind: 'table'; table: ReportTable };

export type CellAlign = 'left' | 'center' | 'right';

export interface ReportColumn {
  /** For the reader of the builder's code; the printed header comes from `header`. */
  title?: string;
  /** Relative weight: the renderers share the page width out in these proportions. */
  width: number;
  /** Default alignment of the column's body cells. */
  align: CellAlign;
}

export interface ReportTable {
  columns: ReportColumn[];
  /** Header rows, spans as in HTML; repeated at the top of every page. */
  header: HeaderCell[][];
  /** Adds the row «1 2 3 … n» under the header (repeated with it). */
  columnNumbers: boolean;
  rows: ReportRow[];
}

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface ReportRow {
  /** As in HTML: a cell covered by a rowSpan from a row above is omitted from this row. */
  cells: ReportCell[];
  /** section: a heading row such as «Задача 1. …»; total: «Всего, в том числе:», ИТОГО. Both print bold. */
  emphasis?: 'section' | 'total';
  /** Keep this row on the same page as the next one (best effort: not when they outgrow a page). */
  keepWithNext?: boolean;
}

export type ReportCell =
  | {
      kind: 'text';
      text: string;
      colSpan?: number;
      rowSpan?: number;
      /** Defaults to the column's alignment. */
      align?: CellAlign;
      bold?: boolean;
      italic?: boolean;
    }
  | {
      kind: 'amount';
      /** тыс. руб. in kopecks; null prints «-». */
      kopecks: number | null;
      colSpan?: number;
      rowSpan?: number;
      /** Passed to formatThousands: decimals always shown (default 2). */
      minDecimals?: number;
      /** Passed to formatThousands: group thousands (default true). */
      grouped?: boolean;
    }
  | {
      kind: 'number';
      /** An indicator value as an exact decimal string, «41.67» (prints «41,67»); null prints «-». */
      value: string | null;
      colSpan?: number;
      rowSpan?: number;
    };

/** What a missing amount or value prints as. */
export const NO_VALUE = '-';

const DECIMAL_STRING = /^-?\d+(?:\.\d+)?$/;

/** The decimals of an indicator value; throws on anything but a plain decimal string. */
export function decimalPlaces(value: string): number {
  if (!DECIMAL_STRING.test(value)) {
    throw new Error(`Значение показателя «${value}» — не десятичное число (текст выводится ячейкой kind: 'text')`);
  }
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}

/** A cell as DOCX and PDF print it. */
export function cellText(cell: ReportCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'amount':
      return cell.kopecks === null
        ? NO_VALUE
        : formatThousands(cell.kopecks, { minDecimals: cell.minDecimals, grouped: cell.grouped });
    case 'number':
      if (cell.value === null) return NO_VALUE;
      decimalPlaces(cell.value);
      return cell.value.replace('.', ',');
  }
}

/** Whether a body row prints bold. */
export function isEmphasised(row: ReportRow): boolean {
  return row.emphasis !== undefined;
}

/** A note spanning the whole table, such as «(п. 1.1 в ред. Постановления … от 23.03.2023 N 3219)». */
export function fullWidthRow(table: Pick<ReportTable, 'columns'>, text: string, align: CellAlign = 'left'): ReportRow {
  return { cells: [{ kind: 'text', text, colSpan: table.columns.length, align }] };
}
