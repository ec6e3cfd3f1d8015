// One body row of the grid. The grid works out what each cell shows and passes it in; the row
// is drawn again only when that or its selection, editor or message changed. So a typed amount
// redraws the few rows whose figures moved, not every row in view.

import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
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
  /** Classes for its state: read-only, error or warning, the screen's tone, a pending edit. */
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
  const look: string[] = [];
  if (!editable) look.push('dg-cell--readonly');
  if (flagged) look.push(`dg-cell--${info.state}`);
  if (info.tone) look.push(info.tone);
  if (pending !== undefined) look.push('dg-cell--pending');
  return {
    text,
    editable,
    title: info.title ?? (text.length > 40 ? text : undefined) ?? (editable ? undefined : readonlyReasonOf(row, column, state)),
    described: flagged || info.tone ? info.title : undefined,
    look: look.join(' '),
  };
}

const sameCell = (a: CellView, b: CellView) => a.text === b.text && a.editable === b.editable && a.title === b.title && a.described === b.described && a.look === b.look;

function sameRow<R extends GridRow>(before: GridRowViewProps<R>, after: GridRowViewProps<R>): boolean {
  for (const key of Object.keys(after) as (keyof GridRowViewProps<R>)[]) {
    if (key !== 'cells' && before[key] !== after[key]) return false;
  }
  return before.cells === after.cells || (before.cells.length === after.cells.length && before.cells.every((cell, i) => sameCell(cell, after.cells[i])));
}

const INDENT = 16;
const CHEVRON = 18;

function GridRowViewInner<R extends GridRow>(props: GridRowViewProps<R>) {
  const { row, index, columns, layout, rowHeight, gridId, editor, message } = props;
  const classes = ['dg-row'];
  if (row.emphasis) classes.push(`dg-row--${row.emphasis}`);
  if (message) classes.push('dg-row--message');
  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      aria-expanded={row.collapsible ? !row.collapsed : undefined}
      data-row={index}
      className={classes.join(' ')}
      style={{ position: 'absolute', top: index * rowHeight, left: 0, height: rowHeight, width: layout.totalWidth, display: 'flex' }}
    >
      {columns.map((column, col) => {
        const cell = props.cells[col];
        const selected = props.selLeft >= 0 && col >= props.selLeft && col <= props.selRight;
        const active = col === props.activeCol;
        const frozen = col < layout.frozenCount;
        const cellMessage = message && message.columnKey === column.key ? message : null;
        const messageId = cellMessage ? `${cellId(gridId, index, col)}-message` : undefined;
        const isTree = col === props.treeColumn;
        // A one-line cell holds its text itself: one element fewer per cell is a good part of
        // what a fast scroll lays out. The tree column, wrapped texts and a cell showing a
        // message (which a clipping cell would hide) keep the text in its own span.
        const oneLine = !isTree && !column.wrap && !cellMessage;
        const cellClasses = ['dg-cell'];
        if (oneLine) cellClasses.push('dg-cell--line');
        if (frozen) cellClasses.push('dg-cell--frozen');
        if (col === layout.frozenCount - 1) cellClasses.push('dg-cell--frozen-last');
        if (cell.look) cellClasses.push(cell.look);
        if (selected) cellClasses.push('dg-cell--selected');
        if (active) cellClasses.push('dg-cell--active');
        if (column.wrap) cellClasses.push('dg-cell--wrap');
        if (column.align) cellClasses.push(`dg-cell--${column.align}`);
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
            className={cellClasses.join(' ')}
            style={{
              width: column.width,
              minWidth: column.width,
              height: rowHeight,
              position: frozen ? 'sticky' : 'relative',
              left: frozen ? layout.left[col] : undefined,
              zIndex: frozen ? 1 : undefined,
              paddingLeft: isTree ? 4 + (row.depth ?? 0) * INDENT : undefined,
            }}
          >
            {isTree &&
              (row.collapsible ? (
                <button
                  type="button"
                  tabIndex={-1}
                  className="dg-toggle"
                  aria-label={row.collapsed ? 'Развернуть' : 'Свернуть'}
                  aria-expanded={!row.collapsed}
                  onClick={() => props.onToggleRow?.(row.key)}
                  style={{ width: CHEVRON }}
                >
                  {row.collapsed ? '▸' : '▾'}
                </button>
              ) : (
                <span className="dg-toggle-space" style={{ width: CHEVRON, display: 'inline-block', flex: 'none' }} />
              ))}
            {oneLine ? cell.text : <span className="dg-text">{cell.text}</span>}
            {editor && editor.col === col && <CellEditor binding={editor} />}
            {cellMessage && (
              <div id={messageId} role={cellMessage.kind === 'error' ? 'alert' : 'status'} className={`dg-message dg-message--${cellMessage.kind}`}>
                {cellMessage.text}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
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
