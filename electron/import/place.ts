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
  const { table } = place;
  // A CSV file is its one table: its name is the file's, which the message already gives.
  // Concatenated rather than joined from a list: a large Table 4 names 25 000 stated totals.
  let text = table.kind === 'xlsx' ? `лист «${table.name}», ` : table.kind === 'csv' ? '' : `${table.name}, `;
  text += `строка ${table.displayRow(place.row)}`;
  if (place.col !== undefined) {
    const letter = table.kind === 'xlsx' ? `${table.displayCol(place.col)} ` : '';
    text += place.column ? `, столбец ${letter}«${clean(place.column)}»` : `, столбец ${table.displayCol(place.col)}`;
  }
  return text;
}

/** A cell the import cannot accept: the whole file is refused with this message. */
export function cellError(place: Place, message: string): ImportFileError {
  const where = describePlace(place);
  return new ImportFileError(place.table.file, `${fileLabel(place.table.file)}, ${where}: ${message}`, where);
}
