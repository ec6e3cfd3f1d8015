// The tables of a Word document (word/document.xml) as plain grids. Word, LibreOffice,
// МойОфис and Р7-Офис all write WordprocessingML but with different prefixes (or none), so
// elements are matched by namespace URI and local name. Only top-level tables become tables;
// the text of a table nested in a cell belongs to that cell.

import { buildRawTable, GridAllowance, type CellArea, type RawTable } from './rawTable';
import { parseArchivePart, type XmlElement, type XmlHandlers } from './safeXml';
import type { ZipArchive } from './zipArchive';

const WORDPROCESSING_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // ISO 29500 Strict
  '', // a hand-made file without namespaces
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Subtrees whose content is not what the reader sees: deleted and moved-away text of tracked
 * changes, and the previous formatting kept by tracked property changes (a w:vMerge inside
 * w:tcPrChange must not merge anything).
 */
const IGNORED_ELEMENTS = new Set([
  'del',
  'moveFrom',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'tblGridChange',
  'trPrChange',
  'tcPrChange',
]);

/** The most caption paragraphs kept before a table. */
const CAPTION_PARAGRAPHS = 10;

/** «Таблица N 4», «Таблица № 4», «Таблица 4.» starting a caption paragraph. */
const TABLE_CAPTION = /^(Таблица\s*(?:N|№)?\s*\d+)(?=$|[\s.:)])/i;

/**
 * How the officer finds a table in the document: by the caption printed above it («Таблица N 4»),
 * else by its place among the tables («Таблица 5»). A name already given in the file gets the
 * table's place added, so no two tables share one.
 */
function tableName(caption: string[], number: number, taken: ReadonlySet<string>): string {
  let printed: string | undefined;
  for (const paragraph of caption) printed = TABLE_CAPTION.exec(paragraph)?.[1].replace(/\s+/g, ' ') ?? printed;
  const name = printed ?? `Таблица ${number}`;
  return taken.has(name) ? `${name} (${number}-я в документе)` : name;
}

export function readDocxTables(archive: ZipArchive, documentPart: string): RawTable[] {
  const reader = new DocumentReader(archive.file);
  parseArchivePart(archive, documentPart, reader);
  return reader.tables;
}

type MergeMark = 'restart' | 'continue';

interface WordCell {
  paragraphs: string[];
  gridSpan: number;
  hMerge?: MergeMark;
  vMerge?: MergeMark;
}

interface WordRow {
  cells: WordCell[];
  gridBefore: number;
  gridAfter: number;
  /** A row deleted with tracked changes on. */
  deleted: boolean;
}

/** A merged or single cell while the table is still being read. */
interface PendingArea {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  paragraphs: string[];
}

class DocumentReader implements XmlHandlers {
  readonly tables: RawTable[] = [];
  private readonly allowance: GridAllowance;
  /** Local names of the open elements ('' for foreign namespaces), to know an element's parent. */
  private readonly openElements: string[] = [];
  /** > 0 while inside an ignored subtree: its depth. */
  private ignoredDepth = 0;
  private tableDepth = 0;
  private table: TableBuilder | undefined;
  /** Text of the open paragraphs; a text box can open a paragraph inside a paragraph. */
  private readonly paragraphs: string[] = [];
  private inText = false;
  /** Body paragraphs since the previous top-level table: the next table's caption. */
  private bodyParagraphs: string[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly file: string) {
    this.allowance = new GridAllowance(file);
  }

  open(element: XmlElement): void {
    if (this.ignoredDepth > 0) {
      this.ignoredDepth += 1;
      return;
    }
    const wordprocessing = WORDPROCESSING_NAMESPACES.has(element.uri);
    const parent = this.openElements.at(-1);
    if (wordprocessing && element.local === 'del' && parent === 'trPr' && this.tableDepth === 1 && this.table?.row) {
      this.table.row.deleted = true;
    }
    if (
      (wordprocessing && IGNORED_ELEMENTS.has(element.local)) ||
      (element.uri === MARKUP_COMPATIBILITY && element.local === 'Fallback') // a copy of mc:Choice
    ) {
      this.ignoredDepth = 1;
      return;
    }
    this.openElements.push(wordprocessing ? element.local : '');
    if (!wordprocessing) return;

    const topLevel = this.tableDepth === 1 ? this.table : undefined;
    switch (element.local) {
      case 'tbl':
        this.tableDepth += 1;
        if (this.tableDepth === 1) this.startTable();
        break;
      case 'tr':
        topLevel?.startRow();
        break;
      case 'tc':
        topLevel?.startCell();
        break;
      case 'gridBefore':
        if (topLevel?.row && parent === 'trPr') topLevel.row.gridBefore = gridCount(element.attrAnyPrefix('val'), 0);
        break;
      case 'gridAfter':
        if (topLevel?.row && parent === 'trPr') topLevel.row.gridAfter = gridCount(element.attrAnyPrefix('val'), 0);
        break;
      case 'gridSpan':
        if (topLevel?.cell && parent === 'tcPr') topLevel.cell.gridSpan = gridCount(element.attrAnyPrefix('val'), 1);
        break;
      case 'hMerge':
        if (topLevel?.cell && parent === 'tcPr') topLevel.cell.hMerge = mergeMark(element.attrAnyPrefix('val'));
        break;
      case 'vMerge':
        if (topLevel?.cell && parent === 'tcPr') topLevel.cell.vMerge = mergeMark(element.attrAnyPrefix('val'));
        break;
      case 'p':
        this.paragraphs.push('');
        break;
      case 't':
        this.inText = true;
        break;
      case 'tab':
        if (parent === 'r') this.append(' '); // not the tab stops of w:pPr/w:tabs
        break;
      case 'br':
      case 'cr':
        if (parent === 'r') this.append('\n');
        break;
      case 'noBreakHyphen':
        if (parent === 'r') this.append('-');
        break;
    }
  }

