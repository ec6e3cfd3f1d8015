// Resolves HTML-style rows (cells covered by a rowSpan from above are omitted) into grid
// positions. All three renderers need the positions: DOCX writes a vMerge continuation cell
// where a span covers a row, PDF draws each cell across the rows it spans, XLSX merges ranges.

export interface Spanning {
  colSpan?: number;
  rowSpan?: number;
}

export interface PlacedCell<C> {
  cell: C;
  /** Zero-based row (within the header or within the body) and column of the top-left corner. */
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}

/** One column range of a grid row: the cell starting here, or a rowSpan from above continuing. */
export interface GridSlot<C> {
  placed: PlacedCell<C>;
  starts: boolean;
}

/**
 * Places the rows on a grid of `columnCount` columns. Each returned row lists its slots left
 * to right and covers every column exactly once; a row that is too short or too long, or a
 * rowSpan running past the last row, is a form builder's bug and throws.
 */
export function placeGrid<C extends Spanning>(rows: readonly (readonly C[])[], columnCount: number, what: string): GridSlot<C>[][] {
  // coveredUntil[column]: the first row no longer covered by a rowSpan placed above.
  const coveredUntil = new Array<number>(columnCount).fill(0);
  const coveringCell = new Array<PlacedCell<C> | undefined>(columnCount);
  const grid: GridSlot<C>[][] = [];

  rows.forEach((cells, rowIndex) => {
    const slots: GridSlot<C>[] = [];
    let column = 0;
    const skipCovered = () => {
      while (column < columnCount && coveredUntil[column] > rowIndex) {
        const placed = coveringCell[column]!;
        slots.push({ placed, starts: false });
        column += placed.colSpan;
      }
    };
    for (const cell of cells) {
      skipCovered();
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (!(Number.isInteger(colSpan) && colSpan >= 1 && Number.isInteger(rowSpan) && rowSpan >= 1)) {
        throw new Error(`${what}, строка ${rowIndex + 1}: объединение ячейки должно быть целым числом ≥ 1`);
      }
      if (column + colSpan > columnCount) {
        throw new Error(`${what}, строка ${rowIndex + 1}: ячейки выходят за ${columnCount} столбцов`);
      }
      if (rowIndex + rowSpan > rows.length) {
        throw new Error(`${what}, строка ${rowIndex + 1}: объединение по вертикали выходит за последнюю строку`);
      }
      for (let c = column; c < column + colSpan; c++) {
        if (coveredUntil[c] > rowIndex) {
          throw new Error(`${what}, строка ${rowIndex + 1}: ячейка налезает на объединённую ячейку сверху`);
        }
      }
      const placed: PlacedCell<C> = { cell, row: rowIndex, column, colSpan, rowSpan };
      slots.push({ placed, starts: true });
      for (let c = column; c < column + colSpan; c++) {
        coveredUntil[c] = rowIndex + rowSpan;
        coveringCell[c] = placed;
      }
      column += colSpan;
    }
    skipCovered();
    if (column !== columnCount) {
      throw new Error(`${what}, строка ${rowIndex + 1}: ячейки занимают ${column} из ${columnCount} столбцов`);
    }
    grid.push(slots);
  });
  return grid;
}

/**
 * For each row, whether it must stay on the page of the next one: the builder asked so
 * (keepWithNext), or a rowSpan joins them — a merged cell torn across a page break reads badly.
 */
export function boundToNextRow<C>(grid: readonly GridSlot<C>[][], keepWithNext: (row: number) => boolean): boolean[] {
  let spanEnd = -1; // last row reached by a rowSpan started so far
  return grid.map((slots, row) => {
    for (const slot of slots) {
      if (slot.starts) spanEnd = Math.max(spanEnd, row + slot.placed.rowSpan - 1);
    }
    return keepWithNext(row) || spanEnd > row;
  });
}

/**
 * Row heights that fit every cell: a single-row cell sets its row's minimum; a cell spanning
 * rows that together are still too short adds the shortfall to the last row it spans (narrower
 * spans first, so a wider one sees their result).
 */
export function rowHeights<C>(grid: readonly GridSlot<C>[][], minimum: number, cellHeight: (placed: PlacedCell<C>) => number): number[] {
  const heights = grid.map(() => minimum);
  const spanning: PlacedCell<C>[] = [];
  grid.forEach((slots, row) => {
    for (const { placed, starts } of slots) {
      if (!starts) continue;
      if (placed.rowSpan === 1) heights[row] = Math.max(heights[row], cellHeight(placed));
      else spanning.push(placed);
    }
  });
  spanning.sort((a, b) => a.rowSpan - b.rowSpan);
  for (const placed of spanning) {
    const last = placed.row + placed.rowSpan - 1;
    let available = 0;
    for (let row = placed.row; row <= last; row++) available += heights[row];
    const shortfall = cellHeight(placed) - available;
    if (shortfall > 0) heights[last] += shortfall;
  }
  return heights;
}
