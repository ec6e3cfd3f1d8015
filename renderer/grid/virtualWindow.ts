// Which body rows are in the DOM: the ones in view plus a margin above and below, so 10 000
// rows cost as much as forty.

export interface RowWindow {
  /** First rendered row index. */
  start: number;
  /** One past the last rendered row index. */
  end: number;
}

/** Rows in view, counting one cut at each edge. */
const visibleRows = (viewportHeight: number, rowHeight: number) => Math.max(1, Math.ceil(viewportHeight / rowHeight) + 1);

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan: number): RowWindow {
  if (rowCount === 0) return { start: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = visibleRows(viewportHeight, rowHeight);
  const start = Math.max(0, Math.min(first, rowCount - 1) - overscan);
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end: Math.max(end, start + 1) };
}

/** The scroll position that brings a row into view, or null when it already is. */
export function scrollTopToShow(row: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** The most rows a window can hold: consecutive row indices modulo it never collide. */
export function windowCapacity(viewportHeight: number, rowHeight: number, overscan: number): number {
  return visibleRows(viewportHeight, rowHeight) + 2 * overscan;
}
