// The body rows in view, painted on a canvas. While the view glides (the scrollbar dragged, a
// wheel spun: more rows a frame than anyone reads) the grid shows this picture over its body
// instead of laying out new rows. On the benchmark's 2-core machine a frame of new DOM rows took
// 20–30 ms of the main thread and left garbage enough for full collections; a painted frame
// takes about 3 ms. Once the view rests the rows are elements again, for the keyboard, the mouse
// and assistive technology.
//
// How a cell looks is read from the grid's own style sheet, through a hidden probe cell with the
// classes the DOM row would give it: the picture follows DataGrid.css and the screens' tones
// (achievement colours) without a copy of them here.
//
// A wheel moves the view a few rows a frame, and most rows of a frame were in the last one: rows
// are painted once, into a strip that holds the rows in view, each at the place its index gives
// it modulo the strip's height, and a frame paints only the rows scrolled in and copies the strip
// onto the screen in two pieces. At 100 px a frame that took the renderer's CPU time from about
// 9 to 7 ms a frame on the benchmark's machine, and its JavaScript garbage from 66 to 21 KB. A
// leap of half the view or more paints straight on the screen: a copy of rows mostly painted
// anew would only cost more.

import { FrameMemo } from './frameMemo';
import { CHEVRON, cellClassName, chevronOf, isOneLine, rowClassName, treeIndent, type CellView, type ColumnLayout } from './GridRowView';
import type { CellPos, Range } from './selection';
import type { GridColumn, GridRow } from './types';
import { columnWindow, rowWindow, windowCapacity, type ColumnWindow, type RowWindow } from './virtualWindow';

/** What the picture shows: the rows, how their cells read, and where the view is. */
export interface GlideView<R extends GridRow> {
  rows: readonly R[];
  columns: readonly GridColumn<R>[];
  layout: ColumnLayout;
  rowHeight: number;
  treeColumn: number;
  /** What each cell of a row shows, by column, as the DOM row would show it. */
  cellsOf(row: R): readonly CellView[];
  selection: Range;
  active: CellPos;
  scrollTop: number;
  scrollLeft: number;
  /** The part of the view below the header, in CSS pixels. */
  width: number;
  height: number;
}

/** The rows a paint showed, first and last, by index. */
export interface PaintedRows {
  first: number;
  last: number;
}

/** A font's ascent and descent, whole pixels as the browser lays lines out with them, and its line height. */
interface LineMetrics {
  ascent: number;
  descent: number;
  lineHeight: number;
}

interface TextLook extends LineMetrics {
  font: string;
  color: string;
  /**
   * How the cell's style sheet fits its text: 0 shown as it is (it surely fits), 1 cut with an
   * ellipsis, 2 or more broken into that many lines at most (-webkit-line-clamp), the last cut.
   */
  lines: number;
}

/** A box shadow without blur: how the grid marks the active, flagged and last frozen cells. */
interface Shadow {
  color: string;
  x: number;
  y: number;
  spread: number;
  inset: boolean;
}

interface CellLook {
  background: string | null;
  borderRight: { color: string; width: number };
  borderBottom: { color: string; width: number };
  paddingLeft: number;
  paddingRight: number;
  text: TextLook;
  shadows: Shadow[];
  /** The triangle in the top right corner of a flagged cell (its ::after). */
  corner: { color: string; width: number; height: number } | null;
}

interface ToggleLook extends LineMetrics {
  font: string;
  color: string;
  /** The gap between the chevron and the text. */
  gap: number;
}

const ELLIPSIS = '…';
// Where the text may break: after spaces and after hyphens, as the browser breaks these texts
// (a no-break space is no place to break).
const BREAKS = /[^ -]*(?:-+| +|$)/g;
/** Words measured, by font: a program's names share a few thousand words; more are let go. */
const WORDS_LIMIT = 20_000;

