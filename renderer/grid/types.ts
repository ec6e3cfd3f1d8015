// The generic grid's vocabulary. The grid knows nothing of programs or money: a screen gives it
// rows and columns, says what each cell shows and whether it may be edited, and receives edits.

/** A body row as the screen flattened it: only the rows that are visible (not collapsed away). */
export interface GridRow {
  key: string;
  /** Indentation level of the tree column. */
  depth?: number;
  /** The row has children that can be shown or hidden. */
  collapsible?: boolean;
  collapsed?: boolean;
  /** group: a parent (bold); total: a sum line; detail: a breakdown line under a row. */
  emphasis?: 'group' | 'total' | 'detail';
}

export interface GridColumn<R extends GridRow = GridRow> {
  key: string;
  title: string;
  /** Pixels. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Stays at the left while scrolling sideways; frozen columns come first. */
  frozen?: boolean;
  editable?: boolean | ((row: R) => boolean);
  /** Why a cell of this column cannot be edited: its tooltip, and the refusal when typed into. */
  readonlyReason?: string | ((row: R) => string | undefined);
  /** The column that shows the tree: indentation by depth and the chevron of collapsible rows. */
  tree?: boolean;
  /** Longer cell texts wrap inside the row height instead of being cut with an ellipsis. */
  wrap?: boolean;
}

/** A cell of a grouped header row above the column titles («2022 год» over four quarters). */
export interface HeaderGroup {
  title: string;
  /** How many columns it covers, from where the previous group ended. */
  span: number;
}

export type CellStateKind = 'readonly' | 'error' | 'warning';

/** What a cell is besides its text: read-only, marked, and why (shown as a tooltip). */
export interface CellStateInfo {
  state: CellStateKind | null;
  /** Tooltip, and the accessible description of the mark. */
  title?: string;
  /** An extra class for the cell (a colour of achievement, for instance). */
  tone?: string;
}

export type CellState = CellStateKind | CellStateInfo | null | undefined;

export interface CellRef {
  rowKey: string;
  columnKey: string;
}

export interface GridEdit extends CellRef {
  /** What the officer typed or pasted; '' clears the cell. */
  text: string;
}

export type CommitResult = { ok: true } | { ok: false; message: string; cell?: CellRef };

// Shared answers: this runs for every cell drawn, on every frame of a scroll.
const NO_STATE: CellStateInfo = Object.freeze({ state: null });
const STATE_OF: Record<CellStateKind, CellStateInfo> = {
  readonly: Object.freeze({ state: 'readonly' }),
  error: Object.freeze({ state: 'error' }),
  warning: Object.freeze({ state: 'warning' }),
};

export function normaliseCellState(state: CellState): CellStateInfo {
  if (!state) return NO_STATE;
  if (typeof state === 'string') return STATE_OF[state];
  return state;
}
