// Where in an imported file something is, named the way the officer will look for it:
// «Файл «t.docx», Таблица 4, строка 12, столбец «2023 г.»».

import type { RawTable } from './readers/rawTable';
import { ImportFileError, fileLabel } from './readers/importFileError';
import { clean } from './cellText';

export interface Place {
  table: RawTable;
  row: number;
  col?: number;
  /** The column's header as printed («2023 г.», «I квартал»). */
  column?: string;
}

export function describePlace(place: Place): string {
  const row = describeRow(place.table, place.row);
  return place.col === undefined ? row : row + describeColumn(place.table, place.col, place.column);
}

/** «лист «Таблица 4», строка 12»: the place of a row. */
export function describeRow(table: RawTable, row: number): string {
  // A CSV file is its one table: its name is the file's, which the message already gives.
  const tableName = table.kind === 'xlsx' ? `лист «${table.name}», ` : table.kind === 'csv' ? '' : `${table.name}, `;
  return `${tableName}строка ${table.displayRow(row)}`;
}

/**
 * «, столбец E «2023 г.»»: what a cell's place adds to its row's. Apart, so that a reader naming
 * many cells (a large Table 4 names 25 000 stated totals) builds each row's and each column's
 * text once and a cell's place is one join of the two.
 */
export function describeColumn(table: RawTable, col: number, column?: string): string {
  if (!column) return `, столбец ${table.displayCol(col)}`;
  const letter = table.kind === 'xlsx' ? `${table.displayCol(col)} ` : '';
  return `, столбец ${letter}«${clean(column)}»`;
}

/** A cell the import cannot accept: the whole file is refused with this message. */
export function cellError(place: Place, message: string): ImportFileError {
  const where = describePlace(place);
  return new ImportFileError(place.table.file, `${fileLabel(place.table.file)}, ${where}: ${message}`, where);
}
