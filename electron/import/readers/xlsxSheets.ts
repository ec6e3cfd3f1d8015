// The worksheets of an Excel workbook as plain grids, read with our own zip and XML readers
// (not exceljs, which unpacks a file without any limit). Each sheet is streamed: only its
// non-empty cells are kept, and the grid covers the range they use. Formulas are never
// evaluated: a formula cell shows the value Excel cached for it.

import { damagedFileError } from './importFileError';
import { buildRawTable, columnLetters, GridAllowance, type CellArea, type RawTable } from './rawTable';
import { parseArchivePart, type XmlElement, type XmlHandlers } from './safeXml';
import type { ZipArchive } from './zipArchive';

const SPREADSHEET_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main', // ISO 29500 Strict
  '', // a hand-made file without namespaces
]);

export function readXlsxSheets(archive: ZipArchive, workbookPart: string): RawTable[] {
  const relationships = readRelationships(archive, workbookPart);
  const sharedStringsPart = [...relationships.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  const allowance = new GridAllowance(archive.file);
  const sharedStrings =
    sharedStringsPart && archive.has(sharedStringsPart.target)
      ? readSharedStrings(archive, sharedStringsPart.target, allowance)
      : [];
  const tables: RawTable[] = [];
  for (const sheet of readSheetList(archive, workbookPart)) {
    const rel = relationships.get(sheet.relationshipId);
    if (!rel?.type.endsWith('/worksheet')) continue; // chart sheets and the like carry no cells
    if (!archive.has(rel.target)) throw damagedFileError(archive.file, `в архиве нет листа «${sheet.name}»`);
    const reader = new SheetReader(sheet.name, sharedStrings, allowance, archive.file);
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

/** Sheets in workbook order, hidden ones included. */
function readSheetList(archive: ZipArchive, workbookPart: string): SheetEntry[] {
  const sheets: SheetEntry[] = [];
  parseArchivePart(archive, workbookPart, {
    open(element) {
      if (element.local !== 'sheet' || !SPREADSHEET_NAMESPACES.has(element.uri)) return;
      sheets.push({ name: element.attr('name') ?? `Лист${sheets.length + 1}`, relationshipId: element.attrAnyPrefix('id') ?? '' });
    },
  });
  return sheets;
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

interface SheetCell {
  row: number;
  col: number;
  text: string;
  numeric: boolean;
}

interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters and row number of an A1 reference; 0-based. */
function parseReference(reference: string): { row: number; col: number } | undefined {
  // Read by hand rather than by a regular expression: this runs for every cell of a sheet.
  let at = reference.charCodeAt(0) === 0x24 ? 1 : 0; // '$'
  let col = 0;
  let letters = 0;
  for (let code = reference.charCodeAt(at) & ~0x20; code >= 0x41 && code <= 0x5a; code = reference.charCodeAt(at) & ~0x20) {
    col = col * 26 + (code - 0x40);
    letters += 1;
    at += 1;
  }
  if (reference.charCodeAt(at) === 0x24) at += 1;
  let row = 0;
  const digitsFrom = at;
  for (let code = reference.charCodeAt(at); code >= 0x30 && code <= 0x39; code = reference.charCodeAt(at)) {
    row = row * 10 + (code - 0x30);
    at += 1;
  }
  const digits = at - digitsFrom;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || at !== reference.length || row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

function parseRange(reference: string): CellRange | undefined {
  const [first, last = first] = reference.split(':');
  const start = parseReference(first);
  const end = parseReference(last);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** One worksheet part, streamed: keeps non-empty cells and merges. */
class SheetReader implements XmlHandlers {
  private readonly cells: SheetCell[] = [];
  private readonly merges: CellRange[] = [];
  private readonly where: string;
  private inSheetData = false;
  private rowIndex = -1;
  private nextCol = 0;
  private cell: { row: number; col: number; type: string; value: string; inline: string } | undefined;
  private inValue = false;
  private inInlineString = false;
  private inInlineText = false;
  private phoneticDepth = 0;
  private used: CellRange | undefined;

  constructor(
    private readonly name: string,
    private readonly sharedStrings: string[],
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
        const position = parseReference(element.attr('r') ?? '') ?? { row: Math.max(this.rowIndex, 0), col: this.nextCol };
        this.nextCol = position.col + 1;
        this.cell = { row: position.row, col: position.col, type: element.attr('t') ?? 'n', value: '', inline: '' };
        break;
      }
      case 'v':
        this.inValue = this.cell !== undefined;
        break;
      case 'is':
        this.inInlineString = this.cell !== undefined;
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
          this.allowance.checkRoom(this.cells.length + this.merges.length, this.where);
        }
        break;
      }
    }
  }

  text(text: string): void {
    if (this.inValue) this.cell!.value += text;
    else if (this.inInlineText) this.cell!.inline += text;
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
        if (this.cell) this.keep(this.cell.row, this.cell.col, this.cellText(this.cell));
        this.cell = undefined;
        break;
    }
  }

  private cellText(cell: { row: number; col: number; type: string; value: string; inline: string }): {
    text: string;
    numeric: boolean;
  } {
    if (cell.type !== 'inlineStr' && cell.value.trim() === '') return { text: '', numeric: false };
    switch (cell.type) {
      case 's': {
        const text = this.sharedStrings[Number(cell.value)];
        if (text === undefined) {
          const where = `${this.where}, ячейка ${cellName(cell.row, cell.col)}`;
          throw damagedFileError(this.file, `ячейка ссылается на отсутствующую строку текста (${where})`, { where });
        }
        return { text, numeric: false };
      }
      case 'inlineStr':
        return { text: officeText(cell.inline), numeric: false };
      case 'str':
        return { text: officeText(cell.value), numeric: false };
      case 'b':
        return { text: { '1': 'ИСТИНА', '0': 'ЛОЖЬ' }[cell.value.trim()] ?? cell.value.trim(), numeric: false };
      case 'n': {
        const exact = exactDecimal(cell.value);
        return exact === undefined ? { text: cell.value.trim(), numeric: false } : { text: exact, numeric: true };
      }
      default: // 'e' (an error such as #DIV/0!), 'd' (an ISO date)
        return { text: cell.value.trim(), numeric: false };
    }
  }

  private keep(row: number, col: number, { text, numeric }: { text: string; numeric: boolean }): void {
    if (text === '') return;
    this.cells.push({ row, col, text, numeric });
    const used = (this.used ??= { top: row, left: col, bottom: row, right: col });
    used.top = Math.min(used.top, row);
    used.left = Math.min(used.left, col);
    used.bottom = Math.max(used.bottom, row);
    used.right = Math.max(used.right, col);
    this.allowance.checkShape(used.bottom - used.top + 1, used.right - used.left + 1, this.where);
    this.allowance.checkRoom(this.cells.length + this.merges.length, this.where);
  }

  /** The sheet's table, or undefined for a sheet without values. */
  build(index: number): RawTable | undefined {
    if (!this.used) return undefined;
    const byPosition = new Map<number, SheetCell>();
    if (this.merges.length > 0) for (const cell of this.cells) byPosition.set(positionKey(cell.row, cell.col), cell);

    // A merge that starts with a value is part of the table even where it reaches past the
    // values; merges of empty cells are only formatting and are cut to the used range.
    const box = { ...this.used };
    for (const merge of this.merges) {
      if (!byPosition.has(positionKey(merge.top, merge.left))) continue;
      box.top = Math.min(box.top, merge.top);
      box.left = Math.min(box.left, merge.left);
      box.bottom = Math.max(box.bottom, merge.bottom);
      box.right = Math.max(box.right, merge.right);
    }
    const rowCount = box.bottom - box.top + 1;
    const colCount = box.right - box.left + 1;
    this.allowance.admitTable();
    this.allowance.admitGrid(rowCount, colCount, this.where);

    const areas: CellArea[] = [];
    for (const merge of this.merges) {
      const top = Math.max(merge.top, box.top);
      const left = Math.max(merge.left, box.left);
      const bottom = Math.min(merge.bottom, box.bottom);
      const right = Math.min(merge.right, box.right);
      if (top > bottom || left > right) continue;
      const origin = byPosition.get(positionKey(merge.top, merge.left));
      areas.push({
        row: top - box.top,
        col: left - box.left,
        rowSpan: bottom - top + 1,
        colSpan: right - left + 1,
        text: origin?.text ?? '',
        numeric: origin?.numeric,
      });
    }
    for (const cell of this.cells) {
      areas.push({ row: cell.row - box.top, col: cell.col - box.left, rowSpan: 1, colSpan: 1, text: cell.text, numeric: cell.numeric });
    }
    return buildRawTable({
      file: this.file,
      kind: 'xlsx',
      index,
      name: this.name,
      caption: [],
      rowCount,
      colCount,
      areas,
      firstRowNumber: box.top + 1,
      firstColumnNumber: box.left + 1,
    });
  }
}

/** A reference has at most 7 row digits and 3 letters (< 2^21): the key stays below 2^53. */
function positionKey(row: number, col: number): number {
  return row * 2_097_152 + col;
}

function cellName(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}
