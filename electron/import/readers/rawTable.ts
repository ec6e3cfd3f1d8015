// The plain table every reader produces: a rectangular grid of texts with merges expanded, so
// the code that recognises table kinds never cares whether the table came from Word, Excel or
// CSV. Only data fields are own properties, so a table survives JSON and structured clone
// (the methods then have to be re-derived from firstRowNumber/firstColumnNumber).

import { ImportFileError, fileLabel } from './importFileError';
import { LIMITS } from './limits';

export type FileKind = 'docx' | 'xlsx' | 'csv';

export interface RawCell {
  /** The cell's text, paragraphs joined with '\n', trimmed at the ends; '' if empty. */
  text: string;
  /** 0-based grid position of this cell. */
  row: number;
  col: number;
  /** Where the merged area starts (equal to row/col when not merged). */
  originRow: number;
  originCol: number;
  /** Span of the merged area (1 when not merged); the same on every covered cell. */
  rowSpan: number;
  colSpan: number;
  /** xlsx: the cell is stored as a number and `text` holds its exact decimal value. */
  numeric?: boolean;
}

export interface RawTable {
  /** File name as given (no directories), for messages. */
  file: string;
  kind: FileKind;
  /** 0-based order of the table among the tables read from the file. */
  index: number;
  /** docx: the number printed in its caption («Таблица N 4») or its place («Таблица 5»); xlsx: the sheet name; csv: the file name. */
  name: string;
  /** docx: the last (at most 10) non-empty paragraphs before the table; otherwise []. */
  caption: string[];
  /** Fully expanded rectangular grid; cells covered by a merge repeat the origin's text. */
  rows: RawCell[][];
  /** How the officer names grid row r: docx/csv '1', '2'…; xlsx the sheet's row number. */
  displayRow(r: number): string;
  /** How the officer names grid column c: docx/csv '1', '2'…; xlsx the column letter. */
  displayCol(c: number): string;
}

/** One value placed on the grid: a single cell or a merged area, in grid coordinates. */
export interface CellArea {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  numeric?: boolean;
}

/** What names a table and its rows and columns, whatever its cells. */
export interface TableInfo {
  file: string;
  kind: FileKind;
  index: number;
  name: string;
  caption: string[];
  /** The officer's number of grid row 0 and column 0 (xlsx: where the used range starts). */
  firstRowNumber?: number;
  firstColumnNumber?: number;
}

export interface TableLayout extends TableInfo {
  rowCount: number;
  colCount: number;
  /** Values to place, in order (see TableGrid.place). Positions no area covers are empty cells. */
  areas: CellArea[];
}

class ExpandedTable implements RawTable {
  readonly file: string;
  readonly kind: FileKind;
  readonly index: number;
  readonly name: string;
  readonly caption: string[];
  readonly rows: RawCell[][];
  readonly firstRowNumber: number;
  readonly firstColumnNumber: number;

  constructor(info: TableInfo, rows: RawCell[][]) {
    this.file = info.file;
    this.kind = info.kind;
    this.index = info.index;
    this.name = info.name;
    this.caption = info.caption;
    this.rows = rows;
    this.firstRowNumber = info.firstRowNumber ?? 1;
    this.firstColumnNumber = info.firstColumnNumber ?? 1;
  }

  displayRow(r: number): string {
    return String(this.firstRowNumber + r);
  }

  displayCol(c: number): string {
    const number = this.firstColumnNumber + c;
    return this.kind === 'xlsx' ? columnLetters(number) : String(number);
  }
}

/** A table's grid while its values are placed, cell by cell or merged area by area. */
export class TableGrid {
  private readonly grid: (RawCell | undefined)[][];

  constructor(
    readonly rowCount: number,
    readonly colCount: number,
  ) {
    this.grid = Array.from({ length: rowCount }, () => new Array<RawCell | undefined>(colCount).fill(undefined));
  }

