// Table layout for the PDF: measures every cell with the report font, sizes the rows, and
// breaks the table into pages with the header (and the column-number row) repeated on each.
// Pure arithmetic on points; pdf.ts draws the result.
//
// Page breaks, best first: a chain of rows the builder asked to keep together (keepWithNext)
// moves whole to the next page; failing that, each group joined by merged cells moves whole;
// failing that (a group taller than a page), rows move one by one; a single row taller than a
// page is cut between lines. A merged cell cut by a break continues its text on the next page.

import { cellText, isEmphasised } from '../reportDocument';
import type { CellAlign, ReportTable } from '../reportDocument';
import { fontStyle, reportFontMetrics } from './fonts';
import type { FontStyle } from './fonts';
import { columnWidths, tableFontPt } from './pageLayout';
import { placeGrid, rowHeights } from './tableGrid';
import type { GridSlot, PlacedCell } from './tableGrid';
import { LINE_HEIGHT_EM, wrapText } from './textMetrics';

/** Horizontal padding inside a cell (1 mm, as in the DOCX) and vertical padding, in points. */
const PAD_X = 72 / 25.4;
const PAD_Y = 1.5;
/** Smallest size a figure is shrunk to when it is wider than its column. */
const MIN_FIGURE_PT = 5;
const EPSILON = 1e-6;

export interface CellBox {
  row: number;
  rowSpan: number;
  column: number;
  colSpan: number;
  lines: string[];
  style: FontStyle;
  /** The table's size, or less for a figure shrunk to fit its column. */
  size: number;
  align: CellAlign;
  /** Header cells are centred vertically; body cells start at the top. */
  centred: boolean;
}

export interface MeasuredTable {
  /** Left edge of each column from the table's left edge; one more entry: the table's width. */
  columnX: number[];
  size: number;
  lineHeight: number;
  padX: number;
  padY: number;
  /** Header rows and the column-number row, with their cells. */
  header: { heights: number[]; cells: CellBox[] };
  body: {
    heights: number[];
    /** Cells by the row they start in. */
    startingAt: CellBox[][];
    /** Row i and i + 1 share a merged cell. */
    spanJoined: boolean[];
    keepWithNext: boolean[];
  };
}

