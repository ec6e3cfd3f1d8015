// One body row of the grid. The grid works out what each cell shows and passes it in; the row
// is drawn again only when that or its selection, editor or message changed. So a typed amount
// redraws the few rows whose figures moved, not every row in view.

import { memo, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactElement } from 'react';
import { normaliseCellState, type CellState, type GridColumn, type GridRow } from './types';

export interface ColumnLayout {
  /** Left edge of each column, in pixels from the grid's left edge. */
  left: number[];
  totalWidth: number;
  /** The leading columns that stay at the left. */
  frozenCount: number;
  frozenWidth: number;
}

export interface EditorBinding {
  col: number;
  text: string;
  label: string;
  onChange(text: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onBlur(): void;
}

export interface CellMessage {
  columnKey: string;
  text: string;
  kind: 'error' | 'info';
}

/** What one cell shows. */
export interface CellView {
  text: string;
  editable: boolean;
  title: string | undefined;
  /** Read out after the text: the finding or note the cell carries. */
  described: string | undefined;
  /** Classes for its state, each after a space: read-only, error or warning, the screen's tone, a pending edit. */
  look: string;
}

export interface GridRowViewProps<R extends GridRow> {
  row: R;
  index: number;
  ariaRowIndex: number;
  rowHeight: number;
  columns: readonly GridColumn<R>[];
  layout: ColumnLayout;
  cells: readonly CellView[];
  /** The scrolling columns in view: the row draws them, the frozen ones, and any cell with the
   * selection's focus, the editor or a message. */
  colStart: number;
  colEnd: number;
  treeColumn: number;
  gridId: string;
  /** The selected columns of this row, or -1 when the row is outside the selection. */
  selLeft: number;
  selRight: number;
  /** The active cell's column when the active cell is in this row, else -1. */
  activeCol: number;
  editor: EditorBinding | null;
  message: CellMessage | null;
  onToggleRow?: (rowKey: string) => void;
}

export function cellId(gridId: string, row: number, col: number): string {
  return `${gridId}-r${row}-c${col}`;
}

export function isCellEditable<R extends GridRow>(row: R, column: GridColumn<R>, state: CellState): boolean {
  const editable = typeof column.editable === 'function' ? column.editable(row) : column.editable === true;
  return editable && normaliseCellState(state).state !== 'readonly';
}

/** Why the cell cannot be edited, when the screen says. */
export function readonlyReasonOf<R extends GridRow>(row: R, column: GridColumn<R>, state: CellState): string | undefined {
  const info = normaliseCellState(state);
  if (info.state === 'readonly' && info.title) return info.title;
  return typeof column.readonlyReason === 'function' ? column.readonlyReason(row) : column.readonlyReason;
}

/** The cell's view; `pending` is a text sent and not yet confirmed, shown instead of the stored one. */
export function cellViewOf<R extends GridRow>(
  row: R,
  column: GridColumn<R>,
  cellText: (row: R, column: GridColumn<R>) => string,
  cellState: ((row: R, column: GridColumn<R>) => CellState) | undefined,
  pending: string | undefined,
): CellView {
  const state = cellState?.(row, column);
  const info = normaliseCellState(state);
  const editable = isCellEditable(row, column, state);
  const text = pending ?? cellText(row, column);
  const flagged = info.state === 'error' || info.state === 'warning';
  let look = editable ? '' : ' dg-cell--readonly';
  if (flagged) look += ` dg-cell--${info.state}`;
  if (info.tone) look += ` ${info.tone}`;
  if (pending !== undefined) look += ' dg-cell--pending';
  if (mayOverflow(text, column.width)) look += ' dg-cell--clip';
  return {
    text,
    editable,
    title: info.title ?? (text.length > 40 ? text : undefined) ?? (editable ? undefined : readonlyReasonOf(row, column, state)),
    described: flagged || info.tone ? info.title : undefined,
    look,
  };
}

// The grid's text is 13 px (.dg in DataGrid.css); a cell has 6 px of padding each side and a
// 1 px border.
const FONT_PX = 13;
const CELL_INSET_PX = 13;
/** Digits, spaces and the punctuation of amounts are narrower than this part of the font size in any common face, bold included. */
const NARROW_EM = 0.7;
const WIDE_EM = 1.2;
const NARROW = new Set([...'0123456789 \u00a0.,:;()-+%/'].map((char) => char.charCodeAt(0)));

/**
 * Whether a text might not fit its cell, by an upper bound of its width. Only such cells clip
 * (with an ellipsis): a clipping cell is a node of its own in the engine's paint property trees,
 * and with every cell clipping they were a tenth of each frame of a fast scroll.
 */
function mayOverflow(text: string, width: number): boolean {
  const room = (width - CELL_INSET_PX) / FONT_PX;
  if (text.length * NARROW_EM <= room) return false;
  if (text.length * WIDE_EM > room) return true;
  let ems = 0;
  for (let i = 0; i < text.length; i++) ems += NARROW.has(text.charCodeAt(i)) ? NARROW_EM : WIDE_EM;
  return ems > room;
}

const sameCell = (a: CellView, b: CellView) => a.text === b.text && a.editable === b.editable && a.title === b.title && a.described === b.described && a.look === b.look;

// The props a row compares by identity: all but its cells, which it compares by value. Listed
// once (the type makes sure none is left out), not read with Object.keys for every row drawn.
const IDENTITY_PROPS: Record<Exclude<keyof GridRowViewProps<GridRow>, 'cells'>, true> = {
  row: true,
  index: true,
  ariaRowIndex: true,
  rowHeight: true,
  columns: true,
  layout: true,
  colStart: true,
  colEnd: true,
  treeColumn: true,
  gridId: true,
  selLeft: true,
  selRight: true,
  activeCol: true,
  editor: true,
  message: true,
  onToggleRow: true,
};
const IDENTITY_KEYS = Object.keys(IDENTITY_PROPS) as (keyof typeof IDENTITY_PROPS)[];

function sameRow<R extends GridRow>(before: GridRowViewProps<R>, after: GridRowViewProps<R>): boolean {
  for (const key of IDENTITY_KEYS) {
    if (before[key] !== after[key]) return false;
  }
  return before.cells === after.cells || (before.cells.length === after.cells.length && before.cells.every((cell, i) => sameCell(cell, after.cells[i])));
}

const INDENT = 16;
/** The width of a collapsible row's chevron in the tree column. */
export const CHEVRON = 18;
const TOGGLE_STYLE: CSSProperties = { width: CHEVRON };

/** The tree column's left padding: the row's depth, and a chevron's width for a row without one. */
export const treeIndent = (row: GridRow) => 4 + (row.depth ?? 0) * INDENT + (row.collapsible ? 0 : CHEVRON);

export const chevronOf = (row: GridRow) => (row.collapsed ? '▸' : '▾');

export function rowClassName(row: GridRow, showsMessage: boolean): string {
  let names = 'dg-row';
  if (row.emphasis) names += ` dg-row--${row.emphasis}`;
  if (showsMessage) names += ' dg-row--message';
  return names;
}

/**
 * A one-line cell holds its text itself: one element fewer per cell is a good part of what a
 * fast scroll lays out. The tree column, wrapped texts and a cell showing a message (which a
 * clipping cell would hide) keep the text in its own span.
 */
export const isOneLine = (column: { wrap?: boolean }, isTree: boolean, showsMessage: boolean) => !isTree && !column.wrap && !showsMessage;

export function cellClassName<R extends GridRow>(layout: ColumnLayout, columns: readonly GridColumn<R>[], col: number, cell: CellView, oneLine: boolean, selected: boolean, active: boolean): string {
  let names = `${columnClasses(layout, columns, col)}${oneLine ? ' dg-cell--line' : ''}${cell.look}`;
  if (selected) names += ' dg-cell--selected';
  if (active) names += ' dg-cell--active';
  return names;
}

/**
 * The columns a row draws, in order: the frozen ones, the scrolling ones in view, and any cell
 * with the selection's focus, the editor or a message. Only drawn cells are listed, not holes:
 * a hole before a cell would make React reconcile the row's cells through a keyed map.
 */
function drawnCells<R extends GridRow>(props: GridRowViewProps<R>): number[] {
  const { columns, layout, editor, message } = props;
  const drawn: number[] = [];
  for (let col = 0; col < columns.length; col++) {
    if (
      col < layout.frozenCount ||
      (col >= props.colStart && col < props.colEnd) ||
      col === props.activeCol ||
      editor?.col === col ||
      (message !== null && message.columnKey === columns[col].key)
    ) {
      drawn.push(col);
    }
  }
  return drawn;
}

// A cell's style and its column's classes are the same for every row at one depth: made once
// per column layout and shared, so a scroll neither allocates them for every cell of every frame
// nor makes React compare them key by key. Styles are found by column and indent, numbers both,
// so finding one allocates nothing either.
interface RowStyles {
  rowHeight: number;
  /** For each column: indent (-1 for none) → style. */
  byColumn: Map<number, CSSProperties>[];
  /** The sticky box of a row's frozen cells (frozenGroup). */
  frozen: CSSProperties;
}
const stylesByLayout = new WeakMap<ColumnLayout, RowStyles>();
const classesByLayout = new WeakMap<ColumnLayout, string[]>();

function rowStyles<R extends GridRow>(layout: ColumnLayout, columns: readonly GridColumn<R>[], rowHeight: number): RowStyles {
  let styles = stylesByLayout.get(layout);
  if (!styles || styles.rowHeight !== rowHeight) {
    const frozen: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, width: layout.frozenWidth, height: rowHeight, background: 'var(--dg-bg)' };
    stylesByLayout.set(layout, (styles = { rowHeight, byColumn: columns.map(() => new Map()), frozen }));
  }
  return styles;
}