  /**
   * Places a value over rowSpan × colSpan cells from (row, col), each covered cell repeating
   * it. A value that overlaps one already placed is dropped: an xlsx may keep a stray value
   * under a merge (Excel does not show it either), and a corrupt file may declare overlapping
   * merges.
   */
  place(row: number, col: number, rowSpan: number, colSpan: number, text: string, numeric = false): void {
    const grid = this.grid;
    for (let r = row; r < row + rowSpan; r++) {
      for (let c = col; c < col + colSpan; c++) if (grid[r][c] !== undefined) return;
    }
    for (let r = row; r < row + rowSpan; r++) {
      for (let c = col; c < col + colSpan; c++) {
        // `numeric` is an own property of every cell, if undefined: a cell then needs no extra
        // storage when it is set, and every cell has one shape for the code that reads them.
        grid[r][c] = { text, row: r, col: c, originRow: row, originCol: col, rowSpan, colSpan, numeric: numeric || undefined };
      }
    }
  }

  /** The table, positions nothing was placed on as empty cells. */
  table(info: TableInfo): RawTable {
    const rows = this.grid as RawCell[][];
    for (let row = 0; row < rows.length; row++) {
      const cells = rows[row];
      for (let col = 0; col < cells.length; col++) {
        cells[col] ??= { text: '', row, col, originRow: row, originCol: col, rowSpan: 1, colSpan: 1, numeric: undefined };
      }
    }
    return new ExpandedTable(info, rows);
  }
}

/** Expands the areas of a table into its full grid. */
export function buildRawTable(layout: TableLayout): RawTable {
  const grid = new TableGrid(layout.rowCount, layout.colCount);
  for (const area of layout.areas) grid.place(area.row, area.col, area.rowSpan, area.colSpan, area.text, area.numeric);
  return grid.table(layout);
}

/** Excel's name of a 1-based column number: 1 → 'A', 28 → 'AB'. */
export function columnLetters(number: number): string {
  let letters = '';
  for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Keeps all tables of one file within LIMITS.maxTables and LIMITS.maxCells, and each table
 * within LIMITS.maxRows and LIMITS.maxColumns. Readers ask before they build a grid — and while
 * streaming, before what they hold grows further — so memory stays bounded.
 */
export class GridAllowance {
  private tables = 0;
  private cells = 0;

  constructor(private readonly file: string) {}

  /** Counts one more table. */
  admitTable(): void {
    this.tables += 1;
    if (this.tables > LIMITS.maxTables) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)} содержит слишком много таблиц (более ${count(LIMITS.maxTables)}); импорт остановлен`,
      );
    }
  }

  /** Refuses a table that already has more rows or columns than allowed. */
  checkShape(rows: number, cols: number, where: string): void {
    if (rows > LIMITS.maxRows) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)}: таблица слишком велика — более ${count(LIMITS.maxRows)} строк (${where}); импорт остановлен`,
        where,
      );
    }
    if (cols > LIMITS.maxColumns) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)}: таблица слишком широка — более ${count(LIMITS.maxColumns)} столбцов (${where}); импорт остановлен`,
        where,
      );
    }
  }

  /** Refuses when `cells` more would not fit, without taking them. */
  checkRoom(cells: number, where: string): void {
    if (this.cells + cells > LIMITS.maxCells) {
      throw new ImportFileError(
        this.file,
        `${fileLabel(this.file)} слишком велик: в его таблицах более ${count(LIMITS.maxCells)} ячеек (${where}); импорт остановлен`,
        where,
      );
    }
  }

  /** Refuses a workbook with more cell styles (or number formats) than Excel itself allows. */
  checkCellStyles(styles: number): void {
    if (styles > LIMITS.maxCellStyles) {
      throw new ImportFileError(this.file, `${fileLabel(this.file)} содержит слишком много стилей ячеек (более ${count(LIMITS.maxCellStyles)}); импорт остановлен`);
    }
  }

  /** Takes a whole grid of rows × cols cells. */
  admitGrid(rows: number, cols: number, where: string): void {
    this.checkShape(rows, cols, where);
    this.checkRoom(rows * cols, where);
    this.cells += rows * cols;
  }
}

function count(n: number): string {
  return n.toLocaleString('ru-RU');
}