export function measureTable(table: ReportTable, width: number): MeasuredTable {
  const metrics = reportFontMetrics();
  const size = tableFontPt(table);
  const lineHeight = LINE_HEIGHT_EM * size;
  const widths = columnWidths(table, width);
  const columnX = [0];
  for (const columnWidth of widths) columnX.push(columnX[columnX.length - 1] + columnWidth);
  /** Room for text inside a cell, in em of the table's font. */
  const textWidthEm = (column: number, colSpan: number) => (columnX[column + colSpan] - columnX[column] - 2 * PAD_X) / size;
  const boxHeight = (box: CellBox) => 2 * PAD_Y + box.lines.length * lineHeight;
  const boxesOf = <C>(grid: GridSlot<C>[][], box: (placed: PlacedCell<C>) => CellBox) => {
    const startingAt: CellBox[][] = grid.map(() => []);
    const boxes = new Map<PlacedCell<C>, CellBox>();
    grid.forEach((slots, row) => {
      for (const { placed, starts } of slots) {
        if (!starts) continue;
        const cellBox = box(placed);
        startingAt[row].push(cellBox);
        boxes.set(placed, cellBox);
      }
    });
    return { startingAt, heights: rowHeights(grid, lineHeight + 2 * PAD_Y, (placed) => boxHeight(boxes.get(placed)!)) };
  };

  const headerGrid = placeGrid(table.header, table.columns.length, 'Шапка таблицы');
  const header = boxesOf(headerGrid, ({ cell, row, rowSpan, column, colSpan }) => ({
    row,
    rowSpan,
    column,
    colSpan,
    lines: wrapText(cell.text, textWidthEm(column, colSpan), metrics.regular),
    style: 'regular',
    size,
    align: 'center',
    centred: true,
  }));
  const headerCells = header.startingAt.flat();
  const headerHeights = header.heights;
  if (table.columnNumbers) {
    const row = headerHeights.length;
    table.columns.forEach((_, column) => {
      headerCells.push({ row, rowSpan: 1, column, colSpan: 1, lines: [String(column + 1)], style: 'regular', size, align: 'center', centred: true });
    });
    headerHeights.push(lineHeight + 2 * PAD_Y);
  }

  const bodyGrid = placeGrid(
    table.rows.map((row) => row.cells),
    table.columns.length,
    'Таблица',
  );
  const body = boxesOf(bodyGrid, ({ cell, row, rowSpan, column, colSpan }): CellBox => {
    const emphasised = isEmphasised(table.rows[row]);
    const text = cellText(cell);
    // Object literals of one shape (no spreads): 375 000 of them are made for a large Table 4.
    if (cell.kind === 'text') {
      const style = fontStyle(emphasised || cell.bold, cell.italic);
      const lines = wrapText(text, textWidthEm(column, colSpan), metrics[style]);
      return { row, rowSpan, column, colSpan, lines, style, size, align: cell.align ?? table.columns[column].align, centred: false };
    }
    // A figure is never broken across lines: one too wide for its column is set smaller.
    const style = fontStyle(emphasised, false);
    const overflow = metrics[style].textEm(text) / textWidthEm(column, colSpan);
    const figureSize = overflow > 1 ? Math.max(MIN_FIGURE_PT, size / overflow) : size;
    return { row, rowSpan, column, colSpan, lines: [text], style, size: figureSize, align: table.columns[column].align, centred: false };
  });
  const spanJoined = bodyGrid.map(() => false);
  body.startingAt.forEach((boxes) => {
    for (const box of boxes) for (let row = box.row; row < box.row + box.rowSpan - 1; row++) spanJoined[row] = true;
  });

  return {
    columnX,
    size,
    lineHeight,
    padX: PAD_X,
    padY: PAD_Y,
    header: { heights: headerHeights, cells: headerCells },
    body: { heights: body.heights, startingAt: body.startingAt, spanJoined, keepWithNext: table.rows.map((row) => row.keepWithNext === true) },
  };
}

/** A cell's part on one page, with the lines that print there. */
export interface CellFragment {
  cell: CellBox;
  top: number;
  height: number;
  lines: string[];
}

export interface TablePage {
  /** False for the first page when the table starts on the page already in use. */
  startsNewPage: boolean;
  headerTop: number;
  fragments: CellFragment[];
}

/** Vertical room on every page: from below the top margin to above the bottom margin. */
export interface PageFrame {
  top: number;
  bottom: number;
}

interface RowSlice {
  row: number;
  top: number;
  height: number;
  /** The row was cut at the page's end and goes on on the next page. */
  continues: boolean;
}

/**
 * Pages of a measured table that starts at `startY` on the current page (`pageInUse`: something
 * is printed above, so moving the table to a fresh page is allowed). Returns the pages and the
 * y below the table on the last one.
 */
