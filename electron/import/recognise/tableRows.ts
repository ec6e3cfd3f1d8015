// Walking the body of a table and reading its cells as amounts and indicator values; a cell
// that cannot be read stops the import with its exact place.

import { parseIndicatorValue, type IndicatorValue } from '../../../shared/indicatorValue';
import { parseThousands } from '../../../shared/money';
import { clean, isBlankOrDash } from '../cellText';
import { cellError } from '../place';
import type { TableContext } from './tableKind';
import type { Column } from './tableHeader';

/** Body rows with something in them, without repeated column-number rows (page breaks). */
export function bodyRows({ table, header }: TableContext): number[] {
  const rows: number[] = [];
  for (let r = header.bodyStart; r < table.rows.length; r++) {
    const cells = table.rows[r];
    if (cells.every((c) => clean(c.text) === '')) continue;
    if (header.hasColumnNumbers && clean(cells[0].text) === '1' && cells.every((c) => /^\d+$/.test(clean(c.text)))) continue;
    rows.push(r);
  }
  return rows;
}

export function cellText({ table }: TableContext, row: number, column: Column | undefined): string {
  if (!column) return '';
  return clean(table.rows[row][column.index].text);
}

/** The cell holds this row's own text, not one merged down from a row above. */
export function ownCellText(context: TableContext, row: number, column: Column | undefined): string {
  if (!column) return '';
  const cell = context.table.rows[row][column.index];
  return cell.originRow === row ? clean(cell.text) : '';
}

/** An amount in тыс. руб.; null for an empty cell or «-». */
export function readAmount(context: TableContext, row: number, column: Column): number | null {
  const cell = context.table.rows[row][column.index];
  // A number an xlsx stores is already its exact decimal: nothing to clean, never blank.
  const text = cell.numeric ? cell.text : clean(cell.text);
  if (!cell.numeric && isBlankOrDash(text)) return null;
  const parsed = parseThousands(text);
  if (!parsed.ok) {
    const found = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const reason = parsed.reason === 'ожидалась сумма в тыс. руб.' ? '' : ` (${parsed.reason})`;
    throw cellError({ table: context.table, row, col: column.index, column: column.label }, `ожидалась сумма в тыс. руб., найдено «${found}»${reason}`);
  }
  return parsed.kopecks;
}

/** An indicator value as written; null for an empty cell. */
export function readIndicatorValue(context: TableContext, row: number, column: Column): IndicatorValue | null {
  const text = cellText(context, row, column);
  if (text === '') return null;
  const parsed = parseIndicatorValue(text);
  if (!parsed.ok) {
    const found = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw cellError({ table: context.table, row, col: column.index, column: column.label }, `ожидалось значение показателя, найдено «${found}» (${parsed.reason})`);
  }
  return parsed.value;
}

/** The text of a row that is a single merged cell or has text in its first cell only. */
export function fullWidthText(context: TableContext, row: number): string | null {
  const cells = context.table.rows[row];
  const first = cells[0];
  // Readers trim cell texts, so an empty text is an empty cell; stop at the first other text.
  for (let i = 1; i < cells.length; i++) {
    const cell = cells[i];
    const sameArea = cell.originRow === first.originRow && cell.originCol === first.originCol;
    if (!sameArea && cell.text !== '') return null;
  }
  return clean(first.text);
}

/** Title lines of the form: the caption, or the sheet's rows above the header. */
export function titleLinesOf(context: Pick<TableContext, 'table' | 'header'>): string[] {
  const { table, header } = context;
  const above: string[] = [];
  for (let r = 0; r < header.headerStart; r++) {
    const text = clean(table.rows[r][0].text);
    if (text) above.push(text);
  }
  return [...table.caption.map(clean), ...above].filter(Boolean);
}
