// The selection: an anchor and an active cell, as row and column indices into what the grid
// shows. It is kept by row key as well, so a row that moves (a part collapsed above it, a row
// inserted) keeps its selection.

export interface CellPos {
  row: number;
  col: number;
}

export interface Selection {
  anchor: CellPos;
  active: CellPos;
}

export interface Bounds {
  rows: number;
  cols: number;
}

export interface Range {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A selection remembered by row key, with the index it had as the fallback. */
export interface StoredSelection {
  anchorKey: string | null;
  activeKey: string | null;
  selection: Selection;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

export function clampPos(pos: CellPos, bounds: Bounds): CellPos {
  return { row: clamp(pos.row, 0, Math.max(0, bounds.rows - 1)), col: clamp(pos.col, 0, Math.max(0, bounds.cols - 1)) };
}

export function single(pos: CellPos): Selection {
  return { anchor: pos, active: pos };
}

export function rangeOf(selection: Selection): Range {
  const { anchor, active } = selection;
  return {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    right: Math.max(anchor.col, active.col),
  };
}

export function isSingleCell(selection: Selection): boolean {
  return selection.anchor.row === selection.active.row && selection.anchor.col === selection.active.col;
}

export function inRange(range: Range, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** Moves the active cell to `pos`; with `extend` the anchor stays, otherwise it follows. */
export function moveTo(selection: Selection, pos: CellPos, bounds: Bounds, extend: boolean): Selection {
  const active = clampPos(pos, bounds);
  return extend ? { anchor: selection.anchor, active } : single(active);
}

export function moveBy(selection: Selection, rows: number, cols: number, bounds: Bounds, extend: boolean): Selection {
  return moveTo(selection, { row: selection.active.row + rows, col: selection.active.col + cols }, bounds, extend);
}

/** Tab and Shift+Tab: along the row, wrapping to the next or previous row; null past either end. */
export function tabFrom(pos: CellPos, backwards: boolean, bounds: Bounds): CellPos | null {
  if (!backwards) {
    if (pos.col < bounds.cols - 1) return { row: pos.row, col: pos.col + 1 };
    return pos.row < bounds.rows - 1 ? { row: pos.row + 1, col: 0 } : null;
  }
  if (pos.col > 0) return { row: pos.row, col: pos.col - 1 };
  return pos.row > 0 ? { row: pos.row - 1, col: bounds.cols - 1 } : null;
}

export function storeSelection(selection: Selection, keyOfRow: (row: number) => string | undefined): StoredSelection {
  return { anchorKey: keyOfRow(selection.anchor.row) ?? null, activeKey: keyOfRow(selection.active.row) ?? null, selection };
}

/** The stored selection in today's rows: each end follows its row key, or keeps its index when the row is gone. */
export function resolveSelection(stored: StoredSelection, indexOfKey: (key: string) => number | undefined, bounds: Bounds): Selection {
  const follow = (key: string | null, pos: CellPos): CellPos => {
    const row = key === null ? undefined : indexOfKey(key);
    return clampPos(row === undefined ? pos : { row, col: pos.col }, bounds);
  };
  return { anchor: follow(stored.anchorKey, stored.selection.anchor), active: follow(stored.activeKey, stored.selection.active) };
}
