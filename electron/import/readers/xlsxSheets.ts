// The worksheets of an Excel workbook as plain grids, read with our own zip and XML readers
// (not exceljs, which unpacks a file without any limit). Each sheet is streamed: only its
// non-empty cells are kept, and the grid covers the range they use. Formulas are never
// evaluated: a formula cell shows the value Excel cached for it.

import { damagedFileError } from './importFileError';
import { columnLetters, GridAllowance, TableGrid, type RawTable } from './rawTable';
import { parseArchivePart, type XmlElement, type XmlHandlers } from './safeXml';
import { numberShapeOf, shownNumber, type NumberShape, type WorkbookNumbers } from './xlsxNumberFormats';
import type { ZipArchive } from './zipArchive';

const SPREADSHEET_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main', // ISO 29500 Strict
  '', // a hand-made file without namespaces
]);

export function readXlsxSheets(archive: ZipArchive, workbookPart: string): RawTable[] {
  const relationships = readRelationships(archive, workbookPart);
  /** The workbook's part of a type (…/sharedStrings, …/styles), when the archive has it. */
  const partOfType = (type: string) => {
    const rel = [...relationships.values()].find((candidate) => candidate.type.endsWith(type));
    return rel && archive.has(rel.target) ? rel.target : undefined;
  };
  const allowance = new GridAllowance(archive.file);
  const sharedStringsPart = partOfType('/sharedStrings');
  const sharedStrings = sharedStringsPart ? readSharedStrings(archive, sharedStringsPart, allowance) : [];
  const stylesPart = partOfType('/styles');
  const workbook = readWorkbook(archive, workbookPart);
  const numbers: WorkbookNumbers = {
    shapes: stylesPart ? readNumberShapes(archive, stylesPart, allowance) : new Map(),
    date1904: workbook.date1904,
  };
  const tables: RawTable[] = [];
  for (const sheet of workbook.sheets) {
    const rel = relationships.get(sheet.relationshipId);
    if (!rel?.type.endsWith('/worksheet')) continue; // chart sheets and the like carry no cells
    if (!archive.has(rel.target)) throw damagedFileError(archive.file, `в архиве нет листа «${sheet.name}»`);
    const reader = new SheetReader(sheet.name, sharedStrings, numbers, allowance, archive.file);
    parseArchivePart(archive, rel.target, reader);
    const table = reader.build(tables.length);
    if (table) tables.push(table);
  }
  return tables;
}

/**
 * The exact decimal of a stored number. Excel keeps 15 significant digits, so the text a file
 * stores ('3306.2000000000003', '6806.8533299999999') is read as a double and written back
 * with 15 digits, trailing zeros dropped and exponents spelled out: '3306.2', '6806.85333',
 * '1E-3' → '0.001'. Undefined if the text is not a number.
 */
export function exactDecimal(stored: string): string | undefined {
  const text = stored.trim();
  // Most stored numbers are already plain and short: up to 15 digits survive the double
  // unchanged, so they are their own exact decimal.
  if (text.length <= 15 && /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(text) && text !== '-0') return text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] =
    /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(value.toPrecision(15))!;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  let integerPart: string;
  let fractionPart: string;
  if (point <= 0) {
    integerPart = '0';
    fractionPart = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    integerPart = digits + '0'.repeat(point - digits.length);
    fractionPart = '';
  } else {
    integerPart = digits.slice(0, point);
    fractionPart = digits.slice(point);
  }
  integerPart = integerPart.replace(/^0+(?=\d)/, '');
  fractionPart = fractionPart.replace(/0+$/, '');
  const plain = fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
  return plain === '0' ? '0' : sign + plain;
}

interface Relationship {
  type: string;
  /** The target part's name inside the archive. */
  target: string;
}

