// A spreadsheet grid for people who live in Excel: arrows, Tab, Enter, F2 and typing to edit,
// blocks copied and pasted as tab-separated text, Ctrl+Z / Ctrl+Y, frozen header rows and
// title columns, and only the rows in view in the DOM. Controlled: the screen owns the data,
// the grid owns the selection and the open editor, and every edit goes out through onCommit —
// once for a single cell, once for a whole pasted block.

import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type JSX,
  type MouseEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { GlideCanvas } from './glideCanvas';
import { GridRowView, cellId, isCellEditable, readonlyReasonOf, type CellMessage, type ColumnLayout, type EditorBinding } from './GridRowView';
import { editorAction, navigationAction, shortcutLetter, type EditMode } from './keyboardMap';
import {
  clampPos,
  isSingleCell,
  moveBy,
  moveTo,
  rangeOf,
  resolveSelection,
  single,
  storeSelection,
  tabFrom,
  type CellPos,
  type Range,
  type Selection,
  type StoredSelection,
} from './selection';
import { RowCellCache } from './rowCells';
import { formatTsv, parseTsv } from './tsv';
import { type CellRef, type CellState, type CommitResult, type GridColumn, type GridEdit, type GridRow, type HeaderGroup } from './types';
import { columnWindow, rowWindow, scrollTopToShow, windowCapacity } from './virtualWindow';
import './DataGrid.css';

export interface DataGridProps<R extends GridRow> {
  /** The grid's accessible name. */
  label: string;
  columns: readonly GridColumn<R>[];
  /** Grouped header rows above the column titles, top first. */
  headerRows?: readonly (readonly HeaderGroup[])[];
  /** The visible rows, flattened: collapsed rows' children are simply not here. */
  rows: readonly R[];
  cellText(row: R, column: GridColumn<R>): string;
  /** What Ctrl+C puts on the clipboard for a cell, when it differs from what is shown. */
  copyText?(row: R, column: GridColumn<R>): string;
  cellState?(row: R, column: GridColumn<R>): CellState;
  /** Every edit goes here: one call for one cell and one call for a whole pasted block. */
  onCommit(edits: GridEdit[]): Promise<CommitResult>;
  onToggleRow?(rowKey: string): void;
  onUndo?(): void;
  onRedo?(): void;
  /** Scroll to and select this cell whenever it changes (a finding clicked elsewhere). */
  focus?: CellRef | null;
  /** The row's name for the editor's label; the tree column's text by default. */
  rowLabel?(row: R): string;
  /** Pixels. Default 28. */
  rowHeight?: number;
  /** Pixels; without it the grid fills its parent and measures itself. */
  height?: number;
  /**
   * Rows rendered beyond the visible ones, above and below. Default 2: the window follows the
   * scroll in the scroll event itself, so a margin only saves work on short scrolls and costs it
   * on every fast one. None while the view moves sideways, as no row comes into view then, nor
   * while it leaps a screen at a time, as the rows at its edges are never seen.
   */
  overscan?: number;
  className?: string;
}

interface EditingState {
  row: number;
  col: number;
  rowKey: string;
  columnKey: string;
  text: string;
  original: string;
  mode: EditMode;
}

interface MessageState extends CellRef {
  text: string;
  kind: 'error' | 'info';
}

const READONLY_MESSAGE = 'Эта ячейка не редактируется';
const FALLBACK_HEIGHT = 480;
/** How long the view rests after a scroll before its rows are put back in reading order, or a glide ends. */
const SETTLE_MS = 200;
/** A scroll of this many rows or more in one frame glides: the view is painted, not laid out (glideCanvas). */
const GLIDE_ROWS = 2;
/** How long after the grid shows its rows it gets ready to glide, out of the way of their first frames. */
const PREPARE_GLIDE_MS = 500;

/** Scrolling columns drawn beyond the view at each side, while it rests or moves sideways. */
const COLUMN_OVERSCAN = 1;

/** The axes the view has moved along since it last rested. */
interface Motion {
  vertical: boolean;
  horizontal: boolean;
  /**
   * Its last move was a screen or more up or down, as when the scrollbar is dragged. Such a move
   * glides (paints the view) unless a cell is being edited: then the rows follow it in the DOM.
   */
  leap: boolean;
}

