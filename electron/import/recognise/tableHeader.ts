// The header of an imported table: which rows are titles, which are the (possibly merged,
// several-row) header, whether a row of column numbers «1 2 3 …» follows, and what each column
// holds — read from the header texts, never from the column's position.

import type { RawTable } from '../readers/rawTable';
import { clean, quarterIn, yearIn } from '../cellText';

export type ColumnRole =
  | 'code'
  | 'title'
  | 'unit'
  | 'base'
  | 'baseDate'
  | 'year'
  | 'quarter'
  | 'executor'
  | 'source'
  | 'total'
  | 'result'
  | 'period'
  | 'link'
  | 'activities'
  | 'type'
  | 'territory'
  | 'plan'
  | 'fact'
  | 'project'
  | 'responsible'
  | 'unknown';

export interface Column {
  index: number;
  /** The header texts from top to bottom, merged duplicates once. */
  headings: string[];
  /** The lowest heading: what a message calls the column («2023 г.», «I квартал»). */
  label: string;
  role: ColumnRole;
  year: number | null;
  quarter: 1 | 2 | 3 | 4 | null;
}

export interface TableHeader {
  /** The first row of the header (title rows above it are skipped). */
  headerStart: number;
  /** The first row of data. */
  bodyStart: number;
  hasColumnNumbers: boolean;
  columns: Column[];
  /** Everything the header says, lower case: for the table kinds' scores. */
  text: string;
}

/** A row of «1 2 3 …»: every cell a number, increasing by one (merged cells repeat it). */
function isColumnNumberRow(table: RawTable, row: number): boolean {
  const cells = table.rows[row];
  const values = cells.filter((c) => c.originCol === c.col).map((c) => clean(c.text));
  if (values.length < 2 || values.some((v) => !/^\d{1,2}$/.test(v))) return false;
  return values.every((v, i) => Number(v) === Number(values[0]) + i) && Number(values[0]) <= 1;
}

/** A row that is one merged cell across the whole table, or text in the first cell only. */
export function isFullWidthRow(table: RawTable, row: number): boolean {
  const cells = table.rows[row];
  if (cells.length === 1) return true;
  const first = cells[0];
  const spansAll = cells.every((c) => c.originRow === first.originRow && c.originCol === first.originCol);
  const onlyFirst = clean(first.text) !== '' && cells.slice(1).every((c) => clean(c.text) === '' || (c.originCol === first.originCol && c.originRow === first.originRow));
  return spansAll || onlyFirst;
}

const ROLE_PATTERNS: [RegExp, ColumnRole][] = [
  [/^(№|n|nn)\s*(п\/?п|пп)?\.?$|^№$|п\/п/i, 'code'],
  [/итог|^всего/i, 'total'],
  [/ед(\.|иница)\s*изм/i, 'unit'],
  [/базов/i, 'base'],
  [/связь\s+с\s+целев/i, 'link'],
  [/перечень\s+мероприятий/i, 'activities'],
  [/источник/i, 'source'],
  [/тип\s+показател/i, 'type'],
  [/территори/i, 'territory'],
  [/срок\s+реализации|сроки\s+реализации|срок\s+исполнения/i, 'period'],
  [/результат/i, 'result'],
  [/наименование\s+проекта/i, 'project'],
  [/ответственный\s+орган/i, 'responsible'],
  [/грбс|исполнител|участник/i, 'executor'],
  [/наименование|перечень|целевой\s+показатель|показател|мероприяти/i, 'title'],
];