/** The relationships of a part (its _rels/<name>.rels), by id, targets resolved. */
function readRelationships(archive: ZipArchive, sourcePart: string): Map<string, Relationship> {
  const slash = sourcePart.lastIndexOf('/');
  const relsPart = `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
  const relationships = new Map<string, Relationship>();
  if (!archive.has(relsPart)) return relationships;
  parseArchivePart(archive, relsPart, {
    open(element) {
      if (element.local !== 'Relationship' || element.attr('TargetMode') === 'External') return;
      const id = element.attr('Id');
      const target = element.attr('Target');
      if (id && target) {
        relationships.set(id, { type: element.attr('Type') ?? '', target: resolveTarget(sourcePart, target) });
      }
    },
  });
  return relationships;
}

/** A relationship target is relative to the source part's folder, or absolute from the root. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') path.pop();
    else if (segment !== '.' && segment !== '') path.push(segment);
  }
  return path.join('/');
}

interface SheetEntry {
  name: string;
  relationshipId: string;
}

/** The sheets in workbook order, hidden ones included, and whether dates count from 1904 (a Mac book). */
function readWorkbook(archive: ZipArchive, workbookPart: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseArchivePart(archive, workbookPart, {
    open(element) {
      if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
      if (element.local === 'sheet') {
        sheets.push({ name: element.attr('name') ?? `Лист${sheets.length + 1}`, relationshipId: element.attrAnyPrefix('id') ?? '' });
      } else if (element.local === 'workbookPr') {
        date1904 = ['1', 'true'].includes(element.attr('date1904') ?? '');
      }
    },
  });
  return { sheets, date1904 };
}

/** The shared string table: rich text runs joined, phonetic hints (rPh) left out. */
function readSharedStrings(archive: ZipArchive, part: string, allowance: GridAllowance): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let phoneticDepth = 0;
  let inText = false;
  parseArchivePart(archive, part, {
    open(element) {
      if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
      if (element.local === 'si') current = '';
      else if (element.local === 'rPh') phoneticDepth += 1;
      else if (element.local === 't') inText = current !== undefined && phoneticDepth === 0;
    },
    text(text) {
      if (inText) current += text;
    },
    close(element) {
      if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
      if (element.local === 't') inText = false;
      else if (element.local === 'rPh') phoneticDepth -= 1;
      else if (element.local === 'si') {
        strings.push(officeText(current ?? ''));
        current = undefined;
        // A real book never has more distinct strings than cells.
        allowance.checkRoom(strings.length, 'общий список строк');
      }
    },
  });
  return strings;
}

/**
 * The cell styles (their places in cellXfs, which a cell's s= names) that show a number as a
 * percentage or a date, with that shape: such a cell stores 0.305 for the 30,5 % the officer
 * typed and sees, or 43448 for 14.12.2018.
 */
function readNumberShapes(archive: ZipArchive, part: string, allowance: GridAllowance): Map<number, NumberShape> {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  parseArchivePart(archive, part, {
    open(element) {
      if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
      if (element.local === 'numFmt') {
        const id = Number(element.attr('numFmtId'));
        const code = element.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
        allowance.checkCellStyles(codes.size);
      } else if (element.local === 'cellXfs') {
        inCellXfs = true;
      } else if (element.local === 'xf' && inCellXfs) {
        formats.push(Number(element.attr('numFmtId') ?? 0));
        allowance.checkCellStyles(formats.length);
      }
    },
    close(element) {
      if (element.local === 'cellXfs' && SPREADSHEET_NAMESPACES.has(element.uri)) inCellXfs = false;
    },
  });
  const shapes = new Map<number, NumberShape>();
  formats.forEach((id, style) => {
    const shape = numberShapeOf(id, codes.get(id));
    if (shape) shapes.set(style, shape);
  });
  return shapes;
}

/**
 * Text as Excel stores it: characters XML cannot carry are escaped as _xHHHH_ (a line break
 * from Alt+Enter often arrives as '_x000D_\n'), and line ends become '\n'.
 */
function officeText(stored: string): string {
  let text = stored;
  if (text.includes('_x')) {
    text = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.trim();
}

interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The position parseReference last read, 0-based; kept here rather than returned as an
 *  object, since it runs for every cell of a sheet. */
const reference = { row: 0, col: 0 };

/** Reads the column letters and row number of an A1 reference into `reference`; false if the
 *  text is not one. */
function parseReference(text: string): boolean {
  // Read by hand rather than by a regular expression: this runs for every cell of a sheet.
  let at = text.charCodeAt(0) === 0x24 ? 1 : 0; // '$'
  let col = 0;
  let letters = 0;
  for (let code = text.charCodeAt(at) & ~0x20; code >= 0x41 && code <= 0x5a; code = text.charCodeAt(at) & ~0x20) {
    col = col * 26 + (code - 0x40);
    letters += 1;
    at += 1;
  }
  if (text.charCodeAt(at) === 0x24) at += 1;
  let row = 0;
  const digitsFrom = at;
  for (let code = text.charCodeAt(at); code >= 0x30 && code <= 0x39; code = text.charCodeAt(at)) {
    row = row * 10 + (code - 0x30);
    at += 1;
  }
  const digits = at - digitsFrom;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || at !== text.length || row < 1) return false;
  reference.row = row - 1;
  reference.col = col - 1;
  return true;
}

function parseRange(text: string): CellRange | undefined {
  const [first, last = first] = text.split(':');
  if (!parseReference(first)) return undefined;
  const { row, col } = reference;
  if (!parseReference(last)) return undefined;
  return {
    top: Math.min(row, reference.row),
    left: Math.min(col, reference.col),
    bottom: Math.max(row, reference.row),
    right: Math.max(col, reference.col),
  };
}

/** A cell's position as one number, for looking cells up by position. A reference has at most
 *  7 row digits and 3 letters (< 2^21): the key stays below 2^53. */
function positionKey(row: number, col: number): number {
  return row * 2_097_152 + col;
}

/**
 * Small integers kept for each cell of a sheet while it is read, in a typed array that doubles
 * as needed: four bytes a cell instead of eight, and no outgrown copies waiting in V8's
 * large-object space for a full collection, as a JS array grown to a large sheet's 170 000
 * cells left them (about 5 MB of its import's peak).
 */
class CellNumbers {
  private values = new Int32Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index];
  }
}

/**
 * One worksheet part, streamed: keeps the non-empty cells — their rows, columns and texts in
 * plain lists, the large sheet's 170 000 cells then cost no object until the grid is built —
 * and the merges.
 */
class SheetReader implements XmlHandlers {
  private readonly rows = new CellNumbers();
  private readonly cols = new CellNumbers();
  private readonly texts: string[] = [];
  /** Whether each cell is stored as a number. */
  private readonly numeric = new CellNumbers();
  private readonly merges: CellRange[] = [];
  private readonly where: string;
  private inSheetData = false;
  private rowIndex = -1;
  private nextCol = 0;
  // The cell being read.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = '';
  private cellStyle = 0;
  private cellValue = '';
  private cellInline = '';
  private inValue = false;
  private inInlineString = false;
  private inInlineText = false;
  private phoneticDepth = 0;
  private used: CellRange | undefined;

  constructor(
    private readonly name: string,
    private readonly sharedStrings: string[],
    private readonly numbers: WorkbookNumbers,
    private readonly allowance: GridAllowance,
    private readonly file: string,
  ) {
    this.where = `лист «${name}»`;
  }

  open(element: XmlElement): void {
    if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
    switch (element.local) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row': {
        if (!this.inSheetData) break;
        const number = Number(element.attr('r'));
        this.rowIndex = Number.isInteger(number) && number >= 1 ? number - 1 : this.rowIndex + 1;
        this.nextCol = 0;
        break;
      }
      case 'c': {
        if (!this.inSheetData) break;
        const name = element.attr('r');
        if (name !== undefined && parseReference(name)) {
          this.cellRow = reference.row;
          this.cellCol = reference.col;
        } else {
          this.cellRow = Math.max(this.rowIndex, 0);
          this.cellCol = this.nextCol;
        }
        this.nextCol = this.cellCol + 1;
        this.inCell = true;
        this.cellType = element.attr('t') ?? 'n';
        this.cellStyle = Number(element.attr('s') ?? 0);
        this.cellValue = '';
        this.cellInline = '';
        break;
      }
      case 'v':
        this.inValue = this.inCell;
        break;
      case 'is':
        this.inInlineString = this.inCell;
        break;
      case 'rPh':
        this.phoneticDepth += 1;
        break;
      case 't':
        this.inInlineText = this.inInlineString && this.phoneticDepth === 0;
        break;
      case 'mergeCell': {
        const range = parseRange(element.attr('ref') ?? '');
        if (range && (range.bottom > range.top || range.right > range.left)) {
          this.merges.push(range);
          this.allowance.checkRoom(this.texts.length + this.merges.length, this.where);
        }
        break;
      }
    }
  }

  text(text: string): void {
    if (this.inValue) this.cellValue += text;
    else if (this.inInlineText) this.cellInline += text;
  }

  close(element: XmlElement): void {
    if (!SPREADSHEET_NAMESPACES.has(element.uri)) return;
    switch (element.local) {
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'v':
        this.inValue = false;
        break;
      case 'is':
        this.inInlineString = false;
        break;
      case 'rPh':
        this.phoneticDepth -= 1;
        break;
      case 't':
        this.inInlineText = false;
        break;
      case 'c':
        if (this.inCell) this.closeCell();
        this.inCell = false;
        break;
    }
  }

  /** Keeps the cell just read if it shows anything. */
  private closeCell(): void {
    const { cellType: type, cellValue: value } = this;
    if (type !== 'inlineStr' && value.trim() === '') return;
    switch (type) {
      case 's': {
        const text = this.sharedStrings[Number(value)];
        if (text === undefined) {
          const where = `${this.where}, ячейка ${cellName(this.cellRow, this.cellCol)}`;
          throw damagedFileError(this.file, `ячейка ссылается на отсутствующую строку текста (${where})`, { where });
        }
        return this.keep(text, false);
      }
      case 'inlineStr':
        return this.keep(officeText(this.cellInline), false);
      case 'str':
        return this.keep(officeText(value), false);
      case 'b':
        return this.keep({ '1': 'ИСТИНА', '0': 'ЛОЖЬ' }[value.trim()] ?? value.trim(), false);
      case 'n': {
        const exact = exactDecimal(value);
        if (exact === undefined) return this.keep(value.trim(), false);
        // A percentage or a date is read as the officer sees it, «30.5%» or «14.12.2018», as a
        // Word table of the same form would have it.
        const shown = shownNumber(exact, this.cellStyle, this.numbers);
        return shown === undefined ? this.keep(exact, true) : this.keep(shown, false);
      }
      default: // 'e' (an error such as #DIV/0!), 'd' (an ISO date)
        return this.keep(value.trim(), false);
    }
  }

  private keep(text: string, numeric: boolean): void {
    if (text === '') return;
    const row = this.cellRow;
    const col = this.cellCol;
    this.rows.push(row);
    this.cols.push(col);
    this.texts.push(text);
    this.numeric.push(numeric ? 1 : 0);
    const used = (this.used ??= { top: row, left: col, bottom: row, right: col });
    used.top = Math.min(used.top, row);
    used.left = Math.min(used.left, col);
    used.bottom = Math.max(used.bottom, row);
    used.right = Math.max(used.right, col);
    this.allowance.checkShape(used.bottom - used.top + 1, used.right - used.left + 1, this.where);
    this.allowance.checkRoom(this.texts.length + this.merges.length, this.where);
  }

  /** The sheet's table, or undefined for a sheet without values. */
  build(index: number): RawTable | undefined {
    if (!this.used) return undefined;
    const { rows, cols, texts, numeric, merges } = this;
    // The cell each merge starts with, if any: a merge that starts with a value is part of the
    // table even where it reaches past the values; merges of empty cells are only formatting
    // and are cut to the used range.
    const origins = new Set(merges.map((merge) => positionKey(merge.top, merge.left)));
    const cellAt = new Map<number, number>();
    if (origins.size > 0) {
      for (let i = 0; i < texts.length; i++) {
        const key = positionKey(rows.at(i), cols.at(i));
        if (origins.has(key)) cellAt.set(key, i);
      }
    }
    const originCell = merges.map((merge) => cellAt.get(positionKey(merge.top, merge.left)) ?? -1);
    const box = { ...this.used };
    merges.forEach((merge, m) => {
      if (originCell[m] < 0) return;
      box.top = Math.min(box.top, merge.top);
      box.left = Math.min(box.left, merge.left);
      box.bottom = Math.max(box.bottom, merge.bottom);
      box.right = Math.max(box.right, merge.right);
    });
    const rowCount = box.bottom - box.top + 1;
    const colCount = box.right - box.left + 1;
    this.allowance.admitTable();
    this.allowance.admitGrid(rowCount, colCount, this.where);

    // Merges first, so that a stray value under one is dropped (see TableGrid.place).
    const grid = new TableGrid(rowCount, colCount);
    merges.forEach((merge, m) => {
      const top = Math.max(merge.top, box.top);
      const left = Math.max(merge.left, box.left);
      const bottom = Math.min(merge.bottom, box.bottom);
      const right = Math.min(merge.right, box.right);
      if (top > bottom || left > right) return;
      const origin = originCell[m];
      const text = origin < 0 ? '' : texts[origin];
      grid.place(top - box.top, left - box.left, bottom - top + 1, right - left + 1, text, origin >= 0 && numeric.at(origin) === 1);
    });
    for (let i = 0; i < texts.length; i++) {
      grid.place(rows.at(i) - box.top, cols.at(i) - box.left, 1, 1, texts[i], numeric.at(i) === 1);
    }
    return grid.table({
      file: this.file,
      kind: 'xlsx',
      index,
      name: this.name,
      caption: [],
      firstRowNumber: box.top + 1,
      firstColumnNumber: box.left + 1,
    });
  }
}

function cellName(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}