function useLatest<T>(value: T) {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

export function DataGrid<R extends GridRow>(props: DataGridProps<R>) {
  const { columns, rows, label } = props;
  const rowHeight = props.rowHeight ?? 28;
  const overscan = props.overscan ?? 2;
  const headerRows = props.headerRows ?? [];
  const headerCount = headerRows.length + 1;
  const headerHeight = headerCount * rowHeight;
  const gridId = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const root = useRef<HTMLDivElement>(null);
  const latest = useLatest(props);

  // ── Layout ────────────────────────────────────────────────────────────────────────────
  const layout = useMemo<ColumnLayout>(() => {
    const left: number[] = [];
    let x = 0;
    let frozenCount = 0;
    let leading = true;
    for (const column of columns) {
      left.push(x);
      x += column.width;
      if (leading && column.frozen) frozenCount += 1;
      else leading = false;
    }
    return { left, totalWidth: x, frozenCount, frozenWidth: frozenCount > 0 ? left[frozenCount - 1] + columns[frozenCount - 1].width : 0 };
  }, [columns]);
  const treeColumn = Math.max(0, columns.findIndex((c) => c.tree));

  const rowIndexByKey = useMemo(() => new Map(rows.map((row, index) => [row.key, index])), [rows]);
  const bounds = useMemo(() => ({ rows: rows.length, cols: columns.length }), [rows.length, columns.length]);

  const [measuredHeight, setMeasuredHeight] = useState(FALLBACK_HEIGHT);
  const height = props.height ?? measuredHeight;
  const bodyViewport = Math.max(rowHeight, height - headerHeight);
  // 0 until measured, and always in jsdom: then every column is drawn.
  const [viewWidth, setViewWidth] = useState(0);
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const measure = () => {
      if (element.clientHeight > 0) setMeasuredHeight(element.clientHeight);
      setViewWidth(element.clientWidth);
    };
    // Measured before the first paint, so the first screen draws only the columns it shows.
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // ── State ─────────────────────────────────────────────────────────────────────────────
  const [stored, setStored] = useState<StoredSelection>({ anchorKey: null, activeKey: null, selection: single({ row: 0, col: 0 }) });
  const selection = useMemo(() => resolveSelection(stored, (key) => rowIndexByKey.get(key), bounds), [stored, rowIndexByKey, bounds]);
  const selectionRef = useLatest(selection);
  const [editing, setEditingState] = useState<EditingState | null>(null);
  const editingRef = useRef<EditingState | null>(null);
  const setEditing = useCallback((next: EditingState | null) => {
    editingRef.current = next;
    setEditingState(next);
  }, []);
  const [message, setMessage] = useState<MessageState | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, ReadonlyMap<string, string>>>(new Map());
  const [firstVisible, setFirstVisible] = useState(0);
  const [viewLeft, setViewLeft] = useState(0);
  const [cellViews] = useState(() => new RowCellCache<R>());
  const copyRequested = useRef(false);
  const pasteRequested = useRef(false);
  const dragging = useRef(false);
  /** Set when the active cell moved by keyboard or focus and must be scrolled into view. */
  const revealActive = useRef(false);
  const pendingRef = useLatest(pending);

  const select = useCallback(
    (next: Selection, reveal = true) => {
      revealActive.current = reveal;
      const { rows: currentRows, columns: currentColumns } = latest.current;
      setStored(storeSelection(next, (row) => currentRows[row]?.key));
      // A message belongs to its cell: moving away dismisses it.
      const rowKey = currentRows[next.active.row]?.key;
      const columnKey = currentColumns[next.active.col]?.key;
      setMessage((current) => (current && (current.rowKey !== rowKey || current.columnKey !== columnKey) ? null : current));
    },
    [latest],
  );

  const active = selection.active;

  // ── Scrolling ─────────────────────────────────────────────────────────────────────────
  const syncWindow = useCallback(() => {
    const element = root.current;
    if (!element) return;
    setFirstVisible(Math.floor(element.scrollTop / rowHeight));
    setViewLeft(element.scrollLeft);
  }, [rowHeight]);
  // The browser dispatches scroll events just before it draws a frame: rendering the rows
  // scrolled in right there puts them in that frame instead of showing blank space until the next.
  // While the view moves, rows stay in the DOM in the order of their slots (see rowKey below);
  // once it rests they are put back in the order they are shown, the order assistive
  // technology reads them in.
  const [motion, setMotion] = useState<Motion | null>(null);
  const scrolling = motion !== null;
  const lastOffset = useRef({ top: 0, left: 0 });
  const settleTimer = useRef<number | undefined>(undefined);
  const glideCanvas = useRef<HTMLCanvasElement>(null);
  const probeHost = useRef<HTMLDivElement>(null);
  /** Undefined until the first glide asks for it; null where the page cannot paint. */
  const painter = useRef<GlideCanvas | null | undefined>(undefined);
  const gliding = useRef(false);

  /** Paints the view on the glide canvas; null when it cannot be painted, and the rows must follow the scroll. */
  const paintView = useCallback(() => {
    const element = root.current;
    const canvas = glideCanvas.current;
    // Unmeasured (jsdom lays nothing out) means nothing to paint on.
    if (!element || !canvas || !probeHost.current || element.clientWidth <= 0 || element.clientHeight <= headerHeight) return null;
    if (painter.current === undefined) painter.current = GlideCanvas.create(canvas, probeHost.current);
    if (!painter.current) return null;
    const current = latest.current;
    cellViews.nextFrame();
    return painter.current.paint({
      rows: current.rows,
      columns: current.columns,
      layout,
      rowHeight,
      treeColumn,
      cellsOf: (row) => cellViews.cellsOf(row, current, pendingRef.current.get(row.key)),
      selection: rangeOf(selectionRef.current),
      active: selectionRef.current.active,
      scrollTop: element.scrollTop,
      scrollLeft: element.scrollLeft,
      width: element.clientWidth,
      height: element.clientHeight - headerHeight,
    });
  }, [latest, cellViews, layout, rowHeight, treeColumn, headerHeight, pendingRef, selectionRef]);

  /** Paints the view for a glide; false when it cannot be painted. */
  const paintGlide = useCallback(() => {
    const painted = paintView();
    // Which rows the picture shows, for whoever checks that it shows the rows in view.
    if (painted) glideCanvas.current!.dataset.rows = `${painted.first}-${painted.last}`;
    return painted !== null;
  }, [paintView]);

  // Ready to glide before the first glide: the canvas, the looks of the cells in view and their
  // fonts are read while the officer looks at the screen, not in the first frame of a scroll
  // (33 ms of it on a 2-core VM). Painted unseen on the hidden canvas, which keeps its bitmaps
  // for the first glide.
  const scrollable = rows.length * rowHeight > bodyViewport;
  useEffect(() => {
    if (!scrollable) return;
    const handle = window.setTimeout(() => {
      if (gliding.current || !paintView()) return;
      painter.current?.hide();
    }, PREPARE_GLIDE_MS);
    return () => window.clearTimeout(handle);
  }, [scrollable, layout, paintView]);

  /** The view rests or is used: the rows in view are elements again, in the frame that hides the picture. */
  const endGlide = useCallback(() => {
    if (!gliding.current) return;
    gliding.current = false;
    flushSync(() => {
      syncWindow();
      setMotion(null);
    });
    const canvas = glideCanvas.current;
    if (canvas) {
      canvas.style.visibility = '';
      delete canvas.dataset.rows;
    }
    painter.current?.hide();
  }, [syncWindow]);

  const onScroll = useCallback(() => {
    const element = root.current;
    if (!element) return;
    const moved = Math.abs(element.scrollTop - lastOffset.current.top);
    const vertical = moved > 0;
    const horizontal = element.scrollLeft !== lastOffset.current.left;
    const leap = moved >= bodyViewport;
    lastOffset.current = { top: element.scrollTop, left: element.scrollLeft };
    window.clearTimeout(settleTimer.current);
    // A glide lasts until the view rests, however it slows; an open editor keeps its row in the DOM and in view.
    if ((gliding.current || (moved >= GLIDE_ROWS * rowHeight && !editingRef.current)) && paintGlide()) {
      if (!gliding.current) {
        gliding.current = true;
        glideCanvas.current!.style.visibility = 'visible';
      }
      settleTimer.current = window.setTimeout(endGlide, SETTLE_MS);
      return;
    }
    flushSync(() => {
      syncWindow();
      setMotion((current) => {
        const next = { vertical: vertical || current?.vertical === true, horizontal: horizontal || current?.horizontal === true, leap };
        return current && current.vertical === next.vertical && current.horizontal === next.horizontal && current.leap === next.leap ? current : next;
      });
    });
    settleTimer.current = window.setTimeout(() => setMotion(null), SETTLE_MS);
  }, [syncWindow, bodyViewport, rowHeight, paintGlide, endGlide]);
  // Whatever changes while the view glides (a reload, a confirmed edit) shows in the picture at once.
  useLayoutEffect(() => {
    if (gliding.current) paintGlide();
  });
  useEffect(() => () => window.clearTimeout(settleTimer.current), []);

  const reveal = useCallback(
    /** `fromCol`: the column the active cell moved from. */
    (pos: CellPos, fromCol: number) => {
      const element = root.current;
      if (!element) return;
      // The measured height leaves out a horizontal scrollbar; jsdom measures nothing.
      const viewport = element.clientHeight > 0 ? Math.max(rowHeight, element.clientHeight - headerHeight) : bodyViewport;
      const top = scrollTopToShow(pos.row, rowHeight, element.scrollTop, viewport);
      if (top !== null) element.scrollTop = top;
      if (pos.col >= layout.frozenCount && element.clientWidth > 0) {
        const left = layout.left[pos.col];
        const right = left + columns[pos.col].width;
        const visibleLeft = element.scrollLeft + layout.frozenWidth;
        const visibleRight = element.scrollLeft + element.clientWidth;
        if (left < visibleLeft) element.scrollLeft = Math.max(0, left - layout.frozenWidth);
        else if (right > visibleRight) element.scrollLeft = right - element.clientWidth;
      } else if (pos.col < layout.frozenCount && pos.col !== fromCol) {
        // Into a frozen column (Home, Ctrl+Home, Shift+Tab): as in Excel, the scrolling columns
        // show from the first again. A move within the column (Down) leaves the view sideways.
        element.scrollLeft = 0;
      }
      // Setting scrollTop fires a scroll event later (and never in jsdom): move the window now,
      // and let that event find the view where it was put, so a move by keyboard never glides.
      syncWindow();
      lastOffset.current = { top: element.scrollTop, left: element.scrollLeft };
    },
    [rowHeight, headerHeight, bodyViewport, layout, columns, syncWindow],
  );

  /** The active cell's column when it was last revealed or chosen by the mouse. */
  const lastActiveCol = useRef(active.col);
  useLayoutEffect(() => {
    const fromCol = lastActiveCol.current;
    lastActiveCol.current = active.col;
    if (!revealActive.current) return;
    revealActive.current = false;
    reveal(active, fromCol);
  }, [active, reveal]);

  // A finding clicked elsewhere: go to its cell.
  const focus = props.focus;
  useEffect(() => {
    if (!focus) return;
    endGlide();
    const row = latest.current.rows.findIndex((r) => r.key === focus.rowKey);
    const col = latest.current.columns.findIndex((c) => c.key === focus.columnKey);
    if (row < 0) return;
    select(single({ row, col: Math.max(0, col) }));
    root.current?.focus({ preventScroll: true });
  }, [focus, latest, select, endGlide]);

  // ── Cells ─────────────────────────────────────────────────────────────────────────────
  const stateOf = useCallback((row: R, column: GridColumn<R>) => latest.current.cellState?.(row, column), [latest]);
  const editableAt = useCallback(
    (pos: CellPos) => {
      const row = latest.current.rows[pos.row];
      const column = latest.current.columns[pos.col];
      return !!row && !!column && isCellEditable(row, column, stateOf(row, column));
    },
    [latest, stateOf],
  );
  const readonlyReason = useCallback(
    (pos: CellPos) => {
      const row = latest.current.rows[pos.row];
      const column = latest.current.columns[pos.col];
      return (row && column ? readonlyReasonOf(row, column, stateOf(row, column)) : undefined) ?? READONLY_MESSAGE;
    },
    [latest, stateOf],
  );
  const refAt = useCallback(
    (pos: CellPos): CellRef | null => {
      const row = latest.current.rows[pos.row];
      const column = latest.current.columns[pos.col];
      return row && column ? { rowKey: row.key, columnKey: column.key } : null;
    },
    [latest],
  );
  const showMessage = useCallback(
    (pos: CellPos, text: string, kind: 'error' | 'info') => {
      const ref = refAt(pos);
      if (ref) setMessage({ ...ref, text, kind });
    },
    [refAt],
  );

  const focusGrid = useCallback(() => root.current?.focus({ preventScroll: true }), []);

  // ── Committing ────────────────────────────────────────────────────────────────────────
  const commit = useCallback(
    async (edits: GridEdit[], after?: { info?: string; at: CellRef }) => {
      if (edits.length === 0) return;
      setMessage(null);
      setPending((current) => {
        const next = new Map(current);
        for (const edit of edits) {
          const row = new Map(next.get(edit.rowKey));
          row.set(edit.columnKey, edit.text);
          next.set(edit.rowKey, row);
        }
        return next;
      });
      let result: CommitResult;
      try {
        result = await latest.current.onCommit(edits);
      } catch (error) {
        result = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      setPending((current) => {
        const next = new Map(current);
        for (const edit of edits) {
          const row = next.get(edit.rowKey);
          if (!row || row.get(edit.columnKey) !== edit.text) continue;
          const rest = new Map(row);
          rest.delete(edit.columnKey);
          if (rest.size === 0) next.delete(edit.rowKey);
          else next.set(edit.rowKey, rest);
        }
        return next;
      });
      const { rows: currentRows, columns: currentColumns } = latest.current;
      if (!result.ok) {
        // The refused cell gets the selection back and its message beside it; nothing was written.
        const at = result.cell ?? edits[0];
        const row = currentRows.findIndex((r) => r.key === at.rowKey);
        const col = currentColumns.findIndex((c) => c.key === at.columnKey);
        // Unless the officer is already typing elsewhere.
        if (row >= 0 && col >= 0 && !editingRef.current) select(single({ row, col }));
        setMessage({ rowKey: at.rowKey, columnKey: at.columnKey, text: result.message, kind: 'error' });
        return;
      }
      if (after?.info) setMessage({ ...after.at, text: after.info, kind: 'info' });
    },
    [latest, select],
  );

  const startEditing = useCallback(
    (mode: EditMode, text?: string, at?: CellPos) => {
      const pos = at ?? selectionRef.current.active;
      const row = latest.current.rows[pos.row];
      const column = latest.current.columns[pos.col];
      if (!row || !column) return;
      if (!editableAt(pos)) {
        showMessage(pos, readonlyReason(pos), 'error');
        return;
      }
      const original = latest.current.cellText(row, column);
      setMessage(null);
      // From the keyboard the cell may have been scrolled away: bring it back to type into.
      select(single(pos), at === undefined);
      setEditing({ row: pos.row, col: pos.col, rowKey: row.key, columnKey: column.key, original, text: text ?? original, mode });
    },
    [latest, selectionRef, editableAt, showMessage, readonlyReason, select, setEditing],
  );

  /** Closes the editor, sending its text when it changed. */
  const finishEditing = useCallback(
    (send: boolean) => {
      const current = editingRef.current;
      if (!current) return;
      setEditing(null);
      if (send && current.text !== current.original) {
        void commit([{ rowKey: current.rowKey, columnKey: current.columnKey, text: current.text }]);
      }
    },
    [commit, setEditing],
  );

  // ── Block operations ──────────────────────────────────────────────────────────────────
  const blockText = useCallback(
    (range: Range) => {
      const { rows: currentRows, columns: currentColumns, copyText, cellText } = latest.current;
      const block: string[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const line: string[] = [];
        for (let c = range.left; c <= range.right; c++) {
          line.push((copyText ?? cellText)(currentRows[r], currentColumns[c]));
        }
        block.push(line);
      }
      return formatTsv(block);
    },
    [latest],
  );

  const clearSelection = useCallback(() => {
    const range = rangeOf(selectionRef.current);
    const edits: GridEdit[] = [];
    let skipped = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const ref = refAt({ row: r, col: c });
        if (!ref) continue;
        if (editableAt({ row: r, col: c })) edits.push({ ...ref, text: '' });
        else skipped += 1;
      }
    }
    const at = selectionRef.current.active;
    if (edits.length === 0) {
      showMessage(at, skipped === 1 ? readonlyReason(at) : 'Ячейки не редактируются', 'error');
      return;
    }
    const ref = refAt(at)!;
    void commit(edits, skipped > 0 ? { at: ref, info: `Не очищено ячеек только для чтения: ${skipped}` } : undefined);
  }, [selectionRef, refAt, editableAt, showMessage, readonlyReason, commit]);

  const pasteText = useCallback(
    (text: string) => {
      const block = parseTsv(text);
      if (block.length === 0) return;
      const current = selectionRef.current;
      const range = rangeOf(current);
      const { rows: currentRows, columns: currentColumns } = latest.current;
      const width = block.reduce((widest, line) => Math.max(widest, line.length), 0);
      // One copied cell over a larger selection fills the selection, as in Excel.
      const fill = block.length === 1 && width === 1 && !isSingleCell(current);
      const bottom = fill ? range.bottom : range.top + block.length - 1;
      const right = fill ? range.right : range.left + width - 1;
      const edits: GridEdit[] = [];
      let skipped = 0;
      let outside = 0;
      for (let r = range.top; r <= bottom; r++) {
        const line = fill ? block[0] : block[r - range.top];
        for (let c = range.left; c <= right; c++) {
          const value = fill ? line[0] : line[c - range.left];
          if (value === undefined) continue;
          if (r >= currentRows.length || c >= currentColumns.length) {
            outside += 1;
            continue;
          }
          if (!editableAt({ row: r, col: c })) {
            skipped += 1;
            continue;
          }
          edits.push({ rowKey: currentRows[r].key, columnKey: currentColumns[c].key, text: value });
        }
      }
      const at = { row: range.top, col: range.left };
      const notes = [
        skipped > 0 ? `пропущено ячеек только для чтения: ${skipped}` : '',
        outside > 0 ? `не поместилось в таблицу: ${outside}` : '',
      ].filter(Boolean);
      if (edits.length === 0) {
        showMessage(at, `Ничего не вставлено: ${notes.join(', ') || 'нет ячеек для вставки'}`, 'error');
        return;
      }
      const lastRow = Math.min(bottom, currentRows.length - 1);
      const lastCol = Math.min(right, currentColumns.length - 1);
      select({ anchor: { row: lastRow, col: lastCol }, active: at }, false);
      void commit(edits, notes.length > 0 ? { at: refAt(at)!, info: `Вставлено ячеек: ${edits.length}; ${notes.join(', ')}` } : undefined);
    },
    [selectionRef, latest, editableAt, showMessage, select, commit, refAt],
  );

  // ── Keyboard ──────────────────────────────────────────────────────────────────────────
  const pageRows = Math.max(1, Math.floor(bodyViewport / rowHeight) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== root.current || editingRef.current) return;
    endGlide();
    const current = selection;
    const row = rows[current.active.row];
    const action = navigationAction(event, !!row?.collapsible);
    if (!action) return;
    if (rows.length === 0 || columns.length === 0) return;
    const go = (next: Selection) => {
      event.preventDefault();
      select(next);
    };
    switch (action.type) {
      case 'move':
        return go(moveBy(current, action.rows, action.cols, bounds, action.extend));
      case 'jump': {
        const target =
          action.to === 'rowStart'
            ? { row: current.active.row, col: 0 }
            : action.to === 'rowEnd'
              ? { row: current.active.row, col: columns.length - 1 }
              : action.to === 'gridStart'
                ? { row: 0, col: 0 }
                : { row: rows.length - 1, col: columns.length - 1 };
        return go(moveTo(current, target, bounds, action.extend));
      }
      case 'page':
        return go(moveBy(current, action.direction * pageRows, 0, bounds, action.extend));
      case 'tab': {
        const next = tabFrom(current.active, action.backwards, bounds);
        // Past the last cell Tab leaves the grid, so the keyboard is never trapped in it.
        if (next) go(single(next));
        return;
      }
      case 'enter':
        event.preventDefault();
        if (!action.backwards && editableAt(current.active)) startEditing('edit');
        else select(moveBy(single(current.active), action.backwards ? -1 : 1, 0, bounds, false));
        return;
      case 'edit':
        event.preventDefault();
        startEditing('edit');
        return;
      case 'type':
        event.preventDefault();
        startEditing('replace', action.text);
        return;
      case 'escape':
        setMessage(null);
        if (!isSingleCell(current)) select(single(current.active));
        return;
      case 'clear':
        event.preventDefault();
        clearSelection();
        return;
      case 'undo':
        event.preventDefault();
        props.onUndo?.();
        return;
      case 'redo':
        event.preventDefault();
        props.onRedo?.();
        return;
      case 'toggleRow':
        event.preventDefault();
        if (row) props.onToggleRow?.(row.key);
        return;
      case 'selectAll':
        event.preventDefault();
        select({ anchor: { row: rows.length - 1, col: columns.length - 1 }, active: { row: 0, col: 0 } });
        return;
      case 'copy': {
        // The copy event normally follows and fills the clipboard; where it does not, write it ourselves.
        copyRequested.current = true;
        setTimeout(() => {
          if (!copyRequested.current) return;
          copyRequested.current = false;
          void navigator.clipboard?.writeText(blockText(rangeOf(selectionRef.current))).catch(() => undefined);
        }, 0);
        return;
      }
    }
  };

  // Ctrl+V: the paste event brings the text; where none comes, ask the clipboard.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== root.current || editingRef.current) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && shortcutLetter(event) === 'v') {
      pasteRequested.current = true;
      setTimeout(() => {
        if (!pasteRequested.current) return;
        pasteRequested.current = false;
        navigator.clipboard
          ?.readText()
          .then((text) => pasteText(text))
          .catch(() => undefined);
      }, 0);
    }
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current || rows.length === 0) return;
    copyRequested.current = false;
    event.preventDefault();
    event.clipboardData.setData('text/plain', blockText(rangeOf(selection)));
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current || rows.length === 0) return;
    pasteRequested.current = false;
    event.preventDefault();
    pasteText(event.clipboardData.getData('text/plain'));
  };

  // ── Mouse ─────────────────────────────────────────────────────────────────────────────
  const cellAt = (target: EventTarget | null): CellPos | null => {
    if (!(target instanceof Element)) return null;
    const cell = target.closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row]');
    if (!cell || !row || !root.current?.contains(row)) return null;
    return { row: Number(row.dataset.row), col: Number(cell.dataset.col) };
  };

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    if (event.target instanceof HTMLInputElement) return;
    let target: EventTarget | null = event.target;
    if (target === glideCanvas.current) {
      // A click on the picture of a glide: the rows come back, and the click goes to the cell under it.
      endGlide();
      target = document.elementFromPoint(event.clientX, event.clientY);
    }
    const pos = cellAt(target);
    if (!pos) return;
    // Keep the focus on the grid (no text selection, no focus on the chevron).
    event.preventDefault();
    if (editingRef.current) finishEditing(true);
    select(moveTo(selection, pos, bounds, event.shiftKey), false);
    dragging.current = true;
    focusGrid();
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || (event.buttons & 1) === 0) return;
    const pos = cellAt(event.target);
    if (!pos) return;
    const current = selectionRef.current;
    if (current.active.row === pos.row && current.active.col === pos.col) return;
    select(moveTo(current, pos, bounds, true), false);
  };

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    endGlide();
    const pos = cellAt(event.target);
    if (!pos || event.target instanceof HTMLInputElement || (event.target instanceof Element && event.target.closest('button'))) return;
    startEditing('edit', undefined, pos);
  };

  // ── Editor ────────────────────────────────────────────────────────────────────────────
  const onEditorKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      const current = editingRef.current;
      if (!current) return;
      const action = editorAction(event, current.mode);
      if (!action) return;
      event.preventDefault();
      if (action.type === 'switchMode') {
        setEditing({ ...current, mode: current.mode === 'edit' ? 'replace' : 'edit' });
        return;
      }
      const pos = { row: current.row, col: current.col };
      const { rows: currentRows, columns: currentColumns } = latest.current;
      const currentBounds = { rows: currentRows.length, cols: currentColumns.length };
      finishEditing(action.type === 'commit');
      if (action.type === 'commit') {
        const next =
          action.then === 'down'
            ? { row: pos.row + 1, col: pos.col }
            : action.then === 'up'
              ? { row: pos.row - 1, col: pos.col }
              : action.then === 'right'
                ? { row: pos.row, col: pos.col + 1 }
                : action.then === 'left'
                  ? { row: pos.row, col: pos.col - 1 }
                  : (tabFrom(pos, action.then === 'tabBackward', currentBounds) ?? pos);
        select(single(clampPos(next, currentBounds)));
      }
      focusGrid();
    },
    [latest, finishEditing, select, setEditing, focusGrid],
  );

  const onEditorChange = useCallback(
    (text: string) => {
      const current = editingRef.current;
      if (current) setEditing({ ...current, text });
    },
    [setEditing],
  );

  const onEditorBlur = useCallback(() => finishEditing(true), [finishEditing]);

  const editorRowIndex = editing ? (rowIndexByKey.get(editing.rowKey) ?? -1) : -1;
  const editorBinding = useMemo<EditorBinding | null>(() => {
    if (!editing || editorRowIndex < 0) return null;
    const row = rows[editorRowIndex];
    const column = columns[editing.col];
    const rowName = props.rowLabel ? props.rowLabel(row) : props.cellText(row, columns[treeColumn]);
    return {
      col: editing.col,
      text: editing.text,
      label: `${column.title}${rowName ? `: ${rowName.slice(0, 80)}` : ''}`,
      onChange: onEditorChange,
      onKeyDown: onEditorKeyDown,
      onBlur: onEditorBlur,
    };
  }, [editing, editorRowIndex, rows, columns, treeColumn, props.rowLabel, props.cellText, onEditorChange, onEditorKeyDown, onEditorBlur]);

  // ── Rendering ─────────────────────────────────────────────────────────────────────────
  // While the view moves, nothing is drawn beyond it across the way it moves: a vertical scroll
  // brings no column into view and a sideways one no row, and each cell drawn costs every frame.
  // Nor beyond it along the way it leaps: when the next frame shows a whole new screen, rows
  // drawn at its edges are thrown away unseen.
  const inView = rowWindow(firstVisible * rowHeight, bodyViewport, rowHeight, rows.length, motion && (!motion.vertical || motion.leap) ? 0 : overscan);
  // Columns beyond the view are not drawn either: of a program's years, its total and its
  // results, the screen shows about half.
  const columnsInView = columnWindow(layout, viewLeft, viewWidth, motion && !motion.horizontal ? 0 : COLUMN_OVERSCAN);
  // Rows in the window are keyed by their slot in it, so a row scrolled in takes over the DOM
  // of one scrolled out and only its texts change: creating and removing the elements of every
  // row each frame is what made fast scrolling stutter. While scrolling they are also drawn in
  // slot order, so that no element moves: moving a row in the DOM makes the engine build its
  // boxes anew, and in a fast scroll that was half the rows of every frame.
  // The slots count the margins at rest, so a row keeps its slot when the margins come and go.
  const slots = windowCapacity(bodyViewport, rowHeight, overscan);
  // The active and the edited rows stay in the DOM even when scrolled away: focus and
  // aria-activedescendant need them.
  const kept = new Set([active.row, editorRowIndex].filter((index) => index >= 0 && index < rows.length && (index < inView.start || index >= inView.end)));
  const keptRows = [...kept].sort((a, b) => a - b);
  // The edited row keeps its own key, in view or not, and comes first, so it is never moved or
  // made anew: Chromium takes the focus from an input whose row is moved or remade, and a
  // blurred editor commits.
  const edited = editorRowIndex >= 0 && editorRowIndex < rows.length ? editorRowIndex : -1;
  const rendered = edited >= 0 ? [edited] : [];
  if (!scrolling) for (const index of keptRows) if (index !== edited && index < inView.start) rendered.push(index);
  const pivot = scrolling ? inView.start + ((slots - (inView.start % slots)) % slots) : inView.start;
  for (let i = Math.min(pivot, inView.end); i < inView.end; i++) if (i !== edited) rendered.push(i);
  for (let i = inView.start; i < Math.min(pivot, inView.end); i++) if (i !== edited) rendered.push(i);
  for (const index of keptRows) if (index !== edited && (scrolling || index >= inView.end)) rendered.push(index);
  const rowKey = (index: number) => (kept.has(index) || index === edited ? `row:${rows[index].key}` : `slot:${index % slots}`);
  const range = rangeOf(selection);
  const messageRowKey = message?.rowKey;
  cellViews.nextFrame();
  const bodyRows = rendered.map((index) => {
    const row = rows[index];
    const inSelection = index >= range.top && index <= range.bottom;
    return (
      <GridRowView
        key={rowKey(index)}
        row={row}
        index={index}
        ariaRowIndex={headerCount + index + 1}
        rowHeight={rowHeight}
        columns={columns}
        layout={layout}
        colStart={columnsInView.start}
        colEnd={columnsInView.end}
        cells={cellViews.cellsOf(row, props, pending.get(row.key))}
        treeColumn={treeColumn}
        gridId={gridId}
        selLeft={inSelection ? range.left : -1}
        selRight={inSelection ? range.right : -1}
        activeCol={index === active.row ? active.col : -1}
        editor={index === editorRowIndex ? editorBinding : null}
        message={message && messageRowKey === row.key ? messageFor(message) : null}
        onToggleRow={props.onToggleRow}
      />
    );
  });

  const headerCell = (title: string, col: number, span: number, key: string) => {
    const frozen = col < layout.frozenCount;
    const width = layout.left[col + span - 1] + columns[col + span - 1].width - layout.left[col];
    return (
      <div
        key={key}
        role="columnheader"
        aria-colindex={col + 1}
        aria-colspan={span > 1 ? span : undefined}
        className={`dg-header-cell${frozen ? ' dg-cell--frozen' : ''}${col + span - 1 === layout.frozenCount - 1 ? ' dg-cell--frozen-last' : ''}`}
        title={title}
        style={{
          width,
          minWidth: width,
          height: rowHeight,
          position: frozen ? 'sticky' : 'relative',
          left: frozen ? layout.left[col] : undefined,
          zIndex: frozen ? 2 : undefined,
        }}
      >
        {title}
      </div>
    );
  };

  const activeDescendant = rows.length > 0 && columns.length > 0 && !editing ? cellId(gridId, active.row, active.col) : undefined;

  return (
    <div
      ref={root}
      role="grid"
      aria-label={label}
      aria-rowcount={headerCount + rows.length}
      aria-colcount={columns.length}
      aria-multiselectable
      aria-activedescendant={activeDescendant}
      tabIndex={0}
      className={`dg${props.className ? ` ${props.className}` : ''}`}
      // One-line cells centre their text by line height: the row less the cell's bottom border.
      // The scroll padding keeps what the browser scrolls into view (find in page, a focused
      // element) out from under the sticky header and the frozen columns.
      style={
        {
          height: props.height ?? '100%',
          overflow: 'auto',
          position: 'relative',
          scrollPaddingTop: headerHeight,
          scrollPaddingLeft: layout.frozenWidth,
          '--dg-line-height': `${rowHeight - 1}px`,
        } as CSSProperties
      }
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onKeyDownCapture={onKeyDownCapture}
      onCopy={onCopy}
      onPaste={onPaste}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
    >
      <div role="rowgroup" className="dg-head" style={{ position: 'sticky', top: 0, zIndex: 6, width: layout.totalWidth }}>
        {headerRows.map((groups, level) => {
          let col = 0;
          const cells: JSX.Element[] = [];
          groups.forEach((group, i) => {
            const start = col;
            const span = Math.max(1, Math.min(group.span, columns.length - start));
            col += span;
            if (start >= columns.length) return;
            // A group over frozen and scrolling columns is drawn in two pieces, or its frozen
            // piece would slide over the groups to its right.
            const frozenPart = start < layout.frozenCount ? Math.min(span, layout.frozenCount - start) : 0;
            if (frozenPart > 0 && frozenPart < span) {
              cells.push(headerCell(group.title, start, frozenPart, `${level}-${i}-frozen`));
              cells.push(headerCell('', start + frozenPart, span - frozenPart, `${level}-${i}`));
            } else {
              cells.push(headerCell(group.title, start, span, `${level}-${i}`));
            }
          });
          return (
            <div role="row" key={`group-${level}`} aria-rowindex={level + 1} className="dg-header-row dg-header-row--group" style={{ display: 'flex', height: rowHeight }}>
              {cells}
            </div>
          );
        })}
        <div role="row" aria-rowindex={headerCount} className="dg-header-row" style={{ display: 'flex', height: rowHeight }}>
          {columns.map((column, col) => headerCell(column.title, col, 1, column.key))}
        </div>
      </div>
      <div role="rowgroup" className="dg-body" style={{ position: 'relative', height: rows.length * rowHeight, width: layout.totalWidth }}>
        {/* The picture of a glide (glideCanvas), over the rows and under the header, and the
            hidden place where it reads how cells look. */}
        <canvas ref={glideCanvas} aria-hidden className="dg-glide" style={{ top: headerHeight }} />
        <div ref={probeHost} aria-hidden className="dg-probe" />
        {bodyRows}
      </div>
    </div>
  );
}

// One object per message, so a memoised row sees the same message as long as it stands.
const messageCache = new WeakMap<MessageState, CellMessage>();
function messageFor(message: MessageState): CellMessage {
  let cached = messageCache.get(message);
  if (!cached) messageCache.set(message, (cached = { columnKey: message.columnKey, text: message.text, kind: message.kind }));
  return cached;
}