  close(): void {
    if (this.ignoredDepth > 0) {
      this.ignoredDepth -= 1;
      return;
    }
    const local = this.openElements.pop();
    const topLevel = this.tableDepth === 1 ? this.table : undefined;
    switch (local) {
      case 't':
        this.inText = false;
        break;
      case 'p':
        this.endParagraph(this.paragraphs.pop() ?? '');
        break;
      case 'tc':
        topLevel?.endCell();
        break;
      case 'tr':
        topLevel?.endRow();
        break;
      case 'tbl':
        if (this.tableDepth === 1) this.endTable();
        this.tableDepth -= 1;
        break;
    }
  }

  text(text: string): void {
    if (this.ignoredDepth === 0 && this.inText) this.append(text);
  }

  private append(text: string): void {
    const last = this.paragraphs.length - 1;
    if (last >= 0) this.paragraphs[last] += text;
  }

  private endParagraph(text: string): void {
    if (this.tableDepth === 0) {
      if (text.trim() !== '') this.bodyParagraphs.push(text.trim());
    } else {
      // Paragraphs of nested tables land here too: their text belongs to the outer cell.
      this.table?.cell?.paragraphs.push(text);
    }
  }

  private startTable(): void {
    const caption = this.bodyParagraphs.slice(-CAPTION_PARAGRAPHS);
    const name = tableName(caption, this.tables.length + 1, this.names);
    this.table = new TableBuilder(this.file, name, caption, this.allowance);
    this.bodyParagraphs = [];
  }

  private endTable(): void {
    const table = this.table?.build(this.tables.length);
    if (table) {
      this.tables.push(table);
      this.names.add(table.name);
    }
    this.table = undefined;
  }
}

/** One top-level table: places cells on the grid as rows end, resolving merges. */
class TableBuilder {
  row: WordRow | undefined;
  cell: WordCell | undefined;
  private readonly areas: PendingArea[] = [];
  private rowCount = 0;
  private width = 0;
  /** The area starting at each grid column of the previous row, for vertical merges. */
  private aboveByColumn = new Map<number, PendingArea>();

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly caption: string[],
    private readonly allowance: GridAllowance,
  ) {}

  startRow(): void {
    this.row = { cells: [], gridBefore: 0, gridAfter: 0, deleted: false };
  }

  startCell(): void {
    this.cell = { paragraphs: [], gridSpan: 1 };
  }

  endCell(): void {
    if (this.row && this.cell) this.row.cells.push(this.cell);
    this.cell = undefined;
  }

  endRow(): void {
    const row = this.row;
    this.row = undefined;
    if (!row || row.deleted) return;
    const r = this.rowCount;
    const byColumn = new Map<number, PendingArea>();
    let column = row.gridBefore;
    let previous: PendingArea | undefined;
    for (const cell of row.cells) {
      const span = cell.gridSpan;
      const above = this.aboveByColumn.get(column);
      if (cell.hMerge === 'continue' && previous && previous.row === r && previous.rowSpan === 1) {
        // Legacy horizontal merge: this cell widens the one to its left.
        previous.colSpan += span;
        previous.paragraphs.push(...cell.paragraphs);
      } else if (
        cell.vMerge === 'continue' &&
        above &&
        above.colSpan === span &&
        above.row + above.rowSpan === r
      ) {
        above.rowSpan += 1;
        above.paragraphs.push(...cell.paragraphs); // normally empty; keep whatever is there
        byColumn.set(column, above);
        previous = above;
      } else {
        previous = { row: r, col: column, rowSpan: 1, colSpan: span, paragraphs: cell.paragraphs };
        this.areas.push(previous);
        byColumn.set(column, previous);
      }
      column += span;
    }
    this.rowCount += 1;
    this.width = Math.max(this.width, column + row.gridAfter);
    this.aboveByColumn = byColumn;
    const where = `${this.name}, строка ${this.rowCount}`;
    this.allowance.checkShape(this.rowCount, this.width, where);
    this.allowance.checkRoom(this.areas.length, where);
  }

  /** The finished table, or undefined for a table without rows. */
  build(index: number): RawTable | undefined {
    if (this.rowCount === 0) return undefined;
    this.allowance.admitTable();
    this.allowance.admitGrid(this.rowCount, this.width, this.name);
    const areas: CellArea[] = this.areas.map((area) => ({
      row: area.row,
      col: area.col,
      rowSpan: area.rowSpan,
      colSpan: area.colSpan,
      text: area.paragraphs.join('\n').trim(),
    }));
    return buildRawTable({
      file: this.file,
      kind: 'docx',
      index,
      name: this.name,
      caption: this.caption,
      rowCount: this.rowCount,
      colCount: this.width,
      areas,
    });
  }
}

/** A count of grid columns (gridSpan, gridBefore); absent or nonsense gives the fallback. */
function gridCount(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= fallback ? parsed : fallback;
}

/** w:vMerge / w:hMerge without a value continue a merge. */
function mergeMark(value: string | undefined): MergeMark {
  return value === 'restart' ? 'restart' : 'continue';
}
