// Which body rows and columns are in the DOM: the ones in view plus a margin around them, so
// 10 000 rows cost as much as forty and a wide table of years only as much as the screen shows.

import type { ColumnLayout } from './GridRowView';

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

/** The scrolling columns a row draws, from `start` to one before `end`; the frozen ones are always drawn. */
export interface ColumnWindow {
  start: number;
  end: number;
}

/**
 * The scrolling columns in view, with `overscan` more on each side. Every column when the
 * width is not known (0: not measured yet, or jsdom, which measures nothing).
 */
export function columnWindow(layout: ColumnLayout, scrollLeft: number, viewportWidth: number, overscan: number): ColumnWindow {
  const count = layout.left.length;
  if (viewportWidth <= 0) return { start: layout.frozenCount, end: count };
  // The frozen columns cover the left of the view; the scrolling ones show to their right.
  const from = scrollLeft + layout.frozenWidth;
  const to = scrollLeft + viewportWidth;
  let first = count;
  let last = layout.frozenCount - 1;
  for (let col = layout.frozenCount; col < count; col++) {
    const right = col + 1 < count ? layout.left[col + 1] : layout.totalWidth;
    if (right <= from || layout.left[col] >= to) continue;
    first = Math.min(first, col);
    last = col;
  }
  if (first > last) return { start: layout.frozenCount, end: layout.frozenCount };
  return { start: Math.max(layout.frozenCount, first - overscan), end: Math.min(count, last + 1 + overscan) };
}