function cellStyle<R extends GridRow>(layout: ColumnLayout, columns: readonly GridColumn<R>[], rowHeight: number, col: number, paddingLeft: number | undefined): CSSProperties {
  const byIndent = rowStyles(layout, columns, rowHeight).byColumn[col];
  let style = byIndent.get(paddingLeft ?? -1);
  if (!style) {
    const width = columns[col].width;
    // Every cell is placed where its column is (a frozen one inside its row's sticky box, which
    // starts at the row's left edge): the row draws only the columns in view, and placed boxes
    // of a set size are the cheapest layout there is, cheaper than a row of flex items.
    style = { width, height: rowHeight, position: 'absolute', top: 0, left: layout.left[col], paddingLeft };
    byIndent.set(paddingLeft ?? -1, style);
  }
  return style;
}

// One sticky box per row holds its frozen cells: each sticky element is a layer of its own for
// the compositor, and a frame of a scroll had two per row. The box paints its own background:
// the compositor knows a layer by the first thing drawn in it, and when that was a cell, a row
// scrolled into the slot made its layer anew (six a frame), to be drawn again from scratch.
function frozenGroup<R extends GridRow>(layout: ColumnLayout, columns: readonly GridColumn<R>[], rowHeight: number, cells: ReactElement[]): ReactElement {
  return (
    <div key="frozen" style={rowStyles(layout, columns, rowHeight).frozen}>
      {cells}
    </div>
  );
}