const px = (value: string) => Number.parseFloat(value) || 0;
/** A length in whole device pixels, as the browser puts a scrolled layer on them. */
const devicePixels = (cssPixels: number, ratio: number) => Math.round(cssPixels * ratio);
/** A length as the browser's layout holds it: in 64ths of a pixel. */
const layoutUnits = (pixels: number) => Math.floor(pixels * 64) / 64;
const isTransparent = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);

function shadowsOf(boxShadow: string): Shadow[] {
  if (!boxShadow || boxShadow === 'none') return [];
  // Colours hold commas of their own: split only on the commas between shadows.
  return boxShadow.split(/,(?![^(]*\))/).map((part) => {
    const color = part.match(/rgba?\([^)]*\)|#[0-9a-f]+|[a-z]+(?=\s)/i)?.[0] ?? 'black';
    const [x = 0, y = 0, , spread = 0] = (part.replace(color, '').match(/-?[\d.]+px/g) ?? []).map(px);
    return { color, x, y, spread, inset: /\binset\b/.test(part) };
  });
}

const EMPHASES = [undefined, 'group', 'total', 'detail'] as const;

/** What besides its own classes sets a cell's look: its row's emphasis, whether it is selected, whether active. */
const lookSlot = (row: GridRow, selected: boolean, active: boolean) => EMPHASES.indexOf(row.emphasis) * 4 + (selected ? 2 : 0) + (active ? 1 : 0);

/** What every row in the strip was painted for: another of any of these and each row is painted anew. */
interface StripBasis {
  layout: ColumnLayout;
  scrollLeft: number;
  width: number;
  ratio: number;
  rowHeight: number;
  capacity: number;
  treeColumn: number;
  selection: Range;
  active: CellPos;
}

const sameBasis = (a: StripBasis, b: StripBasis) =>
  a.layout === b.layout &&
  a.scrollLeft === b.scrollLeft &&
  a.width === b.width &&
  a.ratio === b.ratio &&
  a.rowHeight === b.rowHeight &&
  a.capacity === b.capacity &&
  a.treeColumn === b.treeColumn &&
  a.selection.top === b.selection.top &&
  a.selection.left === b.selection.left &&
  a.selection.bottom === b.selection.bottom &&
  a.selection.right === b.selection.right &&
  a.active.row === b.active.row &&
  a.active.col === b.active.col;

export class GlideCanvas {
  /** The context painted on now: the strip's or the screen's. */
  private context: CanvasRenderingContext2D;
  /**
   * Looks by column, then by the row's emphasis and the cell's selection (lookSlot), then by the
   * cell's own classes: found without building a class name for every cell of every frame.
   */
  private looks: Map<string, CellLook>[][] = [];
  /** The columns the looks were read for: other columns (another year chosen) are read anew. */
  private looksLayout: ColumnLayout | null = null;
  private readonly metrics = new Map<string, { ascent: number; descent: number }>();
  /** Texts fitted in the last paint and in this one, by font, room, lines and text. */
  private readonly fittedTexts = new FrameMemo<string, string[]>();
  private readonly wordWidths = new Map<string, Map<string, number>>();
  private toggle: ToggleLook | null = null;
  private background = 'white';
  private font = '';
  private fill = '';
  /** What the strip's rows were painted for; null when it holds none. */
  private basis: StripBasis | null = null;
  /** By slot of the strip: the row painted there, its index and the cells painted. */
  private slots: ({ index: number; row: GridRow; cells: readonly CellView[] } | undefined)[] = [];
  /** Where the view was at the last paint; null before the first. */
  private lastTop: number | null = null;
  /** Whether the last paint went straight on the screen, not through the strip. */
  private direct = true;