export function paginateTable(measured: MeasuredTable, frame: PageFrame, startY: number, pageInUse: boolean): { pages: TablePage[]; endY: number } {
  const { heights, spanJoined, keepWithNext } = measured.body;
  const { lineHeight, padY } = measured;
  const headerHeight = measured.header.heights.reduce((a, b) => a + b, 0);
  const fullRoom = frame.bottom - frame.top - headerHeight;

  const pageSlices: RowSlice[][] = [[]];
  const pageStarts: { startsNewPage: boolean; headerTop: number }[] = [{ startsNewPage: false, headerTop: startY }];
  let y = startY + headerHeight;
  const slices = () => pageSlices[pageSlices.length - 1];
  const room = () => frame.bottom - y;
  // Breaking the page helps only if something is already on it.
  const canBreak = () => slices().length > 0 || (pageSlices.length === 1 && pageInUse);
  const newPage = () => {
    if (slices().length === 0) {
      // Nothing of the table printed here yet: start it on the next page instead.
      pageSlices.pop();
      pageStarts.pop();
    }
    pageSlices.push([]);
    pageStarts.push({ startsNewPage: true, headerTop: frame.top });
    y = frame.top + headerHeight;
  };
  const place = (row: number, height: number, continues = false) => {
    slices().push({ row, top: y, height, continues });
    y += height;
  };
  const span = (from: number, to: number) => {
    let sum = 0;
    for (let row = from; row <= to; row++) sum += heights[row];
    return sum;
  };
  /** Places rows from..to together if they fit on this page or on a fresh one; false if not. */
  const placeTogether = (from: number, to: number) => {
    const height = span(from, to);
    if (height > room()) {
      if (height > fullRoom || !canBreak()) return false;
      newPage();
    }
    for (let row = from; row <= to; row++) place(row, heights[row]);
    return true;
  };
  const placeCutting = (row: number) => {
    let lines = Math.ceil((heights[row] - 2 * padY) / lineHeight - EPSILON);
    while (lines > 0) {
      let fitting = Math.floor((room() - 2 * padY) / lineHeight + EPSILON);
      if (fitting < 1) {
        if (canBreak()) {
          newPage();
          continue;
        }
        fitting = 1; // a page frame smaller than one line: overflow rather than loop
      }
      const taken = Math.min(fitting, lines);
      lines -= taken;
      place(row, 2 * padY + taken * lineHeight, lines > 0);
      if (lines > 0) newPage();
    }
  };

  // A table without rows is its header alone; it too moves on if the page has no room for it.
  if (heights.length === 0 && room() < 0 && canBreak()) newPage();
  let row = 0;
  while (row < heights.length) {
    let chainEnd = row;
    while (chainEnd < heights.length - 1 && (spanJoined[chainEnd] || keepWithNext[chainEnd])) chainEnd++;
    if (!placeTogether(row, chainEnd)) {
      for (let unit = row; unit <= chainEnd; ) {
        let unitEnd = unit;
        while (unitEnd < chainEnd && spanJoined[unitEnd]) unitEnd++;
        if (!placeTogether(unit, unitEnd)) {
          for (let single = unit; single <= unitEnd; single++) {
            if (!placeTogether(single, single)) placeCutting(single);
          }
        }
        unit = unitEnd + 1;
      }
    }
    row = chainEnd + 1;
  }

  const fragments = pourCells(measured, pageSlices);
  return { pages: pageStarts.map((start, index) => ({ ...start, fragments: fragments[index] })), endY: y };
}

/**
 * Each cell's part on each page it reaches. A cell reaching past a page's end gets there as
 * many of its lines as fit, and the rest follow on the next page.
 */
function pourCells(measured: MeasuredTable, pageSlices: RowSlice[][]): CellFragment[][] {
  const { startingAt } = measured.body;
  const { lineHeight, padY } = measured;
  const linesDone = new Map<CellBox, number>();
  let goingOn: CellBox[] = [];
  let continuedRow = -1;
  return pageSlices.map((slices) => {
    if (slices.length === 0) return [];
    const first = slices[0].row;
    const lastSlice = slices[slices.length - 1];
    const sliceOf = new Map(slices.map((slice) => [slice.row, slice]));
    const cells = [...goingOn];
    for (const slice of slices) {
      if (slice.row !== continuedRow) cells.push(...startingAt[slice.row]);
    }
    goingOn = [];
    const fragments = cells.map((cell): CellFragment => {
      const lastRow = cell.row + cell.rowSpan - 1;
      const top = sliceOf.get(Math.max(cell.row, first))!.top;
      const bottomSlice = sliceOf.get(Math.min(lastRow, lastSlice.row))!;
      const height = bottomSlice.top + bottomSlice.height - top;
      const done = linesDone.get(cell) ?? 0;
      const continues = lastRow > lastSlice.row || (lastRow === lastSlice.row && lastSlice.continues);
      if (!continues) return { cell, top, height, lines: done === 0 ? cell.lines : cell.lines.slice(done) };
      const capacity = Math.floor((height - 2 * padY) / lineHeight + EPSILON);
      linesDone.set(cell, done + capacity);
      goingOn.push(cell);
      return { cell, top, height, lines: cell.lines.slice(done, done + capacity) };
    });
    continuedRow = lastSlice.continues ? lastSlice.row : -1;
    return fragments;
  });
}