function columnClasses<R extends GridRow>(layout: ColumnLayout, columns: readonly GridColumn<R>[], col: number): string {
  let classes = classesByLayout.get(layout);
  if (!classes) {
    classes = columns.map((column, i) => {
      let names = 'dg-cell';
      if (i < layout.frozenCount) names += ' dg-cell--frozen';
      if (i === layout.frozenCount - 1) names += ' dg-cell--frozen-last';
      if (column.wrap) names += ' dg-cell--wrap';
      if (column.align) names += ` dg-cell--${column.align}`;
      return names;
    });
    classesByLayout.set(layout, classes);
  }
  return classes[col];
}

function GridRowViewInner<R extends GridRow>(props: GridRowViewProps<R>) {
  const { row, index, columns, layout, rowHeight, gridId, editor, message } = props;
  const drawn = drawnCells(props);
  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      aria-expanded={row.collapsible ? !row.collapsed : undefined}
      data-row={index}
      className={rowClassName(row, message !== null)}
      style={{ position: 'absolute', top: index * rowHeight, left: 0, height: rowHeight, width: layout.totalWidth }}
    >
      {/* One keyed list, with no hole where a grid has no frozen columns; drawnCells lists
          every frozen column first. */}
      {layout.frozenCount > 0
        ? [frozenGroup(layout, columns, rowHeight, drawn.slice(0, layout.frozenCount).map(cellOf)), ...drawn.slice(layout.frozenCount).map(cellOf)]
        : drawn.map(cellOf)}
    </div>
  );

  function cellOf(col: number) {
    const column = columns[col];
    const active = col === props.activeCol;
    const cellMessage = message && message.columnKey === column.key ? message : null;
    const cell = props.cells[col];
    const selected = props.selLeft >= 0 && col >= props.selLeft && col <= props.selRight;
    const messageId = cellMessage ? `${cellId(gridId, index, col)}-message` : undefined;
    const isTree = col === props.treeColumn;
    const oneLine = isOneLine(column, isTree, cellMessage !== null);
    const className = cellClassName(layout, columns, col, cell, oneLine, selected, active);
    return (
      <div
        key={column.key}
        role="gridcell"
        // Only aria-activedescendant names a cell: one id, not one per cell to rewrite on every scrolled row.
        id={active ? cellId(gridId, index, col) : undefined}
        aria-colindex={col + 1}
        aria-selected={selected}
        aria-readonly={!cell.editable}
        aria-description={cell.described}
        aria-describedby={messageId}
        data-col={col}
        title={cell.title}
        className={className}
        // A row without a chevron is indented by the chevron's width instead: no spacer element.
        style={cellStyle(layout, columns, rowHeight, col, isTree ? treeIndent(row) : undefined)}
      >
        {/* What a cell may lack comes after what it always has: a missing child before a
            present one sends React through a keyed map of the cell's children at every update. */}
        {oneLine ? cell.text : <span className="dg-text">{cell.text}</span>}
        {isTree && row.collapsible && (
          // Drawn before the text (CSS order), though it follows it in the DOM.
          <button
            type="button"
            tabIndex={-1}
            className="dg-toggle"
            aria-label={row.collapsed ? 'Развернуть' : 'Свернуть'}
            aria-expanded={!row.collapsed}
            onClick={() => props.onToggleRow?.(row.key)}
            style={TOGGLE_STYLE}
          >
            {chevronOf(row)}
          </button>
        )}
        {editor && editor.col === col && <CellEditor binding={editor} />}
        {cellMessage && (
          <div id={messageId} role={cellMessage.kind === 'error' ? 'alert' : 'status'} className={`dg-message dg-message--${cellMessage.kind}`}>
            {cellMessage.text}
          </div>
        )}
      </div>
    );
  }
}

export const GridRowView = memo(GridRowViewInner, sameRow) as typeof GridRowViewInner;

function CellEditor({ binding }: { binding: EditorBinding }) {
  const input = useRef<HTMLInputElement>(null);
  // Focus once, with the caret after the text, as a spreadsheet opens a cell.
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    const end = element.value.length;
    element.setSelectionRange(end, end);
  }, []);
  return (
    <input
      ref={input}
      className="dg-editor"
      aria-label={binding.label}
      value={binding.text}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => binding.onChange(event.target.value)}
      onKeyDown={binding.onKeyDown}
      onBlur={binding.onBlur}
    />
  );
}