  private constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly screen: CanvasRenderingContext2D,
    private readonly strip: HTMLCanvasElement,
    private readonly stripContext: CanvasRenderingContext2D,
    /** An empty element inside the grid's body, where probe cells are styled by its rules. */
    private readonly probeHost: HTMLElement,
  ) {
    this.context = stripContext;
  }

  /** Null where the page cannot paint on a canvas. */
  static create(canvas: HTMLCanvasElement, probeHost: HTMLElement): GlideCanvas | null {
    const screen = canvas.getContext('2d', { alpha: false });
    if (!screen) return null;
    const strip = document.createElement('canvas');
    const stripContext = strip.getContext('2d', { alpha: false });
    return stripContext ? new GlideCanvas(canvas, screen, strip, stripContext, probeHost) : null;
  }

  paint<R extends GridRow>(view: GlideView<R>): PaintedRows {
    const { rows, layout, rowHeight } = view;
    if (this.looksLayout !== layout) {
      this.looks = [];
      this.looksLayout = layout;
      // The picture starts as a plain cell's background: a cell of that background paints none.
      this.background = this.lookOf('dg-row', 'dg-cell', true).background ?? 'white';
    }
    const ratio = window.devicePixelRatio || 1;
    this.resize(view.width, view.height, ratio);
    this.fittedTexts.nextFrame();
    const inView = rowWindow(view.scrollTop, view.height, rowHeight, rows.length, 0);
    const scrolling = columnWindow(layout, view.scrollLeft, view.width, 0);
    // After a leap of half the view or more the strip holds too few of the rows to be worth a
    // copy: the rows are painted straight on the screen, as many as the strip would have painted.
    // A paint where the view stands (the rows changed) goes the way the last one went.
    const moved = this.lastTop === null ? Infinity : Math.abs(view.scrollTop - this.lastTop);
    if (moved > 0) this.direct = moved >= view.height / 2;
    this.lastTop = view.scrollTop;
    if (this.direct) this.paintScreen(view, inView, scrolling, ratio);
    else this.paintThroughStrip(view, inView, scrolling, ratio);
    return { first: inView.start, last: inView.end - 1 };
  }

  /**
   * While the view rests the hidden canvas takes no room, and the next glide paints every row
   * anew. The bitmaps are kept for it (about 9 MB at 1440×900, four times that on a 2× screen,
   * while the grid is shown): made again in the first frame of every glide they cost 8–9 ms of
   * it on the benchmark's machine, and one glide in five started with a frame of 33–50 ms.
   */
  hide(): void {
    this.canvas.style.width = '0px';
    this.canvas.style.height = '0px';
    this.basis = null;
    this.lastTop = null;
  }

  private resize(width: number, height: number, ratio: number): void {
    const pixelsWide = devicePixels(width, ratio);
    const pixelsHigh = devicePixels(height, ratio);
    if (this.canvas.width !== pixelsWide || this.canvas.height !== pixelsHigh) {
      this.canvas.width = pixelsWide;
      this.canvas.height = pixelsHigh;
    }
    const style = this.canvas.style;
    if (style.width !== `${width}px` || style.height !== `${height}px`) {
      style.width = `${width}px`;
      style.height = `${height}px`;
    }
  }

  /**
   * Paints on `context` from now on, in CSS pixels scaled by `ratio`. Its font and colour are
   * taken as unknown: the other context was painted on, or this one was sized afresh.
   */
  private paintOn(context: CanvasRenderingContext2D, ratio: number): void {
    this.context = context;
    this.font = '';
    this.fill = '';
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  /** The rows in view painted on the screen where the view puts them. */
  private paintScreen<R extends GridRow>(view: GlideView<R>, inView: RowWindow, scrolling: ColumnWindow, ratio: number): void {
    this.paintOn(this.screen, ratio);
    for (let index = inView.start; index < inView.end; index++) {
      const row = view.rows[index];
      this.paintRow(view, scrolling, row, index, view.cellsOf(row), index * view.rowHeight - view.scrollTop);
    }
    this.fillBelow(view, inView.end, ratio);
  }

  /** The rows in view not in the strip yet painted into it, and the strip copied onto the screen. */
  private paintThroughStrip<R extends GridRow>(view: GlideView<R>, inView: RowWindow, scrolling: ColumnWindow, ratio: number): void {
    const { rows, layout, rowHeight } = view;
    const capacity = windowCapacity(view.height, rowHeight, 0);
    this.prepareStrip({ layout, scrollLeft: view.scrollLeft, width: view.width, ratio, rowHeight, capacity, treeColumn: view.treeColumn, selection: view.selection, active: view.active });
    this.paintOn(this.stripContext, ratio);
    for (let index = inView.start; index < inView.end; index++) {
      const row = rows[index];
      const cells = view.cellsOf(row);
      const slot = index % capacity;
      const held = this.slots[slot];
      if (held && held.index === index && held.row === row && held.cells === cells) continue;
      this.paintRow(view, scrolling, row, index, cells, slot * rowHeight);
      this.slots[slot] = { index, row, cells };
    }
    this.show(view, inView, capacity, ratio);
  }

  /** Sizes the strip for `capacity` rows and forgets its rows when they were painted for another basis. */
  private prepareStrip(basis: StripBasis): void {
    if (this.basis && sameBasis(this.basis, basis)) return;
    this.basis = basis;
    const wide = devicePixels(basis.width, basis.ratio);
    const high = devicePixels(basis.capacity * basis.rowHeight, basis.ratio);
    if (this.strip.width !== wide || this.strip.height !== high) {
      this.strip.width = wide;
      this.strip.height = high;
    }
    this.slots = [];
  }

  /** One row at `y`: its band of background, the scrolling cells, then the frozen ones over them. */
  private paintRow<R extends GridRow>(view: GlideView<R>, scrolling: ColumnWindow, row: R, index: number, cells: readonly CellView[], y: number): void {
    const { layout, rowHeight, width } = view;
    const ctx = this.context;
    this.setFill(this.background);
    ctx.fillRect(0, y, width, rowHeight);
    ctx.save();
    ctx.beginPath();
    ctx.rect(layout.frozenWidth, y, width - layout.frozenWidth, rowHeight);
    ctx.clip();
    for (let col = scrolling.start; col < scrolling.end; col++) this.paintCell(view, row, index, cells[col], col, layout.left[col] - view.scrollLeft, y);
    ctx.restore();
    // The restore put back the font and colour of before the clip: set them anew when next asked.
    this.font = '';
    this.fill = '';
    for (let col = 0; col < layout.frozenCount; col++) this.paintCell(view, row, index, cells[col], col, layout.left[col], y);
  }

  /**
   * The rows in view from the strip onto the screen, where the view puts them: a piece up to the
   * strip's last slot, then one from its first, in whole device pixels.
   */
  private show<R extends GridRow>(view: GlideView<R>, { start, end }: RowWindow, capacity: number, ratio: number): void {
    const { rowHeight, scrollTop } = view;
    const wide = this.canvas.width;
    this.paintOn(this.screen, 1);
    for (let index = start; index < end; ) {
      const slot = index % capacity;
      const count = Math.min(end - index, capacity - slot);
      const from = devicePixels(slot * rowHeight, ratio);
      const high = devicePixels((slot + count) * rowHeight, ratio) - from;
      this.screen.drawImage(this.strip, 0, from, wide, high, 0, devicePixels(index * rowHeight - scrollTop, ratio), wide, high);
      index += count;
    }
    this.fillBelow(view, end, ratio);
  }

  /** Below the last row the view shows the grid's plain background. */
  private fillBelow<R extends GridRow>(view: GlideView<R>, end: number, ratio: number): void {
    const bottom = Math.max(0, devicePixels(end * view.rowHeight - view.scrollTop, ratio));
    if (bottom >= this.canvas.height) return;
    this.paintOn(this.screen, 1);
    this.setFill(this.background);
    this.screen.fillRect(0, bottom, this.canvas.width, this.canvas.height - bottom);
  }

  private paintCell<R extends GridRow>(view: GlideView<R>, row: R, index: number, cell: CellView, col: number, x: number, y: number): void {
    const { columns, layout, rowHeight, selection } = view;
    const ctx = this.context;
    const column = columns[col];
    const isTree = col === view.treeColumn;
    const oneLine = isOneLine(column, isTree, false);
    const selected = index >= selection.top && index <= selection.bottom && col >= selection.left && col <= selection.right;
    const active = index === view.active.row && col === view.active.col;
    const slot = lookSlot(row, selected, active);
    const byLook = ((this.looks[col] ??= [])[slot] ??= new Map());
    let look = byLook.get(cell.look);
    if (!look) byLook.set(cell.look, (look = this.lookOf(rowClassName(row, false), cellClassName(layout, columns, col, cell, oneLine, selected, active), oneLine)));
    const width = column.width;
    const innerWidth = width - look.borderRight.width;
    const innerHeight = rowHeight - look.borderBottom.width;

    for (const shadow of look.shadows) if (!shadow.inset) this.outerShadow(shadow, x, y, width, rowHeight);
    if (look.background && look.background !== this.background) {
      this.setFill(look.background);
      ctx.fillRect(x, y, width, rowHeight);
    }
    this.setFill(look.borderRight.color);
    ctx.fillRect(x + innerWidth, y, look.borderRight.width, rowHeight);
    this.setFill(look.borderBottom.color);
    ctx.fillRect(x, y + innerHeight, width, look.borderBottom.width);
    for (const shadow of look.shadows) if (shadow.inset) this.insetShadow(shadow, x, y, innerWidth, innerHeight);

    let left = x + (isTree ? treeIndent(row) : look.paddingLeft);
    const right = x + innerWidth - look.paddingRight;
    if (isTree && row.collapsible) {
      const toggle = this.toggleLook();
      this.setFont(toggle.font);
      this.setFill(toggle.color);
      ctx.textAlign = 'center';
      ctx.fillText(chevronOf(row), left + CHEVRON / 2, this.baselines(y, innerHeight, 1, toggle)[0]);
      left += CHEVRON + toggle.gap;
    }
    if (cell.text) this.paintText(cell.text, column.align ?? 'left', look.text, left, right, y, innerHeight);

    if (look.corner) {
      this.setFill(look.corner.color);
      ctx.beginPath();
      ctx.moveTo(x + innerWidth - look.corner.width, y);
      ctx.lineTo(x + innerWidth, y);
      ctx.lineTo(x + innerWidth, y + look.corner.height);
      ctx.fill();
    }
  }

  /** A cell's text between `left` and `right`, fitted as its look says. */
  private paintText(text: string, align: 'left' | 'right' | 'center', look: TextLook, left: number, right: number, y: number, height: number): void {
    const ctx = this.context;
    this.setFont(look.font);
    this.setFill(look.color);
    const room = right - left;
    const shown = look.lines === 0 ? [text] : this.fitted(text, look.font, room, look.lines);
    ctx.textAlign = align;
    const at = align === 'right' ? right : align === 'center' ? (left + right) / 2 : left;
    const baselines = this.baselines(y, height, shown.length, look);
    shown.forEach((line, i) => ctx.fillText(line, at, baselines[i]));
  }

  /**
   * Where the browser puts the baselines of `count` lines centred in a box: each line half its
   * leading, rounded down, above the font's ascent, and the text on whole pixels. Worked out as
   * Blink does, or a line would sit a pixel off the DOM's.
   */
  private baselines(top: number, boxHeight: number, count: number, metrics: LineMetrics): number[] {
    const { lineHeight, ascent, descent } = metrics;
    const first = top + layoutUnits((boxHeight - count * lineHeight) / 2);
    const overLine = ascent + Math.floor((lineHeight - ascent - descent) / 2);
    return Array.from({ length: count }, (_, i) => Math.round(first + i * lineHeight + overLine));
  }

  private fitted(text: string, font: string, room: number, lines: number): string[] {
    const key = `${font}\n${room}\n${lines}\n${text}`;
    const shown = this.fittedTexts.get(key) ?? (lines === 1 ? [this.cut(text, room, false)] : this.broken(text, font, room, lines));
    this.fittedTexts.set(key, shown);
    return shown;
  }

  /** The text, or as much of it as fits with an ellipsis after it; `more` says text was left out already. */
  private cut(text: string, room: number, more: boolean): string {
    const width = (s: string) => this.context.measureText(s).width;
    if (!more && width(text) <= room) return text;
    // A line cut after its last whole word mostly has room for the ellipsis too.
    if (more && width(text + ELLIPSIS) <= room) return text + ELLIPSIS;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (width(text.slice(0, mid).trimEnd() + ELLIPSIS) <= room) low = mid;
      else high = mid - 1;
    }
    return text.slice(0, low).trimEnd() + ELLIPSIS;
  }

  /**
   * The text broken into at most `lines` lines at spaces and hyphens; the last one cut if more is
   * left. A line's width is the sum of its words' widths, as the browser shapes text word by word.
   */
  private broken(text: string, font: string, room: number, lines: number): string[] {
    let words = this.wordWidths.get(font);
    if (!words || words.size > WORDS_LIMIT) this.wordWidths.set(font, (words = new Map()));
    const widthOf = (word: string) => {
      let width = words.get(word);
      if (width === undefined) words.set(word, (width = this.context.measureText(word).width));
      return width;
    };
    const space = widthOf(' ');
    const pieces = text.match(BREAKS)?.filter(Boolean) ?? [text];
    const shown: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (let i = 0; i < pieces.length; i++) {
      const word = pieces[i].trimEnd();
      const wordWidth = widthOf(word);
      const pieceWidth = wordWidth + (pieces[i].length - word.length) * space;
      if (line === '' || lineWidth + wordWidth <= room) {
        line += pieces[i];
        lineWidth += pieceWidth;
        continue;
      }
      if (shown.length === lines - 1) return [...shown, this.cut(line.trimEnd(), room, true)];
      shown.push(line.trimEnd());
      line = pieces[i];
      lineWidth = pieceWidth;
    }
    shown.push(shown.length === lines - 1 ? this.cut(line.trimEnd(), room, false) : line.trimEnd());
    return shown;
  }

  private outerShadow(shadow: Shadow, x: number, y: number, width: number, height: number): void {
    const left = x + shadow.x - shadow.spread;
    const top = y + shadow.y - shadow.spread;
    const right = x + width + shadow.x + shadow.spread;
    const bottom = y + height + shadow.y + shadow.spread;
    // Only what shows outside the box.
    this.setFill(shadow.color);
    this.bands(left, top, right, bottom, x, y, x + width, y + height);
  }

  private insetShadow(shadow: Shadow, x: number, y: number, width: number, height: number): void {
    // Inside the box, all but the box moved by the shadow's offset and shrunk by its spread.
    const left = Math.max(x, x + shadow.x + shadow.spread);
    const top = Math.max(y, y + shadow.y + shadow.spread);
    const right = Math.min(x + width, x + width + shadow.x - shadow.spread);
    const bottom = Math.min(y + height, y + height + shadow.y - shadow.spread);
    this.setFill(shadow.color);
    this.bands(x, y, x + width, y + height, left, top, right, bottom);
  }

  /** Fills the outer rectangle less the inner one, as up to four bands. */
  private bands(left: number, top: number, right: number, bottom: number, innerLeft: number, innerTop: number, innerRight: number, innerBottom: number): void {
    const ctx = this.context;
    const holeTop = Math.min(Math.max(innerTop, top), bottom);
    const holeBottom = Math.max(Math.min(innerBottom, bottom), holeTop);
    if (holeTop > top) ctx.fillRect(left, top, right - left, holeTop - top);
    if (bottom > holeBottom) ctx.fillRect(left, holeBottom, right - left, bottom - holeBottom);
    if (innerLeft > left) ctx.fillRect(left, holeTop, Math.min(innerLeft, right) - left, holeBottom - holeTop);
    if (right > innerRight) ctx.fillRect(Math.max(innerRight, left), holeTop, right - Math.max(innerRight, left), holeBottom - holeTop);
  }

  private setFont(font: string): void {
    if (this.font === font) return;
    this.font = font;
    this.context.font = font;
  }

  private setFill(color: string): void {
    if (this.fill === color) return;
    this.fill = color;
    this.context.fillStyle = color;
  }

  private metricsOf(style: CSSStyleDeclaration): LineMetrics & { font: string } {
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    let metrics = this.metrics.get(font);
    if (!metrics) {
      this.setFont(font);
      const measured = this.context.measureText('Ag');
      metrics = { ascent: Math.round(measured.fontBoundingBoxAscent), descent: Math.round(measured.fontBoundingBoxDescent) };
      this.metrics.set(font, metrics);
    }
    return { font, ...metrics, lineHeight: layoutUnits(px(style.lineHeight) || (metrics.ascent + metrics.descent)) };
  }

  /**
   * The look of a cell with these classes in a row with these, read from a probe cell built as
   * the DOM row builds it: a one-line cell holds its text, any other keeps it in a span.
   */
  private lookOf(rowClasses: string, cellClasses: string, oneLine: boolean): CellLook {
    const { cell, text } = this.probe(rowClasses, cellClasses, oneLine);
    const box = getComputedStyle(cell);
    const letters = getComputedStyle(text);
    const after = getComputedStyle(cell, '::after');
    const cornerColor = after.borderRightColor;
    const look: CellLook = {
      background: isTransparent(box.backgroundColor) ? null : box.backgroundColor,
      borderRight: { color: box.borderRightColor, width: px(box.borderRightWidth) },
      borderBottom: { color: box.borderBottomColor, width: px(box.borderBottomWidth) },
      paddingLeft: px(box.paddingLeft),
      paddingRight: px(box.paddingRight),
      text: {
        color: letters.color,
        lines: Number.parseInt(letters.webkitLineClamp, 10) || (letters.textOverflow === 'ellipsis' ? 1 : 0),
        ...this.metricsOf(letters),
      },
      shadows: shadowsOf(box.boxShadow),
      corner:
        after.content !== 'none' && after.content !== 'normal' && !isTransparent(cornerColor) && px(after.borderRightWidth) > 0
          ? { color: cornerColor, width: px(after.borderRightWidth), height: px(after.borderBottomWidth) }
          : null,
    };
    this.probeHost.replaceChildren();
    return look;
  }

  private toggleLook(): ToggleLook {
    if (!this.toggle) {
      const { cell } = this.probe('dg-row', 'dg-cell', true);
      const button = cell.appendChild(document.createElement('button'));
      button.className = 'dg-toggle';
      const style = getComputedStyle(button);
      this.toggle = { color: style.color, gap: px(style.marginRight), ...this.metricsOf(style) };
      this.probeHost.replaceChildren();
    }
    return this.toggle;
  }

  /** A probe cell and the element holding its text (the cell itself when `oneLine`). */
  private probe(rowClasses: string, cellClasses: string, oneLine: boolean): { cell: HTMLElement; text: HTMLElement } {
    const row = document.createElement('div');
    row.className = rowClasses;
    const cell = row.appendChild(document.createElement('div'));
    cell.className = cellClasses;
    let text: HTMLElement = cell;
    if (!oneLine) {
      text = cell.appendChild(document.createElement('span'));
      text.className = 'dg-text';
    }
    this.probeHost.replaceChildren(row);
    return { cell, text };
  }
}