function roleOf(headings: string[]): Pick<Column, 'role' | 'year' | 'quarter'> {
  const label = headings[headings.length - 1] ?? '';
  const all = headings.join(' / ');
  const quarter = quarterIn(label);
  const year = yearIn(all);
  if (quarter && year) return { role: 'quarter', year, quarter };
  const lower = label.toLowerCase();
  if (/^план/.test(lower)) return { role: 'plan', year, quarter: null };
  if (/^факт/.test(lower)) return { role: 'fact', year, quarter: null };
  if (/базов/i.test(all) && /^дата/i.test(lower)) return { role: 'baseDate', year: null, quarter: null };
  if (/базов/i.test(all)) return { role: 'base', year, quarter: null };
  if (yearIn(label) !== null && clean(label).replace(/(19|20)\d{2}/, '').replace(/[\sгод.()тыс руб,]/gi, '') === '') {
    return { role: 'year', year: yearIn(label), quarter: null };
  }
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(label)) return { role, year: null, quarter: null };
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(all)) return { role, year: null, quarter: null };
  if (year !== null && headings.length > 1) return { role: 'year', year, quarter: null };
  return { role: 'unknown', year: null, quarter: null };
}

/**
 * The heading of header cell (row, col). A CSV has no merges, so a heading over several
 * columns stands in the first of them only («2022 год (тыс. руб.)» over four quarters, the
 * rest empty): an empty, unmerged cell above a heading of its own takes the nearest heading on
 * its left, provided every column from there has a heading below too. (Added with the CSV
 * roadmap fixtures: without it quarters II–IV of a CSV roadmap have no year.)
 */
function groupHeading(table: RawTable, row: number, col: number, headerEnd: number): string {
  const own = clean(table.rows[row][col].text);
  if (own || row + 1 >= headerEnd) return own;
  const unmerged = (c: number) => table.rows[row][c].rowSpan === 1 && table.rows[row][c].colSpan === 1;
  for (let c = col; c >= 0 && unmerged(c) && clean(table.rows[row + 1][c].text) !== ''; c--) {
    const text = clean(table.rows[row][c].text);
    if (text) return text;
  }
  return '';
}

export function readHeader(table: RawTable): TableHeader | null {
  const rows = table.rows.length;
  if (rows === 0) return null;
  let headerStart = 0;
  // Titles above the header: full-width rows (the xlsx samples carry the form's title there),
  // and blank rows — a sheet often leaves one between the title and the table; taken for the
  // header, it made the form unrecognisable. (Blank rows added with the digital-maturity kind.)
  const isBlankRow = (row: number) => table.rows[row].every((c) => clean(c.text) === '');
  while (headerStart < rows - 1 && (isFullWidthRow(table, headerStart) || isBlankRow(headerStart)) && table.rows[headerStart].length > 1) headerStart++;
  let bodyStart = -1;
  let hasColumnNumbers = false;
  for (let r = headerStart; r < Math.min(rows, headerStart + 8); r++) {
    if (isColumnNumberRow(table, r)) {
      bodyStart = r + 1;
      hasColumnNumbers = true;
      break;
    }
  }
  if (bodyStart < 0) {
    // No column numbers: the header is as tall as its tallest merged cell in the first row.
    const height = Math.max(...table.rows[headerStart].map((c) => c.rowSpan - (headerStart - c.originRow)));
    bodyStart = headerStart + Math.max(1, height);
  }
  const headerEnd = hasColumnNumbers ? bodyStart - 1 : bodyStart;
  const columns: Column[] = table.rows[headerStart].map((_, index) => {
    const headings: string[] = [];
    for (let r = headerStart; r < headerEnd; r++) {
      const text = groupHeading(table, r, index, headerEnd);
      if (text && headings[headings.length - 1] !== text) headings.push(text);
    }
    return { index, headings, label: headings[headings.length - 1] ?? '', ...roleOf(headings) };
  });
  const text = columns.flatMap((c) => c.headings).join(' | ').toLowerCase();
  return { headerStart, bodyStart: Math.min(bodyStart, rows), hasColumnNumbers, columns, text };
}

export function columnsWith(header: TableHeader, role: ColumnRole): Column[] {
  return header.columns.filter((c) => c.role === role);
}

export function columnWith(header: TableHeader, role: ColumnRole): Column | undefined {
  return header.columns.find((c) => c.role === role);
}
