// The cell views of the rows drawn, remembered from one frame to the next: a row's cells are
// worked out again only when it, the screen's way of reading it or its pending edits changed, so
// scrolling asks only the rows scrolled in for their texts. The DOM rows and the glide canvas
// draw from one cache, so the rows a glide ends on are drawn from what it painted.

import { FrameMemo } from './frameMemo';
import { cellViewOf, type CellView } from './GridRowView';
import type { CellState, GridColumn, GridRow } from './types';

/** How the screen reads its cells; a new one (after an edit, say) works every row out anew. */
export interface CellReading<R extends GridRow> {
  columns: readonly GridColumn<R>[];
  cellText(row: R, column: GridColumn<R>): string;
  cellState?(row: R, column: GridColumn<R>): CellState;
}

interface RowCells<R extends GridRow> extends CellReading<R> {
  pending: ReadonlyMap<string, string> | undefined;
  cells: readonly CellView[];
}

export class RowCellCache<R extends GridRow> {
  private readonly rows = new FrameMemo<R, RowCells<R>>();

  /** A new frame: the rows the last one drew are remembered, those of the one before are let go. */
  nextFrame(): void {
    this.rows.nextFrame();
  }

  /** The row's cell views; `pending` holds its texts sent and not yet confirmed, by column key. */
  cellsOf(row: R, reading: CellReading<R>, pending: ReadonlyMap<string, string> | undefined): readonly CellView[] {
    let entry = this.rows.get(row);
    if (!entry || entry.cellText !== reading.cellText || entry.cellState !== reading.cellState || entry.columns !== reading.columns || entry.pending !== pending) {
      const cells = reading.columns.map((column) => cellViewOf(row, column, reading.cellText, reading.cellState, pending?.get(column.key)));
      entry = { columns: reading.columns, cellText: reading.cellText, cellState: reading.cellState, pending, cells };
    }
    this.rows.set(row, entry);
    return entry.cells;
  }
}
